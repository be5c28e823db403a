/**
 * What the operation machines (booking, cancelling, rescheduling, taking a slot, finding one)
 * share: how texts name the patient, the guard for another patient named mid-flow, the ending
 * that hands a revision back to the conversation, and the relay of the member's messages to the
 * child machine that holds the pending question.
 */
import { sendTo, type AnyActorRef, type EventObject, type MachineContext } from 'xstate';
import type { Appointment, Patient } from '../bot/domain.js';
import type { Understanding } from '../bot/understanding/types.js';
import { appointmentParams, bogotaParts, patientParams, type Request } from './appointments.js';
import type { DialogEvent } from './events.js';
import { namesAnotherPatient, resolvePatient, type PatientChoice } from './patients.js';
import { reply, type Reply, type ReplyParams } from './replies.js';
import type { RepeatEvent } from './speech.js';
import { entitiesOf, intentOf, isMessage } from './understood.js';

/** The patient an operation runs for, and everyone the member may choose. */
export interface ForPatient {
  patient: Patient;
  patients: PatientChoice[];
  /** The citas booked in this conversation: "seguidita después de la de Mateo" is read against them. */
  bookedHere?: BookedHere[];
  /** Someone else is known to write for the member ("le escribe el esposo"): the member is named, never "tu cita". */
  writerKnown?: true;
}

/** A cita booked in this conversation, as a time another booking may be asked relative to. */
export interface BookedHere {
  patientId: string;
  start: string;
  end: string;
}

/**
 * The cita booked in this conversation whose day or time the message refers to: "a la misma hora
 * que la de Mateo" (its start), "seguidita después de la de Mateo" (its end), "el mismo día que la
 * de la niña" (its day, no time). Undefined when that person has no cita booked here.
 */
export function bookedReferred(
  context: { bookedHere?: BookedHere[]; patients: PatientChoice[] },
  said: Understanding['entities'],
): { booked: BookedHere; self: boolean; name: string; day: string; from?: string } | undefined {
  if (!said.timeOf) return undefined;
  const resolution = resolvePatient([said.timeOf], context.patients);
  if (resolution.kind !== 'one') return undefined;
  const { patient, self } = resolution.choice;
  const booked = context.bookedHere?.findLast((cita) => cita.patientId === patient.id);
  if (!booked) return undefined;
  const from = said.sameDay && !said.sameTime ? undefined : bogotaParts(said.afterTimeOf ? booked.end : booked.start).time;
  return { booked, self: self === true, name: patient.firstName, day: bogotaParts(booked.start).day, ...(from ? { from } : {}) };
}

/** "La cita de Mateo es el jueves 26 a las 3:00 p. m.; te busco horarios de ese día (desde esa hora)." */
export function relativeToReply(referred: ReturnType<typeof bookedReferred>): Reply {
  const context = [referred?.self ? 'self' : undefined, referred && !referred.from ? 'day' : undefined].filter(Boolean).join('_') || undefined;
  return reply('slots.relativeTo', { start: referred?.booked.start, day: referred?.day, name: referred?.name, context });
}

/** The patient is the member themself. */
export const isSelf = (context: ForPatient): boolean => context.patients.some((choice) => choice.self && choice.patient.id === context.patient.id);

/** Texts speak to the patient ("tu cita"): the patient is the member, and the member is the one writing. */
export const speaksToPatient = (context: ForPatient): boolean => isSelf(context) && context.writerKnown !== true;

/** How texts name the operation's patient ("tu cita", "la cita de Mateo"; "la cita de Diana" to her husband writing). */
export const patientOf = (context: ForPatient): ReplyParams => patientParams(context.patient, speaksToPatient(context));

/** An appointment's line and its patient, for the questions that name one appointment. */
export const appointmentFor = (context: ForPatient, appointment: Appointment | undefined): ReplyParams => ({
  ...(appointment ? appointmentParams(appointment) : {}),
  ...patientOf(context),
});

/**
 * Whose appointment's time the message refers to ("a la misma hora de Mateito"), as texts name
 * them: a beneficiary's first name, the member's own (`self`), or someone unnamed.
 */
export function timeOfParams(context: ForPatient, event: EventObject): ReplyParams {
  const mention = entitiesOf(event).timeOf;
  const resolution = resolvePatient(mention ? [mention] : [], context.patients);
  if (resolution.kind === 'one') return resolution.choice.self ? { context: 'self' } : { name: resolution.choice.patient.firstName };
  return mention?.kind === 'name' ? { name: mention.written ?? mention.name } : { context: 'unnamed' };
}

/** Guard: "a la misma hora de Mateito", the time of someone else's appointment, which Lina does not look up but asks for. */
export const refersToAnothersTime = ({ event }: { event: EventObject }): boolean => entitiesOf(event).timeOf !== undefined;

/** What Lina says to a reference to someone else's appointment time: what time that is, plainly asked. */
export const SAY_ASK_THAT_TIME = {
  type: 'say',
  params: ({ context, event }: { context: ForPatient; event: EventObject }) => reply('booking.timeOfOther', timeOfParams(context, event)),
} as const;

/**
 * What Lina says when the member leaves things as they are ("déjela así", "olvídelo") while
 * cancelling or moving: the appointment they had chosen stays, named; without one, nothing changed.
 */
export const leftAsIs = (operation: 'cancel' | 'reschedule', context: ForPatient, appointment: Appointment | undefined): Reply =>
  reply(`${operation}.leftAsIs`, appointment ? appointmentFor(context, appointment) : { context: 'none' });

/** Guard: the message names someone other than the patient, or asks to change patient. */
export const namesOtherPatient = ({ context, event }: { context: ForPatient; event: EventObject }): boolean =>
  namesAnotherPatient(entitiesOf(event).patients, context.patients, context.patient) || intentOf(event) === 'change_patient';

/** What an operation ends with when the member named another patient: what they said, and what to keep. */
export type Revision = { outcome: 'revise'; understood: Understanding; request: Request };

/** The revision a message makes, keeping `request`; an ending without one for any other event. */
export const revisionBy = (event: EventObject, request: Request): Revision | { outcome: 'abandoned' } =>
  isMessage(event) ? { outcome: 'revise', understood: event.understood, request } : { outcome: 'abandoned' };

/**
 * The `on` of a state that runs the child machine `id`: the member's messages, "atrás" and the
 * parent's REPEAT go to the child, which holds the pending question.
 */
export function relayTo<TContext extends MachineContext>(id: string) {
  const relay = sendTo<TContext, DialogEvent | RepeatEvent, undefined, AnyActorRef, DialogEvent | RepeatEvent, never, never>(
    id,
    ({ event }: { event: DialogEvent | RepeatEvent }) => event,
  );
  return { USER_MESSAGE: { actions: relay }, BACK: { actions: relay }, REPEAT: { actions: relay } };
}
