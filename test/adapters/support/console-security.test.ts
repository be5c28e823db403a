import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { accountDelayMs, LOGIN_WINDOW_MS, SESSION_COOKIE, SESSION_IDLE_MS } from '../../../adapters/support/auth.js';
import { ConsoleClient, STAFF, PASSWORD, seedConversation, signedIn, startConsole, type ConsoleHarness } from './console-harness.js';

const CONVERSATION = 'conv-0001';
const DOCUMENT = '1010101010';

async function seed(harness: ConsoleHarness) {
  const at = harness.clock.now().getTime() - 60_000;
  seedConversation(harness.db, {
    id: CONVERSATION,
    site: 'SUBA',
    startedAt: at,
    outcome: 'case_filed',
    lines: [
      { direction: 'in', text: '<script>alert("xss")</script> mi cédula es 1010101010' },
      { direction: 'out', text: 'Radiqué tu caso RISS-2026-000101.', state: 'booking.caseFiled' },
    ],
    subjects: [
      { kind: 'document', value: DOCUMENT },
      { kind: 'radicado', value: 'RISS-2026-000101' },
    ],
  });
  // An incident with evidence, so its routes have something to refuse.
  const supervisor = await signedIn(harness, 'supervisor');
  await supervisor.page('/support/incidents/new');
  const reply = await supervisor.post('/support/incidents', {
    channels: 'whatsapp',
    category: 'service_error',
    documentType: 'CC',
    documentNumber: DOCUMENT,
    memberName: 'Laura <b>Gómez</b>',
    contactPhone: '3001112233',
    occurredAt: '2026-11-23T07:30',
    servedVia: 'call_center_pbs',
    registeredBy: 'Sergio',
    description: 'El afiliado no pudo agendar: <img src=x onerror=alert(1)> apareció un error.',
    authorised: 'yes',
  });
  assert.equal(reply.status, 303, reply.body);
}

