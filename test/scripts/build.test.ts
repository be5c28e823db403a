import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

/**
 * `npm start` and the other npm scripts run the JavaScript `scripts/build.mjs` compiles into
 * dist/, while every other test runs the TypeScript through tsx. These tests build and run a
 * copy of the project in a temporary folder (the real tree and its dist/ are never touched):
 * the incremental build, the compiled CLI, a moved tree and `lina start` with plain `node`.
 */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
/** What the build and the compiled CLI read; node_modules is linked, not copied. */
const COPIED = ['bot', 'dialogs', 'adapters', 'data', 'locales', 'scripts', 'package.json', 'tsconfig.json'];
const SOURCE_FOLDERS = ['bot', 'dialogs', 'adapters', 'data'];
/** A short dialog script: one turn. */
const SIMULATION = 'test/simulations/help-as-first-message.yaml';
/** Liveness waits only: how long a child may take before the test gives up on it. */
const COMMAND_DEADLINE_MS = 120_000;
const STARTUP_DEADLINE_MS = 60_000;
const SHUTDOWN_DEADLINE_MS = 20_000;

/**
 * The children run the compiled tree with plain `node`: a `--import tsx` inherited through
 * NODE_OPTIONS would hide a compiled file that does not work.
 */
const childEnv: NodeJS.ProcessEnv = { ...process.env };
delete childEnv.NODE_OPTIONS;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <args>` in `cwd` to its end, whatever its exit status. */
function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = childEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), COMMAND_DEADLINE_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function describeRun(run: Finished): string {
  return `exit ${run.code ?? run.signal}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

interface BuildReport {
  compiled: number;
  removed: number;
  holidays: boolean;
  /** The intent classifier of the understanding step was checked against its corpus (and trained if stale). */
  understanding: boolean;
}

/** `node scripts/build.mjs` in `root`, and the counts it prints. */
async function build(root: string, ...flags: string[]): Promise<BuildReport> {
  const run = await runNode(['scripts/build.mjs', ...flags], root);
  assert.equal(run.code, 0, describeRun(run));
  const report = /^dist\/: (\d+) compiled, (\d+) removed(, holiday table written)?(, intent classifier checked)? in \d+ ms$/m.exec(run.stdout);
  assert.ok(report, `unexpected build report:\n${describeRun(run)}`);
  return { compiled: Number(report[1]), removed: Number(report[2]), holidays: report[3] !== undefined, understanding: report[4] !== undefined };
}

/** Files under `folder` (recursively) whose names end in `suffix`, relative to `root`, `/`-separated, sorted. */
function filesEndingIn(root: string, folder: string, suffix: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) =>
      relative(root, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

/** Every TypeScript source the build compiles (declaration files aside). */
function sourcesOf(root: string): string[] {
  return SOURCE_FOLDERS.flatMap((folder) => filesEndingIn(root, folder, '.ts'))
    .filter((source) => !source.endsWith('.d.ts'))
    .sort();
}

/** Where the build puts a source's JavaScript, relative to the root. */
function outputOf(source: string): string {
  return `dist/${source.replace(/\.ts$/, '.js')}`;
}

/** Each compiled file with its inode and mtime: a file written again (write, then rename) gets new ones. */
function outputStamps(root: string): Map<string, string> {
  return new Map(
    filesEndingIn(root, 'dist', '.js').map((file) => {
      const { ino, mtimeMs } = statSync(join(root, file));
      return [file, `${ino}:${mtimeMs}`];
    }),
  );
}

/** The outputs whose stamp differs between two `outputStamps`, added and removed ones included. */
function changedOutputs(before: Map<string, string>, now: Map<string, string>): string[] {
  const files = new Set([...before.keys(), ...now.keys()]);
  return [...files].filter((file) => before.get(file) !== now.get(file)).sort();
}

/** Gives `file` another modification time, its content unchanged. */
function touch(file: string): void {
  const { mtime } = statSync(file);
  const later = new Date(mtime.getTime() + 60_000);
  utimesSync(file, later, later);
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

/** The HTTP status of a GET, or `undefined` when nothing answers. */
async function statusOf(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Whether any process is left in the process group `pgid`. */
function groupIsAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** The processes of group `pgid`, from /proc; `undefined` where there is no /proc (macOS). */
function processesInGroup(pgid: number): number[] | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it ended meanwhile
    }
    // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(name));
  }
  return members;
}

