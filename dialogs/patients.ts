/** The people a member may choose as the patient, and who their words name among them. */
import type { Patient } from '../bot/domain.js';
import type { PatientMention } from '../bot/understanding/types.js';
import { normalizeText } from './text.js';

/** Someone the member may choose as the patient: themself or one of their beneficiaries. */
export interface PatientChoice {
  patient: Patient;
  /** The member themself. */
  self: boolean;
}

/** What the member's words say about the patient, against the people they may choose. */
export type PatientResolution =
  | { kind: 'one'; choice: PatientChoice }
  /**
   * Several fit ("mi hijo" with two children, "Mateo y Sofía"): ask which, among these. `oneOf`: one person was meant, named
   * by words that fit several ("uno de los niños"); the others are not asked for.
   */
  | { kind: 'several'; choices: PatientChoice[]; oneOf?: true }
  /** A name or relation nobody on the plan has ("para Juan", "para mi mamá"). */
  | { kind: 'unknown'; name?: string }
  | { kind: 'none' };

/**
 * The same first name: equal without accents, a nickname that starts it ("sofi" for Sofía),
 * or one typo in a name of five letters or more.
 */
export function sameName(said: string, name: string): boolean {
  return sameNormalizedName(normalizeText(said), normalizeText(name));
}

/** `sameName` for two names already in lower case without accents (the understanding step's words). */
export function sameNormalizedName(said: string, name: string): boolean {
  if (said === name) return true;
  // "Sofy", "Zofía", "Matheo": spelled as it sounds.
  const a = soundOf(said);
  const b = soundOf(name);
  if (a === b) return true;
  if (a.length >= 4 && b.startsWith(a)) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  // One insertion, deletion or replacement.
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Names' sounds worked out lately: the understanding step compares each word of a message with
 * every first name it knows (hundreds), and the same names and words come back message after message.
 */
const sounds = new Map<string, string>();
const SOUNDS_KEPT = 20_000;

/** A name as it sounds in Colombian Spanish: "th" is "t", "z" is "s", "v" is "b", "k" is "c", a final "y" is "i". */
export function soundOf(name: string): string {
  let sound = sounds.get(name);
  if (sound === undefined) {
    sound = name.replace(/th/g, 't').replace(/z/g, 's').replace(/v/g, 'b').replace(/k/g, 'c').replace(/y$/, 'i');
    if (sounds.size >= SOUNDS_KEPT) sounds.clear();
    sounds.set(name, sound);
  }
  return sound;
}

/**
 * Whether a first name reads as a girl's or a boy's in Spanish ("Sofía", "Mateo"): the domain
 * records no sex, so "la niña" is resolved by the name when only one child fits, and asked
 * otherwise.
 */
export function readsAs(firstName: string): 'daughter' | 'son' | undefined {
  const name = normalizeText(firstName).split(' ')[0] ?? '';
  if (name.endsWith('a')) return 'daughter';
  if (name.endsWith('o')) return 'son';
  return undefined;
}

/** Resolves what the member said against the people they may choose. */
export function resolvePatient(mentions: readonly PatientMention[] | undefined, choices: readonly PatientChoice[]): PatientResolution {
  if (!mentions || mentions.length === 0) return { kind: 'none' };
  const found = new Set<PatientChoice>();
  let unknown: string | undefined;
  let unknownRelation = false;
  const relations: PatientMention[] = [];
  for (const mention of mentions) {
    if (mention.kind === 'self') {
      const self = choices.find((choice) => choice.self);
      if (self) found.add(self);
    } else if (mention.kind === 'name') {
      const named = choices.filter((choice) => sameName(mention.name, choice.patient.firstName));
      if (named.length === 0) unknown = mention.written ?? mention.name;
      for (const choice of named) found.add(choice);
    } else if (mention.relation === 'other') {
      unknownRelation = true;
    } else {
      relations.push(mention);
    }
  }
  // "Ya no puedo llevar a Mateo, cancela la cita del niño": the name says who the relation is.
  // ("Para mí y para la niña": the member and the girl, both.)
  const named = found.size > 0;
  for (const mention of relations) {
    if (mention.kind !== 'relation') continue;
    const children = choices.filter((choice) => !choice.self);
    const fitting = mention.relation === 'child' ? children : children.filter((choice) => readsAs(choice.patient.firstName) === mention.relation);
    if (named && (fitting.length === 0 || fitting.some((choice) => found.has(choice)))) continue;
    for (const choice of fitting.length > 0 ? fitting : children) found.add(choice);
  }
  const [only, ...others] = found;
  if (only && others.length === 0) return { kind: 'one', choice: only };
  if (only) return { kind: 'several', choices: [only, ...others], ...(mentions.length === 1 && mentions[0]?.kind === 'relation' ? { oneOf: true as const } : {}) };
  if (unknown !== undefined) return { kind: 'unknown', name: unknown };
  return unknownRelation ? { kind: 'unknown' } : { kind: 'none' };
}

/** Whether the member's words name someone other than the current patient (or nobody known). */
export function namesAnotherPatient(mentions: readonly PatientMention[] | undefined, choices: readonly PatientChoice[], current: Patient): boolean {
  const resolution = resolvePatient(mentions, choices);
  switch (resolution.kind) {
    case 'one':
      return resolution.choice.patient.id !== current.id;
    case 'several':
      return true;
    case 'unknown':
      return true;
    default:
      return false;
  }
}
