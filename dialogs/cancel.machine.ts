/** The cancel machine: which appointment (appointment-choice.ts), a confirmation that names it, the cancellation. */
import { assign, fromPromise, setup } from 'xstate';
import type { Appointment, Patient } from '../bot/domain.js';
import { appointmentOptions, type Request } from './appointments.js';
import {
  ASK_AGAIN_IF_CONTRADICTED,
  NONE_ON_THAT_DAY,
  appointmentChoiceGuards,
  keepingChosen,
  listAppointments,
  loadingAppointments,
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
import { messageGuards } from './understood.js';

export interface CancelInput {
  patient: Patient;
  patients: PatientChoice[];
  /** What the member said about the appointment ("la cita del miércoles"). */
  request?: Request;
}

export type CancelOutput = { outcome: 'cancelled' | 'none' | 'abandoned' | 'error' | 'back' } | Revision;

type CancelContext = CancelInput & ChoosingAppointment & SpeakingContext;

const { endWith, failed, output } = endings<CancelContext, CancelOutput>({ cancelled: true, none: true, abandoned: true, error: true, back: true, revise: true });

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
    loading: loadingAppointments<CancelContext>('awaitingConfirmation'),
    awaitingAppointment: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('appointment', 'cancel.askWhich', patientOf(context), appointmentOptions(context.appointments)) },
      on: {
        BACK: { target: 'back' },
        USER_MESSAGE: [
          { guard: 'leavesAsIs', target: 'leftAsIs' },
          ASK_AGAIN_IF_CONTRADICTED,
          { guard: 'pickedShown', target: 'awaitingConfirmation', actions: assign({ chosen: ({ context, event }) => pickedAppointment(context, event) }) },
          { guard: 'namesAnotherPatient', target: 'revised' },
          NONE_ON_THAT_DAY,
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
          // "Mmm, déjeme lo pienso": not now; the appointment stays, and Lina says so.
          { guard: 'leavesAsIs', target: 'leftAsIs' },
          { guard: 'saidYes', target: 'cancelling' },
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
    cancelled: endWith({ outcome: 'cancelled' }),
    none: endWith({ outcome: 'none' }),
    leftAsIs: { ...endWith({ outcome: 'abandoned' }), entry: { type: 'say', params: ({ context }) => leftAsIs('cancel', context, context.chosen) } },
    /** The member named another patient: the conversation asks, keeping the appointment they described. */
    revised: endWith(({ context, event }) => revisionBy(event, keepingChosen(context))),
    back: endWith({ outcome: 'back' }),
  },
  output,
});
