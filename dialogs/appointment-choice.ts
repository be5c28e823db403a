/**
 * Choosing one of the patient's upcoming appointments, as cancelling and rescheduling both do:
 * the list loaded (nothing to choose, one named already, or the question), the option picked,
 * and the request that keeps the chosen one across a revision.
 */
import { assign, fromPromise, type DoneActorEvent, type EventObject } from 'xstate';
import type { Appointment } from '../bot/domain.js';
import { appointmentParams, appointmentsNamed, bogotaParts, namedParts, namesNone, namesOne, type Request } from './appointments.js';
import type { DialogEvent } from './events.js';
import { reply, type Reply } from './replies.js';
import type { RepeatEvent } from './speech.js';
import { namesOtherPatient, patientOf, type ForPatient } from './operation.js';
import { answerOf, choiceOf, entitiesOf } from './understood.js';

/** What a machine that chooses an appointment keeps. */
export interface ChoosingAppointment {
  request?: Request;
  appointments: Appointment[];
  chosen?: Appointment;
}

/** The listed appointment the message picked, if it picked one. */
export const pickedAppointment = (context: Pick<ChoosingAppointment, 'appointments'>, event: EventObject): Appointment | undefined =>
  context.appointments.find((appointment) => appointment.id === choiceOf(event));

/**
 * The appointment the message's words describe when they contradict the position it picked
 * ("la segunda, la de medicina general" when the second is pediatrics): its specialty, day or
 * time fits exactly one other listed appointment and not the one at that position. A day or
 * time said as where to move it ("la segunda, pal viernes") describes no appointment.
 */
export function contradictedBy(context: Pick<ChoosingAppointment, 'appointments'>, event: EventObject): Appointment | undefined {
  const picked = pickedAppointment(context, event);
  return picked ? describedInstead(context.appointments, picked, event) : undefined;
}

/**
 * The one listed appointment other than `instead` that the message's words (specialty, day, time) describe, when they do
 * not describe `instead` itself; a day or time said as where to move it describes none.
 */
function describedInstead(appointments: readonly Appointment[], instead: Appointment, event: EventObject): Appointment | undefined {
  if (oneDescribed([instead], event) !== undefined) return undefined;
  return oneDescribed(
    appointments.filter((appointment) => appointment.id !== instead.id),
    event,
  );
}

/** The one appointment of `appointments` the message's words (specialty, day, time) describe, if exactly one; a day or time said as where to move it describes none. */
export function oneDescribed(appointments: readonly Appointment[], event: EventObject): Appointment | undefined {
  const { specialty, day, weekday, time, newDay, newTime, citaSite } = entitiesOf(event);
  const words = namedParts({ specialty, day, weekday, time, newDay, newTime, ...(citaSite ? { citaSite } : {}) });
  if (Object.keys(words).length === 0) return undefined;
  const described = appointmentsNamed(appointments, words);
  return described.length === 1 ? described[0] : undefined;
}

/**
 * What Lina says before asking again when position and words disagree: which one is at that
 * position and where the one described is (`appointments.contradiction`); never a silent pick.
 */
export function contradiction(context: Pick<ChoosingAppointment, 'appointments'>, event: EventObject): Reply {
  const picked = pickedAppointment(context, event);
  const described = contradictedBy(context, event);
  const positionOf = (appointment: Appointment | undefined) => context.appointments.findIndex((listed) => listed.id === appointment?.id) + 1;
  return reply('appointments.contradiction', {
    ...(picked ? { ...appointmentParams(picked), specialty: picked.specialty } : {}),
    position: positionOf(picked),
    described: positionOf(described),
  });
}

/** The agenda call that lists a patient's upcoming appointments; the engine provides it. */
export const listAppointments = fromPromise<Appointment[], { patientId: string }>(() => Promise.reject(new Error('listAppointments is provided by the engine')));

/**
 * At the yes/no that names the appointment chosen, a no that describes another one listed ("no no, perdón, la
 * otra, la de medicina general"): its specialty, day or time fits exactly one other appointment and not the one
 * being confirmed.
 */
export function otherAppointmentNamed(context: Pick<ChoosingAppointment, 'appointments' | 'chosen'>, event: EventObject): Appointment | undefined {
  if (!context.chosen) return undefined;
  // ("No, la otra", with two listed: the other one.)
  const { chosen } = context;
  if (entitiesOf(event).theOther === true && answerOf(event) !== 'yes' && context.appointments.length === 2 && context.appointments.some((one) => one.id === chosen.id))
    return context.appointments.find((one) => one.id !== chosen.id);
  return answerOf(event) === 'no' ? describedInstead(context.appointments, chosen, event) : undefined;
}