describe('support console security', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
    await seed(harness);
  });
  afterAll(() => harness.close());

  const protectedGets = [
    '/support',
    '/support/',
    `/support/conversations`,
    `/support/conversations?radicado=RISS-2026-000101`,
    `/support/conversations/${CONVERSATION}`,
    `/support/conversations/${CONVERSATION}/export.csv`,
    `/support/conversations/${CONVERSATION}/export.transcript`,
    '/support/incidents',
    '/support/incidents/new',
    '/support/incidents/1',
    '/support/incidents/1/evidence',
    '/support/failure',
    '/support/dashboard',
    '/support/dashboard/activity.csv',
    '/support/dashboard/digital-share.csv',
    '/support/audit',
    '/support/assets/console.js',
    '/support/assets/chart.umd.min.js',
    '/support/no-such-page',
  ];
  const protectedPosts = ['/support/logout', '/support/incidents', '/support/incidents/1/status', '/support/failure', '/support/failure/1/off'];

  it('refuses every route to an anonymous request', async () => {
    const anonymous = new ConsoleClient(harness.url);
    for (const path of protectedGets) {
      const reply = await anonymous.get(path);
      assert.equal(reply.status, 303, path);
      assert.match(reply.headers.get('location') ?? '', /^\/support\/login/, path);
      assert.doesNotMatch(reply.body, /1010101010|alert|Laura/, path);
    }
    for (const path of protectedPosts) {
      const reply = await anonymous.post(path, { status: 'closed', channel: 'all', text: 'x' }, { csrf: 'forged' });
      assert.equal(reply.status, 401, path);
    }
    assert.equal(harness.notices.active(harness.clock.now().getTime()).length, 0);
  });

  it('refuses a forged or stale session cookie like no cookie at all', async () => {
    const forged = new ConsoleClient(harness.url);
    forged.cookies.set(SESSION_COOKIE, 'not-a-session');
    const reply = await forged.get('/support/conversations');
    assert.equal(reply.status, 303);
  });

  it('keeps agents away from supervisor and analyst actions', async () => {
    const agent = await signedIn(harness, 'agent');
    for (const path of [
      `/support/conversations/${CONVERSATION}/export.csv`,
      `/support/conversations/${CONVERSATION}/export.transcript`,
      '/support/audit',
      '/support/failure',
      '/support/dashboard',
      '/support/dashboard/activity.csv',
      '/support/dashboard/digital-share.csv',
    ]) {
      const reply = await agent.get(path);
      assert.equal(reply.status, 403, path);
      assert.doesNotMatch(reply.body, /1010101010/, path);
    }
    await agent.page('/support/conversations');
    for (const [path, form] of [
      ['/support/failure', { channel: 'all', text: 'Falla de prueba' }],
      ['/support/failure/1/off', {}],
      ['/support/incidents/1/status', { status: 'closed' }],
    ] as const) {
      assert.equal((await agent.post(path, form)).status, 403, path);
    }
    assert.equal(harness.notices.active(harness.clock.now().getTime()).length, 0);
    assert.deepEqual(harness.exported, []);
    // What agents may do, they do: read the conversation (masked) and the incident.
    assert.equal((await agent.get(`/support/conversations/${CONVERSATION}`)).status, 200);
    assert.equal((await agent.get('/support/incidents/1')).status, 200);
  });

  it('keeps analysts out of exports and the audit log, and supervisors out of the switch', async () => {
    const analyst = await signedIn(harness, 'analyst');
    assert.equal((await analyst.get(`/support/conversations/${CONVERSATION}/export.csv`)).status, 403);
    assert.equal((await analyst.get('/support/audit')).status, 403);
    const supervisor = await signedIn(harness, 'supervisor');
    assert.equal((await supervisor.get('/support/failure')).status, 403);
  });

  it("refuses a form without its CSRF token, or with another session's", async () => {
    const analyst = await signedIn(harness, 'analyst');
    await analyst.page('/support/failure');
    const form = { channel: 'whatsapp', text: 'Falla de prueba en WhatsApp' };
    assert.equal((await analyst.post('/support/failure', form, { csrf: false })).status, 403);
    const other = await signedIn(harness, 'analyst');
    assert.equal((await analyst.post('/support/failure', form, { csrf: other.csrf as string })).status, 403);
    assert.equal(harness.notices.active(harness.clock.now().getTime()).length, 0);
    // Cross-site, even with the right token: refused.
    const crossSite = await analyst.request('/support/failure', {
      method: 'POST',
      form: { _csrf: analyst.csrf as string, ...form },
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(crossSite.status, 403);
    assert.equal((await analyst.post('/support/logout', {}, { csrf: false })).status, 403);
    // The same form with it goes through, and is undone the same way.
    assert.equal((await analyst.post('/support/failure', form)).status, 303);
    const [notice] = harness.notices.active(harness.clock.now().getTime());
    assert.ok(notice);
    assert.equal((await analyst.post(`/support/failure/${notice.id}/off`, {}, { csrf: false })).status, 403);
    assert.equal((await analyst.post(`/support/failure/${notice.id}/off`, {})).status, 303);
    assert.equal(harness.notices.active(harness.clock.now().getTime()).length, 0);
  });

  it('refuses a multipart incident form without its CSRF token', async () => {
    const agent = await signedIn(harness, 'agent');
    const form = new FormData();
    form.append('channels', 'whatsapp');
    form.append('description', 'Un incidente sin token que no debe quedar registrado.');
    const reply = await agent.request('/support/incidents', { method: 'POST', body: form });
    assert.equal(reply.status, 403);
    const count = harness.db.prepare('SELECT COUNT(*) AS n FROM support_incidents').get() as { n: number };
    assert.equal(count.n, 1);
  });

  it('shows what a member wrote, such as <script>, as text', async () => {
    const supervisor = await signedIn(harness, 'supervisor');
    const page = await supervisor.get(`/support/conversations/${CONVERSATION}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;'));
    assert.doesNotMatch(page.body, /<script>alert/);
    const incident = await supervisor.get('/support/incidents/1');
    assert.ok(incident.body.includes('Laura &lt;b&gt;Gómez&lt;/b&gt;'));
    assert.ok(incident.body.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.doesNotMatch(incident.body, /<img src=x/);
    // Defence in depth: no inline script may run even if something slipped through.
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.doesNotMatch(page.headers.get('content-security-policy') ?? '', /unsafe-inline/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, scoped to /support, and stores only its hash', async () => {
    const client = new ConsoleClient(harness.url);
    const form = await client.get('/support/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const reply = await client.request('/support/login', { method: 'POST', form: { _csrf: token, name: STAFF.agent, password: PASSWORD } });
    const cookie = reply.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`)) ?? '';
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Strict/);
    assert.match(cookie, /; Path=\/support/);
    assert.doesNotMatch(cookie, /; Secure/);
    const id = decodeURIComponent(client.cookies.get(SESSION_COOKIE) ?? '');
    assert.ok(id.length >= 40);
    const stored = harness.db.prepare('SELECT id_hash FROM support_sessions').all() as Array<{ id_hash: string }>;
    assert.ok(stored.length > 0);
    assert.ok(stored.every((row) => row.id_hash !== id));
  });

  it('marks cookies Secure when asked', async () => {
    const secure = await startConsole({ secureCookies: true });
    try {
      const client = new ConsoleClient(secure.url);
      const form = await client.get('/support/login');
      assert.ok(form.headers.getSetCookie().every((line) => line.includes('; Secure')));
    } finally {
      await secure.close();
    }
  });

  it('refuses a sign-in form posted without its own token', async () => {
    const client = new ConsoleClient(harness.url);
    const reply = await client.request('/support/login', { method: 'POST', form: { name: STAFF.agent, password: PASSWORD } });
    assert.equal(reply.status, 403);
    assert.equal(client.cookies.has(SESSION_COOKIE), false);
  });

  it('ends a session on sign-out and after it sits idle', async () => {
    const agent = await signedIn(harness, 'agent');
    await agent.page('/support/conversations');
    assert.equal((await agent.post('/support/logout', {})).status, 303);
    assert.equal((await agent.get('/support/conversations')).status, 303);

    const idle = await signedIn(harness, 'agent');
    harness.clock.advance(SESSION_IDLE_MS + 1000);
    assert.equal((await idle.get('/support/conversations')).status, 303);
  });
});

