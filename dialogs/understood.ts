/**
 * Reading the understanding step's result from an event, and the guards every machine shares.
 * Machines decide on what was understood; they never read text.
 */
import type { EventObject } from 'xstate';
import type { Entities, Intent } from '../bot/understanding/types.js';
import type { UserMessage } from './events.js';

export const isMessage = (event: EventObject): event is UserMessage => event.type === 'USER_MESSAGE';

/** The option the message picked, if any. */
export const choiceOf = (event: EventObject): string | undefined => (isMessage(event) ? event.choice : undefined);

/** What the message said besides its intent; empty for any other event. */
export const entitiesOf = (event: EventObject): Entities => (isMessage(event) ? event.understood.entities : {});

export const intentOf = (event: EventObject): Intent | undefined => (isMessage(event) ? event.understood.intent : undefined);

/** The id of the message, the seed of an intent's idempotency key. */
export const messageIdOf = (event: EventObject): string => (isMessage(event) ? event.messageId : '');

/** The details of a booking a message says (specialty, visit type, site, band, day, hour), as values "booking.noted" lists. */
export function detailsSaidAhead(event: EventObject): string[] {
  if (!isMessage(event)) return [];
  const said = entitiesOf(event);
  return [said.specialty, said.visitType, said.site, said.band, said.day, said.time].filter((value): value is string => value !== undefined);
}

/** A plain "yes" or "no" to a yes/no question: the option picked, or the yes/no it said. */
export function answerOf(event: EventObject): 'yes' | 'no' | undefined {
  const choice = choiceOf(event);
  if (choice === 'yes' || choice === 'no') return choice;
  return entitiesOf(event).yesNo;
}

/**
 * "¿Y me puede dar otra mejor pa pasado mañana tipo diez y media?" at «¿La cancelo?»: another cita
 * instead, at a time said, for the same patient, with no yes to the cancellation; the cancellation
 * hands its cita to a move ("y ahora una nueva para el viernes" is a new booking).
 */
export function asksAnotherTimeInstead(event: EventObject): boolean {
  const said = entitiesOf(event);
  return (
    intentOf(event) === 'book' &&
    said.anotherInstead === true &&
    answerOf(event) !== 'yes' &&
    !said.patients?.length &&
    (said.day !== undefined || said.time !== undefined || said.newDay !== undefined || said.newTime !== undefined)
  );
}

/** Guards every machine that reads members' messages uses (spread into `setup({ guards })`). */
export const messageGuards = {
  /** The message picked the option `value`. */
  picked: ({ event }: { event: EventObject }, value: string) => choiceOf(event) === value,
  /** The message picked one of the options shown. */
  pickedAny: ({ event }: { event: EventObject }) => choiceOf(event) !== undefined,
  /** The message asks for `intent` ("otro día", "cambiar paciente"). */
  saidIntent: ({ event }: { event: EventObject }, intent: Intent) => intentOf(event) === intent,
  saidYes: ({ event }: { event: EventObject }) => answerOf(event) === 'yes',
  saidNo: ({ event }: { event: EventObject }) => answerOf(event) === 'no',
  /**
   * No yes or no, but a clear request for the very operation being confirmed ("ush, ¿por qué tanta pregunta? Si ya le dije
   * que la cancele" at "¿La cancelo?"): the member insists, and that is the yes.
   */
  insistsOn: ({ event }: { event: EventObject }, intent: Intent) =>
    isMessage(event) && answerOf(event) === undefined && event.understood.intent === intent && event.understood.intentScore >= 0.85,
  /** "Déjela así", "olvídelo", "lo voy a pensar": the change under way is given up. */
  leavesAsIs: ({ event }: { event: EventObject }) => entitiesOf(event).leaveAsIs === true,
  saysNotNeeded: ({ event }: { event: EventObject }) => entitiesOf(event).notNeeded === true,
};
