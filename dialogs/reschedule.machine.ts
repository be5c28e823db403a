import { assign, fromPromise, sendTo, setup } from 'xstate';
import type { Appointment, Patient, RissCase, Slot } from '../bot/domain.js';
import { serviceOf } from '../data/catalog.js';
import { appointmentOptions, appointmentParams } from './cancel.machine.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { YES_NO, option, reply } from './replies.js';
import { slotFinderMachine, type FranjaChoice, type SlotFinderOutput } from './slot-finder.machine.js';
import { childSpeech, type SayEvent, type SpeakingContext } from './speech.js';

export interface RescheduleInput {
  conversationId: string;
  patient: Patient;
  memberEmail?: string;
}

export type RescheduleOutput =
  | { outcome: 'rescheduled'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  | { outcome: 'none' | 'abandoned' | 'error' };

interface RescheduleContext extends RescheduleInput, SpeakingContext {
  appointments: Appointment[];
  chosen?: Appointment;
  franja?: FranjaChoice;
  slot?: Slot;
  idempotencyKey?: string;
  result?: RescheduleOutput;
}

/**
 * Rescheduling (contract point 13): which appointment, the band, a slot of the same service
 * at the same site (any doctor; the ladder applies), a yes/no confirmation, then one atomic
 * move in the agenda, so the member never ends with two appointments or none.
 */
export const rescheduleMachine = setup({
  types: {
    context: {} as RescheduleContext,
    events: {} as DialogEvent | SayEvent,
    input: {} as RescheduleInput,
    output: {} as RescheduleOutput,
  },
  actors: {
    listAppointments: fromPromise<Appointment[], { patientId: string }>(async () => {
      throw new Error('listAppointments is provided by the engine');
    }),
    reschedule: fromPromise<Appointment, { appointmentId: string; slotId: string; idempotencyKey: string }>(async () => {
      throw new Error('reschedule is provided by the engine');
    }),
    slotFinder: slotFinderMachine,
  },
  guards: {
    picked: ({ event }, value: string) => event.type === 'USER_MESSAGE' && event.choice === value,
    pickedAny: ({ event }) => event.type === 'USER_MESSAGE' && event.choice !== undefined,
    slotTaken: ({ event }) => 'error' in event && errorCode(event.error) === 'SLOT_TAKEN',
  },
  actions: childSpeech<RescheduleContext, DialogEvent | SayEvent>(),
}).createMachine({
  id: 'reschedule',
  context: ({ input }) => ({ ...input, appointments: [], invalidAnswers: 0 }),
  initial: 'loading',
  on: { HELP: { actions: ['sayHelp', 'repeatPrompt'] } },
  states: {
    loading: {
      invoke: {
        src: 'listAppointments',
        input: ({ context }) => ({ patientId: context.patient.id }),
        onDone: [
          {
            guard: ({ event }) => event.output.length === 0,
            target: 'done',
            actions: [
              { type: 'say', params: ({ context }) => reply('appointments.none', { patient: context.patient.firstName }) },
              assign({ result: { outcome: 'none' } }),
            ],
          },
          { target: 'awaitingAppointment', actions: assign({ appointments: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => reply('reschedule.askWhich', undefined, appointmentOptions(context.appointments)) },
      on: {
        USER_MESSAGE: [
          {
            guard: ({ context, event }) => context.appointments.some((a) => event.type === 'USER_MESSAGE' && a.id === event.choice),
            target: 'awaitingFranja',
            actions: assign({
              chosen: ({ context, event }) => context.appointments.find((a) => a.id === (event as { choice?: string }).choice),
            }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingFranja: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: reply('booking.askFranja', undefined, [
          option('manana', 'options.franja.manana'),
          option('tarde', 'options.franja.tarde'),
          option('cualquiera', 'options.franja.cualquiera'),
        ]),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'pickedAny',
            target: 'findingSlot',
            actions: assign({ franja: ({ event }) => (event as { choice?: string }).choice as FranjaChoice }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    findingSlot: {
      invoke: {
        id: 'slotFinder',
        src: 'slotFinder',
        input: ({ context }) => {
          const appointment = context.chosen as Appointment;
          const service = serviceOf(appointment.cups);
          return {
            conversationId: context.conversationId,
            patient: context.patient,
            ...(context.memberEmail ? { memberEmail: context.memberEmail } : {}),
            cups: appointment.cups,
            specialty: service.specialty,
            site: appointment.site,
            franja: context.franja ?? 'cualquiera',
            window: service.visitType === 'no_programada' ? 'todayAndNextWorkingDay' : 'horizon',
          };
        },
        onDone: [
          {
            guard: ({ event }) => (event.output as SlotFinderOutput).outcome === 'slot',
            target: 'awaitingConfirmation',
            // The key is fixed with the slot, before the call, so a crash never moves twice.
            actions: assign(({ context, event }) => {
              const output = event.output as Extract<SlotFinderOutput, { outcome: 'slot' }>;
              return { slot: output.slot, idempotencyKey: `${context.conversationId}:move:${output.chosenBy}` };
            }),
          },
          {
            target: 'done',
            actions: assign({
              result: ({ event }) => {
                const output = event.output as SlotFinderOutput;
                if (output.outcome === 'case') return { outcome: 'case', rissCase: output.rissCase };
                return { outcome: output.outcome === 'error' ? 'error' : 'abandoned' };
              },
            }),
          },
        ],
      },
      on: {
        USER_MESSAGE: { actions: sendTo('slotFinder', ({ event }) => event) },
        HELP: { actions: sendTo('slotFinder', ({ event }) => event) },
        SAY: { actions: 'relay' },
        RECORD: { actions: 'relay' },
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply(
            'reschedule.confirm',
            {
              service: context.chosen?.cups,
              from: context.chosen?.start,
              to: context.slot?.start,
              doctor: context.slot?.doctor.name,
              site: context.slot?.site,
            },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'moving' },
          {
            guard: { type: 'picked', params: 'no' },
            target: 'done',
            actions: [{ type: 'say', params: reply('reschedule.kept') }, assign({ result: { outcome: 'abandoned' } })],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    moving: {
      invoke: {
        src: 'reschedule',
        input: ({ context }) => ({
          appointmentId: context.chosen?.id ?? '',
          slotId: context.slot?.id ?? '',
          idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:move`,
        }),
        onDone: {
          target: 'done',
          actions: [
            assign({ result: ({ event }) => ({ outcome: 'rescheduled', appointment: event.output }) }),
            { type: 'say', params: ({ event }) => reply('reschedule.done', appointmentParams(event.output)) },
          ],
        },
        onError: [
          { guard: 'slotTaken', target: 'findingSlot', actions: { type: 'say', params: reply('booking.slotTaken') } },
          { target: 'awaitingRetry' },
        ],
      },
    },
    /** The move did not answer: the agenda moves atomically and the key makes a retry safe. */
    awaitingRetry: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: reply('reschedule.askRetry', undefined, YES_NO) },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'moving' },
          {
            guard: { type: 'picked', params: 'no' },
            target: 'done',
            actions: [{ type: 'say', params: reply('reschedule.retryDeclined') }, assign({ result: { outcome: 'abandoned' } })],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ result: { outcome: 'error' } })],
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }): RescheduleOutput => context.result ?? { outcome: 'abandoned' },
});
