/**
 * One search of the agenda as the dialogs hold it, shared by the take-slot machine and the slot
 * finder: what the engine is asked (slots, days with slots, a RISS case), the search the member
 * shapes (band, day, time, doctor), how their words change it, and when they revise what is
 * searched (another patient, specialty, site or visit type).
 */
import type { EventObject } from 'xstate';
import { PEDIATRICS_MAX_AGE, SEARCH_HORIZON_DAYS, serviceOf, type Cups, type Franja, type Patient, type SiteCode, type Specialty, type TreatingDoctor } from '../bot/domain.js';
import type { Band, Entities } from '../bot/understanding/types.js';
import { namesOtherPatient, type ForPatient } from './operation.js';
import { birthdayAt, daysAfter } from './parse.js';
import { reply, type Reply } from './replies.js';
import { normalizeText } from './text.js';
import { entitiesOf } from './understood.js';

/** How far the agenda is searched: the 14-day horizon, or today and the next working day. */
export type SearchWindow = 'horizon' | 'todayAndNextWorkingDay';

/** Slots shown at a time, and days listed at a time. */
export const SLOTS_PER_PAGE = 5;
export const DAYS_PER_PAGE = 5;

/** One search of the agenda, as the slot finder asks it; the engine turns it into dates. */
export interface SearchSlotsInput {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  window: SearchWindow;
  /** Only this Bogotá day (`YYYY-MM-DD`), within the window. */
  day?: string;
  /** Only slots at or after this time (`HH:MM`) of `day`, or of each day. */
  fromTime?: string;
  /** Only slots before this time (`HH:MM`) of `day`, or of each day ("antes de las 10"). */
  toTime?: string;
  /** The next page: slots from `start` on, leaving out those already shown. */
  after?: { start: string; ids: string[] };
  /** The latest times of each day first ("lo más tarde posible"); `after` then continues towards earlier times. */
  latest?: true;
  /** Only slots before this Bogotá day (the day a child turns 18, for pediatrics). */
  before?: string;
  /** Slots of this doctor are left out (the member asked for another one). */
  notDoctorId?: string;
  /** Slots on these Bogotá days are left out (the member ruled them out: "cualquier día menos el lunes"). */
  notDays?: string[];
}

/** The days of the window that have free slots for a search, from the day after `afterDay`. */
export interface AvailableDaysInput {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  window: SearchWindow;
  afterDay?: string;
  /** A day asked that had no slots: when it lies beyond the window, the window's last days with slots are given instead of its first. */
  askedDay?: string;
  /** Only days before this Bogotá day (the day a child turns 18, for pediatrics). */
  before?: string;
  /** These Bogotá days are left out (the member ruled them out). */
  notDays?: string[];
}

export interface AvailableDay {
  day: string;
  slots: number;
  /** The day asked lies beyond the window (`AvailableDaysInput.askedDay`): these are the window's last days with slots. */
  beyondWindow?: true;
}

export type CreateCaseInput = {
  patientId: string;
  specialty: Specialty;
  cups: Cups;
  site: SiteCode;
  email: string;
  idempotencyKey: string;
};

/** What a search found the member liked: taking it again after a "no" shows the same search. */
export interface SearchState {
  band: Band;
  day?: string;
  fromTime?: string;
  /** `fromTime` is a bound the slots start at or after ("después de las 10"), not the hour asked for. */
  afterTime?: true;
  /** "Antes de las 10": only slots that start before this time. */
  toTime?: string;
  doctorId?: string;
  /** The member accepted any doctor of the site: the treating doctor is not searched again. */
  anyDoctor?: true;
  /** A doctor the member does not want ("con otro médico, no con el Dr. Cárdenas"): their slots are left out. */
  notDoctorId?: string;
  /**
   * A band the member ruled out ("en la tarde no puedo"): the no-availability ladder never offers
   * it, and another doctor is searched in the other band. Kept by every later search.
   */
  ruledOutBand?: 'manana' | 'tarde';
  /**
   * The days the member ruled out ("cualquier día menos el lunes", "no hoy ni mañana"): no slot nor day listed on them, by
   * any search or offer, until the member asks for one of them by name. Kept by every later search.
   */
  ruledOutDays?: string[];
  /** The latest times of the day first ("lo más tarde posible"). */
  latest?: true;
  /** The day asked is a Saturday, a Sunday or a holiday: said so when it has no slots. */
  dayOff?: 'holiday' | 'weekend';
  /**
   * The page of slots the member chose from: a search again after a "no" at the confirmation
   * starts at its first slot (`ids`: those at that minute shown before it), not at the first
   * page; `later` when it was not the first page.
   */
  page?: { start: string; ids: string[]; later: boolean };
}

