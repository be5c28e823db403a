/**
 * The layers hold (issue 16): `npm run architecture -- --check` finds no forbidden import, no
 * circle between the layers' folders, and a docs/architecture.md that matches the code; and the
 * check does fail on a tree that breaks a rule, so this test can fail.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/architecture.mjs');

async function check(root?: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, '--check', ...(root ? ['--root', root] : [])], { cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/** A tiny tree laid out like Lina's, with the given files. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lina-layers-'));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
  for (const [path, text] of Object.entries({
    'bot/domain.ts': 'export type Site = string;\n',
    'dialogs/a.machine.ts': "import type { Site } from '../bot/domain.js';\nexport const site: Site = 'x';\n",
    'data/store.ts': "import type { Site } from '../bot/domain.js';\nexport const kept: Site[] = [];\n",
    'adapters/web/server.ts': "import { site } from '../../dialogs/a.machine.js';\nexport const served = site;\n",
    ...files,
  })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the layers of the source', () => {
  it('hold in this tree, and docs/architecture.md is the graph of the code', async () => {
    const { code, output } = await check();
    assert.equal(code, 0, output);
    assert.match(output, /no forbidden import/);
  });

  const broken: Array<[string, Record<string, string>, RegExp]> = [
    [
      'the core importing an adapter',
      { 'bot/engine.ts': "import { served } from '../adapters/web/server.js';\nexport const x = served;\n" },
      /core-imports-no-adapter-or-store: bot\/engine\.ts → adapters\/web\/server\.ts/,
    ],
    [
      'the core importing a store',
      { 'bot/engine.ts': "import { kept } from '../data/store.js';\nexport const x = kept;\n" },
      /core-imports-no-adapter-or-store: bot\/engine\.ts → data\/store\.ts/,
    ],
    [
      'a dialog importing more than the domain',
      { 'bot/clock.ts': 'export const now = 1;\n', 'dialogs/b.machine.ts': "import { now } from '../bot/clock.js';\nexport const y = now;\n" },
      /dialogs-import-only-the-domain: dialogs\/b\.machine\.ts → bot\/clock\.ts/,
    ],
    [
      'an adapter importing the composition root',
      { 'bot/main/runtime.ts': 'export const runtime = 1;\n', 'adapters/web/other.ts': "import { runtime } from '../../bot/main/runtime.js';\nexport const z = runtime;\n" },
      /only-the-composition-root-imports-the-composition-root: adapters\/web\/other\.ts → bot\/main\/runtime\.ts/,
    ],
    [
      'an adapter importing a store',
      { 'adapters/web/other.ts': "import { kept } from '../../data/store.js';\nexport const v = kept;\n" },
      /adapters-import-no-store: adapters\/web\/other\.ts → data\/store\.ts/,
    ],
    [
      'a store importing an adapter',
      { 'data/other.ts': "import { served } from '../adapters/web/server.js';\nexport const w = served;\n" },
      /stores-import-no-adapter: data\/other\.ts → adapters\/web\/server\.ts/,
    ],
    [
      'two modules importing each other',
      { 'bot/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n", 'bot/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n" },
      /no-circular: bot\/(a|b)\.ts → bot\/(a|b)\.ts/,
    ],
  ];
  for (const [what, files, rule] of broken) {
    it(`fails on ${what}, naming the rule and the arrow`, async () => {
      const root = tree(files);
      try {
        const { code, output } = await check(root);
        assert.equal(code, 1, output);
        assert.match(output, rule);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('fails when docs/architecture.md does not match the code', async () => {
    const root = tree({ 'docs/architecture.md': '# out of date\n' });
    try {
      const { code, output } = await check(root);
      assert.equal(code, 1, output);
      assert.match(output, /docs\/architecture\.md is out of date/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
