/**
 * A support console on a real HTTP server (port 0) over an in-memory database, with a
 * manual clock and the fake agenda, and a client that keeps cookies like a browser.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { hashPassword } from '../../../adapters/support/passwords.js';
import { createSupportConsole, type SupportConsoleOptions } from '../../../adapters/support/support-console.js';
import { ManualClock } from '../../../bot/clock.js';
import { silentLogger } from '../../../bot/logger.js';
import { createConsoleStores } from '../../../bot/main/support-stores.js';
import type { FailureNoticeStore } from '../../../bot/ports/support/failure-notices.js';
import type { SupportRole } from '../../../bot/ports/support/users.js';
import { openDatabase, type SqliteDatabase } from '../../../data/database.js';
import { createFailureNoticeStore } from '../../../data/support/failure-notice.store.js';
import { FAKE_NOW, createFakeAgenda, type FakeAgenda } from '../../fakes/agenda.fake.js';

export const PASSWORD = 'una clave larga y segura';

/** The three accounts every console test signs in with. */
export const STAFF: Record<SupportRole, string> = { agent: 'ana.asesora', supervisor: 'sergio.supervisor', analyst: 'andrea.analista' };

export interface ConsoleHarness {
  url: string;
  db: SqliteDatabase;
  clock: ManualClock;
  agenda: FakeAgenda;
  notices: FailureNoticeStore;
  circuit: { open: boolean; since?: Date };
  exported: string[];
  close(): Promise<void>;
}

let cachedHash: string | undefined;

/** One scrypt hash for every test account: hashing is deliberately slow. */
export async function testPasswordHash(): Promise<string> {
  cachedHash ??= await hashPassword(PASSWORD);
  return cachedHash;
}

export async function startConsole(overrides: Partial<SupportConsoleOptions> = {}): Promise<ConsoleHarness> {
  const db = openDatabase(':memory:');
  const clock = new ManualClock(FAKE_NOW);
  const agenda = createFakeAgenda({ clock });
  const notices = createFailureNoticeStore(db);
  const stores = createConsoleStores(db, notices);
  const passwordHash = await testPasswordHash();
  for (const [role, name] of Object.entries(STAFF)) stores.users.create({ name, role: role as SupportRole, passwordHash, now: clock.now().getTime() });
  const circuit: { open: boolean; since?: Date } = { open: false };
  const exported: string[] = [];
  const handler = createSupportConsole({
    stores,
    clock,
    logger: silentLogger,
    agenda,
    exportTranscript: (conversationId) => {
      exported.push(conversationId);
      return [{ type: 'message', from: { role: 'user' }, text: 'hola', conversation: { id: conversationId } }];
    },
    agendaCircuit: () => ({ ...circuit }),
    ...overrides,
  });
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/support')) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    clock,
    agenda,
    notices,
    circuit,
    exported,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
  buffer: Buffer;
}

/** A browser-like client: keeps cookies, never follows redirects on its own. */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string | string[]>; body?: string | FormData; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    let body: string | FormData | undefined = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(init.form)) for (const item of [value].flat()) params.append(name, item);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(`${this.base}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const buffer = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body: buffer.toString('utf8'), buffer };
  }

  get(path: string): Promise<Reply> {
    return this.request(path);
  }

  /** Posts a form, adding the CSRF token of the page it came from unless told not to. */
  async post(path: string, form: Record<string, string | string[]>, options: { csrf?: string | false } = {}): Promise<Reply> {
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    return this.request(path, { method: 'POST', form: token ? { _csrf: token, ...form } : form });
  }

  /** The CSRF token of the last signed-in page seen. */
  csrf: string | undefined;

  async page(path: string): Promise<Reply> {
    const reply = await this.get(path);
    const token = /name="_csrf" value="([^"]+)"/.exec(reply.body)?.[1];
    if (token) this.csrf = token;
    return reply;
  }

  async signIn(name: string, password = PASSWORD): Promise<Reply> {
    const form = await this.get('/support/login');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const reply = await this.request('/support/login', { method: 'POST', form: { _csrf: token, name, password } });
    if (reply.status === 303) await this.page(reply.headers.get('location') ?? '/support/');
    return reply;
  }
}

/** Signs a new client in as the given role. */
export async function signedIn(harness: ConsoleHarness, role: SupportRole): Promise<ConsoleClient> {
  const client = new ConsoleClient(harness.url);
  const reply = await client.signIn(STAFF[role]);
  if (reply.status !== 303) throw new Error(`sign-in as ${role} failed with ${reply.status}`);
  return client;
}

/** Writes a conversation the way the engine does: row, transcript, events, subjects. */
export function seedConversation(
  db: SqliteDatabase,
  conversation: {
    id: string;
    channel?: string;
    userId?: string;
    site?: string | null;
    startedAt: number;
    outcome?: string | null;
    lines?: Array<{ direction: 'in' | 'out'; text: string; options?: string[]; state?: string; at?: number; messageId?: string }>;
    events?: Array<{ type: string; detail?: string; at?: number }>;
    subjects?: Array<{ kind: 'phone' | 'document' | 'radicado'; value: string }>;
  },
): void {
  const { id, startedAt } = conversation;
  db.prepare('INSERT INTO conversations (id, channel, user_id, site, started_at, updated_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    conversation.channel ?? 'whatsapp',
    conversation.userId ?? `user-${id}`,
    conversation.site ?? null,
    startedAt,
    startedAt,
    conversation.outcome ?? null,
  );
  const line = db.prepare('INSERT INTO transcript (conversation_id, direction, text, options, state, message_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const each of conversation.lines ?? []) {
    line.run(id, each.direction, each.text, each.options ? JSON.stringify(each.options) : null, each.state ?? null, each.messageId ?? null, each.at ?? startedAt);
  }
  const event = db.prepare('INSERT INTO conversation_events (conversation_id, type, detail, at) VALUES (?, ?, ?, ?)');
  for (const each of conversation.events ?? []) event.run(id, each.type, each.detail ?? null, each.at ?? startedAt);
  const subject = db.prepare('INSERT INTO conversation_subjects (conversation_id, kind, value) VALUES (?, ?, ?)');
  for (const each of conversation.subjects ?? []) subject.run(id, each.kind, each.value);
}
