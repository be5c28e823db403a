import type { Statement } from 'better-sqlite3';

import type { ConversationFilters, ConversationStore, ConversationSummary, ReplyDelivery, SearchCursor, Subject, SubjectKind } from '../../bot/ports/support/conversations.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/**
 * The indexes the console's searches walk (the tables are the session store's),
 * by schema version (see `Migration`).
 */
export const CONVERSATION_SEARCH_MIGRATIONS: readonly Migration[] = [
  {
    version: 3,
    sql: `
  -- The console's searches by site, channel and outcome, newest first (INDEXED BY below).
  CREATE INDEX conversations_by_site ON conversations (site, started_at);
  CREATE INDEX conversations_by_channel ON conversations (channel, started_at);
  CREATE INDEX conversations_by_outcome ON conversations (outcome, started_at);
  `,
  },
];

interface ConversationRow {
  id: string;
  channel: string;
  user_id: string;
  site: string | null;
  started_at: number;
  updated_at: number;
  outcome: string | null;
}

const SELECT_CONVERSATION = 'SELECT c.id, c.channel, c.user_id, c.site, c.started_at, c.updated_at, c.outcome FROM conversations AS c';

/**
 * The SQL of a search, newest first with keyset pagination. Exported so a test can prove
 * with `EXPLAIN QUERY PLAN` that every shape of search walks an index.
 *
 * Subject filters (phone, document, radicado) drive the query through the subjects'
 * primary key; otherwise the most selective indexed column does, named with `INDEXED BY`
 * so SQLite refuses the query rather than scan the whole table.
 */
export function buildSearchSql(filters: ConversationFilters, page: { limit: number; after?: SearchCursor }): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const subject = (kind: SubjectKind, values: string[]) => {
    where.push(`c.id IN (SELECT conversation_id FROM conversation_subjects WHERE kind = '${kind}' AND value IN (${values.map(() => '?').join(', ')}))`);
    params.push(...values);
  };
  if (filters.phones?.length) subject('phone', filters.phones);
  if (filters.documents?.length) subject('document', filters.documents);
  if (filters.radicado) subject('radicado', [filters.radicado]);
  const bySubject = where.length > 0;

  // Behind a subject filter the other columns only check rows: a unary `+` keeps SQLite
  // from preferring their (much larger) index ranges over the few subject matches.
  const column = (name: string) => (bySubject ? `+c.${name}` : `c.${name}`);
  if (filters.site === 'none') where.push(`${column('site')} IS NULL`);
  else if (filters.site) {
    where.push(`${column('site')} = ?`);
    params.push(filters.site);
  }
  if (filters.channel) {
    where.push(`${column('channel')} = ?`);
    params.push(filters.channel);
  }
  if (filters.outcome) {
    where.push(`${column('outcome')} = ?`);
    params.push(filters.outcome);
  }
  if (filters.from !== undefined) {
    where.push(`${column('started_at')} >= ?`);
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.push(`${column('started_at')} < ?`);
    params.push(filters.to);
  }
  if (page.after) {
    // A row value: SQLite turns it into one range over (started_at, id) in the index.
    where.push(`(${column('started_at')}, c.id) < (?, ?)`);
    params.push(page.after.startedAt, page.after.id);
  }

  const index = bySubject
    ? ''
    : filters.site
      ? ' INDEXED BY conversations_by_site'
      : filters.outcome
        ? ' INDEXED BY conversations_by_outcome'
        : filters.channel
          ? ' INDEXED BY conversations_by_channel'
          : ' INDEXED BY conversations_by_start';
  const sql = `${SELECT_CONVERSATION}${index}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.started_at DESC, c.id DESC LIMIT ?`;
  params.push(page.limit + 1);
  return { sql, params };
}

