import type { FailureNotice } from '../../bot/ports.js';
import type { FailureNoticeStore, ManualFailureNotice, NoticeChannel } from '../../bot/ports/support/failure-notices.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The analysts' manual failure notices, by schema version (see `Migration`). */
export const FAILURE_NOTICES_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: manual failure notices.
  CREATE TABLE support_failure_notices (
    id         INTEGER PRIMARY KEY,
    channel    TEXT NOT NULL,
    text       TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ends_at    INTEGER,
    started_by TEXT NOT NULL,
    stopped_at INTEGER,
    stopped_by TEXT
  );
  CREATE INDEX support_failure_notices_open ON support_failure_notices (stopped_at, channel);
  `,
  },
];

interface NoticeRow {
  id: number;
  channel: NoticeChannel;
  text: string;
  started_at: number;
  ends_at: number | null;
  started_by: string;
  stopped_at: number | null;
  stopped_by: string | null;
}

/**
 * The analyst's manual failure-message switch (contingency protocol), stored in SQLite.
 * Lina asks `current()` on every message, so the notices not yet switched off are kept in
 * memory and reloaded after every change: answering costs no query.
 */
export function createFailureNoticeStore(db: SqliteDatabase): FailureNoticeStore {
  const selectOpen = db.prepare<[], NoticeRow>('SELECT * FROM support_failure_notices WHERE stopped_at IS NULL ORDER BY started_at DESC, id DESC');
  const selectOne = db.prepare<[number], NoticeRow>('SELECT * FROM support_failure_notices WHERE id = ?');
  const selectRecent = db.prepare<[number], NoticeRow>('SELECT * FROM support_failure_notices ORDER BY id DESC LIMIT ?');
  const insert = db.prepare(
    `INSERT INTO support_failure_notices (channel, text, started_at, ends_at, started_by)
     VALUES (@channel, @text, @now, @endsAt, @by)`,
  );
  const update = db.prepare('UPDATE support_failure_notices SET text = @text, ends_at = @endsAt WHERE id = @id');
  const stop = db.prepare('UPDATE support_failure_notices SET stopped_at = @now, stopped_by = @by WHERE id = @id AND stopped_at IS NULL');

  let open: ManualFailureNotice[] = [];
  const reload = () => {
    open = selectOpen.all().map(toNotice);
  };
  reload();

  const isOn = (notice: ManualFailureNotice, now: number) => notice.startedAt <= now && (notice.endsAt === undefined || notice.endsAt > now);

  const switchOn = db.transaction((params: { channel: NoticeChannel; text: string; endsAt?: number; by: string; now: number }) => {
    const { channel, text, endsAt, by, now } = params;
    const existing = selectOpen
      .all()
      .map(toNotice)
      .find((notice) => notice.channel === channel && isOn(notice, now));
    if (existing) {
      update.run({ id: existing.id, text, endsAt: endsAt ?? null });
      return { notice: toNotice(selectOne.get(existing.id) as NoticeRow), updated: true };
    }
    const { lastInsertRowid } = insert.run({ channel, text, now, endsAt: endsAt ?? null, by });
    return { notice: toNotice(selectOne.get(Number(lastInsertRowid)) as NoticeRow), updated: false };
  });

  return {
    current(channel: string, now: Date): FailureNotice | undefined {
      const at = now.getTime();
      // The channel's own notice wins over one for every channel.
      const notice = open.find((candidate) => candidate.channel === channel && isOn(candidate, at)) ?? open.find((candidate) => candidate.channel === 'all' && isOn(candidate, at));
      return notice ? { text: notice.text, since: new Date(notice.startedAt), source: 'manual' } : undefined;
    },
    switchOn(params) {
      try {
        return switchOn(params);
      } finally {
        reload();
      }
    },
    switchOff({ id, by, now }) {
      try {
        const changed = stop.run({ id, by, now }).changes > 0;
        return changed ? toNotice(selectOne.get(id) as NoticeRow) : undefined;
      } finally {
        reload();
      }
    },
    active(now) {
      return open.filter((notice) => isOn(notice, now));
    },
    history(limit) {
      return selectRecent.all(limit).map(toNotice);
    },
  };
}

function toNotice(row: NoticeRow): ManualFailureNotice {
  return {
    id: row.id,
    channel: row.channel,
    text: row.text,
    startedAt: row.started_at,
    endsAt: row.ends_at ?? undefined,
    startedBy: row.started_by,
    stoppedAt: row.stopped_at ?? undefined,
    stoppedBy: row.stopped_by ?? undefined,
  };
}

const shared = new WeakMap<SqliteDatabase, FailureNoticeStore>();

/**
 * The one switch of a database: the engine and the console must share the instance, or
 * the engine's cache would not see the console's changes until a restart.
 */
export function sharedFailureNoticeStore(db: SqliteDatabase): FailureNoticeStore {
  let store = shared.get(db);
  if (!store) {
    store = createFailureNoticeStore(db);
    shared.set(db, store);
  }
  return store;
}
