/**
 * The committed machine diagrams (docs/machines/*.md, written by `npm run diagrams`) are those
 * the machines draw today, every state of each machine is in its diagram, and the README
 * links them all.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { MACHINES, diagramOf, machineDiagrams } from '../../scripts/diagrams.js';

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => {
  try {
    return readFileSync(new URL(file, ROOT), 'utf8');
  } catch {
    return undefined;
  }
};

describe('machine diagrams', () => {
  it('are up to date with the machines (`npm run diagrams` writes them)', () => {
    const stale = machineDiagrams()
      .filter(({ file, text }) => read(file) !== text)
      .map(({ file }) => `${file} is ${read(file) === undefined ? 'missing' : 'out of date'}: run \`npm run diagrams\` and commit it`);
    assert.deepEqual(stale, []);
  });

  it('leave no other file in docs/machines', () => {
    const expected = machineDiagrams().map(({ file }) => file.replace('docs/machines/', ''));
    assert.deepEqual(
      readdirSync(new URL('docs/machines/', ROOT)).filter((file) => !expected.includes(file)),
      [],
    );
  });

  it('draw every state of each machine', () => {
    for (const { name, machine } of MACHINES) {
      const diagram = diagramOf(machine);
      const states: string[] = [];
      const walk = (node: typeof machine.root) => {
        for (const child of Object.values(node.states)) {
          states.push(child.path.join('_'));
          walk(child);
        }
      };
      walk(machine.root);
      assert.ok(states.length > 0, `${name}: no states found`);
      assert.deepEqual(
        states.filter((id) => !new RegExp(`(^|\\s)${id}(\\s|$)`, 'm').test(diagram)),
        [],
        `${name}: states missing from its diagram`,
      );
    }
  });

  it('are linked from the README', () => {
    const readme = read('README.md') ?? '';
    assert.deepEqual(
      machineDiagrams()
        .map(({ file }) => file)
        .filter((file) => !readme.includes(`](${file})`)),
      [],
    );
  });
});
