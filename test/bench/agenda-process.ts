/**
 * The embedded agenda simulator in a process of its own, seeded with the bench world, so the
 * HTTP row measures Lina's side of the wire only (CPU, memory and bytes of Lina's process).
 *
 * Run by `startAgendaProcess`; talks over stdio: prints `{"url": ...}` once listening, then
 * answers each `cpu` line on stdin with `{"cpuMs": ...}`; stdin closing stops it.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { ManualClock } from '../../bot/clock.js';
import { buildBenchWorld, writeBenchAgenda } from './synthetic-world.js';

export interface AgendaProcess {
  url: string;
  /** CPU time the agenda process has used so far, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

const SELF = fileURLToPath(import.meta.url);
/** The repository root, where `--import tsx` resolves. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts the agenda process for a world of `memberCount` members at `now`. */
export async function startAgendaProcess(options: { memberCount: number; maxConcurrency: number; now: Date }): Promise<AgendaProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SELF, '--members', String(options.memberCount), '--concurrency', String(options.maxConcurrency), '--now', options.now.toISOString()],
    { stdio: ['pipe', 'pipe', 'inherit'], cwd: REPO_ROOT },
  );
  const lines = createInterface({ input: child.stdout });
  const waiting: Array<(line: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the agenda process exited (${code ?? 'signal'}) before answering`));
      child.once('exit', onExit);
      waiting.push((line) => {
        child.off('exit', onExit);
        resolve(line);
      });
    });

  const { url } = JSON.parse(await nextLine()) as { url: string };
  return {
    url,
    async cpuMs() {
      child.stdin.write('cpu\n');
      return (JSON.parse(await nextLine()) as { cpuMs: number }).cpuMs;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

async function main(): Promise<void> {
  const flags = new Command()
    .requiredOption('--members <count>', 'synthetic members', Number)
    .requiredOption('--concurrency <count>', 'conversations at once', Number)
    .requiredOption('--now <instant>', 'the clock')
    .parse()
    .opts<{ members: number; concurrency: number; now: string }>();
  const clock = new ManualClock(flags.now);
  const file = writeBenchAgenda(buildBenchWorld({ memberCount: flags.members, maxConcurrency: flags.concurrency }), clock.now());
  const simulator = await startAgendaSimulator({ clock, dbPath: file.path });
  process.stdout.write(`${JSON.stringify({ url: simulator.url })}\n`);

  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line.trim() !== 'cpu') return;
    const used = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ cpuMs: (used.user + used.system) / 1000 })}\n`);
  });
  commands.on('close', () => {
    void simulator.close().finally(() => {
      file.remove();
      process.exit(0);
    });
  });
}

if (process.argv[1] === SELF) await main();
