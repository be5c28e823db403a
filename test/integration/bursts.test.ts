/**
 * Bursts and ordering: 500 conversations of 20 messages at once over SQLite, five messages
 * from one member in the same millisecond, and redelivered ids. Each conversation must read
 * exactly as it reads alone: in order, one answer per message, nothing lost or mixed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { createEngine } from '../../bot/engine.js';
import type { Engine, InboundMessage } from '../../bot/messages.js';
import { openDatabase } from '../../data/database.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import { createFakeAgenda, FAKE_NOW } from '../fakes/agenda.fake.js';
import { makeEngineOptions, plainText } from '../fakes/chat.js';

/** Twenty messages that identify Laura from another phone and walk the menus without booking. */
const SCRIPT = [
  'hola',
  'sí',
  'CC 1010101010',
  '15/03/1994',
  'para mí',
  'consultar',
  'agendar',
  'medicina general',
  'primera vez',
  '1',
  'mañana',
  'menú',
  'ayuda',
  'pediatría?',
  'menú',
  'consultar',
  'cancelar',
  'menú',
  'xyz',
  'salir',
];

async function startWorld() {
  const folder = await mkdtemp(join(tmpdir(), 'lina-bursts-'));
  const db = openDatabase(join(folder, 'lina.db'));
  const clock = new ManualClock(FAKE_NOW);
  const engine = createEngine(makeEngineOptions({ store: createSqliteSessionStore(db), agenda: createFakeAgenda({ clock }), clock, rateLimitPerMinute: 60 }));
  return {
    db,
    engine,
    async close() {
      db.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

const message = (userId: string, index: number, text: string): InboundMessage => ({
  channel: 'whatsapp',
  userId,
  phone: '+573109990000',
  messageId: `${userId}-${index}`,
  text,
  receivedAt: new Date(FAKE_NOW),
});

async function playAlone(engine: Engine, userId: string): Promise<string[]> {
  const answers: string[] = [];
  for (const [index, text] of SCRIPT.entries()) answers.push(plainText(await engine.handle(message(userId, index, text))));
  return answers;
}

describe('bursts and ordering', () => {
  it('500 conversations of 20 messages at once each read exactly as alone', async () => {
    const world = await startWorld();
    try {
      const expected = await playAlone(world.engine, 'alone');
      // Every message of every member is handed over at once, as a burst from the channel.
      const members = Array.from({ length: 500 }, (_, n) => `member-${n}`);
      const answers = await Promise.all(members.map((userId) => Promise.all(SCRIPT.map((text, index) => world.engine.handle(message(userId, index, text))))));
      for (const [n, replies] of answers.entries()) {
        assert.deepEqual(replies.map(plainText), expected, `member-${n} read differently`);
      }
      const count = world.db.prepare("SELECT COUNT(*) AS n FROM transcript WHERE direction = 'in'").get() as { n: number };
      assert.equal(count.n, (members.length + 1) * SCRIPT.length, 'every message recorded once');
      assert.deepEqual(world.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    } finally {
      await world.close();
    }
  }, 300_000);

  it('five messages from one member within the same millisecond are answered in order', async () => {
    const world = await startWorld();
    try {
      const expected = (await playAlone(world.engine, 'alone')).slice(0, 5);
      const five = SCRIPT.slice(0, 5).map((text, index) => message('quick', index, text));
      const replies = await Promise.all(five.map((m) => world.engine.handle(m)));
      assert.deepEqual(replies.map(plainText), expected);
    } finally {
      await world.close();
    }
  });

  it('a redelivered message id gets exactly one answer, even when both copies arrive at once', async () => {
    const world = await startWorld();
    try {
      const hello = message('twice', 0, 'hola');
      const [first, second] = await Promise.all([world.engine.handle(hello), world.engine.handle(hello)]);
      const later = await world.engine.handle(hello);
      assert.equal([first, second, later].filter((replies) => replies.length > 0).length, 1);
    } finally {
      await world.close();
    }
  });
});
