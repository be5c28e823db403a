/**
 * The channel records for support what became of each reply: the wamid each one went out as,
 * the statuses WhatsApp reports for it, and the replies that did not go with the reason
 * (the 24-hour window closed, an error of the Graph API).
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../../bot/clock.js';
import { openDatabase } from '../../../data/database.js';
import { createCloudInboxStore, createCustomerWindowStore } from '../../../data/whatsapp/cloud-inbox.store.js';
import { createCloudDeliveriesStore } from '../../../data/whatsapp/cloud-deliveries.store.js';
import { CloudApiError } from '../../../adapters/whatsapp-cloud/cloud.errors.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';
import * as wh from '../../fixtures/whatsapp-cloud/webhooks.js';
import { startHarness } from './harness.js';

type Row = { answers: string | null; message_id: string | null; status: string; detail: string | null; unsent: number | null };

function rowsOf(db: ReturnType<typeof openDatabase>): Row[] {
  return db.prepare('SELECT answers, message_id, status, detail, unsent FROM whatsapp_cloud_deliveries ORDER BY id').all() as Row[];
}

describe('Cloud API: what became of each reply', () => {
  it('records each reply sent with the message it answered, then the statuses WhatsApp reports, never moving back', async () => {
    const db = openDatabase(':memory:');
    const h = await startHarness({ db, deliveries: createCloudDeliveriesStore(db) });
    const hola = wh.text('hola');
    await h.post(wh.messagesWebhook(hola));
    assert.deepEqual(
      rowsOf(db).map((row) => [row.answers, row.message_id, row.status]),
      [
        [hola.id, 'wamid.lina-1', 'sent'],
        [hola.id, 'wamid.lina-2', 'sent'],
      ],
    );
    await h.post(wh.webhook([wh.value({ statuses: [wh.status('wamid.lina-1', 'read'), wh.status('wamid.lina-1', 'delivered')] })]));
    await h.post(wh.webhook([wh.value({ statuses: [wh.status('wamid.lina-2', 'failed', [{ code: 131026, title: 'Message undeliverable' }])] })]));
    // A status Lina has no use for (WhatsApp may add more) is logged, not recorded.
    await h.post(wh.webhook([wh.value({ statuses: [wh.status('wamid.lina-1', 'deleted')] })]));
    assert.deepEqual(
      rowsOf(db).map((row) => [row.message_id, row.status, row.detail]),
      [
        ['wamid.lina-1', 'read', null],
        ['wamid.lina-2', 'failed', '131026'],
      ],
    );
    await h.close();
    db.close();
  });

  it('records the replies a Graph API error stopped, with the error’s code and how many did not go', async () => {
    const db = openDatabase(':memory:');
    const h = await startHarness({ db, deliveries: createCloudDeliveriesStore(db) });
    h.graph.failNext = new CloudApiError('RECIPIENT_UNAVAILABLE', 131026, 400);
    const hola = wh.text('hola');
    await h.post(wh.messagesWebhook(hola));
    assert.deepEqual(rowsOf(db), [{ answers: hola.id, message_id: null, status: 'not_sent', detail: 'RECIPIENT_UNAVAILABLE', unsent: 2 }]);
    await h.close();
    db.close();
  });

  it('records the replies held back because the 24-hour window had closed', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    const windows = createCustomerWindowStore(db);
    const clock = new ManualClock(FAKE_NOW);
    const hola = wh.text('hola', wh.LAURA, undefined, String(Math.floor(clock.now().getTime() / 1000)));
    inbox.admit(
      [{ messageId: hola.id, event: JSON.stringify({ kind: 'text', text: 'hola', messageId: hola.id, waId: wh.LAURA, timestamp: Number(hola.timestamp) }) }],
      clock.now(),
    );
    windows.touch(wh.LAURA, clock.now());
    clock.set(new Date(clock.now().getTime() + 25 * 60 * 60_000));
    const h = await startHarness({ db, inbox, windows, clock, deliveries: createCloudDeliveriesStore(db) });
    await h.channel.idle();
    assert.deepEqual(h.sends(), []);
    assert.deepEqual(rowsOf(db), [{ answers: hola.id, message_id: null, status: 'not_sent', detail: 'WINDOW_CLOSED', unsent: 2 }]);
    await h.close();
    db.close();
  });
});
