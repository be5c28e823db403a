// @ts-check
/**
 * `npm run architecture`: checks the layer rules of `scripts/dependency-rules.cjs` over the
 * source (bot/, dialogs/, adapters/, data/) and writes the import graph between the layers'
 * folders, with the number of imports on each arrow: docs/architecture.md (a Mermaid chart and
 * the rules in words) and docs/architecture.svg (the same graph drawn by Graphviz, compiled to
 * WebAssembly, so no system package is needed). `--check` writes nothing and fails when a rule
 * is broken or a committed graph is out of date.
 *
 * JavaScript, not TypeScript: it runs before anything is compiled, like build.mjs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { cruise } from 'dependency-cruiser';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['bot', 'dialogs', 'adapters', 'data'];
/** The domain vocabulary: what dialogs may import of the core, itself importing nothing else. */
const DOMAIN = new Set(['bot/domain.ts', 'bot/messages.ts', 'bot/understanding/types.ts']);

/** The folder a module belongs to in the picture: the composition root, each adapter, the core, dialogs, data. */
export function layerOf(/** @type {string} */ source) {
  if (source.startsWith('bot/main/')) return 'bot/main';
  if (DOMAIN.has(source)) return 'bot/domain';
  const adapter = /^adapters\/([^/]+)\//.exec(source);
  if (adapter) return `adapters/${adapter[1]}`;
  if (source.startsWith('bot/')) return 'bot';
  if (source.startsWith('dialogs/')) return 'dialogs';
  if (source.startsWith('data/')) return 'data';
  return undefined;
}

/**
 * Cruises `sources` (folders relative to `root`) with the project's rules.
 * @param {string} root
 * @param {string[]} sources
 * @returns {Promise<{ violations: Array<{ rule: string; from: string; to: string }>; arrows: Map<string, number> }>}
 */
export async function cruiseLayers(root = ROOT, sources = SOURCES) {
  const rules = createRequire(import.meta.url)('./dependency-rules.cjs');
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(sources, { ...rules.options, ruleSet: { forbidden: rules.forbidden }, validate: true }, undefined, { tsConfig: readTsConfig(root) });
    const output = /** @type {import('dependency-cruiser').ICruiseResult} */ (result.output);
    const violations = output.summary.violations.map((violation) => ({ rule: violation.rule.name, from: violation.from, to: violation.to }));
    /** @type {Map<string, number>} */
    const arrows = new Map();
    for (const module of output.modules) {
      const from = layerOf(module.source);
      if (!from) continue;
      for (const dependency of module.dependencies) {
        const to = layerOf(dependency.resolved);
        if (!to || to === from) continue;
        const key = `${from} --> ${to}`;
        arrows.set(key, (arrows.get(key) ?? 0) + 1);
      }
    }
    return { violations, arrows };
  } finally {
    process.chdir(previous);
  }
}

