/**
 * The take-slot machine: the sub-flow booking and rescheduling share to take a slot. The band
 * (unless the member gave it), the slot finder, a yes/no confirmation, then the agenda call that
 * books (`book`) or moves (`move`) the appointment, safe to retry; a slot someone else took
 * first searches again. Its input and output are in take-slot.io.ts.
 */
import { and, assign, fromPromise, not, setup, type DoneActorEvent, type EventObject } from 'xstate';
import type { Appointment, Slot } from '../bot/domain.js';
import { appointmentParams, bogotaParts, slotParams } from './appointments.js';
import { BANDS, oneOf } from './choices.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { SAY_ASK_THAT_TIME, patientOf, refersToAnothersTime, relayTo } from './operation.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { slotFinderMachine, type SlotFinderInput } from './slot-finder.machine.js';
import { revisesSearch, searchSaid, slotRequestOf, type SearchState } from './slot-search.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import type { BookInput, MoveInput, TakeSlotInput, TakeSlotOutput } from './take-slot.io.js';
import { choiceOf, entitiesOf, isMessage, messageGuards } from './understood.js';

export { resultOfTaking, type BookInput, type MoveInput, type TakeSlotInput, type TakeSlotOutput } from './take-slot.io.js';

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
  result?: TakeSlotOutput;
}

/** A new search for the day, band or time the member named, with the doctor scope kept. */
function searchIn(context: TakeSlotContext, event: EventObject): SearchState {
  return searchSaid(entitiesOf(event), context.search?.band ?? context.band ?? 'cualquiera', context.search);
}

