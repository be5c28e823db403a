import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from '@jest/globals';
import nock from 'nock';
import { CloudApiError, toCloudApiError, type CloudErrorCode } from '../../../adapters/whatsapp-cloud/cloud.errors.js';
import { toCloudMessages, toTemplateMessage } from '../../../adapters/whatsapp-cloud/cloud-outbound.js';
import { createGraphClient, type GraphClient } from '../../../adapters/whatsapp-cloud/graph.client.js';
import type { Timers } from '../../../adapters/whatsapp/timers.js';

const API = 'https://graph.test';
const PATH = '/v21.0/106540352242922/messages';
const TOKEN = 'EAAG-test-token';
const LAURA = '573001112233';

/** Timers that run at once and remember each wait asked for: backoff without waiting. */
function instantTimers(): Timers & { waits: number[] } {
  const waits: number[] = [];
  return { waits, setTimeout: (callback, ms) => (waits.push(ms), callback(), 0), clearTimeout: () => undefined };
}

let timers: ReturnType<typeof instantTimers>;
let graph: GraphClient;
beforeEach(() => {
  nock.disableNetConnect();
  timers = instantTimers();
  graph = createGraphClient({
    apiUrl: `${API}/`,
    version: 'v21.0',
    phoneNumberId: '106540352242922',
    accessToken: TOKEN,
    timeoutMs: 1000,
    retries: 3,
    maxBackoffMs: 8000,
    timers,
    random: () => 1,
  });
});
afterEach(() => {
  const unused = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  assert.deepEqual(unused, []);
});

const graphError = (code: number, type = 'OAuthException', subcode?: number) => ({
  error: { message: `(#${code}) something`, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEf' },
});

/** Expects one POST with `body`, answers it, and hands back what was received. */
function expectSend(status: number, answer: unknown) {
  const seen: { body?: unknown; authorization?: string } = {};
  nock(API)
    .post(PATH)
    .reply(function (_uri, body) {
      seen.body = body;
      seen.authorization = this.req.headers.authorization;
      return [status, answer as nock.Body];
    });
  return seen;
}

const accepted = (id = 'wamid.HBgLout1') => ({ messaging_product: 'whatsapp', contacts: [{ input: LAURA, wa_id: LAURA }], messages: [{ id }] });

describe('Graph API client: sends', () => {
  it('sends a text with the bearer token and hands back the new wamid', async () => {
    const seen = expectSend(200, accepted());
    const [message] = toCloudMessages([{ text: 'Hola, soy **Lina**.' }], { listButton: 'Ver opciones' });
    assert.ok(message);
    assert.equal(await graph.send(LAURA, message), 'wamid.HBgLout1');
    assert.equal(seen.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(seen.body, { messaging_product: 'whatsapp', recipient_type: 'individual', to: LAURA, type: 'text', text: { body: 'Hola, soy *Lina*.', preview_url: false } });
  });

  it('sends reply buttons and lists as the Graph API reads them', async () => {
    const [buttons] = toCloudMessages(
      [
        {
          text: '¿Confirmo?',
          options: [
            { label: 'Sí', value: 'si' },
            { label: 'No', value: 'no' },
          ],
        },
      ],
      { listButton: 'Ver opciones' },
    );
    const [list] = toCloudMessages([{ text: '¿Qué día?', options: ['lun', 'mar', 'mié', 'jue'].map((day) => ({ label: day, value: day })) }], { listButton: 'Ver opciones' });
    assert.ok(buttons && list);
    const first = expectSend(200, accepted('wamid.b'));
    const second = expectSend(200, accepted('wamid.l'));
    assert.equal(await graph.send(LAURA, buttons), 'wamid.b');
    assert.equal(await graph.send(LAURA, list), 'wamid.l');
    assert.deepEqual(first.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: LAURA,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Confirmo?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'si', title: 'Sí' } },
            { type: 'reply', reply: { id: 'no', title: 'No' } },
          ],
        },
      },
    });
    assert.deepEqual((second.body as { interactive: unknown }).interactive, {
      type: 'list',
      body: { text: '¿Qué día?' },
      action: { button: 'Ver opciones', sections: [{ rows: ['lun', 'mar', 'mié', 'jue'].map((day) => ({ id: day, title: day })) }] },
    });
  });

  it('sends a template with named body parameters and quick-reply payloads', async () => {
    const seen = expectSend(200, accepted('wamid.t'));
    const template = toTemplateMessage({ name: 'recordatorio_cita', language: 'es_CO', parameters: { paciente: 'Laura' }, quickReplies: ['confirmar'] });
    assert.equal(await graph.send(LAURA, template), 'wamid.t');
    assert.deepEqual(seen.body, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: LAURA,
      type: 'template',
      template: {
        name: 'recordatorio_cita',
        language: { code: 'es_CO' },
        components: [
          { type: 'body', parameters: [{ type: 'text', parameter_name: 'paciente', text: 'Laura' }] },
          { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'confirmar' }] },
        ],
      },
    });
  });

  it('marks a message read, with the typing indicator when asked', async () => {
    const typing = expectSend(200, { success: true });
    const plain = expectSend(200, { success: true });
    await graph.markRead('wamid.in1', { typing: true });
    await graph.markRead('wamid.in2', { typing: false });
    assert.deepEqual(typing.body, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.in1', typing_indicator: { type: 'text' } });
    assert.deepEqual(plain.body, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.in2' });
  });

  it('takes an answer without a wamid as sent, with no id', async () => {
    expectSend(200, { odd: true });
    assert.equal(await graph.send(LAURA, { type: 'text', text: { body: 'x', preview_url: false } }), undefined);
  });
});

