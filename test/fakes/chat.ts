/**
 * Lets a test read like a conversation:
 *
 *   const chat = await startChat();
 *   await chat.say('hola');
 *   assert.match(chat.lastReply(), /Lina/);
 *
 * By default the engine runs on the fake store and the fake agenda, with a manual clock at
 * `FAKE_NOW`; pass `engine` (or `store` / `agenda`) to talk to something else.
 */
import { SEED_SITE_ADDRESSES } from '../../adapters/agenda-simulator/seed-world.js';
import { ManualClock } from '../../bot/clock.js';
import { createEngine, type EngineOptions } from '../../bot/engine.js';
import { silentLogger } from '../../bot/logger.js';
import type { SiteCode } from '../../bot/domain.js';
import { renderPlainText, type ChannelName, type Engine, type InboundMessage, type OutboundMessage } from '../../bot/messages.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import { FAKE_NOW, createFakeAgenda } from './agenda.fake.js';
import { createFakeSessionStore } from './session-store.fake.js';

/**
 * What the texts' configured parts (`{{supportPhone}}`, `{{policyUrl}}`…) become in tests, as
 * `rendererGlobals(config)` gives them in production. Each line has its own number, so a text
 * that names the wrong line shows.
 */
export const TEST_SUPPORT = {
  supportPhone: '601 4441234',
  supportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.',
  digitalSupportPhone: '601 3330000',
  digitalSupportHours: 'lunes a viernes, de 8:00 a. m. a 6:00 p. m.',
  pacPhone: '601 5550000',
  pacHours: 'lunes a viernes, de 7:00 a. m. a 5:00 p. m.',
  policyUrl: 'http://localhost:3978/politica-de-datos',
};
export const TEST_POLICY_VERSION = '2026-01';
/** Laura's WhatsApp number, equal to her phone on file. */
export const LAURA_PHONE = '+573001112233';

export function makeRenderer(): Renderer {
  return new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
}

/** Engine options with the fakes and test-sized limits; anything can be overridden. */
export function makeEngineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return {
    store: createFakeSessionStore(),
    agenda: createFakeAgenda(),
    clock: new ManualClock(FAKE_NOW),
    renderer: makeRenderer(),
    understand: loadUnderstanding(),
    logger: silentLogger,
    sessionTimeoutMs: 10 * 60_000,
    turnTimeoutMs: 5000,
    maxMessageLength: 2000,
    policyVersion: TEST_POLICY_VERSION,
    ...overrides,
  };
}

export interface ChatOptions extends Partial<EngineOptions> {
  /** Talk to this engine instead of building one. */
  engine?: Engine;
  clock?: ManualClock;
  channel?: ChannelName;
  /** The sender: a phone on WhatsApp, any id elsewhere. */
  from?: string;
  /** The phone the channel vouches for; defaults to `from` on WhatsApp, none elsewhere. */
  phone?: string | null;
  /** The QR code's site, sent with the first message only. */
  site?: SiteCode;
}

export interface Chat {
  engine: Engine;
  readonly clock: ManualClock;
  /** Sends one message and waits for the answer to it. */
  say(text: string, extra?: Partial<InboundMessage>): Promise<OutboundMessage[]>;
  /** The next message this member would send, with a fresh id (for `engine.handle` directly). */
  message(text: string, extra?: Partial<InboundMessage>): InboundMessage;
  /** All replies to the last turn as plain text, joined by new lines. */
  lastReply(): string;
  /** Every turn so far: what was said and what came back. */
  readonly turns: Array<{ said: string; replies: OutboundMessage[] }>;
}

/** Plain text of a turn's replies, as a channel without buttons shows them. */
export function plainText(replies: OutboundMessage[]): string {
  return replies.map(renderPlainText).join('\n');
}

// eslint-disable-next-line @typescript-eslint/require-await -- tests await it: a chat that cannot start is a rejection there, as a real engine's start would be
export async function startChat(options: ChatOptions = {}): Promise<Chat> {
  const { engine: given, channel = 'whatsapp', from = LAURA_PHONE, site, phone, ...engineOverrides } = options;
  const clock = options.clock ?? new ManualClock(FAKE_NOW);
  const vouchedPhone = phone === undefined ? (channel === 'whatsapp' ? from : undefined) : (phone ?? undefined);
  const turns: Chat['turns'] = [];
  let counter = 0;

  const chat: Chat = {
    engine: given ?? createEngine(makeEngineOptions({ ...engineOverrides, clock })),
    clock,
    turns,
    message(text, extra = {}) {
      counter += 1;
      return {
        channel,
        userId: from,
        messageId: `${channel}-${from}-${counter}`,
        text,
        receivedAt: clock.now(),
        ...(vouchedPhone ? { phone: vouchedPhone } : {}),
        ...(counter === 1 && site ? { site } : {}),
        ...extra,
      };
    },
    async say(text, extra) {
      const replies = await chat.engine.handle(chat.message(text, extra));
      turns.push({ said: text, replies });
      return replies;
    },
    lastReply() {
      const last = turns.at(-1);
      if (!last) throw new Error('Nothing was said yet');
      return plainText(last.replies);
    },
  };
  return chat;
}
