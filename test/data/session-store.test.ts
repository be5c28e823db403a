import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import type { TurnCommit } from '../../bot/ports.js';
import { startBackgroundCheckpoints } from '../../data/checkpointer.js';
import Database from 'better-sqlite3';
import { MIGRATIONS, openDatabase } from '../../data/database.js';
import { createSqliteSessionStore } from '../../data/session.store.js';

const folder = mkdtempSync(join(tmpdir(), 'lina-session-store-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function turn(n: number, overrides: Partial<TurnCommit> = {}): TurnCommit {
  return {
    sessionKey: `whatsapp:member-${n}`,
    conversationId: `conversation-${n}`,
    channel: 'whatsapp',
    userId: `member-${n}`,
    conversationStarted: true,
    session: { machineVersion: 1, snapshot: JSON.stringify({ status: 'active', n }), shownOptions: null },
    messageId: `message-${n}`,
    replies: [{ text: `answer ${n}` }],
    transcript: [
      { direction: 'in', text: `question ${n}`, messageId: `message-${n}` },
      { direction: 'out', text: `answer ${n}` },
    ],
    consents: [],
    events: [{ type: 'booking-started' }],
    at: 1_700_000_000_000 + n,
    ...overrides,
  };
}

describe('SQLite session store: group commit', () => {
  it('stores every turn finished in the same pass of the event loop, each before its promise resolves', async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteSessionStore(db);
    await Promise.all(
      Array.from({ length: 300 }, async (_, n) => {
        await store.commitTurn(turn(n));
        // Resolved means stored: what the member reads next is already in the database.
        assert.deepEqual(await store.answerTo(`whatsapp:member-${n}`, `message-${n}`), [{ text: `answer ${n}` }]);
      }),
    );
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM transcript').get() as { n: number }).n, 600);
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n, 300);
  });

  it('fails only the turn that cannot be stored, never the others written with it', async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteSessionStore(db);
    const broken = turn(2, { transcript: [{ direction: 'sideways' as 'in', text: 'violates a CHECK' }] });
    const results = await Promise.allSettled([store.commitTurn(turn(1)), store.commitTurn(broken), store.commitTurn(turn(3))]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    // The broken turn left nothing behind: not its session, not its message id, not its lines.
    assert.equal(await store.load('whatsapp:member-2'), undefined);
    assert.equal(await store.answerTo('whatsapp:member-2', 'message-2'), undefined);
    const conversations = db.prepare('SELECT DISTINCT conversation_id AS id FROM transcript ORDER BY id').all() as Array<{ id: string }>;
    assert.deepEqual(
      conversations.map((row) => row.id),
      ['conversation-1', 'conversation-3'],
    );
  });

  it('writes a turn with an outcome to the conversation, and keeps it when later turns have none', async () => {
    const db = openDatabase(':memory:');
    const store = createSqliteSessionStore(db);
    await store.commitTurn(turn(1));
    await store.commitTurn(turn(1, { conversationStarted: false, messageId: 'm2', outcome: 'booked', at: 1_700_000_000_100 }));
    await store.commitTurn(turn(1, { conversationStarted: false, messageId: 'm3', at: 1_700_000_000_200 }));
    assert.deepEqual(db.prepare('SELECT outcome, updated_at FROM conversations').get(), { outcome: 'booked', updated_at: 1_700_000_000_200 });
  });
});

describe('SQLite: checkpoints off the turn path', () => {
  it('copies committed pages into the database file from a worker while the serving connection never checkpoints', async () => {
    const path = join(folder, 'checkpoints.sqlite');
    const db = openDatabase(path);
    const checkpoints = startBackgroundCheckpoints(db, { intervalMs: 20 });
    try {
      assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 4000);
      const before = statSync(path).size;
      db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)');
      const insert = db.prepare('INSERT INTO filler (body) VALUES (randomblob(3000))');
      // About 500 pages, far below the 4,000 at which the serving connection would checkpoint.
      for (let n = 0; n < 500; n++) insert.run();
      const deadline = Date.now() + 30_000;
      while (statSync(path).size < before + 500 * 3000 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(statSync(path).size >= before + 500 * 3000, 'the worker copied the WAL into the database file');
    } finally {
      await checkpoints.stop();
    }
    // Without the worker, SQLite checkpoints at commit again.
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 1000);
    db.close();
  });

  it('does nothing for a database in memory', async () => {
    const db = openDatabase(':memory:');
    const checkpoints = startBackgroundCheckpoints(db);
    assert.notEqual(db.pragma('wal_autocheckpoint', { simple: true }), 4000);
    await checkpoints.stop();
  });
});

describe('SQLite: sessions and processed messages move to rowid tables (migration 7)', () => {
  it('keeps every session, processed message and answer of a database written before it', async () => {
    const path = join(folder, 'before-7.sqlite');
    const old = new Database(path);
    MIGRATIONS.slice(0, 6).forEach((sql, index) => {
      old.exec(sql);
      old.pragma(`user_version = ${index + 1}`);
    });
    assert.match(String((old.prepare("SELECT sql FROM sqlite_master WHERE name = 'sessions'").get() as { sql: string }).sql), /WITHOUT ROWID/);
    old
      .prepare('INSERT INTO sessions (session_key, conversation_id, machine_version, snapshot, shown_options, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('whatsapp:member-1', 'conversation-1', 1, '{"status":"active"}', '[]', 1_700_000_000_000);
    old
      .prepare('INSERT INTO processed_messages (session_key, message_id, at, replies) VALUES (?, ?, ?, ?)')
      .run('whatsapp:member-1', 'message-1', 1_700_000_000_000, JSON.stringify([{ text: 'hola' }]));
    old.close();

    const db = openDatabase(path);
    const store = createSqliteSessionStore(db);
    assert.deepEqual(await store.load('whatsapp:member-1'), {
      conversationId: 'conversation-1',
      machineVersion: 1,
      snapshot: '{"status":"active"}',
      shownOptions: '[]',
      updatedAt: 1_700_000_000_000,
    });
    assert.deepEqual(await store.answerTo('whatsapp:member-1', 'message-1'), [{ text: 'hola' }]);
    for (const table of ['sessions', 'processed_messages']) {
      const { sql } = db.prepare<[string], { sql: string }>('SELECT sql FROM sqlite_master WHERE name = ?').get(table) ?? assert.fail(table);
      assert.doesNotMatch(sql, /WITHOUT ROWID/, table);
    }
    // The keys stay unique: a second turn for the same member replaces the session row.
    await store.commitTurn(turn(1, { sessionKey: 'whatsapp:member-1', conversationId: 'conversation-1', conversationStarted: false }));
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n, 1);
    db.close();
  });
});
