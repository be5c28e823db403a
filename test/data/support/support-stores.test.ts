import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';

import type { NewIncident } from '../../../bot/ports/support/incidents.js';
import { SupportUserExistsError } from '../../../bot/ports/support/users.js';
import { openDatabase } from '../../../data/database.js';
import { createAuditLog } from '../../../data/support/audit-log.store.js';
import { createIncidentStore } from '../../../data/support/incidents.store.js';
import { createLoginAttemptStore } from '../../../data/support/login-attempts.store.js';
import { createSupportSessionStore } from '../../../data/support/support-sessions.store.js';
import { createSupportUserStore } from '../../../data/support/support-users.store.js';

const T0 = new Date('2026-11-23T08:00:00-05:00').getTime();

describe('support users and sessions', () => {
  it('keeps names unique regardless of case', () => {
    const users = createSupportUserStore(openDatabase(':memory:'));
    users.create({ name: 'Ana', role: 'agent', passwordHash: 'h', now: T0 });
    assert.throws(() => users.create({ name: 'ana', role: 'supervisor', passwordHash: 'h', now: T0 }), SupportUserExistsError);
    assert.equal(users.findByName('ANA')?.role, 'agent');
  });

  it('ends sessions at their end, when idle, and when the user is disabled or changes password', () => {
    const db = openDatabase(':memory:');
    const users = createSupportUserStore(db);
    const sessions = createSupportSessionStore(db);
    const ana = users.create({ name: 'ana', role: 'agent', passwordHash: 'h', now: T0 });
    const open = (idHash: string) => sessions.create({ idHash, userId: ana.id, csrfToken: 't', now: T0, expiresAt: T0 + 1000 });
    open('a');
    assert.equal(sessions.use({ idHash: 'a', now: T0 + 10, idleMs: 100 })?.userName, 'ana');
    assert.equal(sessions.use({ idHash: 'a', now: T0 + 200, idleMs: 100 }), undefined, 'idle');
    open('b');
    assert.equal(sessions.use({ idHash: 'b', now: T0 + 1000, idleMs: 10_000 }), undefined, 'expired');
    open('c');
    users.setDisabled({ name: 'ana', disabled: true, now: T0 });
    assert.equal(sessions.use({ idHash: 'c', now: T0 + 1, idleMs: 10_000 }), undefined, 'disabled');
    users.setDisabled({ name: 'ana', disabled: false, now: T0 });
    open('d');
    users.setPassword({ name: 'ana', passwordHash: 'h2', now: T0 });
    assert.equal(sessions.use({ idHash: 'd', now: T0 + 1, idleMs: 10_000 }), undefined, 'password changed');
  });

  it('counts sign-in failures per address and per name within a window', () => {
    const attempts = createLoginAttemptStore(openDatabase(':memory:'));
    attempts.recordFailure({ ip: '10.0.0.1', userName: 'Ana', now: T0 });
    attempts.recordFailure({ ip: '10.0.0.2', userName: 'ana', now: T0 + 10 });
    assert.equal(attempts.failuresSince({ scope: 'user', key: 'ANA', since: T0 - 1 }).count, 2);
    assert.deepEqual(attempts.failuresSince({ scope: 'ip', key: '10.0.0.1', since: T0 - 1 }), { count: 1, oldest: T0, newest: T0 });
    assert.equal(attempts.failuresSince({ scope: 'user', key: 'ana', since: T0 - 1 }).newest, T0 + 10);
    assert.equal(attempts.failuresSince({ scope: 'user', key: 'ana', since: T0 }).count, 1);
    attempts.clearUser('ana');
    assert.equal(attempts.failuresSince({ scope: 'user', key: 'ana', since: 0 }).count, 0);
    assert.equal(attempts.failuresSince({ scope: 'ip', key: '10.0.0.2', since: 0 }).count, 1);
  });

  it('remembers the addresses an account signed in from, hashed, for a while', () => {
    const db = openDatabase(':memory:');
    const users = createSupportUserStore(db);
    const user = users.create({ name: 'ana', role: 'agent', passwordHash: 'x', now: T0 });
    const attempts = createLoginAttemptStore(db);
    attempts.rememberAddress({ userId: user.id, address: '10.0.0.1', now: T0 });
    assert.equal(attempts.isKnownAddress({ userId: user.id, address: '10.0.0.1', since: T0 - 1 }), true);
    assert.equal(attempts.isKnownAddress({ userId: user.id, address: '10.0.0.2', since: T0 - 1 }), false);
    assert.equal(attempts.isKnownAddress({ userId: user.id, address: '10.0.0.1', since: T0 }), false, 'too long ago');
    assert.ok(!JSON.stringify(db.prepare('SELECT * FROM support_known_addresses').all()).includes('10.0.0.1'), 'only a hash is kept');
  });
});

