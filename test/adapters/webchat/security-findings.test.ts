/**
 * Issue 15, findings 1, 2, 5 (Direct Line) and 6, each reproduced with the request the outside
 * probe made, refused now; and the normal paths beside them: the Emulator with the local
 * secret, the web chat, a QR code's site.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from '@jest/globals';
import { testContext } from '../../support/test-context.js';
import { setTimeout as delay } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { createPairingPage } from '../../../adapters/whatsapp/pairing-page.js';
import { webchatText } from '../../../adapters/webchat/webchat-texts.js';
import { purgeBefore } from '../../../data/retention.js';
import { botTexts, startChannelConnector, startLina, streamRefusal, type Lina, type StartedConversation } from './harness.js';

const SECRET = 'a-local-secret-for-the-emulator-42';
const LOCAL = { LINA_LOCAL_BOT_SECRET: SECRET };

/** Laura, identified in her web chat: consent, document, date of birth. */
async function identifiedLaura(lina: Lina): Promise<StartedConversation> {
  const conversation = await lina.directLine.start();
  for (const text of ['sí', 'CC 1010101010', '15/03/1994']) assert.equal((await lina.directLine.say(conversation, text)).status, 200);
  const texts = botTexts((await lina.directLine.activities(conversation)).body.activities).join('\n');
  assert.match(texts, /Laura/, 'Laura is identified in her web chat');
  return conversation;
}

function postToBotEndpoint(lina: Lina, activity: unknown, options: { secret?: string | false; headers?: Record<string, string> } = {}) {
  const secret = options.secret === undefined ? SECRET : options.secret;
  return fetch(`${lina.web.url}/api/messages${secret ? `?secret=${encodeURIComponent(secret)}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify(activity),
  });
}

function message(serviceUrl: unknown, conversationId: string, text: string, id = `m-${Math.random().toString(36).slice(2)}`) {
  return {
    type: 'message',
    id,
    text,
    channelId: 'directline',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'someone', role: 'user' },
    recipient: { id: 'lina', role: 'bot' },
    timestamp: new Date().toISOString(),
  };
}

describe('finding 1: a host process cannot act as a web-chat member', () => {
  it('without credentials or a local secret, /api/messages is off', async () => {
    const t = testContext();
    const lina = await startLina(t);
    const laura = await identifiedLaura(lina);
    const channel = await startChannelConnector(t);
    const response = await postToBotEndpoint(lina, message(channel.url, laura.conversationId, 'consultar'), { secret: false });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { error: { message: string } }).error.message, /LINA_LOCAL_BOT_SECRET/);
    assert.deepEqual(channel.replies, []);
  });

  it("with the local secret, a caller naming Laura's Direct Line conversation gets a session of its own, not hers", async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    const laura = await identifiedLaura(lina);
    const channel = await startChannelConnector(t);
    const response = await postToBotEndpoint(lina, message(channel.url, laura.conversationId, 'consultar'));
    assert.equal(response.status, 200);
    const said = channel
      .messages()
      .map((reply) => reply.text ?? '')
      .join('\n');
    assert.doesNotMatch(said, /Laura|cita de|próxima/i, "none of Laura's data");
    assert.match(said, /autorizas/i, 'a stranger is asked for consent, as anyone new');
    // And Laura's own conversation is untouched: no reply landed in it, her session goes on.
    const before = (await lina.directLine.activities(laura)).body.activities.length;
    assert.equal((await lina.directLine.say(laura, 'consultar')).status, 200);
    const after = botTexts((await lina.directLine.activities(laura)).body.activities.slice(before)).join('\n');
    assert.doesNotMatch(after, /autorizas/i, 'Laura is still identified');
  });

  it('refuses a wrong or missing secret, and the secret from another machine', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    const channel = await startChannelConnector(t);
    assert.equal((await postToBotEndpoint(lina, message(channel.url, 'c-1', 'hola'), { secret: false })).status, 401);
    assert.equal((await postToBotEndpoint(lina, message(channel.url, 'c-1', 'hola'), { secret: `${SECRET}x` })).status, 401);
    const forwarded = await postToBotEndpoint(lina, message(channel.url, 'c-1', 'hola'), { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(forwarded.status, 403);
    assert.deepEqual(channel.replies, []);
  });

  it("the Emulator's normal path: with the secret in its endpoint URL, or as a bearer token, it talks to Lina", async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    const channel = await startChannelConnector(t);
    const update = { ...message(channel.url, 'emulator-1', ''), type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] };
    assert.equal((await postToBotEndpoint(lina, update)).status, 200);
    assert.match(
      channel
        .messages()
        .map((reply) => reply.text)
        .join('\n'),
      /autorizas/i,
    );
    const bearer = await postToBotEndpoint(lina, message(channel.url, 'emulator-1', 'sí'), { secret: false, headers: { authorization: `Bearer ${SECRET}` } });
    assert.equal(bearer.status, 200);
    assert.match(
      channel
        .messages()
        .map((reply) => reply.text)
        .join('\n'),
      /documento/i,
    );
  });
});

