/**
 * Conversations whose actors stay alive between turns in this process, and where a turn
 * resumes from: a live actor, or the saved row. The database stays the source of truth: a
 * conversation not kept is restored from its saved snapshot, as after a restart.
 */
import type { Snapshot } from 'xstate';
import { CONVERSATION_MACHINE_VERSION } from '../../dialogs/conversation.machine.js';
import type { ConversationActor } from './conversation-actor.js';

/** A conversation's actor, still running after its last settled turn, and what that turn saved. */
export interface LiveConversation extends ConversationActor {
  conversationId: string;
  updatedAt: number;
}

/** Where a turn resumes from: a live actor of this process, or the saved row. */
export interface Resumable {
  conversationId: string;
  updatedAt: number;
  machineVersion: number;
  live?: LiveConversation;
  /** The saved snapshot, parsed and proven to fit today's machines. */
  snapshot?: Snapshot<unknown>;
}

export type LiveConversations = ReturnType<typeof createLiveConversations>;

/**
 * Live conversations, least recently used first out. An entry older than the idle timeout is
 * worth nothing (its next turn starts over): such entries leave as soon as a newer one comes
 * in behind them. A capacity of 0 keeps none.
 */
export function createLiveConversations(capacity: number, idleMs: number) {
  const entries = new Map<string, LiveConversation>();
  return {
    /** The live conversation of a sender, taken out for a turn (put back once the turn is stored). */
    take(sessionKey: string): Resumable | undefined {
      const entry = entries.get(sessionKey);
      if (!entry) return undefined;
      entries.delete(sessionKey);
      return {
        conversationId: entry.conversationId,
        updatedAt: entry.updatedAt,
        machineVersion: CONVERSATION_MACHINE_VERSION,
        live: entry,
      };
    },
    put(sessionKey: string, entry: LiveConversation) {
      if (capacity <= 0) return entry.actor.stop();
      entries.set(sessionKey, entry);
      for (const [key, oldest] of entries) {
        if (entries.size <= capacity && entry.updatedAt - oldest.updatedAt <= idleMs) break;
        entries.delete(key);
        oldest.actor.stop();
      }
    },
    get size() {
      return entries.size;
    },
  };
}
