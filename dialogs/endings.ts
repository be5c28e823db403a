/**
 * How an operation machine ends and says what came of it: in one of its top-level final states,
 * each stating its own output; the machine's `output` passes on the one it ended in. No context
 * field carries the result.
 */
import type { DoneActorEvent, DoneStateEvent, EventObject } from 'xstate';
import { reply } from './replies.js';

/** What a final state's output is made from: the context, and the event that ended the machine. */
type Ending<TContext, TOutput> = TOutput | ((args: { context: TContext; event: EventObject }) => TOutput);

/**
 * The final states and the `output` of a machine whose output is `TOutput`. XState types a final
 * state's output as `unknown` when it hands it to the machine's `output`; every final state of
 * such a machine is made by `endWith` or `failed`, as a `TOutput`, which the one cast below relies on.
 */
export function endings<TContext, TOutput>() {
  return {
    /** A top-level final state that ends the machine with `output`. */
    endWith: (output: Ending<TContext, TOutput>) => ({ type: 'final', output }) as const,
    /** The agenda did not answer: said, and the machine ends with `error`. */
    failed: (output: TOutput) => ({ type: 'final', entry: { type: 'say', params: reply('errors.agendaUnavailable') }, output }) as const,
    /** The machine's `output`: that of the final state it ended in. */
    output: ({ event }: { event: DoneStateEvent }): TOutput => event.output as TOutput,
  };
}

/**
 * Whether `event` is the done event of the child actor `id`, whose output is a `TOutput`: for a
 * final state ending with what a child ended with.
 */
export const isDoneBy =
  <TOutput>(id: string) =>
  (event: EventObject): event is DoneActorEvent<TOutput> =>
    event.type === `xstate.done.actor.${id}`;
