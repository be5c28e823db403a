import type { IdentityGuard } from '../bot/ports.js';
import type { Migration, SqliteDatabase } from './sqlite.js';

/** The identification lockout's failures, by schema version (see `Migration`). */
export const IDENTITY_GUARD_MIGRATIONS: readonly Migration[] = [
  {
    version: 5,
    sql: `
  -- Failed second factors per document and per sender: the identification lockout counts them
  -- over a sliding window (data/identity-guard.store.ts).
  CREATE TABLE identity_failures (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
  );
  CREATE INDEX identity_failures_by_key ON identity_failures (key, at);
  CREATE INDEX identity_failures_by_at ON identity_failures (at);
  `,
  },
];

export interface IdentityGuardOptions {
  /** Failed second factors within the window that lock a document or a sender. */
  maxFailures: number;
  /** How long a failure counts, which is also how long a lock lasts after the last one. */
  windowMs: number;
}

/**
 * The identification lockout over SQLite, so it holds across restarts. Failures are counted
 * per key (`document:CC:123`, `sender:whatsapp:57300…`) over a sliding window: the third
 * failure within it locks the key until the oldest of them is older than the window. Attempts
 * while locked fail like any other and count too, so a persistent attacker stays locked.
 */
export function createSqliteIdentityGuard(db: SqliteDatabase, options: IdentityGuardOptions): IdentityGuard {
  const countSince = db.prepare<[string, string, number], { failures: number }>(
    'SELECT COUNT(*) AS failures FROM identity_failures WHERE key IN (?, ?) AND at > ? GROUP BY key ORDER BY failures DESC LIMIT 1',
  );
  const insert = db.prepare('INSERT INTO identity_failures (key, at) VALUES (?, ?)');
  const purge = db.prepare('DELETE FROM identity_failures WHERE at <= ?');
  const record = db.transaction((keys: string[], at: number) => {
    for (const key of keys) insert.run(key, at);
    purge.run(at - options.windowMs);
  });
  const keysOf = ({ document, sender }: { document: string; sender: string }) => [`document:${document}`, `sender:${sender}`];

  return {
    isLocked(keys, now) {
      const [document, sender] = keysOf(keys) as [string, string];
      const row = countSince.get(document, sender, now.getTime() - options.windowMs);
      return (row?.failures ?? 0) >= options.maxFailures;
    },
    recordFailure(keys, now) {
      record(keysOf(keys), now.getTime());
    },
  };
}