function readTsConfig(/** @type {string} */ root) {
  const text = readFileSync(join(root, 'tsconfig.json'), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

const LABELS = {
  'bot/main': 'bot/main — composition root',
  bot: 'bot — core: engine, turn, ports, understanding, rendering',
  'bot/domain': 'bot/domain.ts, messages.ts, understanding/types.ts — the domain vocabulary and catalog',
  dialogs: 'dialogs — XState machines',
  data: 'data — SQLite stores',
};

/** A circle of layers (`a → b → a`), or undefined: the folders' graph must point one way. */
export function layerCircle(/** @type {Map<string, number>} */ arrows) {
  /** @type {Map<string, string[]>} */
  const next = new Map();
  for (const key of arrows.keys()) {
    const [from = '', to = ''] = key.split(' --> ');
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  /** @type {Set<string>} */
  const done = new Set();
  /** @param {string} layer @param {string[]} path @returns {string[] | undefined} */
  const visit = (layer, path) => {
    if (path.includes(layer)) return [...path.slice(path.indexOf(layer)), layer];
    if (done.has(layer)) return undefined;
    for (const to of next.get(layer) ?? []) {
      const circle = visit(to, [...path, layer]);
      if (circle) return circle;
    }
    done.add(layer);
    return undefined;
  };
  for (const layer of next.keys()) {
    const circle = visit(layer, []);
    if (circle) return circle;
  }
  return undefined;
}

/** docs/architecture.md for these arrows. */
export function architectureDoc(/** @type {Map<string, number>} */ arrows) {
  const layers = [...new Set([...arrows.keys()].flatMap((key) => key.split(' --> ')))].sort();
  const id = (/** @type {string} */ layer) => layer.replace(/[^a-z]/g, '_');
  const lines = [
    '# Architecture: the import graph',
    '',
    'Written by `npm run architecture` from the code (dependency-cruiser, rules in',
    '`scripts/dependency-rules.cjs`); `npm test` fails when a rule is broken or this page is out of',
    'date. Each arrow is "imports", with the number of imports; nothing points back up.',
    '',
    '- **bot/main/** (the composition root: config → database, stores, agenda, engine, servers,',
    '  CLI) is the only folder every layer may be imported by; nothing imports it.',
    '- **adapters/** drive the engine or implement its ports; **data/** implements the store ports.',
    '  Adapters import no store: the composition root hands them the stores they use.',
    '- The **core** (bot/ outside bot/main/) imports no adapter and no store.',
    '- **dialogs/** import only the domain vocabulary (bot/domain.ts, bot/messages.ts,',
    '  bot/understanding/types.ts, which import nothing but each other) and xstate.',
    '- No module reaches itself through its imports.',
    '',
    '```mermaid',
    'flowchart TD',
    ...layers.map((layer) => `  ${id(layer)}["${LABELS[/** @type {keyof typeof LABELS} */ (layer)] ?? layer}"]`),
    ...[...arrows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => {
        const [from = '', to = ''] = key.split(' --> ');
        return `  ${id(from)} -->|${count}| ${id(to)}`;
      }),
    '```',
    '',
  ];
  return lines.join('\n');
}

/** docs/architecture.svg for these arrows: the graph in DOT, laid out and drawn by Graphviz. */
export async function architectureSvg(/** @type {Map<string, number>} */ arrows) {
  const layers = [...new Set([...arrows.keys()].flatMap((key) => key.split(' --> ')))].sort();
  const quote = (/** @type {string} */ text) => JSON.stringify(text);
  const dot = [
    'digraph lina {',
    '  rankdir=TB; nodesep=0.4; ranksep=0.6;',
    '  node [shape=box, style="rounded,filled", fillcolor="#f5f5f5", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10, color="#555555"];',
    ...layers.map((layer) => `  ${quote(layer)} [label=${quote(LABELS[/** @type {keyof typeof LABELS} */ (layer)] ?? layer)}];`),
    ...[...arrows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => {
        const [from = '', to = ''] = key.split(' --> ');
        return `  ${quote(from)} -> ${quote(to)} [label=${quote(String(count))}];`;
      }),
    '}',
  ].join('\n');
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot);
}

/** Whether the committed file at `path` (under `root`) is `text`. */
function isCommitted(/** @type {string} */ root, /** @type {string} */ path, /** @type {string} */ text) {
  try {
    return readFileSync(join(root, path), 'utf8') === text;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  // `--root DIR` cruises another tree laid out like this one (the layer tests use it).
  const rootAt = process.argv.indexOf('--root');
  const root = rootAt > 0 ? (process.argv[rootAt + 1] ?? ROOT) : ROOT;
  const { violations, arrows } = await cruiseLayers(root);
  for (const violation of violations) console.error(`${violation.rule}: ${violation.from} → ${violation.to}`);
  const circle = layerCircle(arrows);
  if (circle) {
    violations.push({ rule: 'layers-form-no-circle', from: circle[0] ?? '', to: circle.at(-2) ?? '' });
    console.error(`layers-form-no-circle: ${circle.join(' → ')}`);
  }
  const graphs = { 'docs/architecture.md': architectureDoc(arrows), 'docs/architecture.svg': await architectureSvg(arrows) };
  let stale = false;
  for (const [path, text] of Object.entries(graphs)) {
    if (check) {
      if (isCommitted(root, path, text)) continue;
      stale = true;
      console.error(`${path} is out of date: run npm run architecture`);
    } else {
      writeFileSync(join(root, path), text);
      console.log(`wrote ${path} (${arrows.size} arrows)`);
    }
  }
  if (violations.length > 0) console.error(`${violations.length} forbidden import(s)`);
  else console.log('no forbidden import');
  process.exitCode = violations.length > 0 || stale ? 1 : 0;
}
