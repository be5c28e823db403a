import type { SqliteDatabase } from '../database.js';

/** What a failed sign-in is counted against: the caller's address and the name tried. */
export type LoginAttemptScope = 'ip' | 'user';

/**
 * Failed sign-ins within a sliding window, per address and per user name, so guessing is
 * throttled whichever of the two an attacker varies. Kept in SQLite: a restart does not
 * reset the count.
 */
export interface LoginAttemptStore {
  recordFailure(params: { ip: string; userName: string; now: number }): void;
  /** Failures since `since` for that key. */
  failuresSince(params: { scope: LoginAttemptScope; key: string; since: number }): { count: number; oldest: number | undefined };
  /** A successful sign-in forgives the name's failures (not the address's). */
  clearUser(userName: string): void;
  prune(before: number): void;
}

export function createLoginAttemptStore(db: SqliteDatabase): LoginAttemptStore {
  const insert = db.prepare('INSERT INTO support_login_failures (scope, key, at) VALUES (?, ?, ?)');
  const count = db.prepare<[string, string, number], { count: number; oldest: number | null }>(
    'SELECT COUNT(*) AS count, MIN(at) AS oldest FROM support_login_failures WHERE scope = ? AND key = ? AND at > ?',
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
      return { count: row?.count ?? 0, oldest: row?.oldest ?? undefined };
    },
    clearUser(userName) {
      clear.run(userKey(userName));
    },
    prune(before) {
      prune.run(before);
    },
  };
}

/** Names compare without case, as accounts do. */
function userKey(name: string): string {
  return name.trim().toLowerCase();
}
