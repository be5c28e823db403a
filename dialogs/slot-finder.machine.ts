/**
 * The slot finder machine: a search and its pages, the days that have slots, a slot picked,
 * and what it ends with. Its types, guards and actions are in slot-finder.setup.ts; the ladder
 * it climbs when a search finds nothing, in slot-finder-ladder.states.ts.
 */
import { and, assign, enqueueActions, not, or, type EventObject } from 'xstate';
import type { RissCase, SiteCode, Slot } from '../bot/domain.js';
import { bogotaParts } from './appointments.js';
import { endings, isDoneBy } from './endings.js';
import { SAY_ASK_THAT_TIME, bookedReferred, refersToAnothersTime, relativeToReply } from './operation.js';
import { ask, option, reply } from './replies.js';
import { ladderStates } from './slot-finder-ladder.states.js';
import {
  SAY_DAY_OFF,
  SAY_OUTSIDE_HOURS,
  describeSearch,
  searchParams,
  slotFinderSetup,
  slotsAtNamedTime,
  type SlotFinderContext,
  type SlotFinderOutput,
} from './slot-finder.setup.js';
import {
  DAYS_PER_PAGE,
  SITE_KEPT,
  SLOTS_PER_PAGE,
  doctorScope,
  ruledOutIn,
  searchAtTime,
  searchSaid,
  treatingDoctorNamed,
  withAnyDoctorBut,
  type SearchState,
} from './slot-search.js';
import { choiceOf, entitiesOf, intentOf, isMessage, messageIdOf } from './understood.js';

/** The item at a position of a list (1 the first; from its end when negative: -1 the last, -2 the one before). */
function atPosition<T>(items: readonly T[], position: number): T | undefined {
  return position > 0 ? items[position - 1] : items[items.length + position];
}

export type { SlotFinderInput, SlotFinderOutput } from './slot-finder.setup.js';

const { endWith, failed, output } = endings<SlotFinderContext, SlotFinderOutput>({ slot: true, case: true, revise: true, back: true, abandoned: true, error: true });

/** A later page shown, to show it again after a "no": its first slot, and those at that minute shown before it. */
function laterPageOf(context: SlotFinderContext): SearchState['page'] {
  const [first] = context.slots;
  const before = context.seen.slice(0, context.seen.length - context.slots.length);
  if (!first || (before.length === 0 && !context.laterPage)) return undefined;
  return { start: first.start, ids: before.filter((slot) => slot.start === first.start).map((slot) => slot.id), later: true };
}
const caseFiled = isDoneBy<RissCase>('createCase');

/** The slots shown with the doctor the message names, earliest first. */
function slotsOfDoctorNamed(context: SlotFinderContext, event: EventObject) {
  const doctor = entitiesOf(event).doctor;
  return doctor ? context.slots.filter((slot) => slot.doctor.name === doctor).sort((a, b) => a.start.localeCompare(b.start)) : [];
}

/** The doctor "con otro médico, no con ese" leaves out: the one the message names among the slots shown, else the one of them all. */
function doctorNotWanted(context: SlotFinderContext, event: EventObject): string | undefined {
  const named = entitiesOf(event).doctor;
  const ofNamed = named ? context.slots.find((slot) => slot.doctor.name === named) : undefined;
  if (ofNamed) return ofNamed.doctor.id;
  const doctors = new Set(context.slots.map((slot) => slot.doctor.id));
  // (Several shown and none named: the one searched for, else the one of the first slot, the one "ese" points at.)
  return doctors.size === 1 ? [...doctors][0] : (context.search.doctorId ?? context.slots[0]?.doctor.id);
}

/**
 * Slots as numbered options: day, time and doctor, never the site. Every list is of the one site
 * searched (a booking's site is chosen before the search, a move keeps its cita's), so the
 * question that introduces it names that site once (`site` of `slots.ask` and
 * `slots.whichOfDoctor`), and it is the site of every line: the message as a whole still says
 * where each slot is (docs/conversation.md, point 9).
 */
function slotOptions(slots: readonly Slot[]) {
  return slots.map((slot) => option(slot.id, 'options.slot', { start: slot.start, doctor: slot.doctor.name }));
}

