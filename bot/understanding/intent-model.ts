/**
 * The intent classifier: NLP.js's neural network (one perceptron per intent over word stems,
 * as NLP.js's own NLU does) trained from `locales/es-CO/understanding/training.yaml`.
 * Training runs at build time (`scripts/build.mjs`); at run time the trained weights are
 * loaded and a message costs a few microseconds.
 */
import { NeuralNetwork, type NeuralNetworkJson } from '@nlpjs/neural';
import StemmerEs from '@nlpjs/lang-es/src/stemmer-es.js';
import { INTENTS, type Intent } from './types.js';

/** Bumped whenever `featuresOf` changes: a model trained on other features is trained again. */
export const FEATURES_VERSION = 3;

/** The trained model as stored: NLP.js's own JSON plus what it was trained from. */
export interface IntentModelJson {
  featuresVersion: number;
  /** Hash of the training corpus and lexicon it was trained from. */
  trainedFrom: string;
  network: NeuralNetworkJson;
}

export interface IntentGuess {
  intent: Intent;
  score: number;
  /** The score of the runner-up: a small margin means a weak guess. */
  runnerUp: number;
}

const stemmer = new StemmerEs();
const stems = new Map<string, string>();

/**
 * Words whose stems would merge meanings Lina keeps apart: "consulta" (a visit) and
 * "consultar" (look up), "cita" and "citar" are fine, "control" (a visit type) and
 * "controlar" are not an intent.
 */
const KEPT_WHOLE: ReadonlyMap<string, string> = new Map([
  ['consulta', 'consulta#n'],
  ['consultas', 'consulta#n'],
  ['mas', 'mas'],
  ['no', 'no'],
  ['si', 'si'],
  ['mi', 'mi'],
  ['otro', 'otro'],
  ['otra', 'otro'],
  ['otros', 'otro'],
  ['otras', 'otro'],
]);

/** The stem NLP.js's Spanish stemmer gives a word (a few words kept whole). */
export function stemOf(word: string): string {
  const whole = KEPT_WHOLE.get(word);
  if (whole) return whole;
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? stemmer.stemWord(word) : word.replace(/\d+/g, '#');
    if (stems.size > 50_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Words too common to say anything about an intent: on a small corpus they would pick up
 * chance weights and drown long sentences. ("no", "mas", "otro", "mi" and "para" stay: they
 * tell "no", "más horarios", "otro día" and "para mí" apart.)
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  'de',
  'la',
  'el',
  'los',
  'las',
  'un',
  'una',
  'unos',
  'unas',
  'y',
  'o',
  'a',
  'en',
  'con',
  'por',
  'del',
  'al',
  'lo',
  'le',
  'les',
  'se',
  'su',
  'sus',
  'que',
  'es',
  'muy',
  'pues',
  'ps',
  'como',
  'esta',
  'este',
  'eso',
  'esa',
  'ese',
  'hace',
  'tres',
  'dos',
  'tambien',
  'porque',
  'pero',
  'entonces',
  'senorita',
  'senora',
  'senor',
  'favor',
  'porfa',
  'sumerce',
  'mija',
  'mijo',
  // Days and months say when, never what: "cancelar la del viernes" and "mover la del viernes" differ by their verb.
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);

/** The classifier's input for a message's (corrected) words: its stems, each once. */
export function featuresOf(words: readonly string[]): Record<string, number> {
  const features: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const word of words) if (word.length > 0 && !STOPWORDS.has(word)) features[stemOf(word)] = 1;
  return features;
}

/** Trains the network on `(words, intent)` examples; deterministic for the same examples. */
export function trainIntentModel(examples: ReadonlyArray<{ words: string[]; intent: Intent }>, trainedFrom: string): IntentModelJson {
  const network = new NeuralNetwork({ log: false });
  network.train(examples.map(({ words, intent }) => ({ input: featuresOf(words), output: { [intent]: 1 } })));
  return { featuresVersion: FEATURES_VERSION, trainedFrom, network: network.toJSON() };
}

const KNOWN_INTENTS: ReadonlySet<string> = new Set(INTENTS);

/** A trained classifier, ready to guess. */
export class IntentModel {
  private readonly network = new NeuralNetwork();
  private readonly features: ReadonlySet<string>;

  constructor(json: IntentModelJson) {
    this.network.fromJSON(json.network);
    this.features = new Set(json.network.features ?? []);
  }

  /** The best intent for these words and its score; `none` at 0 when no word is known. */
  classify(words: readonly string[]): IntentGuess {
    const input = featuresOf(words);
    // Words the network never saw carry no weight; without any known word there is no guess.
    let known = false;
    for (const feature in input) if (this.features.has(feature)) known = true;
    if (!known) return { intent: 'none', score: 0, runnerUp: 0 };
    const scores = this.network.run(input) ?? {};
    let best: Intent = 'none';
    let score = 0;
    let runnerUp = 0;
    let total = 0;
    for (const intent in scores) {
      const value = scores[intent] ?? 0;
      if (!KNOWN_INTENTS.has(intent)) continue;
      total += value;
      if (value > score) {
        runnerUp = score;
        score = value;
        best = intent as Intent;
      } else if (value > runnerUp) {
        runnerUp = value;
      }
    }
    // As NLP.js does, scores are shares of the total.
    return total > 0 ? { intent: best, score: score / total, runnerUp: runnerUp / total } : { intent: 'none', score: 0, runnerUp: 0 };
  }
}
