/**
 * What Lina does with the events of a Cloud API webhook, once it has been answered: finds the
 * person (the same people, hence the same conversation, as on Baileys), marks the message read
 * with "typing…", asks the engine, and sends the replies at the WhatsApp pace. Messages of one
 * person are handled one at a time, in arrival order, so replies never cross; different people
 * do not wait for each other. What became of each reply (its statuses as WhatsApp reports them,
 * or why it did not go) is recorded for the support console and logged by `messageRef`.
 */
import type { Logger } from '../../bot/logger.js';
import type { Engine, OutboundMessage } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import { DELIVERY_STATUSES, type CloudDeliveries, type DeliveryStatus, type PeopleStore, type WhatsAppPerson } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { inboundFrom, recentIds, repliesOrApology, turnsPerPerson } from '../whatsapp/member-turns.js';
import type { Pacer } from '../whatsapp/pacing.js';
import { CloudApiError, toCloudApiError } from './cloud.errors.js';
import type { CloudInboundEvent } from './cloud-inbound.js';
import { toCloudMessages } from './cloud-outbound.js';
import { messageRef } from './message-ref.js';
import type { GraphClient } from './graph.client.js';

export interface CloudHandlerOptions {
  engine: Engine;
  people: PeopleStore;
  pacer: Pacer;
  renderer: Renderer;
  clock: Clock;
  logger: Logger;
  graph: GraphClient;
  /** Told when a member message has been answered (or could not be), to close it in the inbox. */
  onHandled?: (messageId: string) => void;
  /** Whether free-form replies may still go to the member (the 24-hour window); always, without. */
  windowOpen?: (waId: string) => boolean;
  /** Where what became of each reply is recorded for support; only logged without. */
  deliveries?: CloudDeliveries;
}

type FromMember = Extract<CloudInboundEvent, { kind: 'text' | 'unsupported' }>;

/** What may be logged of a failure: its name, and the Cloud API's codes when it is one of its. */
const isDeliveryStatus = (status: string): status is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(status);

function failure(error: unknown): Record<string, unknown> {
  if (error instanceof CloudApiError) return { err: error.name, code: error.code, graphCode: error.graphCode };
  return { err: error instanceof Error ? error.name : typeof error };
}

export function createCloudMessageHandler(options: CloudHandlerOptions): (events: CloudInboundEvent[]) => Promise<void> {
  const { engine, people, pacer, renderer, clock, graph } = options;
  const log = options.logger.child({ channel: 'whatsapp', provider: 'cloud' });
  /** Ids taken in lately: a redelivery while (or soon after) handling is dropped here already. */
  const isNew = recentIds();
  const inTurn = turnsPerPerson((error: unknown) => log.error(failure(error), 'WhatsApp message not handled'));

  /** Records for support what became of replies; a record that cannot be written never stops a reply. */
  function record(what: string, write: (deliveries: CloudDeliveries) => void) {
    if (!options.deliveries) return;
    try {
      write(options.deliveries);
    } catch (error) {
      log.error({ ...failure(error), record: what }, 'WhatsApp delivery not recorded');
    }
  }

  async function send(event: FromMember, replies: OutboundMessage[]) {
    const messages = toCloudMessages(replies, { listButton: renderer.text('whatsapp.listButton', {}, clock.now()) });
    // Replies to a message answered long after it came (left by a stopped process, say) may
    // find the window closed: WhatsApp would refuse them, so they are logged, not attempted.
    if (messages.length > 0 && options.windowOpen && !options.windowOpen(event.waId)) {
      log.warn({ reason: 'WINDOW_CLOSED', messageRef: messageRef(event.messageId), unsent: messages.length }, 'WhatsApp replies not sent');
      record('not-sent', (deliveries) => deliveries.notSent(event.messageId, messages.length, 'WINDOW_CLOSED', clock.now()));
      return;
    }
    // One after the other: a reply that failed does not let the next overtake it.
    for (const [index, message] of messages.entries()) {
      try {
        await pacer.schedule(event.waId, async () => {
          const sentId = await graph.send(event.waId, message);
          if (sentId) record('sent', (deliveries) => deliveries.sent(sentId, event.messageId, clock.now()));
        });
      } catch (error) {
        const cause = toCloudApiError(error);
        log.error({ ...failure(cause), messageRef: messageRef(event.messageId), unsent: messages.length - index }, 'WhatsApp replies not sent');
        record('not-sent', (deliveries) => deliveries.notSent(event.messageId, messages.length - index, cause.code, clock.now()));
        return;
      }
    }
  }

  async function answer(event: FromMember, person: WhatsAppPerson) {
    // Best effort: a missing read mark or typing dot never stops a reply.
    void graph.markRead(event.messageId, { typing: event.kind === 'text' }).catch((error: unknown) => log.warn(failure(error), 'WhatsApp read mark not sent'));
    if (event.kind === 'unsupported') {
      log.info({ content: event.content }, 'WhatsApp message Lina cannot read');
      return send(event, [{ text: renderer.text(`whatsapp.unsupported.${event.content}`, {}, clock.now()) }]);
    }
    const replies = await repliesOrApology(engine, inboundFrom(person, event.messageId, event.text, clock.now()), {
      renderer,
      clock,
      onError: (error) => log.error(failure(error), 'WhatsApp turn failed'),
    });
    await send(event, replies);
  }

  function handleOne(event: CloudInboundEvent): Promise<void> {
    if (event.kind === 'ignored') {
      log.debug({ reason: event.reason, type: event.type }, 'WhatsApp webhook item ignored');
      return Promise.resolve();
    }
    if (event.kind === 'error') {
      log.warn({ errorCodes: event.errorCodes }, 'WhatsApp Cloud API reported errors');
      return Promise.resolve();
    }
    if (event.kind === 'status') {
      const level = event.status === 'failed' ? 'warn' : 'debug';
      log[level]({ messageRef: messageRef(event.messageId), status: event.status, errorCodes: event.errorCodes }, 'WhatsApp message status');
      const { status } = event;
      if (isDeliveryStatus(status)) record('status', (deliveries) => deliveries.status(event.messageId, status, event.errorCodes, clock.now()));
      return Promise.resolve();
    }
    if (!isNew(event.messageId)) {
      log.debug({ messageRef: messageRef(event.messageId) }, 'WhatsApp message already taken in');
      return Promise.resolve();
    }
    let person: WhatsAppPerson;
    try {
      // The Cloud API names members by phone: the address Baileys knows them by as well.
      person = people.resolve([{ jid: `${event.waId}@s.whatsapp.net`, kind: 'pn', user: event.waId }]);
    } catch (error) {
      log.error(failure(error), 'WhatsApp sender not resolved');
      return Promise.resolve();
    }
    // Queued now, in the order the webhook listed them: the person's turns keep that order.
    return inTurn(person.personId, async () => {
      try {
        await answer(event, person);
      } finally {
        options.onHandled?.(event.messageId);
      }
    });
  }

  return async (events) => {
    await Promise.all(events.map(handleOne));
  };
}
