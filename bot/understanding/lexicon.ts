/**
 * The lexicon (`locales/es-CO/understanding/lexicon.yaml`) made fast to look up: phrase
 * indexes over words, sets of yes and no phrases, and the speller's vocabulary.
 */
import { z } from 'zod';
import { SITE_CODES, SPECIALTIES, VISIT_TYPES, type SiteCode, type Specialty, type VisitType } from '../domain.js';
import { INTENTS, type Intent } from './types.js';

const phrases = z.array(z.string().min(1));

/** The lexicon file as written: validated so a typo in it fails at start, not in a member's turn. */
export const LexiconSchema = z.object({
  yes: phrases,
  yesVerbs: phrases,
  no: phrases,
  notRefusal: phrases,
  courtesy: phrases,
  intentPhrases: z.partialRecord(z.enum(INTENTS), phrases),
  specialty: z.record(z.enum(SPECIALTIES), phrases),
  visitType: z.record(z.enum(VISIT_TYPES), phrases),
  sites: z.record(z.enum(SITE_CODES), phrases),
  relations: z.object({ son: phrases, daughter: phrases, child: phrases, other: phrases }),
  self: phrases,
  notNames: phrases,
  firstNames: phrases,
  /** Everyday words the speller keeps as written, near a word Lina acts on ("anotarla" is no "anularla"). */
  keep: phrases,
  /** Short forms of first names that do not start them ("teo" for Mateo): the name each stands for. */
  nicknames: z.record(z.string(), z.string()),
  protectedPairs: z.array(z.tuple([z.string(), z.string()])),
});
export type LexiconSource = z.infer<typeof LexiconSchema>;

export type Relation = 'son' | 'daughter' | 'child' | 'other';

/** A phrase found in a message: what it stands for and the words it covers (`end` excluded). */
export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

const splitWords = (phrase: string): string[] => phrase.trim().split(/\s+/);
const NOTHING_FOUND: ReadonlyArray<Found<never>> = Object.freeze([]);

/**
 * Phrases of one or more words, found on word boundaries in a message's words; where two
 * overlap, the longer wins ("medicina general" over "medicina").
 */
export class PhraseIndex<T> {
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; value: T }>>();

  /**
   * The words last looked in, and what was found there: the same words of a message are looked in again and again (by the
   * entities, the patients, the intent and the settling). Words and what is found are read-only, so the same array holds the
   * same words.
   */
  private lastWords: readonly string[] | undefined;
  private lastFound: ReadonlyArray<Found<T>> = NOTHING_FOUND;

  add(phrase: string, value: T): void {
    this.lastWords = undefined;
    const words = splitWords(phrase);
    const [first] = words;
    if (!first) return;
    const list = this.byFirstWord.get(first) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirstWord.set(first, list);
  }

  find(words: readonly string[]): ReadonlyArray<Found<T>> {
    if (words === this.lastWords) return this.lastFound;
    const found = this.findUncached(words);
    this.lastWords = words;
    this.lastFound = found;
    return found;
  }

  private findUncached(words: readonly string[]): ReadonlyArray<Found<T>> {
    // Most phrases are absent from most messages: nothing is allocated until one is found.
    let found: Array<Found<T>> | undefined;
    for (let start = 0; start < words.length;) {
      const candidates = this.byFirstWord.get(words[start] ?? '');
      let match: { words: string[]; value: T } | undefined;
      if (candidates) {
        // Longest first (the list is sorted): the first that fits wins. Plain loops: this runs for every word of every message.
        for (const candidate of candidates) {
          let fits = candidate.words.length <= words.length - start;
          for (let offset = 1; fits && offset < candidate.words.length; offset++) fits = words[start + offset] === candidate.words[offset];
          if (fits) {
            match = candidate;
            break;
          }
        }
      }
      if (match) {
        (found ??= []).push({ value: match.value, start, end: start + match.words.length });
        start += match.words.length;
      } else {
        start += 1;
      }
    }
    return found ?? NOTHING_FOUND;
  }

  /** Every word of every phrase: what the speller must know. */
  *words(): Iterable<string> {
    for (const list of this.byFirstWord.values()) for (const { words } of list) yield* words;
  }
}

