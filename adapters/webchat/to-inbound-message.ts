/**
 * What a Bot Framework activity means to the engine. Pure: no clock, no I/O.
 * Activity schema: https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md
 */
import type { Activity } from 'botbuilder';
import type { InboundMessage } from '../../bot/messages.js';
import { isSiteCode } from '../../bot/domain.js';

/**
 * The event a page sends once connected, for channels that do not announce the member joining
 * (Azure's Direct Line adds the user only at their first message).
 */
export const JOIN_EVENT_NAME = 'webchat/join';

/**
 * Which door an activity came through. Lina's own Direct Line vouches for its conversations
 * (its tokens); `/api/messages` speaks for whatever channel called it. The two never share a
 * session, whatever conversation id an activity names.
 */
export type EntryPoint = 'directline' | 'botframework';

/** The turn-state key under which the web server says which door a turn came through. */
export const ENTRY_POINT_STATE = Symbol.for('lina.webchat.entryPoint');

/**
 * The engine's user id of a conversation: the Direct Line conversation id itself for Lina's
 * own Direct Line, and a name of its own for every other channel (`bf:<channel>:<id>`), so
 * that naming a Direct Line conversation id at `/api/messages` reaches nobody's session.
 */
export function engineUserId(entry: EntryPoint, channelId: unknown, conversationId: string): string {
  if (entry === 'directline') return conversationId;
  return `bf:${typeof channelId === 'string' && /^[\w.-]{1,40}$/.test(channelId) ? channelId : 'unknown'}:${conversationId}`;
}

/**
 * The engine's message for an activity, or `undefined` when the activity asks nothing of Lina
 * (typing, the bot itself being added, unknown events, an activity without ids).
 *
 * - `message`: its text; a button that carries its choice only in `value` counts as that text.
 * - `conversationUpdate` adding someone other than the bot, or the `webchat/join` event: the
 *   conversation opened, so Lina greets first (`kind: 'open'`). Its message id is derived from
 *   the conversation, so however many of them arrive, the greeting is said once.
 *
 * One web conversation is one Lina session, kept apart per entry point (`engineUserId`).
 * `channelData.site` names the site whose QR code opened the page, and only as exactly one of
 * the site codes. Lina's own Direct Line puts there the site its conversation started with
 * (the client's own value is dropped); from `/api/messages` it counts only on the activity
 * that opens the conversation. `fallbackTime` stands in for a missing or unreadable `timestamp`.
 */
export function toInboundMessage(activity: Partial<Activity>, fallbackTime: Date, entry: EntryPoint = 'botframework'): InboundMessage | undefined {
  const conversationId = activity.conversation?.id;
  if (typeof conversationId !== 'string' || conversationId.length === 0 || conversationId.length > 200) return undefined;
  const opening = opensConversation(activity);
  const site = entry === 'directline' || opening ? readSite(activity.channelData) : undefined;
  const common = {
    channel: 'webchat' as const,
    userId: engineUserId(entry, activity.channelId, conversationId),
    receivedAt: readTime(activity.timestamp, fallbackTime),
    ...(site ? { site } : {}),
  };

  if (opening) {
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
  return typeof site === 'string' && isSiteCode(site) ? site : undefined;
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
