/**
 * What the tests that play the dialog scripts through a channel share (Baileys, the Cloud API,
 * web chat): which scripts a channel takes, what a member sends from a site's QR code on
 * WhatsApp, and which first lines only greet (on web chat the page opening greets for them).
 *
 * Scripts with a `site:` line start from a site's QR code. On the engine the first message
 * arrives with `site`; on WhatsApp nothing carries a site but the text: the QR code opens the
 * chat with a prefilled first message, `siteGreeting(site)` ("Hola Lina, vengo de USS Suba (sede
 * SUBA)"), whose "(sede SUBA)" tag the engine reads from the first message of a fresh
 * conversation. So on WhatsApp the script's first message (a `given`'s first, when it has one) is
 * what the member sends from the QR code (`fromQrCode`):
 * - a bare greeting (`isBareGreeting`: "hola", "Buenas tardes Lina!") is
 *   sent as the prefilled greeting itself: the member sent what the QR code wrote, which greets
 *   as theirs did;
 * - any other first line is the member's own words with the QR greeting's tag after them
 *   ("quiero una cita (sede SUBA)"): the member wrote over the greeting and left its tag, so
 *   what they asked and the site both reach Lina, as the engine's `site` field brings them.
 * Either way the conversation must be the one the engine shows for the script's line with
 * `site`: the same expectations, unchanged. Later messages are typed as written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { SiteCode } from '../../bot/domain.js';
import type { ChannelName } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import { siteGreeting } from '../../bot/site-tag.js';
import { dialogScripts, playScripts } from './dialog-scripts.js';

/** The scripts that say they are written for `channel` (a `channel:` line naming it), sorted. */
export function scriptsWrittenFor(channel: ChannelName): string[] {
  const line = new RegExp(`^channel: ${channel}$`, 'm');
  return dialogScripts((source) => line.test(source));
}

/**
 * Plays `scripts` through a channel, each in the conversation `startConversation` builds, and
 * fails with the report of every script that did not pass. There must be `atLeast` of them, so a
 * wrong folder or filter cannot pass with none, and one must start from a site's QR code.
 */
export async function assertScriptsPass(scripts: string[], options: { atLeast: number; startConversation: StartConversation }): Promise<void> {
  assert.ok(scripts.length >= options.atLeast, `at least ${options.atLeast} scripts, not ${scripts.length}`);
  assert.ok(scripts.some(startsFromQrCode), 'a script starts from a site’s QR code');
  await playScripts(scripts, options.startConversation);
}

/** Whether a script starts from a site's QR code (a `site:` line). */
export function startsFromQrCode(file: string): boolean {
  return /^site:/m.test(readFileSync(file, 'utf8'));
}

/** The words a bare greeting is made of, without accents: nothing in it but greeting Lina. */
const GREETING_WORDS = new Set(['hola', 'buenas', 'buenos', 'buen', 'dia', 'dias', 'tardes', 'noches', 'lina']);

/**
 * Whether `text` only greets: nothing but the words hola, buenas, buenos, buen, día(s), tardes,
 * noches and Lina, whatever the accents, capitals, punctuation and emoji ("hola", "Buenas tardes
 * Lina!").
 */
export function isBareGreeting(text: string): boolean {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/\p{L}+/gu);
  return words !== null && words.every((word) => GREETING_WORDS.has(word));
}

/** What the member sends on WhatsApp from `site`'s QR code for a script's first line `text` (see the header). */
export function fromQrCode(text: string, site: SiteCode): string {
  return isBareGreeting(text) ? siteGreeting(site) : `${text} (sede ${site})`;
}
