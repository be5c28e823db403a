/**
 * What Lina's chrono-node parsers and refiners share (see `when.ts`): the band type and the tags
 * results carry, the weekday and month words, the option that makes a bare "mañana" a band, the
 * calendar in Bogotá, word boundaries, and telling the bare word "mañana" (tomorrow or the
 * morning band) apart.
 */
import type { Parser, ParsingComponents, ParsingContext, ParsingOption, ParsingResult } from 'chrono-node';

export type Band = 'manana' | 'tarde' | 'cualquiera';

/** Bogotá is UTC-5 all year (no daylight saving time). */
export const BOGOTA_OFFSET_MINUTES = -300;
const DAY_MS = 86_400_000;

export const BAND_TAG = { manana: 'lina/band/manana', tarde: 'lina/band/tarde', cualquiera: 'lina/band/cualquiera' } as const satisfies Record<Band, string>;
/** A band the member rules out: "en la mañana no puedo" asks for the afternoon. */
export const NOT_BAND_TAG = { manana: 'lina/notband/manana', tarde: 'lina/notband/tarde' } as const;
/** A result that must not count as a day ("en 2 horas"): chrono's relative times. */
export const RELATIVE_TIME_TAG = 'result/relativeDateAndTime';

export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['domingo', 0],
  ['lunes', 1],
  ['martes', 2],
  ['miercoles', 3],
  ['miercole', 3],
  ['mircoles', 3],
  ['jueves', 4],
  ['juebes', 4],
  ['juevez', 4],
  ['viernes', 5],
  ['vierne', 5],
  ['biernes', 5],
  ['bierne', 5],
  ['sabado', 6],
  ['savado', 6],
  // "¿Atienden los sábados?": the plural, which the speller leaves as written.
  ['sabados', 6],
  ['domingos', 0],
  // Abbreviations typed in a hurry: "vier", "juev", "mier", "sab".
  ['lun', 1],
  ['mie', 3],
  ['mier', 3],
  ['mierc', 3],
  ['juev', 4],
  ['vier', 5],
  ['sab', 6],
]);
/** Longest first: "sabados" is tried before "sabado" (a match must end a word). */
export const WEEKDAY = `(${[...WEEKDAYS.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const FULL_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ...FULL_MONTHS.map((name, index) => [name, index + 1] as const),
  ['setiembre', 9],
  ['ene', 1],
  ['feb', 2],
  ['mar', 3],
  ['abr', 4],
  ['jun', 6],
  ['jul', 7],
  ['ago', 8],
  ['sept', 9],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dic', 12],
]);
export const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
export const FULL_MONTH = `(${[...FULL_MONTHS, 'setiembre'].join('|')})`;
/** The first of the month, as members write it. */
export const DAY_OF_MONTH = `(\\d{1,2}|1ro|1ero|1er|1o|primero)`;

export interface LinaParsingOption extends ParsingOption {
  mananaIsBand?: boolean;
  /** The question shows times to pick from (the slots): "las 2" is the one at two, not "both". */
  timesShown?: boolean;
  /**
   * An offer of the other band is answered ("¿Busco en la tarde?"): a band said busy there ("no, en la tarde
   * trabajo") is ruled out. Elsewhere a busy band is the reason for the one asked for, and the ladder still
   * offers it (contract point 9).
   */
  busyRulesOut?: boolean;
}

// ————— calendar in Bogotá —————

export interface CivilDay {
  year: number;
  month: number;
  day: number;
  /** 0 (Sunday) … 6. */
  weekday: number;
}

/** The Bogotá calendar day of an instant. */
export function bogotaDay(instant: Date): CivilDay {
  return civilDay(new Date(instant.getTime() + BOGOTA_OFFSET_MINUTES * 60_000));
}

function civilDay(utc: Date): CivilDay {
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate(), weekday: utc.getUTCDay() };
}

export function addDays(day: CivilDay, days: number): CivilDay {
  return civilDay(new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS));
}

export function daysBetween(from: CivilDay, to: CivilDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS);
}

export function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The next day numbered `dayOfMonth` from `today` on (this month, or one of the next two), if any. */
export function upcomingDayOfMonth(today: CivilDay, dayOfMonth: number): { year: number; month: number; day: number } | undefined {
  for (let ahead = 0; ahead < 3; ahead++) {
    const month = ((today.month - 1 + ahead) % 12) + 1;
    const year = today.year + Math.floor((today.month - 1 + ahead) / 12);
    if (!isRealDay(year, month, dayOfMonth)) continue;
    if (ahead === 0 && dayOfMonth < today.day) continue;
    return { year, month, day: dayOfMonth };
  }
  return undefined;
}

/**
 * "Martes 9" where the next 9th is no Tuesday: the number is not a day of the month. Said of
 * numbers that may be an hour (1 to 12); "martes 25" stays the 25th.
 */
export function weekdayDisagrees(today: CivilDay, weekday: number, number: number): boolean {
  if (number < 1 || number > 12) return false;
  const day = upcomingDayOfMonth(today, number);
  return day === undefined || new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() !== weekday;
}

/** The weekday's next occurrence strictly after `today`. */
export function nextWeekday(today: CivilDay, weekday: number): CivilDay {
  return addDays(today, ((weekday - today.weekday + 6) % 7) + 1);
}

/** The Monday of next week (weeks run Monday to Sunday). */
export function nextWeekMonday(today: CivilDay): CivilDay {
  return addDays(today, 7 - ((today.weekday + 6) % 7));
}

export function today(context: ParsingContext): CivilDay {
  return bogotaDay(context.reference.instant);
}

export function dayComponents(context: ParsingContext, day: CivilDay): ParsingComponents {
  return context.createParsingComponents({ year: day.year, month: day.month, day: day.day });
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The year in which a day and month without year come next (today included). */
export function upcomingYear(now: CivilDay, month: number, day: number): number {
  return month > now.month || (month === now.month && day >= now.day) ? now.year : now.year + 1;
}

// ————— word boundaries (chrono searches again from inside a text it cut) —————

const LETTER_OR_DIGIT = /[a-z0-9]/;

export function startsWord(text: string, index: number): boolean {
  return index === 0 || !LETTER_OR_DIGIT.test(text.charAt(index - 1));
}

export function endsWord(text: string, end: number): boolean {
  return end >= text.length || !LETTER_OR_DIGIT.test(text.charAt(end));
}

export function before(context: ParsingContext, index: number): string {
  return context.text.slice(Math.max(0, index - 40), index);
}

export function after(context: ParsingContext, index: number): string {
  return context.text.slice(index, index + 40);
}

// ————— "mañana": tomorrow or the morning band —————

/** "la mañana", "en la mañana", "esta mañana", "pasado mañana", "una mañana": never tomorrow by itself. */
export const MORNING_ARTICLE = /(?:^|[^a-z])(?:la|las|esta|pasado|una)\s+$/;
/** What makes "mañana" tomorrow even when the question was the band: "mañana en la tarde", "mañana a las 3". */
const TOMORROW_CONTINUES = /^\s+(?:mismo|temprano|tempranito|en\s+la|por\s+la|a\s+las?|a\s+eso|tipo|como\s+a|despues|antes|tarde|al\s+medio|\d)/;

/** Whether the bare word "mañana" at `index` is the morning band rather than tomorrow. */
export function bareMananaIsBand(context: ParsingContext, index: number, length: number): boolean {
  if (!(context.option as LinaParsingOption).mananaIsBand) return false;
  // ("Para mañana", "pa mañana": the day it is for, tomorrow.)
  // ("La que sea pero mañana", "hasta mañana": the day.)
  if (/(?:^|\s)(?:para|pa|pero|hasta|desde)\s+$/.test(context.text.slice(0, index))) return false;
  return !TOMORROW_CONTINUES.test(after(context, index + length));
}

/** A parser whose matches count only as whole words ("3" inside "13" is no time); each reads a match from where it stands. */
export abstract class WholeWordParser implements Parser {
  protected abstract readonly regex: RegExp;

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    return startsWord(context.text, index) && endsWord(context.text, end) ? this.read(context, match, index, end) : null;
  }

  protected abstract read(context: ParsingContext, match: RegExpMatchArray, index: number, end: number): ParsingResult | null;
}
