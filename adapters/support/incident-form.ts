/**
 * The incident form ("Formulario para Call Transar y Embajadores") read and checked. Cases
 * the program says must not be escalated this way (no availability, a doctor on sick leave,
 * a doctor's contract ending) are refused with the route they belong to.
 */
import { DOCUMENT_TYPES, isSiteCode } from '../../bot/domain.js';
import {
  EXCLUDED_CATEGORIES,
  INCIDENT_CATEGORIES,
  INCIDENT_CHANNELS,
  SERVICE_POINTS,
  type EvidenceType,
  type ExcludedCategory,
  type IncidentCategory,
  type IncidentChannel,
  type NewIncident,
  type ServicePoint,
} from '../../bot/ports/support/incidents.js';
import { fromLocalInput } from './format.js';
import { normalizeDocument, phoneCandidates } from './search-query.js';

/** Largest evidence image accepted. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;
const MIN_DESCRIPTION_LENGTH = 20;
/** An error reported more than this long after it happened is refused as a likely typo. */
const MAX_AGE_MS = 366 * 24 * 60 * 60 * 1000;
/** Clocks differ a little between a phone and the server. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** The submitted form, whatever encoding it came in. */
export interface FormInput {
  get(name: string): string;
  getAll(name: string): string[];
  file(name: string): { type: string; data: Buffer } | undefined;
}

/** The values to show again when the form comes back with errors. */
export type IncidentDraft = Record<string, string> & { channels?: string };

export type IncidentFormResult =
  | { kind: 'valid'; incident: Omit<NewIncident, 'createdBy'> }
  | { kind: 'excluded'; reason: ExcludedCategory; /** The agent may confirm a keyword match is not that case. */ confirmable: boolean }
  | { kind: 'invalid'; errors: IncidentErrors };

/** Why a field of the form was refused (`incidents.errors.*`). */
export type IncidentError = 'required' | 'invalid' | 'tooLong' | 'tooShort' | 'contactRequired' | 'future' | 'tooOld' | 'tooLarge' | 'type';
/** The refused fields, by name. */
export type IncidentErrors = Partial<Record<string, IncidentError>>;

const LIMITS: Record<string, number> = {
  memberName: 120,
  registeredBy: 120,
  description: 4000,
  errorMessage: 1000,
  browser: 200,
  appVersion: 100,
  step: 200,
  contactEmail: 200,
};

/** What the text says, when it describes one of the cases that must not be escalated. */
export function excludedCaseIn(text: string): ExcludedCategory | undefined {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (
    /\b(no hay|no habia|no tiene|no tenia|no encontro|no encuentra|no se encontro|sin|falta de|no) disponibilidad\b/.test(plain) ||
    /\b(no hay|no habia|sin) (citas|cupos?|agenda)\b/.test(plain)
  ) {
    return 'no_availability';
  }
  if (/\b(incapacidad|incapacitad[oa]s?)\b/.test(plain)) return 'doctor_sick_leave';
  if (/\b(fin|final|finalizacion|terminacion|termino|vencimiento|vencio|se acabo|se termino)( de| del)?( su| el)? contrato\b/.test(plain)) {
    return 'doctor_contract_end';
  }
  return undefined;
}

