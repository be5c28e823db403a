import type { SupportSessionStore } from '../../bot/ports/support/sessions.js';
import type { SupportRole } from '../../bot/ports/support/users.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The console's sessions, by schema version (see `Migration`). */
export const SUPPORT_SESSIONS_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: sessions (only the hash of each id).
  CREATE TABLE support_sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES support_users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX support_sessions_by_user ON support_sessions (user_id);
  CREATE INDEX support_sessions_by_expiry ON support_sessions (expires_at);
  `,
  },
];

interface SessionRow {
  id_hash: string;
  user_id: number;
  name: string;
  role: SupportRole;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export function createSupportSessionStore(db: SqliteDatabase): SupportSessionStore {
  const insert = db.prepare(
    `INSERT INTO support_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES (@idHash, @userId, @csrfToken, @now, @now, @expiresAt)`,
  );
  const select = db.prepare<[string], SessionRow>(
    `SELECT s.id_hash, s.user_id, u.name, u.role, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at
     FROM support_sessions s JOIN support_users u ON u.id = s.user_id
     WHERE s.id_hash = ? AND u.disabled = 0`,
  );
  const touch = db.prepare('UPDATE support_sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM support_sessions WHERE id_hash = ?');
  const removeExpired = db.prepare('DELETE FROM support_sessions WHERE expires_at <= ?');

  return {
    create({ idHash, userId, csrfToken, now, expiresAt }) {
      insert.run({ idHash, userId, csrfToken, now, expiresAt });
    },
    use({ idHash, now, idleMs }) {
      const row = select.get(idHash);
      if (!row) return undefined;
      if (row.expires_at <= now || now - row.last_seen_at > idleMs) {
        remove.run(idHash);
        return undefined;
      }
      touch.run(now, idHash);
      return {
        idHash: row.id_hash,
        userId: row.user_id,
        userName: row.name,
        role: row.role,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },
    delete(idHash) {
      remove.run(idHash);
    },
    prune(now) {
      return removeExpired.run(now).changes;
    },
  };
}