describe('Graph API client: errors, mapped in one place', () => {
  const text = { type: 'text', text: { body: 'hola', preview_url: false } } as const;
  const failing = async () => {
    try {
      await graph.send(LAURA, text);
    } catch (error) {
      assert.ok(error instanceof CloudApiError);
      return error;
    }
    assert.fail('the send succeeded');
  };

  const NOT_REPEATED: Array<[string, number, unknown, CloudErrorCode]> = [
    ['window closed', 400, graphError(131047, 'OAuthException'), 'WINDOW_CLOSED'],
    ['recipient unavailable', 400, graphError(131026), 'RECIPIENT_UNAVAILABLE'],
    ['expired token', 401, graphError(190, 'OAuthException', 463), 'AUTH_FAILED'],
    ['401 without a body', 401, '', 'AUTH_FAILED'],
    ['invalid parameter', 400, graphError(100), 'BAD_PARAMETER'],
    ['parameter value not valid', 400, graphError(131009), 'BAD_PARAMETER'],
    ['another 400', 400, graphError(368), 'UNKNOWN'],
  ];
  for (const [what, status, body, code] of NOT_REPEATED) {
    it(`maps ${what} to ${code} and never repeats it`, async () => {
      expectSend(status, body);
      const error = await failing();
      assert.equal(error.code, code);
      assert.equal(error.retryable, false);
      assert.equal(error.status, status);
      assert.deepEqual(timers.waits, []);
    });
  }

  for (const [graphCode, status] of [
    [130429, 400],
    [80007, 400],
    [131056, 400],
  ] as const) {
    it(`repeats a rate limit (${graphCode}) with growing waits, then gives up as RATE_LIMITED`, async () => {
      for (let attempt = 0; attempt < 4; attempt++) expectSend(status, graphError(graphCode));
      const error = await failing();
      assert.equal(error.code, 'RATE_LIMITED');
      assert.equal(error.graphCode, graphCode);
      assert.deepEqual(timers.waits, [1000, 2000, 4000]);
    });
  }

  it('repeats a 5xx and a refused connection, and succeeds when the API comes back', async () => {
    expectSend(503, graphError(131000));
    nock(API)
      .post(PATH)
      .replyWithError(Object.assign(new Error('simulated ECONNRESET'), { code: 'ECONNRESET' }));
    expectSend(200, accepted('wamid.after'));
    assert.equal(await graph.send(LAURA, text), 'wamid.after');
    assert.equal(timers.waits.length, 2);
  });

  it('gives up on a server that keeps failing as SERVER_ERROR, and on no connection as NETWORK', async () => {
    for (let attempt = 0; attempt < 4; attempt++) expectSend(500, '<html>oops</html>');
    assert.equal((await failing()).code, 'SERVER_ERROR');
    for (let attempt = 0; attempt < 4; attempt++)
      nock(API)
        .post(PATH)
        .replyWithError(Object.assign(new Error('simulated ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    assert.equal((await failing()).code, 'NETWORK');
  });

  it('keeps the token and the message text out of the error', async () => {
    expectSend(400, graphError(100));
    const error = await failing();
    assert.doesNotMatch(`${error.message} ${JSON.stringify(error)}`, /EAAG|hola|573001112233/);
  });

  it('maps anything else to UNKNOWN', () => {
    assert.equal(toCloudApiError(new TypeError('x')).code, 'UNKNOWN');
    assert.equal(toCloudApiError('odd').code, 'UNKNOWN');
  });
});
