import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { resolvePatient } from '../../dialogs/patients.js';
import { family, makePatient } from './harness.js';

const choices = family(makePatient({ id: 'mem-laura' }));
const names = (resolution: ReturnType<typeof resolvePatient>): string[] =>
  resolution.kind === 'one' ? [resolution.choice.patient.firstName] : resolution.kind === 'several' ? resolution.choices.map((choice) => choice.patient.firstName) : [];

describe("who the member's words name among the people they may choose", () => {
  it('a relation alone is the child it fits', () => {
    assert.deepEqual(names(resolvePatient([{ kind: 'relation', relation: 'daughter' }], choices)), ['Sofía']);
  });
  it('"para mí y para la niña": the member and the girl, both', () => {
    const resolution = resolvePatient([{ kind: 'self' }, { kind: 'relation', relation: 'daughter' }], choices);
    assert.equal(resolution.kind, 'several');
    assert.deepEqual(names(resolution).slice(1), ['Sofía']);
  });
  // A name and a relation that fits it are one person, never two: "la cita del niño Mateo", "Mateo, el niño".
  for (const relation of ['son', 'child'] as const) {
    it(`"Mateo" and the relation ${relation} are one person, Mateo`, () => {
      assert.deepEqual(
        names(
          resolvePatient(
            [
              { kind: 'name', name: 'mateo' },
              { kind: 'relation', relation },
            ],
            choices,
          ),
        ),
        ['Mateo'],
      );
    });
  }
  it('"para mí y los niños": the member and both children', () => {
    assert.deepEqual(names(resolvePatient([{ kind: 'self' }, { kind: 'relation', relation: 'child' }], choices)).slice(1), ['Mateo', 'Sofía']);
  });
  it('a relation nobody fits, beside the member, adds nobody', () => {
    const [self, , sofia] = choices;
    const resolution = resolvePatient(
      [{ kind: 'self' }, { kind: 'relation', relation: 'son' }],
      [self, sofia].filter((choice) => choice !== undefined),
    );
    assert.equal(resolution.kind, 'one');
  });
});
