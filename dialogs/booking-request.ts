/**
 * What a booking asks for, as the member says it: the request the form fills (specialty, visit
 * type, site, and the time they want), merged from their messages and options picked, revised at
 * the slots, and handed to the take-slot machine.
 */
import { SITE_CODES, SPECIALTIES, VISIT_TYPES, cupsFor, type Cups, type SiteCode, type Specialty } from '../bot/domain.js';
import type { Entities, Understanding } from '../bot/understanding/types.js';
import type { EventObject } from 'xstate';
import type { Request } from './appointments.js';
import { oneOf } from './choices.js';
import type { ForPatient } from './operation.js';
import { namesAnotherPatient } from './patients.js';
import { reply, type Reply } from './replies.js';
import { agesOutIn, bandOfTime, ruledOutDaysIn, seeker, treatingDoctorNamed } from './slot-search.js';
import type { TakeSlotInput } from './take-slot.io.js';
import { choiceOf, entitiesOf } from './understood.js';

/** A question of the booking form that offers options. */
export type FormField = 'specialty' | 'visitType' | 'site';

/** The service a request books: general medicine and a first visit unless said otherwise. */
export function cupsOf(request: Request): Cups {
  return cupsFor(request.specialty ?? 'medicina_general', request.visitType ?? 'primera_vez');
}

/** Everything booking-related the message said, merged into the request; `field`: the question it answers. */
export function withWhatWasSaid(request: Request, event: EventObject, field?: FormField): Request {
  const said = entitiesOf(event);
  // (The days ruled out are those kept and said, but a day asked for by name.)
  const { ruledOutDays: _ruledOut, ...asked } = request;
  return {
    ...asked,
    ...(said.specialty && !request.specialty ? { specialty: said.specialty } : {}),
    ...(said.visitType ? { visitType: said.visitType } : {}),
    ...(said.site ? { site: said.site } : {}),
    // "Lo más pronto posible": the earliest at any hour, so the band is not asked.
    ...(said.band ? { band: said.band } : said.soonest && !request.band ? { band: 'cualquiera' as const } : {}),
    // ("El miércoles en la mañana", then "a las 3": an hour of the other band replaces the band kept, never searched inside it.)
    ...(said.time && !said.band && !said.beforeTime && request.band && request.band !== 'cualquiera' && bandOfTime(said.time) !== request.band
      ? { band: bandOfTime(said.time) }
      : {}),
    ...(said.ruledOutBand ? { ruledOutBand: said.ruledOutBand } : {}),
    ...ruledOutDaysOf(said, request.ruledOutDays),
    ...(said.day ? { day: said.day, dayOff: said.dayOff } : {}),
    ...(said.time ? { time: said.time, beforeTime: said.beforeTime, afterTime: said.afterTime } : {}),
    ...(said.latest ? { latest: true as const } : {}),
    // ("No, mejor radique el caso en Faca" at the site question: that site, and the case asked for if it has nothing.)
    ...(said.fileCase ? { caseAsked: true as const } : {}),
    ...(said.doctorName ? { doctor: said.doctorName } : {}),
    ...(said.ownDoctor ? { ownDoctor: true as const } : {}),
    ...(field ? pickedFor(field, choiceOf(event)) : {}),
  };
}

/**
 * The request with what the doctor asked for settles: the specialty and site of the one treating doctor named ("una cita
 * con la doctora Salazar" is general medicine in Suba), when the member has not said them.
 */
export function withDoctorsPlace(request: Request, patient: ForPatient['patient']): Request {
  if (request.site !== undefined && request.specialty !== undefined) return request;
  const named = treatingDoctorNamed(patient.treatingDoctors, request.specialty, request.site, { doctorName: request.doctor, ownDoctor: request.ownDoctor });
  if (named?.kind !== 'elsewhere' && named?.kind !== 'here') return request;
  // ("Con mi médico" with several treating doctors who fit: which one is not guessed.)
  const ownOfSeveral =
    request.doctor === undefined && patient.treatingDoctors.filter((doctor) => request.specialty === undefined || doctor.specialty === request.specialty).length > 1;
  if (ownOfSeveral) return request;
  return { ...request, specialty: request.specialty ?? named.doctor.specialty, site: request.site ?? named.doctor.site };
}

/** The doctor the booking asked for, when they are no treating doctor at the site searched: said before the slots. */
export function doctorNoteFor(context: ForPatient & { request: Request }): Reply | undefined {
  const { request } = context;
  const named = treatingDoctorNamed(context.patient.treatingDoctors, request.specialty, request.site, { doctorName: request.doctor, ownDoctor: request.ownDoctor });
  if (!named || named.kind === 'here' || !request.site) return undefined;
  if (named.kind === 'elsewhere') return reply('slots.doctorElsewhere', { doctor: named.doctor.doctorName, site: named.doctor.site, here: request.site });
  return reply('slots.doctorUnknown', { site: request.site, ...(named.treating ? { doctor: named.treating, context: 'treating' } : {}) });
}

