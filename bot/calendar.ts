/**
 * Bogotá time and Colombian business days (días hábiles).
 *
 * Pure functions over `YYYY-MM-DD` strings; instants are `Date`s. Colombia has used UTC-5
 * all year since 1993, so a fixed offset is exact and needs no time-zone database.
 *
 * The holidays are date-holidays' (Colombia's rules). Loading date-holidays takes ~0.35 s of
 * CPU (every country's data, then a rule parser that brings moment-timezone and astronomia),
 * and the embedded agenda needs holidays to seed its world before Lina listens. So the build
 * (`scripts/build.mjs`, run by `npm start` and at install) writes what date-holidays says for
 * Colombia over a span of years to a table, and date-holidays itself loads only for a year
 * outside it, or when there is no table (tests run from source) or it came from another
 * version of date-holidays.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The IANA zone every time in the program is expressed in. */
export const BOGOTA_TZ = 'America/Bogota';

const BOGOTA_OFFSET = '-05:00';
const BOGOTA_OFFSET_MS = -5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The calendar day of an instant in Bogotá, `YYYY-MM-DD`. */
export function bogotaDate(instant: Date): string {
  return shiftToBogota(instant).slice(0, 10);
}

/** The wall-clock time of an instant in Bogotá, `HH:mm`. */
export function bogotaTime(instant: Date): string {
  return shiftToBogota(instant).slice(11, 16);
}

/** The instant at which Bogotá's clocks show `time` (`HH:mm`) on `date`. */
export function bogotaInstant(date: string, time: string): Date {
  assertDate(date);
  if (!TIME_PATTERN.test(time)) throw new RangeError(`Not a HH:mm time: ${time}`);
  return new Date(`${date}T${time}:00${BOGOTA_OFFSET}`);
}

/** ISO-8601 with the Bogotá offset and whole seconds, e.g. `2026-11-24T07:00:00-05:00`. */
export function toBogotaIso(instant: Date): string {
  return `${shiftToBogota(instant).slice(0, 19)}${BOGOTA_OFFSET}`;
}

/** Whether `date` is a Colombian public holiday (festivo). */
export function isHoliday(date: string): boolean {
  assertDate(date);
  return holidaysOf(Number(date.slice(0, 4))).has(date);
}

/** Monday to Friday and not a public holiday. */
export function isBusinessDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isHoliday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string): string {
  return addBusinessDays(date, 1);
}

/**
 * The `n`-th business day after `date`, counting from the day after it (the RISS rule: a case
 * filed on Monday 2026-11-23 is due 5 business days later, on Monday 2026-11-30).
 * `n = 0` gives `date` back unchanged.
 */