describe('finding 2: serviceUrl is checked as a parsed origin against an allow-list', () => {
  it("refuses every spelling of Lina's own connector, and nothing reaches the member's conversation", async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    const victim = await lina.directLine.start();
    const port = new URL(lina.web.url).port;
    const spellings = [
      `HTTP://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}/`,
      `HtTp://LOCALHOST:${port}`,
      `http://[::1]:${port}`,
      `http://127.1:${port}`,
      `http://2130706433:${port}`,
      `http://0x7f.0.0.1:${port}`,
      `http://0.0.0.0:${port}`,
    ];
    for (const serviceUrl of spellings) {
      const response = await postToBotEndpoint(lina, { ...message(serviceUrl, victim.conversationId, 'no') });
      assert.equal(response.status, 400, serviceUrl);
    }
    await delay(200);
    const read = await lina.directLine.activities(victim);
    assert.equal(read.body.watermark, '2', 'only the greeting: no consent refusal was injected');
  });

  it('answers 400, never 500, to a malformed serviceUrl', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    for (const serviceUrl of [
      42,
      null,
      {},
      ['http://localhost:1'],
      '',
      'not a url',
      'ftp://localhost:21',
      'javascript:alert(1)',
      'http://user:pw@localhost:9',
      `http://localhost:${'9'.repeat(3000)}`,
      undefined,
    ]) {
      const response = await postToBotEndpoint(lina, message(serviceUrl, 'c-1', 'hola'));
      assert.equal(response.status, 400, JSON.stringify(serviceUrl));
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'BadArgument');
    }
  });

  it('refuses origins outside the allow-list, and serves those in it', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: LOCAL });
    for (const serviceUrl of ['https://evil.example/', 'http://10.0.0.5:8080', 'https://localhost.evil.example:443']) {
      assert.equal((await postToBotEndpoint(lina, message(serviceUrl, 'c-1', 'hola'))).status, 400, serviceUrl);
    }
    const channel = await startChannelConnector(t);
    assert.equal(
      (await postToBotEndpoint(lina, message(channel.url.toUpperCase().replace('HTTP://', 'HTTP://'), 'c-2', 'hola'))).status,
      200,
      'an allowed origin in capitals is the same origin',
    );

    const configured = await startLina(t, { env: { ...LOCAL, LINA_BOT_SERVICE_URLS: 'https://*.botframework.com' } });
    assert.equal((await postToBotEndpoint(configured, message(channel.url, 'c-3', 'hola'))).status, 400, 'only the configured origins');
  });
});