/** The lexicon, ready for the understanding step. */
export interface Lexicon {
  yes: ReadonlySet<string>;
  /** Verbs that say yes to a yes/no question only ("cancélela"). */
  yesVerbs: ReadonlySet<string>;
  no: ReadonlySet<string>;
  notRefusal: ReadonlySet<string>;
  courtesy: PhraseIndex<true>;
  intentPhrases: ReadonlyMap<string, Intent>;
  specialty: PhraseIndex<Specialty>;
  visitType: PhraseIndex<VisitType>;
  sites: PhraseIndex<SiteCode>;
  relations: PhraseIndex<Relation>;
  self: PhraseIndex<true>;
  /** The greeting phrases, skipped in front of a yes or a no ("hola, sí"). */
  greetings: PhraseIndex<true>;
  /** Single words that name a relation ("hijo", "niña", "mamá"). */
  relationWords: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  /** Common first names, read as names after "para" or "de" even in lower case. */
  firstNames: ReadonlySet<string>;
  /** Short forms of first names that do not start them: "teo" is Mateo. */
  nicknames: ReadonlyMap<string, string>;
  protectedPairs: ReadonlyArray<readonly [string, string]>;
  /** Every word the lexicon names. */
  vocabulary: ReadonlySet<string>;
  /** What a one-word phrase stands for (`specialty:pediatria` for "pediatra"): ties of the speller. */
  meanings: ReadonlyMap<string, string>;
}

function index<T>(entries: Iterable<readonly [string, T]>): PhraseIndex<T> {
  const built = new PhraseIndex<T>();
  for (const [phrase, value] of entries) built.add(phrase, value);
  return built;
}

function entriesOf<K extends string>(record: Partial<Record<K, string[]>>): Array<readonly [string, K]> {
  return (Object.entries(record) as Array<[K, string[] | undefined]>).flatMap(([key, list]) => (list ?? []).map((phrase) => [phrase, key] as const));
}

/** Builds the lookups from the validated lexicon file. */
export function buildLexicon(source: LexiconSource): Lexicon {
  const intentPhrases = new Map<string, Intent>();
  for (const [phrase, intent] of entriesOf(source.intentPhrases)) intentPhrases.set(phrase, intent);
  const lexicon = {
    yes: new Set(source.yes),
    yesVerbs: new Set(source.yesVerbs),
    no: new Set(source.no),
    notRefusal: new Set(source.notRefusal),
    courtesy: index(source.courtesy.map((phrase) => [phrase, true] as const)),
    intentPhrases,
    specialty: index(entriesOf(source.specialty)),
    visitType: index(entriesOf(source.visitType)),
    sites: index(entriesOf(source.sites)),
    relations: index(entriesOf(source.relations)),
    self: index(source.self.map((phrase) => [phrase, true] as const)),
    greetings: index((source.intentPhrases.greet ?? []).map((phrase) => [phrase, true] as const)),
    relationWords: new Set(
      Object.values(source.relations)
        .flat()
        .filter((phrase) => !phrase.includes(' ')),
    ),
    notNames: new Set(source.notNames),
    firstNames: new Set(source.firstNames),
    nicknames: new Map(Object.entries(source.nicknames)),
    protectedPairs: source.protectedPairs,
  };
  const vocabulary = new Set<string>();
  const addPhrase = (phrase: string) => splitWords(phrase).forEach((word) => vocabulary.add(word));
  [...source.yes, ...source.yesVerbs, ...source.no, ...source.notRefusal, ...source.courtesy, ...source.self, ...source.notNames, ...source.keep, ...intentPhrases.keys()].forEach(
    addPhrase,
  );
  for (const built of [lexicon.specialty, lexicon.visitType, lexicon.sites, lexicon.relations]) for (const word of built.words()) vocabulary.add(word);
  const meanings = new Map<string, string>();
  for (const [kind, record] of [
    ['specialty', source.specialty],
    ['visitType', source.visitType],
    ['site', source.sites],
    ['relation', source.relations],
  ] as const) {
    for (const [value, list] of Object.entries(record)) for (const phrase of list) if (!phrase.includes(' ')) meanings.set(phrase, `${kind}:${value}`);
  }
  return { ...lexicon, vocabulary, meanings };
}
