/**
 * The words of a member's message as the understanding step compares them: lower case,
 * without accents, letters repeated for emphasis folded ("siiii" → "si"), and typos of words
 * of five letters or more corrected against the words Lina knows.
 */
import { normalizeText } from '../../dialogs/text.js';

/** Emojis that mean something in a chat, read as the word a member would have written. */
export const EMOJI_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\u{1F44D}[\u{1F3FB}-\u{1F3FF}]?/gu, ' ok '],
  [/\u{1F44C}[\u{1F3FB}-\u{1F3FF}]?/gu, ' ok '],
  [/\u2705|\u2714\uFE0F?/gu, ' ok '],
  [/\u{1F44E}[\u{1F3FB}-\u{1F3FF}]?/gu, ' no '],
  [/\u274C|\u274E/gu, ' no '],
  [/\u{1F64F}[\u{1F3FB}-\u{1F3FF}]?/gu, ' gracias '],
  [/\u{1F44B}[\u{1F3FB}-\u{1F3FF}]?/gu, ' hola '],
  // A heart or a face in love, alone or after a booking: thanks, never a miss.
  // (A smiling face too: "😊" alone at the slots is politeness, answered kindly, never "No te entendí".)
  // An angry face: frustration, answered calmly with the way out, never "No te entendí".
  [/[\u{1F621}\u{1F620}\u{1F92C}\u{1F624}]/gu, ' que fastidio '],
  [/\u2764\uFE0F?|\u263A\uFE0F?|[\u{1F495}\u{1F496}\u{1F497}\u{1F49C}\u{1F499}\u{1F49A}\u{1F49B}\u{1F970}\u{1F60D}\u{1F618}\u{1F917}\u{1F60A}\u{1F642}]/gu, ' gracias '],
];
/**
 * A character any of `EMOJI_WORDS` can start with: from U+2600 (☺ U+263A, ✅, ✔, ❌, ❎, ❤) or beyond the Basic Multilingual
 * Plane (a surrogate). Accented letters, ñ, ¿ and ¡ are none: most messages skip the emoji replacements.
 */
export const MAY_HOLD_EMOJI = /[\u2600-\u27FF\uD800-\uDFFF]/;
/**
 * Chat shorthand, read as the word it stands for wherever it stands alone between spaces or
 * punctuation: "q" (que), "xq"/"pq" (porque), "tmb"/"tb" (también), "xa" (para), "d" (de),
 * "k" (que, inside a sentence; "k" alone is an ok), "dnd" (donde), "cdo" (cuando), "bns" (buenas),
 * "x" (por, inside a sentence: "x la tarde", "x fa"; alone it may be a mark).
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['q', 'que'],
  ['xq', 'porque'],
  ['pq', 'porque'],
  ['porq', 'porque'],
  ['tmb', 'tambien'],
  ['tb', 'tambien'],
  ['tambn', 'tambien'],
  ['xa', 'para'],
  ['d', 'de'],
  ['bns', 'buenas'],
  ['bnas', 'buenas'],
  ['bnos', 'buenos'],
  ['dnd', 'donde'],
  ['cdo', 'cuando'],
  ['bn', 'bien'],
  ['msj', 'mensaje'],
  ['info', 'informacion'],
  // Spelling as it sounds: "la kiero cambiar", "una sita", "una citica", "noo esperaa".
  ['kiero', 'quiero'],
  ['kiere', 'quiere'],
  ['kieren', 'quieren'],
  ['ke', 'que'],
  ['sita', 'cita'],
  ['sitas', 'citas'],
  ['citica', 'cita'],
  ['citita', 'cita'],
  // Words the readers of documents and dates need as written, spelt by ear ("mi sedula es…", "pa oy").
  ['sedula', 'cedula'],
  ['oy', 'hoy'],
  ['cansela', 'cancela'],
  ['canselar', 'cancelar'],
  ['cansele', 'cancele'],
  ['canselarla', 'cancelarla'],
  ['canselela', 'cancelela'],
  ['noo', 'no'],
  ['nono', 'no no'],
  ['enla', 'en la'],
  ['pala', 'para la'],
  // Chat shorthand: "ok dle", "bno si", "naci el 14 d marzo dl 90", "tnks".
  ['dle', 'dale'],
  ['dl', 'del'],
  ['bno', 'bueno'],
  ['tnks', 'gracias'],
  ['thks', 'gracias'],
  ['aa', 'ah'],
  ['sipi', 'si'],
  ['sipo', 'si'],
  // ("x la mñn", "a la hr q sea", "1ro sofi y dsps mateo": the morning, the hour, first and after, as typed in a hurry.)
  ['mnn', 'manana'],
  ['mnna', 'manana'],
  ['mna', 'manana'],
  ['mnana', 'manana'],
  ['hr', 'hora'],
  ['hrs', 'horas'],
  ['dsps', 'despues'],
  ['dps', 'despues'],
  ['dspues', 'despues'],
  ['1ro', 'primero'],
  ['1ero', 'primero'],
]);
/** The shorthand words as whole words, never inside an e-mail, a code or a number ("d.q@x.co"). */
const SHORTHAND_WORD = new RegExp(`(?<![a-z0-9@._-])(${[...SHORTHAND.keys(), 'k', 'x'].join('|')})(?![a-z0-9@_-]|\\.[a-z0-9])`, 'g');
const HAS_SHORTHAND = new RegExp(SHORTHAND_WORD.source);
/** Anything that is not a letter, a digit, `@`, `.`, `/`, `-`, `:` or `_` separates words. */
const SEPARATORS = /[^a-z0-9@./:_-]+/g;
/** Three or more of the same letter: emphasis ("siiii", "holaaa", "graciasss"). */
const REPEATED = /([a-z])\1{2,}/g;
/** Doubled letters Spanish does not double (rr, ll, cc, ee, oo and nn do occur). */
const DOUBLED = /([abdfghijkmpqstuvwxyz])\1/g;
const EDGE_PUNCTUATION = /^[./:_-]+|[./:_-]+$/g;
const LETTERS_ONLY = /^[a-z]+$/;

