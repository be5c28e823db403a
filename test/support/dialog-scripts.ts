/**
 * What the tests that play the dialog scripts through a channel share (Baileys, the WhatsApp Cloud
 * API, web chat, the terminal chat): which scripts they take, the settings of the fresh Lina each script gets,
 * and the verdict, every script passing as it passes on the engine.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../bot/config.js';
import { runScripts, type StartConversation } from '../../bot/simulation/run-scripts.js';

const FOLDER = 'test/simulations';

/** The dialog scripts whose source `take` accepts, sorted as the runner sorts them. */
export function dialogScripts(take: (source: string) => boolean): string[] {
  return readdirSync(FOLDER)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(FOLDER, name))
    .filter((file) => take(readFileSync(file, 'utf8')));
}

/**
 * Lina's settings for one script's fresh world: an in-memory database, the embedded agenda on a
 * free port, no logs, and `env`'s settings of the channel on top.
 */
export function scriptConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    LINA_DATABASE_PATH: ':memory:',
    AGENDA_SIMULATOR_PORT: '0',
    LINA_PORT: '0',
    LOG_LEVEL: 'silent',
    // Scripts replay their turns instantly: no person could, so the rate limit stays out of the way.
    LINA_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
}

/** Plays `scripts`, each in the conversation `startConversation` gives it; fails with the report of every script that failed. */
export async function playScripts(scripts: string[], startConversation: StartConversation): Promise<void> {
  const report: string[] = [];
  const summary = await runScripts(scripts, { output: (line) => report.push(line), startConversation });
  assert.equal(summary.failed, 0, report.filter((line) => !line.startsWith('PASS')).join('\n'));
  assert.equal(summary.passed, scripts.length);
}
