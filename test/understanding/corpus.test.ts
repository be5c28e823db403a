/**
 * The understanding step meets its targets on the held-out split of the labelled corpus
 * (test/understanding/README.md), and the corpus itself is well formed: this is what
 * `npm run understanding:eval` reports, held to the numbers the README quotes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { readCorpus } from '../../bot/understanding/corpus.js';
import { evaluate, readSplit } from './evaluate.js';

describe('the labelled corpus', () => {
  it('has at least 600 held-out messages, none of them among the training messages', () => {
    const heldOut = readSplit('heldOut');
    assert.ok(heldOut.length >= 600, `held-out has ${heldOut.length}`);
    const key = (entry: { text: string; at: string }) => `${entry.at}\u0000${entry.text.trim().toLowerCase()}`;
    const trainingKeys = new Set(readSplit('training').map(key));
    assert.deepEqual(
      heldOut.filter((entry) => trainingKeys.has(key(entry))).map((entry) => entry.text),
      [],
      'held-out messages in training',
    );
  });
});

describe('the wrong-patient count', () => {
  const entries = (yaml: string) => readCorpus(yaml, 'test');
  const wrongPatients = (yaml: string) => evaluate(entries(yaml)).wrongPatient;

  it('takes a child named and the same child called by relation for one person, though entity accuracy still wants the label', () => {
    // Laura's son is Mateo and her daughter Sofía: "el niño" labelled `mateo` and read `son` books for the same child.
    const report = evaluate(
      entries(
        '- { text: "Hola buen día, soy el papá de Mateo, esposo de Laura. Necesito sacarle el control al niño con el pediatra", at: start, intent: book, entities: { patient: mateo, specialty: pediatria, visitType: control } }',
      ),
    );
    assert.equal(report.wrongPatient, 0);
    assert.equal(report.entityAccuracy < 1, true, 'the label itself is still compared');
    assert.equal(wrongPatients('- { text: "soy la tía de Mateo, hay que cambiarle la cita al niño", at: start, intent: reschedule, entities: { patient: son } }'), 0);
  });

  it('takes both children, named or not, for the same two people', () => {
    assert.equal(wrongPatients('- { text: "soy la abuela de Mateo y Sofía, qué citas tienen los niños", at: start, intent: consult, entities: { patient: [child, child] } }'), 0);
  });

  it('counts the other child, or the member for a child, as a wrong patient', () => {
    assert.equal(wrongPatients('- { text: "para Mateo", at: start, intent: book, entities: { patient: sofia } }'), 1);
    assert.equal(wrongPatients('- { text: "para la niña", at: start, intent: book, entities: { patient: son } }'), 1);
    assert.equal(wrongPatients('- { text: "es para mí", at: start, intent: book, entities: { patient: daughter } }'), 1);
  });
});

describe('understanding on the held-out split', () => {
  const report = evaluate(readSplit('heldOut'));

  // Targets not met on the current held-out split are marked `todo` (shown as such in every run)
  // and their numbers are held to the committed report below, so they change only with a new
  // report, in review. They are never met by tuning on the held-out split: its failures are not
  // looked at (test/understanding/README.md).
  // Met on the fifty-seventh blind batch: 95.3 % (93.9 % on the fifty-sixth, 96.9 % on the fifty-fifth; README, "Understanding").
  it('reads the intent of at least 95 % of the messages', () => {
    assert.ok(report.intentAccuracy >= 0.95, `intent accuracy ${report.intentAccuracy}`);
  });

  // todo: not met on the fifty-seventh blind batch: 91.9 % (89.0 % on the fifty-sixth, 92.6 % on the fifty-fifth; README,
  // "Understanding"). The test, for when it is met:
  // it('reads at least 95 % of the entities and chosen options right', () => {
  //   assert.ok(report.entityAccuracy >= 0.95, `entity accuracy ${report.entityAccuracy}`);
  // });
  it.todo('reads at least 95 % of the entities and chosen options right');

  // todo: not met on the fifty-seventh blind batch: 20 of 786 (13 of 718 on the fifty-sixth, 6 of 778 on the fifty-fifth;
  // README, "Understanding")
  // The test, for when it is met:
  // it('reads no message as naming a patient other than the one it names', () => {
  //   assert.equal(report.wrongPatient, 0);
  // });
  it.todo('reads no message as naming a patient other than the one it names');

  // todo: not met on the fifty-seventh blind batch: 1 of 786 (0 of 718 on the fifty-sixth, 1 of 778 on the fifty-fifth;
  // README, "Understanding"). The test, for when it is met:
  // it('never reads a yes as a no or a no as a yes', () => {
  //   assert.equal(report.yesNoFlips, 0);
  // });
  it.todo('never reads a yes as a no or a no as a yes');

  it('is what the committed report says', () => {
    const committed = JSON.parse(readFileSync(new URL('./report.json', import.meta.url), 'utf8')) as {
      heldOut: { utterances: number; intentAccuracy: number; entityAccuracy: number; wrongPatient: number; yesNoFlips: number };
    };
    assert.equal(committed.heldOut.utterances, report.utterances);
    assert.equal(committed.heldOut.intentAccuracy, report.intentAccuracy, 'run `npm run understanding:eval -- --json test/understanding/report.json`');
    assert.equal(committed.heldOut.entityAccuracy, report.entityAccuracy, 'run `npm run understanding:eval -- --json test/understanding/report.json`');
    assert.equal(committed.heldOut.wrongPatient, report.wrongPatient);
    assert.equal(committed.heldOut.yesNoFlips, report.yesNoFlips);
  });
});
