/**
 * What agents see of a member's personal data. Identity rests on two factors (the document
 * and a second one: the phone on file or the date of birth), so an agent never sees either
 * in full: document numbers, phones and emails keep only their last characters, dates of
 * birth are hidden whatever way they were written, and the names of members and their
 * family keep only their initials. Supervisors see everything in full.
 */
import { readFileSync } from 'node:fs';
import { maskEmail } from '../../bot/rendering/mask-email.js';

const BULLET = '•';

/** Every digit but the last `visible` becomes a bullet; other characters stay. */
export function maskDigits(value: string, visible: number): string {
  const total = (value.match(/\d/g) ?? []).length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => (++seen > total - visible ? digit : BULLET));
}

/** Every letter and every digit but the last `visible` become bullets (`AB12345` → `•••••45`). */
function hideAllButLast(value: string, visible: number): string {
  return maskDigits(value.replace(/[A-Za-z]/g, BULLET), visible);
}

/** `1010101010` → `•••••••010`. */
export function maskDocument(value: string): string {
  const masked = maskDigits(value, 3);
  // Letters count too in passports: hide all but the last three characters.
  return /[A-Za-z]/.test(masked) ? `${BULLET.repeat(Math.max(0, masked.length - 3))}${masked.slice(-3)}` : masked;
}

/** `+573001112233` → `+•••••••••233`. */
export function maskPhone(value: string): string {
  return maskDigits(value, 3);
}

export { maskEmail };

