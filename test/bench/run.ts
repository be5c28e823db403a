/**
 * `npm run bench`: Lina's throughput, latency, memory and start-up, side by side with the
 * persistence floor, botbuilder and BuilderBot, on the same booking dialog in one run.
 * Prints Markdown tables; `--json <file>` also writes them as JSON. Exits non-zero only when
 * something fails, never because a target is missed. See BENCHMARKS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { StoredSizes } from './lina.bench.js';
import type { UnderstandingReport } from './understanding.bench.js';
import { collectGarbage, describeMachine, round } from './measure.js';
import { BENCH_FOLDER_PREFIX, removeBenchAgendas, removeStaleBenchFolders } from './synthetic-world.js';
import { formatMemory, formatTable, formatTargets, type BenchReport, type BenchRow, type MemoryReport, type StartupReport, type TargetCheck } from './report.js';

const PARTS = ['understanding', 'sqlite-floor', 'lina', 'lina-http', 'botbuilder', 'botbuilder-sqlite', 'builderbot', 'memory', 'startup'] as const;
type Part = (typeof PARTS)[number];

interface Sizes {
  /** Conversations per concurrency level. */
  lina: Record<number, number>;
  linaHttp: Record<number, number>;
  warmup: number;
  floor: number;
  botbuilder: number;
  builderbot: number;
  idle: number;
  midDialog: number;
  startupRuns: number;
  /** Rounds over the whole labelled corpus (1,600+ messages each). */
  understandingRounds: number;
}

/**
 * Full: 1, 100 and 10,000 conversations at once in process. Over HTTP 10,000 at once would take
 * the whole ten-minute budget by itself (the simulator answers a few hundred calls a second),
 * so that row stops at 1,000. Quick: fewer conversations everywhere (1,000 at most at once), a
 * shorter warm-up (the first row runs colder), 300 left mid-dialog, one start-up run; still
 * 100,000 idle conversations.
 */
const FULL: Sizes = {
  lina: { 1: 300, 100: 500, 10_000: 10_000 },
  linaHttp: { 1: 150, 100: 500, 1000: 1000 },
  warmup: 100,
  floor: 1000,
  botbuilder: 300,
  builderbot: 200,
  idle: 100_000,
  midDialog: 1000,
  startupRuns: 3,
  understandingRounds: 30,
};
const QUICK: Sizes = {
  lina: { 1: 60, 100: 300, 1000: 1000 },
  linaHttp: { 1: 40, 100: 150 },
  warmup: 30,
  floor: 300,
  botbuilder: 60,
  builderbot: 60,
  idle: 100_000,
  midDialog: 300,
  startupRuns: 1,
  understandingRounds: 5,
};

/** Used for the floor when Lina's rows did not run. */
const DEFAULT_SIZES: StoredSizes = { snapshotBytes: 2400, inLineBytes: 12, outLineBytes: 420 };

function parseParts(value: string): Part[] {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) throw new InvalidArgumentError(`unknown part "${part}"; one of ${PARTS.join(', ')}`);
  }
  return parts as Part[];
}

const program = new Command()
  .name('bench')
  .description("Lina's benchmarks, side by side with botbuilder and BuilderBot (see BENCHMARKS.md)")
  .option('--json <file>', 'also write the results as JSON')
  .option('--quick', 'smaller sizes, under two minutes')
  .option('--only <parts>', `comma-separated parts to run: ${PARTS.join(', ')}`, parseParts)
  .showHelpAfterError();

