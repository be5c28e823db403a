/**
 * A member's identity document in a message: "CC 1010101010", "C.C. 1.010.101.010", "mi cédula
 * es 2020202020", "la TI de mi hijo es 1100000001", "pasaporte AB123456", or dictated ("uno cero
 * uno cero…"). Reads everything `parseDocument` (dialogs/parse.ts) reads, and sentences.
 */
import type { DocumentType } from '../domain.js';
import { normalizeText } from '../../dialogs/text.js';
import { digitsFromWords } from './numbers.js';
import { editDistance } from './words.js';

export interface DocumentMention {
  documentType?: DocumentType;
  documentNumber?: string;
}

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;

/** A Map, not an object: a member's words must never reach `constructor` or `__proto__`. */
const TYPE_WORDS: ReadonlyMap<string, DocumentType> = new Map(
  Object.entries({
    cc: 'CC',
    cedula: 'CC',
    // Spelt by ear, or cut short ("ced. 1010101010").
    sedula: 'CC',
    ced: 'CC',
    'cedula de ciudadania': 'CC',
    ti: 'TI',
    'tarjeta de identidad': 'TI',
    tarjeta: 'TI',
    rc: 'RC',
    'registro civil': 'RC',
    registro: 'RC',
    ce: 'CE',
    'cedula de extranjeria': 'CE',
    pa: 'PA',
    pasaporte: 'PA',
    pt: 'PT',
    ppt: 'PT',
    'permiso por proteccion temporal': 'PT',
  } satisfies Record<string, DocumentType>),
);

/** Type phrases inside sentences, as words; longest first. `guarded`: also an everyday word ("pa", "para ti"). */
const TYPE_PHRASES: ReadonlyArray<{ words: readonly string[]; type: DocumentType; guarded: boolean }> = [
  ['permiso por proteccion temporal', 'PT'],
  ['permiso de proteccion temporal', 'PT'],
  ['cedula de ciudadania', 'CC'],
  ['cedula de extranjeria', 'CE'],
  ['cedula d extranjeria', 'CE'],
  ['tarjeta de identidad', 'TI'],
  ['registro civil', 'RC'],
  ['cedula extranjera', 'CE'],
  // ("No sé cuál es, la normal, la de adulto": the cédula de ciudadanía, as members call it.)
  ['la de mayor de edad', 'CC'],
  ['la de adultos', 'CC'],
  ['la de adulto', 'CC'],
  ['cedula de extranjero', 'CE'],
  ['p p t', 'PT'],
  ['te i', 'TI'],
  ['ce ce', 'CC'],
  ['erre ce', 'RC'],
  ['c c', 'CC'],
  ['t i', 'TI'],
  ['r c', 'RC'],
  ['c e', 'CE'],
  ['cedula', 'CC'],
  ['cedulita', 'CC'],
  ['sedula', 'CC'],
  ['ced', 'CC'],
  ['pasaporte', 'PA'],
  ['ppt', 'PT'],
  ['cc', 'CC'],
  ['rc', 'RC'],
  ['ti', 'TI', true],
  ['ce', 'CE', true],
  ['pa', 'PA', true],
  ['pt', 'PT', true],
  ['tarjeta', 'TI', true],
  ['registro', 'RC', true],
].map(([phrase, type, guarded]) => ({ words: (phrase as string).split(' '), type: type as DocumentType, guarded: guarded === true }));