/** With any doctor ("con el que sea"), the first of the slots at the hour named now, or at the one just asked about. */
function whoeverAtTime(context: SlotFinderContext, event: EventObject): string | undefined {
  if (entitiesOf(event).anyDoctor !== true || (choiceOf(event) !== undefined && entitiesOf(event).time === undefined)) return undefined;
  const named = slotsAtNamedTime(context.slots, event);
  if (named.length > 0) return named[0]?.id;
  if (entitiesOf(event).time !== undefined || !context.atNamedTime) return undefined;
  return context.slots.find((slot) => context.atNamedTime?.includes(slot.id))?.id;
}

/** The one slot, among those at the time just asked about, with the doctor the message names. */
function doctorsSlotAtNamedTime(context: SlotFinderContext, event: EventObject): string | undefined {
  const doctor = entitiesOf(event).doctor;
  if (!doctor || !context.atNamedTime) return undefined;
  const matching = context.slots.filter((slot) => context.atNamedTime?.includes(slot.id) && slot.doctor.name === doctor);
  return matching.length === 1 ? matching[0]?.id : undefined;
}
/**
 * The doctor asked for at the slots, none of whose slots is shown ("¿y no hay con la dra Marta
 * Salazar?", "¿no hay con mi médica?"), among the patient's treating doctors of the specialty:
 * one at the site searched (`here`), one at another site (`elsewhere`), or none Lina can look up
 * (`unknown`: she has no list of the sites' doctors, only the treating ones).
 */
type DoctorAsked = { kind: 'here'; doctor: { id: string; name: string } } | { kind: 'elsewhere'; doctor: string; site: SiteCode } | { kind: 'unknown'; treating?: string };

function doctorAsked(context: SlotFinderContext, event: EventObject): DoctorAsked | undefined {
  const said = entitiesOf(event);
  // ("Ninguna me sirve, radíqueme un caso pa que me den cita con el doctor Rojas": the case asked, the doctor its reason.)
  if ((!said.doctorName && !said.ownDoctor) || choiceOf(event) !== undefined || said.fileCase === true) return undefined;
  const named = treatingDoctorNamed(context.patient.treatingDoctors, context.specialty, context.site, said);
  if (named?.kind === 'here') return { kind: 'here', doctor: { id: named.doctor.doctorId, name: named.doctor.doctorName } };
  if (named?.kind === 'elsewhere') return { kind: 'elsewhere', doctor: named.doctor.doctorName, site: named.doctor.site };
  return named;
}

/** "Seguidita después de la de Mateo", "a la misma hora que la de Mateo", "el mismo día que la de la niña": a cita booked here. */
function bookedTimeReferred(context: SlotFinderContext, event: EventObject): ReturnType<typeof bookedReferred> {
  return choiceOf(event) === undefined ? bookedReferred(context, entitiesOf(event)) : undefined;
}

export {
  DAYS_PER_PAGE,
  SLOTS_PER_PAGE,
  type AvailableDay,
  type AvailableDaysInput,
  type CreateCaseInput,
  type SearchSlotsInput,
  type SearchState,
  type SearchWindow,
} from './slot-search.js';

/**
 * Finds a slot the member takes, or an honest way out. The member can page through the slots,
 * ask for a day ("el jueves"), ask which days have slots ("otro día"), change the band ("en la
 * tarde") or the time ("a las 3"). When a whole search finds nothing, the no-availability
 * ladder of contract point 9 runs (slot-finder-ladder.states.ts): other band, other doctor, then
 * a RISS case. Used by booking and rescheduling (through the take-slot machine).
 */
