/**
 * The web server around the web chat: health, the page and its Content-Security-Policy, the
 * assets from node_modules, mounts, the Azure Direct Line mode, and `/api/messages` answering
 * a Bot Framework channel (a local stand-in for the channel's connector records the replies).
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { testContext } from '../../support/test-context.js';
import { ManualClock } from '../../../bot/clock.js';
import { loadConfig } from '../../../bot/config.js';
import { silentLogger } from '../../../bot/logger.js';
import { startWebServer } from '../../../adapters/http/web-server.js';
import { openDatabase } from '../../../data/database.js';
import { createDirectLineStore } from '../../../data/webchat/directline.store.js';
import { webchatText } from '../../../adapters/webchat/webchat-texts.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';
import { startChannelConnector, startLina, TEST_ENV } from './harness.js';

describe('web server', () => {
  it('answers /healthz with JSON', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const response = await fetch(`${web.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('serves the page in Spanish, with a Content-Security-Policy that names no other origin', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const response = await fetch(`${web.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    assert.match(html, /<html lang="es-CO">/);
    assert.ok(html.includes(`<title>${webchatText('page.title')}</title>`));
    assert.match(html, /name="viewport" content="width=device-width/);
    assert.match(html, /<script src="\/webchat\/webchat-minimal\.js" defer><\/script>/);

    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    const origins = csp.match(/[a-z]+:\/\/[^\s;]+/g) ?? [];
    assert.deepEqual(origins, [web.url.replace(/^http/, 'ws')], 'only this server, for the WebSocket');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && html.includes(`"nonce":"${nonce}"`), 'Web Chat gets the nonce for its styles');
    const second = await fetch(`${web.url}/`);
    assert.notEqual(/'nonce-([^']+)'/.exec(second.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a nonce per response');
  });

  it('tags the page with a known site from the QR code and ignores unknown ones', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const tagged = await (await fetch(`${web.url}/?site=suba`)).text();
    assert.match(tagged, /"site":"SUBA"/);
    assert.ok(tagged.includes(webchatText('page.siteNote', { site: 'USS Suba' })));
    const unknown = await (await fetch(`${web.url}/?site=%3Cscript%3E`)).text();
    assert.match(unknown, /"site":null/);
    assert.ok(!unknown.includes('<script>'));
  });

  it("serves Web Chat from node_modules (compressed), the page script, its style and Lina's avatar", async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const bundle = await fetch(`${web.url}/webchat/webchat-minimal.js`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(bundle.status, 200);
    assert.equal(bundle.headers.get('content-encoding'), 'gzip');
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.match(await bundle.text(), /renderWebChat/);
    for (const [path, type] of [
      ['/webchat/webchat-page.js', /javascript/],
      ['/webchat/webchat-page.css', /text\/css/],
      ['/webchat/lina-avatar.svg', /image\/svg\+xml/],
    ] as const) {
      const response = await fetch(`${web.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', type, path);
    }
    assert.equal((await fetch(`${web.url}/webchat/nothing-here.js`)).status, 404);
    assert.equal((await fetch(`${web.url}/nothing-here`)).status, 404);
  });

  it('hands mounted paths their full request URL', async () => {
    const t = testContext();
    const { web } = await startLina(t, {
      server: { mounts: [{ path: '/whatsapp', handler: (req, res) => res.end(`mounted ${req.method} ${req.url}`) }] },
    });
    const response = await fetch(`${web.url}/whatsapp/pair?step=2`);
    assert.equal(await response.text(), 'mounted GET /whatsapp/pair?step=2');
    assert.equal((await fetch(`${web.url}/whatsappx`)).status, 404);
  });
});

describe('web server with Azure Direct Line', () => {
  it('exchanges the secret for a token only when the page asks, and lets the page reach Azure', async () => {
    const t = testContext();
    const calls: Array<{ url: string; authorization: string | null; body: string }> = [];
    const fakeFetch: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      calls.push({ url: String(input instanceof Request ? input.url : input), authorization: headers.get('authorization'), body: typeof init?.body === 'string' ? init.body : '' });
      return Promise.resolve(Response.json({ conversationId: 'azure-conversation', token: 'azure-token', expires_in: 3600 }));
    };
    const { web } = await startLina(t, { env: { DIRECT_LINE_SECRET: 's3cr3t' }, server: { fetch: fakeFetch } });
    const page = await fetch(`${web.url}/`);
    assert.equal(calls.length, 0, 'nothing goes to Azure at start-up or for the page');
    assert.match(page.headers.get('content-security-policy') ?? '', /connect-src [^;]*https:\/\/directline\.botframework\.com wss:\/\/directline\.botframework\.com/);
    const html = await page.text();
    assert.match(html, /"mode":"azure"/);
    assert.match(html, /"tokenUrl":"\/webchat\/token"/);
    assert.ok(!html.includes('s3cr3t'), 'the secret never reaches the browser');

    const token = await fetch(`${web.url}/webchat/token`, { method: 'POST' });
    assert.equal(token.status, 200);
    assert.deepEqual(await token.json(), { conversationId: 'azure-conversation', token: 'azure-token', expires_in: 3600 });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.url, 'https://directline.botframework.com/v3/directline/tokens/generate');
    assert.equal(calls[0]?.authorization, 'Bearer s3cr3t');
    assert.match((JSON.parse(calls[0]?.body ?? '{}') as { user?: { id?: string } }).user?.id ?? '', /^dl_/);
  });

  it('answers 502 when Azure does not give a token', async () => {
    const t = testContext();
    const fakeFetch: typeof fetch = () => Promise.resolve(new Response('nope', { status: 500 }));
    const { web } = await startLina(t, { env: { DIRECT_LINE_SECRET: 's3cr3t' }, server: { fetch: fakeFetch } });
    const token = await fetch(`${web.url}/webchat/token`, { method: 'POST' });
    assert.equal(token.status, 502);
    assert.equal(((await token.json()) as { error: { code: string } }).error.code, 'ServiceError');
  });

  it('has no Azure token route when Lina runs her own Direct Line', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    assert.equal((await fetch(`${web.url}/webchat/token`, { method: 'POST' })).status, 404);
  });
});

/** The local bot secret the Emulator tests present (in its endpoint URL, `?secret=`). */
const LOCAL_SECRET = 'emulator-secret-for-tests-0123456789';
const WITH_LOCAL_SECRET = { env: { LINA_LOCAL_BOT_SECRET: LOCAL_SECRET } };

