import type { OutboundMessage } from '../bot/messages.js';
import type { SessionStore, StoredSession, TurnCommit } from '../bot/ports.js';
import type { Migration, SqliteDatabase } from './sqlite.js';

/**
 * The tables a turn writes (sessions, conversations, transcript, processed messages,
 * consents, events, subjects), by schema version (see `Migration`).
 */
export const SESSION_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
  CREATE TABLE sessions (
    session_key     TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    machine_version INTEGER NOT NULL,
    snapshot        TEXT NOT NULL,
    shown_options   TEXT,
    updated_at      INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE conversations (
    id         TEXT PRIMARY KEY,
    channel    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    site       TEXT,
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    outcome    TEXT
  ) WITHOUT ROWID;
  CREATE INDEX conversations_by_user ON conversations (channel, user_id, started_at);
  CREATE INDEX conversations_by_start ON conversations (started_at);

  CREATE TABLE transcript (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    text            TEXT NOT NULL,
    options         TEXT,
    state           TEXT,
    message_id      TEXT,
    at              INTEGER NOT NULL
  );
  CREATE INDEX transcript_by_conversation ON transcript (conversation_id, id);

  CREATE TABLE processed_messages (
    session_key TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    at          INTEGER NOT NULL,
    PRIMARY KEY (session_key, message_id)
  ) WITHOUT ROWID;

  -- Ley 1581: when, which policy version and the exact text shown, for every answer.
  CREATE TABLE consents (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL,
    user_id         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    accepted        INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    policy_version  TEXT NOT NULL,
    text_shown      TEXT NOT NULL,
    recorded_at     INTEGER NOT NULL
  );
  CREATE INDEX consents_by_user ON consents (channel, user_id, id);

  CREATE TABLE conversation_events (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    type            TEXT NOT NULL,
    detail          TEXT,
    at              INTEGER NOT NULL
  );
  CREATE INDEX conversation_events_by_conversation ON conversation_events (conversation_id, id);
  `,
  },
  {
    version: 3,
    sql: `
  -- Who and what a conversation was about, for the support console's search: the phone the
  -- channel vouched for, the document identified, the radicados filed.
  CREATE TABLE conversation_subjects (
    conversation_id TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('phone', 'document', 'radicado')),
    value           TEXT NOT NULL,
    PRIMARY KEY (kind, value, conversation_id)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_subjects_by_conversation ON conversation_subjects (conversation_id);
  `,
  },
  {
    version: 6,
    sql: `
  -- The answer given to each message, so a message whose answer was lost with a killed
  -- process is answered again when the channel delivers it again.
  ALTER TABLE processed_messages ADD COLUMN replies TEXT;
  `,
  },
  {
    version: 7,
    sql: `
  -- Sessions and processed messages as rowid tables. Their rows are large (a snapshot of
  -- 2-6 KB; the replies given), and a WITHOUT ROWID table keeps only about 1 KB of a row in
  -- its leaf page and the rest in overflow pages: every turn rewrote two or three pages of
  -- each. A rowid table keeps such a row in one page; the key lives in a small index that a
  -- turn touches only when it adds a key.
  CREATE TABLE sessions_by_rowid (
    id              INTEGER PRIMARY KEY,
    session_key     TEXT NOT NULL UNIQUE,
    conversation_id TEXT NOT NULL,
    machine_version INTEGER NOT NULL,
    snapshot        TEXT NOT NULL,
    shown_options   TEXT,
    updated_at      INTEGER NOT NULL
  );
  INSERT INTO sessions_by_rowid (session_key, conversation_id, machine_version, snapshot, shown_options, updated_at)
    SELECT session_key, conversation_id, machine_version, snapshot, shown_options, updated_at FROM sessions;
  DROP TABLE sessions;
  ALTER TABLE sessions_by_rowid RENAME TO sessions;

  CREATE TABLE processed_by_rowid (
    id          INTEGER PRIMARY KEY,
    session_key TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    at          INTEGER NOT NULL,
    replies     TEXT,
    UNIQUE (session_key, message_id)
  );
  INSERT INTO processed_by_rowid (session_key, message_id, at, replies)
    SELECT session_key, message_id, at, replies FROM processed_messages ORDER BY at;
  DROP TABLE processed_messages;
  ALTER TABLE processed_by_rowid RENAME TO processed_messages;
  `,
  },
];

export interface SqliteSessionStoreOptions {
  /** The most turns stored in one transaction (group commit). 1 stores each turn alone. */
  maxBatch?: number;
}

/**
 * The SQLite `SessionStore`: sessions, transcripts, consents and processed ids together.
 *
 * Group commit: the turns that finish in the same pass of the event loop are written in one
 * transaction, and each `commitTurn` resolves only once that transaction is committed, so no
 * answer leaves before its turn is stored. A turn is still all or nothing; when a batch fails,
 * its turns are written again one by one, so one turn's trouble never fails another's.
 */
export function createSqliteSessionStore(db: SqliteDatabase, options: SqliteSessionStoreOptions = {}): SessionStore {
  const maxBatch = Math.max(1, options.maxBatch ?? 256);
  const selectSession = db.prepare<[string], { conversation_id: string; machine_version: number; snapshot: string; shown_options: string | null; updated_at: number }>(
    'SELECT conversation_id, machine_version, snapshot, shown_options, updated_at FROM sessions WHERE session_key = ?',
  );
  const selectProcessed = db.prepare<[string, string], { replies: string | null }>('SELECT replies FROM processed_messages WHERE session_key = ? AND message_id = ?');
  const selectConsent = db.prepare<[string, string], { accepted: number; policy_version: string }>(
    'SELECT accepted, policy_version FROM consents WHERE channel = ? AND user_id = ? ORDER BY id DESC LIMIT 1',
  );
  const upsertSession = db.prepare(
    `INSERT INTO sessions (session_key, conversation_id, machine_version, snapshot, shown_options, updated_at)
     VALUES (@sessionKey, @conversationId, @machineVersion, @snapshot, @shownOptions, @at)
     ON CONFLICT (session_key) DO UPDATE SET conversation_id = excluded.conversation_id,
       machine_version = excluded.machine_version, snapshot = excluded.snapshot,
       shown_options = excluded.shown_options, updated_at = excluded.updated_at`,
  );
  const touchSession = db.prepare('UPDATE sessions SET updated_at = ? WHERE session_key = ?');
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, channel, user_id, site, started_at, updated_at)
     VALUES (@conversationId, @channel, @userId, @site, @at, @at)`,
  );
  // Two statements, so a turn without an outcome leaves the outcome index alone: SQLite
  // rewrites the entries of every index whose column is named in SET, changed or not.
  const touchConversation = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const closeConversation = db.prepare('UPDATE conversations SET updated_at = ?, outcome = ? WHERE id = ?');
  const insertProcessed = db.prepare('INSERT OR IGNORE INTO processed_messages (session_key, message_id, at, replies) VALUES (?, ?, ?, ?)');
  const insertLine = db.prepare(
    `INSERT INTO transcript (conversation_id, direction, text, options, state, message_id, at)
     VALUES (@conversationId, @direction, @text, @options, @state, @messageId, @at)`,
  );
  const insertConsent = db.prepare(
    `INSERT INTO consents (channel, user_id, conversation_id, accepted, policy_version, text_shown, recorded_at)
     VALUES (@channel, @userId, @conversationId, @accepted, @policyVersion, @textShown, @at)`,
  );
  const insertSubject = db.prepare('INSERT OR IGNORE INTO conversation_subjects (conversation_id, kind, value) VALUES (?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO conversation_events (conversation_id, type, detail, at) VALUES (?, ?, ?, ?)');

  const write = (turn: TurnCommit) => {
    const { conversationId, at } = turn;
    if (turn.conversationStarted) {
      insertConversation.run({ conversationId, channel: turn.channel, userId: turn.userId, site: turn.site ?? null, at });
    }
    if (turn.outcome) closeConversation.run(at, turn.outcome, conversationId);
    else touchConversation.run(at, conversationId);
    if (turn.session) {
      upsertSession.run({ sessionKey: turn.sessionKey, conversationId, ...turn.session, at });
    } else {
      touchSession.run(at, turn.sessionKey);
    }
    insertProcessed.run(turn.sessionKey, turn.messageId, at, JSON.stringify(turn.replies ?? []));
    for (const line of turn.transcript) {
      insertLine.run({
        conversationId,
        direction: line.direction,
        text: line.text,
        options: line.options ? JSON.stringify(line.options) : null,
        state: line.state ?? null,
        messageId: line.messageId ?? null,
        at,
      });
    }
    for (const consent of turn.consents) {
      insertConsent.run({
        channel: turn.channel,
        userId: turn.userId,
        conversationId,
        accepted: consent.accepted ? 1 : 0,
        policyVersion: consent.policyVersion,
        textShown: consent.textShown,
        at,
      });
    }
    for (const event of turn.events) insertEvent.run(conversationId, event.type, event.detail ?? null, at);
    for (const subject of turn.subjects ?? []) insertSubject.run(conversationId, subject.kind, subject.value);
  };
  const commitOne = db.transaction(write);
  const commitMany = db.transaction((turns: readonly TurnCommit[]) => {
    for (const turn of turns) write(turn);
  });

  type Waiting = { turn: TurnCommit; resolve: () => void; reject: (error: unknown) => void };
  const waiting: Waiting[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = waiting.splice(0, maxBatch);
    if (waiting.length > 0) schedule();
    const [only] = batch;
    if (!only) return;
    try {
      if (batch.length === 1) commitOne(only.turn);
      else commitMany(batch.map((entry) => entry.turn));
    } catch (error) {
      if (batch.length === 1) return only.reject(error);
      for (const entry of batch) {
        try {
          commitOne(entry.turn);
        } catch (alone) {
          entry.reject(alone);
          continue;
        }
        entry.resolve();
      }
      return;
    }
    for (const entry of batch) entry.resolve();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- an async port over a synchronous driver: async turns its throws into rejections
    async load(sessionKey): Promise<StoredSession | undefined> {
      const row = selectSession.get(sessionKey);
      if (!row) return undefined;
      return {
        conversationId: row.conversation_id,
        machineVersion: row.machine_version,
        snapshot: row.snapshot,
        shownOptions: row.shown_options,
        updatedAt: row.updated_at,
      };
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- an async port over a synchronous driver: async turns its throws into rejections
    async answerTo(sessionKey, messageId) {
      const row = selectProcessed.get(sessionKey, messageId);
      if (!row) return undefined;
      return row.replies ? parseReplies(row.replies) : [];
    },
    // eslint-disable-next-line @typescript-eslint/require-await -- an async port over a synchronous driver: async turns its throws into rejections
    async hasConsent({ channel, userId, policyVersion }) {
      const last = selectConsent.get(channel, userId);
      return last !== undefined && last.accepted === 1 && last.policy_version === policyVersion;
    },
    commitTurn(turn) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ turn, resolve, reject });
        schedule();
      });
    },
  };
}

function parseReplies(json: string): OutboundMessage[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as OutboundMessage[]) : [];
  } catch {
    return [];
  }
}
