/**
 * Lina's Direct Line conversations and their activities in SQLite (migration 2), so a page
 * reload, or a restart, replays a conversation from any watermark.
 */
import { isSiteCode, type SiteCode } from '../../../bot/domain.js';
import type { SqliteDatabase } from '../../../data/database.js';

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
   * Appends the activity `build` makes for the next position (its id names that position);
   * `memberBytes` adds to the bytes the member has posted.
   */
  appendActivity(conversationId: string, build: (position: { seq: number; id: string }) => DirectLineActivity, at: number, memberBytes?: number): StoredActivity;
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

/** Activity ids as Azure writes them: the conversation id, a bar, and the position in 7 digits. */
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

export function createDirectLineStore(db: SqliteDatabase): DirectLineStore {
  const insertConversation = db.prepare(
    `INSERT OR IGNORE INTO directline_conversations (id, user_id, site, created_at, updated_at)
     VALUES (@id, @userId, @site, @createdAt, @createdAt)`,
  );
  const selectConversation = db.prepare<
    [string],
    { id: string; user_id: string; site: string | null; created_at: number; ended_at: number | null; member_bytes: number }
  >('SELECT id, user_id, site, created_at, ended_at, member_bytes FROM directline_conversations WHERE id = ?');
  const endConversation = db.prepare(
    `INSERT INTO directline_conversations (id, user_id, site, created_at, updated_at, ended_at)
     VALUES (@id, @userId, NULL, @at, @at, @at)
     ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at WHERE ended_at IS NULL`,
  );
  const addMemberBytes = db.prepare('UPDATE directline_conversations SET member_bytes = member_bytes + ? WHERE id = ?');
  const selectLastSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM directline_activities WHERE conversation_id = ?',
  );
  const insertActivity = db.prepare('INSERT INTO directline_activities (conversation_id, seq, activity) VALUES (?, ?, ?)');
  const touchConversation = db.prepare('UPDATE directline_conversations SET updated_at = ? WHERE id = ?');
  const selectAfter = db.prepare<[string, number, number], { seq: number; activity: string }>(
    'SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  const append = db.transaction(
    (conversationId: string, build: (position: { seq: number; id: string }) => DirectLineActivity, at: number, memberBytes: number): StoredActivity => {
      const seq = (selectLastSeq.get(conversationId)?.seq ?? 0) + 1;
      const activity = build({ seq, id: activityIdFor(conversationId, seq) });
      insertActivity.run(conversationId, seq, JSON.stringify(activity));
      touchConversation.run(at, conversationId);
      if (memberBytes > 0) addMemberBytes.run(memberBytes, conversationId);
      return { seq, activity };
    },
  );

  return {
    createConversation(conversation) {
      const result = insertConversation.run({
        id: conversation.id,
        userId: conversation.userId,
        site: conversation.site ?? null,
        createdAt: conversation.createdAt,
      });
      return result.changes > 0;
    },
    findConversation(id) {
      const row = selectConversation.get(id);
      if (!row) return undefined;
      return {
        id: row.id,
        userId: row.user_id,
        ...(row.site && isSiteCode(row.site) ? { site: row.site } : {}),
        createdAt: row.created_at,
        ...(row.ended_at !== null ? { endedAt: row.ended_at } : {}),
        memberBytes: row.member_bytes,
      };
    },
    appendActivity: (conversationId, build, at, memberBytes = 0) => append(conversationId, build, at, memberBytes),
    endConversation: (conversation, at) => endConversation.run({ id: conversation.id, userId: conversation.userId, at }).changes > 0,
    activitiesAfter(conversationId, watermark, limit) {
      return selectAfter.all(conversationId, watermark, limit).map((row) => ({
        seq: row.seq,
        activity: JSON.parse(row.activity) as DirectLineActivity,
      }));
    },
    lastSeq: (conversationId) => selectLastSeq.get(conversationId)?.seq ?? 0,
  };
}
