import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from '@jest/globals';
import { CloudApiError } from '../../../adapters/whatsapp-cloud/cloud.errors.js';
import { messageRef } from '../../../adapters/whatsapp-cloud/message-ref.js';
import { signatureOf } from '../../../adapters/whatsapp-cloud/signature.js';
import * as wh from '../../fixtures/whatsapp-cloud/webhooks.js';
import { makeRenderer } from '../../fakes/chat.js';
import { APP_SECRET, startHarness, VERIFY_TOKEN, type Harness } from './harness.js';

const renderer = makeRenderer();

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('Cloud API webhook: verification (GET)', () => {
  it('answers the bare challenge to a subscribe with the right verify token', async () => {
    const answer = await h.get(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    assert.deepEqual(answer, { status: 200, text: '1158201444' });
  });

  it('answers 403 to a wrong or missing token, another mode, or no challenge', async () => {
    for (const query of [
      'hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1',
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}x&hub.challenge=1`,
      'hub.mode=subscribe&hub.challenge=1',
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`,
      '',
    ]) {
      const answer = await h.get(query);
      assert.equal(answer.status, 403, query);
      assert.doesNotMatch(answer.text, /1158|challenge=/);
    }
  });
});

describe('Cloud API webhook: signature (POST)', () => {
  const body = () => wh.messagesWebhook(wh.text('hola'));

  it('takes in a POST signed with the app secret over its raw bytes, and answers 200', async () => {
    const answer = await h.post(body());
    assert.equal(answer.status, 200);
    assert.deepEqual(
      h.engine.received.map((message) => message.text),
      ['hola'],
    );
  });

  it('refuses a missing, malformed or wrong signature, or one of another secret, before reading the body', async () => {
    const bytes = Buffer.from(JSON.stringify(body()));
    const good = signatureOf(bytes, APP_SECRET);
    for (const signature of [
      null,
      '',
      'sha256=',
      good.replace('sha256=', 'sha1='),
      `${good}00`,
      signatureOf(bytes, 'another-secret'),
      good.slice(0, -1) + (good.endsWith('0') ? '1' : '0'),
    ]) {
      const answer = await h.post(undefined, { raw: bytes, signature });
      assert.equal(answer.status, 401, String(signature));
    }
    assert.deepEqual(h.engine.received, []);
    assert.deepEqual(h.graph.calls, []);
  });

  it('refuses a body altered by one byte after signing', async () => {
    const bytes = Buffer.from(JSON.stringify(wh.messagesWebhook(wh.text('hola'))));
    const signature = signatureOf(bytes, APP_SECRET);
    const altered = Buffer.from(bytes);
    const at = altered.indexOf('hola');
    altered[at] = 'H'.charCodeAt(0);
    assert.equal((await h.post(undefined, { raw: altered, signature })).status, 401);
    assert.equal((await h.post(undefined, { raw: bytes, signature })).status, 200);
    assert.deepEqual(
      h.engine.received.map((message) => message.text),
      ['hola'],
    );
  });

  it('checks a non-ASCII body over its bytes as sent, escaped or not, never over JSON written again', async () => {
    // Meta escapes non-ASCII (`\u00f1`); written again by JSON.stringify it would be `ñ`, other bytes.
    const escaped = JSON.stringify(wh.messagesWebhook(wh.text('Mañana en Suba, ¿sí? 👍'))).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    assert.ok(escaped.includes('\\u00f1'));
    const raw = Buffer.from(escaped);
    assert.equal((await h.post(undefined, { raw })).status, 200);
    // The same message as UTF-8 bytes, signed as sent.
    assert.equal((await h.post(wh.messagesWebhook(wh.text('Sí, a nombre de Íngrid Muñoz')))).status, 200);
    // Signed over the re-serialised JSON (the escaped body's UTF-8 form): not what was sent.
    const reserialised = JSON.stringify(JSON.parse(escaped));
    assert.equal((await h.post(undefined, { raw, signature: signatureOf(reserialised, APP_SECRET) })).status, 401);
    assert.deepEqual(
      h.engine.received.map((message) => message.text),
      ['Mañana en Suba, ¿sí? 👍', 'Sí, a nombre de Íngrid Muñoz'],
    );
  });

  it('answers signed bodies that are no webhook with 400, and other methods with 405, without a crash', async () => {
    assert.equal((await h.post('{"object":')).status, 400);
    assert.equal((await h.post({ object: 'page', entry: [] })).status, 400);
    assert.equal((await h.post([1, 2])).status, 400);
    const put = await fetch(h.url, { method: 'PUT' });
    assert.equal(put.status, 405);
    assert.equal((await h.post(body())).status, 200);
  });
});

