/**
 * What the readers of a message share (`understand.ts` and the steps it runs): the `Reading`,
 * built once from the understanding step's resources; the message as the readers see it; the
 * questions several of them tell apart; and small helpers over found spans and instants.
 */
import type Fuse from 'fuse.js';
import type { IntentModel } from './intent-model.js';
import type { Found, Lexicon, PhraseIndex } from './lexicon.js';
import type { Intent, Question, ShownOption } from './types.js';
import type { Speller } from './words.js';

/** What the readers of a message use, built once by `createUnderstanding`. */
export interface Reading {
  lexicon: Lexicon;
  model: IntentModel;
  /** Corrects a word towards the words Lina knows. */
  speller: Speller;
  /** Words the training corpus uses as people's names. */
  names: ReadonlySet<string>;
  /** The lexicon's greeting and thanks phrases. */
  smallTalk: PhraseIndex<'greet' | 'thanks'>;
  /** The words of an option's label or alias, worked out once. */
  labelWords: (text: string) => string;
  /** Fuse.js indexes of the options shown, kept for the next question that shows them. */
  fuzzyLabels: Map<string, Fuse<ShownOption>>;
  /** A common first name as written, or as it reads without emphasis or diminutive ("mateoo", "Mateito"). */
  commonFirstName: (word: string) => string | undefined;
  /** Whether a word as written could be a person's first name. */
  mayBeName: (original: string) => boolean;
}

/** A message as its readers see it. */
export interface Message {
  /** The text read: its first `MAX_READ` characters (`understand.ts`). */
  read: string;
  /** `read` normalised (`normalizeMessage`). */
  normalized: string;
  /** The words as written. */
  original: readonly string[];
  /** The words as the speller corrects them. */
  words: readonly string[];
}

/** Questions answered with yes or no. */
export const YES_NO_QUESTIONS: ReadonlySet<Question> = new Set(['consent', 'confirm', 'offer']);
/** Questions about who the member is: a site named there is not one to book at. */
export const IDENTITY_QUESTIONS: ReadonlySet<Question> = new Set(['document', 'documentType', 'birthDate', 'email']);
/** Questions where days are shown or a search is offered: "otro día" asks for another day there. */
export const DAY_QUESTIONS: ReadonlySet<Question> = new Set(['slot', 'band', 'day', 'site', 'offer', 'confirm', 'visitType']);
/** The questions of a booking under way where no yes or no is asked. */
export const BOOKING_QUESTIONS: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'band', 'day', 'slot']);
export const OPERATIONS_IN_MENU: ReadonlySet<Intent> = new Set(['book', 'consult', 'cancel', 'reschedule', 'help']);

const BOGOTA_OFFSET_MS = -5 * 60 * 60 * 1000;

const partsOfInstant = new Map<string, { day: string; time: string } | undefined>();

/** A Bogotá `YYYY-MM-DD` and `HH:MM` of an instant (slots come back turn after turn: remembered). */
export function bogotaParts(instant: string): { day: string; time: string } | undefined {
  if (partsOfInstant.has(instant)) return partsOfInstant.get(instant);
  const time = Date.parse(instant);
  const parts = Number.isNaN(time)
    ? undefined
    : (() => {
        const iso = new Date(time + BOGOTA_OFFSET_MS).toISOString();
        return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
      })();
  if (partsOfInstant.size > 10_000) partsOfInstant.clear();
  partsOfInstant.set(instant, parts);
  return parts;
}

/** The words of `words` not covered by any of `found`. */
export function uncovered(words: readonly string[], found: ReadonlyArray<Found<unknown>>): string[] {
  return words.filter((_, index) => !found.some((span) => index >= span.start && index < span.end));
}
