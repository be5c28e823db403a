import type { AuditAction, AuditLog } from '../../bot/ports/support/audit-log.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The console's audit log, by schema version (see `Migration`). */
export const AUDIT_LOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: the audit log.
  CREATE TABLE support_audit (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    user_id         INTEGER,
    user_name       TEXT NOT NULL,
    action          TEXT NOT NULL,
    conversation_id TEXT,
    incident_id     INTEGER,
    detail          TEXT
  );
  CREATE INDEX support_audit_by_conversation ON support_audit (conversation_id, id);
  CREATE INDEX support_audit_by_user ON support_audit (user_name, id);
  `,
  },
];

interface AuditRow {
  id: number;
  at: number;
  user_id: number | null;
  user_name: string;
  action: AuditAction;
  conversation_id: string | null;
  incident_id: number | null;
  detail: string | null;
}

/** The audit log: append-only, nothing in the console edits or deletes it. */
export function createAuditLog(db: SqliteDatabase): AuditLog {
  const insert = db.prepare(
    `INSERT INTO support_audit (at, user_id, user_name, action, conversation_id, incident_id, detail)
     VALUES (@at, @userId, @userName, @action, @conversationId, @incidentId, @detail)`,
  );
  // One statement per filter shape, each able to walk its index newest first.
  const byConversation = db.prepare<[string, number, number], AuditRow>('SELECT * FROM support_audit WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?');
  const byUser = db.prepare<[string, number, number], AuditRow>('SELECT * FROM support_audit WHERE user_name = ? AND id < ? ORDER BY id DESC LIMIT ?');
  const all = db.prepare<[number, number], AuditRow>('SELECT * FROM support_audit WHERE id < ? ORDER BY id DESC LIMIT ?');

  return {
    record(entry) {
      insert.run({
        at: entry.at,
        userId: entry.userId ?? null,
        userName: entry.userName,
        action: entry.action,
        conversationId: entry.conversationId ?? null,
        incidentId: entry.incidentId ?? null,
        detail: entry.detail ?? null,
      });
    },
    list({ conversationId, userName, beforeId, limit }) {
      const before = beforeId ?? Number.MAX_SAFE_INTEGER;
      const rows = conversationId ? byConversation.all(conversationId, before, limit) : userName ? byUser.all(userName, before, limit) : all.all(before, limit);
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        userId: row.user_id ?? undefined,
        userName: row.user_name,
        action: row.action,
        conversationId: row.conversation_id ?? undefined,
        incidentId: row.incident_id ?? undefined,
        detail: row.detail ?? undefined,
      }));
    },
  };
}
