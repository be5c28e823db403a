import { and, assign, fromPromise, not, sendTo, setup } from 'xstate';
import { serviceOf, type Appointment, type Cups, type Patient, type RissCase, type SiteCode, type Slot, type Specialty } from '../bot/domain.js';
import type { Band, Understanding } from '../bot/understanding/types.js';
import { appointmentParams, bogotaParts, patientParams, slotParams } from './appointments.js';
import { BANDS, oneOf } from './choices.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { namesAnotherPatient, type PatientChoice } from './patients.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { slotFinderMachine, type SearchState, type SearchWindow, type SlotFinderInput } from './slot-finder.machine.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { choiceOf, entitiesOf, intentOf, isMessage, messageGuards } from './understood.js';
import { machineTypes } from './machine-types.js';

export interface BookInput {
  patientId: string;
  slotId: string;
  cups: Cups;
  idempotencyKey: string;
}

export interface MoveInput {
  appointmentId: string;
  slotId: string;
  idempotencyKey: string;
}

/**
 * Taking a slot: the band (unless the member gave it), the slot finder, a yes/no confirmation,
 * then the agenda call that books (`book`) or moves (`move`) the appointment, safe to retry.
 * Shared by booking and rescheduling.
 */
export interface TakeSlotInput {
  mode: 'book' | 'move';
  conversationId: string;
  patient: Patient;
  patients: PatientChoice[];
  memberEmail?: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  band?: Band;
  day?: string;
  dayOff?: 'holiday' | 'weekend';
  time?: string;
  treatingDoctor?: { id: string; name: string };
  window: SearchWindow;
  /** The appointment being moved (`move`). */
  appointment?: Appointment;
}

