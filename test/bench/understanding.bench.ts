/**
 * The understanding step's cost per message: every message of the labelled corpus (training,
 * dev and held-out, 1,600+ texts written the way members write) read against its question,
 * round after round, each call timed on its own. The target is a p99 of 0.2 ms.
 *
 * It measures the compiled step `npm start` runs (dist/, built by `npm ci` and before every
 * start), not the TypeScript through tsx, whose helpers cost more per call.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_NOW } from '../../bot/understanding/corpus.js';
import type { loadUnderstanding as LoadUnderstanding } from '../../bot/understanding/load.js';
import type { Expectation } from '../../bot/understanding/types.js';
import { expectationAt } from '../understanding/fixtures.js';
import { readSplit } from '../understanding/evaluate.js';
import { LatencyRecorder, type LatencySummary } from './measure.js';

export interface UnderstandingReport extends LatencySummary {
  messages: number;
  calls: number;
  /** Messages understood per second on one core. */
  perSecond: number;
  /** Loading the lexicon and the trained classifier once, in milliseconds. */
  loadMs: number;
  /** A 2,000-character message (the longest Lina reads whole), understood: the mean of several calls, in milliseconds. */
  longMessageMs: number;
}

/** The longest message read whole: number words, hours and greetings over and over, a day and an hour at its end. */
export const LONG_MESSAGE = `${'hola que tal, uno cero a las '.repeat(68)}mañana a las 3`.slice(-2000);

const COMPILED = new URL('../../dist/bot/understanding/load.js', import.meta.url);

export async function benchUnderstanding(rounds: number): Promise<UnderstandingReport> {
  const { loadUnderstanding } = (await import(existsSync(fileURLToPath(COMPILED)) ? COMPILED.href : '../../bot/understanding/load.js')) as {
    loadUnderstanding: typeof LoadUnderstanding;
  };
  const loadStarted = performance.now();
  const understand = loadUnderstanding();
  const loadMs = performance.now() - loadStarted;
  const messages: Array<{ text: string; expectation: Expectation }> = [];
  for (const split of ['training', 'dev', 'heldOut'] as const) {
    for (const entry of readSplit(split)) messages.push({ text: entry.text, expectation: expectationAt(entry.at, CORPUS_NOW) });
  }
  // One warm-up round: V8 compiles the hot paths, caches of the speller and stemmer fill.
  for (const { text, expectation } of messages) understand(text, expectation, CORPUS_NOW);
  const latencies = new LatencyRecorder(messages.length * rounds);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    for (const { text, expectation } of messages) {
      const before = performance.now();
      understand(text, expectation, CORPUS_NOW);
      latencies.add(performance.now() - before);
    }
  }
  const elapsed = performance.now() - started;
  // A long message, where a rule that backtracks would show: the mean of 20 calls after a warm-up.
  const long = expectationAt('start', CORPUS_NOW);
  understand(LONG_MESSAGE, long, CORPUS_NOW);
  const longStarted = performance.now();
  for (let run = 0; run < 20; run++) understand(LONG_MESSAGE, long, CORPUS_NOW);
  const longMessageMs = (performance.now() - longStarted) / 20;
  const calls = messages.length * rounds;
  const summary = latencies.summary();
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  return {
    messages: messages.length,
    calls,
    perSecond: Math.round((calls / elapsed) * 1000),
    loadMs: Math.round(loadMs),
    p50Ms: round3(summary.p50Ms),
    p95Ms: round3(summary.p95Ms),
    p99Ms: round3(summary.p99Ms),
    maxMs: round3(summary.maxMs),
    longMessageMs: round3(longMessageMs),
  };
}
