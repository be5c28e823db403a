/**
 * What Lina's own Direct Line 3.0 keeps in her database, as a port: its conversations and
 * their activities, so a page reload, or a restart, replays a conversation from any
 * watermark. Implemented by data/webchat/directline.store.ts.
 */
import type { SiteCode } from '../domain.js';

/** An activity as Direct Line clients receive it: plain JSON. */
export interface DirectLineActivity {
  id: string;
  type: string;
  timestamp: string;
  [field: string]: unknown;
}

export interface DirectLineConversation {
  id: string;
  /** The member's Direct Line user id (`dl_…`), never a person's data. */
  userId: string;
  site?: SiteCode;
  createdAt: number;
  /** When it ended (the client ended it, or it was purged): no token of it works any more. */
  endedAt?: number;
  /** Bytes of the member's activities stored so far. */
  memberBytes?: number;
}

export interface StoredActivity {
  /** Position in the conversation, from 1: the watermark after this activity. */
  seq: number;
  activity: DirectLineActivity;
}

export interface DirectLineStore {
  /** Creates the conversation unless it exists; `true` when it was created now. */
  createConversation(conversation: DirectLineConversation): boolean;
  findConversation(id: string): DirectLineConversation | undefined;
  /**
   * Appends the activity `build` makes for the next position (`seq`), in one transaction with
   * choosing that position; `memberBytes` adds to the bytes the member has posted.
   */
  appendActivity(conversationId: string, build: (seq: number) => DirectLineActivity, at: number, memberBytes?: number): StoredActivity;
  /**
   * Ends the conversation (creating it as ended when it never started, so its token cannot
   * start it later); `true` when it was open until now.
   */
  endConversation(conversation: Pick<DirectLineConversation, 'id' | 'userId'>, at: number): boolean;
  /** Activities after `watermark`, oldest first, at most `limit`. */
  activitiesAfter(conversationId: string, watermark: number, limit: number): StoredActivity[];
  /** The watermark after the last activity (0 when there is none). */
  lastSeq(conversationId: string): number;
}
