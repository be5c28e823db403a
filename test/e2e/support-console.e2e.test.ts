/**
 * The support console in a real browser (Debian's Chromium through playwright-core), over
 * a real runtime: engine, SQLite and the embedded agenda simulator. Each role signs in
 * through the sign-in page. Screenshots go to `test-artifacts/support/`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { testContext, type TestContext } from '../support/test-context.js';
import type { Browser, Page } from 'playwright-core';

import { hashPassword } from '../../adapters/support/passwords.js';
import { createSupportConsole } from '../../adapters/support/support-console.js';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import type { InboundMessage, OutboundMessage } from '../../bot/messages.js';
import { startRuntime, type Runtime } from '../../bot/main/runtime.js';
import { createConsoleStores } from '../../bot/main/support-stores.js';
import type { SupportRole } from '../../bot/ports/support/users.js';
import { sharedFailureNoticeStore } from '../../data/support/failure-notice.store.js';
import { createSupportUserStore } from '../../data/support/support-users.store.js';
import { launchBrowser } from '../support/browser.js';

const ARTIFACTS = 'test-artifacts/support';
const PASSWORD = 'una clave larga y segura';
const STAFF: Record<SupportRole, string> = { agent: 'ana.asesora', supervisor: 'sergio.supervisor', analyst: 'andrea.analista' };
const LAURA = '+573001112233';
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('support console in a browser', () => {
  let runtime: Runtime;
  let server: Server;
  let base: string;
  let browser: Browser | undefined;
  let messageCount = 0;
  let clock: ManualClock;

  /** A member writes to Lina on WhatsApp; the answers come back as plain text. */
  async function say(userId: string, text: string): Promise<string> {
    clock.advance(7_000);
    const message: InboundMessage = {
      channel: 'whatsapp',
      userId,
      phone: userId,
      messageId: `e2e-${++messageCount}`,
      text,
      receivedAt: clock.now(),
    };
    const replies: OutboundMessage[] = await runtime.engine.handle(message);
    return replies.map((reply) => [reply.text, ...(reply.options ?? []).map((option, index) => `${index + 1}. ${option.label}`)].join('\n')).join('\n');
  }

  /**
   * Signs in through the sign-in page in a fresh page; `undefined` when there is no browser
   * (outside CI the test is then skipped, loudly: see test/support/browser.ts).
   */
  async function signIn(t: TestContext, role: SupportRole): Promise<Page | undefined> {
    browser ??= await launchBrowser(t);
    if (!browser) return undefined;
    const page = await browser.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    (page as Page & { errors?: string[] }).errors = errors;
    await page.goto(`${base}/support/`);
    assert.match(page.url(), /\/support\/login/);
    await page.fill('input[name="name"]', STAFF[role]);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    await page.waitForSelector('header .who');
    assert.equal(await page.textContent('header .user'), STAFF[role]);
    return page;
  }

  const errorsOf = (page: Page) => (page as Page & { errors?: string[] }).errors ?? [];
  const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    clock = new ManualClock('2026-11-23T08:00:00-05:00');
    runtime = await startRuntime({
      config: loadConfig({ LINA_DATABASE_PATH: ':memory:', AGENDA_SIMULATOR_PORT: '0', LOG_LEVEL: 'silent' }),
      clock,
      logger: silentLogger,
      // The switch the console writes is the one the engine reads: one instance per database.
      failureNotices: sharedFailureNoticeStore,
    });
    const users = createSupportUserStore(runtime.db);
    const passwordHash = await hashPassword(PASSWORD);
    for (const [role, name] of Object.entries(STAFF)) users.create({ name, role: role as SupportRole, passwordHash, now: clock.now().getTime() });

    // Laura asks for a first visit at Facatativá, where no general practitioner has a slot:
    // other band, then a RISS case.
    for (const text of ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', 'Facatativá', 'mañana', 'sí']) {
      await say(LAURA, text);
    }
    const filed = await say(LAURA, 'sí');
    assert.match(filed, /RISS-2026-000101/);
    // Diana answers the authorisation with markup: Lina does not understand, the console must show it as text.
    await say('+573005556677', 'hola');
    await say('+573005556677', '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">');

    // Stands in for the web chat's `.transcript` exporter, which the lead passes in production.
    const exportTranscript = (conversationId: string) =>
      (
        runtime.db.prepare('SELECT direction, text, at FROM transcript WHERE conversation_id = ? ORDER BY id').all(conversationId) as Array<{
          direction: string;
          text: string;
          at: number;
        }>
      ).map((line) => ({
        type: 'message',
        from: { role: line.direction === 'in' ? 'user' : 'bot' },
        text: line.text,
        timestamp: new Date(line.at).toISOString(),
        conversation: { id: conversationId },
      }));
    const handler = createSupportConsole({
      stores: createConsoleStores(runtime.db, sharedFailureNoticeStore(runtime.db)),
      clock,
      logger: silentLogger,
      agenda: runtime.agenda,
      exportTranscript,
      agendaCircuit: runtime.agendaCircuit,
    });
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await runtime?.close();
  });

  it('an agent finds the conversation by radicado and sees the document masked', async () => {
    const t = testContext();
    const page = await signIn(t, 'agent');
    if (!page) return;
    await page.fill('input[name="radicado"]', 'RISS-2026-000101');
    await Promise.all([page.waitForLoadState('load'), page.click('form.search button[type="submit"]')]);
    const rows = page.locator('table.results tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal((await rows.locator('td.document').textContent())?.trim(), '•••••••010');
    await Promise.all([page.waitForLoadState('load'), rows.locator('a').click()]);
    assert.equal((await page.textContent('dd.document'))?.trim(), '•••••••010');
    const chat = (await page.textContent('ol.chat')) ?? '';
    assert.ok(chat.includes('RISS-2026-000101'));
    const memberLines = (await page.locator('.bubble.from-member .text').allTextContents()).join('\n');
    assert.ok(memberLines.includes('CC ••••••••10'));
    assert.ok(!memberLines.includes('1010101010'));
    assert.equal(await page.locator('text=Exportar CSV').count(), 0);
    await shot(page, 'agent-transcript-masked');
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  it('shows what a member typed, <script> included, as text that never runs', async () => {
    const t = testContext();
    const page = await signIn(t, 'agent');
    if (!page) return;
    await page.selectOption('select[name="channel"]', 'whatsapp');
    await page.fill('input[name="phone"]', '300 555 6677');
    await Promise.all([page.waitForLoadState('load'), page.click('form.search button[type="submit"]')]);
    await Promise.all([page.waitForLoadState('load'), page.locator('table.results tbody tr a').first().click()]);
    const bubble = page.locator('.bubble.from-member .text', { hasText: '<script>' });
    assert.equal(await bubble.count(), 1);
    assert.equal(await page.evaluate(() => (globalThis as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator('ol.chat script, ol.chat img').count(), 0);
    await shot(page, 'agent-script-as-text');
    await page.close();
  });

  it('a supervisor sees the document in full and exports the conversation', async () => {
    const t = testContext();
    const page = await signIn(t, 'supervisor');
    if (!page) return;
    await page.fill('input[name="radicado"]', 'RISS-2026-000101');
    await Promise.all([page.waitForLoadState('load'), page.click('form.search button[type="submit"]')]);
    assert.equal((await page.textContent('table.results td.document'))?.trim(), '1010101010');
    await Promise.all([page.waitForLoadState('load'), page.locator('table.results tbody tr a').click()]);
    assert.equal((await page.textContent('dd.document'))?.trim(), '1010101010');
    await shot(page, 'supervisor-transcript-full');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Exportar CSV')]);
    assert.match(csv.suggestedFilename(), /^conversacion-2026-11-23-.+\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    assert.match(csvText, /,in,CC 1010101010,/);
    assert.match(csvText, /RISS-2026-000101/);
    const [transcript] = await Promise.all([page.waitForEvent('download'), page.click('text=Exportar .transcript')]);
    assert.match(transcript.suggestedFilename(), /\.transcript$/);
    const activities = JSON.parse(readFileSync(await transcript.path(), 'utf8')) as Array<{ text: string }>;
    assert.ok(activities.some((activity) => activity.text === 'CC 1010101010'));

    await Promise.all([page.waitForLoadState('load'), page.click('nav >> text=Auditoría')]);
    const audit = (await page.textContent('#audit')) ?? '';
    assert.ok(audit.includes('Exportó una conversación (CSV)'));
    assert.ok(audit.includes('Exportó una conversación (.transcript)'));
    assert.ok(audit.includes('ana.asesora'));
    await shot(page, 'supervisor-audit');
    await page.close();
  });

  it('an incident is filed from a conversation and listed', async () => {
    const t = testContext();
    const page = await signIn(t, 'agent');
    if (!page) return;
    await page.fill('input[name="document"]', '1010101010');
    await Promise.all([page.waitForLoadState('load'), page.click('form.search button[type="submit"]')]);
    await Promise.all([page.waitForLoadState('load'), page.locator('table.results tbody tr a').first().click()]);
    await Promise.all([page.waitForLoadState('load'), page.click('text=Reportar incidente')]);
    assert.ok(await page.isChecked('input[name="channels"][value="whatsapp"]'));
    await page.check('input[name="channels"][value="app"]');
    await page.selectOption('select[name="category"]', 'service_error');
    await page.selectOption('select[name="documentType"]', 'CC');
    await page.fill('input[name="documentNumber"]', '1010101010');
    await page.fill('input[name="memberName"]', 'Laura Gómez');
    await page.fill('input[name="contactPhone"]', '300 111 2233');
    await page.selectOption('select[name="servedVia"]', 'call_center_support');
    await page.fill('textarea[name="description"]', 'La afiliada intentó agendar en la app y después de elegir la especialidad la pantalla quedó en blanco.');
    await page.fill('input[name="errorMessage"]', 'Servicio no disponible. Por favor, intente nuevamente más tarde.');
    await page.fill('input[name="browser"]', 'Chrome 126');
    await page.fill('input[name="appVersion"]', '5.2.1');
    await page.setInputFiles('input[name="evidence"]', { name: 'pantalla.png', mimeType: 'image/png', buffer: PNG });
    await page.check('input[name="authorised"]');
    await shot(page, 'agent-incident-form');
    await Promise.all([page.waitForLoadState('load'), page.click('form.incident-form button[type="submit"]')]);
    assert.match(page.url(), /\/support\/incidents\?created=\d+$/);
    assert.match((await page.textContent('p.notice')) ?? '', /Quedó registrado el incidente #\d+/);
    const row = page.locator('table.incidents tbody tr').first();
    assert.match((await row.textContent()) ?? '', /Nuevo[\s\S]*Lina por WhatsApp, App móvil[\s\S]*Laura Gómez[\s\S]*•••••••010/);
    await shot(page, 'agent-incident-listed');
    // (The incident's own page, waited for by its address: a 'load' state may still be the list page's.)
    await Promise.all([page.waitForURL(/\/support\/incidents\/\d+$/), row.locator('a').click()]);
    assert.equal(await page.locator('img.evidence').count(), 1);
    // (The evidence image is waited for itself: the page may be shown before it has loaded.)
    assert.ok(
      await page.locator('img.evidence').evaluate(
        (element) =>
          new Promise<boolean>((resolve) => {
            const image = element as unknown as {
              complete: boolean;
              naturalWidth: number;
              addEventListener: (type: string, listener: () => void, options: { once: boolean }) => void;
            };
            const loaded = () => resolve(image.complete && image.naturalWidth === 1);
            if (image.complete) loaded();
            else {
              image.addEventListener('load', loaded, { once: true });
              image.addEventListener('error', () => resolve(false), { once: true });
            }
          }),
      ),
    );
    assert.equal(await page.locator('ul.linked a').count(), 1);
    await page.close();
  });

  it('a "no hay disponibilidad" incident is refused with the explanation', async () => {
    const t = testContext();
    const page = await signIn(t, 'agent');
    if (!page) return;
    await page.goto(`${base}/support/incidents/new`);
    await page.check('input[name="channels"][value="whatsapp"]');
    await page.selectOption('select[name="category"]', 'flow_blocked');
    await page.selectOption('select[name="documentType"]', 'CC');
    await page.fill('input[name="documentNumber"]', '2020202020');
    await page.fill('input[name="memberName"]', 'Carlos Pérez');
    await page.fill('input[name="contactEmail"]', 'carlos.perez@example.com');
    await page.selectOption('select[name="servedVia"]', 'in_person');
    await page.selectOption('select[name="servedSite"]', 'FONTIBON');
    await page.fill('textarea[name="description"]', 'El afiliado quiere cita con su médico en Fontibón pero no hay disponibilidad en toda la semana.');
    await page.check('input[name="authorised"]');
    await Promise.all([page.waitForLoadState('load'), page.click('form.incident-form button[type="submit"]')]);
    const refusal = (await page.textContent('section.refusal')) ?? '';
    assert.match(refusal, /Este caso no se escala con este formulario/);
    assert.match(refusal, /La falta de citas disponibles no es una falla del canal/);
    assert.match(refusal, /radica un caso en RISS[\s\S]*5 días hábiles/);
    assert.equal(await page.inputValue('input[name="memberName"]'), 'Carlos Pérez');
    await shot(page, 'agent-incident-refused-no-availability');
    await page.goto(`${base}/support/incidents`);
    assert.ok(!((await page.textContent('main')) ?? '').includes('Carlos Pérez'));
    await page.close();
  });

  it('the analyst switches the failure message on, a member receives it, then off and the flow works again', async () => {
    const t = testContext();
    const page = await signIn(t, 'analyst');
    if (!page) return;
    await Promise.all([page.waitForLoadState('load'), page.click('nav >> text=Mensaje de falla')]);
    await page.selectOption('#notice-channel', 'whatsapp');
    const proposed = await page.inputValue('#notice-text');
    assert.match(proposed, /Línea de citas médicas PBS 601 4441234/);
    assert.match(proposed, /chat de nuestra página web/);
    await Promise.all([page.waitForLoadState('load'), page.click('#failure-form button[type="submit"]')]);
    assert.match((await page.textContent('p.notice')) ?? '', /Mensaje de falla activado/);
    assert.match((await page.textContent('.banner')) ?? '', /Mensaje de falla activo en WhatsApp desde 23\/11\/2026 08:\d\d/);
    await shot(page, 'analyst-failure-on');

    const during = await say('+573004445566', 'hola');
    assert.equal(during, proposed);
    assert.doesNotMatch(await say('+573004445566', 'agendar'), /especialidad|autoriza/i);

    page.once('dialog', (dialog) => void dialog.accept());
    await Promise.all([page.waitForLoadState('load'), page.click('li.notice-item button.danger')]);
    assert.match((await page.textContent('p.notice')) ?? '', /Mensaje de falla apagado/);
    assert.equal(await page.locator('.banner').count(), 0);
    await shot(page, 'analyst-failure-off');

    const afterwards = await say('+573004445566', 'hola');
    assert.match(afterwards, /Lina/);
    assert.match(afterwards, /autoriza/i);
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });

  it("the analyst's dashboard draws its charts with the local Chart.js", async () => {
    const t = testContext();
    const page = await signIn(t, 'analyst');
    if (!page) return;
    await Promise.all([page.waitForLoadState('load'), page.click('nav >> text=Tablero')]);
    // Chart.js keeps a chart per canvas: both canvases got theirs.
    await page.waitForFunction(() => {
      const scope = globalThis as unknown as { Chart?: { getChart(id: string): unknown } };
      return scope.Chart !== undefined && scope.Chart.getChart('activity-chart') !== undefined && scope.Chart.getChart('share-chart') !== undefined;
    });
    const activity = (await page.textContent('#activity')) ?? '';
    assert.match(activity, /23\/11\/2026/);
    assert.match((await page.textContent('#digital-share-total')) ?? '', /Participación digital: \d+,\d % de \d+ citas/);
    assert.ok((await page.locator('#digital-share tbody tr').count()) >= 9);
    await shot(page, 'analyst-dashboard');
    assert.deepEqual(errorsOf(page), []);
    await page.close();
  });
});