/** Read access to conversations for the support console: search, transcript, events, subjects. */
export function createConversationStore(db: SqliteDatabase): ConversationStore {
  const byId = db.prepare<[string], ConversationRow>(`${SELECT_CONVERSATION} WHERE c.id = ?`);
  const lines = db.prepare<[string], { id: number; direction: 'in' | 'out'; text: string; options: string | null; state: string | null; at: number }>(
    'SELECT id, direction, text, options, state, at FROM transcript WHERE conversation_id = ? ORDER BY id',
  );
  const events = db.prepare<[string], { id: number; type: string; detail: string | null; at: number }>(
    'SELECT id, type, detail, at FROM conversation_events WHERE conversation_id = ? ORDER BY id',
  );
  // Through the member lines' message ids: the Cloud API channel records its replies by the wamid they answered.
  const deliveries = db.prepare<[string], { line_id: number; status: ReplyDelivery['status']; detail: string | null; unsent: number | null; updated_at: number }>(
    `SELECT t.id AS line_id, d.status, d.detail, d.unsent, d.updated_at
     FROM transcript AS t JOIN whatsapp_cloud_deliveries AS d ON d.answers = t.message_id
     WHERE t.conversation_id = ? AND t.direction = 'in' AND t.message_id IS NOT NULL ORDER BY d.id`,
  );
  const subjects = db.prepare<[string], Subject>('SELECT kind, value FROM conversation_subjects WHERE conversation_id = ? ORDER BY kind, value');
  const subjectsOf = db.prepare<[string], Subject & { conversation_id: string }>(
    `SELECT conversation_id, kind, value FROM conversation_subjects
     WHERE conversation_id IN (SELECT value FROM json_each(?)) ORDER BY kind, value`,
  );
  const about = db.prepare<[string, string, number], ConversationRow>(
    `${SELECT_CONVERSATION} WHERE c.id IN (
       SELECT conversation_id FROM conversation_subjects WHERE kind = 'document' AND value IN (SELECT value FROM json_each(?))
       UNION SELECT conversation_id FROM conversation_subjects WHERE kind = 'phone' AND value IN (SELECT value FROM json_each(?)))
     ORDER BY c.started_at DESC, c.id DESC LIMIT ?`,
  );
  // Searches come in a handful of shapes: keep each prepared once.
  const statements = new Map<string, Statement<unknown[], ConversationRow>>();

  return {
    search(filters, page) {
      const { sql, params } = buildSearchSql(filters, page);
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare<unknown[], ConversationRow>(sql);
        statements.set(sql, statement);
      }
      const found = statement.all(...params).map(toSummary);
      const rows = found.slice(0, page.limit);
      const last = rows.at(-1);
      return { rows, next: found.length > page.limit && last ? { startedAt: last.startedAt, id: last.id } : undefined };
    },
    get(id) {
      const row = byId.get(id);
      return row ? toSummary(row) : undefined;
    },
    transcript(id) {
      return lines.all(id).map((row) => ({
        id: row.id,
        direction: row.direction,
        text: row.text,
        options: parseOptions(row.options),
        state: row.state ?? undefined,
        at: row.at,
      }));
    },
    events(id) {
      return events.all(id).map((row) => ({ id: row.id, type: row.type, detail: row.detail ?? undefined, at: row.at }));
    },
    deliveries(id) {
      return deliveries.all(id).map((row) => ({ lineId: row.line_id, status: row.status, detail: row.detail ?? undefined, count: row.unsent ?? 1, at: row.updated_at }));
    },
    subjects(id) {
      return subjects.all(id);
    },
    subjectsOf(ids) {
      const grouped = new Map<string, Subject[]>();
      if (ids.length === 0) return grouped;
      for (const row of subjectsOf.all(JSON.stringify(ids))) {
        const list = grouped.get(row.conversation_id) ?? [];
        list.push({ kind: row.kind, value: row.value });
        grouped.set(row.conversation_id, list);
      }
      return grouped;
    },
    about({ documents, phones, limit }) {
      if (documents.length === 0 && phones.length === 0) return [];
      return about.all(JSON.stringify(documents), JSON.stringify(phones), limit).map(toSummary);
    },
  };
}

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    channel: row.channel,
    userId: row.user_id,
    site: row.site ?? undefined,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    outcome: row.outcome ?? undefined,
  };
}

function parseOptions(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