/** Before a guarded type word, these make it the document: "la TI de mi hijo", "tengo ce". */
const TYPE_ARTICLES: ReadonlySet<string> = new Set(['la', 'el', 'mi', 'su', 'una', 'con', 'tengo', 'tiene', 'es', 'tipo', 'por']);
/** Between a type (or a cue) and its number: "cédula es 20…", "CC número 10…". */
const LINKS: ReadonlySet<string> = new Set([
  'es',
  'la',
  'numero',
  'no',
  'nro',
  'num',
  'n',
  'de',
  'mi',
  'su',
  'el',
  'documento',
  'identidad',
  'identificacion',
  'seria',
  'sera',
  'con',
]);
/** Words that announce a document number without naming its type, or whose number it is. */
const NUMBER_CUES: ReadonlySet<string> = new Set([
  'documento',
  'identificacion',
  'identidad',
  'numero',
  'nro',
  'num',
  'id',
  'doc',
  'soy',
  'mio',
  'mia',
  'hijo',
  'hija',
  'nino',
  'nina',
  'bebe',
  'menor',
  'mama',
  'papa',
  'esposo',
  'esposa',
  'paciente',
  'afiliado',
  'afiliada',
  'beneficiario',
  'beneficiaria',
]);
/** Words that announce a phone number. */
const PHONE_CUES: ReadonlySet<string> = new Set(['celular', 'cel', 'telefono', 'tel', 'whatsapp', 'wasap', 'movil', 'fijo', 'contacto', 'llamar', 'llamame', 'marcar']);
/** What may surround a bare number or a type and still leave it the whole answer. */
const FILLERS: ReadonlySet<string> = new Set([
  'hola',
  'buenas',
  'buenos',
  'buen',
  'dia',
  'dias',
  'tardes',
  'noches',
  'gracias',
  'muchas',
  'por',
  'favor',
  'porfa',
  'porfavor',
  'ok',
  'okey',
  'si',
  'claro',
  'listo',
  'bueno',
  'dale',
  'es',
  'el',
  'la',
  'seria',
  'aqui',
  'va',
  'este',
  'esta',
  'tipo',
  'con',
  'tengo',
  'de',
  'documento',
  'senorita',
  'senor',
  'lina',
]);

