import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { openDatabase } from '../../data/database.js';
import { backupTo, purgeBefore } from '../../data/retention.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import { createCloudDeliveriesStore } from '../../data/whatsapp/cloud-deliveries.store.js';
import type { TurnCommit } from '../../bot/ports.js';

const DAY = 24 * 60 * 60_000;
const NOW = new Date('2026-11-23T08:00:00-05:00').getTime();

function turn(conversationId: string, at: number, started: boolean): TurnCommit {
  return {
    sessionKey: `whatsapp:${conversationId}`,
    conversationId,
    channel: 'whatsapp',
    userId: conversationId,
    conversationStarted: started,
    session: { machineVersion: 1, snapshot: '{}', shownOptions: null },
    messageId: `${conversationId}-${at}`,
    transcript: [
      { direction: 'in', text: 'CC 1010101010', messageId: `${conversationId}-${at}` },
      { direction: 'out', text: '¿Para quién es la cita?', state: 'awaitingPatient' },
    ],
    consents: started ? [{ accepted: true, policyVersion: '2026-01', textShown: '¿Autorizas…?' }] : [],
    events: [{ type: 'booking-started' }],
    subjects: [{ kind: 'document', value: '1010101010' }],
    at,
  };
}

describe('retention', () => {
  it('purges conversations older than the cutoff with everything said in them, and keeps consents', async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteSessionStore(db);
    await store.commitTurn(turn('old', NOW - 400 * DAY, true));
    await store.commitTurn(turn('old', NOW - 399 * DAY, false));
    await store.commitTurn(turn('recent', NOW - 10 * DAY, true));
    const deliveries = createCloudDeliveriesStore(db);
    deliveries.sent('wamid.old-reply', 'old-1', new Date(NOW - 399 * DAY));
    deliveries.sent('wamid.recent-reply', 'recent-1', new Date(NOW - 10 * DAY));

    const report = purgeBefore(db, new Date(NOW - 365 * DAY));
    assert.deepEqual(report, {
      transcriptLines: 4,
      events: 2,
      subjects: 1,
      conversations: 1,
      sessions: 1,
      processedMessages: 2,
      directLineActivities: 0,
      directLineConversationsEnded: 0,
      cloudInboxMessages: 0,
      cloudWindows: 0,
      cloudDeliveries: 1,
    });
    const left = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    assert.equal(left('conversations'), 1);
    assert.equal(left('transcript'), 2);
    assert.equal(left('whatsapp_cloud_deliveries'), 1);
    assert.equal(left('consents'), 2, 'the proof of authorisation stays');
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  });

  it('takes an online backup that opens as a complete database', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lina-backup-'));
    try {
      const db = openDatabase(join(folder, 'lina.db'));
      await createSqliteSessionStore(db).commitTurn(turn('one', NOW, true));
      const { pages } = await backupTo(db, join(folder, 'copy.db'));
      assert.ok(pages > 0);
      const copy = new Database(join(folder, 'copy.db'), { readonly: true });
      assert.equal((copy.prepare('SELECT COUNT(*) AS n FROM transcript').get() as { n: number }).n, 2);
      assert.deepEqual(copy.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      copy.close();
      db.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
