/**
 * The dialog scripts written for WhatsApp, played through the Cloud API channel instead of
 * straight into the engine: each member line is typed on the local Cloud API, posted to Lina's
 * webhook signed, answered through the Graph API as buttons, lists or text, and read back from
 * the phone. A script passes here as it passes on the engine: the channel changes nothing of
 * the conversation.
 *
 * Scripts with a `site:` line start from a site's QR code: the first message is what the QR
 * code makes the member send (`fromQrCode`, test/support/channel-scripts.ts: the prefilled
 * greeting for a first line that only greets, else the line with the greeting's "(sede SUBA)" tag),
 * and the conversation must be the one the engine shows for the script's line with `site`.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { LOCAL_CLOUD_API } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { startLina } from '../../bot/main/server.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import { startCloudSim, type ReceivedMessage } from '../../adapters/whatsapp-cloud-sim/sim.server.js';
import { assertScriptsPass, fromQrCode, scriptsWrittenFor } from '../support/channel-scripts.js';
import { scriptConfig } from '../support/dialog-scripts.js';

const scripts = scriptsWrittenFor('whatsapp');

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
  it(`play the ${scripts.length} WhatsApp scripts through the local Cloud API as on the engine, those from a QR code included`, async () => {
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
    await assertScriptsPass(scripts, { atLeast: 100, startConversation });
  }, 600_000);
});
