/**
 * The schema is declared store by store (issue 16): each table is created by exactly one
 * store, whose own queries use it, and the versions the stores declare run from 1 with no gap.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { MIGRATIONS, openDatabase } from '../../data/database.js';
import { IDENTITY_GUARD_MIGRATIONS } from '../../data/identity-guard.store.js';
import { SESSION_MIGRATIONS } from '../../data/session.store.js';
import type { Migration } from '../../data/sqlite.js';
import { AUDIT_LOG_MIGRATIONS } from '../../data/support/audit-log.store.js';
import { CONVERSATION_SEARCH_MIGRATIONS } from '../../data/support/conversations.store.js';
import { DASHBOARD_MIGRATIONS } from '../../data/support/dashboard.store.js';
import { FAILURE_NOTICES_MIGRATIONS } from '../../data/support/failure-notice.store.js';
import { INCIDENTS_MIGRATIONS } from '../../data/support/incidents.store.js';
import { LOGIN_ATTEMPTS_MIGRATIONS } from '../../data/support/login-attempts.store.js';
import { SUPPORT_SESSIONS_MIGRATIONS } from '../../data/support/support-sessions.store.js';
import { SUPPORT_USERS_MIGRATIONS } from '../../data/support/support-users.store.js';
import { DIRECTLINE_MIGRATIONS } from '../../data/webchat/directline.store.js';
import { WHATSAPP_AUTH_MIGRATIONS } from '../../data/whatsapp/auth-state.store.js';
import { WHATSAPP_CLOUD_DELIVERIES_MIGRATIONS } from '../../data/whatsapp/cloud-deliveries.store.js';
import { WHATSAPP_CLOUD_INBOX_MIGRATIONS } from '../../data/whatsapp/cloud-inbox.store.js';
import { WHATSAPP_PEOPLE_MIGRATIONS } from '../../data/whatsapp/people.store.js';

const STORES: Record<string, readonly Migration[]> = {
  'data/session.store.ts': SESSION_MIGRATIONS,
  'data/identity-guard.store.ts': IDENTITY_GUARD_MIGRATIONS,
  'data/whatsapp/auth-state.store.ts': WHATSAPP_AUTH_MIGRATIONS,
  'data/whatsapp/people.store.ts': WHATSAPP_PEOPLE_MIGRATIONS,
  'data/webchat/directline.store.ts': DIRECTLINE_MIGRATIONS,
  'data/support/conversations.store.ts': CONVERSATION_SEARCH_MIGRATIONS,
  'data/support/dashboard.store.ts': DASHBOARD_MIGRATIONS,
  'data/support/support-users.store.ts': SUPPORT_USERS_MIGRATIONS,
  'data/support/support-sessions.store.ts': SUPPORT_SESSIONS_MIGRATIONS,
  'data/support/login-attempts.store.ts': LOGIN_ATTEMPTS_MIGRATIONS,
  'data/support/audit-log.store.ts': AUDIT_LOG_MIGRATIONS,
  'data/support/incidents.store.ts': INCIDENTS_MIGRATIONS,
  'data/support/failure-notice.store.ts': FAILURE_NOTICES_MIGRATIONS,
  'data/whatsapp/cloud-inbox.store.ts': WHATSAPP_CLOUD_INBOX_MIGRATIONS,
  'data/whatsapp/cloud-deliveries.store.ts': WHATSAPP_CLOUD_DELIVERIES_MIGRATIONS,
};

/** The tables a piece of SQL creates, temporary rebuilds (renamed into place) left out. */
function createdTables(sql: string): string[] {
  const renamed = new Set([...sql.matchAll(/ALTER TABLE (\w+) RENAME TO/g)].map((match) => match[1]));
  return [...sql.matchAll(/CREATE TABLE (\w+)/g)].map((match) => match[1] ?? '').filter((table) => !renamed.has(table));
}

describe('the schema, store by store', () => {
  it('creates each table in exactly one store, which queries it', () => {
    const owners = new Map<string, string>();
    for (const [file, migrations] of Object.entries(STORES)) {
      const queries = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').replace(/export const \w+_MIGRATIONS[\s\S]*?\n\];\n/, '');
      for (const table of migrations.flatMap((migration) => createdTables(migration.sql))) {
        assert.equal(owners.get(table), undefined, `${table} is created by ${owners.get(table)} and ${file}`);
        owners.set(table, file);
        assert.match(queries, new RegExp(`\\b${table}\\b`), `${file} creates ${table} but never queries it`);
      }
    }
    const db = openDatabase(':memory:');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    db.close();
    assert.deepEqual(tables, [...owners.keys()].sort(), 'every table of the database has its store');
  });

  it('has one migration per version, from 1, each gathered from the stores that declare it', () => {
    const steps = Object.values(STORES).flat();
    const versions = [...new Set(steps.map((step) => step.version))].sort((a, b) => a - b);
    assert.deepEqual(
      versions,
      MIGRATIONS.map((_, index) => index + 1),
    );
    for (const step of steps) assert.ok(MIGRATIONS[step.version - 1]?.includes(step.sql), `version ${step.version} runs every step declared for it`);
  });
});
