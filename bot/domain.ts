/**
 * The domain's vocabulary, shared by dialogs, the engine and every adapter.
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

export const SITE_CODES = [
  'CALLE42',
  'AUTOSUR',
  'CALLE26',
  'KENNEDY',
  'SUBA',
  'CHIA',
  'PRIMEROMAYO',
  'FONTIBON',
  'FACATATIVA',
] as const;
/** A USS (Unidad de Servicios de Salud): one of the plan's clinic sites. */
export type SiteCode = (typeof SITE_CODES)[number];

/** A CUPS code: the national code of a health service. */
export type Cups = '890201' | '890301' | '89020110' | '890283' | '890383' | '89020271';

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
