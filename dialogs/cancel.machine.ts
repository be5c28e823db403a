/** The cancel machine: which appointment (appointment-choice.ts), a confirmation that names it, the cancellation. */
import { and, assign, enqueueActions, fromPromise, setup, type EventObject } from 'xstate';
import type { Appointment, Patient } from '../bot/domain.js';
import { appointmentOptions, appointmentParams, type Request } from './appointments.js';
import {
  BEFORE_THE_PICK,
  appointmentChoiceGuards,
  keepingChosen,
  listAppointments,
  loadingAppointments,
  oneDescribed,
  otherAppointmentNamed,
  pickedAppointment,
  type ChoosingAppointment,
} from './appointment-choice.js';
import type { DialogEvent } from './events.js';
import { machineTypes } from './machine-types.js';
import { endings } from './endings.js';
import { appointmentFor, leftAsIs, patientOf, revisionBy, type Revision } from './operation.js';
import type { PatientChoice } from './patients.js';
import { YES_NO, ask, reply } from './replies.js';
import { childSpeech, type RepeatEvent, type SpeakingContext } from './speech.js';
import { answerOf, asksAnotherTimeInstead, entitiesOf, intentOf, messageGuards } from './understood.js';

export interface CancelInput {
  patient: Patient;
  patients: PatientChoice[];
  /** What the member said about the appointment ("la cita del miércoles"). */
  request?: Request;
}

export type CancelOutput =
  /** `appointment`: the one cancelled, when one was ("y sacar una nueva ese mismo día" is read against it). */
  | { outcome: 'cancelled'; appointment?: Appointment }
  /** `kept`: the appointment the member chose and then kept ("no gracias, mejor la dejo"): spoken of, for "¿a qué hora llego?". */
  | { outcome: 'abandoned'; kept?: Appointment }
  | { outcome: 'none' | 'error' | 'back' }
  /**
   * "No, mejor no la cancele, la quiero es correr para otro día" at «¿La cancelo?»: nothing cancelled; the appointment chosen
   * (and when to move it to, if said) goes to its move.
   */
  | { outcome: 'moveInstead'; request: Request }
  | Revision;

type CancelContext = CancelInput &
  ChoosingAppointment &
  SpeakingContext & {
    /** "Las dos citas": the appointments still to cancel, after a yes to all of them. */
    toCancel?: Appointment[];
  };

const { endWith, failed, output } = endings<CancelContext, CancelOutput>({
  cancelled: true,
  none: true,
  abandoned: true,
  error: true,
  back: true,
  revise: true,
  moveInstead: true,
});

/** What the member said of when to move it, kept for the move ("…la quiero es correr pal jueves en la tarde"). */
function movedTo(event: EventObject): Request {
  const entities = entitiesOf(event);
  const day = entities.newDay ?? entities.day;
  const time = entities.newTime ?? entities.time;
  return { ...(day ? { newDay: day } : {}), ...(time ? { newTime: time } : {}), ...(entities.band ? { band: entities.band } : {}) };
}

/**
 * Cancelling an appointment (contract points 13, 16, 18): which one (always asked, unless the
 * member named exactly one), a yes/no confirmation that names it, then the cancellation in the
 * agenda, which frees the slot. "No" at the confirmation goes back to the list; "déjela así" or
 * "lo voy a pensar" ends it, the appointment kept.
 */
