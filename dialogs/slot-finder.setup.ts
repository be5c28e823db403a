/**
 * The slot finder's types and its XState `setup` (actors, guards, actions), which its two state
 * files share: the search and its pages (slot-finder.machine.ts) and the no-availability ladder
 * with the RISS case (slot-finder-ladder.states.ts). Also the texts' view of a search.
 */
import { assign, enqueueActions, fromPromise, setup, type EventObject } from 'xstate';
import type { Franja, RissCase, Slot } from '../bot/domain.js';
import type { Band, Understanding } from '../bot/understanding/types.js';
import { bogotaParts } from './appointments.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { speaksToPatient } from './operation.js';
import { reply, type ReplyParams } from './replies.js';
import {
  asksOtherSiteWhileMoving,
  outsideClinicHours,
  revisesSearch,
  ruledOutDaysIn,
  ruledOutIn,
  type AvailableDay,
  type AvailableDaysInput,
  type CreateCaseInput,
  type SearchSlotsInput,
  type SearchState,
  type SlotRequest,
} from './slot-search.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { answerOf, choiceOf, entitiesOf, intentOf, messageGuards } from './understood.js';

/** A slot request, and the search to start with (naming another patient revises the request). */
export interface SlotFinderInput extends Partial<SearchState>, SlotRequest {
  band: Band;
  /** Why the list is shown again (a "no" at the confirmation, a slot someone took), or "otro día". */
  reason?: 'notConfirmed' | 'slotTaken' | 'otherDay';
  /** Booking a new appointment or moving one: what a "no" at the confirmation left as it was. */
  mode?: 'book' | 'move';
  /**
   * "Ay no, mejor la tres" at the confirmation: the position on the page shown again that the member
   * takes instead, and the message that said it (the seed of the intent's key).
   */
  pickAt?: { position: number; messageId: string };
  /**
   * "No espere, mejor la de las 10 con el doctor" at the confirmation: the hour (and doctor) asked, and the message that asked;
   * when exactly one slot of the new search is at that hour, it goes straight to its confirmation.
   */
  askAt?: { time: string; messageId: string; doctor?: string };
}

export type SlotFinderOutput =
  /** `chosenBy`: the id of the message that picked the slot, the seed of the intent's key. */
  | { outcome: 'slot'; slot: Slot; chosenBy: string; search: SearchState }
  | { outcome: 'case'; rissCase: RissCase }
  /** The member named a patient, specialty, visit type or site other than the one searched. */
  | { outcome: 'revise'; understood: Understanding; search: SearchState }
  | { outcome: 'back' | 'abandoned' | 'error' };

export interface SlotFinderContext extends SlotFinderInput, SpeakingContext {
  search: SearchState;
  /** The page shown is not the search's first (a later page taken up again after a "no"). */
  laterPage?: boolean;
  /** A day (or month) asked that had no slots: said when the days that have slots are listed. */
  emptyDay?: { day: string; dayOff?: 'holiday' | 'weekend'; month?: true } & Partial<ReturnType<typeof describeSearch>>;
  /**
   * The day the member asked for that had no slots with the doctor searched ("con la doctora Marta el lunes 30"): another
   * doctor, accepted further down the ladder, is searched that day first.
   */
  dayWithoutTheDoctor?: string;
  /** A time the member asked for at the slots ("la de las 12:20"): said when the slots found are not at it. */
  askedTime?: string;
  /** The message that asked for `askedTime`: when exactly one slot of the new search is at that time, it picked it. */
  askedTimeBy?: string;
  /** The doctor named with `askedTime` ("la de las 9 con la doctora"): at that time, theirs. */
  askedDoctor?: string;
  /**
   * The days of the slots shown when `askedTime` was asked with no day said ("la de las 3 y 20" at Monday's slots): a slot at
   * that time on another day is offered in the list, with the hour said to be missing those days, never taken to confirm.
   */
  askedTimeDays?: string[];
  /**
   * The search of the page the member saw when they asked for a time not on it: when that time is taken straight to its
   * confirmation, "no, mejor la tercera" is the third of this page, not of the search they never saw.
   */
  shownSearch?: SearchState;
  /** The slots at the time the member named when several share it ("¿cuál prefieres?"): a doctor named next picks among them. */
  atNamedTime?: string[];
  /** The slot picked by what the dialog knows (a doctor among the slots at a time named), not by the option chosen. */
  picked?: string;
  /** The slots of the page shown, and every slot shown in this search (for the next page). */
  slots: Slot[];
  seen: Slot[];
  days: AvailableDay[];
  /** "¿Hay la otra semana?": the days are listed after this day (the Sunday before the week asked), until some are shown. */
  daysAfter?: string;
  /** Whether more days follow the ones listed. */
  moreDays: boolean;
  triedOtherBand: boolean;
  triedOtherDoctor: boolean;
  /** The member declined an offer of the ladder: a later absence of slots is not the whole truth. */
  declined: boolean;
  /** Bands searched with the current doctor scope and nothing found. */
  emptyBands: Band[];
  email?: string;
  /** The address as it was surely meant ("…@hotmail.com" for "…@hotmial.com"), asked about before the case is filed. */
  emailMeant?: string;
  /** The member gave an e-mail that could not be read, twice: a way out is offered. */
  emailMisses: number;
  /** Fixed before anything is filed, so a retry or a crash never files twice. */
  caseKey: string;
}

