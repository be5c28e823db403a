/**
 * Headless Chromium for the browser tests, driven by playwright-core (nothing is downloaded:
 * the browser is the system's, `/usr/bin/chromium` or `CHROMIUM_PATH`).
 *
 * A missing browser skips the test outside CI, loudly, so a developer sees what did not run
 * (jest cannot mark a running test skipped: it ends as passed, after the notice); in CI
 * (`CI=true`) it fails the test, so a broken image never passes silently.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The part of a test's context (test/support/test-context.ts) this helper needs. */
interface SkippableContext {
  skip(message?: string): void;
}

/**
 * Launches Chromium, or returns `undefined` after saying loudly that the test is skipped when
 * there is no browser and this is not CI. The caller closes the browser.
 * @throws Error in CI when the browser is missing, and anywhere when it fails to start
 */
export async function launchBrowser(t: SkippableContext): Promise<Browser | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    const message = `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`;
    if (process.env.CI === 'true') throw new Error(`${message}. Browser tests cannot be skipped in CI.`);
    const rule = '!'.repeat(78);
    console.error(`\n${rule}\n!! BROWSER TEST SKIPPED\n!! ${message}\n${rule}\n`);
    t.skip(message);
    return undefined;
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
