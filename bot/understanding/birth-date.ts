/**
 * A member's date of birth, however it is written or dictated: 15/03/1994, 15-3-94, 15031994,
 * "15 de marzo del 94", "marzo 15 de 1994", "quince de marzo de mil novecientos noventa y
 * cuatro", inside a sentence. Day first always (Colombia), except year-first ISO.
 */
import { normalizeText } from '../../dialogs/text.js';
import { digitsFromWords, numberFromWords } from './numbers.js';

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['enero', 1],
  ['ene', 1],
  ['febrero', 2],
  ['feb', 2],
  ['marzo', 3],
  ['mzo', 3],
  ['mar', 3],
  ['abril', 4],
  ['abr', 4],
  ['mayo', 5],
  ['may', 5],
  ['junio', 6],
  ['jun', 6],
  ['julio', 7],
  ['jul', 7],
  ['agosto', 8],
  ['ago', 8],
  ['septiembre', 9],
  ['setiembre', 9],
  ['sept', 9],
  ['sep', 9],
  ['octubre', 10],
  ['oct', 10],
  ['noviembre', 11],
  ['nov', 11],
  ['diciembre', 12],
  ['dic', 12],
]);
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
/** The first of the month, as members write it. */
const DAY = `(\\d{1,2}|1ro|1ero|1er|1o|1°|1º|primero)`;
const YEAR = `(\\d{4}|\\d{2})`;
const NOT_AFTER = `(?<![\\p{L}\\p{N}/.,-])`;
const NOT_BEFORE = `(?![\\p{L}\\p{N}]|[/.,-]\\d)`;

