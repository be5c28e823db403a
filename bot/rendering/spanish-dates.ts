/**
 * Days and times as members read them, in Bogotá: "lunes 30 de noviembre" (with the year when
 * it is not the current one) and "2:40 p. m." (contract point 15).
 */
import { boundedMemo } from './bounded-cache.js';

const LOCALE = 'es-CO';
const TIME_ZONE = 'America/Bogota';

const dayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' });
const yearFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit', hour12: true });
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NARROW_SPACES = /[\u00a0\u202f]/g;

/** A day in Bogotá, without and with its year: what `formatDay` picks from once it knows `now`. */
interface CalendarDay {
  day: string;
  year: string;
}

function calendarDayOf(date: Date): CalendarDay {
  let weekday: string | undefined;
  let day: string | undefined;
  let month: string | undefined;
  for (const part of dayFormat.formatToParts(date)) {
    // The first part of each type, as a lookup by type would find.
    if (part.type === 'weekday') weekday ??= part.value;
    else if (part.type === 'day') day ??= part.value;
    else if (part.type === 'month') month ??= part.value;
  }
  return { day: `${weekday ?? ''} ${day ?? ''} de ${month ?? ''}`, year: yearFormat.format(date) };
}

/** Slots and appointments come back turn after turn with the same instants: format each once. */
const calendarDayOfInstant = boundedMemo(4096, (instant) => calendarDayOf(BARE_DATE.test(instant) ? new Date(`${instant}T12:00:00-05:00`) : new Date(instant)));
const timeOfInstant = boundedMemo(4096, (instant) => formatTimeOf(new Date(instant)));
/** Every text of a turn asks with the same `now`: its year is worked out once. */
const yearOfTime = boundedMemo(64, (time) => yearFormat.format(new Date(Number(time))));

function formatTimeOf(date: Date): string {
  return timeFormat.format(date).replace(NARROW_SPACES, ' ');
}

/** The year of `now` in Bogotá ("2026"). */
export function yearOf(now: Date): string {
  return yearOfTime(String(now.getTime()));
}

/**
 * "lunes 30 de noviembre", with the year when it is not the current one. A bare date
 * (`2026-11-30`) is read as that day in Bogotá, not as UTC midnight.
 */
export function formatDay(instant: Date | string, now: Date): string {
  const { day, year } = typeof instant === 'string' ? calendarDayOfInstant(instant) : calendarDayOf(new Date(instant));
  return year === yearOf(now) ? day : `${day} de ${year}`;
}

/** "2:40 p. m.", with plain spaces so it reads the same everywhere. */
export function formatTime(instant: Date | string): string {
  return typeof instant === 'string' ? timeOfInstant(instant) : formatTimeOf(new Date(instant));
}

/** The text with a capital first letter, as Spanish writes the start of a line. */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase(LOCALE) + text.slice(1);
}
