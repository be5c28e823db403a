/**
 * Lina's SQLite database: opened with the settings a chat server needs, and brought to the
 * latest schema with the migrations every store keeps next to its queries.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IDENTITY_GUARD_MIGRATIONS } from './identity-guard.store.js';
import { SESSION_MIGRATIONS } from './session.store.js';
import type { Migration, SqliteDatabase } from './sqlite.js';
import { AUDIT_LOG_MIGRATIONS } from './support/audit-log.store.js';
import { CONVERSATION_SEARCH_MIGRATIONS } from './support/conversations.store.js';
import { DASHBOARD_MIGRATIONS } from './support/dashboard.store.js';
import { FAILURE_NOTICES_MIGRATIONS } from './support/failure-notice.store.js';
import { INCIDENTS_MIGRATIONS } from './support/incidents.store.js';
import { LOGIN_ATTEMPTS_MIGRATIONS } from './support/login-attempts.store.js';
import { SUPPORT_SESSIONS_MIGRATIONS } from './support/support-sessions.store.js';
import { SUPPORT_USERS_MIGRATIONS } from './support/support-users.store.js';
import { DIRECTLINE_MIGRATIONS } from './webchat/directline.store.js';
import { WHATSAPP_AUTH_MIGRATIONS } from './whatsapp/auth-state.store.js';
import { WHATSAPP_CLOUD_DELIVERIES_MIGRATIONS } from './whatsapp/cloud-deliveries.store.js';
import { WHATSAPP_CLOUD_INBOX_MIGRATIONS } from './whatsapp/cloud-inbox.store.js';
import { WHATSAPP_PEOPLE_MIGRATIONS } from './whatsapp/people.store.js';

export type { SqliteDatabase } from './sqlite.js';

/**
 * Every store's migrations, each next to the store whose tables they shape. Within a version
 * they run in this order, all in one transaction.
 */
const STORE_MIGRATIONS: ReadonlyArray<readonly Migration[]> = [
  SESSION_MIGRATIONS,
  WHATSAPP_AUTH_MIGRATIONS,
  WHATSAPP_PEOPLE_MIGRATIONS,
  DIRECTLINE_MIGRATIONS,
  CONVERSATION_SEARCH_MIGRATIONS,
  DASHBOARD_MIGRATIONS,
  SUPPORT_USERS_MIGRATIONS,
  SUPPORT_SESSIONS_MIGRATIONS,
  LOGIN_ATTEMPTS_MIGRATIONS,
  AUDIT_LOG_MIGRATIONS,
  INCIDENTS_MIGRATIONS,
  FAILURE_NOTICES_MIGRATIONS,
  IDENTITY_GUARD_MIGRATIONS,
  WHATSAPP_CLOUD_INBOX_MIGRATIONS,
  WHATSAPP_CLOUD_DELIVERIES_MIGRATIONS,
];

/** The SQL of each schema version, in order: `MIGRATIONS[n]` takes a database from version n to n + 1. */
export const MIGRATIONS: readonly string[] = byVersion(STORE_MIGRATIONS.flat());

function byVersion(steps: readonly Migration[]): string[] {
  const last = Math.max(...steps.map((step) => step.version));
  const versions: string[] = [];
  for (let version = 1; version <= last; version++) {
    const sql = steps.filter((step) => step.version === version).map((step) => step.sql);
    if (sql.length === 0) throw new Error(`No store has a migration for schema version ${version}`);
    versions.push(sql.join('\n'));
  }
  return versions;
}

/**
 * Opens (and creates when missing) Lina's SQLite database with the settings a chat server
 * needs: WAL so reads never wait for the writer, a busy timeout, foreign keys on.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
