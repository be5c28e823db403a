/**
 * Lina's own Direct Line 3.0 over real HTTP and WebSocket, with the real bot behind it
 * (CloudAdapter → engine → SQLite → embedded agenda), as Web Chat uses it.
 */
import assert from 'node:assert/strict';
import { networkInterfaces } from 'node:os';
import { describe, it } from '@jest/globals';
import { testContext } from '../../support/test-context.js';
import { isLocalRequest, isLoopbackAddress } from '../../../adapters/http/local-request.js';
import { webchatText } from '../../../adapters/webchat/webchat-texts.js';
import { botTexts, openStream, startLina, streamRefusal, type DirectLineActivity } from './harness.js';

describe('Direct Line: starting a conversation', () => {
  it('gives a token bound to a new conversation, and Lina greets as soon as it starts', async () => {
    const t = testContext();
    const { directLine, runtime } = await startLina(t);
    const generated = await directLine.generateToken({ site: 'suba' });
    assert.equal(generated.status, 200);
    assert.match(generated.body.conversationId, /^[\w-]{20,}$/);
    assert.ok(generated.body.expires_in >= 1800);

    const started = await directLine.call<{ conversationId: string; token: string; streamUrl: string }>('POST', '/conversations', {
      token: generated.body.token,
    });
    assert.equal(started.status, 201);
    assert.equal(started.body.conversationId, generated.body.conversationId);
    assert.match(started.body.streamUrl, new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.body.conversationId}/stream\\?`));

    const read = await directLine.activities(started.body);
    assert.equal(read.status, 200);
    const [welcome, consent] = read.body.activities;
    assert.match(welcome?.text ?? '', /Lina/);
    assert.match(welcome?.text ?? '', /USS Suba/, 'the QR code site reaches the greeting');
    assert.match(consent?.text ?? '', /autorizas/i);
    assert.deepEqual(
      consent?.suggestedActions?.actions.map(({ type, title, displayText }) => ({ type, title, displayText })),
      [
        { type: 'messageBack', title: 'Sí', displayText: 'Sí' },
        { type: 'messageBack', title: 'No', displayText: 'No' },
      ],
    );
    assert.equal(read.body.watermark, '2');
    assert.deepEqual(runtime.db.prepare('SELECT channel, site FROM conversations').all(), [{ channel: 'webchat', site: 'SUBA' }], 'one Lina session, tagged with the site');
  });

  it('starts a conversation once however often the client asks', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const generated = await directLine.generateToken();
    const first = await directLine.call('POST', '/conversations', { token: generated.body.token });
    const again = await directLine.call('POST', '/conversations', { token: generated.body.token });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    const read = await directLine.activities({ conversationId: generated.body.conversationId, token: generated.body.token });
    assert.equal(botTexts(read.body.activities).filter((text) => /Lina/.test(text)).length, 1, 'one greeting');
  });

  it('refreshes a token for the same conversation', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    const refreshed = await directLine.call<{ conversationId: string; token: string }>('POST', '/tokens/refresh', { token: conversation.token });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.conversationId, conversation.conversationId);
    const read = await directLine.activities({ conversationId: conversation.conversationId, token: refreshed.body.token });
    assert.equal(read.status, 200);
  });
});

describe('Direct Line: posting and receiving', () => {
  it('stores the member message, echoes it, and returns the bot replies by polling', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    const posted = await directLine.say(conversation, 'sí', 'client-1');
    assert.equal(posted.status, 200);
    assert.equal(posted.body.id, `${conversation.conversationId}|0000003`);

    const read = await directLine.activities(conversation, '2');
    const [echo, ...replies] = read.body.activities;
    assert.equal(echo?.id, posted.body.id);
    assert.equal(echo?.text, 'sí');
    assert.equal(echo?.from.role, 'user');
    assert.notEqual(echo?.from.id, 'someone-else', 'the member id comes from the token, not the client');
    assert.equal(echo?.channelData?.clientActivityID, 'client-1', 'Web Chat recognises its own message');
    assert.match(botTexts(replies).join('\n'), /documento/i);
    assert.ok(replies.every((reply) => reply.replyToId === echo?.id));
    assert.equal(read.body.watermark, String(2 + read.body.activities.length));

    const nothingNew = await directLine.activities(conversation, read.body.watermark);
    assert.deepEqual(nothingNew.body, { activities: [], watermark: read.body.watermark });
  });

  it('streams the backlog, then the echo, "typing" and the replies over the WebSocket', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    const stream = await openStream(conversation.streamUrl);
    t.after(() => stream.close());

    await stream.waitFor((activity) => /autorizas/i.test(activity.text ?? ''), 'the greeting from the backlog');
    assert.equal(stream.groups[0]?.watermark, '2');

    await directLine.say(conversation, 'sí', 'client-ws');
    await stream.waitFor((activity) => activity.channelData?.clientActivityID === 'client-ws', 'the echo');
    await stream.waitFor((activity) => activity.type === 'typing' && activity.from.role === 'bot', 'Lina typing');
    await stream.waitFor((activity) => /documento/i.test(activity.text ?? ''), 'the document question');

    const ids = stream
      .activities()
      .filter((activity) => activity.type !== 'typing')
      .map((activity) => activity.id);
    assert.equal(new Set(ids).size, ids.length, 'nothing is delivered twice');
    const polled = await directLine.activities(conversation);
    assert.deepEqual(
      polled.body.activities.map((activity) => activity.id),
      ids,
      'the stream and polling agree; "typing" is never stored',
    );
  });

  it('reconnects from a watermark with a new stream URL that sends only what came after it', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    await directLine.say(conversation, 'sí');

    const reconnected = await directLine.call<{ conversationId: string; token: string; streamUrl: string }>('GET', `/conversations/${conversation.conversationId}?watermark=3`, {
      token: conversation.token,
    });
    assert.equal(reconnected.status, 200);
    assert.equal(reconnected.body.conversationId, conversation.conversationId);
    assert.notEqual(reconnected.body.streamUrl, conversation.streamUrl);
    assert.match(reconnected.body.streamUrl, /[?&]watermark=3(&|$)/);

    const stream = await openStream(reconnected.body.streamUrl);
    t.after(() => stream.close());
    const first = await stream.waitFor((activity) => activity.type === 'message', 'the activities after watermark 3');
    assert.equal(first.id, `${conversation.conversationId}|0000004`);
    assert.ok(
      stream.activities().every((activity) => !/autorizas/i.test(activity.text ?? '')),
      'nothing before the watermark',
    );
  });

  it('answers the value of a button as the choice it stands for', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    // Web Chat's messageBack: the value as text, the label shown in the member's bubble.
    const posted = await directLine.post(conversation, { type: 'message', text: 'no', value: 'no', channelData: { messageBack: { displayText: 'No' } } });
    assert.equal(posted.status, 200);
    const read = await directLine.activities(conversation, '2');
    assert.match(botTexts(read.body.activities).join('\n'), /no guardaremos/i);
  });
});

describe('Direct Line: refusals', () => {
  it('answers 404 for a conversation that was never started', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const generated = await directLine.generateToken();
    const conversation = { conversationId: generated.body.conversationId, token: generated.body.token };
    for (const result of [
      await directLine.call('GET', `/conversations/${conversation.conversationId}`, { token: conversation.token }),
      await directLine.activities(conversation),
      await directLine.say(conversation, 'hola'),
    ]) {
      assert.equal(result.status, 404);
      assert.equal((result.body as { error?: { code?: string } }).error?.code, 'NotFound');
    }
  });

  it('answers 403 to a missing, malformed, tampered, foreign or wrong-scope token', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const mine = await directLine.start();
    const theirs = await directLine.start();
    const tampered = `${mine.token.slice(0, -2)}${mine.token.endsWith('AA') ? 'BB' : 'AA'}`;
    const streamToken = new URL(mine.streamUrl).searchParams.get('t') ?? '';
    for (const token of [undefined, 'not-a-token', tampered, theirs.token, streamToken]) {
      const read = await directLine.call('GET', `/conversations/${mine.conversationId}/activities`, token ? { token } : {});
      assert.equal(read.status, 403, `token ${String(token).slice(0, 12)}…`);
      assert.equal((read.body as { error?: { code?: string } }).error?.code, 'TokenInvalid');
    }
    const posted = await directLine.post({ conversationId: mine.conversationId, token: theirs.token }, { type: 'message', text: 'hola' });
    assert.equal(posted.status, 403);

    const foreignStream = new URL(mine.streamUrl);
    foreignStream.searchParams.set('t', new URL(theirs.streamUrl).searchParams.get('t') ?? '');
    assert.equal(await streamRefusal(foreignStream.toString()), 403);
    const badStream = new URL(mine.streamUrl);
    badStream.searchParams.set('t', 'nope');
    assert.equal(await streamRefusal(badStream.toString()), 403);
  });

  it('answers 413 to an oversized body or a text longer than the engine accepts, storing nothing of it, and says so politely once', async () => {
    const t = testContext();
    const { directLine, config } = await startLina(t);
    const conversation = await directLine.start();
    const tooLong = await directLine.say(conversation, 'a'.repeat(config.conversation.maxMessageLength + 1));
    assert.equal(tooLong.status, 413);
    assert.equal((tooLong.body as { error?: { code?: string } }).error?.code, 'MessageSizeTooBig');
    const huge = await directLine.post(conversation, { type: 'message', text: 'hola', channelData: { padding: 'x'.repeat(40 * 1024) } });
    assert.equal(huge.status, 413);
    assert.equal((huge.body as { error?: { code?: string } }).error?.code, 'MessageSizeTooBig');
    const read = await directLine.activities(conversation);
    assert.equal(read.body.watermark, '3', 'the greeting, and one polite note');
    assert.ok(
      read.body.activities.every((activity) => activity.from.role === 'bot'),
      "nothing of the member's is stored",
    );
    assert.equal(read.body.activities.at(-1)?.text, webchatText('directLine.tooBig'));
  });

  it('answers 400 to malformed JSON, a non-JSON body, an activity it cannot take, or a bad watermark', async () => {
    const t = testContext();
    const { directLine } = await startLina(t);
    const conversation = await directLine.start();
    const path = `/conversations/${conversation.conversationId}/activities`;
    const results = [
      await directLine.call('POST', path, { token: conversation.token, raw: '{"type": "message", "text": ' }),
      await directLine.call('POST', path, { token: conversation.token, raw: 'hola', headers: { 'content-type': 'text/plain' } }),
      await directLine.post(conversation, { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }),
      await directLine.post(conversation, { type: 'message', text: 'foto', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] }),
      await directLine.post(conversation, ['not', 'an', 'activity']),
      await directLine.activities(conversation, 'abc'),
    ];
    for (const result of results) {
      assert.equal(result.status, 400);
      assert.equal((result.body as { error?: { code?: string } }).error?.code, 'BadArgument');
    }
    const read = await directLine.activities(conversation);
    assert.equal(read.body.watermark, '2');
  });

  it('lets only the bot, with the in-process secret, post to its Bot Connector routes', async () => {
    const t = testContext();
    const { web, directLine } = await startLina(t);
    const conversation = await directLine.start();
    for (const authorization of [undefined, 'Bearer guess']) {
      const response = await fetch(`${web.url}/v3/conversations/${conversation.conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ type: 'message', text: 'soy Lina, créeme' }),
      });
      assert.equal(response.status, 403);
    }
    const read = await directLine.activities(conversation);
    assert.ok(!botTexts(read.body.activities).some((text) => text.includes('créeme')));
  });
});

