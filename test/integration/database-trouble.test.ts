/**
 * The database in trouble: locked by another writer past the busy timeout, or full. The turn
 * fails as a whole (nothing half-written, the message not marked as processed), the channel
 * apologises, and the same message delivered again once the database is back is answered.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { testContext, type TestContext } from '../support/test-context.js';
import Database from 'better-sqlite3';
import { ManualClock } from '../../bot/clock.js';
import { createEngine } from '../../bot/engine.js';
import { openDatabase } from '../../data/database.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import { createFakeAgenda, FAKE_NOW } from '../fakes/agenda.fake.js';
import { makeEngineOptions, makeRenderer, plainText } from '../fakes/chat.js';

async function world(t: TestContext) {
  const folder = await mkdtemp(join(tmpdir(), 'lina-db-trouble-'));
  const path = join(folder, 'lina.db');
  const db = openDatabase(path);
  db.pragma('busy_timeout = 100');
  const clock = new ManualClock(FAKE_NOW);
  const engine = createEngine(makeEngineOptions({ store: createSqliteSessionStore(db), agenda: createFakeAgenda({ clock }), clock }));
  t.after(async () => {
    db.close();
    await rm(folder, { recursive: true, force: true });
  });
  const message = (id: string, text: string) => ({
    channel: 'whatsapp' as const,
    userId: '+573001112233',
    phone: '+573001112233',
    messageId: id,
    text,
    receivedAt: clock.now(),
  });
  return { db, path, engine, message };
}

const welcome = makeRenderer().text('greeting.welcome');

describe('database trouble', () => {
  it('a database locked by another writer fails the turn whole; the redelivered message is answered once it is free', async () => {
    const t = testContext();
    const { path, db, engine, message } = await world(t);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    await assert.rejects(engine.handle(message('m1', 'hola')), { code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    other.close();
    assert.equal((db.prepare('SELECT COUNT(*) AS n FROM transcript').get() as { n: number }).n, 0, 'nothing half-written');

    const answer = await engine.handle(message('m1', 'hola'));
    assert.ok(plainText(answer).includes(welcome));
  });

  it('a full database fails the turn whole; after room is made, the redelivered message is answered', async () => {
    const t = testContext();
    const { db, engine, message } = await world(t);
    // No free pages left behind by the migrations, and no room left in the transcript's
    // pages either: the turn's lines need a page the file may not grow.
    db.exec('VACUUM');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const fill = db.prepare("INSERT INTO transcript (conversation_id, direction, text, at) VALUES ('filler', 'in', ?, 0)");
    for (const size of [200, 20, 1]) {
      try {
        for (;;) fill.run('x'.repeat(size));
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
      }
    }
    await assert.rejects(engine.handle(message('m1', 'hola')), { code: 'SQLITE_FULL' });
    db.pragma('max_page_count = 1073741823');

    const answer = await engine.handle(message('m1', 'hola'));
    assert.ok(plainText(answer).includes(welcome));
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  });
});
