/**
 * What a turn stores, in one transaction: the session's snapshot, the transcript lines, the
 * consents, the metrics events, the subjects (phone, documents) and the message id answered.
 */
import type { ConversationRecord } from '../../dialogs/conversation.machine.js';
import type { InboundMessage, OutboundMessage } from '../messages.js';
import type { TurnCommit } from '../ports.js';

/** The commit every turn starts from: who, which conversation, which message, when. */
export function baseCommit(sessionKey: string, conversationId: string, message: InboundMessage, now: Date, started: boolean) {
  return {
    sessionKey,
    conversationId,
    channel: message.channel,
    userId: message.userId,
    ...(message.site ? { site: message.site } : {}),
    conversationStarted: started,
    messageId: message.messageId,
    transcript: [],
    consents: [],
    events: [],
    at: now.getTime(),
  } satisfies TurnCommit;
}

/** The member's line of the transcript, cut to the longest message Lina reads. */
export function inLine(message: InboundMessage, maxLength: number) {
  return { direction: 'in' as const, text: message.text.slice(0, maxLength), messageId: message.messageId };
}

/** One of Lina's lines, with the options it showed and the state the conversation settled in. */
export function outLine(message: OutboundMessage, state?: string) {
  return {
    direction: 'out' as const,
    text: message.text,
    ...(message.options ? { options: message.options.map((o) => o.label) } : {}),
    ...(state ? { state } : {}),
  };
}

/** The transcript of a turn: the member's message (none when the channel only opened) and Lina's. */
export function transcriptOf(message: InboundMessage, opening: boolean, replies: readonly OutboundMessage[], maxLength: number, state?: string) {
  return [...(opening ? [] : [inLine(message, maxLength)]), ...replies.map((reply) => outLine(reply, state))];
}

/** The metrics event a record stands for, if any. */
export function eventOf(record: ConversationRecord): Array<{ type: string; detail?: string }> {
  switch (record.type) {
    case 'outcome':
      return [{ type: `outcome:${record.outcome}`, ...(record.site ? { detail: record.site } : {}) }];
    case 'milestone':
      return [{ type: record.milestone }];
    default:
      return [];
  }
}

/** What the records of a settled turn add to its commit: consents, events, subjects and the outcome. */
export function recordsCommit(
  records: readonly ConversationRecord[],
  extra: { startedBecause?: string; phone?: string; actorErrors: readonly string[]; consentText: (policyVersion: string) => string },
): Pick<TurnCommit, 'consents' | 'events'> & Required<Pick<TurnCommit, 'subjects'>> & Pick<TurnCommit, 'outcome'> {
  const outcome = [...records].reverse().find((record) => record.type === 'outcome');
  return {
    consents: records.flatMap((record) =>
      record.type === 'consent' ? [{ accepted: record.accepted, policyVersion: record.policyVersion, textShown: extra.consentText(record.policyVersion) }] : [],
    ),
    events: [
      ...(extra.startedBecause ? [{ type: 'conversation-started', detail: extra.startedBecause }] : []),
      ...records.flatMap(eventOf),
      // One event per kind of failure in the turn.
      ...[...new Set(extra.actorErrors)].map((code) => ({ type: 'agenda-error', detail: code })),
    ],
    subjects: [
      ...(extra.startedBecause && extra.phone ? [{ kind: 'phone' as const, value: extra.phone }] : []),
      ...records.flatMap((record) => (record.type === 'subject' && record.value ? [{ kind: record.kind, value: record.value }] : [])),
    ],
    ...(outcome?.type === 'outcome' ? { outcome: outcome.outcome } : {}),
  };
}