describe('Cloud API webhook: what comes in', () => {
  it('hands the engine each text as a WhatsApp message of the same person Baileys knows', async () => {
    const hola = wh.text('hola');
    await h.post(wh.messagesWebhook(hola));
    assert.deepEqual(h.engine.received, [
      { channel: 'whatsapp', userId: wh.LAURA, messageId: hola.id, text: 'hola', receivedAt: h.engine.received[0]?.receivedAt, phone: `+${wh.LAURA}` },
    ]);
    // Read mark with "typing…", then the replies, to the sender.
    assert.deepEqual(h.graph.calls[0], { type: 'read', messageId: hola.id, typing: true });
    assert.deepEqual(
      h.sends().map((send) => send.to),
      [wh.LAURA, wh.LAURA],
    );
  });

  it('reads a tapped button, list row or template quick reply as its id: the option value', async () => {
    await h.post(wh.messagesWebhook(wh.buttonReply('agendar', 'Agendar cita')));
    await h.post(wh.messagesWebhook(wh.listReply('2026-12-09T07:40', 'mié 9 dic 7:40 a. m.')));
    await h.post(wh.messagesWebhook(wh.templateButton('confirmar', 'Confirmar')));
    assert.deepEqual(
      h.engine.received.map((message) => message.text),
      ['agendar', '2026-12-09T07:40', 'confirmar'],
    );
  });

  it('takes every entry, change and message of a batch, each member in the order written', async () => {
    const first = wh.text('uno', wh.LAURA, undefined, '1796000005');
    const second = wh.text('dos', wh.LAURA, undefined, '1796000006');
    const pedro = wh.text('hola pedro', wh.PEDRO);
    const third = wh.text('tres', wh.LAURA, undefined, '1796000007');
    // Out of order in the POST: the timestamps decide.
    await h.post(wh.webhook([wh.value({ messages: [second, pedro] }), wh.value({ messages: [] })], [wh.value({ messages: [third] })], [wh.value({ messages: [first] })]));
    const laura = h.engine.received.filter((message) => message.userId === wh.LAURA).map((message) => message.text);
    // Entries are read one by one: within the first entry, 'dos' precedes; the later entries follow.
    assert.deepEqual(laura, ['dos', 'tres', 'uno']);
    assert.deepEqual(
      h.engine.received.filter((message) => message.userId === wh.PEDRO).map((message) => message.text),
      ['hola pedro'],
    );
    const inOne = [wh.text('b', wh.LAURA, undefined, '1796000010'), wh.text('a', wh.LAURA, undefined, '1796000009')];
    await h.post(wh.messagesWebhook(...inOne));
    assert.deepEqual(
      h.engine.received.slice(-2).map((message) => message.text),
      ['a', 'b'],
    );
  });

  it('answers a message redelivered (same wamid) once, in one POST or in two', async () => {
    const hola = wh.text('hola');
    await h.post(wh.messagesWebhook(hola, hola));
    await h.post(wh.messagesWebhook(hola));
    assert.equal(h.engine.received.length, 1);
    assert.equal(h.sends().length, 2);
    // Logged by a digest: a wamid holds the phone number in base64.
    assert.ok(Buffer.from(hola.id.slice('wamid.'.length), 'base64').toString('latin1').includes(wh.LAURA));
    assert.ok(h.capture.lines.some((line) => line.messageRef === messageRef(hola.id)));
    assert.doesNotMatch(h.capture.text(), new RegExp(hola.id.replace('.', '\\.')));
  });

  it('records statuses, failed ones with their codes, without calling the engine or logging the number', async () => {
    const answer = await h.post(
      wh.webhook([
        wh.value({
          statuses: [
            wh.status('wamid.lina-1', 'sent'),
            wh.status('wamid.lina-1', 'delivered'),
            wh.status('wamid.lina-2', 'failed', [{ code: 131047, title: 'Re-engagement message' }]),
          ],
        }),
      ]),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(h.engine.received, []);
    const statuses = h.capture.lines.filter((line) => line.msg === 'WhatsApp message status');
    assert.deepEqual(
      statuses.map((line) => [line.messageRef, line.status, line.errorCodes]),
      [
        [messageRef('wamid.lina-1'), 'sent', []],
        [messageRef('wamid.lina-1'), 'delivered', []],
        [messageRef('wamid.lina-2'), 'failed', [131047]],
      ],
    );
    assert.doesNotMatch(h.capture.text(), new RegExp(wh.LAURA));
  });

  it('logs the errors Meta reports on the number by their codes', async () => {
    const answer = await h.post(wh.webhook([{ ...wh.value({}), errors: [{ code: 131000, title: 'Something went wrong', message: 'x' }, { title: 'no code' }] }]));
    assert.equal(answer.status, 200);
    const reported = h.capture.lines.find((line) => line.msg === 'WhatsApp Cloud API reported errors');
    assert.deepEqual(reported?.errorCodes, [131000]);
  });

  it('answers media and locations with the Baileys channel texts, and ignores reactions', async () => {
    await h.post(wh.messagesWebhook(wh.image(), wh.location(), wh.reaction()));
    assert.deepEqual(h.engine.received, []);
    const bodies = h.sends().map(({ message }) => (message.type === 'text' ? message.text.body : ''));
    assert.deepEqual(bodies, [renderer.text('whatsapp.unsupported.image'), renderer.text('whatsapp.unsupported.location')]);
  });

  it('ignores unknown types and shapes, logged by type only, and still takes what else the POST holds', async () => {
    const secret = 'Cédula 1032456789 de Laura';
    const answer = await h.post(
      wh.webhook(
        [
          wh.value({
            messages: [
              { from: wh.LAURA, id: 'wamid.odd1', timestamp: '1796000000', type: 'order', order: { text: secret } },
              { from: wh.LAURA, id: 'wamid.odd2', timestamp: '1796000000', type: secret },
              { from: 'not-a-number', id: 'wamid.odd3', type: 'text', text: { body: secret } },
              { from: wh.LAURA, id: 'wamid.odd4', type: 'text', text: { words: secret } },
              { from: wh.LAURA, id: 'wamid.odd5', type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { body: secret } } },
              'not even an object',
              wh.text('hola'),
            ],
          }),
          wh.value({ messages: [wh.text('other number')], phoneNumberId: '999' }),
          { metadata: 'broken' },
        ],
        [],
      ),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual(
      h.engine.received.map((message) => message.text),
      ['hola'],
    );
    const ignored = h.capture.lines.filter((line) => line.msg === 'WhatsApp webhook item ignored').map((line) => [line.reason, line.type]);
    assert.deepEqual(ignored, [
      ['unknownContent', 'order'],
      ['unknownContent', 'other'],
      ['invalid', 'text'],
      ['invalid', 'text'],
      ['unknownContent', 'interactive'],
      ['invalid', 'other'],
      ['otherNumber', 'change'],
      ['invalid', 'change'],
    ]);
    assert.doesNotMatch(h.capture.text(), /1032456789|Laura|Cédula/);
  });

  it('handles one member one message at a time: the second waits for the first answer', async () => {
    await h.close();
    let release: () => void = () => undefined;
    const order: string[] = [];
    h = await startHarness({
      engine: {
        async handle(message) {
          order.push(`start ${message.text}`);
          if (message.text === 'uno') await new Promise<void>((resolve) => (release = resolve));
          order.push(`end ${message.text}`);
          return [{ text: `ok ${message.text}` }];
        },
      },
    });
    const posting = h.post(wh.messagesWebhook(wh.text('uno'), wh.text('dos'), wh.text('otro', wh.PEDRO)));
    // Pedro's message does not wait for Laura's.
    while (!order.includes('end otro')) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['start uno', 'start otro', 'end otro']);
    release();
    await posting;
    assert.deepEqual(order, ['start uno', 'start otro', 'end otro', 'end uno', 'start dos', 'end dos']);
  });

  it('logs a reply the Cloud API refuses by its code, sends nothing after it, and goes on with the next message', async () => {
    h.graph.failNext = new CloudApiError('WINDOW_CLOSED', 131047, 400);
    await h.post(wh.messagesWebhook(wh.text('hola')));
    // The menu's first reply failed: the second does not go out alone.
    assert.equal(h.sends().length, 0);
    const failure = h.capture.lines.find((line) => line.msg === 'WhatsApp replies not sent');
    assert.ok(failure);
    assert.equal(failure.code, 'WINDOW_CLOSED');
    assert.equal(failure.graphCode, 131047);
    assert.equal(failure.unsent, 2);
    await h.post(wh.messagesWebhook(wh.text('sigue')));
    assert.equal(h.sends().length, 1);
  });

  it('apologises when the turn fails', async () => {
    await h.post(wh.messagesWebhook(wh.text('boom')));
    const [sent] = h.sends();
    assert.equal(sent?.message.type === 'text' && sent.message.text.body, renderer.text('errors.turnFailed'));
  });
});
