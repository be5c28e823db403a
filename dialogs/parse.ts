/** Plain readers of a document, a date of birth and an e-mail, and a patient's age. */
import type { DocumentType } from '../bot/domain.js';
import { normalizeText } from './text.js';

/** A Map, not an object: a member's words must never reach `constructor` or `__proto__`. */
const DOCUMENT_TYPE_WORDS: ReadonlyMap<string, DocumentType> = new Map(
  Object.entries({
    cc: 'CC',
    cedula: 'CC',
    'cedula de ciudadania': 'CC',
    ti: 'TI',
    'tarjeta de identidad': 'TI',
    rc: 'RC',
    'registro civil': 'RC',
    ce: 'CE',
    'cedula de extranjeria': 'CE',
    pa: 'PA',
    pasaporte: 'PA',
    pt: 'PT',
    ppt: 'PT',
    'permiso por proteccion temporal': 'PT',
  } satisfies Record<string, DocumentType>),
);

/** `['cedula de ciudadania ', 'CC']`…, in the order above: the words that may precede a number. */
const DOCUMENT_TYPE_PREFIXES: ReadonlyArray<readonly [prefix: string, type: DocumentType]> = [...DOCUMENT_TYPE_WORDS].map(([words, type]) => [`${words} `, type] as const);
const DOCUMENT_SEPARATORS = /[.,\-_:#]/g;
const WHITE_SPACE = /\s+/g;
const PREFIXED_NUMBER = /^(cc|ti|rc|ce|pa|ppt|pt)([a-z0-9]{4,15})$/;
const DIGITS_ONLY = /^\d{4,15}$/;
const DOCUMENT_NUMBER = /^[a-z0-9]{4,15}$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/** What a member's message says about their document: a type, a number, both or neither. */
export interface ParsedDocument {
  documentType?: DocumentType;
  documentNumber?: string;
}

/**
 * Reads "CC 1010101010", "cc1010101010", "C.C. 1.010.101.010" or a bare number. Passports
 * may carry letters, so a number is 4 to 15 letters or digits with at least 4 digits.
 */
export function parseDocument(text: string): ParsedDocument {
  const normalized = normalizeText(text).replace(DOCUMENT_SEPARATORS, ' ').replace(WHITE_SPACE, ' ').trim();
  if (normalized.length === 0 || normalized.length > 80) return {};
  const typeOnly = DOCUMENT_TYPE_WORDS.get(normalized);
  if (typeOnly) return { documentType: typeOnly };
  for (const [prefix, type] of DOCUMENT_TYPE_PREFIXES) {
    if (normalized.startsWith(prefix)) {
      // From the space after the words, as `words.length` would cut it.
      const rest = normalized.slice(prefix.length - 1).replace(WHITE_SPACE, '');
      if (isDocumentNumber(rest)) return { documentType: type, documentNumber: rest.toUpperCase() };
    }
  }
  const compact = normalized.replace(WHITE_SPACE, '');
  const prefixed = PREFIXED_NUMBER.exec(compact);
  if (prefixed?.[1] && prefixed[2] && isDocumentNumber(prefixed[2])) {
    const type = DOCUMENT_TYPE_WORDS.get(prefixed[1]);
    if (type) return { documentType: type, documentNumber: prefixed[2].toUpperCase() };
  }
  if (DIGITS_ONLY.test(compact)) return { documentNumber: compact };
  return {};
}

function isDocumentNumber(value: string): boolean {
  if (!DOCUMENT_NUMBER.test(value)) return false;
  let digits = 0;
  for (let index = 0; index < value.length && digits < 4; index++) {
    const code = value.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits >= 4;
}

/** Reads 15/03/1994, 15-03-1994, 15.03.1994 or 1994-03-15 as `1994-03-15`; anything else is undefined. */
export function parseBirthDate(text: string): string | undefined {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(trimmed);
  if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[2]);
    year = Number(dayFirst[3]);
  } else if (yearFirst) {
    year = Number(yearFirst[1]);
    month = Number(yearFirst[2]);
    day = Number(yearFirst[3]);
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!valid) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of a UTC calendar date. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day someone born on `birthDate` turns `years` old, as `yearsOld` counts it: someone born on
 * 29 February turns a year older on 1 March in common years.
 */
export function birthdayAt(birthDate: string, years: number): string {
  const [by = 0, bm = 1, bd = 1] = birthDate.split('-').map(Number);
  const date = new Date(Date.UTC(by + years, bm - 1, bd));
  // 29 February in a common year rolls over to 1 March by itself.
  return isoDay(date);
}

/** The `YYYY-MM-DD` day `days` calendar days after `day`. */
export function daysAfter(day: string, days: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return isoDay(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Whole years between a `YYYY-MM-DD` birth date and a `YYYY-MM-DD` day. */
export function yearsOld(birthDate: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** A practical email check: one @, a dot in the domain, no spaces, at most 254 characters. */
export function parseEmail(text: string): string | undefined {
  const candidate = text.trim().toLowerCase();
  if (candidate.length > 254) return undefined;
  return EMAIL.test(candidate) ? candidate : undefined;
}