export const cancelMachine = setup({
  types: machineTypes<{ context: CancelContext; events: DialogEvent | RepeatEvent; input: CancelInput; output: CancelOutput }>(),
  actors: {
    listAppointments,
    cancel: fromPromise<Appointment, { appointmentId: string }>(() => Promise.reject(new Error('cancel is provided by the engine'))),
  },
  guards: {
    ...messageGuards,
    ...appointmentChoiceGuards,
    /** "No, mejor muévala", "la quiero es correr para otro día": not to cancel it, but to move it. */
    movesInstead: ({ event }) => intentOf(event) === 'reschedule' && answerOf(event) !== 'yes',
    /** Another cita asked instead, at a time said (see `asksAnotherTimeInstead`): the cita moved there. */
    asksAnotherTimeInstead: ({ event }) => asksAnotherTimeInstead(event),
  },
  actions: {
    ...childSpeech<CancelContext, DialogEvent | RepeatEvent>(),
  },
}).createMachine({
  id: 'cancel',
  context: ({ input }) => ({ ...input, appointments: [], invalidAnswers: 0 }),
  initial: 'loading',
  on: { REPEAT: { actions: 'repeatPrompt' } },
  states: {
    // (Every appointment asked for, with more than one: all of them, listed, with one yes; see `confirmingAll`.)
    loading: loadingAppointments<CancelContext>('awaitingConfirmation', 'awaitingConfirmation', 'confirmingAll'),
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('appointment', 'cancel.askWhich', patientOf(context), appointmentOptions(context.appointments)) },
      on: {
        BACK: { target: 'back' },
        USER_MESSAGE: [
          ...BEFORE_THE_PICK,
          // ("Mejor muévala, la del miércoles": that one, to its move.)
          {
            guard: and(['movesInstead', 'pickedShown']),
            target: 'moveInstead',
            actions: assign({ chosen: ({ context, event }) => pickedAppointment(context, event) }),
          },
          // ("No, mejor reprogramarla": none chosen yet; the move asks which.)
          { guard: 'movesInstead', target: 'moveInstead' },
          { guard: 'asksAnotherTimeInstead', target: 'moveInstead' },
          { guard: 'pickedShown', target: 'awaitingConfirmation', actions: assign({ chosen: ({ context, event }) => pickedAppointment(context, event) }) },
          // "Las dos", "todas": every appointment listed, with one yes.
          { guard: ({ context, event }) => entitiesOf(event).allAppointments === true && context.appointments.length > 1, target: 'confirmingAll' },
          // A bare "no" to "¿Cuál cita…?": none of them; they stay as they are, said, and the menu follows.
          { guard: 'saidNo', target: 'leftAsIs' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('confirm', 'cancel.confirm', appointmentFor(context, context.chosen), YES_NO) },
      on: {
        // "No" goes back to the list, not to the menu: the member may have meant another one (when there is another).
        BACK: { target: 'awaitingAppointment', actions: { type: 'say', params: reply('cancel.kept') } },
        USER_MESSAGE: [
          // "Mejor no la cancele, la quiero es correr para otro día": not cancelled, moved instead (the appointment kept).
          { guard: 'movesInstead', target: 'moveInstead' },
          { guard: 'asksAnotherTimeInstead', target: 'moveInstead' },
          // "Mmm, déjeme lo pienso": not now; the appointment stays, and Lina says so.
          { guard: 'leavesAsIs', target: 'leftAsIs' },
          { guard: 'saidYes', target: 'cancelling' },
          // "No pues, ya no la necesito": whatever word opens it, the reason to cancel.
          { guard: 'saysNotNeeded', target: 'cancelling' },
          // "No no, perdón, la otra, la de medicina general": that one, to its own confirmation.
          {
            guard: 'namesOtherAppointment',
            target: 'awaitingConfirmation',
            reenter: true,
            actions: assign({ chosen: ({ context, event }) => otherAppointmentNamed(context, event) ?? context.chosen }),
          },
          // "Ay no, perdón, era la del niño la que tocaba cancelar": another patient's, before any "no" keeps this one.
          { guard: 'namesAnotherPatient', target: 'revised' },
          // With one appointment there is no other to mean: "no gracias" keeps it, said, and the menu follows.
          { guard: 'saidNoToTheOnlyOne', target: 'leftAsIs' },
          { guard: 'saidNo', target: 'awaitingAppointment', actions: { type: 'say', params: reply('cancel.kept') } },
          // "¡Si ya le dije que la cancele!": asked for again, annoyed, with no yes word: the yes.
          { guard: { type: 'insistsOn', params: 'cancel' }, target: 'cancelling' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** Every appointment listed, each on its line, and one yes/no for all of them. */
    confirmingAll: {
      tags: ['awaitingInput'],
      entry: [
        enqueueActions(({ context, enqueue }) => {
          enqueue({ type: 'say', params: reply('cancel.confirmAllIntro', { ...patientOf(context), count: context.appointments.length }) });
          for (const appointment of context.appointments) enqueue({ type: 'say', params: reply('cancel.confirmAllItem', appointmentParams(appointment)) });
        }),
        { type: 'prompt', params: ({ context }) => ask('confirm', 'cancel.confirmAll', { count: context.appointments.length }, YES_NO) },
      ],
      on: {
        BACK: { target: 'awaitingAppointment' },
        USER_MESSAGE: [
          { guard: 'movesInstead', target: 'moveInstead' },
          { guard: 'leavesAsIs', target: 'leftAsIs' },
          { guard: 'saidYes', target: 'cancellingAll', actions: assign({ toCancel: ({ context }) => context.appointments }) },
          { guard: 'saysNotNeeded', target: 'cancellingAll', actions: assign({ toCancel: ({ context }) => context.appointments }) },
          { guard: 'namesAnotherPatient', target: 'revised' },
          // "No, solo la del viernes": one of them after all, described.
          {
            guard: ({ context, event }) => oneDescribed(context.appointments, event) !== undefined,
            target: 'awaitingConfirmation',
            actions: assign({ chosen: ({ context, event }) => oneDescribed(context.appointments, event) }),
          },
          { guard: 'saidNo', target: 'awaitingAppointment', actions: { type: 'say', params: reply('cancel.kept') } },
          { guard: { type: 'insistsOn', params: 'cancel' }, target: 'cancellingAll', actions: assign({ toCancel: ({ context }) => context.appointments }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** One cancellation after another, each said when done. */
    cancellingAll: {
      invoke: {
        src: 'cancel',
        input: ({ context }) => ({ appointmentId: context.toCancel?.[0]?.id ?? '' }),
        onDone: [
          {
            guard: ({ context }) => (context.toCancel?.length ?? 0) > 1,
            target: 'cancellingAll',
            reenter: true,
            actions: [
              { type: 'say', params: ({ context, event }) => reply('cancel.done', appointmentFor(context, event.output)) },
              assign({ toCancel: ({ context }) => context.toCancel?.slice(1) }),
            ],
          },
          {
            target: 'cancelled',
            actions: [{ type: 'say', params: ({ context, event }) => reply('cancel.done', appointmentFor(context, event.output)) }, assign({ toCancel: undefined })],
          },
        ],
        onError: { target: 'failed' },
      },
    },
    cancelling: {
      invoke: {
        src: 'cancel',
        input: ({ context }) => ({ appointmentId: context.chosen?.id ?? '' }),
        onDone: {
          target: 'cancelled',
          actions: { type: 'say', params: ({ context, event }) => reply('cancel.done', appointmentFor(context, event.output)) },
        },
        onError: { target: 'failed' },
      },
    },
    failed: failed({ outcome: 'error' }),
    cancelled: endWith(({ context }) => ({ outcome: 'cancelled', ...(context.chosen && !context.toCancel ? { appointment: context.chosen } : {}) })),
    none: endWith({ outcome: 'none' }),
    leftAsIs: {
      ...endWith(({ context }) => ({ outcome: 'abandoned', ...(context.chosen ? { kept: context.chosen } : {}) })),
      entry: { type: 'say', params: ({ context }) => leftAsIs('cancel', context, context.chosen) },
    },
    moveInstead: endWith(({ context, event }) => ({
      outcome: 'moveInstead',
      request: { ...keepingChosen(context), ...(context.chosen ? { appointmentConfirmed: true as const } : {}), ...movedTo(event) },
    })),
    /** The member named another patient: the conversation asks, keeping the appointment they described. */
    revised: endWith(({ context, event }) => revisionBy(event, keepingChosen(context))),
    back: endWith({ outcome: 'back' }),
  },
  output,
});
