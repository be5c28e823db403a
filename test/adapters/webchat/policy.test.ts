/**
 * The data-processing policy page (`/politica-de-datos`) on Lina's real web server: its texts
 * with the configured version, line, hours and retention, its headers, that it loads nothing
 * from anywhere, that configuration values are escaped, and that the consent message's link
 * reaches it.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from '@jest/globals';
import { testContext } from '../../support/test-context.js';
import { policyEffectiveDate, policySectionKeys, policyText, renderPolicyPage } from '../../../adapters/webchat/policy.html.js';
import { POLICY_PATH } from '../../../adapters/webchat/policy.routes.js';
import { botTexts, startLina } from './harness.js';

const CONFIGURED = {
  LINA_POLICY_VERSION: '2026-03',
  LINA_SUPPORT_PHONE: '601 7654321',
  LINA_SUPPORT_HOURS: 'lunes a viernes, de 8:00 a. m. a 5:00 p. m.',
  LINA_RETENTION_DAYS: '180',
};

describe('data-processing policy page', () => {
  it('answers 200 with HTML in UTF-8, in Spanish, readable on a phone', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const response = await fetch(`${web.url}${POLICY_PATH}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await response.text();
    assert.match(html, /^<!doctype html>\n<html lang="es-CO">/);
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.ok(html.includes(`<title>${escape(policyText('page.title'))}</title>`));
    assert.ok(html.includes('Política de tratamiento de datos personales'), 'accents arrive intact');
  });

  it('shows the configured version, the date it applies from, the support line, its hours and the retention days', async () => {
    const t = testContext();
    const { web } = await startLina(t, { env: CONFIGURED });
    const html = await (await fetch(`${web.url}${POLICY_PATH}`)).text();
    assert.ok(html.includes('Versión 2026-03'));
    assert.ok(html.includes('Esta es la versión 2026-03 de la política.'));
    assert.ok(html.includes('Vigente desde el 1 de marzo de 2026.'));
    assert.ok(html.includes('Línea de citas médicas PBS 601 7654321 (lunes a viernes, de 8:00 a. m. a 5:00 p. m.)'));
    assert.ok(html.includes('hasta por 180 días'));
    assert.ok(html.includes('<a class="call" href="tel:6017654321">'), 'one tap calls the line');
  });

  it('says what the law asks: controller, data, purposes, optional sensitive data, other channels, rights, how to exercise them, sharing', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const html = await (await fetch(`${web.url}${POLICY_PATH}`)).text();
    const params = {
      version: '2026-01',
      supportPhone: '601 4441234',
      supportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.',
      retentionDays: 365,
      effectiveFrom: 'Vigente desde el 1 de enero de 2026.',
    };
    const keys = policySectionKeys();
    assert.ok(keys.length > 40);
    for (const key of keys) assert.ok(html.includes(escape(policyText(key, params))), `the page shows ${key}`);
    for (const phrase of [
      'la EPS que administra tu plan de salud',
      'No tienes la obligación de autorizar el tratamiento de datos sensibles',
      'Tu tipo y número de documento',
      'datos sensibles',
      'La app de tu plan de salud',
      'El portal web de tu plan de salud',
      'Las ventanillas de atención de tu sede',
      'Conocer',
      'Actualizarlos y rectificarlos',
      'suprimamos',
      'Revocar la autorización',
      'Pedir prueba de la autorización',
      'Ser informado',
      'Superintendencia de Industria y Comercio',
      'escribe «salir»',
      'No vendemos tus datos',
      'Ley 1581 de 2012',
      'Decreto 1377 de 2013',
    ]) {
      assert.ok(html.includes(phrase), `the page says "${phrase}"`);
    }
    assert.ok(!/\{\{|\}\}/.test(html), 'every parameter is filled in');
  });

  it('sends the security headers, with a policy that allows nothing but its own inline style', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const response = await fetch(`${web.url}${POLICY_PATH}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /style-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /base-uri 'none'/);
    assert.match(csp, /form-action 'none'/);
    assert.ok(!/script-src|https?:|wss?:|\*/.test(csp), 'no script and no other origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-powered-by'), null);

    const html = await response.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const { createHash } = await import('node:crypto');
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`), "the hash is the inline style's");
  });

  it('loads no external resource and runs no script', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const html = await (await fetch(`${web.url}${POLICY_PATH}`)).text();
    assert.ok(!/<script/i.test(html));
    assert.ok(!/<(link|img|iframe|object|embed|video|audio|source|form)\b/i.test(html));
    assert.ok(!/@import|url\(/i.test(html), 'the style fetches nothing');
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((match) => match[1] ?? '');
    assert.ok(
      urls.every((url) => !/^(https?:)?\/\//i.test(url)),
      `no http URL in src/href: ${urls.join(', ')}`,
    );
    assert.ok(
      urls.every((url) => url.startsWith('tel:')),
      'the only link calls the line',
    );
  });

  it('escapes configuration values', async () => {
    const t = testContext();
    const { web } = await startLina(t, {
      env: { LINA_SUPPORT_PHONE: '<b>601</b>', LINA_SUPPORT_HOURS: 'de 7 a 7 & "más" \'tarde\'', LINA_POLICY_VERSION: '<i>v2</i>' },
    });
    const html = await (await fetch(`${web.url}${POLICY_PATH}`)).text();
    assert.ok(!html.includes('<b>') && !html.includes('<i>'));
    assert.ok(html.includes('&#60;b&#62;601&#60;/b&#62;'), 'the phone is shown escaped');
    assert.ok(html.includes('de 7 a 7 &#38; &#34;más&#34; &#39;tarde&#39;'));
    assert.ok(html.includes('Versión &#60;i&#62;v2&#60;/i&#62;'));
    assert.ok(html.includes(escape(policyText('page.effectiveFromPublication'))), 'a version that is not a date has no date');
    assert.ok(!html.includes('href="tel:'), 'no call link for a phone that is not a number');
  });

  it('reads the date a version applies from out of versions that are dates only', () => {
    assert.equal(policyEffectiveDate('2026-01'), '1 de enero de 2026');
    assert.equal(policyEffectiveDate('2026-11-23'), '23 de noviembre de 2026');
    assert.equal(policyEffectiveDate('2026-13'), undefined);
    assert.equal(policyEffectiveDate('2026-02-30'), undefined);
    assert.equal(policyEffectiveDate('v3'), undefined);
    const html = renderPolicyPage({ version: 'v3', supportPhone: '601 4441234', supportHours: 'siempre', retentionDays: 30 });
    assert.ok(html.includes('Vigente desde su publicación.'));
  });

  it("is reached from the link in Lina's consent message", async () => {
    const t = testContext();
    // A real port, so that the default policy URL (LINA_PUBLIC_URL's default) is the server's own.
    const port = await freePort();
    const { config, directLine } = await startLina(t, { env: { LINA_PORT: String(port) } });
    assert.equal(config.conversation.policyUrl, `http://localhost:${port}${POLICY_PATH}`);
    const conversation = await directLine.start();
    const { body } = await directLine.activities(conversation);
    const consent = botTexts(body.activities).find((text) => text.includes('autoriz'));
    assert.ok(consent, `Lina asks for the authorisation first; she said ${JSON.stringify(botTexts(body.activities))}`);
    const link = /https?:\/\/[^\s)]+/.exec(consent)?.[0];
    assert.equal(link, config.conversation.policyUrl);
    assert.ok(consent.includes(`(versión ${config.conversation.policyVersion})`));

    const response = await fetch(link);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    assert.ok((await response.text()).includes(`Versión ${config.conversation.policyVersion}`));
  });

  it('answers only GET and HEAD at its path', async () => {
    const t = testContext();
    const { web } = await startLina(t);
    const head = await fetch(`${web.url}${POLICY_PATH}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal((await fetch(`${web.url}${POLICY_PATH}`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${web.url}${POLICY_PATH}x`)).status, 404);
  });
});

/** The page's escaping of a text. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A port nothing listens on right now, on the loopback address Lina listens on in tests. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