const SEPARATORS = /[.,\-_:#'’]/g;
const WHITE_SPACE = /\s+/g;
const PREFIXED_NUMBER = /^(cedula|pasaporte|cc|ti|rc|ce|pa|ppt|pt)([a-z0-9]{4,15})$/;
const DIGITS_ONLY = /^\d{4,15}$/;
const DOCUMENT_NUMBER = /^[a-z0-9]{4,15}$/;
const TOKEN = /[\p{L}\p{N}]+/gu;
const ONLY_DIGITS = /^\d+$/;
const HAS_DIGIT = /\d/;
const FIRST_DIGIT = /^\d/;
/** Passport numbers: up to three letters, then digits (and letters). */
const PASSPORT_NUMBER = /^[a-z]{0,3}\d/;
/** Without a type: digits, or a passport's letters and digits. */
const UNTYPED_NUMBER = /^[a-z]{0,3}\d+[a-z]{0,2}$/;
/** Between parts of one number: "1.010.101.010", "10 10 10 10 10", "1010-101010". */
const NUMBER_GAP = /^ ?[.,'’-]? ?$/;

const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)';
/** What must never be read as a document: dates, times, e-mail addresses, links, international phones. */
const NOT_DOCUMENTS = new RegExp(
  [
    String.raw`[^\s@]{1,64}@[^\s@]{1,255}`,
    String.raw`(?:https?://|www\.)\S+`,
    // (Not a number dictated in pairs, "10-10-10-10-10": a date has three parts.)
    String.raw`(?<!\d ?[-/.] ?|\d)(?:0?[1-9]|[12]\d|3[01]) ?[-/.] ?(?:0?[1-9]|1[0-2]) ?[-/.] ?(?:\d{4}|\d{2})(?![\d]|[.,]\d| ?[-/] ?\d)`,
    String.raw`(?<!\d)\d{4} ?[-/.] ?(?:0?[1-9]|1[0-2]) ?[-/.] ?(?:0?[1-9]|[12]\d|3[01])(?!\d)`,
    String.raw`(?<!\d)(?:0?[1-9]|[12]\d|3[01]) ?(?:del? )?${MONTH}\b(?: ?(?:del?|,)? ?(?:\d{4}|\d{2})(?!\d))?`,
    String.raw`\b${MONTH} (?:0?[1-9]|[12]\d|3[01])(?: ?(?:del?|,)? ?\d{4})?(?!\d)`,
    String.raw`(?<!\d)\d{1,2}:\d{2}(?!\d)`,
    // ("…naci 14 3 1990": a date of birth said with spaces, after the words that announce it.)
    String.raw`\b(?:naci|nacio|nacimiento|cumple|cumpleanos)(?: (?:el|es|de|del|en))* (?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:\d{4}|\d{2})(?!\d)`,
    String.raw`\+ ?\d[\d .-]{6,}\d`,
  ].join('|'),
  'g',
);

interface Token {
  text: string;
  start: number;
  end: number;
}

/** A document type and/or number inside a message. */
export function readDocument(text: string): DocumentMention {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return {};
  const normalized = typedCedula(normalizeText(text));
  if (normalized.length === 0) return {};
  // ("1O32456789": a letter O typed for a zero between digits.)
  // ("…y el cumple 14 d marzo d 1990": "de" in chat shorthand, so the date is seen as one.)
  const spoken = digitsFromWords(normalized.replace(/(?<=\d)o(?=\d)/g, '0').replace(/\b(\d{1,2}|[a-z]{3,}) d(l?) (?=[a-z]{3,}|\d{2,4}\b)/g, '$1 de$2 ')).replace(
    NOT_DOCUMENTS,
    ' ; ',
  );
  return readWholeAnswer(spoken) ?? readSentence(spoken);
}

/** "Ceduala", "cedla", "cédual": "cédula" mistyped by one letter, read as it (at most one edit, never another word). */
function typedCedula(normalized: string): string {
  return normalized.replace(/\b[cs][a-z]{3,7}\b/g, (word) => (word !== 'cedula' && editDistance(word, 'cedula', 1) <= 1 && !NOT_CEDULA.has(word) ? 'cedula' : word));
}
/** Words one letter from "cedula" that are words of their own. */
const NOT_CEDULA: ReadonlySet<string> = new Set(['cedulas', 'sedula', 'cedulo']);

/**
 * The document types a sentence names, wherever they are ("el de la niña es registro civil
 * porque…"): for the question that asks the type, where the type alone is the answer.
 */
export function documentTypesIn(text: string): DocumentType[] {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return [];
  const spoken = digitsFromWords(typedCedula(normalizeText(text)));
  const words = [...spoken.matchAll(TOKEN)].map((match) => match[0]);
  // Where the type is the question, a message that opens with one ("TI xq es de mi hijo") answers it.
  return [...new Set(findTypes(words, true).map((found) => found.type))];
}

/** What `parseDocument` reads: the message is the type and/or the number, nothing else. */
function readWholeAnswer(text: string): DocumentMention | undefined {
  const cleaned = text.replace(SEPARATORS, ' ').replace(WHITE_SPACE, ' ').trim();
  if (cleaned.length === 0 || cleaned.length > 80) return undefined;
  const typeOnly = TYPE_WORDS.get(cleaned);
  if (typeOnly) return { documentType: typeOnly };
  // "C.E 789456 pa mí": words after the number are not part of it (a passport's letters come before its digits).
  const parts = cleaned.split(' ');
  if (parts.some((part, index) => /^[a-z]{2,}$/.test(part) && parts.slice(0, index).some((before) => HAS_DIGIT.test(before)))) return undefined;
  for (const [words, type] of TYPE_WORDS) {
    if (cleaned.startsWith(`${words} `)) {
      const rest = cleaned.slice(words.length).replace(WHITE_SPACE, '');
      if (isNumberOf(type, rest)) return { documentType: type, documentNumber: rest.toUpperCase() };
    }
  }
  const compact = cleaned.replace(WHITE_SPACE, '');
  const prefixed = PREFIXED_NUMBER.exec(compact);
  if (prefixed?.[1] && prefixed[2]) {
    const type = TYPE_WORDS.get(prefixed[1]);
    if (type && isNumberOf(type, prefixed[2])) return { documentType: type, documentNumber: prefixed[2].toUpperCase() };
  }
  if (DIGITS_ONLY.test(compact)) return { documentNumber: compact };
  return undefined;
}

interface TypeFound {
  type: DocumentType;
  /** Token indexes: first and last word of the phrase. */
  first: number;
  last: number;
}

interface NumberFound {
  value: string;
  first: number;
  last: number;
  /** The type glued to it ("cc1010101010"), if any. */
  gluedType?: DocumentType;
}

function readSentence(text: string): DocumentMention {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    tokens.push({ text: match[0], start, end: start + match[0].length });
    if (tokens.length > 400) break;
  }
  if (tokens.length === 0) return {};
  const words = tokens.map((token) => token.text);
  const gap = (index: number): string => {
    const previous = tokens[index - 1];
    const token = tokens[index];
    return previous && token ? text.slice(previous.end, token.start) : ';';
  };

  const types = findTypes(words);
  const numbers = findNumbers(words, gap, types);

  const accepted = new Map<string, DocumentType | undefined>();
  for (const number of numbers) {
    const typeBefore = types.find((type) => linked(words, type.last, number.first));
    const typeAfter = types.find((type) => linked(words, number.last, type.first));
    const type = number.gluedType ?? typeBefore?.type ?? typeAfter?.type;
    if (type === undefined && !UNTYPED_NUMBER.test(number.value)) continue;
    const digits = countDigits(number.value);
    const onlyAnswer = words.every((word, index) => (index >= number.first && index <= number.last) || FILLERS.has(word));
    // A number that opens the message is its answer ("1010101010 y nací el…").
    const opens = words.slice(0, number.first).every((word) => FILLERS.has(word));
    const cued = type !== undefined || onlyAnswer || (digits >= 6 && (opens || types.length > 0 || words.some((word) => NUMBER_CUES.has(word))));
    const phoneCued = words.slice(Math.max(0, number.first - 4), number.first).some((word) => PHONE_CUES.has(word));
    const phoneShaped = (digits === 10 && number.value.startsWith('3')) || (digits === 12 && number.value.startsWith('573'));
    if (!cued || (type === undefined && (phoneCued || phoneShaped))) continue;
    if (type === undefined && !onlyAnswer && digits < 6) continue;
    const known = accepted.get(number.value);
    accepted.set(number.value, known ?? type);
  }
  if (accepted.size > 1) return {};
  const distinctTypes = new Set(types.map((type) => type.type));
  if (accepted.size === 1) {
    const [[documentNumber, linkedType]] = [...accepted] as [[string, DocumentType | undefined]];
    const documentType = linkedType ?? (distinctTypes.size === 1 ? types[0]?.type : undefined);
    return documentType ? { documentType, documentNumber: documentNumber.toUpperCase() } : { documentNumber: documentNumber.toUpperCase() };
  }
  // A type alone only when the message is the type ("es cédula", "tarjeta de identidad por favor").
  if (distinctTypes.size === 1 && !words.some((word) => HAS_DIGIT.test(word))) {
    const inType = new Set<number>();
    for (const type of types) for (let index = type.first; index <= type.last; index++) inType.add(index);
    if (words.every((word, index) => inType.has(index) || FILLERS.has(word))) return { documentType: types[0]?.type };
  }
  return {};
}

