/**
 * The take-slot machine: the sub-flow booking and rescheduling share to take a slot. The band
 * (unless the member gave it), the slot finder, a yes/no confirmation, then the injected `commit`
 * actor that books or moves the appointment, safe to retry; a slot someone else took first
 * searches again. Its input and output are in take-slot.io.ts.
 */
import { and, assign, enqueueActions, fromPromise, not, setup, type DoneActorEvent, type EventObject } from 'xstate';
import type { Appointment, Slot } from '../bot/domain.js';
import type { Entities } from '../bot/understanding/types.js';
import { appointmentParams, bogotaParts, slotParams } from './appointments.js';
import { BANDS, oneOf } from './choices.js';
import { endings, isDoneBy } from './endings.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { SAY_ASK_THAT_TIME, bookedReferred, leftAsIs, namesOtherPatient, patientOf, refersToAnothersTime, relativeToReply, relayTo } from './operation.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { slotFinderMachine, type SlotFinderInput } from './slot-finder.machine.js';
import {
  CLINIC_HOURS,
  SITE_KEPT,
  bandOfTime,
  outsideClinicHours,
  revisesSearch,
  ruledOutIn,
  searchSaid,
  slotRequestOf,
  withAnyDoctorBut,
  type SearchState,
} from './slot-search.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import type { CommitInput, TakeSlotInput, TakeSlotOutput } from './take-slot.io.js';
import { answerOf, choiceOf, entitiesOf, intentOf, isMessage, messageGuards, messageIdOf } from './understood.js';
import { agesOutParams, agesOutSaid, type SlotFinderOutput } from './slot-finder.setup.js';

export { resultOfTaking, type CommitInput, type TakeSlotInput, type TakeSlotOutput } from './take-slot.io.js';

interface TakeSlotContext extends TakeSlotInput, SpeakingContext {
  /** The member answered the band here (so "atrás" from the slots comes back to it). */
  bandAsked: boolean;
  search?: SearchState;
  /** Why the slot finder runs again: a "no" to the confirmation, a slot taken, "otro día". */
  reason?: SlotFinderInput['reason'];
  slot?: Slot;
  idempotencyKey?: string;
  /** "Sí, pero el jueves": the search the "pero" asks for, if the member chooses it. */
  proposed?: SearchState;
  /** "Ay no, mejor la tres": the slot of the page shown before that the member takes instead. */
  pickAt?: SlotFinderInput['pickAt'];
  askAt?: SlotFinderInput['askAt'];
  /** A time said with the request that no site attends at ("tipo 5 de la tarde"): said, never searched. */
  outsideTime?: string;
}

/**
 * What the request said of the time, within the sites' hours: a time none attends at is set aside (said at the start), and
 * one at or after closing asks for the latest times instead.
 */
function withinClinicHours(input: TakeSlotInput): TakeSlotInput & Pick<TakeSlotContext, 'outsideTime'> {
  if (!outsideClinicHours(input.time) || input.time === undefined) return input;
  const { time, beforeTime: _bound, afterTime: _after, ...rest } = input;
  return { ...rest, outsideTime: time, ...(time >= CLINIC_HOURS.closes ? { latest: true as const } : {}) };
}

const { endWith, output } = endings<TakeSlotContext, TakeSlotOutput>({ taken: true, case: true, revise: true, cancelInstead: true, back: true, abandoned: true, error: true });
/** At any question of taking a slot, "déjela así" or "olvídelo" gives it up. */
const GIVE_UP = { guard: 'leavesAsIs', target: 'leftAsIs' } as const;
const slotFinderEnded = isDoneBy<SlotFinderOutput>('slotFinder');
const committed = isDoneBy<Appointment>('commit');

