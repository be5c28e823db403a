/**
 * Caches that cannot grow without end: texts members type, slots the agenda offers or
 * parameters machines pass never make them larger than their limit.
 */

/** A map that forgets its oldest entries past `limit`. */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  /** Stores `value` as the newest entry and hands it back. */
  set(key: string, value: T): T {
    this.entries.delete(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

/** A bounded memo of a pure function of a string. A throw is not remembered. */
export function boundedMemo<T>(limit: number, compute: (key: string) => T): (key: string) => T {
  const cache = new BoundedCache<T>(limit);
  return (key) => cache.get(key) ?? cache.set(key, compute(key));
}
