// @ts-check
/**
 * Compiles Lina's TypeScript (bot/, dialogs/, adapters/, data/) to JavaScript in dist/, one
 * file per source file and the same folder layout, so `npm start` runs plain `node` instead of
 * tsx's loader (its TypeScript compilation and loader thread cost ~0.6 s and ~40 MB at start).
 *
 * Incremental: dist/.build.json records each source's size and mtime; only sources that
 * changed are transpiled again, outputs of deleted sources are removed, and a new esbuild,
 * tsconfig.json or builder rebuilds everything. Checking a tree that is up to date stats the
 * sources and loads nothing else, so it can run before every start.
 *
 * It also writes Colombia's holidays as date-holidays computes them (see `bot/calendar.ts`),
 * again when date-holidays, its parser or `bot/calendar.ts` change, and trains the intent
 * classifier of the understanding step (`bot/understanding/load.ts`) when its corpus, its
 * lexicon or its code change.
 *
 * Transpile only, as tsx does: types are checked by `npm run typecheck`, never here.
 *
 * JavaScript, not TypeScript: it runs before anything is compiled.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root: this file is `scripts/build.mjs`. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the JavaScript goes; git-ignored. */
export const DIST = join(ROOT, 'dist');
/** The folders `bot/main/cli.ts` and everything it imports live in (tests keep running through tsx). */
const SOURCE_FOLDERS = ['bot', 'dialogs', 'adapters', 'data'];
const MANIFEST = join(DIST, '.build.json');
const HOLIDAY_TABLE = join(DIST, 'colombian-holidays.json');
const UNDERSTANDING_MODEL = join(DIST, 'understanding-model.json');
/** What the trained intent classifier is made from, besides the code in bot/understanding/. */
const UNDERSTANDING_DATA = ['locales/es-CO/understanding/training.yaml', 'locales/es-CO/understanding/lexicon.yaml'];
/** Resolves packages as the project's own code does. */
const projectRequire = createRequire(join(ROOT, 'package.json'));
/**
 * Compiled files would otherwise resolve `new URL('../locales/…', import.meta.url)` (locales,
 * the web chat page's assets, the support console's assets, `createRequire`) from dist/. Each
 * such `import.meta.url` is replaced by the URL of the source file, computed from the compiled
 * file's own URL so the tree can move: the files are read where they are, never copied.
 */
const SOURCE_URL = '__linaSourceUrl';

/**
 * @typedef {{ size: number, mtimeMs: number }} Stamp
 * @typedef {{ key: string, files: Record<string, Stamp>, holidays?: string, understanding?: string }} Manifest
 * @typedef {{ compiled: number, removed: number, holidays: boolean, understanding: boolean, ms: number }} BuildReport
 */

/**
 * Brings dist/ up to date with the sources; cheap when nothing changed.
 * @param {{ force?: boolean }} [options] `force` transpiles every file again.
 * @returns {Promise<BuildReport>}
 */
export async function buildIfStale(options = {}) {
  const startedAt = performance.now();
  const key = builderKey();
  const previous = options.force ? undefined : readManifest();
  const previousFiles = previous?.key === key ? previous.files : {};
  /** @type {Record<string, Stamp>} */
  const files = {};
  /** @type {string[]} */
  const stale = [];
  for (const source of listSources()) {
    const { size, mtimeMs } = statSync(join(ROOT, source));
    files[source] = { size, mtimeMs };
    const before = previousFiles[source];
    const fresh = before && before.size === size && before.mtimeMs === mtimeMs && existsSync(outputOf(source));
    if (!fresh) stale.push(source);
  }
  // Without a manifest to trust (first build, --force, another builder), every output is
  // checked against the sources, so no output of a deleted source can outlive it.
  const known = previous?.key === key ? Object.keys(previous.files) : listOutputSources();
  const removed = known.filter((source) => !(source in files));
  const holidays = holidayKey(files['bot/calendar.ts']);
  const holidaysStale = previous?.holidays !== holidays || !existsSync(HOLIDAY_TABLE);
  const understanding = understandingKey(files);
  const understandingStale = previous?.understanding !== understanding || !existsSync(UNDERSTANDING_MODEL);
  if (stale.length === 0 && removed.length === 0 && !holidaysStale && !understandingStale && previous?.key === key) {
    return { compiled: 0, removed: 0, holidays: false, understanding: false, ms: performance.now() - startedAt };
  }
  for (const source of removed) rmSync(outputOf(source), { force: true });
  if (stale.length > 0) await compile(stale);
  if (holidaysStale) await writeHolidayTable();
  if (understandingStale) await trainUnderstanding();
  writeAtomically(MANIFEST, `${JSON.stringify({ key, files, holidays, understanding })}\n`);
  return { compiled: stale.length, removed: removed.length, holidays: holidaysStale, understanding: understandingStale, ms: performance.now() - startedAt };
}