/** What the slot finder ended with, when it found no slot the member confirmed: a case, a revision, or nothing. */
function endingOfSearch(found: SlotFinderOutput): TakeSlotOutput {
  switch (found.outcome) {
    case 'case':
      return { outcome: 'case', rissCase: found.rissCase };
    case 'revise':
      return { outcome: 'revise', understood: found.understood, search: found.search };
    case 'slot':
      return { outcome: 'abandoned' };
    default:
      return { outcome: found.outcome };
  }
}

/** A new search for the day, band or time the member named, with the doctor scope kept. */
function searchIn(context: TakeSlotContext, event: EventObject): SearchState {
  const said = entitiesOf(event);
  // "Mejor el jueves a esa misma hora" at a confirmation: the hour of the slot being confirmed.
  const sameTime = said.sameTime && !said.time && context.slot ? { time: slotWhen(context.slot).time } : {};
  return searchSaid({ ...said, ...sameTime }, context.search?.band ?? context.band ?? 'cualquiera', context.search);
}

/** Days ruled out ("hoy no alcanzo", "el martes no puedo"), with no day, band nor time asked instead. */
function onlyRulesOutDays(said: Entities): boolean {
  return said.ruledOutDays !== undefined && said.day === undefined && said.band === undefined && said.time === undefined;
}

/** The confirmation of the slot found: what is booked, or what the appointment moves from and to. */
function confirmation(context: TakeSlotContext) {
  const slot = context.slot;
  // Only a slot found leads to the confirmation (`findingSlot` keeps it first): without one, nothing can be confirmed.
  if (!slot) throw new Error('take-slot: a confirmation without a slot');
  if (context.mode === 'move') {
    return ask(
      'confirm',
      'reschedule.confirm',
      { service: context.cups, from: context.appointment?.start, to: slot.start, doctor: slot.doctor.name, site: slot.site, ...patientOf(context) },
      YES_NO,
    );
  }
  return ask('confirm', 'booking.confirm', { ...slotParams(slot, context.cups), ...patientOf(context) }, YES_NO);
}

/** A slot's Bogotá day and time. */
function slotWhen(slot: Slot | undefined): { day?: string; time?: string } {
  if (!slot) return {};
  const { day, time } = bogotaParts(slot.start);
  return { day, time };
}

