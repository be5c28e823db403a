import { and, assign, enqueueActions, fromPromise, not, setup, type EventObject } from 'xstate';
import { serviceOf, type Cups, type Franja, type Patient, type RissCase, type SiteCode, type Slot, type Specialty } from '../bot/domain.js';
import type { Band, Understanding } from '../bot/understanding/types.js';
import { bogotaParts } from './appointments.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { namesAnotherPatient, type PatientChoice } from './patients.js';
import { entitiesOf, intentOf, isMessage, messageGuards, messageIdOf } from './understood.js';
import { machineTypes } from './machine-types.js';

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
  /** The next page: slots from `start` on, leaving out those already shown. */
  after?: { start: string; ids: string[] };
}

/** The days of the window that have free slots for a search, from the day after `afterDay`. */
export interface AvailableDaysInput {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  window: SearchWindow;
  afterDay?: string;
}

export interface AvailableDay {
  day: string;
  slots: number;
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
  doctorId?: string;
  /** The member accepted any doctor of the site: the treating doctor is not searched again. */
  anyDoctor?: true;
  /** The day asked is a Saturday, a Sunday or a holiday: said so when it has no slots. */
  dayOff?: 'holiday' | 'weekend';
}

export interface SlotFinderInput extends Partial<SearchState> {
  conversationId: string;
  patient: Patient;
  /** Everyone the member may choose as the patient: naming another one revises the request. */
  patients: PatientChoice[];
  /** The account holder's email on file: where a RISS answer goes. */
  memberEmail?: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  band: Band;
  /** Set when the first search is limited to the patient's treating doctor (contract point 9). */
  treatingDoctor?: { id: string; name: string };
  window: SearchWindow;
  /** Why the list is shown again (a "no" at the confirmation, a slot someone took), or "otro día". */
  reason?: 'notConfirmed' | 'slotTaken' | 'otherDay';
  /** Booking a new appointment or moving one: what a "no" at the confirmation left as it was. */
  mode?: 'book' | 'move';
}

export type SlotFinderOutput =
  /** `chosenBy`: the id of the message that picked the slot, the seed of the intent's key. */
  | { outcome: 'slot'; slot: Slot; chosenBy: string; search: SearchState }
  | { outcome: 'case'; rissCase: RissCase }
  /** The member named a patient, specialty, visit type or site other than the one searched. */
  | { outcome: 'revise'; understood: Understanding; search: SearchState }
  | { outcome: 'back' | 'abandoned' | 'error' };

interface SlotFinderContext extends SlotFinderInput, SpeakingContext {
  search: SearchState;
  /** The slots of the page shown, and every slot shown in this search (for the next page). */
  slots: Slot[];
  seen: Slot[];
  days: AvailableDay[];
  /** Whether more days follow the ones listed. */
  moreDays: boolean;
  triedOtherBand: boolean;
  triedOtherDoctor: boolean;
  /** The member declined an offer of the ladder: a later absence of slots is not the whole truth. */
  declined: boolean;
  /** Bands searched with the current doctor scope and nothing found. */
  emptyBands: Band[];
  slot?: Slot;
  chosenBy?: string;
  email?: string;
  /** The member gave an e-mail that could not be read, twice: a way out is offered. */
  emailMisses: number;
  /** Fixed before anything is filed, so a retry or a crash never files twice. */
  caseKey: string;
  rissCase?: RissCase;
  revision?: Understanding;
  ending?: 'back' | 'abandoned' | 'error';
}

const otherBand = (band: Band): Band => (band === 'manana' ? 'tarde' : 'manana');
const franjaOf = (band: Band): Franja | undefined => (band === 'cualquiera' ? undefined : band);
/** The band the empty searches covered: both bands read as "any". */
const searchedBand = (bands: readonly Band[]): Band =>
  bands.includes('cualquiera') || (bands.includes('manana') && bands.includes('tarde')) ? 'cualquiera' : (bands[0] ?? 'cualquiera');

function searchParams(context: SlotFinderContext) {
  const franja = franjaOf(context.search.band);
  return {
    cups: context.cups,
    site: context.site,
    window: context.window,
    ...(franja ? { franja } : {}),
    ...(context.search.doctorId ? { doctorId: context.search.doctorId } : {}),
  };
}

/** What the pages and texts say about the search: the site, the band, the day, the doctor. */
function describeSearch(context: SlotFinderContext) {
  const doctor = context.search.doctorId ? context.treatingDoctor?.name : undefined;
  return {
    site: context.site,
    band: context.search.band,
    window: context.window,
    service: context.cups,
    ...(context.search.day ? { day: context.search.day } : {}),
    ...(doctor ? { doctor } : {}),
  };
}

