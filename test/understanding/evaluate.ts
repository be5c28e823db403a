/**
 * Measures the understanding step on the labelled corpus: per-intent precision and recall,
 * entity accuracy, the confusions, wrong patients and yes/no flips, per split.
 */
import { readFileSync } from 'node:fs';
import { CORPUS_NOW, PATIENT_KINDS, readCorpus, type CorpusEntry } from '../../bot/understanding/corpus.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import { INTENTS, type PatientMention, type Understanding } from '../../bot/understanding/types.js';
import { expectationAt } from './fixtures.js';

export const SPLITS = {
  training: new URL('../../locales/es-CO/understanding/training.yaml', import.meta.url),
  dev: new URL('./dev.yaml', import.meta.url),
  dev2: new URL('./dev-2.yaml', import.meta.url),
  dev3: new URL('./dev-3.yaml', import.meta.url),
  dev4: new URL('./dev-4.yaml', import.meta.url),
  dev5: new URL('./dev-5.yaml', import.meta.url),
  dev6: new URL('./dev-6.yaml', import.meta.url),
  dev7: new URL('./dev-7.yaml', import.meta.url),
  dev8: new URL('./dev-8.yaml', import.meta.url),
  dev9: new URL('./dev-9.yaml', import.meta.url),
  dev10: new URL('./dev-10.yaml', import.meta.url),
  dev11: new URL('./dev-11.yaml', import.meta.url),
  dev12: new URL('./dev-12.yaml', import.meta.url),
  dev13: new URL('./dev-13.yaml', import.meta.url),
  dev14: new URL('./dev-14.yaml', import.meta.url),
  dev15: new URL('./dev-15.yaml', import.meta.url),
  dev16: new URL('./dev-16.yaml', import.meta.url),
  dev17: new URL('./dev-17.yaml', import.meta.url),
  dev18: new URL('./dev-18.yaml', import.meta.url),
  dev19: new URL('./dev-19.yaml', import.meta.url),
  dev20: new URL('./dev-20.yaml', import.meta.url),
  dev21: new URL('./dev-21.yaml', import.meta.url),
  dev22: new URL('./dev-22.yaml', import.meta.url),
  dev23: new URL('./dev-23.yaml', import.meta.url),
  dev24: new URL('./dev-24.yaml', import.meta.url),
  dev25: new URL('./dev-25.yaml', import.meta.url),
  dev26: new URL('./dev-26.yaml', import.meta.url),
  dev27: new URL('./dev-27.yaml', import.meta.url),
  dev28: new URL('./dev-28.yaml', import.meta.url),
  dev29: new URL('./dev-29.yaml', import.meta.url),
  dev30: new URL('./dev-30.yaml', import.meta.url),
  dev31: new URL('./dev-31.yaml', import.meta.url),
  dev32: new URL('./dev-32.yaml', import.meta.url),
  dev33: new URL('./dev-33.yaml', import.meta.url),
  dev34: new URL('./dev-34.yaml', import.meta.url),
  dev35: new URL('./dev-35.yaml', import.meta.url),
  dev36: new URL('./dev-36.yaml', import.meta.url),
  dev37: new URL('./dev-37.yaml', import.meta.url),
  dev38: new URL('./dev-38.yaml', import.meta.url),
  dev39: new URL('./dev-39.yaml', import.meta.url),
  dev40: new URL('./dev-40.yaml', import.meta.url),
  dev41: new URL('./dev-41.yaml', import.meta.url),
  dev42: new URL('./dev-42.yaml', import.meta.url),
  dev43: new URL('./dev-43.yaml', import.meta.url),
  dev44: new URL('./dev-44.yaml', import.meta.url),
  dev45: new URL('./dev-45.yaml', import.meta.url),
  dev46: new URL('./dev-46.yaml', import.meta.url),
  dev47: new URL('./dev-47.yaml', import.meta.url),
  dev48: new URL('./dev-48.yaml', import.meta.url),
  dev49: new URL('./dev-49.yaml', import.meta.url),
  dev50: new URL('./dev-50.yaml', import.meta.url),
  dev51: new URL('./dev-51.yaml', import.meta.url),
  dev52: new URL('./dev-52.yaml', import.meta.url),
  dev53: new URL('./dev-53.yaml', import.meta.url),
  dev54: new URL('./dev-54.yaml', import.meta.url),
  dev55: new URL('./dev-55.yaml', import.meta.url),
  dev56: new URL('./dev-56.yaml', import.meta.url),
  dev57: new URL('./dev-57.yaml', import.meta.url),
  dev58: new URL('./dev-58.yaml', import.meta.url),
  dev59: new URL('./dev-59.yaml', import.meta.url),
  heldOut: new URL('./held-out.yaml', import.meta.url),
} as const;
export type SplitName = keyof typeof SPLITS;

