import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';

import { openDatabase } from '../../../data/database.js';
import { createFailureNoticeStore, sharedFailureNoticeStore } from '../../../data/support/failure-notice.store.js';

const T0 = new Date('2026-11-23T08:00:00-05:00').getTime();
const MINUTE = 60_000;

describe('failure notice store (the manual contingency switch)', () => {
  it("answers per channel, the channel's own notice winning over the one for all", () => {
    const store = createFailureNoticeStore(openDatabase(':memory:'));
    assert.equal(store.current('whatsapp', new Date(T0)), undefined);
    store.switchOn({ channel: 'all', text: 'Falla general', by: 'andrea', now: T0 });
    store.switchOn({ channel: 'whatsapp', text: 'Falla de WhatsApp', by: 'andrea', now: T0 + MINUTE });
    assert.deepEqual(store.current('whatsapp', new Date(T0 + 2 * MINUTE)), { text: 'Falla de WhatsApp', since: new Date(T0 + MINUTE), source: 'manual' });
    assert.equal(store.current('webchat', new Date(T0 + 2 * MINUTE))?.text, 'Falla general');
    assert.equal(store.current('console', new Date(T0 + 2 * MINUTE))?.text, 'Falla general');
  });

  it('stops by itself at its end time, and when switched off', () => {
    const store = createFailureNoticeStore(openDatabase(':memory:'));
    const { notice } = store.switchOn({ channel: 'webchat', text: 'Mantenimiento', endsAt: T0 + 30 * MINUTE, by: 'andrea', now: T0 });
    assert.ok(store.current('webchat', new Date(T0 + 29 * MINUTE)));
    assert.equal(store.current('webchat', new Date(T0 + 30 * MINUTE)), undefined);
    assert.deepEqual(store.active(T0 + 31 * MINUTE), []);

    const again = store.switchOn({ channel: 'webchat', text: 'Otra vez', by: 'andrea', now: T0 + 40 * MINUTE });
    assert.equal(again.updated, false, 'an expired notice is not updated but replaced');
    assert.notEqual(again.notice.id, notice.id);
    const stopped = store.switchOff({ id: again.notice.id, by: 'pablo', now: T0 + 50 * MINUTE });
    assert.equal(stopped?.stoppedBy, 'pablo');
    assert.equal(store.current('webchat', new Date(T0 + 51 * MINUTE)), undefined);
    assert.equal(store.switchOff({ id: again.notice.id, by: 'pablo', now: T0 + 52 * MINUTE }), undefined);
    assert.deepEqual(
      store.history(10).map((each) => each.text),
      ['Otra vez', 'Mantenimiento'],
    );
  });

  it('updates the text of an active notice and keeps its start', () => {
    const store = createFailureNoticeStore(openDatabase(':memory:'));
    const first = store.switchOn({ channel: 'whatsapp', text: 'Uno', by: 'andrea', now: T0 });
    const second = store.switchOn({ channel: 'whatsapp', text: 'Dos', by: 'andrea', now: T0 + 90 * MINUTE });
    assert.equal(second.updated, true);
    assert.equal(second.notice.id, first.notice.id);
    assert.deepEqual(store.current('whatsapp', new Date(T0 + 91 * MINUTE)), { text: 'Dos', since: new Date(T0), source: 'manual' });
  });

  it('answers from memory: a change made by another process is seen only after a reload, a change here at once', () => {
    const db = openDatabase(':memory:');
    const store = createFailureNoticeStore(db);
    db.prepare(`INSERT INTO support_failure_notices (channel, text, started_at, started_by) VALUES ('all', 'Por fuera', ?, 'x')`).run(T0);
    assert.equal(store.current('whatsapp', new Date(T0 + MINUTE)), undefined);
    store.switchOn({ channel: 'webchat', text: 'Aquí', by: 'andrea', now: T0 });
    assert.equal(store.current('whatsapp', new Date(T0 + MINUTE))?.text, 'Por fuera');
    // And a fresh store (a restart) starts from what the database holds.
    assert.equal(createFailureNoticeStore(db).current('webchat', new Date(T0 + MINUTE))?.text, 'Aquí');
  });

  it('never queries the database to answer current()', () => {
    const db = openDatabase(':memory:');
    const store = createFailureNoticeStore(db);
    store.switchOn({ channel: 'all', text: 'Falla', by: 'andrea', now: T0 });
    // With the database closed any query would throw: the answers come from memory.
    db.close();
    for (let i = 0; i < 100; i++) assert.equal(store.current('whatsapp', new Date(T0 + i))?.text, 'Falla');
  });
});

describe('shared failure notice store', () => {
  it('gives the engine and the console one instance per database', () => {
    const db = openDatabase(':memory:');
    const engineSide = sharedFailureNoticeStore(db);
    const consoleSide = sharedFailureNoticeStore(db);
    assert.equal(engineSide, consoleSide);
    consoleSide.switchOn({ channel: 'all', text: 'Falla', by: 'andrea', now: T0 });
    assert.equal(engineSide.current('webchat', new Date(T0 + 1))?.text, 'Falla');
    assert.notEqual(sharedFailureNoticeStore(openDatabase(':memory:')), engineSide);
  });
});