/** Lower case, no accents (ñ is n), emojis as words, emphasis folded; punctuation kept for dates and emails. */
/** An hour and its minutes with a dot: "10.40", "3.30". */
export const DOTTED_TIME = /(?<![\d.,])([01]?\d|2[0-3])\.([0-5][05])(?![\d.,])/g;

/**
 * The messages normalised lately and their results. A message is normalised again and again
 * while it is read (by each reader, whole and in its clauses, some nine times a message): the
 * result depends on the text alone, so it is worked out once. Cleared when full.
 */
const normalizedMessages = new Map<string, string>();
const NORMALIZED_KEPT = 500;

export function normalizeMessage(text: string): string {
  let known = normalizedMessages.get(text);
  if (known === undefined) {
    known = normalizeUncached(text);
    if (normalizedMessages.size >= NORMALIZED_KEPT) normalizedMessages.clear();
    normalizedMessages.set(text, known);
  }
  return known;
}

function normalizeUncached(text: string): string {
  let normalized = text;
  if (MAY_HOLD_EMOJI.test(normalized)) {
    for (const [emoji, word] of EMOJI_WORDS) normalized = normalized.replace(emoji, word);
  }
  // Accents go, ñ included: members write "manana" as often as "mañana".
  // "re programar", "re agendar": one verb dictated as two words.
  // "10.40", "2.20": an hour and its minutes written with a dot, read as with a colon (not "1.020.456", nor "15.03.94").
  const folded = normalizeText(normalized)
    .replace(REPEATED, '$1')
    .replace(/\bre (program|agend)/g, 're$1')
    // "¿No ay algo más tempranito?", "ay citas para…": "hay" written by ear.
    .replace(/\b(no |y |si |que |q |todavia |aun )ay (?=(?:algo|alguna|algun|otro|otra|otros|otras|cita|citas|cupo|cupos|nada|mas|mas tarde|disponible)\b)/g, '$1hay ')
    .replace(/^ay (?=(?:algo|alguna|algun|otro|otra|otros|otras|cita|citas|cupo|cupos|nada|mas|disponible)\b)/, 'hay ')
    // "alas 9", "ala 1": "a las 9", "a la 1", typed in a hurry.
    .replace(/\b(al)(as?) (?=\d|una\b|dos\b|tres\b|cuatro\b|cinco\b|diez\b|once\b|doce\b)/g, 'a l$2 ')
    .replace(DOTTED_TIME, '$1:$2')
    // "Kansela", "kuando", "kon": a k for the c that sounds the same.
    .replace(/\bk(?=[aou][a-z])/g, 'c')
    // ("Ya kedo?", "kiero": a k for the qu.)
    .replace(/\bk(?=(?:ed|ied|ier|isier|isie)[a-z]*)/g, 'qu')
    // ("La de medicinageneral": the specialty's words run together by dictation.)
    .replace(/\b(medicina|medico)general\b/g, '$1 general')
    // ("Una cita paramañana", "15 demarzo", "primeravez": a short word run into the next on a cheap keyboard.)
    .replace(
      /\b(para|pa|de|del)(manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b/g,
      '$1 $2',
    )
    .replace(/\bprimeravez\b/g, 'primera vez')
    // ("March 15, 1994", "the Wednesday one", "thanks bro": days, months and thanks in English, from members who mix it in.)
    .replace(ENGLISH_WORDS, (word) => ENGLISH.get(word.replace(/\W+/g, ' ')) ?? word)
    // ("Aaa ok sí": the "ah" its letters drawn out, not the preposition.)
    .replace(/^\W*a (?=(?:ok|okay|bueno|listo|si|ya|va|vale|dale|entiendo|bien)\b)/, 'ah ')
    // "X la tard", "en la tard": the afternoon, its last letter left out (too short a word for the speller).
    .replace(/\b(la|las) tard\b/g, '$1 tarde')
    // "El juevesito", "un sabadito": the day, said fondly.
    .replace(/\b(lunes|martes|jueves|viernes)c?itos?\b/g, '$1')
    .replace(/\b(sabad|doming)it(o)s?\b/g, '$1$2')
    .replace(/\bmiercol(?:es)?itos?\b/g, 'miercoles')
    // "Esta semana no, la otra": the other week, said once.
    .replace(
      /\b(esta semana no\b(?:[^a-z0-9]+(?:mejor|puedo|me sirve|me queda))?[^a-z0-9]+(?:(?:para|pa|en|tiene algo|tiene algo para|tiene algo pa|hay algo|hay algo para) )?la (?:otra|siguiente|proxima))(?! semana)\b/g,
      '$1 semana',
    );
  return HAS_SHORTHAND.test(folded) ? expandShorthand(folded) : folded;
}

/** English words some members mix in, as the Spanish ones Lina reads. */
const ENGLISH: ReadonlyMap<string, string> = new Map([
  ['monday', 'lunes'],
  ['tuesday', 'martes'],
  ['wednesday', 'miercoles'],
  ['thursday', 'jueves'],
  ['friday', 'viernes'],
  ['saturday', 'sabado'],
  ['sunday', 'domingo'],
  ['january', 'enero'],
  ['february', 'febrero'],
  ['march', 'marzo'],
  ['april', 'abril'],
  ['june', 'junio'],
  ['july', 'julio'],
  ['august', 'agosto'],
  ['september', 'septiembre'],
  ['october', 'octubre'],
  ['november', 'noviembre'],
  ['december', 'diciembre'],
  ['today', 'hoy'],
  ['tomorrow', 'manana'],
  ['thanks', 'gracias'],
  ['thank you', 'gracias'],
  ['thx', 'gracias'],
  ['that s all', 'eso es todo'],
  ['thats all', 'eso es todo'],
]);
const ENGLISH_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|today|tomorrow|thanks|thank you|thx|that\W?s all)\b/g;

