/**
 * Runs dialog scripts against an engine, each in its own conversation, and reports them in the
 * format the shared dialog-scripts contract fixes: PASS/FAIL per script, the transcript of a
 * failure, and last `N passed, N failed`.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ManualClock } from '../clock.js';
import type { SiteCode } from '../domain.js';
import { renderPlainText, type ChannelName, type Engine, type InboundMessage } from '../messages.js';
import { describePattern, findUnmetPatterns } from './match-replies.js';
import { loadScript, type SimulationScript } from './script.schema.js';
import { ScriptError } from './script-yaml.js';

/** A conversation started for one script: its own engine, database and agenda. */
export interface SimulationConversation {
  engine: Engine;
  /** Already set to the script's `now`; `wait` turns move it. */
  clock: ManualClock;
  close(): Promise<void>;
}

/**
 * Builds a fresh world for one script (in-memory database, agenda seeded from `now`). Called
 * once per script so that scripts never see each other's bookings or sessions.
 */
export type StartConversation = (script: { now: Date; channel: ChannelName; from: string; site?: SiteCode }) => Promise<SimulationConversation>;

/** Where the report goes: a stream, or a function given one line at a time. */
export type ReportOutput = NodeJS.WritableStream | ((line: string) => void);

export interface RunScriptsOptions {
  startConversation: StartConversation;
  output: ReportOutput;
  /** Where scripts' `given` starting points are defined (default: the givens Lina ships). */
  givensFile?: string;
}

export interface RunSummary {
  passed: number;
  failed: number;
}

/**
 * Runs every script found in `paths` (files, or folders searched recursively for `*.yaml` and
 * `*.yml`), in order, and writes the report. A script that cannot be read counts as failed.
 * The caller decides the exit status (1 when `failed > 0`).
 */
export async function runScripts(paths: string[], options: RunScriptsOptions): Promise<RunSummary> {
  const writeLine = toLineWriter(options.output);
  const summary: RunSummary = { passed: 0, failed: 0 };
  const entries = await findScriptFiles(paths);
  for (const [index, entry] of entries.entries()) {
    const report =
      'problem' in entry
        ? { passed: false, lines: [`FAIL  ${entry.path}`, `  ${entry.path}: ${entry.problem}`] }
        : await runScriptFile(entry.file, index + 1, options.startConversation, options.givensFile);
    report.lines.forEach(writeLine);
    if (report.passed) summary.passed += 1;
    else summary.failed += 1;
  }
  writeLine(`${summary.passed} passed, ${summary.failed} failed`);
  return summary;
}

interface ScriptReport {
  passed: boolean;
  lines: string[];
}

async function runScriptFile(file: string, scriptNumber: number, startConversation: StartConversation, givensFile: string | undefined): Promise<ScriptReport> {
  let script: SimulationScript;
  try {
    script = await loadScript(file, givensFile);
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    return { passed: false, lines: [`FAIL  ${file}`, ...indent(error.message)] };
  }

  const title = `${script.name} (${file})`;
  let conversation: SimulationConversation;
  try {
    conversation = await startConversation({
      now: new Date(script.now),
      channel: script.channel,
      from: script.from,
      ...(script.site ? { site: script.site } : {}),
    });
  } catch (error) {
    const lines = [`FAIL  ${title}`, `  could not start the conversation: ${String(error)}`];
    return { passed: false, lines };
  }

  const transcript: string[] = [];
  let problems: string[];
  try {
    problems = await playTurns(script, conversation, transcript, `sim-${scriptNumber}`);
  } catch (error) {
    // Engine errors are caught per turn; this is the runner or the factory's clock failing.
    problems = [`the simulation stopped: ${String(error)}`];
  }
  try {
    await conversation.close();
  } catch (error) {
    // Closing must not hide the verdict, but a factory that cannot clean up is a failure too.
    problems.push(`could not close the conversation: ${String(error)}`);
  }
  if (problems.length === 0) return { passed: true, lines: [`PASS  ${title}`] };
  return { passed: false, lines: [`FAIL  ${title}`, ...transcript, ...problems.map((line) => `  ${line}`)] };
}

/**
 * Plays the turns until one fails, appending to `transcript` as it goes so a failure shows
 * exactly what was said. Returns the problems of the failing turn, or none.
 */
async function playTurns(script: SimulationScript, { engine, clock }: SimulationConversation, transcript: string[], messageIdPrefix: string): Promise<string[]> {
  let isFirstMessage = true;
  const givenTurns = script.turns.filter((turn) => turn.file !== undefined).length;
  for (const [index, turn] of script.turns.entries()) {
    // A given's turns are located in the givens file, by their place in the given.
    const where = turn.file !== undefined ? `${turn.file}:${turn.line}: given ${script.given ?? ''}` : `${script.file}:${turn.line}: turns[${index - givenTurns}]`;
    if (turn.kind === 'wait') {
      transcript.push(`  … wait ${turn.duration}`);
      clock.advance(turn.milliseconds);
      continue;
    }

    const message: InboundMessage = {
      channel: script.channel,
      userId: script.from,
      messageId: `${messageIdPrefix}-turn-${index}`,
      text: turn.text,
      receivedAt: clock.now(),
      ...(script.channel === 'whatsapp' ? { phone: script.from } : {}),
      // Only the first message arrives through the QR code; later ones are ordinary messages.
      ...(isFirstMessage && script.site ? { site: script.site } : {}),
    };
    isFirstMessage = false;
    transcript.push(...prefixLines('  > ', turn.text));

    let replies: string;
    try {
      replies = (await engine.handle(message)).map(renderPlainText).join('\n');
    } catch (error) {
      return [`${where}: the engine threw: ${String(error)}`];
    }
    transcript.push(...(replies === '' ? ['  < (no reply)'] : prefixLines('  < ', replies)));

    const unmet = findUnmetPatterns(replies, turn);
    if (unmet.length > 0) {
      return unmet.map(({ kind, pattern }) =>
        kind === 'expect' ? `${where}: expected to match: ${describePattern(pattern)}` : `${where}: must not match: ${describePattern(pattern)}`,
      );
    }
  }
  return [];
}

type ScriptEntry = { file: string } | { path: string; problem: string };

/** Expands folders into their scripts, sorted, dropping duplicates; bad paths become problems. */
async function findScriptFiles(paths: string[]): Promise<ScriptEntry[]> {
  const entries: ScriptEntry[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ file });
  };

  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      entries.push({ path, problem: `cannot read: ${reason}` });
      continue;
    }
    if (!isDirectory) {
      add(path);
      continue;
    }
    const files = (await listYamlFiles(path)).sort();
    // An empty folder is most likely a wrong path; passing it silently would hide that.
    if (files.length === 0) entries.push({ path, problem: 'no *.yaml or *.yml scripts in this folder' });
    files.forEach(add);
  }
  return entries;
}

async function listYamlFiles(folder: string): Promise<string[]> {
  const children: Dirent[] = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const child of children) {
    if (child.name.startsWith('.') || child.name === 'node_modules') continue;
    const path = join(folder, child.name);
    if (child.isDirectory()) files.push(...(await listYamlFiles(path)));
    else if (/\.ya?ml$/i.test(child.name)) files.push(path);
  }
  return files;
}

function toLineWriter(output: ReportOutput): (line: string) => void {
  return typeof output === 'function' ? output : (line) => void output.write(`${line}\n`);
}

function prefixLines(prefix: string, text: string): string[] {
  return text.split('\n').map((line) => `${prefix}${line}`.trimEnd());
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}
