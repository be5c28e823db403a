/**
 * A fixed-window counter per address: enough to keep one client from flooding the routes that
 * start conversations (each one costs a bot turn, database rows, or an Azure token).
 * `true` while the address is within `perMinute` in the current minute.
 */
export function createRateLimit(perMinute: number, now: () => number = Date.now): (address: string) => boolean {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return (address) => {
    const at = now();
    if (at - windowStart >= 60_000) {
      windowStart = at;
      counts = new Map();
    }
    const count = (counts.get(address) ?? 0) + 1;
    counts.set(address, count);
    return count <= perMinute;
  };
}