/** A day searched that is now among the days ruled out is searched no more (nor its day off). */
function dayLeftIfRuledOut(day: string | undefined, ruledOut: readonly string[] | undefined): { day?: undefined; dayOff?: undefined } {
  return day !== undefined && ruledOut?.includes(day) ? { day: undefined, dayOff: undefined } : {};
}
export const otherBand = (band: Band): Band => (band === 'manana' ? 'tarde' : 'manana');
const franjaOf = (band: Band): Franja | undefined => (band === 'cualquiera' ? undefined : band);
/** The band another doctor is searched in: any, or the one the member did not rule out. */
export const bandLeft = (search: Pick<SearchState, 'ruledOutBand'>): Band => (search.ruledOutBand ? otherBand(search.ruledOutBand) : 'cualquiera');
/** The band the empty searches covered: both bands read as "any". */
export const searchedBand = (bands: readonly Band[]): Band =>
  bands.includes('cualquiera') || (bands.includes('manana') && bands.includes('tarde')) ? 'cualquiera' : (bands[0] ?? 'cualquiera');

export function searchParams(context: SlotFinderContext) {
  const franja = franjaOf(context.search.band);
  return {
    cups: context.cups,
    site: context.site,
    window: context.window,
    ...(franja ? { franja } : {}),
    ...(context.search.doctorId ? { doctorId: context.search.doctorId } : {}),
    ...(context.search.notDoctorId ? { notDoctorId: context.search.notDoctorId } : {}),
    ...(context.agesOutOn ? { before: context.agesOutOn } : {}),
    ...(context.search.ruledOutDays?.length ? { notDays: context.search.ruledOutDays } : {}),
  };
}

/**
 * Pediatrics for a child who turns 18 within the days searched: the birthday, and whose it is
 * (no name for the member themself), so that "en los próximos 14 días" is said as "antes del
 * domingo 1 de junio, cuando Mateo cumple 18 años".
 */
export function agesOutParams(context: Pick<SlotFinderContext, 'agesOutOn' | 'patient' | 'patients'>): { agesOut?: string; agesOutName?: string } {
  if (!context.agesOutOn) return {};
  return { agesOut: context.agesOutOn, ...(speaksToPatient(context) ? {} : { agesOutName: context.patient.firstName }) };
}

/** A text about that birthday: its day, and the child's name (or, for the member themself, the `self` wording). */
export function agesOutSaid({ agesOut, agesOutName }: { agesOut?: string; agesOutName?: string }): ReplyParams {
  return { agesOut, ...(agesOutName ? { name: agesOutName } : { context: 'self' }) };
}

/** What the pages and texts say about the search: the site, the band, the day, the doctor. */
/** The search of a day asked at an offer; a no with it declines the rung offered (`declined`), so an empty day goes on to the next. */
function dayAskedSearch(context: SlotFinderContext, event: EventObject, declined?: 'triedOtherBand' | 'triedOtherDoctor'): Partial<SlotFinderContext> {
  const said = entitiesOf(event);
  const no = said.yesNo === 'no';
  const { fromTime: _from, toTime: _to, ...search } = context.search;
  return {
    search: { ...search, ...(said.day ? { day: said.day } : {}), band: said.band ?? (no ? context.search.band : 'cualquiera') },
    ...(no && declined === 'triedOtherBand' ? { triedOtherBand: true, declined: true } : {}),
    ...(no && declined === 'triedOtherDoctor' ? { triedOtherDoctor: true, declined: true } : {}),
  };
}

