import { SupportUserExistsError, type SupportRole, type SupportUser, type SupportUserStore } from '../../bot/ports/support/users.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The console's staff accounts, by schema version (see `Migration`). */
export const SUPPORT_USERS_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: staff accounts (scrypt hashes).
  CREATE TABLE support_users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'analyst')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  );
  `,
  },
];

interface UserRow {
  id: number;
  name: string;
  role: SupportRole;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
}

export function createSupportUserStore(db: SqliteDatabase): SupportUserStore {
  const insert = db.prepare(
    `INSERT INTO support_users (name, role, password_hash, disabled, created_at, updated_at)
     VALUES (@name, @role, @passwordHash, 0, @now, @now)`,
  );
  const byName = db.prepare<[string], UserRow>('SELECT * FROM support_users WHERE name = ?');
  const byId = db.prepare<[number], UserRow>('SELECT * FROM support_users WHERE id = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM support_users ORDER BY name');
  const updatePassword = db.prepare('UPDATE support_users SET password_hash = ?, updated_at = ? WHERE name = ?');
  const updateDisabled = db.prepare('UPDATE support_users SET disabled = ?, updated_at = ? WHERE name = ?');
  // A disabled account or a new password ends every session at once.
  const dropSessions = db.prepare('DELETE FROM support_sessions WHERE user_id = (SELECT id FROM support_users WHERE name = ?)');

  return {
    create({ name, role, passwordHash, now }) {
      if (byName.get(name)) throw new SupportUserExistsError(`A support user named ${name} exists`);
      const { lastInsertRowid } = insert.run({ name, role, passwordHash, now });
      return toUser(byId.get(Number(lastInsertRowid)) as UserRow);
    },
    findByName(name) {
      const row = byName.get(name);
      return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
    },
    findById(id) {
      const row = byId.get(id);
      return row ? toUser(row) : undefined;
    },
    list() {
      return all.all().map(toUser);
    },
    setPassword: db.transaction(({ name, passwordHash, now }: { name: string; passwordHash: string; now: number }) => {
      dropSessions.run(name);
      return updatePassword.run(passwordHash, now, name).changes > 0;
    }),
    setDisabled: db.transaction(({ name, disabled, now }: { name: string; disabled: boolean; now: number }) => {
      if (disabled) dropSessions.run(name);
      return updateDisabled.run(disabled ? 1 : 0, now, name).changes > 0;
    }),
  };
}

function toUser(row: UserRow): SupportUser {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