export function addBusinessDays(date: string, n: number): string {
  assertDate(date);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a business-day count: ${n}`);
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) counted += 1;
  }
  return day;
}

/** `date` moved by `n` calendar days (negative goes back). */
export function addDays(date: string, n: number): string {
  assertDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every public holiday of `year` in Colombia, sorted, `YYYY-MM-DD`. */
export function colombianHolidays(year: number): string[] {
  return [...holidaysOf(year)];
}

/** Age in whole years on `date`; the birthday itself counts (born 2008-05-05 → 18 on 2026-05-05). */
export function ageOn(birthDate: string, date: string): number {
  assertDate(birthDate);
  assertDate(date);
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // `MM-DD` strings compare in calendar order; someone born on 29 February turns a year older
  // on 1 March in common years.
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** One day date-holidays gives for Colombia: the day, its type (`public`, `observance`) and its rule. */
export interface HolidayEntry {
  date: string;
  type: string;
  rule: string;
}

/** date-holidays' entries for Colombia per year, as the build writes them (`[date, type, rule]`). */
export interface HolidayTable {
  format: typeof HOLIDAY_TABLE_FORMAT;
  /** The versions that computed it: with any other installed, the table is not used. */
  versions: HolidaySourceVersions;
  years: Record<string, Array<[date: string, type: string, rule: string]>>;
}

export interface HolidaySourceVersions {
  dateHolidays: string;
  dateHolidaysParser: string;
}

export const HOLIDAY_TABLE_FORMAT = 1;
/** Where the build writes the table: dist/, at the project root, like the compiled code. */
export const HOLIDAY_TABLE_FILE = new URL('../dist/colombian-holidays.json', import.meta.url);
/** The years the build's table covers: appointments and RISS cases fall days or months from now. */
export const HOLIDAY_TABLE_YEARS = { from: 2020, to: 2060 } as const;

/** date-holidays' entries for each year of `years`: what the build writes (slow: loads date-holidays). */
export function buildHolidayTable(years: { from: number; to: number } = HOLIDAY_TABLE_YEARS): HolidayTable {
  const entries: HolidayTable['years'] = {};
  for (let year = years.from; year <= years.to; year++) {
    entries[year] = dateHolidaysEntries(year).map(({ date, type, rule }) => [date, type, rule]);
  }
  return { format: HOLIDAY_TABLE_FORMAT, versions: installedHolidaySourceVersions(), years: entries };
}

/** The table in `file` when the installed date-holidays computed it; `undefined` when absent or not. */
export function readHolidayTable(file: URL | string): HolidayTable | undefined {
  let table: HolidayTable;
  try {
    table = JSON.parse(readFileSync(file, 'utf8')) as HolidayTable;
  } catch {
    return undefined;
  }
  const installed = installedHolidaySourceVersions();
  const current =
    table.format === HOLIDAY_TABLE_FORMAT && table.versions?.dateHolidays === installed.dateHolidays && table.versions?.dateHolidaysParser === installed.dateHolidaysParser;
  return current ? table : undefined;
}

const require = createRequire(import.meta.url);
/** `null`: looked for, and there is none that can be used. */
let holidayTable: HolidayTable | null | undefined;
let dateHolidays: { getHolidays(year: number): Array<{ date: string; type: string; rule: string }> } | undefined;
const holidayCache = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const days = holidayEntries(year)
      // date-holidays marks Easter Sunday as public, but Ley 51 de 1983 does not make it a
      // festivo (it is a Sunday anyway); `observance` days (Palm Sunday) are not days off.
      .filter((holiday) => holiday.type === 'public' && holiday.rule !== 'easter')
      .map((holiday) => holiday.date);
    const chiquinquira = virgenDeChiquinquira(year);
    if (chiquinquira) days.push(chiquinquira);
    holidays = new Set(days.sort());
    holidayCache.set(year, holidays);
  }
  return holidays;
}

function holidayEntries(year: number): HolidayEntry[] {
  if (holidayTable === undefined) holidayTable = readHolidayTable(HOLIDAY_TABLE_FILE) ?? null;
  const stored = holidayTable?.years[year];
  return stored ? stored.map(([date, type, rule]) => ({ date, type, rule })) : dateHolidaysEntries(year);
}

/** What date-holidays itself says for Colombia in `year`; loads it (synchronously) on first use. */
function dateHolidaysEntries(year: number): HolidayEntry[] {
  if (!dateHolidays) {
    const Holidays = require('date-holidays') as typeof import('date-holidays').default;
    dateHolidays = new Holidays('CO');
  }
  return dateHolidays.getHolidays(year).map(({ date, type, rule }) => ({ date: date.slice(0, 10), type, rule }));
}

function installedHolidaySourceVersions(): HolidaySourceVersions {
  const dateHolidaysManifest = require.resolve('date-holidays/package.json');
  // The parser is date-holidays' dependency: resolved from where date-holidays is.
  const parserManifest = createRequire(dateHolidaysManifest).resolve('date-holidays-parser/package.json');
  return { dateHolidays: versionIn(dateHolidaysManifest), dateHolidaysParser: versionIn(parserManifest) };
}

function versionIn(manifest: string): string {
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Ley 2578 de 2026 makes 9 July (Virgen de Chiquinquirá) a holiday from 2026, moved to the
 * following Monday as Ley 51 de 1983 does (2026-07-13). date-holidays 3.37 already has it;
 * it is kept here so an older data package cannot silently drop it (duplicates collapse).
 */
function virgenDeChiquinquira(year: number): string | undefined {
  if (year < 2026) return undefined;
  const ninth = `${year}-07-09`;
  const daysToMonday = (8 - dayOfWeek(ninth)) % 7;
  return addDays(ninth, daysToMonday);
}

/** 0 = Sunday ... 6 = Saturday. */
function dayOfWeek(date: string): number {
  assertDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function shiftToBogota(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  return new Date(instant.getTime() + BOGOTA_OFFSET_MS).toISOString();
}

function assertDate(date: string): void {
  // The round trip rejects impossible days such as 2026-02-30.
  const time = DATE_PATTERN.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  const valid = !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
  if (!valid) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}
