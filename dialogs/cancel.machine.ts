import { assign, fromPromise, setup } from 'xstate';
import type { Appointment, Patient } from '../bot/domain.js';
import type { Understanding } from '../bot/understanding/types.js';
import { appointmentOptions, appointmentParams, appointmentsNamed, namesOne, patientParams, type Request } from './appointments.js';
import type { DialogEvent } from './events.js';
import { namesAnotherPatient, type PatientChoice } from './patients.js';
import { YES_NO, ask, reply } from './replies.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { entitiesOf, intentOf, isMessage, messageGuards } from './understood.js';
import { machineTypes } from './machine-types.js';

export interface CancelInput {
  patient: Patient;
  patients: PatientChoice[];
  /** What the member said about the appointment ("la cita del miércoles"). */
  request?: Request;
}

export type CancelOutput =
  | { outcome: 'cancelled' | 'none' | 'abandoned' | 'error' | 'back' }
  | { outcome: 'revise'; understood: Understanding; request: Request };

interface CancelContext extends CancelInput, SpeakingContext {
  appointments: Appointment[];
  chosen?: Appointment;
  result: CancelOutput;
}

const isSelf = (context: CancelContext) => context.patients.some((choice) => choice.self && choice.patient.id === context.patient.id);

/**
 * Cancelling an appointment (contract points 13, 16, 18): which one (always asked, unless the
 * member named exactly one), a yes/no confirmation that names it, then the cancellation in the
 * agenda, which frees the slot. "No" at the confirmation goes back to the list.
 */
export const cancelMachine = setup({
  types: machineTypes<{ context: CancelContext; events: DialogEvent | RepeatEvent; input: CancelInput; output: CancelOutput }>(),
  actors: {
    listAppointments: fromPromise<Appointment[], { patientId: string }>(async () => {
      throw new Error('listAppointments is provided by the engine');
    }),
    cancel: fromPromise<Appointment, { appointmentId: string }>(async () => {
      throw new Error('cancel is provided by the engine');
    }),
  },
  guards: {
    ...messageGuards,
    pickedShown: ({ context, event }) => context.appointments.some((appointment) => isMessage(event) && appointment.id === event.choice),
    namesAnotherPatient: ({ context, event }) =>
      namesAnotherPatient(entitiesOf(event).patients, context.patients, context.patient) || intentOf(event) === 'change_patient',
  },
  actions: {
    ...childSpeech<CancelContext, DialogEvent | RepeatEvent>(),
    endWithRevision: assign({
      result: ({ context, event }) =>
        isMessage(event) ? { outcome: 'revise', understood: event.understood, request: context.chosen ? { appointmentId: context.chosen.id } : {} } : { outcome: 'abandoned' },
    }),
  },
}).createMachine({
  id: 'cancel',
  context: ({ input }) => ({ ...input, appointments: [], invalidAnswers: 0, result: { outcome: 'abandoned' } }),
  initial: 'loading',
  on: { REPEAT: { actions: 'repeatPrompt' } },
  states: {
    loading: {
      invoke: {
        src: 'listAppointments',
        input: ({ context }) => ({ patientId: context.patient.id }),
        onDone: [
          {
            guard: ({ event }) => event.output.length === 0,
            target: 'done',
            actions: [{ type: 'say', params: ({ context }) => reply('appointments.none', patientParams(context.patient, isSelf(context))) }, assign({ result: { outcome: 'none' } })],
          },
          {
            // The member named the appointment ("la del miércoles") and exactly one fits (point 16).
            guard: ({ context, event }) => namesOne(event.output, context.request),
            target: 'awaitingConfirmation',
            actions: assign(({ context, event }) => ({ appointments: event.output, chosen: appointmentsNamed(event.output, context.request)[0] })),
          },
          { target: 'awaitingAppointment', actions: assign({ appointments: ({ event }) => event.output }) },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('appointment', 'cancel.askWhich', patientParams(context.patient, isSelf(context)), appointmentOptions(context.appointments)) },
      on: {
        BACK: { target: 'done', actions: assign({ result: { outcome: 'back' } }) },
        USER_MESSAGE: [
          {
            guard: 'pickedShown',
            target: 'awaitingConfirmation',
            actions: assign({ chosen: ({ context, event }) => context.appointments.find((appointment) => isMessage(event) && appointment.id === event.choice) }),
          },
          { guard: 'namesAnotherPatient', target: 'done', actions: 'endWithRevision' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => ask('confirm', 'cancel.confirm', { ...(context.chosen ? appointmentParams(context.chosen) : {}), ...patientParams(context.patient, isSelf(context)) }, YES_NO),
      },
      on: {
        // "No" goes back to the list, not to the menu: the member may have meant another one.
        BACK: { target: 'awaitingAppointment', actions: { type: 'say', params: reply('cancel.kept') } },
        USER_MESSAGE: [
          { guard: 'saidYes', target: 'cancelling' },
          { guard: 'saidNo', target: 'awaitingAppointment', actions: { type: 'say', params: reply('cancel.kept') } },
          { guard: 'namesAnotherPatient', target: 'done', actions: 'endWithRevision' },
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
          actions: [{ type: 'say', params: ({ event }) => reply('cancel.done', appointmentParams(event.output)) }, assign({ result: { outcome: 'cancelled' } })],
        },
        onError: { target: 'failed' },
      },
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ result: { outcome: 'error' } })],
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.result,
});
