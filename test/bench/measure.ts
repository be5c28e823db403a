/**
 * What every row measures the same way: wall time per turn, percentiles, CPU time of the
 * process, bytes the process wrote, and the machine it ran on.
 */
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** Latencies in milliseconds, appended as turns finish. */
export class LatencyRecorder {
  private values: Float64Array;
  private size = 0;

  constructor(expected = 1024) {
    this.values = new Float64Array(Math.max(16, expected));
  }

  add(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  /** p50, p95, p99 and the maximum, nearest-rank. */
  summary(): LatencySummary {
    const sorted = this.values.slice(0, this.size).sort();
    return {
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? 0) : 0,
    };
  }
}

export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array; 0 when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** CPU time (user + system) of this process since `since`, in milliseconds. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * Bytes this process has handed to `write`/`pwrite` so far (Linux `/proc/self/io`, `wchar`),
 * or `undefined` elsewhere. SQLite writes its WAL frames and checkpoints through `pwrite`, so
 * over a run where nothing else writes it is the database's write volume, fsync'd or not.
 */
export function bytesWrittenSoFar(): number | undefined {
  try {
    const match = /^wchar:\s*(\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'));
    return match?.[1] ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A number rounded to `digits` decimals, so two runs' JSON compare line by line. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  freeMemoryGbAtStart: number;
  /** One-minute load average when the run started: other work on the machine skews every row. */
  loadAverageAtStart: number;
  node: string;
  platform: string;
}

export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    freeMemoryGbAtStart: round(freemem() / 1024 ** 3, 1),
    loadAverageAtStart: round(loadavg()[0] ?? 0, 2),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Collects garbage when the process runs with `--expose-gc`; memory figures are taken after it. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
}

/**
 * Runs `conversations` conversations with at most `concurrency` in flight at any time: a new
 * one starts as soon as one ends. `run(index)` drives conversation `index` to its end.
 */
export async function runPool(conversations: number, concurrency: number, run: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, conversations) }, async () => {
    while (next < conversations) {
      const index = next++;
      await run(index);
    }
  });
  await Promise.all(lanes);
}