function expandShorthand(folded: string): string {
  const alone = !/\s/.test(folded.trim());
  return folded.replace(SHORTHAND_WORD, (word) => (word === 'k' ? (alone ? 'ok' : 'que') : word === 'x' ? (alone ? 'x' : 'por') : (SHORTHAND.get(word) ?? word)));
}

/** The words of a normalised message, without punctuation at their edges. */
export function wordsOf(normalized: string): string[] {
  const words: string[] = [];
  for (const raw of normalized.split(SEPARATORS)) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    if (word) words.push(word);
  }
  return words;
}

/**
 * The optimal-string-alignment distance between `a` and `b` (edits: insert, delete, replace,
 * swap two neighbours), or `limit + 1` as soon as it must exceed `limit`. Hand-written because
 * it runs for every unknown word of every message: bounded and allocation-light, it costs
 * microseconds where a general fuzzy-search library would build an index per call.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  let before = new Array<number>(width);
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? limit + 1;
  return distance > limit ? limit + 1 : distance;
}

/** Pronouns a verb takes at its end ("cámbiemela", "olvídelo", "agéndeme"). */
const ENCLITIC = /(?:mela|melo|melas|melos|sela|selo|selas|selos|me|lo|la|le|los|las|les|nos)$/;

/** A word without a plural -s or -es, a plural verb's -n, and its last vowel (a, o or e). */
function withoutEnding(word: string): string {
  let stem = word;
  if (stem.length > 4 && /[aeiou]s$/.test(stem)) stem = stem.slice(0, -1);
  else if (stem.length > 5 && /[^aeiou]es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 4 && /[aeiou]n$/.test(stem)) stem = stem.slice(0, -1);
  return stem.length > 3 ? stem.replace(/[aoe]$/, '') : stem;
}

