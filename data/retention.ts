import type { SqliteDatabase } from './sqlite.js';

export interface PurgeReport {
  conversations: number;
  transcriptLines: number;
  events: number;
  subjects: number;
  sessions: number;
  processedMessages: number;
  directLineActivities: number;
  /** Direct Line conversations ended by the purge: their tokens stop working at once. */
  directLineConversationsEnded: number;
  /** Member messages the WhatsApp Cloud API delivered (ids, and the content of any never handled). */
  cloudInboxMessages: number;
  /** Members' last-message times (the Cloud API's 24-hour window) of the same age. */
  cloudWindows: number;
  /** What became of Lina's Cloud API replies (statuses, replies that did not go) of the same age. */
  cloudDeliveries: number;
}

/**
 * The longest any Direct Line token may live (the bound of `LINA_DIRECTLINE_TOKEN_MAX_HOURS`):
 * past it, an ended conversation's row can go, since no token of it can be presented any more.
 */
export const DIRECTLINE_TOKEN_LIFETIME_LIMIT_MS = 168 * 60 * 60_000;

/**
 * Deletes what members said and what Lina answered once it is older than the retention
 * period: conversations whose last message is before `before`, with their transcript, events
 * and search subjects; sessions, processed message ids, Direct Line activities and the WhatsApp
 * Cloud API's inbox and reply statuses of the same age. Consent records stay: they are the proof of authorisation Ley 1581 asks Lina to keep.
 * A purged Direct Line conversation is kept as an ended row (no site, no activities) until no
 * token of it can still be valid, so its tokens are refused instead of starting it again.
 * One transaction: a purge happens entirely or not at all.
 */
export function purgeBefore(db: SqliteDatabase, before: Date, now: Date = new Date()): PurgeReport {
  const cutoff = before.getTime();
  return db.transaction((): PurgeReport => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS purged (id TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM purged;');
    db.prepare('INSERT INTO purged (id) SELECT id FROM conversations WHERE updated_at < ?').run(cutoff);
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;
    const report: PurgeReport = {
      transcriptLines: count('DELETE FROM transcript WHERE conversation_id IN (SELECT id FROM purged)'),
      events: count('DELETE FROM conversation_events WHERE conversation_id IN (SELECT id FROM purged)'),
      subjects: count('DELETE FROM conversation_subjects WHERE conversation_id IN (SELECT id FROM purged)'),
      conversations: count('DELETE FROM conversations WHERE id IN (SELECT id FROM purged)'),
      sessions: count('DELETE FROM sessions WHERE updated_at < ?', cutoff),
      processedMessages: count('DELETE FROM processed_messages WHERE at < ?', cutoff),
      directLineActivities: count('DELETE FROM directline_activities WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE updated_at < ?)', cutoff),
      directLineConversationsEnded: count(
        'UPDATE directline_conversations SET ended_at = ?, site = NULL, member_bytes = 0 WHERE updated_at < ? AND ended_at IS NULL',
        now.getTime(),
        cutoff,
      ),
      cloudInboxMessages: count('DELETE FROM whatsapp_cloud_inbox WHERE received_at < ?', cutoff),
      cloudWindows: count('DELETE FROM whatsapp_cloud_windows WHERE last_inbound_at < ?', cutoff),
      cloudDeliveries: count('DELETE FROM whatsapp_cloud_deliveries WHERE updated_at < ?', cutoff),
    };
    db.prepare('DELETE FROM directline_conversations WHERE ended_at IS NOT NULL AND ended_at < ? AND updated_at < ?').run(
      now.getTime() - DIRECTLINE_TOKEN_LIFETIME_LIMIT_MS,
      cutoff,
    );
    db.exec('DROP TABLE purged');
    return report;
  })();
}

/**
 * An online backup: a consistent copy of the live database, taken while Lina keeps serving
 * (SQLite's backup API copies pages in steps and restarts if a writer changes them).
 */
export async function backupTo(db: SqliteDatabase, destination: string): Promise<{ pages: number }> {
  const { totalPages } = await db.backup(destination);
  return { pages: totalPages };
}
