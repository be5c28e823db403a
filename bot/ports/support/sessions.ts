/**
 * The support console's signed-in sessions, as a port. Implemented by
 * data/support/support-sessions.store.ts.
 */
import type { SupportRole } from './users.js';

/** A signed-in session as the console sees it: who, and the token its forms must carry. */
export interface SupportSession {
  idHash: string;
  userId: number;
  userName: string;
  role: SupportRole;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * Console sessions. Only a hash of each session id is stored, so a copy of the database
 * does not let anyone sign in. A session ends at `expiresAt` or after `idleMs` unused.
 */
export interface SupportSessionStore {
  create(params: { idHash: string; userId: number; csrfToken: string; now: number; expiresAt: number }): void;
  /** The live session with that id hash, touched as used now; `undefined` when absent, idle too long, expired or its user disabled. */
  use(params: { idHash: string; now: number; idleMs: number }): SupportSession | undefined;
  delete(idHash: string): void;
  /** Drops every expired session; returns how many. */
  prune(now: number): number;
}
