/**
 * The turns the machines never see: a sender writing faster than any person, the failure
 * message while it is on, a channel reopening a conversation that is still going, and texts
 * that cannot be an answer (empty, too long). Each gets its answer here; the conversation is
 * left as it was, to go on with the next message.
 */
import type { Reply } from '../../dialogs/replies.js';
import type { ContingencySwitch } from '../ports.js';
import type { ChannelName } from '../messages.js';
import type { RateDecision } from './admission.js';
import type { TurnLog } from './turn-log.js';

/** What a turn kept from the machines answers, and the metrics events it leaves. */
export interface Shortcut {
  replies: Reply[];
  events: Array<{ type: string; detail?: string }>;
}

export interface AdmitInput {
  channel: ChannelName;
  text: string;
  now: Date;
  /** The channel opened the conversation; there is no text. */
  opening: boolean;
  /** A new conversation starts with this message. */
  fresh: boolean;
  /** The question the running conversation waits on, if any. */
  pending: () => Reply | undefined;
  /** The sender's place in the rate limit (taken only for messages). */
  rate: () => RateDecision;
  contingency?: ContingencySwitch | undefined;
  maxMessageLength: number;
  log: TurnLog;
}

/** The answer of a turn that does not reach the machines, or undefined when it does. */
export function admit(turn: AdmitInput): Shortcut | undefined {
  // A sender writing faster than any person gets one polite answer per minute, then silence;
  // the messages are still recorded and marked as processed.
  const limited = turn.opening ? 'allowed' : turn.rate();
  if (limited !== 'allowed') return { replies: limited === 'warn' ? [{ key: 'errors.rateLimited' }] : [], events: [{ type: 'rate-limited' }] };

  // While the failure message is on, every message gets it and no flow starts; a running
  // conversation is left as it was, to go on once the service is back.
  const notice = turn.contingency?.current(turn.channel, turn.now);
  if (notice) {
    turn.log.info({ source: notice.source }, 'failure message given');
    return { replies: [{ key: 'contingency.notice', params: { text: notice.text } }], events: [{ type: 'failure-notice', detail: notice.source }] };
  }
  if (turn.fresh) return undefined;

  const pending = turn.pending();
  // The channel reopened a conversation that is still going: repeat where it stands.
  if (turn.opening) return { replies: pending ? [pending] : [], events: [] };

  // Texts that cannot be an answer are refused before the machine sees them: nothing is lost.
  const refusal = turn.text.trim().length === 0 ? 'errors.empty' : turn.text.length > turn.maxMessageLength ? 'errors.tooLong' : undefined;
  if (refusal) return { replies: [{ key: refusal }, ...(pending ? [pending] : [])], events: [] };
  return undefined;
}
