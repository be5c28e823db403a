/**
 * The conversation's actor for a turn: started from a saved snapshot or a new conversation,
 * with what it says and records collected for the turn, and the wait until every machine in
 * it has settled in a state that waits for the member.
 */
import { createActor, type AnyMachineSnapshot, type InspectionEvent, type Snapshot } from 'xstate';
import type { ConversationInput, ConversationRecord } from '../../dialogs/conversation.machine.js';
import { errorCode } from '../../dialogs/errors.js';
import type { Reply } from '../../dialogs/replies.js';
import { isSettled } from '../../dialogs/settled.js';
import { CONVERSATION_SYSTEM_ID } from '../../dialogs/speech.js';
import type { createConversationMachine } from '../dialog-actors.js';
import { errorSummary, QUIET, type TurnLog } from './turn-log.js';

export type ConversationMachine = ReturnType<typeof createConversationMachine>;
export type MachineActor = ReturnType<typeof createActor<ConversationMachine>>;

/** What one turn collects from the actor while it runs. */
export interface TurnHooks {
  replies: Reply[];
  records: ConversationRecord[];
  /** Codes of the agenda calls that failed during the turn. */
  actorErrors: string[];
  log: TurnLog;
}

export interface ConversationActor {
  actor: MachineActor;
  hooks: TurnHooks;
}

/** An actor for a turn: restored from a saved snapshot, or a new conversation from `input`. */
export function startConversationActor(machine: ConversationMachine, snapshot: Snapshot<unknown> | undefined, input?: ConversationInput): ConversationActor {
  // Every turn sets its own log before it sends anything to the actor.
  const hooks: TurnHooks = { replies: [], records: [], actorErrors: [], log: QUIET };
  // Agenda failures reach the member as a message; operators see their codes here.
  const inspect = (inspection: InspectionEvent) => {
    if (inspection.type !== '@xstate.event' || !inspection.event.type.startsWith('xstate.error.actor')) return;
    const error = (inspection.event as { error?: unknown }).error;
    hooks.actorErrors.push(errorCode(error) ?? 'UNEXPECTED');
    hooks.log.warn({ err: errorSummary(error) }, 'dialog actor failed');
  };
  const actor = snapshot
    ? createActor(machine, { snapshot, input: undefined, inspect, systemId: CONVERSATION_SYSTEM_ID })
    : createActor(machine, { input, inspect, systemId: CONVERSATION_SYSTEM_ID });
  actor.on('reply', (event) => hooks.replies.push(event.reply));
  actor.on('record', (event) => hooks.records.push(event.record));
  actor.start();
  return { actor, hooks };
}

/** A new turn on an actor: what the last one collected is cleared and the turn's log bound. */
export function beginTurn({ hooks }: ConversationActor, log: TurnLog): TurnHooks {
  hooks.replies = [];
  hooks.records = [];
  hooks.actorErrors = [];
  hooks.log = log;
  return hooks;
}

export class TurnTimeoutError extends Error {
  override readonly name = 'TurnTimeoutError';
}

/** Resolves with the snapshot once every machine waits for the member (or has ended); rejects after `timeoutMs`. */
export function waitUntilSettled(actor: MachineActor, timeoutMs: number): Promise<AnyMachineSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const snapshot = actor.getSnapshot();
      if (isSettled(snapshot)) {
        cleanup();
        resolve(snapshot);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new TurnTimeoutError(`turn did not settle within ${timeoutMs} ms`));
    }, timeoutMs);
    // Child machines change without the root's snapshot changing: watch the whole system.
    const subscription = actor.system.inspect({ next: () => queueMicrotask(check) });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the actor's own error, passed on as it is
    const rootSubscription = actor.subscribe({ next: check, error: (error) => (cleanup(), reject(error)) });
    function cleanup() {
      clearTimeout(timer);
      subscription.unsubscribe();
      rootSubscription.unsubscribe();
    }
    check();
  });
}
