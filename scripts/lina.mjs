// @ts-check
/**
 * `lina` as the npm scripts run it (`npm start` → `node scripts/lina.mjs start`): brings dist/
 * up to date with the sources (nothing to do, or only what changed, in a few milliseconds),
 * then runs the compiled `bot/main/cli.ts` in this same process, with no TypeScript loader.
 *
 * Stack traces name dist/ files; `NODE_OPTIONS=--enable-source-maps` maps them back to the
 * TypeScript lines (each compiled file carries its source map).
 */
import { buildOrExit } from './build.mjs';

await buildOrExit();
await import('../dist/bot/main/cli.js');
