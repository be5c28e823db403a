/**
 * Choosing one of the patient's upcoming appointments, as cancelling and rescheduling both do:
 * the list loaded (nothing to choose, one named already, or the question), the option picked,
 * and the request that keeps the chosen one across a revision.
 */
import { assign, fromPromise, type DoneActorEvent, type EventObject } from 'xstate';
import type { Appointment } from '../bot/domain.js';
import { appointmentsNamed, namedParts, namesNone, namesOne, type Request } from './appointments.js';
import type { DialogEvent } from './events.js';
import { reply } from './replies.js';
import type { RepeatEvent } from './speech.js';
import { namesOtherPatient, patientOf, type ForPatient } from './operation.js';
import { choiceOf } from './understood.js';

/** What a machine that chooses an appointment keeps. */
export interface ChoosingAppointment {
  request?: Request;
  appointments: Appointment[];
  chosen?: Appointment;
}

/** The listed appointment the message picked, if it picked one. */
export const pickedAppointment = (context: Pick<ChoosingAppointment, 'appointments'>, event: EventObject): Appointment | undefined =>
  context.appointments.find((appointment) => appointment.id === choiceOf(event));

/** The agenda call that lists a patient's upcoming appointments; the engine provides it. */
export const listAppointments = fromPromise<Appointment[], { patientId: string }>(async () => {
  throw new Error('listAppointments is provided by the engine');
});

/** Guards of the appointment question (spread into `setup({ guards })`). */
export const appointmentChoiceGuards = {
  /** The message picked one of the appointments listed. */
  pickedShown: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) => pickedAppointment(context, event) !== undefined,
  namesAnotherPatient: namesOtherPatient,
};

/** What a revision keeps of the operation: the appointment chosen, if any. */
export const keepingChosen = (context: Pick<ChoosingAppointment, 'chosen'>): Request => (context.chosen ? { appointmentId: context.chosen.id } : {});

/** Done event of the `listAppointments` call. */
type Listed = DoneActorEvent<Appointment[]>;

/**
 * The state that loads the patient's appointments: none (said, then the final state `none`),
 * exactly one named by the member (chosen, then `named`), or the list to choose from
 * (`awaitingAppointment`). An agenda failure goes to `failed`. The machine has the action `say`.
 */
export function loadingAppointments<TContext extends ChoosingAppointment & ForPatient>(named: string) {
  // The whole context comes back with the list: an update typed for any machine that chooses.
  const listed = (update: (context: TContext, appointments: Appointment[]) => Partial<ChoosingAppointment>) =>
    assign<TContext, Listed, undefined, DialogEvent | RepeatEvent, never>(({ context, event }) => ({ ...context, ...update(context, event.output) }));
  return {
    invoke: {
      src: 'listAppointments',
      input: ({ context }: { context: ForPatient }) => ({ patientId: context.patient.id }),
      onDone: [
        {
          guard: ({ event }: { event: Listed }) => event.output.length === 0,
          target: 'none',
          actions: { type: 'say', params: ({ context }: { context: ForPatient }) => reply('appointments.none', patientOf(context)) },
        },
        {
          // The member named the appointment ("la del miércoles") and exactly one fits (point 16).
          guard: ({ context, event }: { context: ChoosingAppointment; event: Listed }) => namesOne(event.output, context.request),
          target: named,
          actions: listed((context, appointments) => ({ appointments, chosen: appointmentsNamed(appointments, context.request)[0] })),
        },
        {
          // "La del jueves" when there is none on Thursday: said plainly, then the ones there are.
          guard: ({ context, event }: { context: ChoosingAppointment; event: Listed }) => namesNone(event.output, context.request),
          target: 'awaitingAppointment',
          actions: [
            { type: 'say', params: ({ context }: { context: TContext }) => reply('appointments.noneNamed', { ...patientOf(context), ...namedParts(context.request) }) },
            listed((_, appointments) => ({ appointments })),
          ],
        },
        { target: 'awaitingAppointment', actions: listed((_, appointments) => ({ appointments })) },
      ],
      onError: { target: 'failed' },
    },
  } as const;
}