async function main(): Promise<void> {
  const flags = program.parse().opts<{ json?: string; quick?: boolean; only?: Part[] }>();
  const quick = flags.quick === true;
  const sizes = quick ? QUICK : FULL;
  const selected = new Set<Part>(flags.only ?? PARTS);
  const startedAt = new Date();
  const machine = describeMachine();
  removeStaleBenchFolders();
  const folder = mkdtempSync(join(tmpdir(), `${BENCH_FOLDER_PREFIX}${process.pid}-`));
  // Ctrl-C: leave no files behind (child processes stop when their stdin closes). It takes
  // effect between rows: a row with the agenda in process never yields to the event loop.
  const interrupted = () => {
    rmSync(folder, { recursive: true, force: true });
    removeBenchAgendas();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  progress(`Lina bench (${quick ? 'quick' : 'full'}) on ${machine.cores} cores, ${machine.memoryGb} GB, load ${machine.loadAverageAtStart}; files in ${folder}`);

  const rows: BenchRow[] = [];
  let memory: MemoryReport | null = null;
  let startup: StartupReport | null = null;
  let understanding: UnderstandingReport | null = null;
  let sizesSeen: StoredSizes | undefined;
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    progress(`… ${label}`);
    collectGarbage();
    const began = performance.now();
    const result = await work();
    progress(`  done in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    return result;
  };

  // Each part's modules load when it runs: botbuilder's and BuilderBot's are not in the
  // process (nor its heap) while Lina's rows are measured.
  try {
    if (selected.has('understanding')) {
      const { benchUnderstanding } = await import('./understanding.bench.js');
      understanding = await step(`understanding, ${sizes.understandingRounds} rounds over the labelled corpus`, () => benchUnderstanding(sizes.understandingRounds));
    }
    if (selected.has('lina')) {
      const { benchLina } = await import('./lina.bench.js');
      for (const [concurrency, conversations] of levels(sizes.lina)) {
        const { row, sizes: stored } = await step(`lina, ${conversations} conversations, ${concurrency} at once`, () =>
          benchLina({ transport: 'in-process', concurrency, conversations, warmupConversations: sizes.warmup, folder }),
        );
        rows.push(row);
        if (concurrency === 1) sizesSeen = stored;
      }
    }
    if (selected.has('lina-http')) {
      const { benchLina } = await import('./lina.bench.js');
      for (const [concurrency, conversations] of levels(sizes.linaHttp)) {
        const { row } = await step(`lina over HTTP, ${conversations} conversations, ${concurrency} at once`, () =>
          benchLina({ transport: 'http', concurrency, conversations, warmupConversations: sizes.warmup, folder }),
        );
        rows.push(row);
      }
    }
    if (selected.has('sqlite-floor')) {
      const { benchSqliteFloor } = await import('./sqlite-floor.bench.js');
      const stored = sizesSeen ?? DEFAULT_SIZES;
      rows.push(await step(`SQLite floor, ${sizes.floor} conversations`, () => Promise.resolve(benchSqliteFloor({ conversations: sizes.floor, folder, ...stored }))));
    }
    if (selected.has('botbuilder')) {
      const { benchBotbuilder } = await import('./botbuilder.bench.js');
      rows.push(
        await step(`botbuilder (MemoryStorage), ${sizes.botbuilder} conversations`, () =>
          benchBotbuilder({ storage: 'memory', conversations: sizes.botbuilder, warmupConversations: sizes.warmup, folder }),
        ),
      );
    }
    if (selected.has('botbuilder-sqlite')) {
      const { benchBotbuilder } = await import('./botbuilder.bench.js');
      rows.push(
        await step(`botbuilder (SQLite storage and transcript), ${sizes.botbuilder} conversations`, () =>
          benchBotbuilder({ storage: 'sqlite', conversations: sizes.botbuilder, warmupConversations: sizes.warmup, folder }),
        ),
      );
    }
    if (selected.has('builderbot')) {
      const { benchBuilderBot } = await import('./builderbot.bench.js');
      rows.push(
        await step(`BuilderBot (MemoryDB), ${sizes.builderbot} conversations`, () =>
          benchBuilderBot({ conversations: sizes.builderbot, warmupConversations: sizes.warmup, folder }),
        ),
      );
    }
    if (selected.has('memory')) {
      const { benchMemory } = await import('./memory.bench.js');
      memory = await step(`memory, ${sizes.idle.toLocaleString('en-US')} idle and ${sizes.midDialog} mid-dialog conversations`, () =>
        benchMemory({ idleConversations: sizes.idle, midDialogConversations: sizes.midDialog, folder }),
      );
    }
    if (selected.has('startup')) {
      const { benchStartup } = await import('./startup.bench.js');
      startup = await step(`start-up, ${sizes.startupRuns} run(s)`, () => benchStartup({ runs: sizes.startupRuns, folder }));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    removeBenchAgendas();
  }

  addRatios(rows);
  const report: BenchReport = {
    machine: { ...machine, quick, startedAt: startedAt.toISOString(), durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 0) },
    rows: sortRows(rows),
    memory,
    startupMs: startup?.startupMs ?? null,
    startup,
    understanding,
    targets: checkTargets(rows, memory, startup, understanding),
  };

  const lines = [
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverageAtStart} at start`,
    '',
    formatTable(report.rows),
    ...(memory ? ['', formatMemory(memory)] : []),
    ...(startup
      ? [
          '',
          `Start-up to a listening web endpoint (${startup.endpoint ?? 'none'}): npm start ${msOrNone(startup.startupMs)}, node scripts/lina.mjs start ${msOrNone(startup.directStartupMs)}${startup.notes ? ` (${startup.notes})` : ''}`,
        ]
      : []),
    ...(understanding
      ? [
          '',
          `Understanding one message (${understanding.messages} corpus messages × ${understanding.calls / understanding.messages} rounds): p50 ${understanding.p50Ms} ms, p95 ${understanding.p95Ms} ms, p99 ${understanding.p99Ms} ms, max ${understanding.maxMs} ms, ${understanding.perSecond.toLocaleString('en-US')} messages/s; a 2,000-character message ${understanding.longMessageMs} ms; loading the lexicon and the trained model ${understanding.loadMs} ms`,
        ]
      : []),
    '',
    formatTargets(report.targets),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (flags.json) {
    writeFileSync(resolve(flags.json), `${JSON.stringify(report, null, 2)}\n`);
    progress(`JSON written to ${flags.json}`);
  }
}

function levels(conversationsByConcurrency: Record<number, number>): Array<[number, number]> {
  return Object.entries(conversationsByConcurrency)
    .map(([concurrency, conversations]) => [Number(concurrency), conversations] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

const ORDER: readonly string[] = ['lina', 'lina-http', 'sqlite-floor', 'botbuilder', 'botbuilder-sqlite', 'builderbot'];

function sortRows(rows: BenchRow[]): BenchRow[] {
  return [...rows].sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name) || a.concurrency - b.concurrency);
}

/** Lina in process at one conversation at a time against each alternative; over HTTP, against Lina in process at the same concurrency. */
function addRatios(rows: BenchRow[]): void {
  const lina = (concurrency: number) => rows.find((row) => row.name === 'lina' && row.concurrency === concurrency);
  for (const row of rows) {
    if (row.name === 'lina') continue;
    const reference = row.name === 'lina-http' ? lina(row.concurrency) : lina(1);
    if (reference && row.turnsPerSecond > 0) row.linaRatio = round(reference.turnsPerSecond / row.turnsPerSecond, 2);
  }
}

function checkTargets(rows: readonly BenchRow[], memory: MemoryReport | null, startup: StartupReport | null, understanding: UnderstandingReport | null): TargetCheck[] {
  const linaRows = rows.filter((row) => row.name === 'lina');
  const best = linaRows.reduce<BenchRow | undefined>((top, row) => (!top || row.turnsPerSecond > top.turnsPerSecond ? row : top), undefined);
  const single = linaRows.find((row) => row.concurrency === 1);
  const botbuilder = rows.find((row) => row.name === 'botbuilder');
  return [
    {
      target: 'Lina in process ≥ 10,000 turns/s',
      measured: best ? `${best.turnsPerSecond} turns/s (${best.concurrency} at once)` : 'not run',
      met: best ? best.turnsPerSecond >= 10_000 : null,
    },
    {
      target: 'Lina in process p99 ≤ 1 ms',
      measured: single ? `p99 ${single.p99Ms} ms (one at a time)` : 'not run',
      met: single ? single.p99Ms <= 1 : null,
    },
    {
      target: 'Lina ahead of botbuilder (MemoryStorage)',
      measured: single && botbuilder ? `${single.turnsPerSecond} vs ${botbuilder.turnsPerSecond} turns/s` : 'not run',
      met: single && botbuilder ? single.turnsPerSecond > botbuilder.turnsPerSecond : null,
    },
    {
      target: '100,000 idle conversations ≤ 150 MB RSS',
      measured: memory ? `${memory.idle100kRssMb} MB` : 'not run',
      met: memory ? memory.idle100kRssMb <= 150 : null,
    },
    {
      target: 'start-up to a listening web endpoint ≤ 2 s',
      measured: startup ? msOrNone(startup.startupMs) : 'not run',
      met: startup?.startupMs != null ? startup.startupMs <= 2000 : null,
    },
    {
      target: 'understanding a message p99 ≤ 0.2 ms',
      measured: understanding ? `p99 ${understanding.p99Ms} ms` : 'not run',
      met: understanding ? understanding.p99Ms <= 0.2 : null,
    },
    {
      target: 'understanding a 2,000-character message ≤ 5 ms',
      measured: understanding ? `${understanding.longMessageMs} ms` : 'not run',
      met: understanding ? understanding.longMessageMs <= 5 : null,
    },
  ];
}

function msOrNone(ms: number | null): string {
  return ms === null ? 'no answer' : `${ms} ms`;
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