/**
 * What an inflection of a Spanish word may share with the word's other forms: the word without
 * its ending (`withoutEnding`), and, when it may end in a pronoun a verb takes ("olvídelo",
 * "cámbiemela"), without that pronoun too. "Siguiente" and "siguientes", "temprana" and
 * "temprano", "olvídelo" and "olvido", "entiende" and "entiendo" share one; "reprogramr" and
 * "reprogramar", "medicna" and "medicina" do not.
 */
export function inflectionStems(word: string): string[] {
  const stems = [withoutEnding(word)];
  const enclitic = ENCLITIC.exec(word);
  if (enclitic && word.length - enclitic[0].length >= 4) stems.push(withoutEnding(word.slice(0, -enclitic[0].length)));
  return stems;
}

/** Two different words that are inflections of one another: both valid, neither a typo of the other. */
export function inflectionsOfOneWord(a: string, b: string): boolean {
  if (a === b) return false;
  const stems = inflectionStems(b);
  return [...inflectionStems(a), ...verbStems(a)].some((stem) => stems.includes(stem));
}

/**
 * A written verb's infinitive, participle or gerund against its other forms: "autorizar",
 * "autorizado", "autorizando" and "cancelaron" are valid words, not typos of "autorizo" or
 * "cancelar". One way only: a written "cancela" is still read as a known "cancelar".
 */
function verbStems(word: string): string[] {
  let stem = withoutEnding(word);
  const participle = /(?:ad|id)$|(?:and|iend)$/.exec(stem);
  if (participle && stem.length - participle[0].length >= 5) stem = stem.slice(0, -participle[0].length);
  return stem.length > 6 && /[aei]r$/.test(stem) ? [stem.slice(0, -2)] : participle ? [stem] : [];
}

/** A Spanish gerund: "peleando", "corriendo", "leyendo". */
const GERUND = /(?:ando|iendo|yendo)$/;

/** How far a word of this length may be from a known word and still be read as it. */
/**
 * How a word sounds in Colombian Spanish, so that spellings by ear meet the written word: c
 * before e or i, z, s and x sound alike; b, v; y, ll; a silent h; qu and hard c are k; g before e
 * or i is j; n before b or p is m; doubled letters are one ("cedula" and "sedula", "vez" and
 * "bes", "hoy" and "oy", "equivoque" and "ekivoke" sound the same).
 */
export function spanishSound(word: string): string {
  return word
    .replace(/ch/g, 'C')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/c/g, 'k')
    .replace(/[zx]/g, 's')
    .replace(/[v]/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/h/g, '')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/n(?=[bp])/g, 'm')
    .replace(/([a-z])\1/g, '$1');
}

function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Corrects words against a vocabulary. Only words of five letters or more are corrected, only
 * to a single nearest known word, never to another form of the same word (a valid word,
 * "siguiente", stays as written rather than becoming "siguientes"), and never across a pair that
 * would flip the meaning (`protectedPairs`: "cancelar" is never read as "reprogramar", whatever the typo).
 */
export class Speller {
  private readonly known: ReadonlySet<string>;
  /** Known words by length, so a word is compared only with words it could be. */
  private readonly byLength = new Map<number, string[]>();
  private readonly protectedWith = new Map<string, Set<string>>();
  private readonly memo = new Map<string, string>();

