/**
 * The shape of the agenda in time: which instants a slot can start at, and which of them a
 * service may book given the clock. Pure: who holds a slot is the store's business.
 */
import { addBusinessDays, bogotaDate, bogotaInstant, bogotaTime, isBusinessDay } from '../../bot/calendar.js';
import { serviceOf, type Cups, type Franja } from '../../bot/domain.js';

export const SLOT_MINUTES = 20;
/** How far ahead the agenda is open, in calendar days from "now". */
export const HORIZON_DAYS = 14;

const SLOT_MS = SLOT_MINUTES * 60 * 1000;
const HORIZON_MS = HORIZON_DAYS * 24 * 60 * 60 * 1000;
/** Opening hours: the first slot starts at 07:00, the last one ends at 17:00. */
const FIRST_START = '07:00';
const SLOTS_PER_DAY = ((17 - 7) * 60) / SLOT_MINUTES;
const SLOT_ID_PATTERN = /^(.+)-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** Every slot start of a working day, earliest first; none on weekends and holidays. */
export function slotStartsOn(date: string): Date[] {
  if (!isBusinessDay(date)) return [];
  const first = bogotaInstant(date, FIRST_START).getTime();
  return Array.from({ length: SLOTS_PER_DAY }, (_, index) => new Date(first + index * SLOT_MS));
}

/** A slot start of the grid with its band. */
export interface GridSlot {
  /** Shared between searches: read it, never change it. */
  readonly start: Date;
  readonly franja: Franja;
}

/**
 * `slotStartsOn(date)` with each slot's band, worked out once per day and remembered: every
 * search walks the same few days, and telling the band from a `Date` costs a string
 * conversion per slot.
 */
export function gridOf(date: string): readonly GridSlot[] {
  let grid = grids.get(date);
  if (!grid) {
    grid = slotStartsOn(date).map((start) => ({ start, franja: franjaOf(start) }));
    if (grids.size >= MAX_REMEMBERED_DAYS) grids.clear();
    grids.set(date, grid);
  }
  return grid;
}

const grids = new Map<string, readonly GridSlot[]>();
/** A search looks at most a horizon ahead; a few horizons' worth of days is plenty (~2 KB a day). */
const MAX_REMEMBERED_DAYS = 4 * HORIZON_DAYS;

/** Whether `start` is one of `slotStartsOn(date)`, without building the day's slots. */
function isSlotStart(date: string, start: Date): boolean {
  if (!isBusinessDay(date)) return false;
  const index = (start.getTime() - bogotaInstant(date, FIRST_START).getTime()) / SLOT_MS;
  return Number.isInteger(index) && index >= 0 && index < SLOTS_PER_DAY;
}

export function slotEnd(start: Date): Date {
  return new Date(start.getTime() + SLOT_MS);
}

/** Morning (`manana`) before 12:00 Bogotá time, afternoon (`tarde`) from 12:00. */
export function franjaOf(start: Date): Franja {
  return bogotaTime(start) < '12:00' ? 'manana' : 'tarde';
}

/** Stable and opaque to clients, readable in logs: `doc-suba-mg1-202611241400`. */
export function slotIdOf(doctorId: string, start: Date): string {
  return `${doctorId}-${bogotaDate(start).replaceAll('-', '')}${bogotaTime(start).replace(':', '')}`;
}

/** The doctor and start a slot id names, or `undefined` when it is not a slot of the grid. */
export function parseSlotId(slotId: string): { doctorId: string; start: Date } | undefined {
  const match = SLOT_ID_PATTERN.exec(slotId);
  if (!match) return undefined;
  const [, doctorId = '', year, month, day, hour, minute] = match;
  const date = `${year}-${month}-${day}`;
  let start: Date;
  try {
    start = bogotaInstant(date, `${hour}:${minute}`);
  } catch {
    return undefined;
  }
  return isSlotStart(date, start) ? { doctorId, start } : undefined;
}

/** The last instant a slot may start at: `now` plus the horizon. */
export function horizonEnd(now: Date): Date {
  return new Date(now.getTime() + HORIZON_MS);
}

/**
 * Whether a slot starting at `start` may be booked for `cups` now: strictly in the future, within
 * the horizon, and for "no programada" services only today or on the next working day.
 */
export function isWithinBookingWindow(cups: Cups, start: Date, now: Date): boolean {
  return isInBookingWindow(bookingWindowOf(cups, now), start);
}

/** `isWithinBookingWindow`'s rule worked out once for `cups` and `now`, for a search to apply to each slot. */
export interface BookingWindow {
  /** Slots must start strictly after this instant (ms). */
  after: number;
  /** ... and at the latest at this one (ms). */
  until: number;
  /** The only Bogotá days allowed, for "no programada" services. */
  days?: readonly string[];
}

/** The booking window of `cups` as of `now`. */
export function bookingWindowOf(cups: Cups, now: Date): BookingWindow {
  const window = { after: now.getTime(), until: horizonEnd(now).getTime() };
  if (serviceOf(cups).visitType !== 'no_programada') return window;
  const today = bogotaDate(now);
  return { ...window, days: [today, addBusinessDays(today, 1)] };
}

/** Whether a slot starting at `start` falls within `window`. */
export function isInBookingWindow(window: BookingWindow, start: Date): boolean {
  const ms = start.getTime();
  // A slot that starts now is already under way: only later ones can be booked.
  if (!(ms > window.after && ms <= window.until)) return false;
  return window.days === undefined || window.days.includes(bogotaDate(start));
}