function findTypes(words: readonly string[], openingAnswers = false): TypeFound[] {
  const found: TypeFound[] = [];
  for (let index = 0; index < words.length; index++) {
    for (const phrase of TYPE_PHRASES) {
      if (!phrase.words.every((word, offset) => words[index + offset] === word)) continue;
      const last = index + phrase.words.length - 1;
      if (phrase.guarded && !(openingAnswers && index === 0 && phrase.type !== 'PA') && !guardedTypeHolds(words, index, last)) continue;
      found.push({ type: phrase.type, first: index, last });
      index = last;
      break;
    }
  }
  return found;
}

/** "ti", "pa", "tarjeta", "registro": the document only before its number or after "la", "mi"… */
function guardedTypeHolds(words: readonly string[], first: number, last: number): boolean {
  const before = words[first - 1];
  const after = words[last + 1];
  const word = words[first];
  if (word === 'tarjeta' && after === 'de' && words[last + 2] !== 'identidad') return false;
  if (after !== undefined && HAS_DIGIT.test(after)) return true;
  if (words.length === last - first + 1) return true;
  // Opening the message: "TI de mi hijo 1100000001", "ti: 1100000001".
  if (before === undefined && (after === 'de' || after === 'd' || after === 'del' || after === 'es' || after === 'numero')) return words.some((other) => HAS_DIGIT.test(other));
  if (before === 'para' || before === 'a' || before === 'de' || before === 'pa') return false;
  return before !== undefined && TYPE_ARTICLES.has(before) && (word === 'ti' || word === 'tarjeta' || word === 'registro' || word === 'ce' || word === 'pt');
}