/** @param {string[]} sources paths relative to the root, `/`-separated */
async function compile(sources) {
  const esbuild = await import('esbuild');
  const compilerOptions = readTsconfig().compilerOptions ?? {};
  /** @param {string} source */
  const compileOne = async (source) => {
    const code = readFileSync(join(ROOT, source), 'utf8');
    if (/import\.meta\.(dirname|filename)\b/.test(code)) {
      throw new Error(`${source}: import.meta.dirname and .filename would name dist/; use new URL(…, import.meta.url)`);
    }
    const output = outputOf(source);
    const sourceFromOutput = relative(dirname(output), join(ROOT, source)).split(sep).join('/');
    const rootFromOutput = `${relative(dirname(output), ROOT).split(sep).join('/')}/`;
    const result = await esbuild.transform(code, {
      loader: 'ts',
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcefile: source,
      sourcemap: 'inline',
      // The map names the .ts file where it is (stack traces with --enable-source-maps).
      sourceRoot: rootFromOutput,
      sourcesContent: false,
      // tsx reads tsconfig.json too: same `verbatimModuleSyntax`, class fields and target.
      tsconfigRaw: { compilerOptions },
      ...(code.includes('import.meta.url')
        ? {
            define: { 'import.meta.url': SOURCE_URL },
            banner: `const ${SOURCE_URL} = new URL(${JSON.stringify(sourceFromOutput)}, import.meta.url).href;`,
          }
        : {}),
    });
    writeAtomically(output, result.code);
  };
  try {
    await Promise.all(sources.map(compileOne));
  } finally {
    // Its service process would otherwise live as long as Lina.
    await esbuild.stop();
  }
}

/** Asks the compiled `bot/calendar.ts` for date-holidays' answers and writes them where it reads them. */
async function writeHolidayTable() {
  /** @type {{ buildHolidayTable(): unknown, HOLIDAY_TABLE_FILE: URL }} */
  const calendar = await import(pathToFileURL(outputOf('bot/calendar.ts')).href);
  const file = fileURLToPath(calendar.HOLIDAY_TABLE_FILE);
  if (file !== HOLIDAY_TABLE) throw new Error(`bot/calendar.ts reads its holiday table from ${file}; the build checks ${HOLIDAY_TABLE}`);
  writeAtomically(file, `${JSON.stringify(calendar.buildHolidayTable())}\n`);
}

/**
 * Trains the intent classifier through the compiled `bot/understanding/load.ts`, which writes
 * it where it reads it (it trains only when the stored model does not match the corpus).
 */
async function trainUnderstanding() {
  /** @type {{ ensureTrainedModel(): unknown, MODEL_FILE: URL }} */
  const understanding = await import(pathToFileURL(outputOf('bot/understanding/load.ts')).href);
  const file = fileURLToPath(understanding.MODEL_FILE);
  if (file !== UNDERSTANDING_MODEL) throw new Error(`bot/understanding/load.ts keeps its model in ${file}; the build checks ${UNDERSTANDING_MODEL}`);
  understanding.ensureTrainedModel();
}

/**
 * What the trained classifier depends on: the corpus, the lexicon, the understanding code and
 * the NLP.js version.
 * @param {Record<string, Stamp>} files
 */