/** The same search with any doctor of the site but the one not wanted ("con otro médico, no con ese"), from its first page. */
export function withAnyDoctorBut(search: SearchState, notDoctorId: string | undefined): SearchState {
  const { doctorId: _doctor, page: _page, ...rest } = search;
  return { ...rest, anyDoctor: true, ...(notDoctorId ? { notDoctorId } : {}) };
}

/** The doctor scope a new search keeps: the treating doctor searched, or any doctor accepted. */
export function doctorScope(search: SearchState | undefined): Pick<SearchState, 'doctorId' | 'anyDoctor'> {
  return { ...(search?.doctorId ? { doctorId: search.doctorId } : {}), ...(search?.anyDoctor ? { anyDoctor: true as const } : {}) };
}

/** The sites' hours: no slot starts before 07:00 nor at 17:00 or later (README, "Seed world"). */
export const CLINIC_HOURS = { opens: '07:00', closes: '17:00' } as const;

/** A time no site attends at ("a las 7 de la noche"): said so, never searched. */
export function outsideClinicHours(time: string | undefined): boolean {
  return time !== undefined && (time < CLINIC_HOURS.opens || time >= CLINIC_HOURS.closes);
}

/** The band a time falls in (the morning is before 12:00). */
export function bandOfTime(time: string): 'manana' | 'tarde' {
  return time < '12:00' ? 'manana' : 'tarde';
}

/**
 * The search a time said at the slots asks for: "antes de las 8" the first slots of the morning;
 * "después de las 4", "la de las 3", "tipo 10" the slots from then (the slot finder says when none
 * is at the time itself). A time outside the band searched changes the band ("tipo 10" while the
 * afternoon is shown is the morning).
 */
export function searchAtTime(search: SearchState, said: Entities): SearchState {
  const time = said.time;
  if (!time) return search;
  const band = said.band ?? (search.band === 'cualquiera' ? 'cualquiera' : said.beforeTime ? (time <= '12:00' ? 'manana' : search.band) : bandOfTime(time));
  const { fromTime: _from, toTime: _to, latest: _latest, afterTime: _after, ...rest } = search;
  // ("Antes de las 9": the slots that start before 9, never those from 9.)
  if (said.beforeTime) return { ...rest, band, toTime: time };
  return { ...rest, band, fromTime: time, ...(said.afterTime ? { afterTime: true as const } : {}) };
}

/** A new search for the day, band or time the member named (`band` when they named none), with the doctor scope and the band ruled out of `kept`. */
export function searchSaid(said: Entities, band: Band, kept: SearchState | undefined): SearchState {
  return {
    // "El viernes al mediodía" after morning slots: the band of the time said.
    // ("El viernes antes de las 10" after afternoon slots: the morning.)
    band: said.band ?? (said.time && band !== 'cualquiera' ? (!said.beforeTime ? bandOfTime(said.time) : said.time <= '12:00' ? 'manana' : band) : band),
    // ("No, la de las 8" while Tuesday 1 is searched: 8:00 that Tuesday.)
    ...(said.day ? { day: said.day } : said.time && !said.beforeTime && !said.afterTime && kept?.day ? { day: kept.day } : {}),
    ...(said.dayOff ? { dayOff: said.dayOff } : {}),
    // ("Antes de las 11" is a bound: the first slots of the band, never the ones from 11.)
    ...(said.time && !said.beforeTime
      ? { fromTime: said.time, ...(said.afterTime ? { afterTime: true as const } : {}) }
      : said.time
        ? { toTime: said.time }
        : keptTime(said, kept)),
    ...(said.latest ? { latest: true as const } : {}),
    ...doctorScope(kept),
    ...ruledOutIn(said, kept),
  };
}

/**
 * The time kept when only the day changes: "a eso de las 3", then "no, mejor el viernes" is the
 * friday from 3:00. A time, a band or "lo más tarde" said with the day replaces it.
 */
