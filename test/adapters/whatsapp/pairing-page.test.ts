import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import QRCode from 'qrcode';
import type { WhatsAppStatus } from '../../../adapters/whatsapp/connection.js';
import { createPairingPage } from '../../../adapters/whatsapp/pairing-page.js';

const SINCE = new Date('2026-11-23T13:00:00Z');

let status: WhatsAppStatus = { state: 'connecting', since: SINCE };
let server: Server;
let port: number;

/** A GET to the page on the loopback server, with the headers given. */
function get(headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/whatsapp', method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The handler called directly, as if the request came from `remoteAddress`. */
function callFrom(remoteAddress: string, headers: Record<string, string> = { host: 'localhost:3000' }) {
  const handler = createPairingPage(() => status);
  let statusCode = 0;
  let body = '';
  const req = { method: 'GET', url: '/whatsapp', headers, socket: { remoteAddress } } as unknown as IncomingMessage;
  const res = {
    writeHead(code: number) {
      statusCode = code;
      return this;
    },
    end(chunk?: string) {
      body = chunk ?? '';
    },
  } as unknown as ServerResponse;
  handler(req, res);
  return { statusCode, body };
}

beforeAll(async () => {
  server = createServer(createPairingPage(() => status));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('WhatsApp pairing page', () => {
  it('refuses anyone who is not on this machine', () => {
    status = { state: 'pairing', since: SINCE, qrPng: 'data:image/png;base64,AAAA' };
    for (const address of ['10.0.0.7', '192.168.1.20', '::ffff:10.0.0.7', '2001:db8::1', '']) {
      const answer = callFrom(address);
      assert.equal(answer.statusCode, 403, address);
      assert.doesNotMatch(answer.body, /base64/);
    }
    assert.equal(callFrom('127.0.0.1').statusCode, 200);
    assert.equal(callFrom('::1', { host: '[::1]:3000' }).statusCode, 200);
    assert.equal(callFrom('::ffff:127.0.0.1', { host: '127.0.0.1:3000' }).statusCode, 200);
  });

  it('refuses requests relayed from elsewhere or for another host name', async () => {
    status = { state: 'pairing', since: SINCE, qrPng: 'data:image/png;base64,AAAA' };
    assert.equal((await get({ 'X-Forwarded-For': '203.0.113.9' })).status, 403);
    // A rebound DNS name pointing at 127.0.0.1 still names another host.
    assert.equal((await get({ Host: `evil.example:${port}` })).status, 403);
    assert.equal((await get({ Host: `localhost:${port}` })).status, 200);
  });

  it('shows the QR code while a pairing is pending, and refreshes itself', async () => {
    const qrPng = await QRCode.toDataURL('2@Lx8d0Yb3TqPz,x3xvYwq4Zs1Pn8s=,1Kx9Y0bT4v7QpR2s=');
    status = { state: 'pairing', since: SINCE, qrPng };
    const page = await get();
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.ok(page.body.includes(`<img alt="WhatsApp pairing QR code" width="264" height="264" src="${qrPng}">`));
    assert.match(page.body, /<meta http-equiv="refresh" content="5">/);
    assert.match(page.body, /Needs pairing/);
  });

  it('shows the pairing code when pairing by phone number', async () => {
    status = { state: 'pairing', since: SINCE, pairingCode: 'LINA2026' };
    const page = await get();
    assert.match(page.body, /<p class="code">LINA2026<\/p>/);
    assert.doesNotMatch(page.body, /<img/);
  });

  it('shows each state, and stops refreshing once settled', async () => {
    status = { state: 'open', since: SINCE };
    let page = await get();
    assert.match(page.body, /WhatsApp: Connected/);
    assert.doesNotMatch(page.body, /<img|http-equiv="refresh"/);

    status = {
      state: 'replaced',
      since: SINCE,
      lastDisconnect: { reason: 'connectionReplaced', code: 440, at: SINCE },
    };
    page = await get();
    assert.match(page.body, /Replaced by another WhatsApp Web session/);
    assert.match(page.body, /connectionReplaced \(440\)/);
    assert.doesNotMatch(page.body, /http-equiv="refresh"/);

    status = { state: 'loggedOut', since: SINCE, lastDisconnect: { reason: 'loggedOut', code: 401, at: SINCE } };
    page = await get();
    assert.match(page.body, /Logged out/);
    assert.match(page.body, /http-equiv="refresh"/);

    status = { state: 'connecting', since: SINCE };
    assert.match((await get()).body, /Connecting to WhatsApp/);
  });

  it('escapes everything it shows', async () => {
    status = {
      state: 'pairing',
      since: SINCE,
      pairingCode: '<script>alert(1)</script>',
      lastDisconnect: { reason: '"><img src=x onerror=alert(1)>', at: SINCE },
    };
    const page = await get();
    assert.doesNotMatch(page.body, /<script>|<img src=x/);
    assert.match(page.body, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);

    status = { state: 'pairing', since: SINCE, qrPng: 'data:image/png;base64,AA"><script>x</script>' };
    assert.doesNotMatch((await get()).body, /<script>/);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    status = { state: 'open', since: SINCE };
    const head = await get({}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    const post = await get({}, 'POST');
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
  });
});