/**
 * Finds a slot the member takes, or an honest way out. The member can page through the slots,
 * ask for a day ("el jueves"), ask which days have slots ("otro día"), change the band ("en la
 * tarde") or the time ("a las 3"). When a whole search finds nothing, the no-availability
 * ladder of contract point 9 runs: other band, other doctor, then a RISS case. Used by booking
 * and rescheduling (through the take-slot machine).
 */
/** The slots shown at the time the message names (on the day it names, if any). */
function slotsAtNamedTime(slots: readonly Slot[], event: EventObject): Slot[] {
  const said = entitiesOf(event);
  if (said.time === undefined) return [];
  return slots.filter((slot) => {
    const { day, time } = bogotaParts(slot.start);
    return time === said.time && (said.day === undefined || said.day === day);
  });
}

export const slotFinderMachine = setup({
  types: machineTypes<{ context: SlotFinderContext; events: DialogEvent | RepeatEvent; input: SlotFinderInput; output: SlotFinderOutput }>(),
  actors: {
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(async () => {
      throw new Error('searchSlots is provided by the engine');
    }),
    availableDays: fromPromise<AvailableDay[], AvailableDaysInput>(async () => {
      throw new Error('availableDays is provided by the engine');
    }),
    createCase: fromPromise<RissCase, CreateCaseInput>(async () => {
      throw new Error('createCase is provided by the engine');
    }),
  },
  guards: {
    ...messageGuards,
    foundSlots: ({ event }) => 'output' in event && Array.isArray(event.output) && event.output.length > 0,
    pickedShownSlot: ({ context, event }) => {
      const choice = isMessage(event) ? event.choice : undefined;
      return context.slots.some((slot) => slot.id === choice);
    },
    pickedShownDay: ({ context, event }) => {
      const choice = isMessage(event) ? event.choice : undefined;
      return context.days.some((day) => day.day === choice);
    },
    askedForDay: ({ event }) => entitiesOf(event).day !== undefined,
    /** A Sunday, a Saturday or a holiday: the sites are closed, nothing to search. */
    askedForDayOff: ({ event }) => entitiesOf(event).dayOff !== undefined,
    askedForBand: ({ context, event }) => {
      const band = entitiesOf(event).band;
      return band !== undefined && band !== context.search.band;
    },
    askedForTime: ({ event }) => entitiesOf(event).time !== undefined,
    /** "La de las 4" when two slots shown are at 4: which of them, not a new search ("¿después de las 4?" is one). */
    namedTimeOfSeveral: ({ context, event }) => intentOf(event) === 'none' && slotsAtNamedTime(context.slots, event).length > 1,
    /** "¿Hay más?"; "¿después de las 4?" is a search from that time instead. */
    wantsMoreTimes: ({ event }) => intentOf(event) === 'more_times' && entitiesOf(event).time === undefined,
    /** "Otro día"; "¿y el viernes?" names the day, and searches it instead. */
    asksEarlier: ({ event }) => entitiesOf(event).earlier === true && (intentOf(event) === 'more_times' || intentOf(event) === 'none'),
    /** A later page, or a search from a time on: earlier slots exist before these. */
    showsLaterSlots: ({ context }) => context.seen.length > context.slots.length || context.search.fromTime !== undefined,
    wantsOtherDay: ({ event }) => intentOf(event) === 'other_day' && entitiesOf(event).day === undefined,
    revisesEarlierAnswer: ({ context, event }) => {
      const said = entitiesOf(event);
      return (
        namesAnotherPatient(said.patients, context.patients, context.patient) ||
        intentOf(event) === 'change_patient' ||
        (said.specialty !== undefined && said.specialty !== context.specialty) ||
        (said.site !== undefined && said.site !== context.site) ||
        // "Es control, no primera vez" while booking: the search starts over with that visit type.
        (context.mode !== 'move' && said.visitType !== undefined && said.visitType !== serviceOf(context.cups).visitType)
      );
    },
    dayAsked: ({ context }) => context.search.day !== undefined,
    startsWithDays: ({ context }) => context.reason === 'otherDay',
    canOfferOtherBand: ({ context }) => context.search.band !== 'cualquiera' && !context.triedOtherBand,
    canOfferOtherDoctor: ({ context }) => context.search.doctorId !== undefined && !context.triedOtherDoctor,
    hasSlotsShown: ({ context }) => context.slots.length > 0,
    foundDays: ({ event }) => 'output' in event && Array.isArray(event.output) && event.output.length > 0,
    hasEmail: ({ context }) => context.email !== undefined,
    gaveEmail: ({ event }) => entitiesOf(event).email !== undefined,
    hasNoEmail: ({ event }) => entitiesOf(event).noEmail === true,
    emailMissedTwice: ({ context }) => context.emailMisses >= 1,
    caseAlreadyOpen: ({ event }) => 'error' in event && errorCode(event.error) === 'CONFLICT',
  },
  actions: {
    ...childSpeech<SlotFinderContext, DialogEvent | RepeatEvent>(),
    startNewSearch: assign({ slots: [], seen: [] }),
    sayDayOff: enqueueActions(({ event, enqueue }) => {
      const said = entitiesOf(event);
      enqueue({ type: 'say', params: reply('slots.dayOff', { day: said.day, context: said.dayOff }) });
    }),
  },
}).createMachine({
  id: 'slotFinder',
  context: ({ input }) => ({
    ...input,
    search: {
      band: input.band,
      ...(input.day ? { day: input.day } : {}),
      ...(input.day && input.dayOff ? { dayOff: input.dayOff } : {}),
      ...(input.fromTime ? { fromTime: input.fromTime } : {}),
      ...(input.doctorId !== undefined ? { doctorId: input.doctorId } : input.treatingDoctor && !input.anyDoctor ? { doctorId: input.treatingDoctor.id } : {}),
      ...(input.anyDoctor ? { anyDoctor: true as const } : {}),
    },
    ...(input.memberEmail ? { email: input.memberEmail } : {}),
    caseKey: `${input.conversationId}:case:${input.patient.id}:${input.specialty}`,
    slots: [],
    seen: [],
    days: [],
    moreDays: false,
    triedOtherBand: false,
    triedOtherDoctor: input.anyDoctor === true,
    declined: false,
    emptyBands: [],
    emailMisses: 0,
    invalidAnswers: 0,
  }),
  initial: 'starting',
  on: { REPEAT: { actions: 'repeatPrompt' } },
  states: {
    starting: {
      always: [{ guard: 'startsWithDays', target: 'listingDays', actions: assign({ reason: undefined }) }, { target: 'searching' }],
    },
    /** A new search: the first page of slots for the band, day, time and doctor asked. */
    searching: {
      invoke: {
        src: 'searchSlots',
        input: ({ context }) => ({
          ...searchParams(context),
          ...(context.search.day ? { day: context.search.day } : {}),
          ...(context.search.fromTime ? { fromTime: context.search.fromTime } : {}),
        }),
        onDone: [
          {
            guard: 'foundSlots',
            target: 'awaitingSlot',
            actions: assign(({ event }) => ({ slots: event.output.slice(0, SLOTS_PER_PAGE), seen: event.output.slice(0, SLOTS_PER_PAGE) })),
          },
          {
            guard: 'dayAsked',
            target: 'listingDays',
            actions: [
              {
                type: 'say',
                params: ({ context }) =>
                  context.search.dayOff ? reply('slots.dayOff', { day: context.search.day, context: context.search.dayOff }) : reply('slots.dayEmpty', describeSearch(context)),
              },
              assign(({ context }) => ({
                search: {
                  band: context.search.band,
                  ...(context.search.doctorId ? { doctorId: context.search.doctorId } : {}),
                  ...(context.search.anyDoctor ? { anyDoctor: true as const } : {}),
                },
                days: [],
              })),
            ],
          },
          {
            target: 'choosingNextStep',
            actions: assign({ emptyBands: ({ context }) => [...context.emptyBands, context.search.band] }),
          },
        ],
        onError: { target: 'failed' },
      },
    },
    /** The next page of the same search. */
    searchingMore: {
      invoke: {
        src: 'searchSlots',
        input: ({ context }) => {
          const last = context.seen.at(-1);
          return {
            ...searchParams(context),
            ...(context.search.day ? { day: context.search.day } : {}),
            ...(context.search.fromTime ? { fromTime: context.search.fromTime } : {}),
            ...(last ? { after: { start: last.start, ids: context.seen.filter((slot) => slot.start === last.start).map((slot) => slot.id) } } : {}),
          };
        },
        onDone: [
          {
            guard: 'foundSlots',
            target: 'awaitingSlot',
            actions: assign(({ context, event }) => ({ slots: event.output.slice(0, SLOTS_PER_PAGE), seen: [...context.seen, ...event.output.slice(0, SLOTS_PER_PAGE)] })),
          },
          // Nothing after these: the days that have slots are the next thing to offer.
          { target: 'listingDays', actions: [{ type: 'say', params: ({ context }) => reply('slots.noMoreTimes', describeSearch(context)) }, assign({ days: [] })] },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingSlot: {
      tags: ['awaitingInput'],
      entry: [
        enqueueActions(({ context, enqueue }) => {
          if (context.reason === 'notConfirmed') enqueue({ type: 'say', params: reply('slots.notConfirmed', { context: context.mode === 'move' ? 'move' : undefined }) });
          if (context.reason === 'slotTaken') enqueue({ type: 'say', params: reply('slots.slotTaken') });
          enqueue.assign({ reason: undefined });
        }),
        {
          type: 'prompt',
          params: ({ context }) =>
            ask(
              'slot',
              'slots.ask',
              // A later page is "the next times", not "the nearest".
              { ...describeSearch(context), count: context.slots.length, context: context.search.day ? 'day' : context.seen.length > context.slots.length ? 'more' : undefined },
              // Each line names its site: scripts written against the contract (point 8) read it there.
              context.slots.map((slot) => option(slot.id, 'options.slot', { start: slot.start, doctor: slot.doctor.name, site: slot.site })),
            ),
        },
      ],
      on: {
        BACK: { target: 'done', actions: assign({ ending: 'back' }) },
        USER_MESSAGE: [
          // "La dos, para Sofía": the patient is settled first, the slot after.
          { guard: 'revisesEarlierAnswer', target: 'done', actions: assign({ revision: ({ event }) => (isMessage(event) ? event.understood : undefined) }) },
          {
            guard: 'pickedShownSlot',
            target: 'chosen',
            actions: assign({
              slot: ({ context, event }) => context.slots.find((slot) => slot.id === (isMessage(event) ? event.choice : undefined)),
              chosenBy: ({ event }) => messageIdOf(event),
            }),
          },
          {
            guard: 'namedTimeOfSeveral',
            actions: [
              {
                type: 'say',
                params: ({ context, event }) => {
                  const [first, ...others] = slotsAtNamedTime(context.slots, event);
                  return reply('slots.whichAtTime', { start: first?.start, count: others.length + 1, first: first ? context.slots.indexOf(first) + 1 : 0 });
                },
              },
              'repeatPrompt',
            ],
          },
          { guard: 'askedForDayOff', target: 'listingDays', actions: ['sayDayOff', assign({ days: [] })] },
          { guard: 'wantsOtherDay', target: 'listingDays', actions: assign({ days: [] }) },
          {
            guard: 'askedForDay',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign({
                search: ({ context, event }) => {
                  const said = entitiesOf(event);
                  const band = said.band ?? context.search.band;
                  return {
                    band,
                    day: said.day,
                    ...(said.dayOff ? { dayOff: said.dayOff } : {}),
                    ...(said.time ? { fromTime: said.time } : {}),
                    ...(context.search.doctorId ? { doctorId: context.search.doctorId } : {}),
                    ...(context.search.anyDoctor ? { anyDoctor: true as const } : {}),
                  };
                },
              }),
            ],
          },
          // "¿Hay algo más temprano?": the first slots again, or the honest answer that these are the earliest (and, in the afternoon, how to ask for the morning).
          {
            guard: and(['asksEarlier', 'showsLaterSlots']),
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context }) => ({ ...context.search, fromTime: undefined }) })],
          },
          {
            guard: 'asksEarlier',
            actions: [{ type: 'say', params: ({ context }) => reply('slots.noneEarlier', { ...describeSearch(context), context: context.search.band === 'tarde' ? 'tarde' : undefined }) }, 'repeatPrompt'],
          },
          { guard: 'wantsMoreTimes', target: 'searchingMore' },
          {
            guard: 'askedForBand',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => ({ ...context.search, band: entitiesOf(event).band ?? context.search.band, fromTime: undefined }) })],
          },
          {
            guard: 'askedForTime',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => ({ ...context.search, fromTime: entitiesOf(event).time }) })],
          },
          // "Ninguna me sirve": the ways on, not a miss. "Sí" without a number: which one.
          { guard: 'saidNo', actions: [{ type: 'say', params: reply('slots.noneFits') }, 'repeatPrompt'] },
          { guard: 'saidYes', actions: [{ type: 'say', params: reply('slots.whichOne') }, 'repeatPrompt'] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** Which days of the window have slots for this search ("otro día"). */
    listingDays: {
      invoke: {
        src: 'availableDays',
        input: ({ context }) => {
          const afterDay = context.days.at(-1)?.day;
          return { ...searchParams(context), ...(afterDay ? { afterDay } : {}) };
        },
        onDone: [
          {
            guard: 'foundDays',
            target: 'awaitingDay',
            actions: assign(({ event }) => ({ days: event.output.slice(0, DAYS_PER_PAGE), moreDays: event.output.length > DAYS_PER_PAGE })),
          },
          { guard: 'hasSlotsShown', target: 'awaitingSlot', actions: { type: 'say', params: ({ context }) => reply('slots.noOtherDays', describeSearch(context)) } },
          { target: 'choosingNextStep', actions: assign({ emptyBands: ({ context }) => [...context.emptyBands, context.search.band] }) },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingDay: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask('day', 'slots.askDay', describeSearch(context), [
            ...context.days.map((day) => option(day.day, 'options.day', { day: day.day, count: day.slots })),
            ...(context.moreDays ? [option('more', 'options.moreDays')] : []),
          ]),
      },
      on: {
        BACK: [{ guard: 'hasSlotsShown', target: 'awaitingSlot' }, { target: 'done', actions: assign({ ending: 'back' }) }],
        USER_MESSAGE: [
          {
            guard: 'pickedShownDay',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => ({ ...context.search, day: isMessage(event) ? event.choice : undefined, dayOff: undefined, fromTime: undefined }) })],
          },
          { guard: { type: 'picked', params: 'more' }, target: 'listingDays' },
          { guard: 'askedForDayOff', actions: ['sayDayOff', 'repeatPrompt'] },
          { guard: and(['wantsOtherDay', not('askedForDay')]), target: 'listingDays' },
          { guard: and(['wantsMoreTimes', 'hasSlotsShown']), target: 'awaitingSlot' },
          {
            guard: 'askedForDay',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign({ search: ({ context, event }) => ({ ...context.search, day: entitiesOf(event).day, dayOff: entitiesOf(event).dayOff, band: entitiesOf(event).band ?? context.search.band }) }),
            ],
          },
          { guard: 'revisesEarlierAnswer', target: 'done', actions: assign({ revision: ({ event }) => (isMessage(event) ? event.understood : undefined) }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** A whole search found nothing: the next rung of the ladder that applies. */
    choosingNextStep: {
      // The first empty search is the one the no-availability rate counts.
      entry: enqueueActions(({ context, enqueue }) => {
        if (!context.triedOtherBand && !context.triedOtherDoctor) {
          enqueue({ type: 'note', params: { type: 'milestone', milestone: 'no-availability' } });
        }
      }),
      always: [
        { guard: 'canOfferOtherBand', target: 'offeringOtherBand' },
        { guard: 'canOfferOtherDoctor', target: 'offeringOtherDoctor' },
        { target: 'offeringCase' },
      ],
    },
    offeringOtherBand: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask(
            'offer',
            'slots.offerOtherBand',
            { ...describeSearch(context), other: otherBand(context.search.band), context: context.search.doctorId ? 'doctor' : undefined },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'saidYes',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context }) => ({ ...context.search, band: otherBand(context.search.band) }), triedOtherBand: true })],
          },
          { guard: 'saidNo', target: 'choosingNextStep', actions: assign({ triedOtherBand: true, declined: true }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    offeringOtherDoctor: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask(
            'offer',
            'slots.offerOtherDoctor',
            // After a declined band the empty search is not news: "Entendido. ¿Busco con otro profesional…?"
            { ...describeSearch(context), doctor: context.treatingDoctor?.name, band: searchedBand(context.emptyBands), context: context.declined ? 'declined' : undefined },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'saidYes',
            target: 'searching',
            // Any doctor of the site, in any band.
            actions: ['startNewSearch', assign({ search: { band: 'cualquiera', anyDoctor: true }, triedOtherDoctor: true, emptyBands: [] })],
          },
          { guard: 'saidNo', target: 'choosingNextStep', actions: assign({ triedOtherDoctor: true, declined: true }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    offeringCase: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask(
            'offer',
            'riss.offer',
            { ...describeSearch(context), context: context.declined ? 'declined' : context.window === 'todayAndNextWorkingDay' ? 'urgent' : undefined },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          { guard: 'saidYes', target: 'collectingEmail' },
          { guard: 'saidNo', target: 'done', actions: [{ type: 'say', params: reply('riss.declined') }, assign({ ending: 'abandoned' })] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    collectingEmail: {
      always: [{ guard: 'hasEmail', target: 'filingCase' }, { target: 'awaitingEmail' }],
    },
    awaitingEmail: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ask('email', 'riss.askEmail') },
      on: {
        USER_MESSAGE: [
          { guard: 'gaveEmail', target: 'filingCase', actions: assign({ email: ({ event }) => entitiesOf(event).email }) },
          // "No tengo correo", or a plain "no": the way out, never the question again.
          { guard: 'hasNoEmail', target: 'offeringRelativeEmail' },
          { guard: 'saidNo', target: 'offeringRelativeEmail' },
          { guard: 'emailMissedTwice', target: 'offeringRelativeEmail', actions: { type: 'say', params: reply('riss.invalidEmail') } },
          { actions: [assign({ emailMisses: ({ context }) => context.emailMisses + 1 }), { type: 'say', params: reply('riss.invalidEmail') }, 'repeatPrompt'] },
        ],
      },
    },
    /** No e-mail of their own: the answer only travels by e-mail, so a relative's will do. */
    offeringRelativeEmail: {
      tags: ['awaitingInput'],
      entry: [assign({ emailMisses: 0 }), { type: 'prompt', params: ask('confirm', 'riss.offerRelativeEmail', undefined, YES_NO) }],
      on: {
        USER_MESSAGE: [
          { guard: 'gaveEmail', target: 'filingCase', actions: assign({ email: ({ event }) => entitiesOf(event).email }) },
          { guard: 'saidYes', target: 'awaitingRelativeEmail' },
          { guard: 'saidNo', target: 'done', actions: [{ type: 'say', params: reply('riss.noEmailWayOut') }, assign({ ending: 'abandoned' })] },
          { guard: 'hasNoEmail', target: 'done', actions: [{ type: 'say', params: reply('riss.noEmailWayOut') }, assign({ ending: 'abandoned' })] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingRelativeEmail: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ask('email', 'riss.askRelativeEmail') },
      on: {
        USER_MESSAGE: [
          { guard: 'gaveEmail', target: 'filingCase', actions: assign({ email: ({ event }) => entitiesOf(event).email }) },
          { guard: 'hasNoEmail', target: 'done', actions: [{ type: 'say', params: reply('riss.noEmailWayOut') }, assign({ ending: 'abandoned' })] },
          { guard: 'saidNo', target: 'done', actions: [{ type: 'say', params: reply('riss.noEmailWayOut') }, assign({ ending: 'abandoned' })] },
          { guard: 'emailMissedTwice', target: 'done', actions: [{ type: 'say', params: reply('riss.invalidEmail') }, { type: 'say', params: reply('riss.noEmailWayOut') }, assign({ ending: 'abandoned' })] },
          { actions: [assign({ emailMisses: ({ context }) => context.emailMisses + 1 }), { type: 'say', params: reply('riss.invalidEmail') }, 'repeatPrompt'] },
        ],
      },
    },
    filingCase: {
      invoke: {
        src: 'createCase',
        input: ({ context }) => ({
          patientId: context.patient.id,
          specialty: context.specialty,
          cups: context.cups,
          site: context.site,
          email: context.email ?? '',
          idempotencyKey: context.caseKey,
        }),
        onDone: {
          target: 'caseFiled',
          actions: [
            assign({ rissCase: ({ event }) => event.output }),
            { type: 'note', params: ({ event }) => ({ type: 'subject', kind: 'radicado', value: event.output.radicado }) },
            {
              type: 'say',
              params: ({ event }) => reply('riss.filed', { radicado: event.output.radicado, dueDate: event.output.dueDate, email: event.output.email }),
            },
          ],
        },
        onError: [
          { guard: 'caseAlreadyOpen', target: 'done', actions: [{ type: 'say', params: reply('riss.alreadyOpen') }, assign({ ending: 'abandoned' })] },
          { target: 'failed' },
        ],
      },
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ ending: 'error' })],
      always: 'done',
    },
    chosen: { type: 'final' },
    caseFiled: { type: 'final' },
    done: { type: 'final' },
  },
  output: ({ context }): SlotFinderOutput => {
    if (context.slot) return { outcome: 'slot', slot: context.slot, chosenBy: context.chosenBy ?? '', search: context.search };
    if (context.rissCase) return { outcome: 'case', rissCase: context.rissCase };
    if (context.revision) return { outcome: 'revise', understood: context.revision, search: context.search };
    return { outcome: context.ending ?? 'abandoned' };
  },
});