/** 1994-03-15, 1994/03/15, 1994.03.15. */
const YEAR_FIRST = new RegExp(`${NOT_AFTER}(\\d{4}) ?([-/.]) ?(\\d{1,2}) ?\\2 ?(\\d{1,2})${NOT_BEFORE}`, 'gu');
/** 15/03/1994, 15-3-94, 15.03.1994, 15 / 03 / 1994. */
const DAY_FIRST = new RegExp(`${NOT_AFTER}(\\d{1,2}) ?[-/.] ?(\\d{1,2}) ?[-/.] ?${YEAR}${NOT_BEFORE}`, 'gu');
/** "15 del 3 del 94", "15 de 3 de 1994" (dictated). */
const DAY_FIRST_WORDS = new RegExp(`${NOT_AFTER}(\\d{1,2}) del? (\\d{1,2}) del? ${YEAR}${NOT_BEFORE}`, 'gu');
/** "15 03 1994" (voice-to-text): four-digit year, or a two-digit year when the three numbers are the whole answer ("15 03 94"). */
const DAY_FIRST_SPACES = new RegExp(`${NOT_AFTER}(\\d{1,2}) (\\d{1,2}) (\\d{4})${NOT_BEFORE}|^(\\d{1,2}) (\\d{1,2}) (\\d{2})[ .]*$`, 'gu');
/** "15 de marzo de 1994", "15 de marzo del 94", "15 marzo 1994", "15-mar-94", "1ro de marzo de 1994". */
const DAY_MONTH_YEAR = new RegExp(`${NOT_AFTER}${DAY}(?: ?[-/.] ?| del? | )${MONTH}(?: ?[-/.,] ?| del? ano | del? | ano | )${YEAR}${NOT_BEFORE}`, 'gu');
/** "Nací en el 90, el 5 de diciembre", "en 1999 el 21 de marzo": the year said first, then the day and month. */
const YEAR_THEN_DAY_MONTH = new RegExp(`\\ben (?:el (?:ano )?|el ano de |)${YEAR}\\b[ ,]*(?:el |y el )?${DAY}(?: del? | )${MONTH}(?![\\p{L}\\p{N}]| ?(?:del?|,) ?\\d)`, 'gu');
/** "marzo 15 de 1994", "marzo 15 1994", "marzo 15, 1994". */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH} ${DAY}(?: ?, ?| ?[/-] ?| del? | )${YEAR}${NOT_BEFORE}`, 'gu');
/** "1991 marzo 14", "1991, 14 de marzo", "1991 de marzo 14": a four-digit year first, then the month and day in either order. */
const YEAR_MONTH_DAY = new RegExp(`${NOT_AFTER}((?:19|20)\\d{2})(?: ?[,.-] ?| del? | )${MONTH}(?: del? | ?[,.-] ?| )${DAY}${NOT_BEFORE}`, 'gu');
const YEAR_DAY_MONTH = new RegExp(`${NOT_AFTER}((?:19|20)\\d{2})(?: ?[,.-] ?| )(?:el )?${DAY}(?: del? | )${MONTH}(?![\\p{L}\\p{N}]| ?(?:del?|,) ?\\d)`, 'gu');
/** "1989 10 02" (voice-to-text, year first). */
const YEAR_FIRST_SPACES = new RegExp(`${NOT_AFTER}((?:19|20)\\d{2}) (\\d{1,2}) (\\d{1,2})${NOT_BEFORE}`, 'gu');
/** "Es del 84", "del 61": a year said apart from the day and month ("…el 15 de mayo, es del 84"). */
const YEAR_APART = /(?:^|[^\p{L}\p{N}])del ((?:19|20)\d{2}|\d{2})(?![\p{L}\p{N}]|[/.,-]\d| ?(?:de|del) )/gu;
/** "El 8 de diciembre", "nueve de julio": a day and month with no year beside them. */
const DAY_MONTH_ALONE = new RegExp(`${NOT_AFTER}${DAY}(?: del? | )${MONTH}(?![\\p{L}\\p{N}]| ?(?:del?|,)? ?\\d)`, 'gu');
/** 15031994 (DDMMYYYY) and 150394 (DDMMYY). */
const COMPACT = /(?<![\p{L}\p{N}.,/-])(\d{8}|\d{6})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
/** A compact number right after these words is a document or a phone, not a date. */
const NUMBER_CUE =
  /(?:^|[^\p{L}\p{N}])(?:cc|ti|rc|ce|pa|pt|ppt|cedula|tarjeta|registro|pasaporte|permiso|documento|identidad|identificacion|numero|nro|no|num|celular|cel|telefono|tel|whatsapp|extranjeria|ciudadania|civil)\W{0,3}(?:(?:es|de|del|mi|su|:|#)\W{0,3}){0,3}$/u;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date of birth in any common form → YYYY-MM-DD, or undefined. `today` (YYYY-MM-DD, Bogotá) rules out future dates and decides two-digit years (94 → 1994, 05 → 2005, 30 → 1930 when 2030 is in the future). */
export function readBirthDate(text: string, today: string): string | undefined {
  if (typeof text !== 'string' || typeof today !== 'string' || text.length > MAX_TEXT_LENGTH) return undefined;
  const todayParts = ISO_DAY.exec(today);
  if (!todayParts) return undefined;
  const todayKey = dayKey(Number(todayParts[1]), Number(todayParts[2]), Number(todayParts[3]));
  // "1.994": a year written with a thousands point.
  // ("14 d marzo dl 90": "de" and "del" in chat shorthand.)
  const normalized = digitsFromWords(normalizeText(text).replace(/\b(\d{1,2}|[a-z]{3,}) d(l?) (?=[a-z]{3,}|\d{2,4}\b)/g, '$1 de$2 ')).replace(/\b([12])\.(\d{3})\b/g, '$1$2');
  if (!/\d/.test(normalized)) return undefined;

  const found = new Set<string>();
  const add = (day: number, month: number, yearText: string) => {
    const date = dateOf(day, month, yearText, todayKey);
    if (date) found.add(date);
  };
  for (const match of normalized.matchAll(YEAR_FIRST)) add(Number(match[4]), Number(match[3]), match[1] as string);
  for (const match of normalized.matchAll(YEAR_FIRST_SPACES)) add(Number(match[3]), Number(match[2]), match[1] as string);
  for (const pattern of [DAY_FIRST, DAY_FIRST_WORDS]) {
    for (const match of normalized.matchAll(pattern)) {
      // Day first, as Colombians write; "3/15/1994" can only be month first, and is read so.
      if (Number(match[2]) > 12) add(Number(match[2]), Number(match[1]), match[3] as string);
      else add(Number(match[1]), Number(match[2]), match[3] as string);
    }
  }
  for (const match of normalized.matchAll(DAY_FIRST_SPACES)) add(Number(match[1] ?? match[4]), Number(match[2] ?? match[5]), (match[3] ?? match[6]) as string);
  // "99 07 14" alone: a first number no day can be is the year.
  // ("90/03/14", "85-11-02": so too with slashes, dashes or dots.)
  const shortYearFirst = /^(3[2-9]|[4-9]\d) ?([ /.-]) ?(\d{1,2}) ?\2? ?(\d{1,2})[ .]*$/.exec(normalized);
  if (shortYearFirst) add(Number(shortYearFirst[4]), Number(shortYearFirst[3]), shortYearFirst[1] as string);
  for (const match of normalized.matchAll(DAY_MONTH_YEAR)) add(dayNumber(match[1] as string), MONTHS.get(match[2] as string) ?? 0, match[3] as string);
  for (const match of normalized.matchAll(MONTH_DAY_YEAR)) add(dayNumber(match[2] as string), MONTHS.get(match[1] as string) ?? 0, match[3] as string);
  for (const match of normalized.matchAll(YEAR_MONTH_DAY)) add(dayNumber(match[3] as string), MONTHS.get(match[2] as string) ?? 0, match[1] as string);
  for (const match of normalized.matchAll(YEAR_DAY_MONTH)) add(dayNumber(match[2] as string), MONTHS.get(match[3] as string) ?? 0, match[1] as string);
  for (const match of normalized.matchAll(YEAR_THEN_DAY_MONTH)) add(dayNumber(match[2] as string), MONTHS.get(match[3] as string) ?? 0, match[1] as string);
  for (const match of normalized.matchAll(COMPACT)) {
    if (NUMBER_CUE.test(normalized.slice(Math.max(0, (match.index ?? 0) - 40), match.index))) continue;
    const digits = match[1] as string;
    if (digits.length === 8) {
      const dayFirst = dateOf(Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), digits.slice(4), todayKey);
      // 19940315 when it cannot be day first.
      const yearFirst = dayFirst ? undefined : dateOf(Number(digits.slice(6)), Number(digits.slice(4, 6)), digits.slice(0, 4), todayKey);
      const date = dayFirst ?? yearFirst;
      if (date) found.add(date);
    } else {
      add(Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), digits.slice(4));
    }
  }
  // "Del 61, el 8 de diciembre": one year and one day and month, said apart.
  if (found.size === 0) {
    const years = [...normalized.matchAll(YEAR_APART)];
    const days = [...normalized.matchAll(DAY_MONTH_ALONE)];
    if (years.length === 1 && days.length === 1) add(dayNumber(days[0]?.[1] as string), MONTHS.get(days[0]?.[2] as string) ?? 0, years[0]?.[1] as string);
  }
  // "Quince tres noventa y cuatro": a date dictated as three numbers in words, which read together are one long number.
  if (found.size === 0) {
    const spoken = spokenNumbers(normalizeText(text));
    if (spoken?.length === 3) add(spoken[0] as number, spoken[1] as number, String(spoken[2]));
  }
  // Two different dates: which one is the member's is anyone's guess.
  return found.size === 1 ? [...found][0] : undefined;
}

function dayNumber(text: string): number {
  const digits = /^\d+/.exec(text);
  return digits ? Number(digits[0]) : 1;
}

/** Sortable number of a day: 19940315. */
function dayKey(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

function dateOf(day: number, month: number, yearText: string, todayKey: number): string | undefined {
  let year = Number(yearText);
  if (yearText.length === 2) {
    // The latest year that is not in the future: 94 → 1994, 05 → 2005, 30 → 1930 (in 2026).
    year += 2000;
    if (dayKey(year, month, day) > todayKey) year -= 100;
  } else if (yearText.length !== 4) {
    return undefined;
  }
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  if (dayKey(year, month, day) > todayKey) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The numbers a message says in words, each on its own ("quince tres noventa y cuatro" → 15, 3, 94; "mil novecientos
 * noventa y cuatro" → 1994), or undefined when anything else is said.
 */
function spokenNumbers(normalized: string): number[] | undefined {
  const words = normalized.split(/[\s,.;/-]+/).filter((word) => word.length > 0 && !['de', 'del', 'el', 'ano'].includes(word));
  if (words.length === 0 || words.some((word) => /\d/.test(word))) return undefined;
  const numbers: number[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length === 0) return true;
    const value = numberFromWords(run.join(' '));
    run = [];
    if (value === undefined) return false;
    numbers.push(value);
    return true;
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    const value = numberFromWords(word);
    if (word === 'y' && run.length > 0) {
      run.push(word);
      continue;
    }
    if (value === undefined) return undefined;
    // A new number starts unless the word goes on the one before ("noventa y cuatro", "mil novecientos").
    const previous = run.at(-1);
    const goesOn = previous === 'y' || (previous !== undefined && (numberFromWords(previous) ?? 0) >= 100 && value < (numberFromWords(previous) ?? 0));
    if (!goesOn && !close()) return undefined;
    run.push(word);
  }
  return close() ? numbers : undefined;
}