function understandingKey(files) {
  const code = Object.entries(files).filter(([source]) => source.startsWith('bot/understanding/'));
  const data = UNDERSTANDING_DATA.map((file) => {
    const { size, mtimeMs } = statSync(join(ROOT, file));
    return [file, size, mtimeMs];
  });
  return JSON.stringify([code, data, versionOf(projectRequire.resolve('@nlpjs/neural/package.json'))]);
}

/**
 * What the holiday table depends on: date-holidays and its parser (their versions) and
 * `bot/calendar.ts`, which computes it and sets its years.
 * @param {Stamp | undefined} calendar
 */
function holidayKey(calendar) {
  const dateHolidays = projectRequire.resolve('date-holidays/package.json');
  const parser = createRequire(dateHolidays).resolve('date-holidays-parser/package.json');
  return JSON.stringify([versionOf(dateHolidays), versionOf(parser), calendar]);
}

/** Every `.ts` file of the source folders (declaration files aside), sorted. */
function listSources() {
  /** @type {string[]} */
  const sources = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      // `parentPath` is Node 20.12+; `path` (deprecated later) is what 20.10 has.
      const parent = /** @type {{ parentPath?: string, path: string }} */ (/** @type {unknown} */ (entry));
      sources.push(
        relative(ROOT, join(parent.parentPath ?? parent.path, entry.name))
          .split(sep)
          .join('/'),
      );
    }
  }
  return sources.sort();
}

/** The sources the .js files now in dist/ were compiled from, whether or not they still exist. */
function listOutputSources() {
  /** @type {string[]} */
  const sources = [];
  for (const folder of SOURCE_FOLDERS) {
    if (!existsSync(join(DIST, folder))) continue;
    for (const entry of readdirSync(join(DIST, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
      const parent = /** @type {{ parentPath?: string, path: string }} */ (/** @type {unknown} */ (entry));
      sources.push(
        relative(DIST, join(parent.parentPath ?? parent.path, entry.name))
          .split(sep)
          .join('/')
          .replace(/\.js$/, '.ts'),
      );
    }
  }
  return sources;
}

/** @param {string} source */
function outputOf(source) {
  return join(DIST, source.replace(/\.ts$/, '.js'));
}

/** What invalidates every output: the builder itself, esbuild's version and tsconfig.json. */
function builderKey() {
  const stamp = (/** @type {string} */ file) => {
    const { size, mtimeMs } = statSync(file);
    return [size, mtimeMs];
  };
  return JSON.stringify([stamp(fileURLToPath(import.meta.url)), versionOf(projectRequire.resolve('esbuild/package.json')), stamp(join(ROOT, 'tsconfig.json'))]);
}

/** @param {string} manifest a package.json */
function versionOf(manifest) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(manifest, 'utf8'))).version;
}

/** @returns {{ compilerOptions?: Record<string, unknown> }} */
function readTsconfig() {
  return JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
}

/** @returns {Manifest | undefined} */
function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Write, then rename: a process starting at the same moment sees the old file or the new
 * one, never half of one.
 * @param {string} file
 * @param {string} content
 */
function writeAtomically(file, content) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * `buildIfStale`, with a failure (a syntax error, most often) told in one message and exit
 * status 1 rather than a stack trace.
 * @param {{ force?: boolean }} [options]
 * @returns {Promise<BuildReport>}
 */
export async function buildOrExit(options) {
  try {
    return await buildIfStale(options);
  } catch (error) {
    process.stderr.write(`dist/ could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

// `node scripts/build.mjs [--force]`: build and say what was done.
// Real paths on both sides: run through a symbolic link, argv[1] names the link.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const report = await buildOrExit({ force: process.argv.includes('--force') });
  const holidays = report.holidays ? ', holiday table written' : '';
  const understanding = report.understanding ? ', intent classifier checked' : '';
  process.stdout.write(`dist/: ${report.compiled} compiled, ${report.removed} removed${holidays}${understanding} in ${Math.round(report.ms)} ms\n`);
}
