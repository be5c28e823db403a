/**
 * The domain's vocabulary, shared by dialogs, the engine and every adapter, and its one
 * catalog: the sites and the services (CUPS) Lina schedules.
 *
 * Dates without a time are `YYYY-MM-DD` strings; instants are ISO-8601 strings with the
 * America/Bogota offset (`2026-11-24T07:00:00-05:00`). Both travel unchanged over JSON, so the
 * agenda's wire format is exactly these types.
 */

export const DOCUMENT_TYPES = ['CC', 'TI', 'RC', 'CE', 'PA', 'PT'] as const;
/** Colombian identity documents (cédula, tarjeta de identidad, registro civil, ...). */
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SPECIALTIES = ['medicina_general', 'pediatria'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const VISIT_TYPES = ['primera_vez', 'control', 'no_programada'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** A time band: `manana` = slots starting before 12:00, `tarde` = at 12:00 or later. */
export const FRANJAS = ['manana', 'tarde'] as const;
export type Franja = (typeof FRANJAS)[number];

/** The plan's clinic sites (USS), in the order the program lists them. */
export const SITE_CODES = ['CALLE42', 'AUTOSUR', 'CALLE26', 'KENNEDY', 'SUBA', 'CHIA', 'PRIMEROMAYO', 'FONTIBON', 'FACATATIVA'] as const;
/** A USS (Unidad de Servicios de Salud): one of the plan's clinic sites. */
export type SiteCode = (typeof SITE_CODES)[number];

/** Each site's name as members read it; the compiler holds it to `SITE_CODES`. */
const SITE_NAMES: Readonly<Record<SiteCode, string>> = {
  CALLE42: 'USS Calle 42',
  AUTOSUR: 'USS Autopista Sur',
  CALLE26: 'USS Calle 26',
  KENNEDY: 'USS Kennedy',
  SUBA: 'USS Suba',
  CHIA: 'USS Chía',
  PRIMEROMAYO: 'USS Primero de Mayo',
  FONTIBON: 'USS Fontibón',
  FACATATIVA: 'USS Facatativá',
};

/** The sites with their names, in the program's order. */
export const SITES: ReadonlyArray<{ code: SiteCode; name: string }> = SITE_CODES.map((code) => ({ code, name: SITE_NAMES[code] }));

export function siteName(code: SiteCode): string {
  return SITE_NAMES[code];
}

export function isSiteCode(value: string): value is SiteCode {
  return Object.hasOwn(SITE_NAMES, value);
}

/** The services Lina schedules, by CUPS code (the national code of a health service). */
export const SERVICES = [
  { cups: '890201', specialty: 'medicina_general', visitType: 'primera_vez' },
  { cups: '890301', specialty: 'medicina_general', visitType: 'control' },
  { cups: '89020110', specialty: 'medicina_general', visitType: 'no_programada' },
  { cups: '890283', specialty: 'pediatria', visitType: 'primera_vez' },
  { cups: '890383', specialty: 'pediatria', visitType: 'control' },
  { cups: '89020271', specialty: 'pediatria', visitType: 'no_programada' },
] as const satisfies ReadonlyArray<{ cups: string; specialty: Specialty; visitType: VisitType }>;

/** A CUPS code Lina schedules: one of `SERVICES`. */
export type Cups = (typeof SERVICES)[number]['cups'];

export function cupsFor(specialty: Specialty, visitType: VisitType): Cups {
  const service = SERVICES.find((s) => s.specialty === specialty && s.visitType === visitType);
  if (!service) throw new Error(`No CUPS for ${specialty}/${visitType}`);
  return service.cups;
}

export function serviceOf(cups: Cups): { specialty: Specialty; visitType: VisitType } {
  const service = SERVICES.find((s) => s.cups === cups);
  if (!service) throw new Error(`Unknown CUPS ${cups}`);
  return service;
}

export function isCups(value: string): value is Cups {
  return SERVICES.some((s) => s.cups === value);
}

/** Pediatrics is for patients under this age. */
export const PEDIATRICS_MAX_AGE = 18;

/** How many days ahead the agenda is searched (citas open 14 days ahead). */
export const SEARCH_HORIZON_DAYS = 14;

export type PlanType = 'PBS' | 'PAC';
export type AffiliationStatus = 'active' | 'inactive';

export interface DocumentId {
  documentType: DocumentType;
  documentNumber: string;
}

export interface TreatingDoctor {
  specialty: Specialty;
  doctorId: string;
  doctorName: string;
  site: SiteCode;
}

/** Someone who can receive care: a member or one of their beneficiaries. */
export interface Patient extends DocumentId {
  /** Opaque id given by the agenda; never a document number. */
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  plan: PlanType;
  status: AffiliationStatus;
  treatingDoctors: TreatingDoctor[];
}

/** The affiliate who talks to Lina; beneficiaries are served through them. */
export interface Member extends Patient {
  /** E.164, e.g. `+573001112233`. */
  phone?: string;
  email?: string;
  beneficiaries: Patient[];
}

export interface DoctorRef {
  id: string;
  name: string;
}

export interface Slot {
  /** Opaque and stable: the same doctor and start always give the same id. */
  id: string;
  start: string;
  end: string;
  site: SiteCode;
  specialty: Specialty;
  doctor: DoctorRef;
}

export type AppointmentStatus = 'booked' | 'cancelled';

export interface Appointment {
  id: string;
  patientId: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  start: string;
  end: string;
  doctor: DoctorRef;
  status: AppointmentStatus;
}

export type RissCaseStatus = 'open' | 'closed';

/** A formal case in RISS, filed when no slot could be offered. */
export interface RissCase {
  /** `RISS-<year>-<6 digits>`. */
  radicado: string;
  patientId: string;
  specialty: Specialty;
  cups: Cups;
  site: SiteCode;
  email: string;
  createdAt: string;
  /** The day the answer is due: 5 business days after filing. */
  dueDate: string;
  status: RissCaseStatus;
}