describe('finding 5: bounded Direct Line', () => {
  it('ends a conversation on endOfConversation: its tokens, refresh and streams stop working, and it cannot be started again', async () => {
    const t = testContext();
    const lina = await startLina(t);
    const conversation = await lina.directLine.start();
    const socket = new WebSocket(conversation.streamUrl);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    assert.equal((await lina.directLine.post(conversation, { type: 'endOfConversation' })).status, 200);
    assert.equal(await closed, 1000, 'its open stream is closed');
    assert.equal((await lina.directLine.activities(conversation)).status, 403);
    assert.equal((await lina.directLine.say(conversation, 'hola')).status, 403);
    assert.equal((await lina.directLine.call('POST', '/tokens/refresh', { token: conversation.token })).status, 403);
    assert.equal((await lina.directLine.call('POST', '/conversations', { token: conversation.token })).status, 403);
    assert.equal((await lina.directLine.call('GET', `/conversations/${conversation.conversationId}`, { token: conversation.token })).status, 403);
    assert.equal(await streamRefusal(conversation.streamUrl), 404);
  });

  it('revokes a purged conversation: its token neither reads it nor starts it again', async () => {
    const t = testContext();
    const lina = await startLina(t);
    const conversation = await lina.directLine.start();
    const generated = await lina.directLine.generateToken();
    purgeBefore(lina.runtime.db, new Date(Date.now() + 60_000));
    assert.equal((await lina.directLine.activities(conversation)).status, 403);
    assert.equal((await lina.directLine.call('POST', '/conversations', { token: conversation.token })).status, 403, 'not re-created');
    assert.equal((await lina.directLine.call('POST', '/conversations', { token: generated.body.token })).status, 201, 'a conversation not started then starts as usual');
  });

  it('stops refreshing at the maximum lifetime', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: { LINA_DIRECTLINE_TOKEN_MAX_HOURS: '0.0006' } });
    const conversation = await lina.directLine.start();
    const refreshed = await lina.directLine.call<{ token: string; expires_in: number }>('POST', '/tokens/refresh', { token: conversation.token });
    assert.equal(refreshed.status, 200);
    assert.ok(refreshed.body.expires_in <= 3, `expires_in ${refreshed.body.expires_in} is capped by the session`);
    await delay(3200);
    assert.equal((await lina.directLine.call('POST', '/tokens/refresh', { token: refreshed.body.token })).status, 403);
  });

  it('keeps at most N streams per conversation: a new one closes the oldest', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: { LINA_DIRECTLINE_STREAMS_PER_CONVERSATION: '2' } });
    const conversation = await lina.directLine.start();
    const sockets: WebSocket[] = [];
    const closes: number[] = [];
    for (let n = 0; n < 4; n++) {
      const reconnect = await lina.directLine.call<{ streamUrl: string }>('GET', `/conversations/${conversation.conversationId}`, { token: conversation.token });
      const socket = new WebSocket(reconnect.body.streamUrl);
      socket.on('close', (code) => closes.push(code));
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      sockets.push(socket);
    }
    await delay(200);
    assert.deepEqual(
      sockets.map((socket) => socket.readyState === WebSocket.OPEN),
      [false, false, true, true],
    );
    assert.deepEqual(closes, [1008, 1008]);
    for (const socket of sockets) socket.close();
  });

  it('limits posts per conversation per minute, with one polite answer, storing nothing past the limit', async () => {
    const t = testContext();
    const lina = await startLina(t, { env: { LINA_DIRECTLINE_POSTS_PER_MINUTE: '5' } });
    const conversation = await lina.directLine.start();
    const statuses: number[] = [];
    for (let n = 0; n < 8; n++) statuses.push((await lina.directLine.post(conversation, { type: 'event', name: 'ping', value: n })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
    const read = await lina.directLine.activities(conversation);
    const notes = botTexts(read.body.activities).filter((text) => text === webchatText('directLine.slowDown'));
    assert.equal(notes.length, 1, 'one polite answer, not one per refused post');
    assert.equal(read.body.activities.filter((activity) => activity.from.role === 'user').length, 5);
    const other = await lina.directLine.start();
    assert.equal((await lina.directLine.say(other, 'sí')).status, 200, 'other conversations are not slowed');
  });

  it("refuses the probe's 31 KB posts and a 25 KB value each by its own limit, under the default conversation cap", async () => {
    const t = testContext();
    const lina = await startLina(t);
    const conversation = await lina.directLine.start();
    const messageOf = (response: { body: unknown }) => (response.body as { error?: { message?: string } }).error?.message ?? '';
    const padded = await lina.directLine.post(conversation, { type: 'message', text: 'hola', channelData: { padding: 'x'.repeat(31 * 1024 - 200) } });
    assert.equal(padded.status, 413);
    assert.match(messageOf(padded), /fields besides text and value over \d+ bytes/);
    const value = await lina.directLine.post(conversation, { type: 'message', value: 'v'.repeat(25 * 1024) });
    assert.equal(value.status, 413);
    assert.match(messageOf(value), /Activity value longer than \d+ characters/);
    const text = await lina.directLine.post(conversation, { type: 'message', text: 't'.repeat(25 * 1024) });
    assert.equal(text.status, 413);
    assert.match(messageOf(text), /Message text longer than \d+ characters/);
    // The same kinds of post, within the limits, go through.
    assert.equal((await lina.directLine.post(conversation, { type: 'message', value: { option: 'book' }, channelData: { clientActivityID: 'c-1' } })).status, 200);
  });

  it("refuses the probe's 31 KB posts and a 25 KB value, and bounds what a conversation may store", async () => {
    const t = testContext();
    const lina = await startLina(t, { env: { LINA_DIRECTLINE_MAX_CONVERSATION_KB: '16' } });
    const conversation = await lina.directLine.start();
    const bytesBefore = lina.runtime.db.prepare('SELECT COALESCE(SUM(LENGTH(activity)), 0) AS n FROM directline_activities').get() as { n: number };
    const padded = await lina.directLine.post(conversation, { type: 'message', text: 'hola', channelData: { padding: 'x'.repeat(31 * 1024 - 200) } });
    assert.equal(padded.status, 413);
    const value = await lina.directLine.post(conversation, { type: 'message', value: 'v'.repeat(25 * 1024) });
    assert.equal(value.status, 413, 'value is limited like text');
    const bytesAfter = lina.runtime.db.prepare('SELECT COALESCE(SUM(LENGTH(activity)), 0) AS n FROM directline_activities').get() as { n: number };
    assert.ok(bytesAfter.n - bytesBefore.n < 1024, 'only the short polite note was stored');

    const statuses: number[] = [];
    for (let n = 0; n < 12; n++) statuses.push((await lina.directLine.post(conversation, { type: 'event', name: 'note', value: 'n'.repeat(1900) })).status);
    assert.ok(statuses.slice(0, 6).every((status) => status === 200));
    assert.equal(statuses.at(-1), 413);
    const texts = botTexts((await lina.directLine.activities(conversation)).body.activities);
    assert.ok(texts.includes(webchatText('directLine.conversationFull')));
    assert.ok(texts.includes(webchatText('directLine.tooBig')));
  });
});