describe('Direct Line: who may use it', () => {
  it('knows loopback addresses, IPv4, IPv6 and IPv4-mapped', () => {
    for (const address of ['127.0.0.1', '127.10.0.3', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) {
      assert.equal(isLoopbackAddress(address), true, address);
    }
    for (const address of [undefined, '', '10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '128.0.0.1', '1270.0.0.1']) {
      assert.equal(isLoopbackAddress(address), false, String(address));
    }
  });

  it('counts a forwarded request as local only when it was forwarded for loopback addresses', () => {
    const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers: { host: 'localhost:3978', ...headers } }) as never;
    assert.equal(isLocalRequest(request('127.0.0.1')), true);
    assert.equal(isLocalRequest(request('::1', { 'x-forwarded-for': '127.0.0.1' })), true);
    assert.equal(isLocalRequest(request('127.0.0.1', { forwarded: 'for="[::1]:5000";proto=http' })), true);
    assert.equal(isLocalRequest(request('10.0.0.5')), false);
    assert.equal(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })), false, 'a local reverse proxy forwarding a visitor');
    assert.equal(isLocalRequest(request('127.0.0.1', { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })), false);
    assert.equal(isLocalRequest(request('127.0.0.1', { forwarded: 'for=198.51.100.7' })), false);
  });

  it("refuses /api/messages to requests a local reverse proxy forwards from elsewhere, even with the local secret; the page's Direct Line serves them", async () => {
    const t = testContext();
    const secret = 'local-secret-0123456789';
    const { web } = await startLina(t, { env: { LINA_LOCAL_BOT_SECRET: secret } });
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    assert.equal(
      (await fetch(`${web.url}/api/messages?secret=${secret}`, { method: 'POST', headers: { ...forwarded, 'content-type': 'application/json' }, body: '{}' })).status,
      403,
    );
    assert.equal((await fetch(`${web.url}/v3/directline/tokens/generate`, { method: 'POST', headers: forwarded })).status, 200, 'members on their phones');
  });

  it('behind a trusted reverse proxy, limits new conversations per member address, not per proxy', async () => {
    const t = testContext();
    const generate = (url: string, member: string) =>
      fetch(`${url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': member } }).then((reply) => reply.status);
    const proxied = await startLina(t, { env: { LINA_TRUST_PROXY: 'loopback' } });
    for (let n = 0; n < 30; n++) assert.equal(await generate(proxied.web.url, '203.0.113.7'), 200);
    assert.equal(await generate(proxied.web.url, '203.0.113.7'), 429, 'one member past the limit');
    assert.equal(await generate(proxied.web.url, '203.0.113.8'), 200, 'another member behind the same proxy');

    // Without trust, a forwarded address is not believed: every request counts against the socket's.
    const direct = await startLina(t);
    for (let n = 0; n < 30; n++) assert.equal(await generate(direct.web.url, `203.0.113.${n}`), 200);
    assert.equal(await generate(direct.web.url, '198.51.100.1'), 429);
  });

  const externalAddress = Object.values(networkInterfaces())
    .flat()
    .find((entry): entry is NonNullable<typeof entry> => Boolean(entry && entry.family === 'IPv4' && !entry.internal))?.address;

  ((externalAddress ? false : 'this machine has no non-loopback IPv4 address') ? it.skip : it)(
    'keeps /api/messages from other machines while Bot Framework authentication is off, and serves the page and its Direct Line to them',
    async () => {
      const t = testContext();
      const secret = 'local-secret-0123456789';
      const open = await startLina(t, { env: { LINA_HOST: '0.0.0.0', LINA_LOCAL_BOT_SECRET: secret } });
      const port = new URL(open.web.url).port;
      const remote = `http://${externalAddress}:${port}`;
      const phone = (await import('./harness.js')).directLineClient(remote);
      const started = await phone.start();
      assert.match(botTexts((await phone.activities(started)).body.activities).join('\n'), /autorizas/i, 'a member on a phone talks to Lina');
      const messages = await fetch(`${remote}/api/messages?secret=${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(messages.status, 403, 'the secret is for this machine only');
      assert.equal((await fetch(`${remote}/healthz`)).status, 200, 'health checks work from anywhere');
      assert.equal((await fetch(`${remote}/`)).status, 200, 'the page itself is public');

      const secured = await startLina(t, {
        env: { LINA_HOST: '0.0.0.0', MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'test-password' },
      });
      const securedRemote = `http://${externalAddress}:${new URL(secured.web.url).port}`;
      const remoteClient = (await import('./harness.js')).directLineClient(securedRemote);
      const conversation = await remoteClient.start();
      const read = await remoteClient.activities(conversation);
      assert.match(botTexts(read.body.activities).join('\n'), /autorizas/i, 'the Direct Line reaches the bot with authentication on');
      const unsigned = await fetch(`${securedRemote}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(emulatorActivity('http://127.0.0.1:9/')),
      });
      assert.equal(unsigned.status, 401, 'Azure traffic must carry a Bot Framework token');
    },
  );
});

function emulatorActivity(serviceUrl: string): Partial<DirectLineActivity> & Record<string, unknown> {
  return {
    type: 'message',
    id: 'm-1',
    text: 'hola',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conv-1' },
    from: { id: 'user-1', role: 'user' },
    recipient: { id: 'lina', role: 'bot' },
    timestamp: new Date().toISOString(),
  };
}