export const slotFinderMachine = slotFinderSetup.createMachine({
  id: 'slotFinder',
  context: ({ input }) => ({
    ...input,
    search: {
      band: input.band,
      ...(input.day ? { day: input.day } : {}),
      ...(input.day && input.dayOff ? { dayOff: input.dayOff } : {}),
      ...(input.fromTime ? { fromTime: input.fromTime, ...(input.afterTime ? { afterTime: true as const } : {}) } : {}),
      ...(input.toTime ? { toTime: input.toTime } : {}),
      ...(input.doctorId !== undefined ? { doctorId: input.doctorId } : input.treatingDoctor && !input.anyDoctor ? { doctorId: input.treatingDoctor.id } : {}),
      ...(input.anyDoctor ? { anyDoctor: true as const } : {}),
      ...(input.notDoctorId ? { notDoctorId: input.notDoctorId } : {}),
      ...(input.latest ? { latest: true as const } : {}),
      ...(input.page ? { page: input.page } : {}),
      ...(input.ruledOutBand ? { ruledOutBand: input.ruledOutBand } : {}),
      ...(input.ruledOutDays?.length ? { ruledOutDays: input.ruledOutDays } : {}),
    },
    ...(input.memberEmail ? { email: input.memberEmail } : {}),
    ...(input.askAt ? { askedTime: input.askAt.time, askedTimeBy: input.askAt.messageId, ...(input.askAt.doctor ? { askedDoctor: input.askAt.doctor } : {}) } : {}),
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
          ...slotsSearched(context),
          // After a "no" at the confirmation: the page the member chose from, again.
          ...(context.search.page ? { after: { start: context.search.page.start, ids: context.search.page.ids } } : {}),
        }),
        onDone: [
          // "Ay no, mejor la tres" at the confirmation: the page again, and that slot of it taken to its own confirmation.
          {
            guard: ({ context, event }) => context.pickAt !== undefined && atPosition(event.output.slice(0, SLOTS_PER_PAGE), context.pickAt.position) !== undefined,
            target: 'chosen',
            actions: assign(({ context, event }) => {
              const { page, ...search } = context.search;
              const slots = event.output.slice(0, SLOTS_PER_PAGE);
              return {
                slots,
                seen: slots,
                search,
                laterPage: page?.later === true,
                picked: atPosition(slots, context.pickAt?.position ?? 1)?.id,
                reason: undefined,
                shownSearch: undefined,
              };
            }),
          },
          // "La de las 10:40" when it was not shown: searched, and when exactly one slot is at that time, it is the one taken to
          // its confirmation (several at that time, or none: the list, said).
          {
            guard: ({ context, event }) => {
              const [only, ...others] = context.askedTimeBy !== undefined ? slotsAtAskedTime(context, event.output) : [];
              const days = context.askedTimeDays;
              return only !== undefined && others.length === 0 && (days === undefined || (days.length === 1 && days[0] === bogotaParts(only.start).day));
            },
            target: 'chosen',
            actions: assign(({ context, event }) => {
              const slots = event.output.slice(0, SLOTS_PER_PAGE);
              return { slots, seen: slots, picked: slotsAtAskedTime(context, event.output)[0]?.id, askedTime: undefined, reason: undefined };
            }),
          },
          {
            guard: ({ event }) => event.output.length > 0,
            target: 'awaitingSlot',
            actions: assign(({ context, event }) => {
              const { page, ...search } = context.search;
              return {
                slots: event.output.slice(0, SLOTS_PER_PAGE),
                seen: event.output.slice(0, SLOTS_PER_PAGE),
                search,
                laterPage: page?.later === true,
                pickAt: undefined,
                shownSearch: undefined,
              };
            }),
          },
          // The day asked has no slots: said with the days that have (a day beyond the agenda's window, said so, in listingDays).
          {
            guard: 'dayAsked',
            target: 'listingDays',
            actions: assign(({ context }) => ({
              emptyDay: { day: context.search.day ?? '', ...(context.search.dayOff ? { dayOff: context.search.dayOff } : {}), ...describeSearch(context) },
              ...(context.search.doctorId && !context.search.dayOff ? { dayWithoutTheDoctor: context.search.day } : {}),
              search: { band: context.search.band, ...doctorScope(context.search), ...ruledOutIn({}, context.search) },
              days: [],
            })),
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
            ...slotsSearched(context),
            ...(last ? { after: { start: last.start, ids: context.seen.filter((slot) => slot.start === last.start).map((slot) => slot.id) } } : {}),
          };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.length > 0,
            target: 'awaitingSlot',
            actions: assign(({ context, event }) => ({ slots: event.output.slice(0, SLOTS_PER_PAGE), seen: [...context.seen, ...event.output.slice(0, SLOTS_PER_PAGE)] })),
          },
          // Nothing after these: the days that have slots are the next thing to offer.
          {
            target: 'listingDays',
            actions: [{ type: 'say', params: ({ context }) => reply('slots.noMoreTimes', describeSearch(context)) }, assign({ days: [], daysAfter: undefined })],
          },
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
          // "La de las 12:20" when no slot is at 12:20: said, before the nearest ones.
          const asked = context.askedTime;
          const days = context.askedTimeDays;
          if (asked && !context.slots.some((slot) => bogotaParts(slot.start).time === asked)) enqueue({ type: 'say', params: reply('slots.noneAtTime', { time: asked }) });
          // ("La de las 3 y 20" at Monday's slots, found on Tuesday only: not on the days shown, said, and the list with it.)
          else if (asked && days && !context.slots.some((slot) => bogotaParts(slot.start).time === asked && days.includes(bogotaParts(slot.start).day)))
            enqueue({ type: 'say', params: reply('slots.noneAtTimeThoseDays', { time: asked, count: days.length }) });
          enqueue.assign({ reason: undefined, askedTime: undefined, askedTimeBy: undefined, askedDoctor: undefined, askedTimeDays: undefined });
          // "…el martes a las 3 de la tarde" with the request: when the first page opens at that hour, it is offered by name (one
          // slot: «sí» takes it) or, with several doctors then, which one is asked.
          const atTime = openingAtAskedTime(context);
          const [only, ...others] = atTime;
          if (only && others.length === 0) enqueue({ type: 'say', params: reply('slots.atAskedTime', { start: only.start, doctor: only.doctor.name }) });
          else if (only) {
            enqueue.assign({ atNamedTime: atTime.map((slot) => slot.id) });
            enqueue({ type: 'say', params: reply('slots.whichAtTime', { start: only.start, count: atTime.length, first: 1 }) });
          }
        }),
        {
          type: 'prompt',
          params: ({ context }) => {
            const prompt = ask(
              'slot',
              'slots.ask',
              // A later page is "the next times", not "the nearest".
              { ...describeSearch(context), count: context.slots.length, context: slotsAskContext(context) },
              slotOptions(context.slots),
            );
            // ("El miércoles a las tres", then "listo, esa": the one slot at the hour asked for is the one spoken of.)
            // (Only when the list opens with it: the hour asked for, found.)
            const from = context.search.fromTime;
            const atTime = from === undefined ? [] : context.slots.filter((slot) => bogotaParts(slot.start).time === from);
            const first = context.slots[0];
            return atTime.length === 1 && first && atTime[0] === first ? { ...prompt, pointed: first.id } : prompt;
          },
        },
      ],
      on: {
        BACK: { target: 'back' },
        USER_MESSAGE: [
          // "La dos, para Sofía": the patient is settled first, the slot after.
          { guard: 'revisesEarlierAnswer', target: 'revised' },
          SITE_KEPT,
          // "En Suba" where Suba's slots are shown, with nothing else: said, and the same slots (never "No te entendí").
          {
            guard: ({ context, event }) => {
              const said = entitiesOf(event);
              return (
                said.site === context.site &&
                choiceOf(event) === undefined &&
                said.day === undefined &&
                said.time === undefined &&
                said.band === undefined &&
                !said.patients?.length &&
                intentOf(event) === 'none'
              );
            },
            actions: [{ type: 'say', params: ({ context }) => reply('slots.siteAlready', { site: context.site }) }, 'repeatPrompt'],
          },
          // "¿Cuál prefieres?" after "la de las 10", then "con la doctora": hers at 10, not her earliest.
          {
            guard: ({ context, event }) => doctorsSlotAtNamedTime(context, event) !== undefined,
            target: 'chosen',
            actions: assign({ picked: ({ context, event }) => doctorsSlotAtNamedTime(context, event) }),
          },
          { guard: 'pickedShownSlot', target: 'chosen' },
          // "Mejor con otro médico, no con ese": the same search with any doctor but the one named, or the one of every slot shown.
          {
            guard: ({ event }) => entitiesOf(event).otherDoctor === true,
            target: 'searching',
            // (The doctor left out is read from the slots shown, before the new search clears them.)
            actions: [
              assign(({ context, event }) => ({ search: withAnyDoctorBut(context.search, doctorNotWanted(context, event)), triedOtherDoctor: true, emptyBands: [] })),
              'startNewSearch',
            ],
          },
          // "La del doctor Camilo" with two of his slots shown: which one, never a guess, among his slots only.
          // (With an hour none of them is at, "la de las 9 con la doctora": that hour is searched first, below.)
          {
            guard: ({ context, event }) => choiceOf(event) === undefined && slotsOfDoctorNamed(context, event).length > 1 && !hourNotShown(context, event),
            actions: {
              type: 'prompt',
              params: ({ context, event }) => {
                const mine = slotsOfDoctorNamed(context, event);
                return ask('slot', 'slots.whichOfDoctor', { doctor: mine[0]?.doctor.name, count: mine.length, site: context.site }, slotOptions(mine));
              },
            },
          },
          // "¿Y no hay con la dra Marta Salazar? Ella es mi médica": the treating doctor's slots, in the same band and day (when none, the ladder says so).
          {
            guard: ({ context, event }) => doctorAsked(context, event)?.kind === 'here',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign(({ context, event }) => {
                const asked = doctorAsked(context, event);
                const doctor = asked?.kind === 'here' ? asked.doctor : undefined;
                const { fromTime: _from, toTime: _to, anyDoctor: _any, page: _page, ...search } = context.search;
                return { treatingDoctor: doctor, search: { ...search, ...(doctor ? { doctorId: doctor.id } : {}) }, triedOtherDoctor: false, emptyBands: [] };
              }),
            ],
          },
          // Where that doctor works, or that Lina cannot look a doctor up by name; the same slots.
          {
            guard: ({ context, event }) => doctorAsked(context, event) !== undefined,
            actions: [
              {
                type: 'say',
                params: ({ context, event }) => {
                  const asked = doctorAsked(context, event);
                  if (asked?.kind === 'elsewhere') return reply('slots.doctorElsewhere', { doctor: asked.doctor, site: asked.site, here: context.site });
                  return reply('slots.doctorUnknown', {
                    site: context.site,
                    ...(asked?.kind === 'unknown' && asked.treating ? { doctor: asked.treating, context: 'treating' } : {}),
                  });
                },
              },
              'repeatPrompt',
            ],
          },
          // "La de las 3 con el que sea", or "con cualquiera" once asked which of those at one hour: the first of them.
          {
            guard: ({ context, event }) => whoeverAtTime(context, event) !== undefined,
            target: 'chosen',
            actions: assign({ picked: ({ context, event }) => whoeverAtTime(context, event) }),
          },
          {
            guard: 'namedTimeOfSeveral',
            actions: [
              assign({ atNamedTime: ({ context, event }) => slotsAtNamedTime(context.slots, event).map((slot) => slot.id) }),
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
          // "Otro día, el lunes no puedo": the days that have slots, without the ones ruled out.
          { guard: and(['rulesOutDays', 'wantsOtherDay']), target: 'listingDays', actions: ['keepRuledOutDays', 'listDaysAsked'] },
          // "No hoy ni mañana", "el martes no puedo" at the slots: searched again without those days (in the band said with them).
          {
            guard: 'rulesOutDays',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => ({ ...context.search, band: entitiesOf(event).band ?? context.search.band }) })],
          },
          { guard: 'askedForDayOff', target: 'listingDays', actions: [SAY_DAY_OFF, assign({ days: [], daysAfter: undefined })] },
          { guard: 'askedOutsideHours', actions: [SAY_OUTSIDE_HOURS, 'repeatPrompt'] },
          { guard: 'askedForMonth', target: 'listingDays', actions: 'listMonth' },
          // ("¿Hay la otra semana?": the days from that week on.)
          { guard: 'wantsOtherDay', target: 'listingDays', actions: 'listDaysAsked' },
          { guard: 'wantsMoreOfTheDayShown', target: 'searchingMore' },
          {
            guard: 'askedForDay',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => searchSaid(entitiesOf(event), context.search.band, context.search) })],
          },
          // "Lo más tarde posible": the latest times of the day first (in the band said, else the afternoon).
          {
            guard: 'asksLatest',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign({
                search: ({ context, event }) => ({ ...inBandSaid(context, event), latest: true as const }),
              }),
            ],
          },
          // "¿Algo más temprano?" after the latest times: the earliest first again.
          {
            guard: and(['asksEarlier', 'showsLatest']),
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context }) => ({ ...context.search, fromTime: undefined, toTime: undefined, latest: undefined }) })],
          },
          // "¿Hay algo más temprano?": the first slots again, or the honest answer that these are the earliest (and, in the afternoon, how to ask for the morning).
          {
            guard: and(['asksEarlier', 'showsLaterSlots']),
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context }) => ({ ...context.search, fromTime: undefined, toTime: undefined }) })],
          },
          {
            guard: 'asksEarlier',
            actions: [
              { type: 'say', params: ({ context }) => reply('slots.noneEarlier', { ...describeSearch(context), context: context.search.band === 'tarde' ? 'tarde' : undefined }) },
              'repeatPrompt',
            ],
          },
          // "Seguidita después de la de Mateo", booked just now: that day, from the end of his cita (or its start, for "a la misma
          // hora"; "el mismo día que la de la niña": that whole day).
          {
            guard: ({ context, event }) => bookedTimeReferred(context, event) !== undefined,
            target: 'searching',
            actions: [
              { type: 'say', params: ({ context, event }) => relativeToReply(bookedTimeReferred(context, event)) },
              'startNewSearch',
              assign({
                search: ({ context, event }) => {
                  const referred = bookedTimeReferred(context, event);
                  if (!referred) return context.search;
                  const search = { ...context.search, day: referred.day, dayOff: undefined, latest: undefined };
                  return referred.from ? searchAtTime(search, { time: referred.from, afterTime: true }) : { ...search, fromTime: undefined, toTime: undefined };
                },
              }),
            ],
          },
          // "A la misma hora que la de Mateo", whose cita Lina has not seen: no more times, but what time that is.
          { guard: refersToAnothersTime, actions: [SAY_ASK_THAT_TIME, 'repeatPrompt'] },
          { guard: 'wantsMoreTimes', target: 'searchingMore' },
          {
            guard: 'askedForBand',
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => inBandSaid(context, event) })],
          },
          // "Cualquier hora", "en la mañana" when the slots shown are already of that band: any of them, picked by its number.
          { guard: 'namesTheBandShown', actions: [{ type: 'say', params: ({ context }) => reply('slots.bandAlready', { context: context.search.band }) }, 'repeatPrompt'] },
          // "A las 7 de la noche": the sites' hours, and the same slots.
          { guard: 'askedOutsideHours', actions: [SAY_OUTSIDE_HOURS, 'repeatPrompt'] },
          // "Antes de las 8", "después de las 4", "la de las 10 y media": the slots at or near that time, said when none is at it.
          {
            guard: 'askedForTime',
            target: 'searching',
            actions: [
              // (The page seen, and its days when no day is said, before the new search forgets them.)
              assign(({ context, event }) => {
                const page = laterPageOf(context);
                const days = entitiesOf(event).day === undefined && context.slots.length > 0 ? [...new Set(context.slots.map((slot) => bogotaParts(slot.start).day))] : undefined;
                return { shownSearch: context.slots.length > 0 ? (page ? { ...context.search, page } : context.search) : undefined, askedTimeDays: days };
              }),
              'startNewSearch',
              assign(({ context, event }) => {
                const said = entitiesOf(event);
                return {
                  search: searchAtTime(context.search, said),
                  ...(said.time && !said.beforeTime && !said.afterTime
                    ? {
                        askedTime: said.time,
                        askedTimeBy: messageIdOf(event),
                        askedDoctor: said.doctor,
                      }
                    : {}),
                };
              }),
            ],
          },
          // "Ninguno me sirve, mejor radique el caso": none of the slots shown suits, and a case is asked for instead.
          { guard: ({ event }) => entitiesOf(event).fileCase === true && choiceOf(event) === undefined, target: 'collectingEmail' },
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
          const afterDay = context.days.at(-1)?.day ?? context.daysAfter;
          return { ...searchParams(context), ...(afterDay ? { afterDay } : {}), ...(context.emptyDay ? { askedDay: context.emptyDay.day } : {}) };
        },
        onDone: [
          // "Para dentro de tres semanas", "¿y en enero?": the agenda opens only so far ahead; the latest days that have slots.
          {
            guard: ({ event }) => event.output[0]?.beyondWindow === true,
            target: 'awaitingDay',
            actions: [
              // (A cita no programada is only for today or the next working day: that, not the 14 days, is why.)
              {
                type: 'say',
                params: ({ context }) =>
                  reply('slots.beyondWindow', {
                    ...context.emptyDay,
                    context: context.window === 'todayAndNextWorkingDay' ? 'urgent' : context.emptyDay?.month ? 'month' : undefined,
                  }),
              },
              assign(({ event }) => ({ days: event.output.slice(0, DAYS_PER_PAGE), moreDays: false, emptyDay: undefined })),
            ],
          },
          {
            guard: ({ event }) => event.output.length > 0,
            target: 'awaitingDay',
            actions: ['sayEmptyDay', assign(({ event }) => ({ days: event.output.slice(0, DAYS_PER_PAGE), moreDays: event.output.length > DAYS_PER_PAGE }))],
          },
          // Paging on from days shown, and no later day has slots any more: said so, and the days shown asked again.
          { guard: ({ context }) => context.days.length > 0, target: 'awaitingDay', actions: [assign({ moreDays: false }), 'sayNoMoreDays'] },
          {
            guard: 'hasSlotsShown',
            target: 'awaitingSlot',
            actions: ['sayEmptyDay', { type: 'say', params: ({ context }) => reply('slots.noOtherDays', describeSearch(context)) }],
          },
          // No other day has slots either: the next steps (another band, another doctor) search the day asked again
          // ("el jueves en la mañana" → "¿Busco en la tarde?" → "sí" is Thursday afternoon).
          {
            target: 'choosingNextStep',
            actions: [
              assign({
                search: ({ context }) =>
                  context.emptyDay?.day && !context.emptyDay.dayOff && !context.emptyDay.month ? { ...context.search, day: context.emptyDay.day } : context.search,
              }),
              'sayEmptyDay',
              assign({ emptyBands: ({ context }) => [...context.emptyBands, context.search.band] }),
            ],
          },
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
        BACK: [{ guard: 'hasSlotsShown', target: 'awaitingSlot' }, { target: 'back' }],
        USER_MESSAGE: [
          {
            guard: 'pickedShownDay',
            target: 'searching',
            // "El miércoles después del almuerzo": the day shown, in the band said with it; "el viernes a las 3", from that hour.
            actions: [
              'startNewSearch',
              assign({
                search: ({ context, event }) =>
                  searchAtTime(
                    {
                      ...context.search,
                      day: choiceOf(event),
                      dayOff: undefined,
                      fromTime: undefined,
                      toTime: undefined,
                      band: entitiesOf(event).band ?? context.search.band,
                    },
                    entitiesOf(event),
                  ),
              }),
            ],
          },
          { guard: { type: 'picked', params: 'more' }, target: 'listingDays' },
          // "El lunes no puedo" at the days listed: listed again without the days ruled out.
          { guard: 'rulesOutDays', target: 'listingDays', actions: ['keepRuledOutDays', 'listDaysAsked'] },
          { guard: 'askedForDayOff', actions: [SAY_DAY_OFF, 'repeatPrompt'] },
          { guard: 'askedOutsideHours', actions: [SAY_OUTSIDE_HOURS, 'repeatPrompt'] },
          { guard: 'askedForMonth', target: 'listingDays', actions: 'listMonth' },
          // "¿Hay algo después de las 4?", "a las 10": the nearest slots from that hour (or the first ones before it), any day.
          {
            guard: ({ event }) => entitiesOf(event).time !== undefined && entitiesOf(event).day === undefined,
            target: 'searching',
            actions: ['startNewSearch', assign({ search: ({ context, event }) => ({ ...searchAtTime(context.search, entitiesOf(event)), day: undefined, dayOff: undefined }) })],
          },
          // "Más días", "otros días", "¿y después?": the next days that have slots; after the last ones, said so
          // and the same days asked again (never the no-availability offers: these days have slots).
          // "¿No hay la otra semana?": the days from that week on, whatever was shown.
          { guard: and(['wantsOtherDay', 'asksAnotherWeek']), target: 'listingDays', actions: 'listDaysAsked' },
          { guard: and([or(['wantsOtherDay', 'wantsMoreTimes']), not('askedForDay'), ({ context }) => context.moreDays]), target: 'listingDays' },
          { guard: and([or(['wantsOtherDay', 'wantsMoreTimes']), not('askedForDay')]), actions: ['sayNoMoreDays', 'repeatPrompt'] },
          {
            guard: 'askedForDay',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign({
                search: ({ context, event }) => ({
                  ...context.search,
                  day: entitiesOf(event).day,
                  dayOff: entitiesOf(event).dayOff,
                  band: entitiesOf(event).band ?? context.search.band,
                }),
              }),
            ],
          },
          { guard: 'revisesEarlierAnswer', target: 'revised' },
          SITE_KEPT,
          // "Entonces en la tarde": the nearest slots of that band, on any day.
          {
            guard: 'saidBand',
            target: 'searching',
            actions: [
              'startNewSearch',
              assign({
                search: ({ context, event }) => ({
                  ...context.search,
                  band: entitiesOf(event).band ?? context.search.band,
                  day: undefined,
                  dayOff: undefined,
                  fromTime: undefined,
                  toTime: undefined,
                }),
              }),
            ],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    ...ladderStates,
    failed: failed({ outcome: 'error' }),
    /** The slot the member picked, and the message that picked it (the seed of the intent's key). */
    chosen: endWith(({ context, event }) => {
      const slot = context.slots.find((shown) => shown.id === (context.picked ?? choiceOf(event)));
      const page = laterPageOf(context);
      // (A time taken straight from a search the member never saw: the page they saw is the one "no, la tercera" speaks of.)
      const shown = context.askedTimeBy !== undefined && context.picked !== undefined ? context.shownSearch : undefined;
      return slot
        ? {
            outcome: 'slot',
            slot,
            chosenBy: context.pickAt?.messageId ?? context.askedTimeBy ?? messageIdOf(event),
            search: shown ?? (page ? { ...context.search, page } : context.search),
          }
        : { outcome: 'abandoned' };
    }),
    caseFiled: endWith(({ event }) => (caseFiled(event) ? { outcome: 'case', rissCase: event.output } : { outcome: 'abandoned' })),
    /** The member revised what is searched: the conversation or the operation handles it. */
    revised: endWith(({ context, event }) => (isMessage(event) ? { outcome: 'revise', understood: event.understood, search: context.search } : { outcome: 'abandoned' })),
    back: endWith({ outcome: 'back' }),
    abandoned: endWith({ outcome: 'abandoned' }),
  },
  output,
});

