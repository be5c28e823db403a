/**
 * The support console's audit log, as a port: every action staff take, who took it and when.
 * Implemented by data/support/audit-log.store.ts.
 */

/** Everything the console records: who did what, when, to which conversation or incident. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-in-throttled',
  'sign-out',
  'conversation-search',
  'conversation-view',
  'conversation-export-csv',
  'conversation-export-transcript',
  'incident-create',
  'incident-view',
  'incident-evidence-view',
  'incident-status',
  'failure-notice-on',
  'failure-notice-update',
  'failure-notice-off',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: number;
  userId: number | undefined;
  userName: string;
  action: AuditAction;
  conversationId: string | undefined;
  incidentId: number | undefined;
  /** Free text or JSON with the particulars (filters used, new status, channel, ...). */
  detail: string | undefined;
}

export interface AuditQuery {
  conversationId?: string;
  userName?: string;
  /** Entries older than this id (keyset pagination, newest first). */
  beforeId?: number;
  limit: number;
}

export interface AuditLog {
  record(entry: { at: number; userId?: number; userName: string; action: AuditAction; conversationId?: string; incidentId?: number; detail?: string }): void;
  /** Newest first. */
  list(query: AuditQuery): AuditEntry[];
}
