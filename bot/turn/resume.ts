/**
 * Where a turn starts: the saved conversation, resumed when it is still going; otherwise a
 * new one, and why (first contact, expired, finished, machines changed, unreadable).
 */
import { v7 as uuidv7 } from 'uuid';
import { CONVERSATION_MACHINE_VERSION, type ConversationInput } from '../../dialogs/conversation.machine.js';
import { bogotaDate } from '../calendar.js';
import type { InboundMessage } from '../messages.js';
import type { SessionStore } from '../ports.js';
import type { Resumable } from './live-conversations.js';
import { lastSiteOf, restoreSnapshot, unconfirmedOf, type ResolvingLogic } from './saved-snapshot.js';

/** Why a turn could not resume the saved conversation. */
export type FreshStart = 'first-contact' | 'expired' | 'finished' | 'machine-changed' | 'unreadable';

/**
 * Conversation ids are time-ordered (UUIDv7): the rows and index entries of the conversations
 * running at the same time sit next to each other, so a turn's writes touch fewer pages.
 */
export const newConversationId = (): string => uuidv7();

/** The saved conversation of a sender, its snapshot kept only when it fits today's machines. */
export async function loadSaved(store: SessionStore, logic: ResolvingLogic, sessionKey: string): Promise<Resumable | undefined> {
  const saved = await store.load(sessionKey);
  if (!saved) return undefined;
  const snapshot = saved.machineVersion === CONVERSATION_MACHINE_VERSION ? restoreSnapshot(logic, saved.snapshot) : undefined;
  return {
    conversationId: saved.conversationId,
    updatedAt: saved.updatedAt,
    machineVersion: saved.machineVersion,
    ...(snapshot ? { snapshot } : {}),
  };
}

/** Undefined when the conversation goes on; otherwise why a new one starts. */
export function decideFreshStart(current: Resumable | undefined, now: Date, sessionTimeoutMs: number): FreshStart | undefined {
  if (!current) return 'first-contact';
  if (current.machineVersion !== CONVERSATION_MACHINE_VERSION) return 'machine-changed';
  const status = current.live ? current.live.actor.getSnapshot().status : current.snapshot?.status;
  if (!status) return 'unreadable';
  if (status !== 'active') return 'finished';
  if (now.getTime() - current.updatedAt > sessionTimeoutMs) return 'expired';
  return undefined;
}

/** The input of a new conversation: who writes, from where, what they consented to, and the last site they used. */
export async function newConversationInput(
  store: SessionStore,
  policyVersion: string,
  start: { conversationId: string; message: InboundMessage; now: Date; reason: FreshStart; previous: Resumable | undefined },
): Promise<ConversationInput> {
  const { conversationId, message, now, reason, previous } = start;
  const lastSite = lastSiteOf(previous);
  const unconfirmed = reason === 'expired' ? unconfirmedOf(previous) : undefined;
  return {
    conversationId,
    channel: message.channel,
    ...(message.phone ? { phone: message.phone } : {}),
    ...(message.site ? { site: message.site } : {}),
    ...(lastSite ? { lastSite } : {}),
    today: bogotaDate(now),
    consentCurrent: await store.hasConsent({ channel: message.channel, userId: message.userId, policyVersion }),
    policyVersion,
    previousExpired: reason === 'expired',
    ...(unconfirmed ? { expiredUnconfirmed: unconfirmed } : {}),
    sender: `${message.channel}:${message.userId}`,
  };
}
