import type { SqliteDatabase } from './database.js';

export interface PurgeReport {
  conversations: number;
  transcriptLines: number;
  events: number;
  subjects: number;
  sessions: number;
  processedMessages: number;
  directLineActivities: number;
}

/**
 * Deletes what members said and what Lina answered once it is older than the retention
 * period: conversations whose last message is before `before`, with their transcript, events
 * and search subjects; sessions, processed message ids and Direct Line activities of the same
 * age. Consent records stay: they are the proof of authorisation Ley 1581 asks Lina to keep.
 * One transaction: a purge happens entirely or not at all.
 */
export function purgeBefore(db: SqliteDatabase, before: Date): PurgeReport {
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
      directLineActivities: count(
        'DELETE FROM directline_activities WHERE conversation_id IN (SELECT id FROM directline_conversations WHERE updated_at < ?)',
        cutoff,
      ),
    };
    db.prepare('DELETE FROM directline_conversations WHERE updated_at < ?').run(cutoff);
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
