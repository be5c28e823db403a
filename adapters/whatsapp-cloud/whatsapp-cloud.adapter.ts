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
import type { PeopleStore } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { createPacer } from '../whatsapp/pacing.js';
import { systemTimers, type Timers } from '../whatsapp/timers.js';
import { createCloudMessageHandler } from './cloud-message-handler.js';
import { createGraphClient, type GraphClient } from './graph.client.js';
import { createWebhookHandler, WEBHOOK_PATH } from './webhook.js';

export { WEBHOOK_PATH };

export interface WhatsAppCloudOptions {
  engine: Engine;
  /** The people behind the numbers members write from: the Baileys channel's too. */
  people: PeopleStore;
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

export interface WhatsAppCloudChannel {
  /** Mount at `WEBHOOK_PATH` on Lina's web server. */
  handleWebhook: (req: IncomingMessage, res: ServerResponse) => void;
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
  const handle = createCloudMessageHandler({ engine: options.engine, people: options.people, pacer, renderer: options.renderer, clock, logger, graph });
  const underWay = new Set<Promise<void>>();

  const handleWebhook = createWebhookHandler({
    appSecret: options.appSecret,
    verifyToken: options.verifyToken,
    phoneNumberId: options.phoneNumberId,
    logger,
    onEvents(events) {
      const work = handle(events);
      underWay.add(work);
      void work.finally(() => underWay.delete(work));
    },
  });

  async function idle() {
    while (underWay.size > 0) await Promise.allSettled([...underWay]);
  }

  return {
    handleWebhook,
    idle,
    async close() {
      await idle();
      pacer.close();
    },
  };
}
