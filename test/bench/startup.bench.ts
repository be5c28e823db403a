/**
 * Start-up: the time from spawning `npm start` (and, apart, `node scripts/lina.mjs
 * start` without npm) to Lina's web endpoint answering: `GET /healthz` with 200, or, where
 * there is no health route, any answer on `/`. A fresh database in a temporary folder, the
 * embedded agenda on a free port, WhatsApp off.
 *
 * `npm start` runs the compiled dist/ after bringing it up to date; it is brought up to date
 * before the runs, so they time a start, not a rebuild after someone's edit.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './agenda-process.js';
import type { StartupReport } from './report.js';

/** Longest wait for the endpoint before a run counts as "never answered". */
const STARTUP_DEADLINE_MS = 30_000;
const POLL_EVERY_MS = 20;

export interface StartupOptions {
  runs: number;
  folder: string;
}

type Outcome = { ms: number; endpoint: string } | { ms: null; reason: string };

export async function benchStartup(options: StartupOptions): Promise<StartupReport> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const viaNpm: Outcome[] = [];
  const direct: Outcome[] = [];
  for (let run = 0; run < options.runs; run++) {
    viaNpm.push(await measureOnce(['npm', ['start', '--silent']], join(options.folder, `startup-npm-${run}`)));
    direct.push(await measureOnce([process.execPath, ['scripts/lina.mjs', 'start']], join(options.folder, `startup-direct-${run}`)));
  }
  const answered = viaNpm.find((outcome): outcome is Extract<Outcome, { endpoint: string }> => outcome.ms !== null);
  const failure = [...viaNpm, ...direct].find((outcome): outcome is Extract<Outcome, { reason: string }> => outcome.ms === null);
  return {
    startupMs: median(viaNpm),
    directStartupMs: median(direct),
    endpoint: answered?.endpoint ?? null,
    runs: options.runs,
    ...(failure ? { notes: failure.reason } : {}),
  };
}

async function measureOnce([command, args]: [string, string[]], folder: string): Promise<Outcome> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // Its own process group, so npm, tsx and node all stop together.
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      LINA_HOST: '127.0.0.1',
      LINA_PORT: String(port),
      LINA_DATABASE_PATH: join(folder, 'lina.db'),
      AGENDA_SIMULATOR_PORT: '0',
      AGENDA_SIMULATOR_DATABASE_PATH: ':memory:',
      WHATSAPP_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal} before any web endpoint answered`));
  child.once('error', (error) => (exited = `could not start: ${error.message}`));
  try {
    while (performance.now() - startedAt < STARTUP_DEADLINE_MS) {
      if (exited) return { ms: null, reason: `${[command, ...args].join(' ')} ${exited}` };
      const health = await statusOf(`${base}/healthz`);
      if (health === 200) return { ms: Math.round(performance.now() - startedAt), endpoint: '/healthz' };
      // Listening, but without a health route: any answer on "/" counts.
      if (health !== undefined && (await statusOf(`${base}/`)) !== undefined) {
        return { ms: Math.round(performance.now() - startedAt), endpoint: '/' };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
    return { ms: null, reason: `no web endpoint answered on ${base} within ${STARTUP_DEADLINE_MS} ms` };
  } finally {
    await stop(child);
  }
}

/** The HTTP status of a GET, or `undefined` when nothing answers. */
async function statusOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Stops the started process group: SIGTERM, then SIGKILL after 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  const { pid } = child;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // The whole group is gone already.
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone; whatever it started in its group goes too.
    signal('SIGTERM');
    return;
  }
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

function median(outcomes: readonly Outcome[]): number | null {
  const values = outcomes.flatMap((outcome) => (outcome.ms === null ? [] : [outcome.ms])).sort((a, b) => a - b);
  if (values.length === 0 || values.length < outcomes.length) return null;
  return values[Math.floor(values.length / 2)] ?? null;
}
