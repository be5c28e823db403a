/**
 * The Cloud API channel on a real local HTTP server, with a recording engine, the real people
 * store over an in-memory database, and a Graph API client that records instead of calling
 * Meta. Webhooks are posted over HTTP, signed as Meta signs them (or not, as a test needs).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../bot/clock.js';
import type { Engine, InboundMessage } from '../../../bot/messages.js';
import type { CloudDeliveries, CloudInbox, CustomerWindows } from '../../../bot/ports/whatsapp.js';
import { openDatabase, type SqliteDatabase } from '../../../data/database.js';
import { createPeopleStore } from '../../../data/whatsapp/people.store.js';
import type { CloudMessage } from '../../../adapters/whatsapp-cloud/cloud-outbound.js';
import type { GraphClient } from '../../../adapters/whatsapp-cloud/graph.client.js';
import { signatureOf } from '../../../adapters/whatsapp-cloud/signature.js';
import { startWhatsAppCloud, type WhatsAppCloudChannel } from '../../../adapters/whatsapp-cloud/whatsapp-cloud.adapter.js';
import { systemTimers } from '../../../adapters/whatsapp/timers.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';
import { makeRenderer } from '../../fakes/chat.js';
import { PHONE_NUMBER_ID } from '../../fixtures/whatsapp-cloud/webhooks.js';
import { makeCapturingLogger, makeRecordingEngine } from '../whatsapp/fakes.js';

export const APP_SECRET = 'test-app-secret-0123456789';
export const VERIFY_TOKEN = 'test-verify-token-abcdef';

/** One call Lina made to the Graph API. */
export type GraphCall = { type: 'send'; to: string; message: CloudMessage } | { type: 'read'; messageId: string; typing: boolean };

export function makeRecordingGraph(): GraphClient & { calls: GraphCall[]; failNext?: Error } {
  const calls: GraphCall[] = [];
  let sent = 0;
  const graph: GraphClient & { calls: GraphCall[]; failNext?: Error } = {
    calls,
    send(to, message) {
      if (graph.failNext) {
        const error = graph.failNext;
        delete graph.failNext;
        return Promise.reject(error);
      }
      calls.push({ type: 'send', to, message });
      sent += 1;
      return Promise.resolve(`wamid.lina-${sent}`);
    },
    markRead(messageId, { typing }) {
      calls.push({ type: 'read', messageId, typing });
      return Promise.resolve();
    },
  };
  return graph;
}

export interface Harness {
  url: string;
  channel: WhatsAppCloudChannel;
  engine: Engine & { received: InboundMessage[] };
  graph: ReturnType<typeof makeRecordingGraph>;
  capture: ReturnType<typeof makeCapturingLogger>;
  /** Posts `body` (an object is written as JSON) signed with the app secret unless `signature` says otherwise. */
  post(body: unknown, options?: { signature?: string | null; raw?: Buffer; wait?: boolean }): Promise<{ status: number; text: string }>;
  get(query: string): Promise<{ status: number; text: string }>;
  /** The sends only, in order. */
  sends(): Array<{ to: string; message: CloudMessage }>;
  close(): Promise<void>;
  /** Stops serving without waiting for the turns under way: what a crash leaves behind. */
  abandon(): Promise<void>;
}

export async function startHarness(
  options: { engine?: Engine; db?: SqliteDatabase; inbox?: CloudInbox; windows?: CustomerWindows; deliveries?: CloudDeliveries; clock?: ManualClock } = {},
): Promise<Harness> {
  const db = options.db ?? openDatabase(':memory:');
  const recording = makeRecordingEngine();
  const graph = makeRecordingGraph();
  const capture = makeCapturingLogger();
  const channel = startWhatsAppCloud({
    engine: options.engine ?? recording,
    people: createPeopleStore(db),
    ...(options.inbox ? { inbox: options.inbox } : {}),
    ...(options.windows ? { windows: options.windows } : {}),
    ...(options.deliveries ? { deliveries: options.deliveries } : {}),
    renderer: makeRenderer(),
    logger: capture.logger,
    clock: options.clock ?? new ManualClock(FAKE_NOW),
    apiUrl: 'http://graph.invalid',
    apiVersion: 'v21.0',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: 'unused',
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    chatGapMs: 0,
    maxPerMinute: 10_000,
    timers: systemTimers,
    graph,
  });
  const server: Server = createServer(channel.handleWebhook);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;

  return {
    url,
    channel,
    engine: recording,
    graph,
    capture,
    async post(body, postOptions = {}) {
      const bytes = postOptions.raw ?? Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
      const signature = postOptions.signature === undefined ? signatureOf(bytes, APP_SECRET) : postOptions.signature;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(signature === null ? {} : { 'X-Hub-Signature-256': signature }) },
        body: bytes,
      });
      const text = await response.text();
      if (postOptions.wait !== false) await channel.idle();
      return { status: response.status, text };
    },
    async get(query) {
      const response = await fetch(`${url}?${query}`);
      return { status: response.status, text: await response.text() };
    },
    sends: () => graph.calls.flatMap((call) => (call.type === 'send' ? [{ to: call.to, message: call.message }] : [])),
    async abandon() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async close() {
      await channel.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.db) db.close();
    },
  };
}