/**
 * How the slots shown are introduced: a day's, the next ones, or (on the first page of a search
 * for the latest times) "los horarios más tarde del día" (or "de la mañana").
 */
function slotsAskContext(context: SlotFinderContext): 'day' | 'more' | 'latest' | 'latestMorning' | undefined {
  const later = context.seen.length > context.slots.length || context.laterPage === true;
  if (context.search.latest && !later) return context.search.band === 'manana' ? 'latestMorning' : 'latest';
  return context.search.day ? 'day' : later ? 'more' : undefined;
}

/**
 * The slots a first page opens with at the hour the request asked for ("…el martes a las 3"), when it does: none on a later
 * page, nor when the hour was a bound ("antes de las 10") or the latest times were asked.
 */
function openingAtAskedTime(context: SlotFinderContext): Slot[] {
  const from = context.search.fromTime;
  const later = context.seen.length > context.slots.length || context.laterPage === true;
  if (from === undefined || later || context.search.latest || context.search.afterTime) return [];
  const atTime: Slot[] = [];
  for (const slot of context.slots) {
    if (bogotaParts(slot.start).time !== from) break;
    atTime.push(slot);
  }
  // (Several at that hour on several days: the list says it.)
  return new Set(atTime.map((slot) => bogotaParts(slot.start).day)).size === 1 ? atTime : [];
}