function keptTime(said: Entities, kept: SearchState | undefined): Pick<SearchState, 'fromTime'> {
  const onlyDay = said.day && !said.band && !said.beforeTime && !said.latest;
  return onlyDay && kept?.fromTime ? { fromTime: kept.fromTime } : {};
}

/** The band and days ruled out: the ones the message rules out, with the ones the search kept. */
export function ruledOutIn(said: Entities, kept: Pick<SearchState, 'ruledOutBand' | 'ruledOutDays'> | undefined): Pick<SearchState, 'ruledOutBand' | 'ruledOutDays'> {
  // "Bueno, entonces sí en la tarde": the band asked for again is no longer ruled out.
  const band = said.ruledOutBand ?? (said.band === kept?.ruledOutBand ? undefined : kept?.ruledOutBand);
  const days = ruledOutDaysIn(said, kept?.ruledOutDays);
  return { ...(band ? { ruledOutBand: band } : {}), ...(days ? { ruledOutDays: days } : {}) };
}

/**
 * The days ruled out after a message: those kept and those it rules out, in the order said, but the day it asks for by name
 * ("menos el lunes", then "bueno, el lunes entonces": the later word wins).
 */
export function ruledOutDaysIn(said: Pick<Entities, 'day' | 'ruledOutDays'>, kept: readonly string[] | undefined): string[] | undefined {
  const days = [...(kept ?? []), ...(said.ruledOutDays ?? [])].filter((day, index, all) => all.indexOf(day) === index && day !== said.day);
  return days.length > 0 ? days : undefined;
}

/**
 * What a slot is sought for, as the take-slot machine and the slot finder are both given it: the
 * conversation (the seed of the agenda calls' keys), the patient and who else may be named, the
 * e-mail on file (where a RISS answer goes), the service, the site, the treating doctor a
 * "control" starts with, and how far to search.
 */
export interface SlotRequest extends ForPatient {
  conversationId: string;
  memberEmail?: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  /** Set when the first search is limited to the patient's treating doctor (contract point 9). */
  treatingDoctor?: { id: string; name: string };
  window: SearchWindow;
  /** The member asked for a RISS case in so many words ("mejor en Chía, radique el caso"): an empty search files it, no other rung offered. */
  caseAsked?: true;
  /**
   * Pediatrics for a patient who turns 18 within the days searched: that birthday. No slot on or
   * after it is offered, and the texts say why (`agesOutIn`).
   */
  agesOutOn?: string;
}

/**
 * The day the patient turns 18 (`PEDIATRICS_MAX_AGE`) when `specialty` is pediatrics and that day
 * falls within the days searched from `today`: pediatrics sees them only before it. Whether they
 * are already 18 today is the booking's question, asked before any slot is sought.
 */
export function agesOutIn(patient: Pick<Patient, 'birthDate'>, specialty: Specialty, today: string): Pick<SlotRequest, 'agesOutOn'> {
  if (specialty !== 'pediatria') return {};
  const adult = birthdayAt(patient.birthDate, PEDIATRICS_MAX_AGE);
  return adult > today && adult <= daysAfter(today, SEARCH_HORIZON_DAYS) ? { agesOutOn: adult } : {};
}

/** Who a slot is sought for, from an operation's context: the conversation, the patient, who else may be named, the e-mail on file. */
export function seeker(
  context: ForPatient & { conversationId: string; memberEmail?: string },
): Pick<SlotRequest, 'conversationId' | 'patient' | 'patients' | 'memberEmail' | 'bookedHere' | 'writerKnown'> {
  return {
    conversationId: context.conversationId,
    patient: context.patient,
    patients: context.patients,
    ...(context.writerKnown ? { writerKnown: true as const } : {}),
    ...(context.bookedHere?.length ? { bookedHere: context.bookedHere } : {}),
    ...(context.memberEmail ? { memberEmail: context.memberEmail } : {}),
  };
}

/** The slot request an operation's context carries on to the machine it runs. */
export function slotRequestOf(context: SlotRequest): SlotRequest {
  return {
    ...seeker(context),
    cups: context.cups,
    specialty: context.specialty,
    site: context.site,
    window: context.window,
    ...(context.treatingDoctor ? { treatingDoctor: context.treatingDoctor } : {}),
    ...(context.caseAsked ? { caseAsked: true as const } : {}),
    ...(context.agesOutOn ? { agesOutOn: context.agesOutOn } : {}),
  };
}

