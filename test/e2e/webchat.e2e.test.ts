/**
 * A member on a phone books an appointment on Lina's web chat page, end to end: Chromium
 * opens the page served by `startWebServer` over a real runtime (engine, in-memory SQLite,
 * the embedded agenda simulator), Web Chat talks to Lina's own Direct Line, and the member
 * answers by tapping suggested actions and by typing. A reload continues the conversation.
 *
 * Carlos Pérez (seed world: CC 2020202020, born 02/11/1980, no beneficiaries) identifies
 * with his date of birth, as everyone must on web chat.
 * Screenshots: test-artifacts/webchat/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from '@jest/globals';
import { testContext } from '../support/test-context.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { startLina } from '../adapters/webchat/harness.js';
import type { SqliteDatabase } from '../../data/database.js';
import { webchatText } from '../../adapters/webchat/webchat-texts.js';
import { launchBrowser } from '../support/browser.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/webchat/', import.meta.url));
const LINA_BUBBLES = '.webchat__bubble:not(.webchat__bubble--from-user)';
const MEMBER_BUBBLES = '.webchat__bubble--from-user';

describe('web chat page, end to end', () => {
  it('books an appointment by buttons and by typing, and a reload continues the conversation', async () => {
    const t = testContext();
    const browser = await launchBrowser(t);
    if (!browser) return;
    t.after(() => browser.close());
    const { web, runtime } = await startLina(t);
    mkdirSync(ARTIFACTS, { recursive: true });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'es-CO' });
    const page = await context.newPage();
    const problems: string[] = [];
    const foreignRequests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (origin !== web.url && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
    const lina = conversationWith(page, runtime.db);

    await page.goto(`${web.url}/?site=SUBA`);
    const greeting = await lina.waitForReply(/autorizas/i);
    assert.match(greeting, /Lina/);
    assert.match(greeting, /USS Suba/, 'the QR code site reaches the greeting');
    assert.equal(await page.locator('.lina-header h1').innerText(), 'Lina');
    await lina.screenshot('01-greeting');

    assert.match(await lina.tap('Sí'), /documento/i);
    assert.equal(await page.locator(MEMBER_BUBBLES).last().innerText(), 'Sí', 'the bubble shows the label, not the value');
    assert.match(await lina.type('CC 2020202020'), /fecha de nacimiento/i);
    const menu = await lina.type('02/11/1980');
    assert.match(menu, /Carlos/);
    assert.deepEqual(await lina.buttons(), ['Agendar cita', 'Consultar citas', 'Cancelar cita', 'Reprogramar cita', 'Ayuda']);
    await lina.screenshot('02-identified');

    assert.match(await lina.tap('Agendar cita'), /especialidad/i);
    assert.match(await lina.tap('Medicina general'), /tipo de consulta/i);
    assert.match(await lina.type('primera vez'), /sede/i);
    assert.equal((await lina.buttons())[0], 'USS Suba', 'the QR code site is listed first');
    assert.match(await lina.tap('USS Suba'), /horario/i);
    const slots = await lina.type('mañana');
    // The site is said once, in the text above the buttons; each button is the day, the time and the doctor.
    assert.match(slots, /horarios más cercanos en la mañana en la USS Suba\./i);
    const slotButtons = await lina.buttons();
    assert.ok(slotButtons.length >= 1 && slotButtons.length <= 5, 'up to 5 slots');
    assert.ok(
      slotButtons.every((label) => /\d{1,2}:\d{2} a\. m\. – Dr\. Hernán Gutiérrez$/.test(label)),
      `morning slots at Suba: ${slotButtons.join(' | ')}`,
    );
    await lina.screenshot('03-slots');

    const summary = await lina.tap(slotButtons[0] ?? '');
    assert.match(summary, /Carlos/);
    assert.match(summary, /¿La confirmo\?/);
    const booked = await lina.tap('Sí');
    assert.match(booked, /agendad/i);
    assert.match(booked, /Hernán Gutiérrez/);
    assert.match(booked, /USS Suba/);
    assert.match(booked, /\d{1,2}:\d{2}\sa\.\sm\./);
    await lina.screenshot('04-booked');

    // A reload keeps the conversation: Web Chat reconnects with the saved token and id, and
    // the whole conversation is replayed from Lina's Direct Line.
    const before = await page.locator(`${LINA_BUBBLES}, ${MEMBER_BUBBLES}`).allInnerTexts();
    await page.reload();
    await lina.waitForCount(before.length);
    assert.deepEqual(await page.locator(`${LINA_BUBBLES}, ${MEMBER_BUBBLES}`).allInnerTexts(), before, 'the history is shown again');
    assert.deepEqual(await lina.buttons(), ['Agendar cita', 'Consultar citas', 'Cancelar cita', 'Reprogramar cita', 'Ayuda'], 'with the pending options');
    await lina.screenshot('05-reloaded');

    const consulted = await lina.type('consultar');
    assert.match(consulted, /Medicina general/);
    assert.match(consulted, /Hernán Gutiérrez/);
    assert.match(consulted, /USS Suba/);
    assert.doesNotMatch(consulted, /autorizas|documento/i, 'still identified: the same session');
    await lina.screenshot('06-answer-after-reload');

    const conversations = runtime.db.prepare<[], { id: string }>('SELECT id FROM directline_conversations').all();
    assert.equal(conversations.length, 1, 'one Direct Line conversation across the reload');
    const saved = JSON.parse(String(await page.evaluate('sessionStorage.getItem("lina.webchat:SUBA")'))) as { conversationId?: string };
    assert.equal(saved.conversationId, conversations[0]?.id);
    assert.deepEqual(runtime.db.prepare('SELECT channel, site FROM conversations').all(), [{ channel: 'webchat', site: 'SUBA' }], 'one Lina session');

    assert.deepEqual(problems, [], 'no console errors, no Content-Security-Policy violations');
    assert.deepEqual(foreignRequests, [], 'everything comes from Lina: no CDN');
    await context.close();
  });

  it('starts a new conversation when the saved one cannot be resumed (e.g. after a restart)', async () => {
    const t = testContext();
    const browser = await launchBrowser(t);
    if (!browser) return;
    t.after(() => browser.close());
    const { web, runtime, config } = await startLina(t);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-CO' });
    // What a tab keeps from a server that has since restarted: a token no longer valid.
    const stale = { conversationId: 'forgotten-conversation', token: unsignedToken({ exp: Math.floor(Date.now() / 1000) + 3600 }) };
    await context.addInitScript(
      `if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); sessionStorage.setItem('lina.webchat:-', ${JSON.stringify(JSON.stringify(stale))}); }`,
    );
    const page = await context.newPage();
    await page.goto(`${web.url}/`);
    const lina = conversationWith(page, runtime.db);
    assert.match(await lina.waitForReply(/autorizas/i), /Lina/);
    assert.equal(await page.locator('#lina-error').isHidden(), true);
    const saved = JSON.parse(String(await page.evaluate('sessionStorage.getItem("lina.webchat:-")'))) as { conversationId?: string };
    const started = runtime.db.prepare<[], { id: string }>('SELECT id FROM directline_conversations').all();
    assert.deepEqual(
      started.map((row) => row.id),
      [saved.conversationId],
    );
    assert.match(await lina.tap('Sí'), /documento/i, 'and the new conversation works');

    // Longer than Lina reads: the page says so and keeps the text to be shortened; nothing is sent.
    const stored = runtime.db.prepare('SELECT COUNT(*) AS n FROM directline_activities').get();
    const tooLong = 'a'.repeat(config.conversation.maxMessageLength + 1);
    await page.locator('.webchat__send-box-text-box__input').fill(tooLong);
    await page.keyboard.press('Enter');
    await page.getByText(webchatText('page.tooLong', { max: config.conversation.maxMessageLength })).waitFor();
    await lina.waitForSendBox(tooLong);
    assert.deepEqual(runtime.db.prepare('SELECT COUNT(*) AS n FROM directline_activities').get(), stored);
    await context.close();
  });
});

/** A JWT-shaped token with these claims and a signature nobody made. */
function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('not a signature').toString('base64url')}`;
}

/**
 * Drives Web Chat like a member: tap a suggested action, type a message, read Lina's answer.
 * A turn is over when the page's post has been answered (Lina's Direct Line answers after the
 * bot's turn) and the page shows as many of Lina's messages as the Direct Line stored.
 */
function conversationWith(page: Page, db: SqliteDatabase) {
  const linaBubbles = page.locator(LINA_BUBBLES);
  const allBubbles = page.locator(`${LINA_BUBBLES}, ${MEMBER_BUBBLES}`);
  const storedLinaMessages = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM directline_activities WHERE json_extract(activity, '$.type') = 'message' AND json_extract(activity, '$.from.role') = 'bot'",
  );

  async function waitUntil(condition: () => Promise<boolean>, what: () => Promise<string>): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) assert.fail(await what());
      await delay(100);
    }
  }

  /** Waits until Lina's messages after the first `seen` match `pattern`; returns them joined. */
  async function waitForReply(pattern: RegExp, seen = 0): Promise<string> {
    let said = '';
    await waitUntil(
      async () => pattern.test((said = (await linaBubbles.allInnerTexts()).slice(seen).join('\n'))),
      () => Promise.resolve(`Lina never said ${pattern}; she said:\n${said}`),
    );
    return said;
  }

  async function answerTo(act: () => Promise<void>): Promise<string> {
    const seen = await linaBubbles.count();
    const posted = page.waitForResponse(
      (response) => response.request().method() === 'POST' && /\/v3\/directline\/conversations\/[^/]+\/activities$/.test(new URL(response.url()).pathname),
    );
    await act();
    assert.equal((await posted).status(), 200);
    const expected = storedLinaMessages.get()?.n ?? 0;
    assert.ok(expected > seen, 'Lina answered');
    await waitUntil(
      async () => (await linaBubbles.count()) >= expected,
      async () => `the page shows ${await linaBubbles.count()} of Lina's ${expected} messages`,
    );
    return (await linaBubbles.allInnerTexts()).slice(seen).join('\n');
  }

  return {
    waitForReply,
    /** Saves the screen, scrolled to Lina's last message, under test-artifacts/webchat/. */
    async screenshot(name: string): Promise<void> {
      await linaBubbles.last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}${name}.png` });
    },
    waitForSendBox: (text: string) =>
      waitUntil(
        async () => (await page.locator('.webchat__send-box-text-box__input').inputValue()) === text,
        async () => `the send box holds ${(await page.locator('.webchat__send-box-text-box__input').inputValue()).length} characters`,
      ),
    waitForCount: (count: number) =>
      waitUntil(
        async () => (await allBubbles.count()) >= count,
        async () => `the page shows ${await allBubbles.count()} messages, not ${count}`,
      ),
    /** The labels of the suggested actions on screen. */
    async buttons(): Promise<string[]> {
      await page.locator('.webchat__suggested-action').first().waitFor();
      return (await page.locator('.webchat__suggested-action').allInnerTexts()).map((label) => label.trim());
    },
    tap(label: string): Promise<string> {
      return answerTo(() => page.locator('.webchat__suggested-actions').getByRole('button', { name: label, exact: true }).click());
    },
    type(text: string): Promise<string> {
      return answerTo(async () => {
        await page.locator('.webchat__send-box-text-box__input').fill(text);
        await page.keyboard.press('Enter');
      });
    },
  };
}
