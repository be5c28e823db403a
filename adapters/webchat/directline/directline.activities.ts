/**
 * Direct Line activities as Lina's endpoint takes and names them: what a client may post
 * and what the bot's replies may carry (anything else is dropped), and activity ids as Azure
 * writes them: the conversation id, a bar, and the activity's position in 7 digits
 * (`abc|0000003`).
 */
import { z } from 'zod';

/** What a token request may carry: the site of the QR code the page was opened from. */
export const TokenRequestSchema = z.object({ site: z.string().max(40).optional() }).catch({});

/** What a client may send; anything else in the body is dropped. */
export const ClientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'endOfConversation']),
  text: z.string().optional(),
  textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(100).optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  entities: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not supported').optional(),
});

/** What the bot's replies may carry to the client. */
export const BOT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'speak',
  'inputHint',
  'locale',
  'suggestedActions',
  'attachments',
  'attachmentLayout',
  'entities',
  'channelData',
  'name',
  'value',
  'summary',
] as const;

/** A reply from the bot: any activity with a type (its fields are then picked by `BOT_FIELDS`). */
export const BotActivitySchema = z.object({ type: z.string().min(1).max(64) }).loose();

/** The id of the activity at position `seq` of a conversation. */
export function activityIdFor(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** The position an activity id of this conversation names, if it is one. */
export function seqOfActivityId(conversationId: string, id: string): number | undefined {
  const prefix = `${conversationId}|`;
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}
