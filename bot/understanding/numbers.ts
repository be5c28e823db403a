/**
 * Spanish numbers in members' messages: number words ("veintitrés", "mil novecientos noventa y
 * cuatro"), digits dictated one by one ("uno cero uno cero"), ordinals ("la primera", "1ra").
 * Pure and fast: every table and pattern is built once, here.
 */
import { normalizeText } from '../../dialogs/text.js';

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;

const MAX_NUMBER_LENGTH = 200;

/** 0 … 9: alone, or as the last word of "treinta y cinco". */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['cero', 0],
  ['uno', 1],
  ['un', 1],
  ['una', 1],
  ['dos', 2],
  ['tres', 3],
  ['cuatro', 4],
  ['cinco', 5],
  ['sinco', 5],
  ['seis', 6],
  ['siete', 7],
  ['ocho', 8],
  ['nueve', 9],
]);

/** 10 … 29, each one word. */
const TEENS: ReadonlyMap<string, number> = new Map([
  ['diez', 10],
  ['dies', 10],
  ['once', 11],
  ['onse', 11],
  ['doce', 12],
  ['dose', 12],
  ['trece', 13],
  ['trese', 13],
  ['catorce', 14],
  ['catorse', 14],
  ['quince', 15],
  ['quinse', 15],
  ['dieciseis', 16],
  ['diecisiete', 17],
  ['dieciocho', 18],
  ['diecinueve', 19],
  ['veinte', 20],
  ['veintiuno', 21],
  ['veintiun', 21],
  ['veintiuna', 21],
  ['veintidos', 22],
  ['veintitres', 23],
  ['veinticuatro', 24],
  ['veinticinco', 25],
  ['veintiseis', 26],
  ['veintisiete', 27],
  ['veintiocho', 28],
  ['veintinueve', 29],
]);

/** Tens that take "y <unit>": "treinta y uno"; "veinte y cinco" and "diez y seis" are old spellings. */
const TENS: ReadonlyMap<string, number> = new Map([
  ['diez', 10],
  ['veinte', 20],
  ['treinta', 30],
  ['trenta', 30],
  ['cuarenta', 40],
  ['cincuenta', 50],
  ['sesenta', 60],
  ['setenta', 70],
  ['ochenta', 80],
  ['noventa', 90],
]);

const HUNDREDS: ReadonlyMap<string, number> = new Map([
  ['cien', 100],
  ['ciento', 100],
  ['doscientos', 200],
  ['doscientas', 200],
  ['trescientos', 300],
  ['trescientas', 300],
  ['cuatrocientos', 400],
  ['cuatrocientas', 400],
  ['quinientos', 500],
  ['quinientas', 500],
  ['seiscientos', 600],
  ['seiscientas', 600],
  ['setecientos', 700],
  ['setecientas', 700],
  ['ochocientos', 800],
  ['ochocientas', 800],
  ['novecientos', 900],
  ['novecientas', 900],
]);

const THOUSAND = 'mil';
const MILLIONS: ReadonlySet<string> = new Set(['millon', 'millones']);
/** Articles as often as numbers: a number only before "mil"/"millón", or after "treinta y". */
const ARTICLES: ReadonlySet<string> = new Set(['un', 'una']);

/** Every word that can start or continue a number. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TEENS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), THOUSAND, ...MILLIONS]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['primera', 1],
  ['primero', 1],
  ['primer', 1],
  ['segunda', 2],
  ['segundo', 2],
  ['tercera', 3],
  ['tercero', 3],
  ['tercer', 3],
  ['cuarta', 4],
  ['cuarto', 4],
  ['quinta', 5],
  ['quinto', 5],
  ['sexta', 6],
  ['sexto', 6],
  ['septima', 7],
  ['septimo', 7],
  ['setima', 7],
  ['setimo', 7],
  ['octava', 8],
  ['octavo', 8],
  ['novena', 9],
  ['noveno', 9],
  ['decima', 10],
  ['decimo', 10],
  ['ultima', -1],
  ['ultimo', -1],
]);

/** "1ra", "1ro", "1a", "1er", "2da", "3°", "4º", "5.ª", "10mo": digits and a Spanish ordinal ending. */
const NUMERIC_ORDINAL = /^(\d{1,2})\s?\.?\s?(?:ra|ro|er|era|ero|da|do|ta|to|va|vo|na|no|ma|mo|a|o|°|º|ª)$/;
const ORDINAL_ARTICLE = /^(?:la|el|lo)\s+/;
/** A diminutive ending: "la primerita", "la ultimita", "la segundica" are the ordinal. */
const DIMINUTIVE = /^([a-z]{4,}?)(?:it|ic)([oa])$/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}°º]+$/gu;
const DIGITS = /^\d{1,15}$/;
/** Letter runs and what lies between them. */
const TOKENS = /[a-z]+|[^a-z]+/g;
const SPACE_ONLY = /^ +$/;
/** Between two digits dictated one by one, voice-to-text may put a comma or a dash. */
const DICTATION_GAP = /^ *[,.-] *$/;
const ANY_NUMBER_WORD =
  /(?:^|[^a-z])(?:cero|uno?|una|dos|tres|cuatro|cinco|sinco|seis|siete|ocho|nueve|die[zs]|onse|once|dose|doce|tre[cs]e|catorce|catorse|quin[cs]e|dieci|veint|trei?nta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|nove|sete|quinient|mil|millon)/;