/** The confirmation of the slot found: what is booked, or what the appointment moves from and to. */
function confirmation(context: TakeSlotContext) {
  const slot = context.slot;
  if (!slot) return ask('confirm', 'booking.confirm', {}, YES_NO);
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

/** The agenda's answer to `book` or `move`. */
type Committed = { context: TakeSlotContext; event: DoneActorEvent<Appointment> };

/**
 * After the agenda call that takes the slot (`book` or `move`): the appointment, said; fresh
 * slots of the same search when someone took the slot between offer and confirmation; or the
 * question whether to try again.
 */
const AFTER_COMMIT = {
  onDone: {
    target: '#takeSlot.done',
    actions: [
      { type: 'endWith', params: ({ event }: Committed): TakeSlotOutput => ({ outcome: 'taken', appointment: event.output }) },
      {
        type: 'say',
        params: ({ context, event }: Committed) => reply(context.mode === 'move' ? 'reschedule.done' : 'booking.booked', { ...appointmentParams(event.output), ...patientOf(context) }),
      },
    ],
  },
  onError: [
    { guard: 'slotTaken', target: '#takeSlot.findingSlot', actions: { type: 'searchAgain', params: 'slotTaken' } },
    { target: '#takeSlot.awaitingRetry' },
  ],
} as const;

export const takeSlotMachine = setup({
  types: machineTypes<{ context: TakeSlotContext; events: DialogEvent | RepeatEvent; input: TakeSlotInput; output: TakeSlotOutput }>(),
  actors: {
    book: fromPromise<Appointment, BookInput>(async () => {
      throw new Error('book is provided by the engine');
    }),
    move: fromPromise<Appointment, MoveInput>(async () => {
      throw new Error('move is provided by the engine');
    }),
    slotFinder: slotFinderMachine,
  },
  guards: {
    ...messageGuards,
    hasBand: ({ context }) => context.band !== undefined || context.day !== undefined || context.time !== undefined,
    moving: ({ context }) => context.mode === 'move',
    answersBand: ({ event }) => {
      const said = entitiesOf(event);
      return choiceOf(event) !== undefined || said.band !== undefined || said.day !== undefined || said.time !== undefined;
    },
    /** Another patient, specialty or site ("no perdón, es control": while booking, another visit type): the search starts over. */
    revisesEarlierAnswer: revisesSearch,
    /** "Sí, pero el jueves": a yes, and a day, band or time other than the slot's. */
    yesButOtherTime: ({ context, event }) => {
      const said = entitiesOf(event);
      const { day, time } = slotWhen(context.slot);
      const band = time === undefined ? undefined : time < '12:00' ? 'manana' : 'tarde';
      return (
        (said.day !== undefined && said.day !== day) ||
        (said.band !== undefined && said.band !== 'cualquiera' && said.band !== band) ||
        (said.time !== undefined && said.time !== time)
      );
    },
    namesSearch: ({ event }) => {
      const said = entitiesOf(event);
      return said.day !== undefined || said.band !== undefined || said.time !== undefined;
    },
    slotTaken: ({ event }) => 'error' in event && errorCode(event.error) === 'SLOT_TAKEN',
  },
  actions: {
    ...childSpeech<TakeSlotContext, DialogEvent | RepeatEvent>(),
    endWith: assign((_, result: TakeSlotOutput) => ({ result })),
    /** The slot finder runs again (`params`: why). */
    searchAgain: assign((_, reason: SlotFinderInput['reason']) => ({ reason })),
    /** Ends with what the member said and the time they had chosen so far. */
    endWithRevision: assign({
      result: ({ context, event }): TakeSlotOutput =>
        isMessage(event) ? { outcome: 'revise', understood: event.understood, ...(context.search ? { search: context.search } : {}) } : { outcome: 'abandoned' },
    }),
    /** A new search for the day, band or time the member named. */
    searchWhatWasSaid: assign(({ context, event }) => ({ search: searchIn(context, event), reason: undefined })),
  },
}).createMachine({
  id: 'takeSlot',
  context: ({ input }) => ({ ...input, bandAsked: false, invalidAnswers: 0 }),
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
        BACK: { target: 'done', actions: { type: 'endWith', params: { outcome: 'back' } } },
        USER_MESSAGE: [
          { guard: 'revisesEarlierAnswer', target: 'done', actions: 'endWithRevision' },
          {
            guard: 'answersBand',
            target: 'findingSlot',
            actions: assign(({ event }) => {
              const said = entitiesOf(event);
              const band = oneOf(BANDS, choiceOf(event)) ?? said.band ?? 'cualquiera';
              return {
                band,
                bandAsked: true,
                search: { band, ...(said.day ? { day: said.day } : {}), ...(said.dayOff ? { dayOff: said.dayOff } : {}), ...(said.time ? { fromTime: said.time } : {}) },
              };
            }),
          },
          { guard: refersToAnothersTime, actions: [SAY_ASK_THAT_TIME, 'repeatPrompt'] },
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
          ...(context.search ?? {
            band: context.band ?? 'cualquiera',
            ...(context.day ? { day: context.day } : {}),
            ...(context.dayOff ? { dayOff: context.dayOff } : {}),
            ...(context.time ? { fromTime: context.time } : {}),
          }),
          ...(context.reason ? { reason: context.reason } : {}),
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
                idempotencyKey: `${context.conversationId}:${context.mode === 'move' ? 'move' : 'book'}:${output.chosenBy}`,
              };
            }),
          },
          { guard: ({ context, event }) => event.output.outcome === 'back' && context.bandAsked, target: 'awaitingBand', actions: assign({ search: undefined, band: undefined, day: undefined, time: undefined }) },
          {
            target: 'done',
            actions: assign({
              result: ({ event }) => {
                const output = event.output;
                switch (output.outcome) {
                  case 'case':
                    return { outcome: 'case', rissCase: output.rissCase };
                  case 'revise':
                    return { outcome: 'revise', understood: output.understood, search: output.search };
                  case 'slot':
                    return { outcome: 'abandoned' };
                  default:
                    return { outcome: output.outcome };
                }
              },
            }),
          },
        ],
      },
      on: relayTo<TakeSlotContext>('slotFinder'),
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => confirmation(context) },
      on: {
        BACK: { target: 'findingSlot', actions: { type: 'searchAgain', params: 'notConfirmed' } },
        USER_MESSAGE: [
          { guard: 'revisesEarlierAnswer', target: 'done', actions: 'endWithRevision' },
          { guard: and(['saidYes', 'yesButOtherTime']), target: 'clarifying', actions: assign(({ context, event }) => ({ proposed: searchIn(context, event) })) },
          { guard: 'saidYes', target: 'committing' },
          // "No, mejor el viernes" searches Friday; "otro día" with no day lists the days.
          { guard: 'namesSearch', target: 'findingSlot', actions: 'searchWhatWasSaid' },
          { guard: { type: 'saidIntent', params: 'other_day' }, target: 'findingSlot', actions: { type: 'searchAgain', params: 'otherDay' } },
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
          ask('other', 'booking.clarifyYesBut', { start: context.slot?.start }, [
            option('keep', 'options.keepSlot', { start: context.slot?.start }),
            option('search', 'options.searchOther'),
          ]),
      },
      on: {
        BACK: { target: 'awaitingConfirmation' },
        USER_MESSAGE: [
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
    committing: {
      initial: 'choosing',
      states: {
        choosing: { always: [{ guard: 'moving', target: 'moving' }, { target: 'booking' }] },
        booking: {
          invoke: {
            src: 'book',
            input: ({ context }) => ({
              patientId: context.patient.id,
              slotId: context.slot?.id ?? '',
              cups: context.cups,
              idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:book`,
            }),
            ...AFTER_COMMIT,
          },
        },
        moving: {
          invoke: {
            src: 'move',
            input: ({ context }) => ({
              appointmentId: context.appointment?.id ?? '',
              slotId: context.slot?.id ?? '',
              idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:move`,
            }),
            ...AFTER_COMMIT,
          },
        },
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
            target: 'done',
            actions: [
              { type: 'say', params: ({ context }) => reply(context.mode === 'move' ? 'reschedule.retryDeclined' : 'booking.retryDeclined') },
              { type: 'endWith', params: { outcome: 'abandoned' } },
            ],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }): TakeSlotOutput => context.result ?? { outcome: 'abandoned' },
});

