/**
 * The dialog scripts written for WhatsApp, played through the Cloud API channel instead of
 * straight into the engine: each member line is typed on the local Cloud API, posted to Lina's
 * webhook signed, answered through the Graph API as buttons, lists or text, and read back from
 * the phone. A script passes here as it passes on the engine: the channel changes nothing of
 * the conversation.
 *
 * Scripts with a `site:` line start from a site's QR code. On the engine the first message
 * arrives with `site`; on WhatsApp nothing carries a site but the text: the QR code opens the
 * chat with a prefilled first message, `siteGreeting(site)` ("Hola Lina, vengo de USS Suba (sede
 * SUBA)"), whose "(sede SUBA)" tag the engine reads from the first message of a fresh
 * conversation. So here the script's first message (a `given`'s first, when it has one) is what
 * the member sends from the QR code (`fromQrCode`):
 * - a bare greeting (only the words hola, buenas, buenos, buen, día(s), tardes, noches, Lina,
 *   whatever the accents, capitals, punctuation and emoji: "hola", "Buenas tardes Lina!") is
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
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { LOCAL_CLOUD_API } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { startLina } from '../../bot/main/server.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import { siteGreeting } from '../../bot/site-tag.js';
import type { SiteCode } from '../../bot/domain.js';
import { startCloudSim, type ReceivedMessage } from '../../adapters/whatsapp-cloud-sim/sim.server.js';
import { dialogScripts, playScripts, scriptConfig } from '../support/dialog-scripts.js';

const scripts = dialogScripts((source) => /^channel: whatsapp$/m.test(source));

/** The words a bare greeting is made of, without accents: nothing in it but greeting Lina. */
const GREETING_WORDS = new Set(['hola', 'buenas', 'buenos', 'buen', 'dia', 'dias', 'tardes', 'noches', 'lina']);

/** What the member sends from `site`'s QR code for a script's first line `text` (see the header). */
function fromQrCode(text: string, site: SiteCode): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/\p{L}+/gu);
  const bareGreeting = words !== null && words.every((word) => GREETING_WORDS.has(word));
  return bareGreeting ? siteGreeting(site) : `${text} (sede ${site})`;
}

/** What the phone shows, as the engine's replies: a row's whole label is its description when it has one. */
function asReply(message: ReceivedMessage): OutboundMessage {
  const options = message.options.map((option) => ({ label: option.description ?? option.title, value: option.id }));
  return options.length > 0 ? { text: message.text, options } : { text: message.text };
}

/** An engine as the scripts see it, that is really a member typing on the local Cloud API. */
function memberOn(sim: Awaited<ReturnType<typeof startCloudSim>>, idle: () => Promise<void>, phone: string): Engine {
  let read = 0;
  return {
    async handle(message) {
      // The runner gives the first message the script's `site`: it is sent from the QR code.
      const text = message.site ? fromQrCode(message.text, message.site) : message.text;
      const { status } = await sim.type(phone, text);
      assert.equal(status, 200, 'the webhook took the message');
      await idle();
      const received = sim.received(phone);
      const fresh = received.slice(read);
      read = received.length;
      return fresh.map(asReply);
    },
  };
}

describe('dialog scripts over the WhatsApp Cloud API', () => {
  it('send a script’s first message from the QR code: a bare greeting as the prefilled one, other words with its tag', () => {
    for (const greeting of ['hola', 'Hola!', 'buenas', '¡Buenos días, Lina!', 'buen dia', 'Buenas tardes']) {
      assert.equal(fromQrCode(greeting, 'SUBA'), 'Hola Lina, vengo de USS Suba (sede SUBA)', greeting);
    }
    assert.equal(fromQrCode('hola necesito una cita', 'KENNEDY'), 'hola necesito una cita (sede KENNEDY)');
    assert.equal(fromQrCode('agendar', 'CHIA'), 'agendar (sede CHIA)');
    assert.equal(fromQrCode('👍', 'CHIA'), '👍 (sede CHIA)');
  });

  it(`play the ${scripts.length} WhatsApp scripts through the local Cloud API as on the engine, those from a QR code included`, async () => {
    assert.ok(scripts.length > 100);
    assert.ok(
      scripts.some((file) => /^site:/m.test(readFileSync(file, 'utf8'))),
      'a script starts from a site’s QR code',
    );
    const startConversation: StartConversation = async ({ now, from }) => {
      let webhook = '';
      const sim = await startCloudSim({
        webhookUrl: () => webhook,
        phoneNumberId: LOCAL_CLOUD_API.phoneNumberId,
        accessToken: LOCAL_CLOUD_API.accessToken,
        appSecret: LOCAL_CLOUD_API.appSecret,
      });
      const config = scriptConfig({
        WHATSAPP_CLOUD_LOCAL: 'true',
        WHATSAPP_CLOUD_API_URL: sim.url,
        WHATSAPP_CHAT_GAP_MS: '0',
        WHATSAPP_MAX_PER_MINUTE: '1000',
      });
      const clock = new ManualClock(now);
      const lina = await startLina({ config, clock, logger: silentLogger });
      webhook = `${lina.web.url}/webhooks/whatsapp`;
      const idle = () => lina.whatsappCloud?.idle() ?? Promise.resolve();
      return {
        engine: memberOn(sim, idle, from.replace(/\D/g, '')),
        clock,
        async close() {
          await lina.close();
          await sim.close();
        },
      };
    };
    await playScripts(scripts, startConversation);
  }, 600_000);
});
