import { createHash } from 'node:crypto';
import type { LoginAttemptStore } from '../../bot/ports/support/login-attempts.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** Failed sign-ins and the addresses accounts signed in from, by schema version (see `Migration`). */
export const LOGIN_ATTEMPTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: failed sign-ins, for rate limiting.
  CREATE TABLE support_login_failures (
    id    INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('ip', 'user')),
    key   TEXT NOT NULL,
    at    INTEGER NOT NULL
  );
  CREATE INDEX support_login_failures_by_key ON support_login_failures (scope, key, at);
  CREATE INDEX support_login_failures_by_at ON support_login_failures (at);
  `,
  },
  {
    version: 9,
    sql: `
  -- Support console (issue 15): the addresses each account has signed in from (hashed), so a
  -- known-good password from one of them is never held back by failures others caused.
  CREATE TABLE support_known_addresses (
    user_id      INTEGER NOT NULL REFERENCES support_users (id) ON DELETE CASCADE,
    address_hash TEXT NOT NULL,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, address_hash)
  ) WITHOUT ROWID;
  `,
  },
];

export function createLoginAttemptStore(db: SqliteDatabase): LoginAttemptStore {
  const insert = db.prepare('INSERT INTO support_login_failures (scope, key, at) VALUES (?, ?, ?)');
  const count = db.prepare<[string, string, number], { count: number; oldest: number | null; newest: number | null }>(
    'SELECT COUNT(*) AS count, MIN(at) AS oldest, MAX(at) AS newest FROM support_login_failures WHERE scope = ? AND key = ? AND at > ?',
  );
  const remember = db.prepare(
    `INSERT INTO support_known_addresses (user_id, address_hash, last_seen_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id, address_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
  );
  const known = db.prepare<[number, string, number], { found: number }>(
    'SELECT 1 AS found FROM support_known_addresses WHERE user_id = ? AND address_hash = ? AND last_seen_at > ?',
  );
  const clear = db.prepare(`DELETE FROM support_login_failures WHERE scope = 'user' AND key = ?`);
  const prune = db.prepare('DELETE FROM support_login_failures WHERE at <= ?');
  const record = db.transaction((ip: string, userName: string, now: number) => {
    insert.run('ip', ip, now);
    insert.run('user', userKey(userName), now);
  });

  return {
    recordFailure({ ip, userName, now }) {
      record(ip, userName, now);
    },
    failuresSince({ scope, key, since }) {
      const row = count.get(scope, scope === 'user' ? userKey(key) : key, since);
      return { count: row?.count ?? 0, oldest: row?.oldest ?? undefined, newest: row?.newest ?? undefined };
    },
    clearUser(userName) {
      clear.run(userKey(userName));
    },
    prune(before) {
      prune.run(before);
    },
    rememberAddress({ userId, address, now }) {
      remember.run(userId, addressHash(address), now);
    },
    isKnownAddress({ userId, address, since }) {
      return known.get(userId, addressHash(address), since) !== undefined;
    },
  };
}

/** Staff addresses are kept only as hashes: enough to recognise one, not to list them. */
function addressHash(address: string): string {
  return createHash('sha256').update(`lina-support-address:${address}`).digest('hex');
}

/** Names compare without case, as accounts do. */
function userKey(name: string): string {
  return name.trim().toLowerCase();
}