function findNumbers(words: readonly string[], gap: (index: number) => string, types: readonly TypeFound[]): NumberFound[] {
  const found: NumberFound[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (!HAS_DIGIT.test(word)) continue;
    const glued = PREFIXED_NUMBER.exec(word);
    const gluedType = glued?.[1] ? TYPE_WORDS.get(glued[1]) : undefined;
    if (gluedType && glued?.[2] && isNumberOf(gluedType, glued[2])) {
      found.push({ value: glued[2], first: index, last: index, gluedType });
      continue;
    }
    // Parts of one number: digits dictated in groups, thousands separators.
    let last = index;
    let value = word;
    if (ONLY_DIGITS.test(word)) {
      const groups = [word];
      while (last + 1 < words.length && ONLY_DIGITS.test(words[last + 1] as string) && NUMBER_GAP.test(gap(last + 1))) {
        groups.push(words[last + 1] as string);
        last++;
      }
      const thousands = groups.length > 1 && (groups[0] as string).length <= 3 && groups.slice(1).every((group) => group.length === 3);
      // ("10101 01010": a cédula typed in two halves.)
      const digits = groups.join('').length;
      const chunks = groups.length > 1 && (groups.every((group) => group.length <= 4) || (groups.every((group) => group.length <= 5) && digits >= 6 && digits <= 12));
      if (thousands || chunks) {
        value = groups.join('');
      } else {
        last = index;
      }
    }
    // "pasaporte AB 123456": letters set apart from the digits, right after the type.
    const typeBefore = types.find((type) => type.last === index - 2 && type.type === 'PA');
    const letters = words[index - 1];
    if (typeBefore && letters && /^[a-z]{1,3}$/.test(letters) && !LINKS.has(letters) && ONLY_DIGITS.test(value)) {
      found.push({ value: letters + value, first: index - 1, last });
      index = last;
      continue;
    }
    if (isDocumentNumber(value)) found.push({ value, first: index, last });
    index = last;
  }
  return found;
}

/** Whether only linking words ("es", "número", "de"…) stand between two token indexes. */
function linked(words: readonly string[], from: number, to: number): boolean {
  if (to <= from || to - from > 4) return false;
  for (let index = from + 1; index < to; index++) if (!LINKS.has(words[index] as string)) return false;
  return true;
}

function countDigits(value: string): number {
  let digits = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

/** Passports may start with up to three letters ("AB123456"); the other documents start with a digit ("cédula de 1234" is no number). */
function isNumberOf(type: DocumentType, value: string): boolean {
  // Cédulas, tarjetas de identidad and registros civiles are digits only: "CC 1010101010 Laura" ends at the name.
  if (type === 'CC' || type === 'TI' || type === 'RC') return isDocumentNumber(value) && ONLY_DIGITS.test(value);
  return isDocumentNumber(value) && (type === 'PA' ? PASSPORT_NUMBER : FIRST_DIGIT).test(value);
}

function isDocumentNumber(value: string): boolean {
  return DOCUMENT_NUMBER.test(value) && countDigits(value) >= 4;
}