/** `Laura Gómez` → `L•••• G••••`: initials only; small joining words stay. */
export function maskName(name: string): string {
  return name.replace(/\p{L}[\p{L}\p{M}'’-]*/gu, (word) => (NAME_JOINERS.has(word.toLowerCase()) ? word : `${word.charAt(0)}${BULLET.repeat(Math.max(1, word.length - 1))}`));
}

const NAME_JOINERS = new Set(['y', 'e', 'de', 'del', 'la', 'las', 'los']);

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
  'ene',
  'feb',
  'mar',
  'abr',
  'may',
  'jun',
  'jul',
  'ago',
  'sept',
  'sep',
  'set',
  'oct',
  'nov',
  'dic',
];
const MONTH = `(?:${[...MONTHS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const NUMBER_WORDS = [
  'un',
  'uno',
  'una',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciseis',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintiún',
  'veintiun',
  'veintidos',
  'veintidós',
  'veintitres',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiseis',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
  'primero',
  'primer',
  'mil',
  'novecientos',
  'ochocientos',
];
const NUMBER_WORD = `(?:${[...NUMBER_WORDS].sort((a, b) => b.length - a.length).join('|')})`;
/** A number said in words: "quince", "veinte y dos", "mil novecientos noventa y cuatro". */
const WORDS_NUMBER = `${NUMBER_WORD}(?:\\s+(?:y\\s+)?${NUMBER_WORD})*`;
const DAY = `(?:\\d{1,2}|1ro|1ero|1er|1o|1°|1º|${WORDS_NUMBER})`;
/** 1994, '94, 1.994 (a year written with a thousands point), or in words. */
const YEAR = `(?:\\d\\.\\d{3}|\\d{4}|'?\\d{2}|${WORDS_NUMBER})`;
/** A month by its number, in digits or in words: 3, 03, tres. */
const MONTH_NUMBER = `(?:\\d{1,2}|${WORDS_NUMBER})`;
const L = '\\p{L}\\p{N}';

/**
 * A date with its year, however a member writes or dictates it: 15/03/1994, 15-3-94,
 * 15.03.1994, 1994-03-15, "15 03 1994", "15 del 3 del 94", "15 de marzo de 1994",
 * "15-mar-94", "marzo 15 de 1994", "quince de marzo de mil novecientos noventa y cuatro".
 * A day and month alone ("el 15 de marzo", "el 15/03") is an appointment day, not a birth date.
 */
const DATE_PATTERNS = [
  // Year first: 1994-03-15, 1994/3/15, 1994.03.15.
  `(?<![${L}])\\d{4}\\s?[-/.]\\s?\\d{1,2}\\s?[-/.]\\s?\\d{1,2}(?![${L}])`,
  // Day first with separators: 15/03/1994, 15-3-94, 15.03.94, 15 / 03 / 1994, 15/03/1.994.
  `(?<![${L}])\\d{1,2}\\s?[-/.]\\s?\\d{1,2}\\s?[-/.]\\s?(?:\\d\\.\\d{3}|\\d{4}|\\d{2})(?![${L}])`,
  // Dictated: 15 del 3 del 94, 15 de 3 de 1994, 15 del tres del noventa y cuatro.
  `(?<![${L}])${DAY}\\s+del?\\s+${MONTH_NUMBER}\\s+del?\\s+${YEAR}(?![${L}])`,
  // Spaces: 15 03 1994, 15 3 94; not three groups of a longer run ("10 10 10 10 10" is a document).
  `(?<![${L}/.,-]|\\d\\s)\\d{1,2}\\s\\d{1,2}\\s(?:\\d{4}|\\d{2})(?![${L}]|\\s\\d)`,
  // Month by name, day first: 15 de marzo de 1994, 15 marzo 1994, 15-mar-94, quince de marzo del noventa y cuatro.
  `(?<![${L}])${DAY}\\s*(?:\\s(?:de|del)\\s|[-/.]|\\s)\\s*${MONTH}\\s*(?:\\s(?:de|del)\\s|[-/.,]|\\s)\\s*${YEAR}(?![${L}])`,
  // Month by name, month first: marzo 15 de 1994, marzo 15, 1994.
  `(?<![${L}])${MONTH}\\s+${DAY}\\s*(?:,|\\s(?:de|del)\\s|\\s)\\s*${YEAR}(?![${L}])`,
];
const DATE = new RegExp(DATE_PATTERNS.join('|'), 'giu');
/** Lina writes appointment days with their weekday ("lunes 4 de enero de 2027"): those stay. */
const WEEKDAY_BEFORE = /(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),?\s*$/iu;
/** 15031994 (DDMMYYYY), 19940315 (YYYYMMDD), 150394 (DDMMYY): digit runs that are dates. */
const COMPACT = /(?<![\p{L}\p{N}])(\d{8}|\d{6})(?![\p{L}\p{N}])/gu;

/** Every digit and letter of a date becomes a bullet; its separators stay. */
function hideDate(date: string): string {
  return date.replace(/[\p{L}\d°º]/gu, BULLET);
}

function isCompactDate(digits: string): boolean {
  const valid = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  if (digits.length === 6) return valid(n(0, 2), n(2, 4));
  const year = n(4, 8);
  if (valid(n(0, 2), n(2, 4)) && year >= 1900 && year <= 2100) return true;
  const isoYear = n(0, 4);
  return isoYear >= 1900 && isoYear <= 2100 && valid(n(6, 8), n(4, 6));
}

/**
 * Dates with a year hidden, in every common form (`15/03/1994` → `••/••/••••`); a run of 6 or
 * 8 digits that reads as a date too. `keepWeekdayDates` keeps the dates Lina writes after a
 * weekday (appointments in another year), never a member's.
 */
export function maskDates(text: string, options: { keepWeekdayDates?: boolean } = {}): string {
  const masked = text.replace(DATE, (match, ...rest) => {
    const offset = rest.at(-2) as number;
    if (options.keepWeekdayDates && WEEKDAY_BEFORE.test(text.slice(Math.max(0, offset - 12), offset))) return match;
    return hideDate(match);
  });
  return masked.replace(COMPACT, (digits: string) => (isCompactDate(digits) ? BULLET.repeat(digits.length) : digits));
}

// ---------------------------------------------------------------------------------------------
// Documents, phones, emails in free text

/**
 * A radicado is not personal and agents need it; an email (Lina's own masked form included:
 * the `*` keeps it stable); a document's number right after its type or the word for it,
 * letters too (`CC 12345`, `pasaporte AB12345`); or a run of 6 or more digits, spaces, dots
 * or dashes between them allowed (documents and phones as members type them).
 */
const SENSITIVE = new RegExp(
  [
    '(RISS-\\d{4}-\\d{6})',
    '([A-Za-z0-9._%+*-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})',
    `((?<![${L}])(?:cc|ti|rc|ce|pa|pt|ppt|nuip|c[eé]dula|documento|pasaporte|tarjeta de identidad|registro civil|permiso)(?:\\s+(?:de\\s+)?(?:ciudadan[ií]a|extranjer[ií]a|identidad|n[uú]mero|no\\.?|nro\\.?|#))*[\\s.:#-]*)([A-Za-z]{0,3}\\d[A-Za-z0-9]*(?:[ .-]\\d[A-Za-z0-9]*)*)`,
    '(\\+?\\d(?:[ .-]?\\d){5,})',
  ].join('|'),
  'giu',
);

export interface MaskContext {
  /** Documents and phones this conversation is known to be about: hidden wherever they appear. */
  knownValues?: readonly string[];
}

/** Known documents and phones hidden wherever they appear, with or without separators. */
function maskKnownValues(text: string, values: readonly string[] | undefined): string {
  let masked = text;
  for (const value of values ?? []) {
    const characters = [...value.replace(/[\s.+-]/g, '')];
    if (characters.length < 4) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])\\+?${characters.map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ .-]?')}(?![\\p{L}\\p{N}])`, 'giu');
    masked = masked.replace(pattern, (match) => hideAllButLast(match, 2));
  }
  return masked;
}

