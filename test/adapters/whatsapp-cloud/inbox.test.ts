/**
 * The Cloud API channel with its inbox: a member message is recorded before the webhook's 200,
 * so a crash right after the 200 still gets it answered after the restart, and a redelivery is
 * recognised across restarts.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { CloudInbox } from '../../../bot/ports/whatsapp.js';
import { openDatabase } from '../../../data/database.js';
import { purgeBefore } from '../../../data/retention.js';
import { createCloudInboxStore } from '../../../data/whatsapp/cloud-inbox.store.js';
import * as wh from '../../fixtures/whatsapp-cloud/webhooks.js';
import { startHarness } from './harness.js';

describe('Cloud API inbox', () => {
  it('answers after a restart a message whose turn a crash interrupted right after the 200', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    // The first process takes the message in and dies in the middle of the turn.
    let started = false;
    const crashing = await startHarness({
      db,
      inbox,
      engine: {
        handle() {
          started = true;
          return new Promise(() => undefined);
        },
      },
    });
    const hola = wh.text('hola');
    assert.equal((await crashing.post(wh.messagesWebhook(hola), { wait: false })).status, 200);
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    await crashing.abandon();
    assert.deepEqual(
      inbox.pending().map((entry) => entry.messageId),
      [hola.id],
    );

    // The next process answers it at start, once.
    const restarted = await startHarness({ db, inbox });
    await restarted.channel.idle();
    assert.deepEqual(
      restarted.engine.received.map((message) => [message.messageId, message.text]),
      [[hola.id, 'hola']],
    );
    assert.equal(restarted.sends().length, 2);
    assert.deepEqual(inbox.pending(), []);
    // Meta delivering it again now changes nothing.
    assert.equal((await restarted.post(wh.messagesWebhook(hola))).status, 200);
    assert.equal(restarted.engine.received.length, 1);
    assert.equal(restarted.sends().length, 2);
    await restarted.close();
    db.close();
  });

  it('recognises a redelivery after a restart, and takes a message listed twice in one POST once', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    const first = await startHarness({ db, inbox });
    const hola = wh.text('hola');
    await first.post(wh.messagesWebhook(hola, hola));
    assert.equal(first.engine.received.length, 1);
    await first.close();
    const second = await startHarness({ db, inbox });
    await second.post(wh.messagesWebhook(hola));
    assert.deepEqual(second.engine.received, []);
    assert.deepEqual(second.sends(), []);
    await second.close();
    db.close();
  });

  it('answers 500 when the message cannot be recorded, so Meta delivers it again', async () => {
    const broken: CloudInbox = {
      admit() {
        throw new Error('SQLITE_FULL');
      },
      pending: () => [],
      handled: () => undefined,
    };
    const h = await startHarness({ inbox: broken });
    const answer = await h.post(wh.messagesWebhook(wh.text('hola')));
    assert.equal(answer.status, 500);
    assert.deepEqual(h.engine.received, []);
    await h.close();
  });

  it('forgets what a handled message said and who sent it, and leaves with the retention purge', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    const h = await startHarness({ db, inbox });
    await h.post(wh.messagesWebhook(wh.text('CC 1032456789')));
    await h.close();
    const rows = db.prepare('SELECT message_id, event, handled_at, received_at FROM whatsapp_cloud_inbox').all() as Array<{
      event: string | null;
      handled_at: number | null;
      received_at: number;
    }>;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.event, null);
    assert.ok(rows[0]?.handled_at);
    assert.doesNotMatch(JSON.stringify(rows), /1032456789|573001112233/);
    const report = purgeBefore(db, new Date((rows[0]?.received_at ?? 0) + 1));
    assert.equal(report.cloudInboxMessages, 1);
    db.close();
  });

  it('closes a stored entry it cannot read instead of retrying it forever', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    inbox.admit([{ messageId: 'wamid.broken', event: '{not json' }], new Date());
    const h = await startHarness({ db, inbox });
    await h.channel.idle();
    assert.deepEqual(h.engine.received, []);
    assert.deepEqual(inbox.pending(), []);
    await h.close();
    db.close();
  });
});
