/**
 * The labelled corpus format (training split in `locales/es-CO/understanding/training.yaml`,
 * dev and held-out splits in `test/understanding/`): one entry per member message with what
 * Lina must read in it. See `test/understanding/README.md`.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { DOCUMENT_TYPES, SITE_CODES, SPECIALTIES, VISIT_TYPES } from '../domain.js';
import { INTENTS, QUESTIONS } from './types.js';

/** YAML is read only when training or measuring: a process that loads a trained model never loads the parser. */
function parse(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

const patientLabel = z.string().min(1);

export const CorpusEntrySchema = z.object({
  text: z.string(),
  at: z.enum(QUESTIONS),
  intent: z.enum(INTENTS),
  choice: z.coerce.string().optional(),
  /** Who said earlier in the conversation that they write for the member ("abuela", "esposo"): the reading gets it, as in a conversation. */
  writer: z.string().min(1).optional(),
  entities: z
    .object({
      yesNo: z.enum(['yes', 'no']).optional(),
      patient: z.union([patientLabel, z.array(patientLabel)]).optional(),
      specialty: z.enum(SPECIALTIES).optional(),
      visitType: z.enum(VISIT_TYPES).optional(),
      site: z.enum(SITE_CODES).optional(),
      band: z.enum(['manana', 'tarde', 'cualquiera']).optional(),
      day: z.coerce
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      weekday: z.number().int().min(0).max(6).optional(),
      time: z.coerce
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .optional(),
      documentType: z.enum(DOCUMENT_TYPES).optional(),
      documentNumber: z.coerce.string().optional(),
      birthDate: z.coerce
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      email: z.string().optional(),
      noEmail: z.literal(true).optional(),
    })
    .strict()
    .optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntrySchema>;

/** Reads a corpus file; a malformed entry is an error naming its position. */
export function readCorpus(yamlText: string, source: string): CorpusEntry[] {
  const parsed: unknown = parse(yamlText);
  if (!Array.isArray(parsed)) throw new Error(`${source}: expected a list of entries`);
  return parsed.map((entry, index) => {
    const result = CorpusEntrySchema.safeParse(entry);
    if (!result.success) throw new Error(`${source}, entry ${index + 1}: ${z.prettifyError(result.error)}`);
    return result.data;
  });
}

/** The labels of a patient entity that are relations or the member, not first names. */
export const PATIENT_KINDS: ReadonlySet<string> = new Set(['self', 'son', 'daughter', 'child', 'other']);

/** The first names a corpus uses for patients. */
export function namesIn(entries: readonly CorpusEntry[]): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const patient = entry.entities?.patient;
    for (const label of Array.isArray(patient) ? patient : patient ? [patient] : []) if (!PATIENT_KINDS.has(label)) names.add(label);
  }
  return names;
}

/** The corpus's `now`: Monday 23 November 2026, 08:00 in Bogotá. */
export const CORPUS_NOW = new Date('2026-11-23T08:00:00-05:00');