/** The image's real type from its first bytes; the name and declared type are not trusted. */
export function sniffImage(data: Buffer): EvidenceType | undefined {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** Reads the form. `now` bounds the error's date; `registeredBy` defaults to the signed-in user. */
export function readIncidentForm(input: FormInput, now: number): IncidentFormResult {
  const errors: IncidentErrors = {};
  const text = (name: string, required: boolean) => {
    const value = input.get(name).replace(/\r\n/g, '\n');
    if (!value) {
      if (required) errors[name] = 'required';
      return undefined;
    }
    if (value.length > (LIMITS[name] ?? 200)) errors[name] = 'tooLong';
    return value;
  };

  const category = input.get('category');
  if ((EXCLUDED_CATEGORIES as readonly string[]).includes(category)) {
    return { kind: 'excluded', reason: category as ExcludedCategory, confirmable: false };
  }
  if (!(INCIDENT_CATEGORIES as readonly string[]).includes(category)) errors.category = 'required';

  const channels = [...new Set(input.getAll('channels'))];
  if (channels.length === 0) errors.channels = 'required';
  else if (!channels.every((channel) => (INCIDENT_CHANNELS as readonly string[]).includes(channel))) errors.channels = 'invalid';

  const documentType = input.get('documentType');
  if (!(DOCUMENT_TYPES as readonly string[]).includes(documentType)) errors.documentType = 'required';
  const rawDocument = input.get('documentNumber');
  const documentNumber = rawDocument ? normalizeDocument(rawDocument) : undefined;
  if (!rawDocument) errors.documentNumber = 'required';
  else if (!documentNumber) errors.documentNumber = 'invalid';

  const memberName = text('memberName', true);
  const rawPhone = input.get('contactPhone');
  const phone = rawPhone ? phoneCandidates(rawPhone)?.[0] : undefined;
  if (rawPhone && !phone) errors.contactPhone = 'invalid';
  const contactEmail = text('contactEmail', false);
  if (contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(contactEmail)) errors.contactEmail = 'invalid';
  if (!rawPhone && !contactEmail) errors.contactPhone = 'contactRequired';

  const occurredInput = input.get('occurredAt');
  const occurredAt = occurredInput ? fromLocalInput(occurredInput) : undefined;
  if (!occurredInput) errors.occurredAt = 'required';
  else if (occurredAt === undefined) errors.occurredAt = 'invalid';
  else if (occurredAt > now + FUTURE_TOLERANCE_MS) errors.occurredAt = 'future';
  else if (occurredAt < now - MAX_AGE_MS) errors.occurredAt = 'tooOld';

  const servedVia = input.get('servedVia');
  if (!(SERVICE_POINTS as readonly string[]).includes(servedVia)) errors.servedVia = 'required';
  const servedSite = input.get('servedSite');
  if (servedSite && !isSiteCode(servedSite)) errors.servedSite = 'invalid';
  if (servedVia === 'in_person' && !servedSite) errors.servedSite = 'required';

  const registeredBy = text('registeredBy', true);
  const description = text('description', true);
  if (description && description.length < MIN_DESCRIPTION_LENGTH) errors.description = 'tooShort';
  const errorMessage = text('errorMessage', false);
  const browser = text('browser', false);
  const appVersion = text('appVersion', false);
  const step = text('step', false);

  let evidence: NewIncident['evidence'];
  const file = input.file('evidence');
  if (file && file.data.length > 0) {
    const type = sniffImage(file.data);
    if (file.data.length > MAX_EVIDENCE_BYTES) errors.evidence = 'tooLarge';
    else if (!type) errors.evidence = 'type';
    else evidence = { type, data: file.data };
  }

  if (input.get('authorised') !== 'yes') errors.authorised = 'required';

  const conversationId = input.get('conversationId');
  if (conversationId && !/^[\w-]{1,100}$/.test(conversationId)) errors.conversationId = 'invalid';

  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  // Described as a case that has its own route: refused unless the agent confirms it is not.
  const described = excludedCaseIn([description, errorMessage, step].filter(Boolean).join('\n'));
  if (described && input.get('notExcluded') !== 'yes') return { kind: 'excluded', reason: described, confirmable: true };

  return {
    kind: 'valid',
    incident: {
      channels: channels as IncidentChannel[],
      category: category as IncidentCategory,
      documentType,
      documentNumber: documentNumber as string,
      memberName: memberName as string,
      ...(phone ? { contactPhone: phone } : {}),
      ...(contactEmail ? { contactEmail } : {}),
      occurredAt: occurredAt as number,
      servedVia: servedVia as ServicePoint,
      ...(servedSite ? { servedSite } : {}),
      registeredBy: registeredBy as string,
      description: description as string,
      ...(errorMessage ? { errorMessage } : {}),
      ...(browser ? { browser } : {}),
      ...(appVersion ? { appVersion } : {}),
      ...(step ? { step } : {}),
      ...(evidence ? { evidence } : {}),
      ...(conversationId ? { conversationId } : {}),
      authorised: true,
    },
  };
}

/** A `FormData` (multipart, parsed by the platform) as `FormInput`. */
export async function formInputOf(data: FormData): Promise<FormInput> {
  const files = new Map<string, { type: string; data: Buffer }>();
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string' && !files.has(name)) {
      files.set(name, { type: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
  }
  const strings = (name: string) => data.getAll(name).filter((value): value is string => typeof value === 'string');
  return {
    get: (name) => (strings(name)[0] ?? '').trim(),
    getAll: (name) =>
      strings(name)
        .map((value) => value.trim())
        .filter(Boolean),
    file: (name) => files.get(name),
  };
}

/** A url-encoded body (no file) as `FormInput`. */
export function formInputOfFields(body: Record<string, unknown>): FormInput {
  const all = (name: string): string[] => {
    const value = body[name];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
  return {
    get: (name) => (all(name)[0] ?? '').trim(),
    getAll: (name) =>
      all(name)
        .map((value) => value.trim())
        .filter(Boolean),
    file: () => undefined,
  };
}

/** The submitted values as plain strings, to fill the form again (files are not kept). */
export function draftOf(input: FormInput): IncidentDraft {
  const names = [
    'category',
    'documentType',
    'documentNumber',
    'memberName',
    'contactPhone',
    'contactEmail',
    'occurredAt',
    'servedVia',
    'servedSite',
    'registeredBy',
    'description',
    'errorMessage',
    'browser',
    'appVersion',
    'step',
    'authorised',
    'conversationId',
  ];
  return { ...Object.fromEntries(names.map((name) => [name, input.get(name)])), channels: input.getAll('channels').join(',') };
}
