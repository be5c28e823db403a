/**
 * What Lina does with each `messages.upsert`: reads it (`toInboundEvent`), finds the person,
 * marks it read, shows "typing…" while the engine answers, and sends the replies at a human
 * pace. Messages of one person are handled one at a time, in arrival order, so replies never
 * cross; different people do not wait for each other.
 */
import type { Logger } from '../../bot/logger.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import type { PeopleStore, WhatsAppPerson } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { toInboundEvent, type InboundEvent } from './inbound.js';
import { inboundFrom, recentIds, repliesOrApology, turnsPerPerson } from './member-turns.js';
import { toWhatsAppTexts } from './outbound.js';
import type { Pacer } from './pacing.js';
import type { WhatsAppSocket } from './socket.js';
import { messagesUpsertSchema } from './whatsapp.schemas.js';

export interface MessageHandlerOptions {
  engine: Engine;
  people: PeopleStore;
  pacer: Pacer;
  renderer: Renderer;
  clock: Clock;
  logger: Logger;
  /** The socket to send through once it is open (the one that received may have dropped). */
  whenOpen(): Promise<WhatsAppSocket>;
}

export type MessageHandler = (socket: WhatsAppSocket, upsert: unknown) => Promise<void>;

type FromPerson = Exclude<InboundEvent, { kind: 'ignored' }>;

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function createMessageHandler(options: MessageHandlerOptions): MessageHandler {
  const { engine, people, pacer, renderer, clock } = options;
  const log = options.logger.child({ channel: 'whatsapp' });
  /** Ids taken in lately: a redelivery while (or soon after) handling is dropped. */
  const remember = recentIds();
  const inTurn = turnsPerPerson((error: unknown) => log.error({ err: errorName(error) }, 'WhatsApp message not handled'));

  /** Best effort: a missing receipt or typing dot never stops a reply. */
  function signal(what: string, action: () => Promise<void>) {
    return action().catch((error: unknown) => log.warn({ err: errorName(error) }, `WhatsApp ${what} not sent`));
  }

  async function send(event: FromPerson, replies: OutboundMessage[]) {
    const texts = toWhatsAppTexts(replies);
    const results = await Promise.allSettled(
      texts.map((text) =>
        pacer.schedule(event.chatJid, async () => {
          const socket = await options.whenOpen();
          await socket.sendMessage(event.chatJid, { text });
        }),
      ),
    );
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      log.error({ failed: failed.length, of: texts.length, err: errorName(failed[0]?.reason) }, 'WhatsApp replies not sent');
    }
  }

  async function answer(socket: WhatsAppSocket, event: FromPerson, person: WhatsAppPerson) {
    void signal('read receipt', () => socket.readMessages([event.key]));
    if (event.kind === 'unsupported') {
      log.info({ content: event.content }, 'WhatsApp message Lina cannot read');
      return send(event, [{ text: renderer.text(`whatsapp.unsupported.${event.content}`, {}, clock.now()) }]);
    }

    await signal('typing indicator', () => socket.sendPresenceUpdate('composing', event.chatJid));
    const replies = await repliesOrApology(engine, inboundFrom(person, event.messageId, event.text, clock.now()), {
      renderer,
      clock,
      onError: (error) => log.error({ err: errorName(error) }, 'WhatsApp turn failed'),
    });
    await send(event, replies);
    await signal('typing indicator', () => socket.sendPresenceUpdate('paused', event.chatJid));
  }

  async function handleOne(socket: WhatsAppSocket, raw: unknown): Promise<void> {
    const event = toInboundEvent(raw);
    if (event.kind === 'ignored') {
      log.debug({ reason: event.reason }, 'WhatsApp message ignored');
      return;
    }
    if (!remember(event.messageId)) {
      log.debug('WhatsApp message already taken in');
      return;
    }
    let person: WhatsAppPerson;
    try {
      person = people.resolve(event.addresses);
    } catch (error) {
      log.error({ err: errorName(error) }, 'WhatsApp sender not resolved');
      return;
    }
    await inTurn(person.personId, () => answer(socket, event, person));
  }

  return async (socket, upsert) => {
    const parsed = messagesUpsertSchema.safeParse(upsert);
    if (!parsed.success) {
      log.warn('WhatsApp upsert not readable');
      return;
    }
    // `append` is history and Lina's own sends from other devices: never answered.
    if (parsed.data.type !== 'notify') return;
    await Promise.all(parsed.data.messages.map((raw) => handleOne(socket, raw)));
  };
}
