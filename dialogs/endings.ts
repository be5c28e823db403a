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
 * The final states and the `output` of a machine whose output is `TOutput`, given every outcome
 * it can end with (a record, so the compiler holds it to `TOutput`). XState types a final
 * state's output as `unknown` when it hands it to the machine's `output`: that output is read
 * back by its outcome, which every final state made by `endWith` or `failed` states.
 */
export function endings<TContext, TOutput extends { outcome: string }>(outcomes: Readonly<Record<TOutput['outcome'], true>>) {
  const isOutput = (value: unknown): value is TOutput =>
    typeof value === 'object' && value !== null && 'outcome' in value && typeof value.outcome === 'string' && Object.hasOwn(outcomes, value.outcome);
  return {
    /** A top-level final state that ends the machine with `output`. */
    endWith: (output: Ending<TContext, TOutput>) => ({ type: 'final', output }) as const,
    /** The agenda did not answer: said, and the machine ends with `error`. */
    failed: (output: TOutput) => ({ type: 'final', entry: { type: 'say', params: reply('errors.agendaUnavailable') }, output }) as const,
    /** The machine's `output`: that of the final state it ended in. */
    output: ({ event }: { event: DoneStateEvent }): TOutput => {
      if (isOutput(event.output)) return event.output;
      throw new Error(`a final state ended without one of its machine's outcomes: ${JSON.stringify(event.output)}`);
    },
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