describe('support console sign-in limits', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsole();
  });
  afterAll(() => harness.close());

  /** A sign-in attempt from a given loopback address (127.0.0.x all reach the server). */
  async function attempt(name: string, password: string, localAddress = '127.0.0.1'): Promise<{ status: number; body: string }> {
    const client = new ConsoleClient(harness.url);
    const form = await client.get('/support/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token, name, password }).toString();
    const { port } = new URL(harness.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          localAddress,
          method: 'POST',
          path: '/support/login',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            cookie: [...client.cookies].map(([key, value]) => `${key}=${value}`).join('; '),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('does not lock an account out: after 5 wrong passwords from 5 addresses, its owner signs in at once from an address used before (issue 15)', async () => {
    assert.equal((await attempt(STAFF.supervisor, PASSWORD, '127.0.0.20')).status, 303, "the supervisor's usual address");
    for (let i = 1; i <= 5; i++) assert.equal((await attempt(STAFF.supervisor, 'equivocada', `127.0.1.${i}`)).status, 401);
    assert.equal((await attempt(STAFF.supervisor, PASSWORD, '127.0.0.20')).status, 303, 'no targeted denial');
    // Another name from another address is not affected.
    assert.equal((await attempt(STAFF.agent, PASSWORD, '127.0.0.4')).status, 303);
  });

  it('slows, rather than locks, an account others failed on: from a new address the right password waits seconds, not 15 minutes', async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await attempt(STAFF.analyst, 'equivocada', `127.0.2.${i}`)).status, 401);
    const slowed = await attempt(STAFF.analyst, PASSWORD, '127.0.0.30');
    assert.equal(slowed.status, 429);
    assert.match(slowed.body, /espera 1 segundo/);
    // An unknown name is slowed with the same words: nothing tells accounts apart.
    for (let i = 1; i <= 5; i++) await attempt('no.existe', 'equivocada', `127.0.3.${i}`);
    const unknown = await attempt('no.existe', 'equivocada', '127.0.0.31');
    assert.equal(unknown.status, 429);
    assert.match(unknown.body, /espera 1 segundo/);
    harness.clock.advance(1000);
    assert.equal((await attempt(STAFF.analyst, PASSWORD, '127.0.0.30')).status, 303, 'a second later it signs in');
  });

  it('makes each further guess on the account wait longer, doubling up to a minute', async () => {
    assert.deepEqual([4, 5, 6, 7, 10, 11, 40].map(accountDelayMs), [0, 1000, 2000, 4000, 32_000, 60_000, 60_000]);
    for (let i = 1; i <= 5; i++) assert.equal((await attempt(STAFF.agent, 'equivocada', `127.0.4.${i}`)).status, 401);
    harness.clock.advance(1000);
    assert.equal((await attempt(STAFF.agent, 'equivocada', '127.0.4.6')).status, 401, 'the sixth guess, after its wait');
    const held = await attempt(STAFF.agent, 'equivocada', '127.0.4.7');
    assert.equal(held.status, 429, 'held back without being checked');
    assert.match(held.body, /espera 2 segundos/);
    harness.clock.advance(2000);
    assert.equal((await attempt(STAFF.agent, PASSWORD, '127.0.4.8')).status, 303);
  });

  it('shows every failed and held-back attempt on an account in the audit log', async () => {
    const rows = harness.db.prepare(`SELECT action, detail FROM support_audit WHERE user_name = ? ORDER BY id`).all(STAFF.analyst) as Array<{
      action: string;
      detail: string | null;
    }>;
    assert.deepEqual(
      rows.map((row) => row.action),
      ['sign-in-failed', 'sign-in-failed', 'sign-in-failed', 'sign-in-failed', 'sign-in-failed', 'sign-in-throttled', 'sign-in'],
    );
    assert.equal((JSON.parse(rows[0]?.detail ?? '{}') as { address?: string }).address, '127.0.2.1');
    assert.ok(!harness.db.prepare(`SELECT 1 FROM support_audit WHERE user_name = 'no.existe'`).get(), 'names that are no account are not written down');
    const supervisor = new ConsoleClient(harness.url);
    assert.equal((await supervisor.signIn(STAFF.supervisor)).status, 303);
    const page = await supervisor.get(`/support/audit?user=${STAFF.analyst}`);
    assert.ok(page.body.includes('Intento fallido de inicio de sesión'));
    assert.ok(page.body.includes('Inicio de sesión frenado tras intentos fallidos'));
  });

  it('answers 429 after 5 failures from one address, whatever the names', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await attempt(`nadie${i}`, 'equivocada', '127.0.0.5')).status, 401);
    assert.equal((await attempt(STAFF.analyst, PASSWORD, '127.0.0.5')).status, 429);
    assert.equal((await attempt(STAFF.analyst, PASSWORD, '127.0.0.6')).status, 303);
  });

  it('lets both try again once the window has passed', async () => {
    harness.clock.advance(LOGIN_WINDOW_MS + 1000);
    assert.equal((await attempt(STAFF.supervisor, PASSWORD, '127.0.0.2')).status, 303);
    assert.equal((await attempt(STAFF.analyst, PASSWORD, '127.0.0.5')).status, 303);
  });

  it('gives the same answer for an unknown name and a wrong password', async () => {
    const unknown = await attempt('no.existe', 'equivocada', '127.0.0.7');
    const wrong = await attempt(STAFF.agent, 'equivocada', '127.0.0.8');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    const message = (body: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(body)?.[1];
    assert.equal(message(unknown.body), message(wrong.body));
  });
});

