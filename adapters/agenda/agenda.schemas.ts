/**
 * Zod schemas of every body the agenda sends back: the boundary where untrusted JSON becomes
 * domain types. API doc: `adapters/agenda/openapi.yaml` (components/schemas, same names).
 *
 * Objects strip unknown keys instead of rejecting them, so the agenda may add fields without
 * breaking Lina; a missing or malformed field is a `BAD_RESPONSE`.
 */
import { z } from 'zod';

import type { Appointment, Member, Patient, RissCase, Slot } from '../../bot/domain.js';
import { DOCUMENT_TYPES, SITE_CODES, SPECIALTIES, SERVICES } from '../../bot/domain.js';

const id = z.string().min(1);
/** `YYYY-MM-DD`, a calendar day without time. */
const day = z.iso.date();
/** ISO-8601 with an explicit offset (`2026-11-24T07:00:00-05:00`): a wall-clock time alone is ambiguous. */
const instant = z.iso.datetime({ offset: true });

export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export const specialtySchema = z.enum(SPECIALTIES);
export const siteCodeSchema = z.enum(SITE_CODES);
/** Taken from the service catalog so a new CUPS code is accepted as soon as Lina knows it. */
export const cupsSchema = z.enum(SERVICES.map((service) => service.cups));

export const treatingDoctorSchema = z.object({
  specialty: specialtySchema,
  doctorId: id,
  doctorName: z.string(),
  site: siteCodeSchema,
});

export const patientSchema = z.object({
  id,
  documentType: documentTypeSchema,
  documentNumber: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: day,
  plan: z.enum(['PBS', 'PAC']),
  status: z.enum(['active', 'inactive']),
  treatingDoctors: z.array(treatingDoctorSchema),
});

/**
 * Contact fields are plain strings, not `z.email()` or an E.164 pattern: one badly typed email
 * in the agenda must not lock a member out of every operation. Dialogs check them before use.
 */
export const memberSchema = patientSchema.extend({
  phone: z.string().optional(),
  email: z.string().optional(),
  beneficiaries: z.array(patientSchema),
});

export const doctorRefSchema = z.object({ id, name: z.string() });

export const slotSchema = z.object({
  id,
  start: instant,
  end: instant,
  site: siteCodeSchema,
  specialty: specialtySchema,
  doctor: doctorRefSchema,
});

export const appointmentSchema = z.object({
  id,
  patientId: id,
  cups: cupsSchema,
  specialty: specialtySchema,
  site: siteCodeSchema,
  start: instant,
  end: instant,
  doctor: doctorRefSchema,
  status: z.enum(['booked', 'cancelled']),
});

export const rissCaseSchema = z.object({
  radicado: z.string().regex(/^RISS-\d{4}-\d{6}$/),
  patientId: id,
  specialty: specialtySchema,
  cups: cupsSchema,
  site: siteCodeSchema,
  email: z.string().min(1),
  createdAt: instant,
  dueDate: day,
  status: z.enum(['open', 'closed']),
});

/** `GET /v1/slots`. */
export const slotListSchema = z.object({ slots: z.array(slotSchema) });

/** One Bogotá day with free slots: how many, and when the first one starts. */
export const availableDaySchema = z.object({
  day,
  slots: z.number().int().min(1),
  firstStart: instant,
});

/** `GET /v1/slots/days`. */
export const availableDayListSchema = z.object({ days: z.array(availableDaySchema) });

/** `GET /v1/patients/{patientId}/appointments`. */
export const appointmentListSchema = z.object({ appointments: z.array(appointmentSchema) });

/** `GET /v1/stats/bookings`: bookings per day, site, specialty and channel of origin. */
export const bookingStatsSchema = z.object({
  from: day,
  to: day,
  rows: z.array(
    z.object({
      day,
      site: siteCodeSchema,
      specialty: specialtySchema,
      channel: z.enum(['digital', 'call_center', 'in_person']),
      bookings: z.number().int().min(0),
    }),
  ),
});

/** `GET /v1/health`. */
export const healthSchema = z.object({ status: z.literal('ok') });

/** Every non-2xx body. `code` is machine-readable (`SLOT_TAKEN`, `CONFLICT`, `NOT_FOUND`, ...). */
export const agendaErrorBodySchema = z.object({ code: z.string(), message: z.string() });
export type AgendaErrorBody = z.infer<typeof agendaErrorBodySchema>;

/**
 * Compile-time proof that each schema parses to exactly its domain type (both ways), so the
 * wire format and `bot/domain.ts` cannot drift apart silently.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchDomain: [
  Same<z.infer<typeof patientSchema>, Patient>,
  Same<z.infer<typeof memberSchema>, Member>,
  Same<z.infer<typeof slotSchema>, Slot>,
  Same<z.infer<typeof appointmentSchema>, Appointment>,
  Same<z.infer<typeof rissCaseSchema>, RissCase>,
] = [true, true, true, true, true];
void schemasMatchDomain;