describe('finding 6: one rule for local requests, nosniff, and the site only at the start', () => {
  const forwardedFromElsewhere: Array<Record<string, string>> = [
    { 'x-forwarded-for': '203.0.113.9' },
    { forwarded: 'for=203.0.113.9' },
    { forwarded: 'for="[2001:db8::1]:4711";proto=https' },
    { forwarded: 'for=unknown' },
    { 'x-real-ip': '203.0.113.9' },
    { 'x-client-ip': '203.0.113.9' },
    { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '198.51.100.4' },
    { 'client-ip': '203.0.113.9' },
    { 'x-remote-addr': '203.0.113.9' },
  ];

  /** A request with any Host header (fetch sets its own). */
  function requestWithHost(url: string, host: string, method = 'GET'): Promise<number> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const req = httpRequest(
        { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers: { host, 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    });
  }

  it('/whatsapp and /api/messages refuse what any forwarding header says came from elsewhere', async () => {
    const t = testContext();
    const pairing = createPairingPage(() => ({ state: 'pairing', since: new Date(), qrPng: 'data:image/png;base64,AAAA' }));
    const lina = await startLina(t, { env: LOCAL, server: { mounts: [{ path: '/whatsapp', handler: pairing }] } });
    const channel = await startChannelConnector(t);
    assert.equal((await fetch(`${lina.web.url}/whatsapp`)).status, 200, 'this machine sees the page');
    for (const headers of forwardedFromElsewhere) {
      assert.equal((await fetch(`${lina.web.url}/whatsapp`, { headers })).status, 403, `whatsapp ${JSON.stringify(headers)}`);
      assert.equal((await postToBotEndpoint(lina, message(channel.url, 'c-1', 'hola'), { headers })).status, 403, `api/messages ${JSON.stringify(headers)}`);
    }
    // DNS rebinding: a page that resolved its own name to 127.0.0.1.
    assert.equal(await requestWithHost(`${lina.web.url}/whatsapp`, 'lina.example.org'), 403);
    assert.equal(await requestWithHost(`${lina.web.url}/api/messages?secret=${SECRET}`, 'rebind.example.org', 'POST'), 403);
    assert.deepEqual(channel.replies, []);
  });

  it('honours LINA_TRUST_PROXY: behind a trusted local proxy, a local client is local and a remote one is not', async () => {
    const t = testContext();
    const pairing = createPairingPage(() => ({ state: 'open', since: new Date() }));
    const lina = await startLina(t, { env: { LINA_TRUST_PROXY: 'loopback' }, server: { mounts: [{ path: '/whatsapp', handler: pairing }] } });
    assert.equal((await fetch(`${lina.web.url}/whatsapp`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status, 200);
    assert.equal((await fetch(`${lina.web.url}/whatsapp`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 403);
    assert.equal((await fetch(`${lina.web.url}/whatsapp`, { headers: { 'x-forwarded-for': '127.0.0.1', forwarded: 'for=203.0.113.9' } })).status, 403);
  });

  it('sends X-Content-Type-Options: nosniff on every response', async () => {
    const t = testContext();
    const pairing = createPairingPage(() => ({ state: 'open', since: new Date() }));
    const lina = await startLina(t, {
      server: {
        mounts: [
          { path: '/whatsapp', handler: pairing },
          { path: '/other', handler: (_req, res) => res.end('x') },
        ],
      },
    });
    const responses = await Promise.all([
      fetch(`${lina.web.url}/healthz`),
      fetch(`${lina.web.url}/`),
      fetch(`${lina.web.url}/politica-de-datos`),
      fetch(`${lina.web.url}/nope`),
      fetch(`${lina.web.url}/api/messages`, { method: 'POST', body: '{}' }),
      fetch(`${lina.web.url}/v3/directline/tokens/generate`, { method: 'POST' }),
      fetch(`${lina.web.url}/v3/directline/conversations`, { method: 'POST' }),
      fetch(`${lina.web.url}/v3/conversations/x/activities`, { method: 'POST' }),
      fetch(`${lina.web.url}/whatsapp`),
      fetch(`${lina.web.url}/other`),
      fetch(`${lina.web.url}/webchat/token`, { method: 'POST' }),
    ]);
    for (const response of responses) assert.equal(response.headers.get('x-content-type-options'), 'nosniff', response.url);
  });

  it("takes channelData.site only from the conversation's start: a later activity cannot set it", async () => {
    const t = testContext();
    const lina = await startLina(t);
    const conversation = await lina.directLine.start();
    // The member's session runs out; the next message would start a new one, from the site it names.
    lina.clock.advance(11 * 60_000);
    const posted = await lina.directLine.post(conversation, { type: 'message', text: 'hola', channelData: { site: 'SUBA', clientActivityID: 'c-1' } });
    assert.equal(posted.status, 200);
    const sites = lina.runtime.db.prepare('SELECT site FROM conversations ORDER BY started_at').all() as Array<{ site: string | null }>;
    assert.deepEqual(
      sites.map((row) => row.site),
      [null, null],
    );
  });

  it("the QR code's site still counts, for every conversation of that page", async () => {
    const t = testContext();
    const lina = await startLina(t);
    const conversation = await lina.directLine.start({ site: 'SUBA' });
    lina.clock.advance(11 * 60_000);
    assert.equal((await lina.directLine.post(conversation, { type: 'message', text: 'hola', channelData: { site: 'KENNEDY' } })).status, 200);
    const sites = lina.runtime.db.prepare('SELECT site FROM conversations ORDER BY started_at').all() as Array<{ site: string | null }>;
    assert.deepEqual(
      sites.map((row) => row.site),
      ['SUBA', 'SUBA'],
    );
  });
});
