/**
 * What a Bot Framework activity means to the engine. Pure: no clock, no I/O.
 * Activity schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 */
import type { Activity } from 'botbuilder';
import type { InboundMessage } from '../../bot/messages.js';
import { isSiteCode } from '../../data/catalog.js';

/**
 * The event a page sends once connected, for channels that do not announce the member joining
 * (Azure's Direct Line adds the user only at their first message).
 */
export const JOIN_EVENT_NAME = 'webchat/join';

/**
 * The engine's message for an activity, or `undefined` when the activity asks nothing of Lina
 * (typing, the bot itself being added, unknown events, an activity without ids).
 *
 * - `message`: its text; a button that carries its choice only in `value` counts as that text.
 * - `conversationUpdate` adding someone other than the bot, or the `webchat/join` event: the
 *   conversation opened, so Lina greets first (`kind: 'open'`). Its message id is derived from
 *   the conversation, so however many of them arrive, the greeting is said once.
 *
 * One web conversation is one Lina session: the engine's user id is the conversation id.
 * `channelData.site` names the site whose QR code opened the page; unknown codes are ignored.
 * `fallbackTime` stands in for a missing or unreadable `timestamp`.
 */
export function toInboundMessage(activity: Partial<Activity>, fallbackTime: Date): InboundMessage | undefined {
  const conversationId = activity.conversation?.id;
  if (typeof conversationId !== 'string' || conversationId.length === 0) return undefined;
  const site = readSite(activity.channelData);
  const common = {
    channel: 'webchat' as const,
    userId: conversationId,
    receivedAt: readTime(activity.timestamp, fallbackTime),
    ...(site ? { site } : {}),
  };

  if (opensConversation(activity)) {
    return { ...common, kind: 'open', text: '', messageId: `open:${conversationId}` };
  }
  if (activity.type !== 'message' || typeof activity.id !== 'string' || activity.id.length === 0) return undefined;
  const text = typeof activity.text === 'string' && activity.text.length > 0 ? activity.text : readValue(activity.value);
  return { ...common, messageId: activity.id, text };
}

function opensConversation(activity: Partial<Activity>): boolean {
  if (activity.type === 'event') return activity.name === JOIN_EVENT_NAME;
  if (activity.type !== 'conversationUpdate') return false;
  const botId = activity.recipient?.id;
  return (activity.membersAdded ?? []).some((member) => typeof member?.id === 'string' && member.id !== botId);
}

function readSite(channelData: unknown): InboundMessage['site'] {
  const site = (channelData as { site?: unknown } | null | undefined)?.site;
  if (typeof site !== 'string') return undefined;
  const code = site.trim().toUpperCase();
  return isSiteCode(code) ? code : undefined;
}

/** A postBack or messageBack may carry the choice only in `value`: a string, or `{ value }`. */
function readValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const nested = (value as { value?: unknown } | null | undefined)?.value;
  return typeof nested === 'string' ? nested : '';
}

function readTime(timestamp: unknown, fallback: Date): Date {
  if (timestamp instanceof Date && !Number.isNaN(timestamp.getTime())) return timestamp;
  if (typeof timestamp === 'string') {
    const parsed = new Date(timestamp);
    if (!Number.isNaN(parsed.getTime())) return parsed;
  }
  return fallback;
}
