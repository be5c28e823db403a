/**
 * A conversation's transcript in the Bot Framework's own format: the `.transcript` file Bot
 * Framework Emulator opens (File → Open Transcript), a JSON array of message activities.
 * Any channel's conversation can be exported, not only web chat ones.
 * Activity schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 */
import type { Activity } from 'botbuilder';
import { createHash } from 'node:crypto';
import type { ConversationStore } from '../../bot/ports/support/conversations.js';

/** Raised when there is nothing to export; `code` is stable for callers and tests. */
export class TranscriptExportError extends Error {
  override readonly name = 'TranscriptExportError';
  constructor(
    readonly code: 'NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}

const LINA = { id: 'lina', name: 'Lina', role: 'bot' } as const;

/** What the exporter reads of a conversation: the conversation itself and its transcript. */
export type ConversationRecords = Pick<ConversationStore, 'get' | 'transcript'>;

/**
 * The activities of Lina's conversation `conversationId` (an id of the `conversations` table),
 * oldest first: the member's lines `from` the member, Lina's `from` Lina, options as suggested
 * actions. The member appears under a pseudonymous id derived from the channel's user id, so
 * a file passed around does not carry a phone number in its envelope.
 * @throws TranscriptExportError `NOT_FOUND` for an unknown conversation
 */
export function exportTranscript(records: ConversationRecords, conversationId: string): Array<Partial<Activity>> {
  const conversation = records.get(conversationId);
  if (!conversation) throw new TranscriptExportError('NOT_FOUND', `No conversation with id ${conversationId}`);
  const lines = records.transcript(conversationId);

  const member = {
    id: `member-${createHash('sha256').update(`${conversation.channel}:${conversation.userId}`).digest('hex').slice(0, 16)}`,
    name: '',
    role: 'user',
  } as const;
  return lines.map((line) => {
    const fromMember = line.direction === 'in';
    return {
      type: 'message',
      id: String(line.id),
      timestamp: new Date(line.at),
      channelId: conversation.channel,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: fromMember ? member : LINA,
      recipient: fromMember ? LINA : member,
      text: line.text,
      textFormat: 'plain',
      // Transcript rows keep the labels that were shown (their values are not stored).
      ...(line.options.length > 0 ? { suggestedActions: { to: [], actions: line.options.map((label) => ({ type: 'imBack', title: label, value: label })) } } : {}),
    };
  });
}