  /**
   * `meaningOf` names what a known word stands for ("pediatra" and "pediatria" both stand for
   * pediatrics): a typo equally near two words of the same meaning is still read as that meaning.
   */
  constructor(
    vocabulary: Iterable<string>,
    protectedPairs: ReadonlyArray<readonly [string, string]> = [],
    private readonly meaningOf: (word: string) => string | undefined = () => undefined,
  ) {
    const known = new Set<string>();
    for (const word of vocabulary) if (word && LETTERS_ONLY.test(word)) known.add(word);
    this.known = known;
    for (const word of known) {
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
    for (const [a, b] of protectedPairs) {
      this.protect(a, b);
      this.protect(b, a);
    }
  }

  /** Whether `word` is a word Lina knows as it is. */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  /** `word` itself when known, short or not a plain word; otherwise the one known word it is a typo of. */
  correct(word: string): string {
    if (this.known.has(word) || !LETTERS_ONLY.test(word)) return word;
    // (A word not known is read again and again, names above all: what it was read as is kept, however it was found.)
    const remembered = this.memo.get(word);
    if (remembered !== undefined) return remembered;
    const corrected = this.correctUnknown(word);
    if (this.memo.size > 20_000) this.memo.clear();
    this.memo.set(word, corrected);
    return corrected;
  }

  private correctUnknown(word: string): string {
    const undoubled = word.replace(DOUBLED, '$1');
    if (undoubled !== word && this.known.has(undoubled)) return undoubled;
    // Spelt as it sounds ("sedula", "cansela", "biernes", "oy", "pa mi ija"): the one known word that sounds the same.
    const sounded = this.soundsLike(word);
    if (sounded !== undefined) return sounded;
    const limit = allowedEdits(word.length);
    if (limit === 0) return word;
    return this.nearest(word, limit);
  }

  /** Known words by how they sound, built the first time a word is looked up by sound. */
  private bySound: Map<string, string[]> | undefined;

  private soundsLike(word: string): string | undefined {
    if (word.length < 2) return undefined;
    if (this.bySound === undefined) {
      this.bySound = new Map();
      for (const known of this.known) {
        const key = spanishSound(known);
        const list = this.bySound.get(key) ?? [];
        list.push(known);
        this.bySound.set(key, list);
      }
    }
    const [only, ...others] = this.bySound.get(spanishSound(word)) ?? [];
    // Two known words that sound alike ("hay", "ahí") leave the word as written; so does one nearer the other side of a
    // protected pair than the word it sounds like.
    if (only === undefined || others.length > 0) return undefined;
    const rivals = this.protectedWith.get(only);
    if (rivals) for (const rival of rivals) if (editDistance(word, rival, 2) < editDistance(word, only, 2)) return undefined;
    return only;
  }

  private nearest(word: string, limit: number): string {
    let best = limit + 1;
    let candidates: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const known of this.byLength.get(length) ?? []) {
        // A typo keeps the first letter far more often than not: it cuts false friends.
        if (known.charCodeAt(0) !== word.charCodeAt(0) && limit < 2) continue;
        const distance = editDistance(word, known, Math.min(limit, best));
        if (distance < best) {
          best = distance;
          candidates = [known];
        } else if (distance === best && distance <= limit) {
          candidates.push(known);
        }
      }
    }
    if (best > limit || candidates.length === 0) return word;
    // A gerund ("peleando", "llorando") is a verb as written, never a typo of a word that is none ("pelado").
    if (GERUND.test(word) && !candidates.some((candidate) => GERUND.test(candidate))) return word;
    // "Siguiente" near "siguientes", "temprana" near "temprano": another form of a known word is a valid word, left as written.
    if (candidates.some((candidate) => inflectionsOfOneWord(word, candidate))) return word;
    const meaning = this.meaningOf(candidates[0] as string);
    if (candidates.length > 1 && (meaning === undefined || candidates.some((candidate) => this.meaningOf(candidate) !== meaning))) return word;
    const [only] = candidates as [string];
    // Never a correction that lands on one side of a protected pair from near the other.
    const rivals = this.protectedWith.get(only);
    if (rivals) for (const rival of rivals) if (editDistance(word, rival, limit + 1) <= limit + 1) return word;
    return only;
  }

  private protect(word: string, rival: string) {
    const set = this.protectedWith.get(word) ?? new Set<string>();
    set.add(rival);
    this.protectedWith.set(word, set);
  }
}