interface Parsed {
  value: number;
  /** Index of the first word after the number. */
  next: number;
  /** Words it took. */
  words: number;
}

/**
 * Reads one number from `words[start]`. `joined[i]` tells whether `words[i]` follows
 * `words[i - 1]` with nothing but spaces between. `articleStart`: "un"/"una" may start it.
 */
function parseNumber(words: readonly string[], joined: readonly boolean[], start: number, articleStart: boolean): Parsed | undefined {
  const first = words[start];
  if (first === undefined) return undefined;
  if (first === 'cero') return { value: 0, next: start + 1, words: 1 };
  if (ARTICLES.has(first) && !articleStart) {
    const following = joined[start + 1] ? words[start + 1] : undefined;
    // ("Un cero un cero…": a document dictated digit by digit, "un" for "uno" before another digit.)
    if (first === 'un' && following !== undefined && (following === 'cero' || (UNITS.has(following) && !ARTICLES.has(following)))) return { value: 1, next: start + 1, words: 1 };
    if (following !== THOUSAND && (following === undefined || !MILLIONS.has(following))) return undefined;
  }
  let total = 0;
  let index = start;
  let took = false;
  let group = parseBelowThousand(words, joined, index);
  const wordAfter = (at: number): string | undefined => (at > start && !joined[at] ? undefined : words[at]);
  let after = group ? wordAfter(group.next) : wordAfter(index);
  if (after !== undefined && MILLIONS.has(after)) {
    total += (group?.value ?? 1) * 1_000_000;
    index = (group?.next ?? index) + 1;
    took = true;
    group = joined[index] ? parseBelowThousand(words, joined, index) : undefined;
    after = group ? wordAfter(group.next) : joined[index] ? words[index] : undefined;
  }
  if (after === THOUSAND) {
    total += (group?.value ?? 1) * 1000;
    index = (group?.next ?? index) + 1;
    took = true;
    group = joined[index] ? parseBelowThousand(words, joined, index) : undefined;
  }
  if (group) {
    total += group.value;
    index = group.next;
    took = true;
  }
  return took ? { value: total, next: index, words: index - start } : undefined;
}

function parseBelowThousand(words: readonly string[], joined: readonly boolean[], start: number): Omit<Parsed, 'words'> | undefined {
  const word = words[start];
  if (word === undefined) return undefined;
  const hundreds = HUNDREDS.get(word);
  if (hundreds !== undefined) {
    if (word === 'cien' || !joined[start + 1]) return { value: hundreds, next: start + 1 };
    const rest = parseBelowHundred(words, joined, start + 1);
    return rest ? { value: hundreds + rest.value, next: rest.next } : { value: hundreds, next: start + 1 };
  }
  return parseBelowHundred(words, joined, start);
}

function parseBelowHundred(words: readonly string[], joined: readonly boolean[], start: number): Omit<Parsed, 'words'> | undefined {
  const word = words[start];
  if (word === undefined) return undefined;
  const tens = TENS.get(word);
  if (tens !== undefined && joined[start + 1] && words[start + 1] === 'y' && joined[start + 2]) {
    const unit = UNITS.get(words[start + 2] ?? '');
    // "diez y seis" … "diez y nueve"; "veinte y cinco"; "treinta y un días".
    if (unit !== undefined && unit > 0 && (tens !== 10 || unit >= 6)) return { value: tens + unit, next: start + 3 };
  }
  const teen = TEENS.get(word);
  if (teen !== undefined) return { value: teen, next: start + 1 };
  if (tens !== undefined) return { value: tens, next: start + 1 };
  const unit = UNITS.get(word);
  return unit !== undefined && unit > 0 ? { value: unit, next: start + 1 } : undefined;
}

/** A whole message or phrase that is a Spanish number in words or digits: "dos", "veintitrés", "mil novecientos noventa y cuatro", "15" → 15; otherwise undefined. */
export function numberFromWords(text: string): number | undefined {
  // The longest number members write ("novecientos noventa y nueve mil…") is far shorter.
  if (typeof text !== 'string' || text.length > MAX_NUMBER_LENGTH) return undefined;
  const normalized = normalizeText(text).replace(EDGE_PUNCTUATION, '');
  if (normalized.length === 0) return undefined;
  if (DIGITS.test(normalized)) return Number(normalized);
  const words = normalized.split(' ');
  if (words.length > 12) return undefined;
  for (const word of words) if (word !== 'y' && !NUMBER_WORDS.has(word)) return undefined;
  const joined = words.map(() => true);
  const parsed = parseNumber(words, joined, 0, true);
  return parsed && parsed.next === words.length ? parsed.value : undefined;
}