/** What is searched: a slot request, booking a new appointment (the default) or moving one. */
type Searched = SlotRequest & { mode?: 'book' | 'move' };

/**
 * Guard: while moving, the member asks for another site ("¿no hay en otra sede?", "¿y no me la
 * puede pasar para Suba?"): a move keeps its site, which the dialog says (never a revision).
 */
export function asksOtherSiteWhileMoving({ context, event }: { context: Searched; event: EventObject }): boolean {
  const said = entitiesOf(event);
  return context.mode === 'move' && ((said.otherSite === true && said.site === undefined) || (said.site !== undefined && said.site !== context.site));
}

/** A move keeps its site: said, with the other site the member named when there is one. */
export function siteKeptReply(site: SiteCode, other: SiteCode | undefined): Reply {
  return reply('reschedule.siteKept', { site, ...(other && other !== site ? { other, context: 'other' } : {}) });
}

/** "¿No hay en otra sede?" while moving: a move keeps its site, said with what to do instead; the question again. */
export const SITE_KEPT = {
  guard: asksOtherSiteWhileMoving,
  actions: [
    {
      type: 'say',
      params: ({ context, event }: { context: Searched; event: EventObject }) => siteKeptReply(context.site, entitiesOf(event).site),
    },
    'repeatPrompt',
  ],
} as const;

/**
 * Guard: the message revises what is searched, not the time: another patient, specialty or
 * site (while booking: a move keeps its site); while booking, another visit type too ("es control, no primera vez"), or another site
 * not named yet ("¿no hay en otra sede?": the booking asks which).
 */
export function revisesSearch({ context, event }: { context: Searched; event: EventObject }): boolean {
  const said = entitiesOf(event);
  return (
    namesOtherPatient({ context, event }) ||
    (said.specialty !== undefined && said.specialty !== context.specialty) ||
    (context.mode !== 'move' && said.site !== undefined && said.site !== context.site) ||
    (context.mode !== 'move' && said.visitType !== undefined && said.visitType !== serviceOf(context.cups).visitType) ||
    (context.mode !== 'move' && said.otherSite === true && said.site === undefined)
  );
}

/**
 * A doctor the member asked for by name ("con la doctora Marta Salazar") or as theirs ("con mi médico"), among the patient's
 * treating doctors of the specialty (any specialty when none is known yet): one at `site` (`here`), one at another site
 * (`elsewhere`), or none Lina can look up (`unknown`: she has no list of the sites' doctors, only the treating ones; `treating`,
 * the one at `site` when there is one).
 */
export type DoctorNamed = { kind: 'here'; doctor: TreatingDoctor } | { kind: 'elsewhere'; doctor: TreatingDoctor } | { kind: 'unknown'; treating?: string };

export function treatingDoctorNamed(
  treatingDoctors: readonly TreatingDoctor[],
  specialty: Specialty | undefined,
  site: SiteCode | undefined,
  asked: { doctorName?: string | undefined; ownDoctor?: boolean | undefined },
): DoctorNamed | undefined {
  if (!asked.doctorName && !asked.ownDoctor) return undefined;
  const treating = treatingDoctors.filter((doctor) => specialty === undefined || doctor.specialty === specialty);
  const nameWords = normalizeText(asked.doctorName ?? '')
    .split(' ')
    .filter((word) => word !== '');
  const matching = asked.doctorName
    ? treating.filter((doctor) =>
        nameWords.every((word) =>
          normalizeText(doctor.doctorName)
            .split(/[\s.]+/)
            .includes(word),
        ),
      )
    : treating;
  const here = site === undefined ? undefined : matching.find((doctor) => doctor.site === site);
  if (here) return { kind: 'here', doctor: here };
  const [elsewhere] = matching;
  if (elsewhere) return { kind: 'elsewhere', doctor: elsewhere };
  const treatingHere = treating.find((doctor) => doctor.site === site);
  return { kind: 'unknown', ...(treatingHere ? { treating: treatingHere.doctorName } : {}) };
}
