/**
 * The test context node:test gives a test's function (`it('…', async (t) => …)`) and jest does
 * not (under jest a parameter would make the function a `done` callback). A test that used one
 * starts with `const t = testContext();` instead (the node:test → jest codemod writes it), which
 * gives it what it used:
 *
 * - `t.after(fn)`: runs `fn` when the test ends, passed or failed, after the test's `afterEach`
 *   hooks and in the order given, as node:test's `t.after`; a cleanup that throws fails the test.
 *   (Importing this module registers the `afterEach` hook that runs them, in the importing file.)
 * - `t.skip(message)` / `t.todo(message)`: jest cannot mark a running test skipped, so the test
 *   ends as passed and the message is printed loudly (callers return right after, as they did).
 * - `t.diagnostic(message)`, `t.signal` (aborted when the test ends) and `t.name`.
 */
import { afterEach, expect } from '@jest/globals';

export interface TestContext {
  after(fn: () => unknown): void;
  skip(message?: string): void;
  todo(message?: string): void;
  diagnostic(message: string): void;
  readonly signal: AbortSignal;
  readonly name: string;
}

let cleanups: (() => unknown)[] = [];
let controller: AbortController | undefined;

afterEach(async () => {
  controller?.abort();
  controller = undefined;
  const due = cleanups;
  cleanups = [];
  let failure: { error: unknown } | undefined;
  for (const cleanup of due) {
    try {
      await cleanup();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
});

/** The context of the running test (call it in the test's function). */
export function testContext(): TestContext {
  controller ??= new AbortController();
  const name = expect.getState().currentTestName ?? '';
  const notice = (kind: string, message?: string) => {
    const rule = '!'.repeat(78);
    console.warn(`\n${rule}\n!! TEST ${kind}, counted as passed: ${name}${message ? `\n!! ${message}` : ''}\n${rule}\n`);
  };
  return {
    after: (cleanup) => void cleanups.push(cleanup),
    skip: (message) => notice('SKIPPED', message),
    todo: (message) => notice('TODO', message),
    diagnostic: (message) => console.log(`${name}: ${message}`),
    signal: controller.signal,
    name,
  };
}