/** The days ruled out of a request after a message (`ruledOutDays` absent when none is left). */
function ruledOutDaysOf(said: Pick<Entities, 'day' | 'ruledOutDays'>, kept: readonly string[] | undefined): Pick<Request, 'ruledOutDays'> {
  const days = ruledOutDaysIn(said, kept);
  return days ? { ruledOutDays: days } : {};
}

/** The option picked at the question for `field`, as that field's value. */
function pickedFor(field: FormField, choice: string | undefined): Request {
  const specialty = field === 'specialty' ? oneOf(SPECIALTIES, choice) : undefined;
  const visitType = field === 'visitType' ? oneOf(VISIT_TYPES, choice) : undefined;
  const site = field === 'site' ? oneOf(SITE_CODES, choice) : undefined;
  return { ...(specialty ? { specialty } : {}), ...(visitType ? { visitType } : {}), ...(site ? { site } : {}) };
}

/**
 * The sites the site question offers: the preferred ones first (the QR code's, the last used), then
 * the rest; without `leaving`, the site the member asked to leave for another.
 */
export function sitesInOrder(preferredSites: readonly SiteCode[], leaving?: SiteCode): SiteCode[] {
  const preferred = preferredSites.filter((site, index, all) => all.indexOf(site) === index && site !== leaving);
  return [...preferred, ...SITE_CODES.filter((code) => !preferred.includes(code) && code !== leaving)];
}

/** A booking's request and what the member said at the slots that changes an earlier answer. */
export interface Revising extends ForPatient {
  request: Request;
  pendingRevision?: Understanding;
}

/** The member named another patient at the slots, or asked to change patient. */
export function isPatientRevision(context: Revising): boolean {
  const understood = context.pendingRevision;
  if (!understood) return false;
  return understood.intent === 'change_patient' || namesAnotherPatient(understood.entities.patients, context.patients, context.patient);
}

/**
 * The request with what the member revised at the slots: another site, visit type, band or day.
 * Another site asked for without a name ("¿no hay en otra sede?") leaves the site to be asked again.
 */
export function revisedRequest(context: Revising): Request {
  const said = context.pendingRevision?.entities ?? {};
  const { ruledOutDays: _ruledOut, ...asked } = context.request;
  return {
    ...asked,
    ...(said.site ? { site: said.site } : said.otherSite ? { site: undefined } : {}),
    ...(said.visitType ? { visitType: said.visitType } : {}),
    ...(said.band ? { band: said.band } : {}),
    ...(said.day ? { day: said.day } : {}),
    ...ruledOutDaysOf(said, context.request.ruledOutDays),
    ...(said.fileCase ? { caseAsked: true as const } : {}),
  };
}

/** Another specialty named at the slots, if any. */
export function otherSpecialtyIn(context: Revising): Specialty | undefined {
  const specialty = context.pendingRevision?.entities.specialty;
  return specialty !== undefined && specialty !== context.request.specialty ? specialty : undefined;
}

/** An answer the booking form always has before a slot is taken: a missing one is a bug, never a default site or specialty. */
function answered<T>(value: T | undefined, question: string): T {
  if (value === undefined) throw new Error(`a slot is taken before the ${question} was answered`);
  return value;
}

/** What taking a slot is asked for a booking: the service, site and time the form holds. */
export function takeSlotInputFor(context: ForPatient & { conversationId: string; memberEmail?: string; request: Request; today: string }): TakeSlotInput {
  const request = context.request;
  const specialty = answered(request.specialty, 'specialty');
  // The doctor asked for, when they treat the patient at the site; else, for a control, the treating doctor there.
  const named = treatingDoctorNamed(context.patient.treatingDoctors, request.specialty, request.site, { doctorName: request.doctor, ownDoctor: request.ownDoctor });
  const treatingHere = context.patient.treatingDoctors.find((doctor) => doctor.specialty === request.specialty && doctor.site === request.site);
  const treating = named?.kind === 'here' ? named.doctor : request.visitType === 'control' ? treatingHere : undefined;
  return {
    mode: 'book',
    ...seeker(context),
    cups: cupsOf(request),
    specialty,
    // A child who turns 18 within the days searched: pediatrics only before the birthday.
    ...agesOutIn(context.patient, specialty, context.today),
    site: answered(request.site, 'site'),
    ...(request.band ? { band: request.band } : {}),
    ...(request.ruledOutBand ? { ruledOutBand: request.ruledOutBand } : {}),
    ...(request.ruledOutDays?.length ? { ruledOutDays: request.ruledOutDays } : {}),
    ...(request.day ? { day: request.day } : {}),
    ...(request.dayOff ? { dayOff: request.dayOff } : {}),
    ...(request.time ? { time: request.time } : {}),
    ...(request.time && request.beforeTime ? { beforeTime: true as const } : {}),
    ...(request.time && request.afterTime ? { afterTime: true as const } : {}),
    ...(request.latest ? { latest: true as const } : {}),
    ...(request.caseAsked ? { caseAsked: true as const } : {}),
    // "Control" starts with the treating doctor when they work at the chosen site; so does a booking that asks for them.
    ...(treating ? { treatingDoctor: { id: treating.doctorId, name: treating.doctorName } } : {}),
    window: request.visitType === 'no_programada' ? 'todayAndNextWorkingDay' : 'horizon',
  };
}
