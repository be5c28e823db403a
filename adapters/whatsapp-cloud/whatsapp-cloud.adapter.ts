/**
 * Lina on WhatsApp through the official WhatsApp Business Cloud API: the webhook Meta posts
 * members' messages to, the Graph API client her replies go through, and the same pacing,
 * people and renderer as the Baileys channel, wired together. Which of the two runs is
 * configuration's choice (`WHATSAPP_PROVIDER`); the conversation behind them is one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../bot/logger.js';
import type { Engine } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import type { CloudDeliveries, CloudInbox, CustomerWindows, PeopleStore } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { createPacer } from '../whatsapp/pacing.js';
import { systemTimers, type Timers } from '../whatsapp/timers.js';
import type { CloudInboundEvent } from './cloud-inbound.js';
import { createCloudMessageHandler } from './cloud-message-handler.js';
import { toTemplateMessage, type TemplateSend } from './cloud-outbound.js';
import { messageRef } from './message-ref.js';
import { createGraphClient, type GraphClient } from './graph.client.js';
import { createWebhookHandler, WEBHOOK_PATH } from './webhook.js';

export { WEBHOOK_PATH };

export interface WhatsAppCloudOptions {
  engine: Engine;
  /** The people behind the numbers members write from: the Baileys channel's too. */
  people: PeopleStore;
  /**
   * Where member messages are recorded before the webhook's 200. Without one, a message whose
   * turn a crash interrupts is lost, and redeliveries are recognised by this process only.
   */
  inbox?: CloudInbox;
  /**
   * When each member last wrote: replies outside the 24-hour window are logged instead of
   * attempted. Without it every reply is attempted (and WhatsApp refuses the late ones, 131047).
   */
  windows?: CustomerWindows;
  /** Where what became of each reply (statuses, replies that did not go) is kept for support; logged only without. */
  deliveries?: CloudDeliveries;
  renderer: Renderer;
  logger: Logger;
  clock: Clock;
  /** The Graph API's base URL and version. */
  apiUrl: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  /** The Meta app's secret: it signs the webhook POSTs. */
  appSecret: string;
  /** What Meta's subscription check must present. */
  verifyToken: string;
  /** Least time between two messages to the same member. */
  chatGapMs: number;
  /** Most messages per minute, all members together. */
  maxPerMinute: number;
  /** Per Graph API call; 10 s by default. */
  timeoutMs?: number;
  /** Repeats of a send that failed in a way safe to repeat; 3 by default. */
  retries?: number;
  /** Node's timers by default; tests inject a fake scheduler. */
  timers?: Timers;
  /** `Math.random` by default: the backoff's jitter. */
  random?: () => number;
  /** The Graph API client built from the settings above by default. */
  graph?: GraphClient;
}

/** WhatsApp's customer-service window: free-form messages up to 24 hours after the member's last. */
export const CUSTOMER_WINDOW_MS = 24 * 60 * 60_000;

export interface WhatsAppCloudChannel {
  /** Mount at `WEBHOOK_PATH` on Lina's web server. */
  handleWebhook: (req: IncomingMessage, res: ServerResponse) => void;
  /**
   * Sends an approved template to the member `waId` (phone digits), at the channel's pace and
   * whatever the 24-hour window: what reminders use. The new message's wamid; a failure is a
   * `CloudApiError`.
   */
  sendTemplate(waId: string, template: TemplateSend): Promise<string | undefined>;
  /** Whether a free-form message may go to the member `waId` now (they wrote within 24 hours). */
  windowOpen(waId: string): boolean;
  /** Settles when every webhook taken in so far has been handled and answered (tests, shutdown). */
  idle(): Promise<void>;
  /** Waits for the messages under way, then drops unsent replies. */
  close(): Promise<void>;
}