/** Words already read by `ordinalFromWord`, and what they were. */
const ordinalsRead = new Map<string, number | undefined>();
const ORDINALS_KEPT = 20_000;

/** An ordinal word: "primera"/"primero"/"1ra"/"1ro"/"1°" → 1 … "decima" → 10; "ultima"/"ultimo" → -1; otherwise undefined. */
export function ordinalFromWord(word: string): number | undefined {
  if (typeof word !== 'string' || word.length > 40) return undefined;
  // (Read for every word of many messages, a few times each: the answer for a word is kept, as `soundOf` keeps sounds.)
  if (ordinalsRead.has(word)) return ordinalsRead.get(word);
  const ordinal = ordinalUncached(word);
  if (ordinalsRead.size >= ORDINALS_KEPT) ordinalsRead.clear();
  ordinalsRead.set(word, ordinal);
  return ordinal;
}

function ordinalUncached(word: string): number | undefined {
  const normalized = normalizeText(word).replace(EDGE_PUNCTUATION, '').replace(ORDINAL_ARTICLE, '');
  const named = ORDINALS.get(normalized) ?? ORDINALS.get(normalized.replace(DIMINUTIVE, '$1$2'));
  if (named !== undefined) return named;
  const numeric = NUMERIC_ORDINAL.exec(normalized);
  if (!numeric?.[1]) return undefined;
  const value = Number(numeric[1]);
  return value >= 1 && value <= 10 ? value : undefined;
}

/** The normalised text with every run of Spanish number words replaced by its digits: "el quince de marzo de mil novecientos noventa y cuatro" → "el 15 de marzo de 1994"; "uno cero uno cero" (digits spoken one by one, as voice-to-text writes a document) → "1010". Words that are not numbers stay. Careful: "un"/"una" as articles ("una cita") must stay words. */
export function digitsFromWords(normalized: string): string {
  if (typeof normalized !== 'string' || normalized.length > MAX_TEXT_LENGTH || !ANY_NUMBER_WORD.test(normalized)) return normalized;
  const tokens = normalized.match(TOKENS);
  if (!tokens) return normalized;
  // The letter runs, where each starts in `tokens`, and whether only spaces precede it.
  const words: string[] = [];
  const tokenOf: number[] = [];
  const joined: boolean[] = [];
  const gapBefore: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (token.charCodeAt(0) < 97 || token.charCodeAt(0) > 122) continue;
    const previous = index > 0 ? (tokens[index - 1] as string) : '';
    const previousIsWord = index > 1 && words.length > 0 && tokenOf[words.length - 1] === index - 2;
    joined.push(previousIsWord && SPACE_ONLY.test(previous));
    gapBefore.push(previousIsWord ? previous : '');
    words.push(token);
    tokenOf.push(index);
  }
  // Replacements, as [first token, last token, digits].
  const replaced: Array<[number, number, string]> = [];
  let runStart = -1;
  let runEnd = -1;
  let runDigits = '';
  let lastWasSingleDigit = false;
  let lastWasYear = false;
  const closeRun = () => {
    if (runStart >= 0) replaced.push([tokenOf[runStart] as number, tokenOf[runEnd] as number, runDigits]);
    runStart = -1;
    runDigits = '';
    lastWasSingleDigit = false;
    lastWasYear = false;
  };
  for (let index = 0; index < words.length;) {
    const word = words[index] as string;
    if (!NUMBER_WORDS.has(word)) {
      closeRun();
      index++;
      continue;
    }
    const continuing = runStart >= 0 && runEnd === index - 1;
    const parsed = parseNumber(words, joined, index, false);
    if (!parsed) {
      closeRun();
      index++;
      continue;
    }
    const singleDigit = parsed.words === 1 && parsed.value <= 9;
    // Adjacent numbers make one run of digits ("diez diez" → "1010"); a comma or a dash may
    // separate digits dictated one by one ("uno, cero, uno").
    // ("Mil novecientos noventa y uno quince de julio": a year said in words ends its run; the day is another number.)
    const adjacent = continuing && !lastWasYear && (joined[index] || (singleDigit && lastWasSingleDigit && DICTATION_GAP.test(gapBefore[index] ?? '')));
    if (!adjacent) {
      closeRun();
      runStart = index;
    }
    runDigits += String(parsed.value);
    runEnd = parsed.next - 1;
    lastWasSingleDigit = singleDigit;
    lastWasYear = parsed.value >= 1900 && parsed.value <= 2100 && parsed.words > 1;
    index = parsed.next;
  }
  closeRun();
  if (replaced.length === 0) return normalized;
  let result = '';
  let cursor = 0;
  for (const [first, last, digits] of replaced) {
    for (; cursor < first; cursor++) result += tokens[cursor] as string;
    result += digits;
    cursor = last + 1;
  }
  for (; cursor < tokens.length; cursor++) result += tokens[cursor] as string;
  return result;
}
