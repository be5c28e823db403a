/**
 * An e-mail address in a member's message, written ("mi correo es LAURA.GOMEZ@EXAMPLE.COM
 * gracias") or dictated ("laura punto gomez arroba gmail punto com"), or the member saying they
 * have none ("no tengo correo").
 */
import { editDistance } from './words.js';
import { digitsFromWords } from './numbers.js';
import { normalizeText } from '../../dialogs/text.js';

export interface EmailMention {
  email?: string;
  noEmail?: true;
}

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;
const MAX_EMAIL_LENGTH = 254;

/** The check `parseEmail` (dialogs/parse.ts) applies: one @, a dot in the domain, no spaces. */
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/;
/** An address inside a sentence: not glued to letters (an accented local part is no address). */
const ADDRESS = /(?<![\p{L}\p{N}._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\p{L}\p{N}_%+@-])/gu;
const AT_WITH_SPACES = / *@ */g;
const LEADING_PUNCTUATION = /^[._%+-]+/;

/** Dictated symbols; the replacements eat the spaces around them. */
const SPOKEN_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ ?\b(?:guion|raya|linea) (?:bajo|baja|al piso|abajo)\b ?/g, '_'],
  [/ ?\bunderscore\b ?/g, '_'],
  [/ ?\bguion\b ?/g, '-'],
  [/ ?\barroba\b ?/g, '@'],
  [/ ?\bpunto\b ?/g, '.'],
];
const SPOKEN = /\barroba\b/;
/** Words that may stand right before a dictated address; after any other word ("laura gomez arroba…"), the address may have lost a part. */
const SPOKEN_LEAD_INS: ReadonlySet<string> = new Set([
  'es',
  'correo',
  'email',
  'mail',
  'electronico',
  'a',
  'al',
  'seria',
  'si',
  'claro',
  'ok',
  'listo',
  'el',
  'mi',
  'este',
  'aqui',
  'va',
  'dale',
  'escribeme',
  'enviame',
  'envialo',
  'envielo',
  'mandalo',
  'mandelo',
  'manda',
  'mande',
  'hola',
  'buenas',
  'gracias',
  'que',
  'tengo',
  'uso',
  'favor',
  'porfa',
  'bueno',
  'pues',
  'sera',
  'queda',
  'ese',
  'e',
  'gmail',
  'hotmail',
  // "Mándelo al de mi esposo carlos punto rojas…": whose address it is, said before it.
  'esposo',
  'esposa',
  'hijo',
  'hija',
  'mama',
  'papa',
  'hermano',
  'hermana',
  'de',
]);
const WORD_BEFORE = /([\p{L}\p{N}]+)[^\p{L}\p{N}]*$/u;

const MAIL_WORD = String.raw`(?:correo|correos|email|emails|e-mail|e mail|mail|gmail|hotmail|outlook|direccion de correo|cuenta de correo)(?: electronico)?`;
const NO_EMAIL = new RegExp(
  [
    String.raw`\bno (?:tengo|tiene|tenemos|manejo|maneja|manejamos|uso|usa|usamos|utilizo|poseo|cuento con|he tenido|tengo ni) (?:(?:ningun|ninguna|un|una|ni|eso del?|esas? cosas? del?|el|los) )?${MAIL_WORD}\b`,
    String.raw`\bsin ${MAIL_WORD}\b`,
    String.raw`\bno se (?:usar|manejar|utilizar|nada de) (?:el |los |eso del? )?${MAIL_WORD}\b`,
    String.raw`\bnunca he tenido ${MAIL_WORD}\b`,
    // "Correo no tengo, mija", "yo no sé de correos".
    String.raw`\b${MAIL_WORD} no (?:tengo|manejo|uso|tenemos)\b`,
    String.raw`\bno se (?:nada )?de ${MAIL_WORD}\b`,
  ].join('|'),
);
/** "No tengo correo a la mano": they have one, just not here. */
const NOT_AT_HAND = /^ ?(?:a la mano|a mano|aqui|ahorita|ahora|en este momento|presente|conmigo|en la cabeza|memorizado)\b/;
/** "No tengo", "no, no tengo", "ninguno": the whole answer to "¿a qué correo…?". */
const NONE_ANSWER =
  /^(?:(?:no+|nop|nope|nel|pues no|la verdad|disculpa|disculpe|pues|ay|senorita|lina)[ ,.!]+)*(?:no tengo(?: (?:ninguno|ninguna|nada))?|ninguno|ninguna)(?:[ ,.!]+(?:senorita|senora|gracias|por ahora|la verdad|lo siento|disculpa|disculpe))*[ .!]*$/;