/** Guards of the appointment question (spread into `setup({ guards })`). */
export const appointmentChoiceGuards = {
  /** The message picked one of the appointments listed. */
  pickedShown: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) => pickedAppointment(context, event) !== undefined,
  /** It picked one by its position, but its words describe another one listed. */
  pickContradicted: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) => contradictedBy(context, event) !== undefined,
  namesAnotherPatient: namesOtherPatient,
  /** "No, la otra, la de medicina general" at the yes/no that names the one chosen: another listed, described. */
  namesOtherAppointment: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments' | 'chosen'>; event: EventObject }) =>
    otherAppointmentNamed(context, event) !== undefined,
  /** "No" to the one appointment there is: no list of one to go back to. */
  saidNoToTheOnlyOne: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) =>
    context.appointments.length === 1 && answerOf(event) === 'no',
};

/** "La del jueves" where none listed is on that day: said plainly, then the same question. */
export const NONE_ON_THAT_DAY = {
  guard: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) => {
    const day = entitiesOf(event).appointmentDay;
    return day !== undefined && !context.appointments.some((appointment) => bogotaParts(appointment.start).day === day);
  },
  actions: [
    {
      type: 'say',
      params: ({ context, event }: { context: ForPatient; event: EventObject }) =>
        reply('appointments.noneNamed', { ...patientOf(context), day: entitiesOf(event).appointmentDay, citaSite: entitiesOf(event).citaSite }),
    },
    'repeatPrompt',
  ],
} as const;

/** The transition of the appointment question for a contradicted pick: said, then the same question. */
export const ASK_AGAIN_IF_CONTRADICTED = {
  guard: 'pickContradicted',
  actions: [
    { type: 'say', params: ({ context, event }: { context: Pick<ChoosingAppointment, 'appointments'>; event: EventObject }) => contradiction(context, event) },
    'repeatPrompt',
  ],
} as const;

/** What a revision keeps of the operation: the appointment chosen, if any. */
export const keepingChosen = (context: Pick<ChoosingAppointment, 'chosen'>): Request => (context.chosen ? { appointmentId: context.chosen.id } : {});

/** Done event of the `listAppointments` call. */
type Listed = DoneActorEvent<Appointment[]>;

/**
 * The state that loads the patient's appointments: none (said, then the final state `none`),
 * exactly one named by the member (chosen, then `named`), or the list to choose from
 * (`awaitingAppointment`). An agenda failure goes to `failed`. The machine has the action `say`.
 */
export function loadingAppointments<TContext extends ChoosingAppointment & ForPatient>(named: string, confirmed: string = named, all?: string) {
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
        // "Cancelar las dos citas de Mateo", with more than one: all of them (`all`, where the machine has such a state).
        ...(all
          ? [
              {
                guard: ({ context, event }: { context: ChoosingAppointment; event: Listed }) => context.request?.all === true && event.output.length > 1,
                target: all,
                actions: listed((_, appointments) => ({ appointments })),
              },
            ]
          : []),
        {
          // The member chose it already ("Reprogramar esa cita" at the one-per-specialty offer): no question about which.
          guard: ({ context, event }: { context: ChoosingAppointment; event: Listed }) => context.request?.appointmentConfirmed === true && namesOne(event.output, context.request),
          target: confirmed,
          actions: listed((context, appointments) => ({ appointments, chosen: appointmentsNamed(appointments, context.request)[0] })),
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
            {
              type: 'say',
              params: ({ context }: { context: TContext }) => {
                // The weekday only matches appointments: the text names the day itself.
                const { weekday: _weekday, ...named } = namedParts(context.request);
                return reply('appointments.noneNamed', { ...patientOf(context), ...named });
              },
            },
            listed((_, appointments) => ({ appointments })),
          ],
        },
        { target: 'awaitingAppointment', actions: listed((_, appointments) => ({ appointments })) },
      ],
      onError: { target: 'failed' },
    },
  } as const;
}

/**
 * What the appointment question of every operation hears before a pick: "déjela así", a position its words
 * contradict, another patient named ("no espere, era la de la niña" at the list of Mateo's: the switch is asked,
 * even when the only one listed would fit), and a day no listed appointment is on.
 */
export const BEFORE_THE_PICK = [
  { guard: 'leavesAsIs', target: 'leftAsIs' },
  ASK_AGAIN_IF_CONTRADICTED,
  { guard: 'namesAnotherPatient', target: 'revised' },
  NONE_ON_THAT_DAY,
] as const;
