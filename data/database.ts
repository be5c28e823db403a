import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Schema changes, in order. The database's `user_version` says how many have run; a new
 * one is appended, never edited.
 */
export const MIGRATIONS: readonly string[] = [
  `
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
  `
  -- WhatsApp: Baileys' credentials and signal keys (values in BufferJSON), one row per key.
  CREATE TABLE whatsapp_auth (
    category TEXT NOT NULL,
    id       TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (category, id)
  ) WITHOUT ROWID;

  -- WhatsApp: every JID a person has written from (phone or LID) maps to one person id, so
  -- a member who shows up under either keeps one conversation.
  CREATE TABLE whatsapp_people (
    jid       TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    phone     TEXT
  ) WITHOUT ROWID;

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
  `
  -- Who and what a conversation was about, for the support console's search: the phone the
  -- channel vouched for, the document identified, the radicados filed.
  CREATE TABLE conversation_subjects (
    conversation_id TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('phone', 'document', 'radicado')),
    value           TEXT NOT NULL,
    PRIMARY KEY (kind, value, conversation_id)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_subjects_by_conversation ON conversation_subjects (conversation_id);

  CREATE INDEX conversations_by_site ON conversations (site, started_at);
  CREATE INDEX conversations_by_channel ON conversations (channel, started_at);
  CREATE INDEX conversations_by_outcome ON conversations (outcome, started_at);
  CREATE INDEX conversation_events_by_type ON conversation_events (type, at);
  `,
  `
  -- Support console: staff accounts (scrypt hashes), sessions (only the hash of each id),
  -- failed sign-ins for rate limiting, the audit log, incidents and failure notices.
  CREATE TABLE support_users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'analyst')),
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
  );

  CREATE TABLE support_sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES support_users (id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX support_sessions_by_user ON support_sessions (user_id);
  CREATE INDEX support_sessions_by_expiry ON support_sessions (expires_at);

  CREATE TABLE support_login_failures (
    id    INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('ip', 'user')),
    key   TEXT NOT NULL,
    at    INTEGER NOT NULL
  );
  CREATE INDEX support_login_failures_by_key ON support_login_failures (scope, key, at);
  CREATE INDEX support_login_failures_by_at ON support_login_failures (at);

  CREATE TABLE support_audit (
    id              INTEGER PRIMARY KEY,
    at              INTEGER NOT NULL,
    user_id         INTEGER,
    user_name       TEXT NOT NULL,
    action          TEXT NOT NULL,
    conversation_id TEXT,
    incident_id     INTEGER,
    detail          TEXT
  );
  CREATE INDEX support_audit_by_conversation ON support_audit (conversation_id, id);
  CREATE INDEX support_audit_by_user ON support_audit (user_name, id);

  CREATE TABLE support_incidents (
    id              INTEGER PRIMARY KEY,
    status          TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'closed')),
    channels        TEXT NOT NULL,
    category        TEXT NOT NULL,
    document_type   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    member_name     TEXT NOT NULL,
    contact_phone   TEXT,
    contact_email   TEXT,
    occurred_at     INTEGER NOT NULL,
    served_via      TEXT NOT NULL,
    served_site     TEXT,
    registered_by   TEXT NOT NULL,
    description     TEXT NOT NULL,
    error_message   TEXT,
    browser         TEXT,
    app_version     TEXT,
    step            TEXT,
    evidence_type   TEXT,
    evidence        BLOB,
    conversation_id TEXT,
    authorised      INTEGER NOT NULL CHECK (authorised = 1),
    created_by      INTEGER NOT NULL REFERENCES support_users (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
  );
  CREATE INDEX support_incidents_by_status ON support_incidents (status, id);
  CREATE INDEX support_incidents_by_document ON support_incidents (document_number);
  CREATE INDEX support_incidents_by_phone ON support_incidents (contact_phone);
  CREATE INDEX support_incidents_by_conversation ON support_incidents (conversation_id);

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
  `
  -- Failed second factors per document and per sender: the identification lockout counts them
  -- over a sliding window (data/identity-guard.store.ts).
  CREATE TABLE identity_failures (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
  );
  CREATE INDEX identity_failures_by_key ON identity_failures (key, at);
  CREATE INDEX identity_failures_by_at ON identity_failures (at);
  `,
  `
  -- The answer given to each message, so a message whose answer was lost with a killed
  -- process is answered again when the channel delivers it again.
  ALTER TABLE processed_messages ADD COLUMN replies TEXT;
  `,
  `
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
  `
  -- Direct Line bounds (issue 15): a conversation that ended (the client ended it, or it was
  -- purged) stays as a row with its end, so no token of it can start it again; and the bytes
  -- its member posted, bounded per conversation.
  ALTER TABLE directline_conversations ADD COLUMN ended_at INTEGER;
  ALTER TABLE directline_conversations ADD COLUMN member_bytes INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Support console (issue 15): the addresses each account has signed in from (hashed), so a
  -- known-good password from one of them is never held back by failures others caused.
  CREATE TABLE support_known_addresses (
    user_id      INTEGER NOT NULL REFERENCES support_users (id) ON DELETE CASCADE,
    address_hash TEXT NOT NULL,
    last_seen_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, address_hash)
  ) WITHOUT ROWID;
  `,
];

/**
 * Opens (and creates when missing) Lina's SQLite database with the settings a chat server
 * needs: WAL so reads never wait for the writer, a busy timeout, foreign keys on.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
