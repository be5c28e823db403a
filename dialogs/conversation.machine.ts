/**
 * The conversation machine: the root of every conversation. What it holds and its events are in
 * conversation-context.ts, its guards and actions in conversation.setup.ts, and its states in
 * three files: identification (greeting, consent, document, second factor, eligibility), the
 * patient (who the member books for, and switching mid-flow) and the menu with the operations.
 */
import { assign, emit } from 'xstate';
import { promptForWriter } from './conversation-context.js';
import { identificationStates } from './conversation-identification.states.js';
import { operationStates } from './conversation-operations.states.js';
import { patientStates } from './conversation-patient.states.js';
import { conversationSetup } from './conversation.setup.js';
import { reply } from './replies.js';

/**
 * Bumped whenever a change makes older saved snapshots unsafe to resume: the engine then
 * starts those conversations over, politely, instead of restoring them.
 */
export const CONVERSATION_MACHINE_VERSION = 2;

export { MENU_OPERATIONS, type Operation } from './choices.js';
export type { ConversationEmitted, ConversationInput, FindMemberInput } from './conversation-context.js';
export type { ConversationRecord, Outcome } from './records.js';

/**
 * A whole conversation: greeting, Ley 1581 authorisation, identification with a second
 * factor, eligibility, patient, then the main menu and the operations it starts (contract
 * points 1-7, 12, 14, 16, 19). What the member asks for before Lina can act (in the first
 * message, or while choosing the patient) is kept and acted on once they are identified.
 */
export const conversationMachine = conversationSetup.createMachine({
  id: 'conversation',
  context: ({ input }) => ({ ...input, identityFailures: 0, invalidAnswers: 0, verified: false }),
  initial: 'start',
  on: {
    // What any machine of the conversation says or records reaches the engine from here.
    SAY: { actions: emit(({ event }) => ({ type: 'reply' as const, reply: event.reply })) },
    RECORD: { actions: emit(({ event }) => ({ type: 'record' as const, record: event.record })) },
    HELP: { actions: ['answerHelp', 'repeatPrompt'] },
    GREET: { actions: [{ type: 'say', params: reply('common.greetAgain') }, 'repeatPrompt'] },
    THANKS: { actions: [{ type: 'say', params: reply('common.youAreWelcome') }, 'repeatPrompt'] },
    BACK: { actions: 'repeatPrompt' },
    // "Le escribe la abuela": kept, so that "mi nieto" in a later message is read as the member's child.
    // (The question pending, asked again after this message, then reads "Para Laura" for "Para mí".)
    WRITER: { actions: assign({ writer: ({ event }) => event.writer, lastPrompt: ({ context }) => promptForWriter(context.lastPrompt, context.member) }) },
    MENU: [
      // "Menú" gives up what was under way and what was to come after it.
      { guard: 'identified', target: '.menu', actions: assign({ request: undefined, nextRequest: undefined }) },
      { guard: 'choosingPatient', target: '.awaitingPatient', actions: assign({ request: undefined, nextRequest: undefined }) },
      { target: '.greeting', actions: ['forgetIdentity', assign({ request: undefined, nextRequest: undefined })] },
    ],
    EXIT: {
      target: '.ended',
      actions: [
        // Leaving in the middle of an operation says that nothing was done.
        {
          type: 'say',
          params: ({ context }) =>
            reply('common.goodbye', {
              context: context.request?.operation !== undefined && context.request.operation !== 'consult' && context.verified ? context.request.operation : undefined,
            }),
        },
        { type: 'record', params: { type: 'outcome', outcome: 'ended' } },
      ],
    },
  },
  states: {
    ...identificationStates,
    ...patientStates,
    ...operationStates,
    ended: { type: 'final' },
  },
});