export function describeSearch(context: SlotFinderContext) {
  const doctor = context.search.doctorId ? context.treatingDoctor?.name : undefined;
  return {
    site: context.site,
    band: context.search.band,
    window: context.window,
    service: context.cups,
    ...(context.search.day ? { day: context.search.day } : {}),
    ...(doctor ? { doctor } : {}),
    // ("Sin el lunes ni el martes": the days ruled out, said with the slots and days found without them.)
    // (With a day searched, the others are not spoken of.)
    ...(context.search.ruledOutDays?.length && !context.search.day ? { notDays: context.search.ruledOutDays.join(',') } : {}),
    ...agesOutParams(context),
  };
}

/** The slots shown at the time the message names (on the day it names, if any). */
export function slotsAtNamedTime(slots: readonly Slot[], event: EventObject): Slot[] {
  const said = entitiesOf(event);
  if (said.time === undefined) return [];
  return slots.filter((slot) => {
    const { day, time } = bogotaParts(slot.start);
    return time === said.time && (said.day === undefined || said.day === day);
  });
}

/**
 * Why a day asked has no slots: a Saturday, a Sunday or a holiday; the child is 18 by then (no
 * pediatrics from the birthday on); or simply none that day.
 */
function emptyDaySaid(empty: NonNullable<SlotFinderContext['emptyDay']>) {
  if (empty.dayOff) return reply('slots.dayOff', { day: empty.day, context: empty.dayOff });
  if (empty.agesOut && empty.day >= empty.agesOut) {
    return reply('slots.dayPastAgesOut', { day: empty.day, ...agesOutSaid(empty) });
  }
  // ("No hay cupos con Dra. Marta Salazar el miércoles…": only the doctor searched has none, not the whole site.)
  return reply('slots.dayEmpty', { day: empty.day, band: empty.band, site: empty.site, ...(empty.doctor ? { doctor: empty.doctor } : {}) });
}

/** Says the sites' hours, for a time none attends at. */
export const SAY_OUTSIDE_HOURS = {
  type: 'say',
  params: ({ event }: { event: EventObject }) => reply('slots.outsideHours', { time: entitiesOf(event).time }),
} as const;

/** Says that the day the message asks for is a Saturday, a Sunday or a holiday. */
export const SAY_DAY_OFF = {
  type: 'say',
  params: ({ event }: { event: EventObject }) => reply('slots.dayOff', { day: entitiesOf(event).day, context: entitiesOf(event).dayOff }),
} as const;

/** More times of the search under way asked for: no time said, and no band other than the one searched. */
function moreTimesAsked(context: Pick<SlotFinderContext, 'search'>, event: EventObject): boolean {
  const { time, band } = entitiesOf(event);
  return intentOf(event) === 'more_times' && time === undefined && (band === undefined || band === context.search.band);
}

