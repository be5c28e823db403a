/**
 * Loads what the understanding step needs from the files it is made of: the lexicon, the
 * training corpus, and the intent classifier trained from them. The build trains the
 * classifier once (`scripts/build.mjs` calls `ensureTrainedModel`); a model file that does not
 * match today's corpus and lexicon is trained again here, and stored for the next process.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { namesIn, readCorpus, type CorpusEntry } from './corpus.js';
import { FEATURES_VERSION, IntentModel, trainIntentModel, type IntentModelJson } from './intent-model.js';
import { z } from 'zod';
import { LexiconSchema, buildLexicon, type Lexicon, type LexiconSource } from './lexicon.js';
import { createUnderstanding, type Understand } from './understand.js';
import { Speller, editDistance, normalizeMessage, wordsOf } from './words.js';
import { NUMBER_WORDS, ORDINALS } from './numbers.js';

/** YAML is read only when training or measuring: a process that loads a trained model never loads the parser. */
function parse(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

const LEXICON_FILE = new URL('../../locales/es-CO/understanding/lexicon.yaml', import.meta.url);
const TRAINING_FILE = new URL('../../locales/es-CO/understanding/training.yaml', import.meta.url);
/** Where the trained classifier is kept; git-ignored, written by the build. */
export const MODEL_FILE = new URL('../../dist/understanding-model.json', import.meta.url);

/**
 * The understanding step's source files, as text: they are parsed only to train. A process
 * whose stored model matches them loads the model alone (no YAML to parse, nothing to check).
 */
interface Sources {
  lexiconText: string;
  trainingText: string;
  /** Identifies what a model must have been trained from to be used. */
  key: string;
}

/** How the vocabulary and the examples are built from the sources: a change here (say, to `vocabularyOf`) must retrain. */
const TRAINING_VERSION = 5;

function readSources(): Sources {
  const lexiconText = readFileSync(LEXICON_FILE, 'utf8');
  const trainingText = readFileSync(TRAINING_FILE, 'utf8');
  const key = createHash('sha256').update(`${FEATURES_VERSION}\u0000${TRAINING_VERSION}\u0000${lexiconText}\u0000${trainingText}`).digest('hex');
  return { lexiconText, trainingText, key };
}

function parseLexicon(text: string): LexiconSource {
  const parsed = LexiconSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`locales/es-CO/understanding/lexicon.yaml: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The trained classifier with the checked lexicon and the words it was trained on. */
interface StoredModel extends IntentModelJson {
  lexicon: LexiconSource;
  vocabulary: string[];
  names: string[];
}

/**
 * Every word of the training corpus (names aside) and of the lexicon: the speller's vocabulary.
 * The corpus holds typos on purpose ("reporgramar"); a word seen once that is one edit from a
 * word seen more often is such a typo, and stays out, so the speller corrects it.
 */
function vocabularyOf(lexicon: Lexicon, training: readonly CorpusEntry[]): { vocabulary: Set<string>; names: Set<string> } {
  const names = namesIn(training);
  const counts = new Map<string, number>();
  for (const entry of training) {
    for (const word of wordsOf(normalizeMessage(entry.text))) if (!names.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Number words and ordinals are words, however rarely the corpus writes them ("nueve" is no typo of "nuevo", "novena" none of "noventa").
  const vocabulary = new Set([...lexicon.vocabulary, ...NUMBER_WORDS, ...ORDINALS.keys()]);
  for (const [word, count] of counts) if (count >= 2) vocabulary.add(word);
  const frequent = [...vocabulary];
  for (const [word, count] of counts) {
    const typo = count === 1 && word.length >= 5 && frequent.some((known) => editDistance(word, known, 1) === 1);
    if (!typo) vocabulary.add(word);
  }
  return { vocabulary, names };
}

function train(sources: Sources): StoredModel {
  const lexiconSource = parseLexicon(sources.lexiconText);
  const lexicon = buildLexicon(lexiconSource);
  const training = readCorpus(sources.trainingText, 'locales/es-CO/understanding/training.yaml');
  const { vocabulary, names } = vocabularyOf(lexicon, training);
  const speller = new Speller(vocabulary, lexicon.protectedPairs);
  const examples = training.map((entry) => ({
    words: wordsOf(normalizeMessage(entry.text)).map((word) => speller.correct(word)),
    intent: entry.intent,
  }));
  return { ...trainIntentModel(examples, sources.key), lexicon: lexiconSource, vocabulary: [...vocabulary], names: [...names] };
}

function readModel(key: string): StoredModel | undefined {
  try {
    const json = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as StoredModel;
    return json.trainedFrom === key && json.featuresVersion === FEATURES_VERSION && Array.isArray(json.vocabulary) && typeof json.lexicon === 'object' ? json : undefined;
  } catch {
    return undefined;
  }
}

function writeModel(json: StoredModel): void {
  const file = fileURLToPath(MODEL_FILE);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(json)}\n`);
  renameSync(temporary, file);
}

/**
 * The trained classifier for today's corpus and lexicon: the stored one when it matches,
 * otherwise trained now and stored. Returns whether it had to train.
 */
export function ensureTrainedModel(sources: Sources = readSources()): { model: StoredModel; trained: boolean } {
  const stored = readModel(sources.key);
  if (stored) return { model: stored, trained: false };
  const model = train(sources);
  try {
    writeModel(model);
  } catch {
    // A read-only tree still works: the next process trains again.
  }
  return { model, trained: true };
}

let loaded: Understand | undefined;

/** The understanding step, built once per process. */
export function loadUnderstanding(): Understand {
  if (loaded) return loaded;
  const sources = readSources();
  const { model } = ensureTrainedModel(sources);
  loaded = createUnderstanding({ lexicon: buildLexicon(model.lexicon), model: new IntentModel(model), vocabulary: model.vocabulary, names: model.names });
  return loaded;
}
