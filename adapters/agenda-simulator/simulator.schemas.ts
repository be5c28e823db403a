/**
 * Zod schemas of every request the embedded agenda accepts: untrusted input stops here.
 * API doc: `adapters/agenda/openapi.yaml`, the same contract the real agenda follows.
 */
import { z } from 'zod';

import { DOCUMENT_TYPES, FRANJAS, SITE_CODES, SPECIALTIES, SERVICES } from '../../bot/domain.js';

const id = z.string().trim().min(1).max(100);
const cups = z.enum(SERVICES.map((service) => service.cups));
const site = z.enum(SITE_CODES);
const specialty = z.enum(SPECIALTIES);
/** An instant with an explicit offset or `Z`: a bare wall-clock time would be ambiguous. */
const instant = z.iso.datetime({ offset: true });

/** `Idempotency-Key` header: required wherever a retry must not create a second resource. */
export const idempotencyKeySchema = z.string().trim().min(1).max(200);

/** `POST /v1/members/lookup`. */
export const memberLookupSchema = z.object({
  documentType: z.enum(DOCUMENT_TYPES),
  documentNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z]{1,20}$/, 'letters and digits only, at most 20'),
});

/** `GET /v1/slots` and `GET /v1/slots/days` query string (`limit` caps slots, or days). */
export const slotQuerySchema = z.object({
  cups,
  site,
  franja: z.enum(FRANJAS).optional(),
  doctorId: id.optional(),
  from: instant,
  to: instant,
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `POST /v1/appointments`. */
export const bookingSchema = z.object({ patientId: id, slotId: id, cups });

/** `POST /v1/appointments/{appointmentId}/reschedule`. */
export const rescheduleSchema = z.object({ slotId: id });

/** `POST /v1/riss-cases`. */
export const rissCaseSchema = z.object({ patientId: id, specialty, cups, site, email: z.email() });

/** `GET /v1/patients/{patientId}/riss-cases/open` query string. */
export const openCaseQuerySchema = z.object({ specialty });

/** `GET /v1/stats/bookings` query string: two calendar days, `from` not after `to`. */
export const bookingStatsQuerySchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine(({ from, to }) => from <= to, { message: 'from must not be after to', path: ['from'] });