describe('support console behind a reverse proxy', () => {
  /** Signs in with a forwarded address; returns the status. */
  async function attempt(harness: ConsoleHarness, name: string, password: string, forwardedFor: string): Promise<number> {
    const client = new ConsoleClient(harness.url);
    const form = await client.get('/support/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const reply = await client.request('/support/login', { method: 'POST', form: { _csrf: token, name, password }, headers: { 'x-forwarded-for': forwardedFor } });
    return reply.status;
  }

  it('counts failures per forwarded address only when told to trust the proxy', async () => {
    const trusting = await startConsole({ trustProxy: 'loopback' });
    try {
      for (let i = 0; i < 5; i++) assert.equal(await attempt(trusting, `nadie${i}`, 'equivocada', '203.0.113.7'), 401);
      assert.equal(await attempt(trusting, STAFF.agent, PASSWORD, '203.0.113.7'), 429);
      assert.equal(await attempt(trusting, STAFF.agent, PASSWORD, '203.0.113.8'), 303);
    } finally {
      await trusting.close();
    }
    const direct = await startConsole();
    try {
      // Without trust, a forged header does not give a fresh address.
      for (let i = 0; i < 5; i++) assert.equal(await attempt(direct, `nadie${i}`, 'equivocada', `203.0.113.${i}`), 401);
      assert.equal(await attempt(direct, STAFF.agent, PASSWORD, '198.51.100.1'), 429);
    } finally {
      await direct.close();
    }
  });
});
