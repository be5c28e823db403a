/**
 * What the engine keeps about senders between turns to decide whether a message is let in:
 * the answers this process already gave, and how fast each sender writes.
 */

/** The most recent `capacity` keys added; older ones are forgotten first. */
export function createRecentSet(capacity: number) {
  const keys = new Set<string>();
  return {
    add(key: string) {
      keys.add(key);
      if (keys.size > capacity) keys.delete(keys.values().next().value as string);
    },
    has: (key: string) => keys.has(key),
  };
}

export type RateDecision = 'allowed' | 'warn' | 'drop';

/**
 * A sliding one-minute window per sender. `warn` is the first message over the limit in a
 * window (it gets the polite answer); `drop` the ones after it.
 */
export function createRateLimiter(perMinute: number) {
  const windows = new Map<string, { times: number[]; warned: boolean }>();
  let sweptAt = 0;
  return {
    take(sender: string, now: number): RateDecision {
      if (now - sweptAt > 60_000) {
        for (const [key, window] of windows) if ((window.times.at(-1) ?? 0) <= now - 60_000) windows.delete(key);
        sweptAt = now;
      }
      const window = windows.get(sender) ?? { times: [], warned: false };
      windows.set(sender, window);
      while (window.times.length && (window.times[0] ?? 0) <= now - 60_000) window.times.shift();
      if (window.times.length < perMinute) {
        window.times.push(now);
        window.warned = false;
        return 'allowed';
      }
      if (window.warned) return 'drop';
      window.warned = true;
      return 'warn';
    },
  };
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Control characters (other than tab and line breaks) mean nothing in a chat: they are dropped. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}
