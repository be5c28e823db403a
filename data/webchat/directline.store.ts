/**
 * Lina's Direct Line conversations and their activities in SQLite, so a page reload, or a
 * restart, replays a conversation from any watermark.
 */
import { isSiteCode } from '../../bot/domain.js';
import type { DirectLineActivity, DirectLineStore, StoredActivity } from '../../bot/ports/directline.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The Direct Line's tables, by schema version (see `Migration`). */
export const DIRECTLINE_MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    sql: `
  -- Web chat: the conversations of Lina's own Direct Line 3.0 endpoint and their activities,
  -- so a reload (or a restart) replays the same conversation from its watermark.
  CREATE TABLE directline_conversations (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL,
    site       TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE directline_activities (
    conversation_id TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    activity        TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  ) WITHOUT ROWID;
  `,
  },
  {
    version: 8,
    sql: `
  -- Direct Line bounds (issue 15): a conversation that ended (the client ended it, or it was
  -- purged) stays as a row with its end, so no token of it can start it again; and the bytes
  -- its member posted, bounded per conversation.
  ALTER TABLE directline_conversations ADD COLUMN ended_at INTEGER;
  ALTER TABLE directline_conversations ADD COLUMN member_bytes INTEGER NOT NULL DEFAULT 0;
  `,
  },
];

export function createDirectLineStore(db: SqliteDatabase): DirectLineStore {
  const insertConversation = db.prepare(
    `INSERT OR IGNORE INTO directline_conversations (id, user_id, site, created_at, updated_at)
     VALUES (@id, @userId, @site, @createdAt, @createdAt)`,
  );
  const selectConversation = db.prepare<[string], { id: string; user_id: string; site: string | null; created_at: number; ended_at: number | null; member_bytes: number }>(
    'SELECT id, user_id, site, created_at, ended_at, member_bytes FROM directline_conversations WHERE id = ?',
  );
  const endConversation = db.prepare(
    `INSERT INTO directline_conversations (id, user_id, site, created_at, updated_at, ended_at)
     VALUES (@id, @userId, NULL, @at, @at, @at)
     ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at WHERE ended_at IS NULL`,
  );
  const addMemberBytes = db.prepare('UPDATE directline_conversations SET member_bytes = member_bytes + ? WHERE id = ?');
  const selectLastSeq = db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM directline_activities WHERE conversation_id = ?');
  const insertActivity = db.prepare('INSERT INTO directline_activities (conversation_id, seq, activity) VALUES (?, ?, ?)');
  const touchConversation = db.prepare('UPDATE directline_conversations SET updated_at = ? WHERE id = ?');
  const selectAfter = db.prepare<[string, number, number], { seq: number; activity: string }>(
    'SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  const append = db.transaction((conversationId: string, build: (seq: number) => DirectLineActivity, at: number, memberBytes: number): StoredActivity => {
    const seq = (selectLastSeq.get(conversationId)?.seq ?? 0) + 1;
    const activity = build(seq);
    insertActivity.run(conversationId, seq, JSON.stringify(activity));
    touchConversation.run(at, conversationId);
    if (memberBytes > 0) addMemberBytes.run(memberBytes, conversationId);
    return { seq, activity };
  });

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
