/**
 * The dialog scripts written for WhatsApp, played through the Cloud API channel instead of
 * straight into the engine: each member line is typed on the local Cloud API, posted to Lina's
 * webhook signed, answered through the Graph API as buttons, lists or text, and read back from
 * the phone. A script passes here as it passes on the engine: the channel changes nothing of
 * the conversation. (Scripts that start from a site's QR code are left out: that greeting comes
 * through the link the QR code opens, which the local Cloud API does not play.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig, LOCAL_CLOUD_API } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { startLina } from '../../bot/main/server.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import { runScripts, type StartConversation } from '../../bot/simulation/run-scripts.js';
import { startCloudSim, type ReceivedMessage } from '../../adapters/whatsapp-cloud-sim/sim.server.js';

const FOLDER = 'test/simulations';
const scripts = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(FOLDER, name))
  .filter((file) => {
    const source = readFileSync(file, 'utf8');
    return /^channel: whatsapp$/m.test(source) && !/^site:/m.test(source);
  });

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
      const { status } = await sim.type(phone, message.text);
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
  it(`play the ${scripts.length} WhatsApp scripts through the local Cloud API as on the engine`, async () => {
    assert.ok(scripts.length > 100);
    const startConversation: StartConversation = async ({ now, from }) => {
      let webhook = '';
      const sim = await startCloudSim({
        webhookUrl: () => webhook,
        phoneNumberId: LOCAL_CLOUD_API.phoneNumberId,
        accessToken: LOCAL_CLOUD_API.accessToken,
        appSecret: LOCAL_CLOUD_API.appSecret,
      });
      const config = loadConfig({
        LINA_DATABASE_PATH: ':memory:',
        AGENDA_SIMULATOR_PORT: '0',
        LINA_PORT: '0',
        LOG_LEVEL: 'silent',
        // Scripts replay their turns instantly: no person could, so the rate limit stays out of the way.
        LINA_RATE_LIMIT_PER_MINUTE: '10000',
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
    const report: string[] = [];
    const summary = await runScripts(scripts, { output: (line) => report.push(line), startConversation });
    assert.equal(summary.failed, 0, report.filter((line) => !line.startsWith('PASS')).join('\n'));
    assert.equal(summary.passed, scripts.length);
  }, 600_000);
});
