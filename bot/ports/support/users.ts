/**
 * The support console's staff accounts, as a port. Implemented by
 * data/support/support-users.store.ts.
 */

export const SUPPORT_ROLES = ['agent', 'supervisor', 'analyst'] as const;
/** agent: reads transcripts masked, files incidents; supervisor: sees in full, exports, audits; analyst: failure switch and dashboard. */
export type SupportRole = (typeof SUPPORT_ROLES)[number];

export function isSupportRole(value: string): value is SupportRole {
  return (SUPPORT_ROLES as readonly string[]).includes(value);
}

export interface SupportUser {
  id: number;
  name: string;
  role: SupportRole;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
}

/** Raised when a name is already taken (names compare without case). */
export class SupportUserExistsError extends Error {
  override readonly name = 'SupportUserExistsError';
}

/** Staff accounts of the support console. Passwords arrive already hashed. */
export interface SupportUserStore {
  create(params: { name: string; role: SupportRole; passwordHash: string; now: number }): SupportUser;
  /** The account and its stored hash, by name (any case), disabled ones included. */
  findByName(name: string): (SupportUser & { passwordHash: string }) | undefined;
  findById(id: number): SupportUser | undefined;
  list(): SupportUser[];
  setPassword(params: { name: string; passwordHash: string; now: number }): boolean;
  setDisabled(params: { name: string; disabled: boolean; now: number }): boolean;
}