export const takeSlotMachine = setup({
  types: machineTypes<{ context: TakeSlotContext; events: DialogEvent | RepeatEvent; input: TakeSlotInput; output: TakeSlotOutput }>(),
  actors: {
    commit: fromPromise<Appointment, CommitInput>(() => Promise.reject(new Error('commit is provided by the operation that takes the slot'))),
    slotFinder: slotFinderMachine,
  },
  guards: {
    ...messageGuards,
    hasBand: ({ context }) => context.band !== undefined || context.day !== undefined || context.time !== undefined,
    answersBand: ({ event }) => {
      const said = entitiesOf(event);
      // ("Cualquier día menos el lunes", "no hoy ni mañana": any band, without those days.)
      return choiceOf(event) !== undefined || said.band !== undefined || said.day !== undefined || said.time !== undefined || said.ruledOutDays !== undefined;
    },
    /** Another patient, specialty or site ("no perdón, es control": while booking, another visit type): the search starts over. */
    revisesEarlierAnswer: revisesSearch,
    /** "Sí, pero el jueves": a yes, and a day, band or time other than the slot's. */
    yesButOtherTime: ({ context, event }) => {
      const said = entitiesOf(event);
      const { day, time } = slotWhen(context.slot);
      const band = time === undefined ? undefined : bandOfTime(time);
      return (
        (said.day !== undefined && said.day !== day) ||
        (said.band !== undefined && said.band !== 'cualquiera' && said.band !== band) ||
        (said.time !== undefined && said.time !== time)
      );
    },
    // "Esa de las 11 con la doctora" at the confirmation of the 11:00: the very slot, named, with no yes nor no.
    namesTheSlotConfirmed: ({ context, event }) => {
      const said = entitiesOf(event);
      const { day, time } = slotWhen(context.slot);
      return (
        answerOf(event) === undefined &&
        intentOf(event) === 'none' &&
        said.time !== undefined &&
        said.time === time &&
        (said.day === undefined || said.day === day) &&
        (said.band === undefined || (time !== undefined && said.band === bandOfTime(time))) &&
        said.patients === undefined
      );
    },
    namesSearch: ({ event }) => {
      const said = entitiesOf(event);
      return said.day !== undefined || said.band !== undefined || said.time !== undefined || said.ruledOutDays !== undefined;
    },
    slotTaken: ({ event }) => 'error' in event && errorCode(event.error) === 'SLOT_TAKEN',
  },
  actions: {
    ...childSpeech<TakeSlotContext, DialogEvent | RepeatEvent>(),
    /** The slot finder runs again (`params`: why). */
    searchAgain: assign((_, reason: SlotFinderInput['reason']) => ({ reason, pickAt: undefined, askAt: undefined })),
    /** A new search for the day, band or time the member named. */
    searchWhatWasSaid: assign(({ context, event }) => ({ search: searchIn(context, event), reason: undefined, pickAt: undefined, askAt: undefined })),
    /** "No espere, mejor la de las 10": searched from that hour, and the one slot at it, if one, proposed at once. */
    searchTimeAsked: assign(({ context, event }) => {
      const said = entitiesOf(event);
      const askAt =
        said.time && !said.beforeTime && !said.afterTime ? { time: said.time, messageId: messageIdOf(event), ...(said.doctor ? { doctor: said.doctor } : {}) } : undefined;
      return { search: searchIn(context, event), reason: undefined, pickAt: undefined, askAt };
    }),
  },
}).createMachine({
  id: 'takeSlot',
  context: ({ input }) => ({ ...withinClinicHours(input), bandAsked: false, invalidAnswers: 0 }),
  // A child who turns 18 within the days searched: said first, so that the slots shown are not a surprise.
  entry: enqueueActions(({ context, enqueue }) => {
    const agesOut = agesOutParams(context);
    if (agesOut.agesOut) enqueue({ type: 'say', params: reply('slots.agesOut', agesOutSaid(agesOut)) });
    // ("El jueves tipo 5 de la tarde": the sites' hours, never "no hay cupos" for a time nobody attends at.)
    if (context.outsideTime) enqueue({ type: 'say', params: reply('slots.outsideHours', { time: context.outsideTime, context: 'request' }) });
  }),
  initial: 'deciding',
  on: {
    REPEAT: { actions: 'repeatPrompt' },
  },
  states: {
    deciding: {
      always: [{ guard: 'hasBand', target: 'findingSlot' }, { target: 'awaitingBand' }],
    },
    awaitingBand: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ask('band', 'booking.askFranja', undefined, [
          option('manana', 'options.franja.manana'),
          option('tarde', 'options.franja.tarde'),
          option('cualquiera', 'options.franja.cualquiera'),
        ]),
      },
      on: {
        BACK: { target: 'back' },
        USER_MESSAGE: [
          GIVE_UP,
          { guard: 'revisesEarlierAnswer', target: 'revised' },
          SITE_KEPT,
          {
            guard: 'answersBand',
            target: 'findingSlot',
            actions: assign(({ context, event }) => {
              const said = entitiesOf(event);
              const band = oneOf(BANDS, choiceOf(event)) ?? said.band ?? 'cualquiera';
              return {
                band,
                bandAsked: true,
                search: {
                  band,
                  ...(said.day ? { day: said.day } : {}),
                  ...(said.dayOff ? { dayOff: said.dayOff } : {}),
                  // ("El viernes a la misma hora", moving a cita: from the appointment's own time.)
                  // ("Antes de las 9": the slots before 9.)
                  ...(said.time && said.beforeTime
                    ? { toTime: said.time }
                    : said.time
                      ? { fromTime: said.time }
                      : said.sameTime && context.mode === 'move' && context.appointment
                        ? { fromTime: bogotaParts(context.appointment.start).time }
                        : {}),
                  ...(said.latest || context.latest ? { latest: true as const } : {}),
                  // "En la tarde no puedo": the morning, and the afternoon never offered.
                  ...ruledOutIn(said, context),
                  // "Con otro médico, no con el Dr. Cárdenas" while moving: any doctor but the appointment's.
                  ...(said.otherDoctor
                    ? { anyDoctor: true as const, ...(context.mode === 'move' && context.appointment ? { notDoctorId: context.appointment.doctor.id } : {}) }
                    : context.notDoctorId
                      ? { anyDoctor: true as const, notDoctorId: context.notDoctorId }
                      : {}),
                },
              };
            }),
          },
          // "El mismo día que la de la niña", "a la misma hora que la del niño", booked just now: that day (from that hour), any band.
          {
            guard: ({ context, event }) => bookedReferred(context, entitiesOf(event)) !== undefined,
            target: 'findingSlot',
            actions: [
              { type: 'say', params: ({ context, event }) => relativeToReply(bookedReferred(context, entitiesOf(event))) },
              assign(({ context, event }) => {
                const referred = bookedReferred(context, entitiesOf(event));
                return {
                  band: 'cualquiera' as const,
                  bandAsked: true,
                  search: { band: 'cualquiera' as const, ...(referred ? { day: referred.day } : {}), ...(referred?.from ? { fromTime: referred.from } : {}) },
                };
              }),
            ],
          },
          { guard: refersToAnothersTime, actions: [SAY_ASK_THAT_TIME, 'repeatPrompt'] },
          // "Otro día" before any slot was shown: the days that have slots.
          { guard: { type: 'saidIntent', params: 'other_day' }, target: 'findingSlot', actions: [assign({ bandAsked: true }), { type: 'searchAgain', params: 'otherDay' }] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    findingSlot: {
      invoke: {
        id: 'slotFinder',
        src: 'slotFinder',
        input: ({ context }): SlotFinderInput => ({
          ...slotRequestOf(context),
          ...(context.ruledOutBand ? { ruledOutBand: context.ruledOutBand } : {}),
          ...(context.ruledOutDays?.length ? { ruledOutDays: context.ruledOutDays } : {}),
          ...(context.search ?? {
            band: context.band ?? 'cualquiera',
            ...(context.day ? { day: context.day } : {}),
            ...(context.dayOff ? { dayOff: context.dayOff } : {}),
            ...(context.time ? (context.beforeTime ? { toTime: context.time } : { fromTime: context.time, ...(context.afterTime ? { afterTime: true as const } : {}) }) : {}),
            ...(context.latest ? { latest: true as const } : {}),
            // ("Me la cambia con otro médico": any doctor but the appointment's.)
            ...(context.notDoctorId ? { anyDoctor: true as const, notDoctorId: context.notDoctorId } : {}),
          }),
          ...(context.reason ? { reason: context.reason } : {}),
          ...(context.pickAt ? { pickAt: context.pickAt } : {}),
          ...(context.askAt ? { askAt: context.askAt } : {}),
          mode: context.mode,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.outcome === 'slot',
            target: 'awaitingConfirmation',
            // One key per intent, fixed before the call: a retry, or a new "sí" after a crash,
            // replays this booking or move instead of making another.
            actions: assign(({ context, event }) => {
              const output = event.output;
              if (output.outcome !== 'slot') return {};
              return {
                slot: output.slot,
                search: output.search,
                reason: undefined,
                pickAt: undefined,
                askAt: undefined,
                idempotencyKey: `${context.conversationId}:${context.mode === 'move' ? 'move' : 'book'}:${output.chosenBy}`,
              };
            }),
          },
          {
            guard: ({ context, event }) => event.output.outcome === 'back' && context.bandAsked,
            target: 'awaitingBand',
            actions: assign({ search: undefined, band: undefined, day: undefined, time: undefined, beforeTime: undefined, afterTime: undefined }),
          },
          { target: 'searchEnded' },
        ],
      },
      on: { ...relayTo<TakeSlotContext>('slotFinder'), USER_MESSAGE: [GIVE_UP, relayTo<TakeSlotContext>('slotFinder').USER_MESSAGE] },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => confirmation(context) },
      on: {
        BACK: { target: 'findingSlot', actions: { type: 'searchAgain', params: 'notConfirmed' } },
        USER_MESSAGE: [
          GIVE_UP,
          // "No, mejor cancélela, ya la niña se siente mejor" at a booking's confirmation: the booking given up, nothing booked.
          { guard: ({ context, event }) => context.mode !== 'move' && entitiesOf(event).cancelIt === true && answerOf(event) !== 'yes', target: 'leftAsIs' },
          // "No sabe q, mejor cancélela, yo después saco otra" at «¿La muevo?»: nothing moved; that cita is to be cancelled instead.
          { guard: ({ context, event }) => context.mode === 'move' && entitiesOf(event).cancelIt === true && answerOf(event) !== 'yes', target: 'cancelInstead' },
          // "Sí, confírmela, y ahora continuemos con Sofía": this one confirmed; the booking for her is taken up after it.
          // (Only with someone else named: "sí, pero el jueves" is still a yes to another time, clarified below.)
          {
            guard: ({ context, event }) => context.mode !== 'move' && answerOf(event) === 'yes' && intentOf(event) === 'book' && namesOtherPatient({ context, event }),
            target: 'committing',
          },
          { guard: 'revisesEarlierAnswer', target: 'revised' },
          SITE_KEPT,
          { guard: and(['saidYes', 'yesButOtherTime']), target: 'clarifying', actions: assign(({ context, event }) => ({ proposed: searchIn(context, event) })) },
          // "Sí, pero con otro médico", "que no sea con el doctor Restrepo": not this slot; the slots again, of any doctor.
          {
            guard: ({ event }) => entitiesOf(event).otherDoctor === true,
            target: 'findingSlot',
            actions: assign(({ context }) => ({
              reason: 'notConfirmed' as const,
              pickAt: undefined,
              askAt: undefined,
              ...(context.search ? { search: withAnyDoctorBut(context.search, context.slot?.doctor.id) } : {}),
            })),
          },
          { guard: 'saidYes', target: 'committing' },
          { guard: 'namesTheSlotConfirmed', target: 'committing' },
          // "No, hoy no alcanzo": not booked (said so), and searched again without the day ruled out.
          {
            guard: and(['saidNo', ({ event }) => onlyRulesOutDays(entitiesOf(event))]),
            target: 'findingSlot',
            actions: ['searchWhatWasSaid', assign({ reason: 'notConfirmed' as const })],
          },
          // "No, mejor el viernes" searches Friday; "otro día" with no day lists the days. "No espere, mejor la de las 10":
          // from 10, and the one slot at 10, if one, proposed at once (member testing: the list came back, then "¿Cuál?").
          { guard: 'namesSearch', target: 'findingSlot', actions: 'searchTimeAsked' },
          { guard: { type: 'saidIntent', params: 'other_day' }, target: 'findingSlot', actions: { type: 'searchAgain', params: 'otherDay' } },
          // "Ay no, mejor la tres": not this one, but the third of the list it was chosen from.
          {
            guard: ({ event }) => answerOf(event) === 'no' && entitiesOf(event).position !== undefined,
            target: 'findingSlot',
            actions: assign(({ event }) => ({ reason: 'notConfirmed' as const, pickAt: { position: entitiesOf(event).position ?? 1, messageId: messageIdOf(event) } })),
          },
          { guard: 'saidNo', target: 'findingSlot', actions: { type: 'searchAgain', params: 'notConfirmed' } },
          { guard: { type: 'saidIntent', params: 'more_times' }, target: 'findingSlot', actions: { type: 'searchAgain', params: 'notConfirmed' } },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** "Sí, pero el jueves": two readings; one short question instead of a guess. */
    clarifying: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask('other', 'booking.clarifyYesBut', { start: context.slot?.start, ...(context.mode === 'move' ? { context: 'move' } : {}) }, [
            option('keep', 'options.keepSlot', { start: context.slot?.start }),
            option('search', 'options.searchOther'),
          ]),
      },
      on: {
        BACK: { target: 'awaitingConfirmation' },
        USER_MESSAGE: [
          GIVE_UP,
          { guard: { type: 'picked', params: 'keep' }, target: 'committing' },
          {
            guard: { type: 'picked', params: 'search' },
            target: 'findingSlot',
            actions: assign(({ context }) => (context.proposed ? { search: context.proposed, proposed: undefined, reason: undefined } : { reason: 'notConfirmed' as const })),
          },
          { guard: and(['namesSearch', not('saidYes')]), target: 'findingSlot', actions: 'searchWhatWasSaid' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /**
     * The injected `commit` takes the slot: the appointment, said; fresh slots of the same search
     * when someone took the slot between offer and confirmation; or the question whether to try again.
     */
    committing: {
      invoke: {
        id: 'commit',
        src: 'commit',
        input: ({ context }): CommitInput => ({
          patientId: context.patient.id,
          cups: context.cups,
          slotId: context.slot?.id ?? '',
          idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:${context.mode}`,
          ...(context.appointment ? { appointmentId: context.appointment.id } : {}),
        }),
        onDone: {
          target: 'taken',
          actions: {
            type: 'say',
            params: ({ context, event }: { context: TakeSlotContext; event: DoneActorEvent<Appointment> }) =>
              reply(context.mode === 'move' ? 'reschedule.done' : 'booking.booked', { ...appointmentParams(event.output), ...patientOf(context) }),
          },
        },
        onError: [{ guard: 'slotTaken', target: 'findingSlot', actions: { type: 'searchAgain', params: 'slotTaken' } }, { target: 'awaitingRetry' }],
      },
    },
    /** The agenda did not answer: the same key makes a retry safe (the agenda moves atomically). */
    awaitingRetry: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('confirm', context.mode === 'move' ? 'reschedule.askRetry' : 'booking.askRetry', undefined, YES_NO) },
      on: {
        USER_MESSAGE: [
          { guard: 'saidYes', target: 'committing' },
          {
            guard: 'saidNo',
            target: 'abandoned',
            actions: { type: 'say', params: ({ context }) => reply(context.mode === 'move' ? 'reschedule.retryDeclined' : 'booking.retryDeclined') },
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    taken: endWith(({ event }) => (committed(event) ? { outcome: 'taken', appointment: event.output } : { outcome: 'abandoned' })),
    /** The slot finder ended without a slot confirmed here: a case filed, a revision, "atrás", nothing. */
    searchEnded: endWith(({ event }) => (slotFinderEnded(event) ? endingOfSearch(event.output) : { outcome: 'abandoned' })),
    /** Another patient, specialty or site: what the member said, and the time they had chosen so far. */
    revised: endWith(({ context, event }) =>
      isMessage(event) ? { outcome: 'revise', understood: event.understood, ...(context.search ? { search: context.search } : {}) } : { outcome: 'abandoned' },
    ),
    /** "Déjela así", "olvídelo": nothing is taken, and Lina says so (a move leaves the appointment as it was). */
    leftAsIs: {
      ...endWith({ outcome: 'abandoned' }),
      entry: { type: 'say', params: ({ context }) => (context.mode === 'move' ? leftAsIs('reschedule', context, context.appointment) : reply('booking.leftAsIs')) },
    },
    /** "Mejor cancélela" at «¿La muevo?»: nothing taken; the move's operation cancels the appointment instead. */
    cancelInstead: endWith({ outcome: 'cancelInstead' }),
    back: endWith({ outcome: 'back' }),
    abandoned: endWith({ outcome: 'abandoned' }),
  },
  output,
});