async function waitUntil(condition: () => boolean | Promise<boolean>, deadlineMs: number): Promise<boolean> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < deadlineMs) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('the compiled tree (scripts/build.mjs, scripts/lina.mjs) on a copy of the project', () => {
  const base = mkdtempSync(join(tmpdir(), 'lina-build-'));
  /** The copy's root; the "moved" test moves it. */
  let root = join(base, 'copy');
  let lina: ChildProcess | undefined;

  beforeAll(() => {
    mkdirSync(root);
    for (const name of COPIED) cpSync(join(PROJECT, name), join(root, name), { recursive: true });
    symlinkSync(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
    mkdirSync(join(root, dirname(SIMULATION)), { recursive: true });
    cpSync(join(PROJECT, SIMULATION), join(root, SIMULATION));
  });

  afterAll(() => {
    // A failed assertion in the start test must not leave Lina running.
    if (lina?.pid !== undefined && groupIsAlive(lina.pid)) process.kill(-lina.pid, 'SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  it('compiles every source on the first build and writes the holiday table', async () => {
    const sources = sourcesOf(root);
    assert.ok(sources.length > 50, `only ${sources.length} sources found in the copy`);

    const report = await build(root);

    assert.deepEqual(report, { compiled: sources.length, removed: 0, holidays: true, understanding: true });
    assert.deepEqual(filesEndingIn(root, 'dist', '.js'), sources.map(outputOf).sort());
    const manifest = JSON.parse(readFileSync(join(root, 'dist/.build.json'), 'utf8')) as { files: Record<string, unknown> };
    assert.deepEqual(Object.keys(manifest.files).sort(), sources);

    const table = JSON.parse(readFileSync(join(root, 'dist/colombian-holidays.json'), 'utf8')) as {
      format: number;
      versions: { dateHolidays: string };
      years: Record<string, Array<[string, string, string]>>;
    };
    const installed = JSON.parse(readFileSync(join(PROJECT, 'node_modules/date-holidays/package.json'), 'utf8')) as { version: string };
    assert.equal(table.format, 1);
    assert.equal(table.versions.dateHolidays, installed.version);
    assert.ok(
      table.years['2026']?.some(([date, type]) => date === '2026-07-20' && type === 'public'),
      'Independence Day 2026 missing',
    );
    // Nothing of the sources is copied: locales and assets stay where they are.
    assert.equal(existsSync(join(root, 'dist/locales')), false);
    // The intent classifier, trained from the copy's corpus, is where the understanding step reads it.
    const model = JSON.parse(readFileSync(join(root, 'dist/understanding-model.json'), 'utf8')) as { trainedFrom?: unknown };
    assert.equal(typeof model.trainedFrom, 'string');
  });

  it('compiles nothing when nothing changed', async () => {
    const stamps = outputStamps(root);
    const table = statSync(join(root, 'dist/colombian-holidays.json')).mtimeMs;

    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), []);
    assert.equal(statSync(join(root, 'dist/colombian-holidays.json')).mtimeMs, table);
  });

  it('compiles again only the source that was touched or changed', async () => {
    let stamps = outputStamps(root);
    touch(join(root, 'dialogs/text.ts'));
    assert.deepEqual(await build(root), { compiled: 1, removed: 0, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), ['dist/dialogs/text.js']);

    stamps = outputStamps(root);
    const logger = join(root, 'bot/logger.ts');
    writeFileSync(logger, `${readFileSync(logger, 'utf8')}\nexport const buildProbe = 'changed-after-first-build';\n`);
    assert.deepEqual(await build(root), { compiled: 1, removed: 0, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), ['dist/bot/logger.js']);
    assert.match(readFileSync(join(root, 'dist/bot/logger.js'), 'utf8'), /changed-after-first-build/);
  });

  it('writes the holiday table again when bot/calendar.ts changes, and every file when tsconfig.json does', async () => {
    let stamps = outputStamps(root);
    touch(join(root, 'bot/calendar.ts'));
    assert.deepEqual(await build(root), { compiled: 1, removed: 0, holidays: true, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), ['dist/bot/calendar.js']);

    stamps = outputStamps(root);
    touch(join(root, 'tsconfig.json'));
    const sources = sourcesOf(root);
    assert.deepEqual(await build(root), { compiled: sources.length, removed: 0, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), sources.map(outputOf).sort());
  });

  it('checks the intent classifier again when its corpus or its code changes, and only then', async () => {
    const model = join(root, 'dist/understanding-model.json');
    const trained = readFileSync(model, 'utf8');
    let stamps = outputStamps(root);
    touch(join(root, 'locales/es-CO/understanding/training.yaml'));
    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: true });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), []);
    // Same corpus, same words: the stored classifier is still the right one.
    assert.equal(readFileSync(model, 'utf8'), trained);

    stamps = outputStamps(root);
    touch(join(root, 'bot/understanding/words.ts'));
    assert.deepEqual(await build(root), { compiled: 1, removed: 0, holidays: false, understanding: true });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), ['dist/bot/understanding/words.js']);

    rmSync(model);
    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: true });
    assert.equal(readFileSync(model, 'utf8'), trained, 'trained again, to the same classifier');
    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: false });
  });

  it('compiles a new source, in a new folder, and removes its output once the source is deleted', async () => {
    const source = 'adapters/build-probe/nested/probe.ts';
    mkdirSync(join(root, dirname(source)), { recursive: true });
    writeFileSync(join(root, source), "export const probe: string = 'probe';\n");
    let stamps = outputStamps(root);

    assert.deepEqual(await build(root), { compiled: 1, removed: 0, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), [outputOf(source)]);
    assert.doesNotMatch(readFileSync(join(root, outputOf(source)), 'utf8'), /: string/);

    stamps = outputStamps(root);
    rmSync(join(root, 'adapters/build-probe'), { recursive: true });
    assert.deepEqual(await build(root), { compiled: 0, removed: 1, holidays: false, understanding: false });
    assert.deepEqual(changedOutputs(stamps, outputStamps(root)), [outputOf(source)]);
    assert.equal(existsSync(join(root, outputOf(source))), false);
    const manifest = JSON.parse(readFileSync(join(root, 'dist/.build.json'), 'utf8')) as { files: Record<string, unknown> };
    assert.equal(source in manifest.files, false);
  });

  it('removes the output of a deleted source on a forced build too, when the manifest no longer lists it', async () => {
    const orphan = join(root, 'dist/bot/orphan-probe.js');
    writeFileSync(orphan, 'export {};\n');
    rmSync(join(root, 'dist/.build.json'));
    const report = await build(root, '--force');
    assert.equal(report.removed, 1);
    assert.equal(existsSync(orphan), false);
  });

  it('builds when run through a symbolic link to the project', async () => {
    const link = join(base, 'link');
    symlinkSync(root, link, 'dir');
    try {
      touch(join(root, 'dialogs/text.ts'));
      const run = await runNode([join(link, 'scripts/build.mjs')], base);
      assert.equal(run.code, 0, describeRun(run));
      assert.match(run.stdout, /^dist\/: 1 compiled, 0 removed in \d+ ms$/m);
    } finally {
      rmSync(link);
    }
  });

  it('runs the compiled CLI after bringing dist/ up to date: a dialog script passes and --help answers', async () => {
    touch(join(root, 'bot/rendering/renderer.ts'));
    const simulation = await runNode(['scripts/lina.mjs', 'simulate', SIMULATION], root);
    assert.equal(simulation.code, 0, describeRun(simulation));
    assert.match(simulation.stdout, /^PASS /m, describeRun(simulation));
    assert.match(simulation.stdout, /^1 passed, 0 failed$/m, describeRun(simulation));
    // lina.mjs compiled the touched file before running: nothing is left to do.
    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: false });

    const help = await runNode(['scripts/lina.mjs', '--help'], root);
    assert.equal(help.code, 0, describeRun(help));
    assert.match(help.stdout, /^Usage: lina /m);
    for (const command of ['start', 'chat', 'simulate', 'support']) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
  });

  it("still works once moved to another folder, without compiling again, reading the moved tree's locales", async () => {
    const moved = join(base, 'moved', 'elsewhere', 'lina');
    mkdirSync(dirname(moved), { recursive: true });
    renameSync(root, moved);
    root = moved;

    assert.deepEqual(await build(root), { compiled: 0, removed: 0, holidays: false, understanding: false });

    // A greeting only this tree's locales have: the old folder is gone, and dist/ has no locales.
    const marker = 'saludo-del-arbol-movido';
    const localeFile = join(root, 'locales/es-CO/lina.json');
    const locale = JSON.parse(readFileSync(localeFile, 'utf8')) as { greeting: { welcome: string } };
    locale.greeting.welcome = `${marker} ${locale.greeting.welcome}`;
    writeFileSync(localeFile, `${JSON.stringify(locale, null, 2)}\n`);
    const script = 'test/simulations/moved-tree-greeting.yaml';
    writeFileSync(
      join(root, script),
      ['name: The moved tree greets with its own locales', 'channel: webchat', 'turns:', '  - user: "hola"', `    expect: ["${marker}"]`, ''].join('\n'),
    );

    const simulation = await runNode(['scripts/lina.mjs', 'simulate', script, SIMULATION], root);
    assert.equal(simulation.code, 0, describeRun(simulation));
    assert.match(simulation.stdout, /^2 passed, 0 failed$/m, describeRun(simulation));
  });

  it('starts with `lina start`: /healthz, the support console and the web chat answer, and SIGTERM ends it all', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataFolder = join(base, 'data');
    // One file to compile: the build's esbuild service runs in Lina's own process and must be stopped.
    touch(join(root, 'dialogs/text.ts'));

    const child = spawn(process.execPath, ['scripts/lina.mjs', 'start'], {
      cwd: root,
      // Its own process group, so that it and anything it starts can be stopped together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...childEnv,
        LINA_HOST: '127.0.0.1',
        LINA_PORT: String(port),
        LINA_DATABASE_PATH: join(dataFolder, 'lina.db'),
        AGENDA_SIMULATOR_PORT: '0',
        AGENDA_SIMULATOR_DATABASE_PATH: ':memory:',
        WHATSAPP_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    lina = child;
    const pid = child.pid;
    assert.ok(pid !== undefined, 'lina start did not spawn');
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let hasExited = false;
    void exited.then(() => (hasExited = true));

    const healthy = await waitUntil(async () => hasExited || (await statusOf(`${url}/healthz`)) === 200, STARTUP_DEADLINE_MS);
    assert.ok(healthy && !hasExited, `lina start did not answer /healthz on ${url}:\n${output}`);
    assert.match(output, /Lina is ready/);

    const support = await fetch(`${url}/support`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(support.status, 200, `GET /support (redirected to ${support.url})`);
    assert.match(support.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await support.text(), /<html/i);
    // The console's assets are read from the source tree, not from dist/.
    const css = await fetch(`${url}/support/assets/console.css`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(css.status, 200);
    assert.equal(await css.text(), readFileSync(join(root, 'adapters/support/assets/console.css'), 'utf8'));
    const webChat = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(webChat.status, 200);
    assert.match(await webChat.text(), /<html/i);

    assert.ok(existsSync(join(dataFolder, 'lina.db')), 'the database is not where LINA_DATABASE_PATH says');
    assert.equal(existsSync(join(root, 'var/lina.db')), false);
    const members = processesInGroup(pid);
    if (members) assert.deepEqual(members, [pid], 'Lina left other processes running in its group (esbuild?)');

    process.kill(-pid, 'SIGTERM');
    let deadline: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([exited, new Promise<undefined>((resolve) => (deadline = setTimeout(() => resolve(undefined), SHUTDOWN_DEADLINE_MS)))]);
    clearTimeout(deadline);
    if (!stopped) process.kill(-pid, 'SIGKILL');
    assert.deepEqual(stopped, { code: 0, signal: null }, `lina start did not stop on SIGTERM:\n${output}`);
    assert.ok(await waitUntil(() => !groupIsAlive(pid), 10_000), 'processes of its group are still running');
    assert.equal(await statusOf(`${url}/healthz`), undefined);
  });
});