/** The entity keys compared (`choice` counts as one: it is what a question's answer is). */
const ENTITY_KEYS = [
  'choice',
  'yesNo',
  'patient',
  'specialty',
  'visitType',
  'site',
  'band',
  'day',
  'time',
  'documentType',
  'documentNumber',
  'birthDate',
  'email',
  'noEmail',
] as const;
type EntityKey = (typeof ENTITY_KEYS)[number];

export interface Failure {
  text: string;
  at: string;
  expected: Record<string, unknown>;
  got: Record<string, unknown>;
  /** The message's patient was read or picked as someone else. */
  wrongPatient?: true;
}

export interface SplitReport {
  utterances: number;
  intentAccuracy: number;
  /** Correct entity values over every entity expected or produced (the chosen option included). */
  entityAccuracy: number;
  choiceAccuracy: number;
  wrongPatient: number;
  yesNoFlips: number;
  perIntent: Record<string, { precision: number; recall: number; support: number }>;
  perEntity: Record<string, { correct: number; total: number }>;
  confusions: Array<{ expected: string; got: string; count: number }>;
  failures: Failure[];
}

function patientLabel(mention: PatientMention): string {
  if (mention.kind === 'self') return 'self';
  if (mention.kind === 'name') return mention.name;
  return mention.relation;
}

/** What a result says, in the corpus's own labels. */
export function labelsOf(result: Understanding): Partial<Record<EntityKey, unknown>> & { intent: string } {
  const { entities } = result;
  const patients = entities.patients?.map(patientLabel);
  const labels: Partial<Record<EntityKey, unknown>> & { intent: string } = { intent: result.intent };
  if (result.choice !== undefined) labels.choice = result.choice;
  for (const key of ENTITY_KEYS) {
    if (key === 'choice' || key === 'patient') continue;
    const value = entities[key];
    if (value !== undefined) labels[key] = value;
  }
  if (patients?.length) labels.patient = patients.length === 1 ? patients[0] : patients;
  // A move that names the cita's day and the day it goes to ("la del miércoles pal viernes"): the corpus labels one day,
  // the one asked for; a week asked for ("pa la otra semana") is no day, though its Monday stands for it in the search.
  if (entities.newDay !== undefined && entities.newDay !== entities.weekAsked) labels.day = entities.newDay;
  else if (entities.day !== undefined && entities.day === entities.weekAsked) delete labels.day;
  return labels;
}

