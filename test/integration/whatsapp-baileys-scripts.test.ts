/**
 * The dialog scripts written for WhatsApp, played through the Baileys channel (Lina as a linked
 * WhatsApp Web device) instead of straight into the engine: each member line reaches Lina as a
 * Baileys `messages.upsert` from the script's phone, goes through the adapter (inbound mapping,
 * the people store, one turn per person at a time, pacing) to the real engine over an in-memory
 * SQLite and the embedded agenda, and Lina's replies are what the adapter asked the socket to
 * send. A script passes here as it passes on the engine: the channel changes nothing of the
 * conversation.
 *
 * The socket is a fake (test/adapters/whatsapp/fakes.ts): no network, no pairing. Lina is put
 * together as `startLina` does with `WHATSAPP_PROVIDER=baileys` (the runtime, then
 * `startWhatsApp` over its engine, renderer and database), with the fake socket factory the
 * adapter takes for tests; the server has no way to take one, and its web server plays no part
 * in a Baileys conversation. The chat gap is 0 and the rate limits are out of reach, as in the
 * Cloud API's test: scripts replay their turns faster than any person could.
 *
 * A turn is over when Lina sets the chat back to "paused", which the adapter does once every
 * reply of the turn has gone: the texts sent since the member's message are the turn's replies.
 * Baileys cannot send buttons or lists, so each reply goes as one text, the engine's plain
 * rendering (`renderPlainText`, options as numbered lines), which is what the script runner
 * compares; the texts are read back as they were sent. The only changes Baileys makes are its
 * own and none shows in the scripts: Markdown bold (`**x**`) is written WhatsApp's way (`*x*`),
 * and the locale marks nothing bold; a reply over 4096 characters would go in pieces, and none
 * is that long (the test checks it). Nothing is normalised.
 *
 * Scripts with a `site:` line start from a site's QR code: the first message is what the QR
 * code makes the member send (`fromQrCode`, test/support/channel-scripts.ts), as on the Cloud API.
 */
import assert from 'node:assert/strict';
import { beforeAll, describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { silentLogger } from '../../bot/logger.js';
import { startRuntime } from '../../bot/main/runtime.js';
import type { Engine } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import { createWhatsAppAuthStore } from '../../data/whatsapp/auth-state.store.js';
import { createPeopleStore } from '../../data/whatsapp/people.store.js';
import { MAX_TEXT_LENGTH } from '../../adapters/whatsapp/outbound.js';
import { loadAuthToolkit, type AuthToolkit } from '../../adapters/whatsapp/socket.js';
import { startWhatsApp } from '../../adapters/whatsapp/whatsapp.adapter.js';
import { FakeSocket, flush } from '../adapters/whatsapp/fakes.js';
import * as wa from '../fixtures/whatsapp/messages.js';
import { assertScriptsPass, fromQrCode, scriptsWrittenFor } from '../support/channel-scripts.js';
import { scriptConfig } from '../support/dialog-scripts.js';

const scripts = scriptsWrittenFor('whatsapp');

// (An in-memory database, the embedded agenda, no logs, no rate limit: scriptConfig's; this channel's settings on top.)
const config = scriptConfig({
  WHATSAPP_ENABLED: 'true',
  WHATSAPP_PROVIDER: 'baileys',
  WHATSAPP_CHAT_GAP_MS: '0',
  WHATSAPP_MAX_PER_MINUTE: '1000',
});

/** The member's phone, as Lina's linked device sees it: messages come from it, replies go to it. */
class MemberPhone extends FakeSocket {
  private turnOver: (() => void) | undefined;

  override async sendPresenceUpdate(presence: 'composing' | 'paused', jid: string): Promise<void> {
    await super.sendPresenceUpdate(presence, jid);
    // "Paused" follows the last reply of a turn: the turn is over.
    if (presence === 'paused') this.turnOver?.();
  }

  /** The member writes `text` from `jid`; resolves with the texts Lina sent back, in order. */
  async write(jid: string, text: string): Promise<string[]> {
    const before = this.sent().length;
    const over = new Promise<void>((resolve) => (this.turnOver = resolve));
    this.receive([wa.text(text, { from: jid })]);
    await over;
    return this.sent()
      .slice(before)
      .map((sent) => {
        assert.equal(sent.jid, jid, 'the reply goes to the chat the message came from');
        assert.ok(sent.text.length < MAX_TEXT_LENGTH, 'a reply short enough to go whole');
        return sent.text;
      });
  }
}

/** An engine as the scripts see it, that is really a member writing to Lina on WhatsApp. */
function memberOn(phone: MemberPhone, jid: string): Engine {
  return {
    async handle(message) {
      // The runner gives the first message the script's `site`: it is sent from the QR code.
      const text = message.site ? fromQrCode(message.text, message.site) : message.text;
      const texts = await phone.write(jid, text);
      return texts.map((sent) => ({ text: sent }));
    },
  };
}

/**
 * Baileys' own helpers, but with one set of fresh credentials made up front: making them is key
 * generation, ~170 ms a conversation here, and the fake socket never uses them. Each conversation
 * gets its own copy, as an unpaired device starts.
 */
let toolkit: AuthToolkit;
beforeAll(async () => {
  const baileys = await loadAuthToolkit();
  const { replacer, reviver } = baileys.bufferJson;
  const fresh = JSON.stringify(baileys.initAuthCreds(), replacer);
  toolkit = { ...baileys, initAuthCreds: () => JSON.parse(fresh, reviver) as ReturnType<AuthToolkit['initAuthCreds']> };
});

describe('dialog scripts over WhatsApp (Baileys)', () => {
  it(`play the ${scripts.length} WhatsApp scripts through the Baileys channel as on the engine, those from a QR code included`, async () => {
    const startConversation: StartConversation = async ({ now, from }) => {
      const clock = new ManualClock(now);
      const runtime = await startRuntime({ config, clock, logger: silentLogger });
      const phone = new MemberPhone(clock);
      const whatsapp = await startWhatsApp({
        engine: runtime.engine,
        authStore: createWhatsAppAuthStore(runtime.db),
        people: createPeopleStore(runtime.db),
        renderer: runtime.renderer,
        logger: silentLogger,
        clock,
        chatGapMs: config.whatsapp.chatGapMs,
        maxPerMinute: config.whatsapp.maxPerMinute,
        reconnectMaxMs: config.whatsapp.reconnectMaxMs,
        createSocket: () => Promise.resolve(phone),
        toolkit,
      });
      // The socket is built in the background; once it listens, WhatsApp reports the link open.
      await flush();
      assert.equal(phone.listenerCount('messages.upsert'), 1, 'Lina listens to the socket');
      phone.open();
      assert.equal(whatsapp.status().state, 'open');
      return {
        engine: memberOn(phone, `${from.replace(/\D/g, '')}@s.whatsapp.net`),
        clock,
        async close() {
          await whatsapp.close();
          await runtime.close();
        },
      };
    };
    await assertScriptsPass(scripts, { atLeast: 100, startConversation });
  }, 600_000);
});