describe('incident store and audit log', () => {
  const incident = (createdBy: number, overrides: Partial<NewIncident> = {}): NewIncident => ({
    channels: ['webchat'],
    category: 'flow_blocked',
    documentType: 'CC',
    documentNumber: '2020202020',
    memberName: 'Carlos Pérez',
    contactPhone: '+573004445566',
    occurredAt: T0 - 1000,
    servedVia: 'call_center_support',
    registeredBy: 'Ana',
    description: 'No pudo cancelar su cita desde el chat web.',
    authorised: true,
    createdBy,
    ...overrides,
  });

  it("stores, pages newest first, filters by status and finds a member's reports", () => {
    const db = openDatabase(':memory:');
    const ana = createSupportUserStore(db).create({ name: 'ana', role: 'agent', passwordHash: 'h', now: T0 });
    const incidents = createIncidentStore(db);
    const first = incidents.create(incident(ana.id), T0);
    const second = incidents.create(incident(ana.id, { documentNumber: '1010101010', contactPhone: undefined, conversationId: 'conv-x' }), T0 + 1);
    incidents.create(incident(ana.id, { documentNumber: '5050505050' }), T0 + 2);
    assert.equal(first.status, 'new');
    assert.equal(first.createdByName, 'ana');
    assert.deepEqual(
      incidents.list({ limit: 2 }).map((each) => each.id),
      [3, 2],
    );
    assert.deepEqual(
      incidents.list({ limit: 2, beforeId: 2 }).map((each) => each.id),
      [1],
    );
    incidents.setStatus({ id: 2, status: 'closed', now: T0 + 5 });
    assert.deepEqual(
      incidents.list({ status: 'closed', limit: 10 }).map((each) => each.id),
      [2],
    );
    assert.deepEqual(
      incidents.forConversation({ conversationId: 'conv-x', documents: ['2020202020'], phones: [] }).map((each) => each.id),
      [2, 1],
    );
    assert.deepEqual(
      incidents.forConversation({ conversationId: 'none', documents: [], phones: ['+573004445566'] }).map((each) => each.id),
      [3, 1],
    );
    assert.equal(second.contactPhone, undefined);
    assert.equal(incidents.setStatus({ id: 99, status: 'closed', now: T0 }), undefined);
  });

  it("refuses an incident without the member's authorisation at the database too", () => {
    const db = openDatabase(':memory:');
    assert.throws(() =>
      db
        .prepare(
          `INSERT INTO support_incidents (status, channels, category, document_type, document_number, member_name, occurred_at,
             served_via, registered_by, description, authorised, created_by, created_at, updated_at)
           VALUES ('new', '[]', 'other', 'CC', '1', 'x', 0, 'in_person', 'x', 'x', 0, 1, 0, 0)`,
        )
        .run(),
    );
  });

  it('keeps the audit log newest first, by conversation and by user', () => {
    const audit = createAuditLog(openDatabase(':memory:'));
    audit.record({ at: T0, userName: 'ana', action: 'conversation-view', conversationId: 'c1' });
    audit.record({ at: T0 + 1, userName: 'sergio', action: 'conversation-export-csv', conversationId: 'c1' });
    audit.record({ at: T0 + 2, userName: 'ana', action: 'conversation-view', conversationId: 'c2' });
    assert.deepEqual(
      audit.list({ conversationId: 'c1', limit: 10 }).map((entry) => entry.userName),
      ['sergio', 'ana'],
    );
    assert.deepEqual(
      audit.list({ userName: 'ana', limit: 10 }).map((entry) => entry.conversationId),
      ['c2', 'c1'],
    );
    assert.deepEqual(
      audit.list({ limit: 1, beforeId: 3 }).map((entry) => entry.id),
      [2],
    );
  });
});
