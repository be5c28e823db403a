import { enqueueActions, sendParent, type EventObject } from 'xstate';
import type { ConversationRecord, RecordEvent } from './records.js';
import { reply, type Reply } from './replies.js';

/** What every machine that asks questions keeps: the pending question and the misses in a row. */
export interface SpeakingContext {
  lastPrompt?: Reply;
  invalidAnswers: number;
}

/** A child's replies travel to its parent as this event; the conversation machine emits them. */
export type SayEvent = { type: 'SAY'; reply: Reply };

/** Invalid answers in a row after which Lina offers help. */
export const INVALID_ANSWERS_BEFORE_HELP = 3;

/**
 * The speaking actions every child machine shares: `say`, `prompt` (remembered for repeats),
 * `repeatPrompt`, `rejectAnswer`, `sayHelp`, `note` (a record) and `relay` (a grandchild's `SAY` or
 * `RECORD`, one level up).
 * Children talk through their parent; the conversation machine emits what reaches it.
 */
export function childSpeech<TContext extends SpeakingContext, TEvent extends EventObject>() {
  type Enqueue = { sendParent: (event: SayEvent) => void; assign: (values: Partial<SpeakingContext>) => void };
  const sayTo = (enqueue: unknown, said: Reply) => (enqueue as Enqueue).sendParent({ type: 'SAY', reply: said });
  return {
    say: sendParent<TContext, TEvent, Reply, SayEvent, TEvent>((_, said) => ({ type: 'SAY', reply: said })),
    /** A record for the engine (a milestone, a subject), sent up like a reply. */
    note: sendParent<TContext, TEvent, ConversationRecord, RecordEvent, TEvent>((_, record) => ({ type: 'RECORD', record })),
    relay: sendParent<TContext, TEvent, undefined, SayEvent, TEvent>(({ event }) => event as unknown as SayEvent),
    prompt: enqueueActions<TContext, TEvent, Reply, TEvent, never, never, never, never, never>(({ enqueue }, prompt) => {
      (enqueue as unknown as Enqueue).assign({ lastPrompt: prompt, invalidAnswers: 0 });
      sayTo(enqueue, prompt);
    }),
    repeatPrompt: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, enqueue }) => {
      if (context.lastPrompt) sayTo(enqueue, context.lastPrompt);
    }),
    rejectAnswer: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, enqueue }) => {
      const invalidAnswers = context.invalidAnswers + 1;
      (enqueue as unknown as Enqueue).assign({ invalidAnswers });
      sayTo(enqueue, reply('common.notUnderstood'));
      if (invalidAnswers >= INVALID_ANSWERS_BEFORE_HELP) sayTo(enqueue, reply('common.offerHelp'));
      if (context.lastPrompt) sayTo(enqueue, context.lastPrompt);
    }),
    sayHelp: sendParent<TContext, TEvent, undefined, SayEvent, TEvent>({ type: 'SAY', reply: reply('help.support') }),
  };
}
