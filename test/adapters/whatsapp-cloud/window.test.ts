/**
 * The 24-hour customer-service window: each member's last message time is kept, free-form
 * replies outside it are logged with their reason instead of attempted, and templates go
 * whatever the window.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../../bot/clock.js';
import { openDatabase } from '../../../data/database.js';
import { createCloudInboxStore, createCustomerWindowStore } from '../../../data/whatsapp/cloud-inbox.store.js';
import { messageRef } from '../../../adapters/whatsapp-cloud/message-ref.js';
import { CUSTOMER_WINDOW_MS } from '../../../adapters/whatsapp-cloud/whatsapp-cloud.adapter.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';
import * as wh from '../../fixtures/whatsapp-cloud/webhooks.js';
import { startHarness } from './harness.js';

const HOUR = 60 * 60_000;

describe('Cloud API: the 24-hour window', () => {
  it('keeps when each member last wrote, from Meta’s timestamp when it is not ahead of the clock', async () => {
    const db = openDatabase(':memory:');
    const windows = createCustomerWindowStore(db);
    const clock = new ManualClock(FAKE_NOW);
    const h = await startHarness({ db, windows, clock });
    assert.equal(h.channel.windowOpen(wh.LAURA), false);
    const twoHoursAgo = String(Math.floor((clock.now().getTime() - 2 * HOUR) / 1000));
    await h.post(wh.messagesWebhook(wh.text('hola', wh.LAURA, undefined, twoHoursAgo)));
    assert.equal(windows.lastInbound(wh.LAURA)?.getTime(), Number(twoHoursAgo) * 1000);
    assert.equal(h.channel.windowOpen(wh.LAURA), true);
    assert.equal(h.channel.windowOpen(wh.PEDRO), false);
    clock.set(new Date(Number(twoHoursAgo) * 1000 + CUSTOMER_WINDOW_MS - 1));
    assert.equal(h.channel.windowOpen(wh.LAURA), true);
    clock.set(new Date(Number(twoHoursAgo) * 1000 + CUSTOMER_WINDOW_MS));
    assert.equal(h.channel.windowOpen(wh.LAURA), false);
    await h.close();
    db.close();
  });

  it('logs the replies to a message answered after its window closed, with the reason, and sends none', async () => {
    const db = openDatabase(':memory:');
    const inbox = createCloudInboxStore(db);
    const windows = createCustomerWindowStore(db);
    const clock = new ManualClock(FAKE_NOW);
    // A stopped process recorded Laura's message and never answered it; Lina comes back 25 hours later.
    const hola = wh.text('hola', wh.LAURA, undefined, String(Math.floor(clock.now().getTime() / 1000)));
    inbox.admit(
      [{ messageId: hola.id, event: JSON.stringify({ kind: 'text', text: 'hola', messageId: hola.id, waId: wh.LAURA, timestamp: Number(hola.timestamp) }) }],
      clock.now(),
    );
    windows.touch(wh.LAURA, clock.now());
    clock.set(new Date(clock.now().getTime() + 25 * HOUR));
    const h = await startHarness({ db, inbox, windows, clock });
    await h.channel.idle();
    assert.equal(h.engine.received.length, 1, 'the turn still runs: the conversation stays true');
    assert.deepEqual(h.sends(), []);
    const refused = h.capture.lines.find((line) => line.msg === 'WhatsApp replies not sent');
    assert.equal(refused?.reason, 'WINDOW_CLOSED');
    assert.equal(refused?.messageRef, messageRef(hola.id));
    assert.equal(refused?.unsent, 2);
    assert.doesNotMatch(h.capture.text(), new RegExp(wh.LAURA));
    await h.close();
    db.close();
  });

  it('sends a template whatever the window, with named parameters and quick replies', async () => {
    const h = await startHarness();
    const wamid = await h.channel.sendTemplate(wh.LAURA, {
      name: 'recordatorio_cita',
      language: 'es_CO',
      parameters: { paciente: 'Laura', fecha: 'lunes 23 de noviembre' },
      quickReplies: ['confirmar', 'reprogramar', 'cancelar'],
    });
    assert.equal(wamid, 'wamid.lina-1');
    assert.deepEqual(h.sends(), [
      {
        to: wh.LAURA,
        message: {
          type: 'template',
          template: {
            name: 'recordatorio_cita',
            language: { code: 'es_CO' },
            components: [
              {
                type: 'body',
                parameters: [
                  { type: 'text', parameter_name: 'paciente', text: 'Laura' },
                  { type: 'text', parameter_name: 'fecha', text: 'lunes 23 de noviembre' },
                ],
              },
              { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirmar' }] },
              { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'reprogramar' }] },
              { type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'cancelar' }] },
            ],
          },
        },
      },
    ]);
    await h.close();
  });
});
