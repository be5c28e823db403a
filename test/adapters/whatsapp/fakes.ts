/**
 * Fakes for the WhatsApp adapter's tests: a socket that records what Lina does with it and
 * lets a test play WhatsApp's events, timers that run only when told (moving a manual clock),
 * and an engine that records what reaches it.
 */
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import type { WAMessage } from '@whiskeysockets/baileys';
import type { ManualClock } from '../../../bot/clock.js';
import { REDACTED_PATHS, type Logger } from '../../../bot/logger.js';
import type { Engine, InboundMessage, OutboundMessage } from '../../../bot/messages.js';
import type { SocketEventName, SocketEvents, SocketFactory, SocketListener, WAMessageKey, WhatsAppSocket } from '../../../adapters/whatsapp/socket.js';
import type { Timers } from '../../../adapters/whatsapp/timers.js';

/** One thing Lina did on a socket, in order. */
export type SocketAction =
  { type: 'read'; keys: WAMessageKey[] } | { type: 'presence'; presence: 'composing' | 'paused'; jid: string } | { type: 'send'; jid: string; text: string; at: number };

/** An error shaped like Baileys' Boom errors, which carry WhatsApp's code in `output`. */
export function disconnectError(statusCode: number): Error {
  return Object.assign(new Error(`Stream Errored (${statusCode})`), { output: { statusCode, payload: {} } });
}

export class FakeSocket implements WhatsAppSocket {
  readonly actions: SocketAction[] = [];
  readonly pairingCodeRequests: string[] = [];
  readonly ended: Array<Error | undefined> = [];
  pairingCode = 'LINA2026';
  failSend = false;
  private readonly listeners = new Map<SocketEventName, Set<(data: never) => void>>();

  constructor(private readonly clock: ManualClock) {}

  readonly ev = {
    on: <E extends SocketEventName>(event: E, listener: SocketListener<E>) => {
      const set = this.listeners.get(event) ?? new Set();
      set.add(listener);
      this.listeners.set(event, set);
    },
    off: <E extends SocketEventName>(event: E, listener: SocketListener<E>) => {
      this.listeners.get(event)?.delete(listener);
    },
  };

  emit<E extends SocketEventName>(event: E, data: SocketEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as SocketListener<E>)(data);
  }

  listenerCount(event: SocketEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  open(): void {
    this.emit('connection.update', { connection: 'open' });
  }

  showQr(qr: string): void {
    this.emit('connection.update', { qr });
  }

  closeWith(statusCode: number | undefined): void {
    this.emit('connection.update', {
      connection: 'close',
      lastDisconnect: { error: statusCode === undefined ? undefined : disconnectError(statusCode), date: this.clock.now() },
    });
  }

  /** Delivers messages as Baileys does: one `messages.upsert`. */
  receive(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.emit('messages.upsert', { messages, type });
  }

  sendMessage(jid: string, content: { text: string }): Promise<unknown> {
    if (this.failSend) return Promise.reject(new Error('Connection Closed'));
    this.actions.push({ type: 'send', jid, text: content.text, at: this.clock.now().getTime() });
    return Promise.resolve({ key: { remoteJid: jid, fromMe: true, id: `sent-${this.actions.length}` } });
  }

  sendPresenceUpdate(presence: 'composing' | 'paused', jid: string): Promise<void> {
    this.actions.push({ type: 'presence', presence, jid });
    return Promise.resolve();
  }

  readMessages(keys: WAMessageKey[]): Promise<void> {
    this.actions.push({ type: 'read', keys });
    return Promise.resolve();
  }

  requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingCodeRequests.push(phoneNumber);
    return Promise.resolve(this.pairingCode);
  }

  end(error: Error | undefined): void {
    this.ended.push(error);
  }

  sent(): Array<{ jid: string; text: string; at: number }> {
    return this.actions.flatMap((action) => (action.type === 'send' ? [action] : []));
  }
}

/** A socket factory that hands out fake sockets and keeps them, newest last. */
export function makeSocketFactory(clock: ManualClock): { create: SocketFactory; sockets: FakeSocket[]; latest(): FakeSocket } {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    create: () => {
      const socket = new FakeSocket(clock);
      sockets.push(socket);
      return Promise.resolve(socket);
    },
    latest() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('No socket was created');
      return socket;
    },
  };
}

interface Scheduled {
  handle: number;
  at: number;
  callback: () => void;
}

/** Timers that fire only when a test says so, moving the manual clock to their due time. */
export class FakeTimers implements Timers {
  /** Every delay asked for, in order. */
  readonly requested: number[] = [];
  private queue: Scheduled[] = [];
  private nextHandle = 1;

  constructor(private readonly clock: ManualClock) {}

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.requested.push(ms);
    this.queue.push({ handle, at: this.clock.now().getTime() + ms, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((timer) => timer.handle !== handle);
  }

  pending(): number {
    return this.queue.length;
  }

  /** Fires the earliest timer (moving the clock to it); false when none is left. */
  runNext(): boolean {
    const [next] = [...this.queue].sort((a, b) => a.at - b.at || a.handle - b.handle);
    if (!next) return false;
    this.queue = this.queue.filter((timer) => timer !== next);
    if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
    next.callback();
    return true;
  }
}

/** Lets promises and I/O callbacks run: a few turns of the event loop. */
export async function flush(rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round++) await nextTurn();
}

/**
 * Runs the world until `done` holds: lets pending work finish, then fires the next fake timer,
 * again and again. Work outside the event loop (zlib for a QR PNG, SQLite) gets real time too,
 * a few milliseconds at a time. Fails (rather than hangs) when `done` never holds.
 */
export async function runUntil(timers: FakeTimers, done: () => boolean, what = 'the expected state'): Promise<void> {
  let idle = 0;
  for (let step = 0; step < 5000; step++) {
    await flush();
    if (done()) return;
    if (timers.runNext()) {
      idle = 0;
      continue;
    }
    if (++idle > 1000) break;
    await sleep(5);
  }
  throw new Error(`Never reached ${what}`);
}

/** Runs every timer there is until nothing is left (for "nothing else happens" checks). */
export async function runAll(timers: FakeTimers): Promise<void> {
  for (let step = 0; step < 500; step++) {
    await flush();
    if (!timers.runNext()) return flush(100);
  }
  throw new Error('Timers never ran out');
}

/**
 * An engine that records every message and answers from a script: a menu to "hola", an error
 * to "boom", an echo otherwise; a repeated message id gets nothing, as the real engine does.
 */
export function makeRecordingEngine(): Engine & { received: InboundMessage[] } {
  const received: InboundMessage[] = [];
  const answered = new Set<string>();
  return {
    received,
    async handle(message) {
      received.push(message);
      await nextTurn();
      const key = `${message.userId}:${message.messageId}`;
      if (answered.has(key)) return [];
      answered.add(key);
      if (message.text === 'boom') throw new Error('database is locked');
      if (message.text === 'hola') {
        const menu: OutboundMessage[] = [
          { text: '¡Hola! Soy Lina.' },
          {
            text: '¿Qué quieres hacer?',
            options: [
              { label: 'Agendar cita', value: 'agendar' },
              { label: 'Consultar citas', value: 'consultar' },
            ],
          },
        ];
        return menu;
      }
      return [{ text: `Eco: ${message.text}` }];
    },
  };
}

/** A logger that keeps every line (as parsed JSON), to check what is logged and what is not. */
export function makeCapturingLogger(level = 'debug'): { logger: Logger; lines: Array<Record<string, unknown>>; text(): string } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines, text: () => lines.map((line) => JSON.stringify(line)).join('\n') };
}