export function startWhatsAppCloud(options: WhatsAppCloudOptions): WhatsAppCloudChannel {
  const { clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const pacer = createPacer({ clock, timers, chatGapMs: options.chatGapMs, maxPerMinute: options.maxPerMinute });
  const graph =
    options.graph ??
    createGraphClient({
      apiUrl: options.apiUrl,
      version: options.apiVersion,
      phoneNumberId: options.phoneNumberId,
      accessToken: options.accessToken,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 3,
      maxBackoffMs: 30_000,
      timers,
      random: options.random ?? Math.random,
    });
  const { inbox, windows } = options;

  function windowOpen(waId: string): boolean {
    const last = windows?.lastInbound(waId);
    return last !== undefined && clock.now().getTime() - last.getTime() < CUSTOMER_WINDOW_MS;
  }
  const log = logger.child({ channel: 'whatsapp', provider: 'cloud' });
  const handle = createCloudMessageHandler({
    engine: options.engine,
    people: options.people,
    pacer,
    renderer: options.renderer,
    clock,
    logger,
    graph,
    ...(inbox ? { onHandled: (messageId: string) => closeInInbox(inbox, messageId) } : {}),
    ...(windows ? { windowOpen } : {}),
    ...(options.deliveries ? { deliveries: options.deliveries } : {}),
  });
  const underWay = new Set<Promise<void>>();

  function closeInInbox(store: CloudInbox, messageId: string) {
    try {
      store.handled(messageId, clock.now());
    } catch (error) {
      // Left open, the message is answered again after a restart: the engine gives its stored answer.
      log.error({ err: error instanceof Error ? error.name : typeof error, messageRef: messageRef(messageId) }, 'WhatsApp message not closed in the inbox');
    }
  }

  function start(events: CloudInboundEvent[]) {
    const work = handle(events);
    underWay.add(work);
    void work.finally(() => underWay.delete(work));
  }

  /** The events of a POST minus member messages recorded before (a redelivery), the new ones recorded. */
  function admit(events: CloudInboundEvent[]): CloudInboundEvent[] {
    const fromMembers = events.filter(isFromMember);
    const admitted = inbox
      ? new Set(
          inbox.admit(
            fromMembers.map((event) => ({ messageId: event.messageId, event: JSON.stringify(event) })),
            clock.now(),
          ),
        )
      : undefined;
    // Within one POST too, a message listed twice is taken once.
    const fresh = admitted ? events.filter((event) => !isFromMember(event) || admitted.delete(event.messageId)) : events;
    for (const event of fresh) if (isFromMember(event)) openWindow(event);
    return fresh;
  }

  /**
   * The window runs from when the member wrote (Meta's timestamp), not from when the webhook
   * came, which may be much later after a redelivery; never from a time ahead of Lina's clock.
   */
  function openWindow(event: Extract<CloudInboundEvent, { kind: 'text' | 'unsupported' }>) {
    const now = clock.now().getTime();
    windows?.touch(event.waId, new Date(event.timestamp > 0 ? Math.min(now, event.timestamp * 1000) : now));
  }

  const handleWebhook = createWebhookHandler({
    appSecret: options.appSecret,
    verifyToken: options.verifyToken,
    phoneNumberId: options.phoneNumberId,
    logger,
    accept(events) {
      const fresh = admit(events);
      return () => start(fresh);
    },
  });

  // Messages recorded by a process that stopped before answering them: answered now.
  const left = inbox ? readPending(inbox) : [];
  if (left.length > 0) {
    log.info({ messages: left.length }, 'WhatsApp messages left by the last run: answering them');
    start(left);
  }

  function readPending(store: CloudInbox): CloudInboundEvent[] {
    return store.pending().flatMap((entry): CloudInboundEvent[] => {
      try {
        const event = JSON.parse(entry.event) as CloudInboundEvent;
        if (isFromMember(event) && typeof event.waId === 'string' && event.messageId === entry.messageId) return [event];
      } catch {
        // Fall through: closed below, never retried forever.
      }
      closeInInbox(store, entry.messageId);
      return [];
    });
  }

  async function idle() {
    while (underWay.size > 0) await Promise.allSettled([...underWay]);
  }

  return {
    handleWebhook,
    windowOpen,
    async sendTemplate(waId, template) {
      let wamid: string | undefined;
      await pacer.schedule(waId, async () => {
        wamid = await graph.send(waId, toTemplateMessage(template));
      });
      return wamid;
    },
    idle,
    async close() {
      await idle();
      pacer.close();
    },
  };
}

function isFromMember(event: CloudInboundEvent): event is Extract<CloudInboundEvent, { kind: 'text' | 'unsupported' }> {
  return event.kind === 'text' || event.kind === 'unsupported';
}