/**
 * What a member wrote, as an agent sees it: emails, documents (after their type, or as long
 * digit runs), phones, dates with their year, and the conversation's known documents and
 * phones, masked. Radicados, times and short numbers (options, ages) stay.
 */
export function maskText(text: string, context: MaskContext = {}): string {
  const dated = maskDates(maskKnownValues(text, context.knownValues));
  return dated.replace(SENSITIVE, (match, radicado: string | undefined, email: string | undefined, cue: string | undefined, number: string | undefined) => {
    if (radicado) return match;
    if (email) return maskEmail(match);
    // "CC 12" is too short to be a document: a number of something else.
    if (cue !== undefined && number !== undefined) return number.replace(/[^A-Za-z0-9]/g, '').length < 4 ? match : `${cue}${hideAllButLast(number, 2)}`;
    return maskDigits(match, 2);
  });
}

const EMAIL = /[A-Za-z0-9._%+*-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Only the emails in a text masked. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (match) => maskEmail(match));
}

// ---------------------------------------------------------------------------------------------
// Lina's own lines: names come from her texts' parameters

/** Parameters of Lina's texts that carry the name of a member or of their family. */
const NAME_PARAMETERS = new Set(['name', 'patient', 'others']);

interface NameTemplate {
  pattern: RegExp;
  /** For each capture group, whether it holds a name. */
  names: boolean[];
}

function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) leaves(child, out);
  return out;
}

/** A text of Lina's with name parameters as a pattern that captures every parameter. */
function toTemplate(text: string): NameTemplate | undefined {
  const parts = text.split(/(\{\{[^}]+\}\})/);
  const names: boolean[] = [];
  let source = '';
  for (const part of parts) {
    const placeholder = /^\{\{\s*([\w]+)/.exec(part);
    if (placeholder && part.startsWith('{{')) {
      names.push(NAME_PARAMETERS.has(placeholder[1] ?? ''));
      source += '([^\\n]*?)';
    } else {
      source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  if (!names.some(Boolean)) return undefined;
  return { pattern: new RegExp(`^${source}$`, 'du'), names };
}

let templates: NameTemplate[] | undefined;

/** Lina's texts that name a member, from the locale she speaks with (read once). */
function nameTemplates(): NameTemplate[] {
  templates ??= leaves(JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')))
    .map(toTemplate)
    .filter((template): template is NameTemplate => template !== undefined);
  return templates;
}

/** Lina's texts without parameters: "Para mí" is one of them, never "Para {{name}}" with "mí". */
let literals: Set<string> | undefined;

function literalTexts(): Set<string> {
  literals ??= new Set(leaves(JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8'))).filter((text) => !text.includes('{{')));
  return literals;
}

/** `text` with the names masked when it is one of Lina's texts that names someone; else `undefined`. */
function maskNamesOfText(text: string): string | undefined {
  if (literalTexts().has(text)) return text;
  for (const template of nameTemplates()) {
    const match = template.pattern.exec(text);
    const indices = match?.indices;
    if (!match || !indices) continue;
    let masked = text;
    // From the last group back, so earlier positions stay valid.
    for (let group = template.names.length; group >= 1; group--) {
      const span = indices[group];
      const value = match[group];
      if (!template.names[group - 1] || !span || !value) continue;
      masked = `${masked.slice(0, span[0])}${maskName(value)}${masked.slice(span[1])}`;
    }
    return masked;
  }
  return undefined;
}

const ITEM = '\n• ';

/**
 * The names in one of Lina's lines masked. A line is one of her texts, possibly followed by
 * items (`\n• …`), each one of her texts too; a part that is none of them stays as it is.
 */
export function maskNames(text: string): string {
  const whole = maskNamesOfText(text);
  if (whole !== undefined) return whole;
  const cuts = [...text.matchAll(new RegExp(ITEM, 'g'))].map((match) => match.index ?? 0);
  // The longest head that is one of Lina's texts; the rest are its items.
  for (let count = cuts.length; count >= 1; count--) {
    const end = cuts[count - 1] ?? 0;
    const head = maskNamesOfText(text.slice(0, end));
    if (head === undefined) continue;
    const items = text
      .slice(end)
      .split(new RegExp(ITEM))
      .slice(1)
      .map((item) => maskNamesOfText(item) ?? item);
    return [head, ...items].join('\n• ');
  }
  return text;
}

/**
 * One of Lina's own lines (or an option she offered), as an agent sees it: the names of the
 * member and their family, emails, dates with a year (not an appointment's, which she writes
 * after its weekday) and the conversation's known documents and phones masked. Her own
 * numbers (the support line, radicados, times) stay.
 */
export function maskLinaText(text: string, context: MaskContext = {}): string {
  return maskEmails(maskDates(maskKnownValues(maskNames(text), context.knownValues), { keepWeekdayDates: true }));
}
