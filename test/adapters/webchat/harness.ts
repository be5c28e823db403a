/**
 * Lina's web server as it runs in production, for the web chat tests: a real runtime (engine,
 * in-memory SQLite, the embedded agenda simulator over HTTP) and `startWebServer` on port 0,
 * plus small clients for the Direct Line REST API and its WebSocket stream.
 */
import assert from 'node:assert/strict';
import type { TestContext } from '../../support/test-context.js';
import { setTimeout as delay } from 'node:timers/promises';
import { WebSocket } from 'ws';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../bot/clock.js';
import { loadConfig, type Config } from '../../../bot/config.js';
import { silentLogger } from '../../../bot/logger.js';
import { startRuntime, type Runtime } from '../../../bot/main/runtime.js';
import { startWebServer, type WebServer, type WebServerOptions } from '../../../adapters/http/web-server.js';
import { createDirectLineStore } from '../../../data/webchat/directline.store.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';

/** Settings every web chat test starts from: nothing on disk, free ports. */
export const TEST_ENV = {
  LINA_DATABASE_PATH: ':memory:',
  AGENDA_SIMULATOR_PORT: '0',
  LINA_PORT: '0',
  LOG_LEVEL: 'silent',
} as const;

export interface Lina {
  config: Config;
  runtime: Runtime;
  clock: ManualClock;
  web: WebServer;
  directLine: DirectLineClient;
}

/** Starts a runtime and the web server over it; both stop when the test ends. */
export async function startLina(
  t: Pick<TestContext, 'after'>,
  options: { env?: Record<string, string>; server?: Partial<Omit<WebServerOptions, 'config' | 'engine' | 'directLineStore' | 'clock' | 'logger'>> } = {},
): Promise<Lina> {
  const config = loadConfig({ ...TEST_ENV, ...options.env });
  const clock = new ManualClock(FAKE_NOW);
  const runtime = await startRuntime({ config, clock, logger: silentLogger });
  const web = await startWebServer({ config, engine: runtime.engine, directLineStore: createDirectLineStore(runtime.db), clock, logger: silentLogger, ...options.server });
  t.after(async () => {
    await web.close();
    await runtime.close();
  });
  return { config, runtime, clock, web, directLine: directLineClient(web.url) };
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  from: { id: string; name?: string; role?: string };
  replyToId?: string;
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: Array<{ type: string; title: string; text?: string; displayText?: string; value?: unknown }> };
}

export interface ActivityGroup {
  activities: DirectLineActivity[];
  watermark: string;
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  streamUrl: string;
}

export type DirectLineClient = ReturnType<typeof directLineClient>;

/** Calls to `<base>/v3/directline` as Web Chat's DirectLineJS makes them. */
export function directLineClient(baseUrl: string) {
  const root = `${baseUrl}/v3/directline`;

  async function call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; json?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = options.raw;
    }
    const response = await fetch(`${root}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  return {
    call,
    generateToken: (json: unknown = {}) => call<{ conversationId: string; token: string; expires_in: number }>('POST', '/tokens/generate', { json }),
    /** A token and a started conversation (Lina has greeted by the time this returns). */
    async start(json: unknown = {}): Promise<StartedConversation> {
      const generated = await call<{ conversationId: string; token: string }>('POST', '/tokens/generate', { json });
      assert.equal(generated.status, 200);
      const started = await call<StartedConversation>('POST', '/conversations', { token: generated.body.token });
      assert.equal(started.status, 201);
      return started.body;
    },
    activities: (conversation: { conversationId: string; token: string }, watermark = '') =>
      call<ActivityGroup>('GET', `/conversations/${conversation.conversationId}/activities?watermark=${watermark}`, { token: conversation.token }),
    post: (conversation: { conversationId: string; token: string }, activity: unknown) =>
      call<{ id: string }>('POST', `/conversations/${conversation.conversationId}/activities`, { token: conversation.token, json: activity }),
    /** A member's message, as Web Chat sends it. */
    say: (conversation: { conversationId: string; token: string }, text: string, clientActivityID = `client-${Math.random().toString(36).slice(2)}`) =>
      call<{ id: string }>('POST', `/conversations/${conversation.conversationId}/activities`, {
        token: conversation.token,
        json: { type: 'message', text, from: { id: 'someone-else', role: 'user' }, channelData: { clientActivityID } },
      }),
  };
}

/** The texts of the bot's messages among `activities`. */
export function botTexts(activities: DirectLineActivity[]): string[] {
  return activities.filter((activity) => activity.type === 'message' && activity.from.role === 'bot').map((activity) => activity.text ?? '');
}

/** A WebSocket stream client that keeps every group it receives. */
export async function openStream(streamUrl: string): Promise<Stream> {
  const socket = new WebSocket(streamUrl);
  const groups: ActivityGroup[] = [];
  socket.on('message', (data) => {
    const text = (data as Buffer).toString(); // text frames arrive as a Buffer (ws's default binaryType)
    if (text) groups.push(JSON.parse(text) as ActivityGroup);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    groups,
    activities: () => groups.flatMap((group) => group.activities),
    async waitFor(predicate, what) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = groups.flatMap((group) => group.activities).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) assert.fail(`the stream never delivered ${what}; it delivered ${JSON.stringify(groups)}`);
        await delay(20);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

export interface Stream {
  groups: ActivityGroup[];
  activities(): DirectLineActivity[];
  waitFor(predicate: (activity: DirectLineActivity) => boolean, what: string): Promise<DirectLineActivity>;
  close(): Promise<void>;
}

/** Whether a stream URL is refused before the upgrade, and with which HTTP status. */
export function streamRefusal(streamUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(streamUrl);
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      socket.close();
      reject(new Error('the stream opened'));
    });
    socket.once('error', () => undefined);
  });
}

export interface RecordedReply {
  path: string;
  authorization: string | undefined;
  activity: { type: string; text?: string };
}

/** Stands in for a channel's Bot Connector (as Bot Framework Emulator does): records what the bot sends. */
export async function startChannelConnector(t: TestContext) {
  const replies: RecordedReply[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      replies.push({ path: req.url ?? '', authorization: req.headers.authorization, activity: JSON.parse(body || '{}') as RecordedReply['activity'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    replies,
    messages: () => replies.filter((reply) => reply.activity.type === 'message').map((reply) => reply.activity),
  };
}