/** An e-mail address inside a message (lower-cased), or the member saying they have none. */
export function readEmail(text: string): EmailMention {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return {};
  const found = new Set<string>();
  let unsure = false;

  // Written: the text as sent, lower-cased (accents kept: "maría@…" is not "maria@…").
  if (text.includes('@')) {
    // ("laura.gomez89@gmail. com": a space the keyboard put after the dot of the domain.)
    const written = text
      .toLowerCase()
      .replace(AT_WITH_SPACES, '@')
      .replace(/(@[a-z0-9-]+)\. +(com|co|net|org|edu|gov)\b/g, '$1.$2')
      // ("pedromorales@gmail,com": a comma typed for the dot of the domain.)
      .replace(/(@[a-z0-9-]+), ?(com|co|net|org|edu|gov)\b/g, '$1.$2');
    for (const match of written.matchAll(ADDRESS)) addValid(found, match[0]);
  }

  const normalized = normalizeText(text);
  // Dictated: "laura punto gomez arroba gmail punto com".
  if (SPOKEN.test(normalized)) {
    // "lauragomez ochenta y cinco arroba hotmail punto com": numbers dictated in words.
    let spoken = digitsFromWords(normalized);
    for (const [pattern, symbol] of SPOKEN_SYMBOLS) spoken = spoken.replace(pattern, symbol);
    // ("laurita punto 87 arroba…": the symbols first, so a number is glued to the word before it only right before the @.)
    spoken = spoken.replace(/([a-z])\s+(\d+)(?=@)/g, '$1$2');
    // "laura gomez 85 arroba gmail punto com, todo pegadito": the words before the @, back to the words that lead in, are one.
    if (GLUED.test(normalized)) spoken = gluedBeforeAt(spoken);
    for (const match of spoken.matchAll(ADDRESS)) {
      const before = WORD_BEFORE.exec(spoken.slice(0, match.index));
      if (before?.[1] && !SPOKEN_LEAD_INS.has(before[1])) unsure = true;
      addValid(found, match[0]);
    }
  }

  if (found.size === 1 && !unsure) return { email: [...found][0] };
  if (found.size > 0) return {};
  return saysNoEmail(normalized) ? { noEmail: true } : {};
}

/** "Todo pegado", "todo junto", "sin espacios": the dictated words of the address are one. */
const GLUED = /\b(?:todo )?(?:pegad\w*|junt\w*)\b|\bsin espacios?\b/;

function gluedBeforeAt(spoken: string): string {
  const at = spoken.indexOf('@');
  if (at < 0) return spoken;
  const words = spoken.slice(0, at).split(' ');
  let start = words.length;
  while (start > 0 && !SPOKEN_LEAD_INS.has(words[start - 1] ?? '')) start--;
  return `${[...words.slice(0, start), words.slice(start).join('')].join(' ')}${spoken.slice(at)}`;
}

function addValid(found: Set<string>, candidate: string): void {
  const address = candidate.replace(LEADING_PUNCTUATION, '');
  if (address.length <= MAX_EMAIL_LENGTH && EMAIL.test(address)) found.add(address);
}

function saysNoEmail(normalized: string): boolean {
  if (NONE_ANSWER.test(normalized)) return true;
  const match = NO_EMAIL.exec(normalized);
  if (!match) return false;
  return !NOT_AT_HAND.test(normalized.slice(match.index + match[0].length));
}

/** The providers most members use: a domain a letter or two from one of them is almost surely it, mistyped. */
const COMMON_DOMAINS = ['gmail.com', 'hotmail.com', 'hotmail.es', 'outlook.com', 'outlook.es', 'yahoo.com', 'yahoo.es', 'live.com', 'icloud.com', 'msn.com'];

/**
 * "pedro.morales85@hotmial.com": the address with the common provider it was surely meant to be ("…@hotmail.com"), for the
 * dialog to ask before sending anything there; `undefined` when the domain is one of them or near none (or near two).
 */
export function likelyMeant(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (at <= 0 || COMMON_DOMAINS.includes(domain)) return undefined;
  const near = COMMON_DOMAINS.filter((common) => editDistance(domain, common, 2) <= (domain.length >= 9 ? 2 : 1));
  const [only] = near;
  return only !== undefined && near.length === 1 ? `${email.slice(0, at)}@${only}` : undefined;
}