function expectedOf(entry: CorpusEntry): Partial<Record<EntityKey, unknown>> & { intent: string } {
  const labels: Partial<Record<EntityKey, unknown>> & { intent: string } = { intent: entry.intent };
  if (entry.choice !== undefined) labels.choice = entry.choice;
  for (const [key, value] of Object.entries(entry.entities ?? {})) if (key !== 'weekday' && value !== undefined) (labels as Record<string, unknown>)[key] = value;
  return labels;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/**
 * Who a patient label is, in the corpus's family, for counting wrong patients (entity accuracy
 * still wants the label itself): the member is Laura, so "para Laura, o sea yo" read as `self`
 * or as `laura` names one person; she has one son, Mateo, and one daughter, Sofía, and the
 * dialogs take "el niño" to her son and "la niña" to her daughter, so `son` and `mateo`, or
 * `daughter` and `sofia`, are one person too; and two children named either way ("los niños",
 * "Mateo y Sofía") are both of them. `child` alone stays unresolved: the dialogs ask which.
 */
const PERSON: Readonly<Record<string, string>> = { laura: 'self', mateo: 'son', sofia: 'daughter' };
const CHILDREN = new Set(['son', 'daughter', 'child']);
const asPerson = (patient: unknown): unknown => {
  if (!Array.isArray(patient)) return typeof patient === 'string' ? (PERSON[patient] ?? patient) : patient;
  const people = patient.map(asPerson);
  const bothChildren = people.length === 2 && people.every((person) => CHILDREN.has(person as string)) && (people[0] !== people[1] || people[0] === 'child');
  return bothChildren ? 'both children' : people;
};
const opposite = (a: unknown, b: unknown) => (a === 'yes' && b === 'no') || (a === 'no' && b === 'yes');

export function readSplit(name: SplitName): CorpusEntry[] {
  return readCorpus(readFileSync(SPLITS[name], 'utf8'), name);
}

export function evaluate(entries: readonly CorpusEntry[]): SplitReport {
  const understand = loadUnderstanding();
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(INTENTS.map((intent) => [intent, { tp: 0, fp: 0, fn: 0 }]));
  const perEntity: Record<string, { correct: number; total: number }> = {};
  const confusions = new Map<string, number>();
  const failures: Failure[] = [];
  let intentsRight = 0;
  let entitiesRight = 0;
  let entitiesTotal = 0;
  let choicesRight = 0;
  let choicesTotal = 0;
  let wrongPatient = 0;
  let yesNoFlips = 0;
  for (const entry of entries) {
    const expectation = expectationAt(entry.at, CORPUS_NOW);
    const result = understand(entry.text, entry.writer ? { ...expectation, writer: entry.writer } : expectation, CORPUS_NOW);
    const got = labelsOf(result);
    const expected = expectedOf(entry);
    let failed = false;
    if (got.intent === expected.intent) {
      intentsRight++;
      (counts.get(got.intent) as { tp: number }).tp++;
    } else {
      failed = true;
      (counts.get(got.intent) as { fp: number }).fp++;
      (counts.get(expected.intent) as { fn: number }).fn++;
      const key = `${expected.intent} → ${got.intent}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    for (const key of ENTITY_KEYS) {
      if (expected[key] === undefined && got[key] === undefined) continue;
      const right = same(expected[key], got[key]);
      const stats = (perEntity[key] ??= { correct: 0, total: 0 });
      stats.total++;
      entitiesTotal++;
      if (right) {
        stats.correct++;
        entitiesRight++;
      } else {
        failed = true;
      }
      if (key === 'choice') {
        choicesTotal++;
        if (right) choicesRight++;
      }
    }
    const gotPatient = got.patient;
    // Picking the very person the message names is not a wrong patient, even where the label has
    // no choice ("mejor cancelar la cita de Mateo" at the patient question: Mateo, for cancelling).
    const patientPicked = entry.at === 'patient' && got.choice !== undefined && got.choice !== expected.choice && asPerson(got.choice) !== asPerson(expected.patient);
    const patientMisread =
      gotPatient !== undefined &&
      !same(asPerson(gotPatient), asPerson(expected.patient)) &&
      !(typeof gotPatient === 'string' && PATIENT_KINDS.has(gotPatient) && gotPatient !== 'self' && expected.patient === undefined);
    const patientWrong = patientPicked || patientMisread;
    if (patientWrong) wrongPatient++;
    const yesNoExpected = expected.yesNo ?? (['consent', 'confirm', 'offer'].includes(entry.at) ? expected.choice : undefined);
    const yesNoGot = got.yesNo ?? (['consent', 'confirm', 'offer'].includes(entry.at) ? got.choice : undefined);
    if (opposite(yesNoExpected, yesNoGot)) yesNoFlips++;
    if (failed) failures.push({ text: entry.text, at: entry.at, expected, got, ...(patientWrong ? { wrongPatient: true as const } : {}) });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perIntent: SplitReport['perIntent'] = {};
  for (const [intent, { tp, fp, fn }] of counts) {
    if (tp + fp + fn === 0) continue;
    perIntent[intent] = { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), support: tp + fn };
  }
  return {
    utterances: entries.length,
    intentAccuracy: ratio(intentsRight, entries.length),
    entityAccuracy: ratio(entitiesRight, entitiesTotal),
    choiceAccuracy: ratio(choicesRight, choicesTotal),
    wrongPatient,
    yesNoFlips,
    perIntent,
    perEntity,
    confusions: [...confusions]
      .map(([pair, count]) => {
        const [expectedIntent = '', gotIntent = ''] = pair.split(' → ');
        return { expected: expectedIntent, got: gotIntent, count };
      })
      .sort((a, b) => b.count - a.count),
    failures,
  };
}
