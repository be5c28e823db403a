import { enqueueActions, sendParent, type EventObject } from 'xstate';
import type { ConversationRecord, RecordEvent } from './records.js';
import { reply, type Reply } from './replies.js';

/** What every machine that asks questions keeps: the pending question and the misses in a row. */
export interface SpeakingContext {
  lastPrompt?: Reply;
  invalidAnswers: number;
  /** The help for this question was offered already: it is not said twice. */
  helpOffered?: boolean;
}

/** A child's replies travel to its parent as this event; the conversation machine emits them. */
export type SayEvent = { type: 'SAY'; reply: Reply };

/**
 * Sent by a parent to the operation it runs: say the pending question again (after a greeting,
 * thanks or the help text the parent said). Each machine repeats its own question or passes
 * the event to the child that holds it.
 */
export type RepeatEvent = { type: 'REPEAT' };

/** Invalid answers in a row after which Lina offers help, once per question. */
export const INVALID_ANSWERS_BEFORE_HELP = 3;

/** The help offered after repeated misses, worded for the kind of question pending. */
function offerHelpFor(prompt: Reply | undefined): Reply {
  if (prompt?.options?.length) return reply('common.offerHelp.options');
  switch (prompt?.expects) {
    case 'document':
      return reply('common.offerHelp.document');
    case 'birthDate':
      return reply('common.offerHelp.birthDate');
    case 'email':
      return reply('common.offerHelp.email');
    default:
      return reply('common.offerHelp.text');
  }
}

/**
 * What Lina says to an answer she cannot read: that she did not understand, the help for this
 * question the third time in a row (once), and the question again.
 */
export function missReplies(context: SpeakingContext): { replies: Reply[]; invalidAnswers: number; helpOffered: boolean } {
  const invalidAnswers = context.invalidAnswers + 1;
  const offer = invalidAnswers >= INVALID_ANSWERS_BEFORE_HELP && !context.helpOffered;
  const replies = [reply('common.notUnderstood'), ...(offer ? [offerHelpFor(context.lastPrompt)] : []), ...(context.lastPrompt ? [context.lastPrompt] : [])];
  return { replies, invalidAnswers, helpOffered: Boolean(context.helpOffered) || offer };
}

/**
 * The speaking actions every child machine shares: `say`, `prompt` (remembered for repeats),
 * `repeatPrompt`, `rejectAnswer`, `note` (a record) and `relay` (a grandchild's `SAY` or
 * `RECORD`, one level up). Children talk through their parent; the conversation machine emits
 * what reaches it.
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
      (enqueue as unknown as Enqueue).assign({ lastPrompt: prompt, invalidAnswers: 0, helpOffered: false });
      sayTo(enqueue, prompt);
    }),
    repeatPrompt: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, enqueue }) => {
      if (context.lastPrompt) sayTo(enqueue, context.lastPrompt);
    }),
    rejectAnswer: enqueueActions<TContext, TEvent, undefined, TEvent, never, never, never, never, never>(({ context, enqueue }) => {
      const { replies, invalidAnswers, helpOffered } = missReplies(context);
      (enqueue as unknown as Enqueue).assign({ invalidAnswers, helpOffered });
      for (const said of replies) sayTo(enqueue, said);
    }),
  };
}
