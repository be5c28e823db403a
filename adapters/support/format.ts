/** Dates and times as the console shows them: Bogotá wall-clock time, day first. */
import { addDays, bogotaInstant, toBogotaIso } from '../../bot/calendar.js';

/** `2026-11-23T08:15:32-05:00` → `23/11/2026 08:15`. */
export function formatInstant(epochMs: number): string {
  const iso = toBogotaIso(new Date(epochMs));
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** `08:15:32`. */
export function formatClock(epochMs: number): string {
  return toBogotaIso(new Date(epochMs)).slice(11, 19);
}

/** `2026-11-23` → `23/11/2026`. */
export function formatDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** The value of an `<input type="datetime-local">` for an instant: `2026-11-23T08:15`. */
export function toLocalInput(epochMs: number): string {
  return toBogotaIso(new Date(epochMs)).slice(0, 16);
}

/** An `<input type="datetime-local">` value read as Bogotá time; `undefined` when not one. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}-05:00`);
  return Number.isNaN(time) ? undefined : time;
}

/** The instants a range of Bogotá days covers: from the first midnight to the one after the last day. */
export function dayRange(from: string, to: string): { from: number; to: number } {
  return { from: bogotaInstant(from, '00:00').getTime(), to: bogotaInstant(addDays(to, 1), '00:00').getTime() };
}

/** Whether a string is a real calendar day `YYYY-MM-DD`. */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