/** The slots of a new search's first page at the time the member asked for ("la de las 10:40"). */
function slotsAtAskedTime(context: SlotFinderContext, found: readonly Slot[]): Slot[] {
  // ("La de las 2:20 con la doctora Adriana": hers, when another doctor has one at that time too.)
  const atTime = found.slice(0, SLOTS_PER_PAGE).filter((slot) => bogotaParts(slot.start).time === context.askedTime);
  const hers = context.askedDoctor ? atTime.filter((slot) => slot.doctor.name === context.askedDoctor) : [];
  return hers.length > 0 ? hers : atTime;
}

/** The search in the band the message names (else the one searched), at any time of the day. */
function inBandSaid(context: SlotFinderContext, event: EventObject): SearchState {
  return { ...context.search, band: entitiesOf(event).band ?? context.search.band, fromTime: undefined, toTime: undefined };
}

/** An hour said that no slot shown is at ("la de las 9 con la doctora" when the list starts at 10). */
function hourNotShown(context: SlotFinderContext, event: EventObject): boolean {
  const { time, beforeTime, afterTime } = entitiesOf(event);
  return time !== undefined && !beforeTime && !afterTime && !context.slots.some((slot) => bogotaParts(slot.start).time === time);
}

/** The search of slots as the member shaped it: service, site, band, doctor, day, time, the latest first. */
function slotsSearched(context: SlotFinderContext) {
  return {
    ...searchParams(context),
    ...(context.search.day ? { day: context.search.day } : {}),
    ...(context.search.fromTime ? { fromTime: context.search.fromTime } : {}),
    ...(context.search.toTime ? { toTime: context.search.toTime } : {}),
    ...(context.search.latest ? { latest: true as const } : {}),
  };
}