export const slotFinderSetup = setup({
  types: machineTypes<{ context: SlotFinderContext; events: DialogEvent | RepeatEvent; input: SlotFinderInput; output: SlotFinderOutput }>(),
  actors: {
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(() => Promise.reject(new Error('searchSlots is provided by the engine'))),
    availableDays: fromPromise<AvailableDay[], AvailableDaysInput>(() => Promise.reject(new Error('availableDays is provided by the engine'))),
    createCase: fromPromise<RissCase, CreateCaseInput>(() => Promise.reject(new Error('createCase is provided by the engine'))),
  },
  guards: {
    ...messageGuards,
    pickedShownSlot: ({ context, event }) => context.slots.some((slot) => slot.id === choiceOf(event)),
    pickedShownDay: ({ context, event }) => context.days.some((day) => day.day === choiceOf(event)),
    askedForDay: ({ event }) => entitiesOf(event).day !== undefined,
    /** "El lunes no puedo", "no hoy ni mañana", with no day, time nor option picked instead: a day this search does not leave out yet. */
    rulesOutDays: ({ context, event }) => {
      const said = entitiesOf(event);
      return (
        (said.ruledOutDays ?? []).some((day) => !context.search.ruledOutDays?.includes(day)) && said.day === undefined && said.time === undefined && choiceOf(event) === undefined
      );
    },
    /** A Sunday, a Saturday or a holiday: the sites are closed, nothing to search. */
    askedForDayOff: ({ event }) => entitiesOf(event).dayOff !== undefined,
    askedForBand: ({ context, event }) => {
      const band = entitiesOf(event).band;
      return band !== undefined && band !== context.search.band;
    },
    saidBand: ({ event }) => entitiesOf(event).band !== undefined,
    /** The band of the slots shown, named alone ("cualquier hora" with any band's slots shown). */
    namesTheBandShown: ({ context, event }) => {
      const said = entitiesOf(event);
      return said.band === context.search.band && choiceOf(event) === undefined && said.day === undefined && said.time === undefined && !said.patients?.length;
    },
    /** A band named that this search has not found empty yet. */
    namesBandNotSearched: ({ context, event }) => {
      const band = entitiesOf(event).band;
      return band !== undefined && !context.emptyBands.includes(band);
    },
    /** "¿Y en enero?": a month, without a day. */
    askedForMonth: ({ event }) => entitiesOf(event).month !== undefined && entitiesOf(event).day === undefined,
    askedForTime: ({ event }) => entitiesOf(event).time !== undefined,
    /** "A las 7 de la noche": a time no site attends at. */
    askedOutsideHours: ({ event }) => outsideClinicHours(entitiesOf(event).time),
    /** "La de las 4" when two slots shown are at 4: which of them, not a new search ("¿después de las 4?" is one). */
    namedTimeOfSeveral: ({ context, event }) => intentOf(event) === 'none' && slotsAtNamedTime(context.slots, event).length > 1,
    /** "¿Hay más?"; "¿después de las 4?" is a search from that time instead, "mejor a primera hora" one in that band. */
    wantsMoreTimes: ({ context, event }) => moreTimesAsked(context, event),
    /** "¿Hay algo más el miércoles?" while that Wednesday's slots are shown: more times of that day, not the day searched again. */
    wantsMoreOfTheDayShown: ({ context, event }) =>
      moreTimesAsked(context, event) && entitiesOf(event).day !== undefined && entitiesOf(event).day === context.search.day && context.slots.length > 0,
    /** "Otro día"; "¿y el viernes?" names the day, and searches it instead. */
    asksEarlier: ({ event }) => entitiesOf(event).earlier === true && (intentOf(event) === 'more_times' || intentOf(event) === 'none'),
    /** A later page, or a search from a time on: earlier slots exist before these. */
    /** "Lo más tarde posible": the latest times of the day first. */
    asksLatest: ({ event }) => entitiesOf(event).latest === true,
    /** The slots shown are the latest of the day first. */
    showsLatest: ({ context }) => context.search.latest === true,
    showsLaterSlots: ({ context }) => context.seen.length > context.slots.length || context.laterPage === true || context.search.fromTime !== undefined,
    wantsOtherDay: ({ event }) => intentOf(event) === 'other_day' && entitiesOf(event).day === undefined,
    /** "La otra semana", "la semana que viene": another week, with no day of it named. */
    asksAnotherWeek: ({ event }) => entitiesOf(event).daysAfter !== undefined,
    /** "Es control, no primera vez" while booking, another patient, specialty or site: the search starts over. */
    revisesEarlierAnswer: revisesSearch,
    /** "No, ¿y el viernes?", "¿y el lunes 30?" at an offer: a day asked, other than the one searched, neither ruled out nor with a yes. */
    asksAnotherDay: ({ context, event }) => {
      const said = entitiesOf(event);
      return said.day !== undefined && said.yesNo !== 'yes' && said.day !== context.search.day && !said.ruledOutDays?.includes(said.day);
    },
    asksOtherSiteWhileMoving,
    dayAsked: ({ context }) => context.search.day !== undefined,
    startsWithDays: ({ context }) => context.reason === 'otherDay',
    /** The other band, unless any band was searched, it was tried, or the member ruled it out ("en la tarde no puedo"). */
    canOfferOtherBand: ({ context }) => context.search.band !== 'cualquiera' && !context.triedOtherBand && otherBand(context.search.band) !== context.search.ruledOutBand,
    canOfferOtherDoctor: ({ context }) => context.search.doctorId !== undefined && !context.triedOtherDoctor,
    hasSlotsShown: ({ context }) => context.slots.length > 0,
    hasEmail: ({ context }) => context.email !== undefined,
    gaveEmail: ({ event }) => entitiesOf(event).email !== undefined,
    /** An address whose provider looks mistyped ("@hotmial.com"): asked about before anything is sent there. */
    gaveMistypedEmail: ({ event }) => entitiesOf(event).email !== undefined && entitiesOf(event).emailMeant !== undefined,
    /** "Sí, a pedro@gmail.com" or just the address, at "¿Radico el caso?": a yes, with where to send the answer. */
    acceptsWithEmail: ({ event }) => entitiesOf(event).email !== undefined && answerOf(event) !== 'no',
    /** "pedro arroba gmail" at "¿Radico el caso?": a yes, with an address to finish. */
    acceptsWithIncompleteEmail: ({ event }) => entitiesOf(event).emailIncomplete === true && answerOf(event) !== 'no',
    hasNoEmail: ({ event }) => entitiesOf(event).noEmail === true,
    emailMissedTwice: ({ context }) => context.emailMisses >= 1,
    caseAlreadyOpen: ({ event }) => 'error' in event && errorCode(event.error) === 'CONFLICT',
  },
  actions: {
    ...childSpeech<SlotFinderContext, DialogEvent | RepeatEvent>(),
    /** A new search: no slots shown yet; a band the message rules out ("en la tarde no puedo") is kept for the ladder. */
    // (A day searched that the message rules out, "el martes no puedo" at Tuesday's slots, is searched no more.)
    startNewSearch: assign(({ context, event }) => {
      const { ruledOutBand: _kept, ruledOutDays: _days, ...search } = context.search;
      const ruledOut = ruledOutIn(entitiesOf(event), context.search);
      return { slots: [], seen: [], search: { ...search, ...dayLeftIfRuledOut(search.day, ruledOut.ruledOutDays), ...ruledOut } };
    }),
    /** The days the message rules out, kept for every search and list of days (a day searched among them, searched no more). */
    keepRuledOutDays: assign({
      search: ({ context, event }) => {
        const days = ruledOutDaysIn(entitiesOf(event), context.search.ruledOutDays);
        return { ...context.search, ...dayLeftIfRuledOut(context.search.day, days), ...(days ? { ruledOutDays: days } : {}) };
      },
    }),
    /** The band the message names, searched (the other band counts as tried). */
    /** A day asked at an offer (see `dayAsked` in the ladder): searched, in the band said, else the one searched after a no, else any. */
    searchDayAsked: assign(({ context, event }) => dayAskedSearch(context, event)),
    /** The same, the no declining the other band offered. */
    searchDayAskedNotOtherBand: assign(({ context, event }) => dayAskedSearch(context, event, 'triedOtherBand')),
    /** The same, the no declining another doctor offered. */
    searchDayAskedNotOtherDoctor: assign(({ context, event }) => dayAskedSearch(context, event, 'triedOtherDoctor')),
    searchNamedBand: assign({ search: ({ context, event }) => ({ ...context.search, band: entitiesOf(event).band ?? context.search.band }), triedOtherBand: true }),
    /** After the last days that have slots: no more of them in the window (`slots.noMoreDays`). */
    /** The days asked for are listed afresh: from the week asked ("la otra semana"), else from the first. */
    listDaysAsked: assign(({ event }) => ({ days: [], daysAfter: entitiesOf(event).daysAfter })),
    sayNoMoreDays: enqueueActions(({ context, enqueue }) => enqueue({ type: 'say', params: reply('slots.noMoreDays', describeSearch(context)) })),
    /** "¿Y en enero?": the days that have slots, said first when the month is beyond the agenda. */
    listMonth: assign(({ context, event }) => ({
      emptyDay: { day: `${entitiesOf(event).month ?? ''}-01`, month: true as const, ...describeSearch(context) },
      days: [],
      daysAfter: undefined,
    })),
    /** The day asked had no slots: said (a Saturday, a Sunday or a holiday said to be one), once. */
    sayEmptyDay: enqueueActions(({ context, enqueue }) => {
      const empty = context.emptyDay;
      if (empty && !empty.month) enqueue({ type: 'say', params: emptyDaySaid(empty) });
      enqueue.assign({ emptyDay: undefined });
    }),
    keepEmail: assign({ email: ({ event }) => entitiesOf(event).email, emailMeant: ({ event }) => entitiesOf(event).emailMeant }),
    countEmailMiss: assign({ emailMisses: ({ context }) => context.emailMisses + 1 }),
  },
});
