/**
 * Outgoing WhatsApp messages at a human pace. WhatsApp flags accounts that fire messages like a
 * machine, so Lina leaves a gap between two messages to the same chat and keeps under a
 * ceiling per minute overall. Chats do not wait for one another's gaps; messages of one chat
 * keep their order.
 */
import type { Clock } from '../../bot/ports.js';
import type { Timers } from './timers.js';

const MINUTE_MS = 60_000;

export class PacerClosedError extends Error {
  override readonly name = 'PacerClosedError';
  readonly code = 'PACER_CLOSED';
}

export interface Pacer {
  /** Runs `send` for chat `jid` when the pace allows; settles as `send` does. */
  schedule(jid: string, send: () => Promise<unknown>): Promise<void>;
  /** Messages waiting their turn (not the one being sent). */
  pending(): number;
  /** Drops the waiting messages (they reject with `PacerClosedError`) and stops the timer. */
  close(): void;
}

interface Queued {
  jid: string;
  send: () => Promise<unknown>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function createPacer(options: { clock: Clock; timers: Timers; chatGapMs: number; maxPerMinute: number }): Pacer {
  const { clock, timers, chatGapMs, maxPerMinute } = options;
  const queue: Queued[] = [];
  /** When the last message to each chat finished sending. */
  const lastSentAt = new Map<string, number>();
  /** When each message of the last minute started sending, oldest first. */
  const recent: number[] = [];
  let sending = false;
  let closed = false;
  let timer: unknown;
  // A timer that fired at its due time proves that time has come, even on a clock that does
  // not move by itself (a manual clock in a demo): waits never repeat forever.
  let reached = 0;

  const now = () => Math.max(clock.now().getTime(), reached);

  function wakeAt(at: number, current: number) {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(
      () => {
        timer = undefined;
        reached = Math.max(reached, at);
        pump();
      },
      Math.max(0, at - current),
    );
  }

  /** The first message whose chat has nothing older waiting and whose gap has passed. */
  function nextReady(current: number): { index: number } | { wakeAt: number } | undefined {
    const seen = new Set<string>();
    let earliest = Infinity;
    for (const [index, item] of queue.entries()) {
      if (seen.has(item.jid)) continue;
      seen.add(item.jid);
      const readyAt = (lastSentAt.get(item.jid) ?? -Infinity) + chatGapMs;
      if (readyAt <= current) return { index };
      earliest = Math.min(earliest, readyAt);
    }
    return Number.isFinite(earliest) ? { wakeAt: earliest } : undefined;
  }

  function forgetOld(current: number) {
    while (recent.length > 0 && (recent[0] ?? 0) <= current - MINUTE_MS) recent.shift();
    if (lastSentAt.size > 1000) {
      for (const [jid, at] of lastSentAt) if (at + chatGapMs <= current) lastSentAt.delete(jid);
    }
  }

  function pump(): void {
    if (sending || closed || queue.length === 0) return;
    const current = now();
    forgetOld(current);
    if (recent.length >= maxPerMinute) return wakeAt((recent[0] ?? current) + MINUTE_MS, current);
    const next = nextReady(current);
    if (!next) return;
    if ('wakeAt' in next) return wakeAt(next.wakeAt, current);

    const [item] = queue.splice(next.index, 1);
    if (!item) return;
    sending = true;
    recent.push(current);
    const finish = () => {
      lastSentAt.set(item.jid, now());
      sending = false;
      pump();
    };
    Promise.resolve()
      .then(item.send)
      .then(
        () => {
          finish();
          item.resolve();
        },
        (error: unknown) => {
          finish();
          item.reject(error);
        },
      );
  }

  return {
    schedule(jid, send) {
      if (closed) return Promise.reject(new PacerClosedError('The WhatsApp channel is closed'));
      return new Promise<void>((resolve, reject) => {
        queue.push({ jid, send, resolve, reject });
        pump();
      });
    },
    pending: () => queue.length,
    close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      for (const item of queue.splice(0)) item.reject(new PacerClosedError('The WhatsApp channel is closed'));
    },
  };
}
