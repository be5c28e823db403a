import type { Clock } from './ports.js';

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: simulations and tests use it. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new RangeError(`Not a date: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError('A clock only moves forward');
    }
    this.current += milliseconds;
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
}