export type TakeSlotOutput =
  | { outcome: 'taken'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  /** The member named another patient, specialty or site; `search` is what they had chosen of the time. */
  | { outcome: 'revise'; understood: Understanding; search?: SearchState }
  | { outcome: 'back' | 'abandoned' | 'error' };

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
function searchIn(context: TakeSlotContext, event: Parameters<typeof entitiesOf>[0]): SearchState {
  const said = entitiesOf(event);
  return {
    band: said.band ?? context.search?.band ?? context.band ?? 'cualquiera',
    ...(said.day ? { day: said.day } : {}),
    ...(said.dayOff ? { dayOff: said.dayOff } : {}),
    ...(said.time ? { fromTime: said.time } : {}),
    ...(context.search?.doctorId ? { doctorId: context.search.doctorId } : {}),
    ...(context.search?.anyDoctor ? { anyDoctor: true as const } : {}),
  };
}

const isSelf = (context: TakeSlotContext) => context.patients.some((choice) => choice.self && choice.patient.id === context.patient.id);

function confirmation(context: TakeSlotContext) {
  const slot = context.slot;
  if (!slot) return ask('confirm', 'booking.confirm', {}, YES_NO);
  if (context.mode === 'move') {
    return ask(
      'confirm',
      'reschedule.confirm',
      { service: context.cups, from: context.appointment?.start, to: slot.start, doctor: slot.doctor.name, site: slot.site, ...patientParams(context.patient, isSelf(context)) },
      YES_NO,
    );
  }
  return ask('confirm', 'booking.confirm', { ...slotParams(slot, context.cups), ...patientParams(context.patient, isSelf(context)) }, YES_NO);
}

/**
 * What an operation ends with once taking a slot ended: `taken` says what the slot taken is to
 * it (booked, rescheduled), `revised` what a revision keeps; a case filed and the endings with
 * nothing taken pass through.
 */
export function resultOfTaking<TTaken, TRevised>(output: TakeSlotOutput, taken: (appointment: Appointment) => TTaken, revised: (understood: Understanding) => TRevised) {
  switch (output.outcome) {
    case 'taken':
      return taken(output.appointment);
    case 'case':
      return { outcome: 'case', rissCase: output.rissCase } as const;
    case 'revise':
      return revised(output.understood);
    default:
      return { outcome: output.outcome };
  }
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
      return (isMessage(event) && event.choice !== undefined) || said.band !== undefined || said.day !== undefined || said.time !== undefined;
    },
    revisesEarlierAnswer: ({ context, event }) => {
      const said = entitiesOf(event);
      return (
        namesAnotherPatient(said.patients, context.patients, context.patient) ||
        intentOf(event) === 'change_patient' ||
        (said.specialty !== undefined && said.specialty !== context.specialty) ||
        (said.site !== undefined && said.site !== context.site) ||
        // "No perdón, es control, no primera vez": while booking, another visit type searches again.
        (context.mode === 'book' && said.visitType !== undefined && said.visitType !== serviceOf(context.cups).visitType)
      );
    },
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
    forward: sendTo('slotFinder', ({ event }) => event),
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
        BACK: { target: 'done', actions: assign({ result: { outcome: 'back' } }) },
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
          { actions: 'rejectAnswer' },
        ],
      },
    },
    findingSlot: {
      invoke: {
        id: 'slotFinder',
        src: 'slotFinder',
        input: ({ context }): SlotFinderInput => ({
          conversationId: context.conversationId,
          patient: context.patient,
          patients: context.patients,
          ...(context.memberEmail ? { memberEmail: context.memberEmail } : {}),
          cups: context.cups,
          specialty: context.specialty,
          site: context.site,
          window: context.window,
          ...(context.treatingDoctor ? { treatingDoctor: context.treatingDoctor } : {}),
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
      on: {
        USER_MESSAGE: { actions: 'forward' },
        BACK: { actions: 'forward' },
        REPEAT: { actions: 'forward' },
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => confirmation(context) },
      on: {
        BACK: { target: 'findingSlot', actions: assign({ reason: 'notConfirmed' }) },
        USER_MESSAGE: [
          { guard: 'revisesEarlierAnswer', target: 'done', actions: 'endWithRevision' },
          { guard: and(['saidYes', 'yesButOtherTime']), target: 'clarifying', actions: assign(({ context, event }) => ({ proposed: searchIn(context, event) })) },
          { guard: 'saidYes', target: 'committing' },
          // "No, mejor el viernes" searches Friday; "otro día" with no day lists the days.
          { guard: 'namesSearch', target: 'findingSlot', actions: 'searchWhatWasSaid' },
          { guard: { type: 'saidIntent', params: 'other_day' }, target: 'findingSlot', actions: assign({ reason: 'otherDay' }) },
          { guard: 'saidNo', target: 'findingSlot', actions: assign({ reason: 'notConfirmed' }) },
          { guard: { type: 'saidIntent', params: 'more_times' }, target: 'findingSlot', actions: assign({ reason: 'notConfirmed' }) },
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
            onDone: {
              target: '#takeSlot.done',
              actions: [
                assign({ result: ({ event }) => ({ outcome: 'taken', appointment: event.output }) }),
                {
                  type: 'say',
                  params: ({ context, event }) => reply('booking.booked', { ...appointmentParams(event.output), ...patientParams(context.patient, isSelf(context)) }),
                },
              ],
            },
            onError: [
              // Someone took the slot between offer and confirmation: fresh slots, same search.
              { guard: 'slotTaken', target: '#takeSlot.findingSlot', actions: assign({ reason: 'slotTaken' }) },
              { target: '#takeSlot.awaitingRetry' },
            ],
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
            onDone: {
              target: '#takeSlot.done',
              actions: [
                assign({ result: ({ event }) => ({ outcome: 'taken', appointment: event.output }) }),
                { type: 'say', params: ({ context, event }) => reply('reschedule.done', { ...appointmentParams(event.output), ...patientParams(context.patient, isSelf(context)) }) },
              ],
            },
            onError: [
              { guard: 'slotTaken', target: '#takeSlot.findingSlot', actions: assign({ reason: 'slotTaken' }) },
              { target: '#takeSlot.awaitingRetry' },
            ],
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
              assign({ result: { outcome: 'abandoned' } }),
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

