/**
 * A conversation's transcript in the Bot Framework's own format: the `.transcript` file Bot
 * Framework Emulator opens (File → Open Transcript), a JSON array of message activities.
 * Any channel's conversation can be exported, not only web chat ones.
 * Activity schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 */
import type { Activity } from 'botbuilder';
import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../../data/database.js';

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

/**
 * The activities of Lina's conversation `conversationId` (an id of the `conversations` table),
 * oldest first: the member's lines `from` the member, Lina's `from` Lina, options as suggested
 * actions. The member appears under a pseudonymous id derived from the channel's user id, so
 * a file passed around does not carry a phone number in its envelope.
 * @throws TranscriptExportError `NOT_FOUND` for an unknown conversation
 */
export function exportTranscript(db: SqliteDatabase, conversationId: string): Array<Partial<Activity>> {
  const conversation = db
    .prepare<[string], { id: string; channel: string; user_id: string }>('SELECT id, channel, user_id FROM conversations WHERE id = ?')
    .get(conversationId);
  if (!conversation) throw new TranscriptExportError('NOT_FOUND', `No conversation with id ${conversationId}`);
  const lines = db
    .prepare<[string], { id: number; direction: 'in' | 'out'; text: string; options: string | null; at: number }>(
      'SELECT id, direction, text, options, at FROM transcript WHERE conversation_id = ? ORDER BY id',
    )
    .all(conversationId);

  const member = {
    id: `member-${createHash('sha256').update(`${conversation.channel}:${conversation.user_id}`).digest('hex').slice(0, 16)}`,
    name: '',
    role: 'user',
  } as const;
  return lines.map((line) => {
    const fromMember = line.direction === 'in';
    const options = readOptions(line.options);
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
      ...(options.length > 0
        ? { suggestedActions: { to: [], actions: options.map((label) => ({ type: 'imBack', title: label, value: label })) } }
        : {}),
    };
  });
}

/** Transcript rows keep the labels that were shown (their values are not stored). */
function readOptions(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((label): label is string => typeof label === 'string') : [];
  } catch {
    return [];
  }
}
