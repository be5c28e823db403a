/**
 * The understanding step's cost per message: every message of the labelled corpus (training,
 * dev and held-out, 1,600+ texts written the way members write) read against its question,
 * round after round, each call timed on its own. The target is a p99 of 0.2 ms.
 */
import { CORPUS_NOW } from '../../bot/understanding/corpus.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
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
}

export function benchUnderstanding(rounds: number): UnderstandingReport {
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
  const calls = messages.length * rounds;
  return { messages: messages.length, calls, perSecond: Math.round((calls / elapsed) * 1000), loadMs, ...latencies.summary() };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  const report = benchUnderstanding(Number(process.argv[2] ?? 20));
  console.log(JSON.stringify(report, null, 2));
}
