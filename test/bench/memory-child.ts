/**
 * One Lina process for the memory figures: the engine open on a given database, the agenda
 * over HTTP (as in production), nothing else. Prints one JSON line with its memory:
 *
 * 1. after one warm-up conversation (every module loaded and compiled): the "open" figure;
 * 2. after `--mid` members, driven all at once, each stopped mid-dialog waiting for the
 *    member (inside the booking dialog, asked for the specialty): the "mid" figure;
 * 3. the highest RSS the process ever had (`maxRSS`).
 *
 * Run with `--expose-gc`, so every figure is taken after a full collection.
 */
import { Command } from 'commander';
import { ManualClock } from '../../bot/clock.js';
import { silentLogger } from '../../bot/logger.js';
import { startRuntime } from '../../bot/main/runtime.js';
import { BENCH_NOW, assertBooked, benchConfig, talk } from './lina.bench.js';
import { collectGarbage } from './measure.js';
import { buildBenchWorld } from './synthetic-world.js';

/** Turns that leave a member inside the booking dialog, waiting for the specialty: hola … agendar. */
export const MID_DIALOG_TURNS = 5;

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
}

export interface MemoryChildResult {
  open: MemorySample;
  mid: MemorySample;
  peakRssMb: number;
}

const flags = new Command()
  .requiredOption('--db <path>', 'Lina database')
  .requiredOption('--agenda <url>', 'agenda base URL')
  .requiredOption('--members <count>', 'members in the agenda world', Number)
  .requiredOption('--warmup-member <index>', 'member who books once to warm up', Number)
  .requiredOption('--first-mid-member <index>', 'first of the members left mid-dialog', Number)
  .requiredOption('--mid <count>', 'members left mid-dialog', Number)
  .parse()
  .opts<{ db: string; agenda: string; members: number; warmupMember: number; firstMidMember: number; mid: number }>();

const sample = (): MemorySample => {
  collectGarbage();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 1024 ** 2, heapUsedMb: usage.heapUsed / 1024 ** 2 };
};

const clock = new ManualClock(BENCH_NOW);
// The same world the parent's agenda process was seeded with: same members, same phones.
const world = buildBenchWorld({ memberCount: flags.members, maxConcurrency: flags.mid });
// Lina as `npm start` composes her, minus the channels, with the agenda at the given URL.
const config = benchConfig(flags.db);
const runtime = await startRuntime({ config: { ...config, agenda: { ...config.agenda, url: flags.agenda } }, clock, logger: silentLogger });
const { engine } = runtime;

const member = (index: number) => {
  const found = world.members[index];
  if (!found) throw new Error(`no member #${index}`);
  return found;
};

const warm = member(flags.warmupMember);
assertBooked(await talk(engine, clock, warm), warm);
const open = sample();

await Promise.all(Array.from({ length: flags.mid }, (_, offset) => talk(engine, clock, member(flags.firstMidMember + offset), { turns: MID_DIALOG_TURNS })));
const mid = sample();

const result: MemoryChildResult = { open, mid, peakRssMb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(`${JSON.stringify(result)}\n`);
await runtime.close();