describe('/api/messages (Bot Framework endpoint)', () => {
  it('greets a member the channel adds and answers their messages through the channel connector', async () => {
    const t = testContext();
    const { web } = await startLina(t, WITH_LOCAL_SECRET);
    const channel = await startChannelConnector(t);
    const added = await postActivity(web.url, {
      ...activityFrom(channel.url, 'emulator-conversation-1'),
      type: 'conversationUpdate',
      id: 'update-1',
      membersAdded: [{ id: 'member-1', name: 'Usuario' }],
    });
    assert.equal(added.status, 200);
    const greeting = channel.messages();
    assert.match(greeting.map((reply) => reply.text).join('\n'), /Lina/);
    assert.ok(
      channel.replies.some((reply) => reply.activity.type === 'typing'),
      'Lina types while the turn runs',
    );
    assert.ok(channel.replies.every((reply) => reply.path.startsWith('/v3/conversations/emulator-conversation-1/activities')));
    assert.ok(
      channel.replies.every((reply) => reply.authorization === undefined),
      'authentication is off: no token is sent',
    );

    const answered = await postActivity(web.url, { ...activityFrom(channel.url, 'emulator-conversation-1'), type: 'message', id: 'message-1', text: 'sí' });
    assert.equal(answered.status, 200);
    assert.match(
      channel
        .messages()
        .map((reply) => reply.text)
        .join('\n'),
      /documento/i,
    );
  });

  it("refuses what is not an activity, and activities aimed at Lina's own connector", async () => {
    const t = testContext();
    const { web } = await startLina(t, WITH_LOCAL_SECRET);
    assert.equal((await postRaw(web.url, '{"text": ')).status, 400);
    assert.equal((await postActivity(web.url, { text: 'sin tipo' })).status, 400);
    assert.equal((await postActivity(web.url, { ...activityFrom(web.url, 'c-1'), type: 'message', id: 'm-1', text: 'hola' })).status, 400);
  });

  it('apologises instead of crashing when a turn fails', async () => {
    const t = testContext();
    const config = loadConfig({ ...TEST_ENV, LINA_LOCAL_BOT_SECRET: LOCAL_SECRET });
    const db = openDatabase(':memory:');
    const failing = { handle: async () => Promise.reject(new Error('the engine broke')) };
    const web = await startWebServer({ config, engine: failing, directLineStore: createDirectLineStore(db), clock: new ManualClock(FAKE_NOW), logger: silentLogger });
    t.after(async () => {
      await web.close();
      db.close();
    });
    const channel = await startChannelConnector(t);
    const response = await postActivity(web.url, { ...activityFrom(channel.url, 'c-2'), type: 'message', id: 'm-2', text: 'hola' });
    assert.equal(response.status, 200);
    assert.deepEqual(
      channel.messages().map((reply) => reply.text),
      [webchatText('bot.apology')],
    );
    assert.equal((await fetch(`${web.url}/healthz`)).status, 200, 'the server keeps serving');
  });
});

function activityFrom(serviceUrl: string, conversationId: string) {
  return {
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'member-1', role: 'user' },
    recipient: { id: 'lina', name: 'Lina', role: 'bot' },
    timestamp: new Date().toISOString(),
  };
}

function postActivity(baseUrl: string, activity: Record<string, unknown>) {
  return postRaw(baseUrl, JSON.stringify(activity));
}

function postRaw(baseUrl: string, body: string) {
  return fetch(`${baseUrl}/api/messages?secret=${LOCAL_SECRET}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}
