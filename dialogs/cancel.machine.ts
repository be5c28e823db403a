import { assign, fromPromise, setup } from 'xstate';
import type { Appointment, Patient } from '../bot/domain.js';
import type { DialogEvent } from './events.js';
import { YES_NO, option, reply } from './replies.js';
import { childSpeech, type SpeakingContext } from './speech.js';

export interface CancelInput {
  patient: Patient;
}

export type CancelOutput = { outcome: 'cancelled' | 'none' | 'abandoned' | 'error' };

interface CancelContext extends CancelInput, SpeakingContext {
  appointments: Appointment[];
  chosen?: Appointment;
  outcome: CancelOutput['outcome'];
}

/** Parameters every appointment line and summary uses. */
export function appointmentParams(appointment: Appointment) {
  return { service: appointment.cups, start: appointment.start, doctor: appointment.doctor.name, site: appointment.site };
}

/** The numbered list of a patient's upcoming appointments: always shown, even for one. */
export function appointmentOptions(appointments: Appointment[]) {
  return appointments.map((appointment) => option(appointment.id, 'options.appointment', appointmentParams(appointment)));
}

/**
 * Cancelling an appointment (contract point 13): the numbered list, which one, a yes/no
 * confirmation, then the cancellation in the agenda, which frees the slot.
 */
export const cancelMachine = setup({
  types: {
    context: {} as CancelContext,
    events: {} as DialogEvent,
    input: {} as CancelInput,
    output: {} as CancelOutput,
  },
  actors: {
    listAppointments: fromPromise<Appointment[], { patientId: string }>(async () => {
      throw new Error('listAppointments is provided by the engine');
    }),
    cancel: fromPromise<Appointment, { appointmentId: string }>(async () => {
      throw new Error('cancel is provided by the engine');
    }),
  },
  guards: {
    picked: ({ event }, value: string) => event.type === 'USER_MESSAGE' && event.choice === value,
  },
  actions: childSpeech<CancelContext, DialogEvent>(),
}).createMachine({
  id: 'cancel',
  context: ({ input }) => ({ ...input, appointments: [], invalidAnswers: 0, outcome: 'abandoned' }),
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
            actions: [{ type: 'say', params: ({ context }) => reply('appointments.none', { patient: context.patient.firstName }) }, assign({ outcome: 'none' })],
          },
          { target: 'awaitingAppointment', actions: assign({ appointments: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => reply('cancel.askWhich', undefined, appointmentOptions(context.appointments)) },
      on: {
        USER_MESSAGE: [
          {
            guard: ({ context, event }) => context.appointments.some((a) => a.id === event.choice),
            target: 'awaitingConfirmation',
            actions: assign({ chosen: ({ context, event }) => context.appointments.find((a) => a.id === (event as { choice?: string }).choice) }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => reply('cancel.confirm', context.chosen ? appointmentParams(context.chosen) : {}, YES_NO),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'cancelling' },
          { guard: { type: 'picked', params: 'no' }, target: 'done', actions: { type: 'say', params: reply('cancel.kept') } },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    cancelling: {
      invoke: {
        src: 'cancel',
        input: ({ context }) => ({ appointmentId: context.chosen?.id ?? '' }),
        onDone: {
          target: 'done',
          actions: [{ type: 'say', params: ({ event }) => reply('cancel.done', appointmentParams(event.output)) }, assign({ outcome: 'cancelled' })],
        },
        onError: { target: 'failed' },
      },
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ outcome: 'error' })],
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }) => ({ outcome: context.outcome }),
});
