import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';

/**
 * The real thing: `lina chat` as its own process, killed with SIGKILL between two messages
 * and started again on the same files. The conversation must go on at the step it reached.
 */
const directory = mkdtempSync(join(tmpdir(), 'lina-restart-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const env = {
  ...process.env,
  LINA_DATABASE_PATH: join(directory, 'lina.db'),
  AGENDA_SIMULATOR_PORT: '0',
  AGENDA_SIMULATOR_DATABASE_PATH: join(directory, 'agenda.db'),
  LOG_LEVEL: 'silent',
};

function startLina(): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main/cli.ts', 'chat', '--now', '2026-11-23T08:00:00-05:00'], {
    env,
    cwd: process.cwd(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Sends one line and waits for the prompt that follows Lina's answer to it. */
async function say(lina: ReturnType<typeof startLina>, text: string): Promise<string> {
  const before = lina.output().length;
  lina.child.stdin.write(`${text}\n`);
  for (let waited = 0; waited < 60_000; waited += 50) {
    const answer = lina.output().slice(before);
    // The answer is complete once the next "tú ›" prompt is printed after it.
    if (/Lina ›[\s\S]*tú ›/.test(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no answer to "${text}"; output so far:\n${lina.output()}`);
}

async function waitForPrompt(lina: ReturnType<typeof startLina>): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (lina.output().includes('tú ›')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Lina did not start:\n${lina.output()}`);
}

function kill(lina: ReturnType<typeof startLina>): Promise<void> {
  return new Promise((resolve) => {
    lina.child.once('exit', () => resolve());
    lina.child.kill('SIGKILL');
  });
}

describe('a killed Lina process', () => {
  it('continues the conversation where it was after a restart', async () => {
    const first = startLina();
    await waitForPrompt(first);
    await say(first, 'hola');
    await say(first, 'sí');
    await say(first, 'CC 1010101010');
    assert.match(await say(first, '15/03/1994'), /¿Para quién es la cita\?/);
    await kill(first);

    const second = startLina();
    await waitForPrompt(second);
    const answer = await say(second, 'para mí');
    second.child.stdin.end();
    await new Promise((resolve) => second.child.once('exit', resolve));

    // Straight to the main menu: no greeting, no authorisation, no document again.
    assert.match(answer, /¿Qué quieres hacer\?/);
    assert.match(answer, /Agendar cita/);
    assert.doesNotMatch(answer, /Soy Lina|autoriza|documento/i);
  });
});
