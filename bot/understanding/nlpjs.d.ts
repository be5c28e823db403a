/** The parts of NLP.js Lina uses (the packages ship JavaScript without type declarations). */
declare module '@nlpjs/neural' {
  export interface NeuralNetworkJson {
    settings: Record<string, unknown>;
    features?: string[];
    intents?: string[];
    perceptrons?: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: { iterations?: number; errorThresh?: number; deltaErrorThresh?: number; learningRate?: number; momentum?: number; alpha?: number; log?: boolean });
    train(corpus: Array<{ input: Record<string, number>; output: Record<string, number> }>): { error: number; iterations: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralNetworkJson;
    fromJSON(json: NeuralNetworkJson): void;
  }
}

/** The Spanish stemmer alone: the package's index also loads sentiment data Lina does not use (~0.15 s). */
declare module '@nlpjs/lang-es/src/stemmer-es.js' {
  export default class StemmerEs {
    stemWord(word: string): string;
  }
}
