import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { openDatabase } from '../../data/database.js';
import { createSqliteIdentityGuard } from '../../data/identity-guard.store.js';
import { makeRenderer, startChat, type Chat } from '../fakes/chat.js';
import { FAKE_NOW } from '../fakes/agenda.fake.js';

const renderer = makeRenderer();
const t = (key: string) => renderer.text(key);
const MINUTE = 60_000;

function guardOnMemory() {
  return createSqliteIdentityGuard(openDatabase(':memory:'), { maxFailures: 3, windowMs: 15 * MINUTE });
}

describe('identity guard (SQLite)', () => {
  it('locks a document and a sender at the third failure, for the window after the last one', () => {
    const guard = guardOnMemory();
    const keys = { document: 'CC:1010101010', sender: 'whatsapp:+573109998877' };
    const start = new Date(FAKE_NOW).getTime();
    guard.recordFailure(keys, new Date(start));
    guard.recordFailure(keys, new Date(start + MINUTE));
    assert.equal(guard.isLocked(keys, new Date(start + 2 * MINUTE)), false);
    guard.recordFailure(keys, new Date(start + 2 * MINUTE));
    assert.equal(guard.isLocked(keys, new Date(start + 3 * MINUTE)), true);
    assert.equal(guard.isLocked({ document: 'CC:1010101010', sender: 'webchat:other' }, new Date(start + 3 * MINUTE)), true, 'the document');
    assert.equal(guard.isLocked({ document: 'CC:999', sender: 'whatsapp:+573109998877' }, new Date(start + 3 * MINUTE)), true, 'the sender');
    assert.equal(guard.isLocked({ document: 'CC:999', sender: 'webchat:other' }, new Date(start + 3 * MINUTE)), false);
    assert.equal(guard.isLocked(keys, new Date(start + 15 * MINUTE + 1)), false, 'the first failure no longer counts');
  });
});

describe('engine: identification lockout', () => {
  async function failThreeTimes(chat: Chat) {
    await chat.say('hola');
    await chat.say('sí');
    for (let attempt = 0; attempt < 3; attempt++) {
      await chat.say('CC 1010101010');
      await chat.say('01/01/1990');
    }
    assert.ok(chat.lastReply().includes(t('identify.tooManyFailures').slice(0, 30)));
  }

  it('after three wrong dates, the right date fails the same way for 15 minutes, for that document from anyone', async () => {
    const identityGuard = guardOnMemory();
    const clock = new ManualClock(FAKE_NOW);
    const intruder = await startChat({ identityGuard, clock, from: '+573109998877' });
    await failThreeTimes(intruder);

    // Laura herself, from another phone, with her real date of birth: refused like any failure.
    const laura = await startChat({ identityGuard, clock, from: '+573205554433' });
    await laura.say('hola');
    await laura.say('sí');
    await laura.say('CC 1010101010');
    assert.ok(laura.lastReply().includes(t('identify.askBirthDate')));
    await laura.say('15/03/1994');
    assert.ok(laura.lastReply().includes(t('identify.failed')), laura.lastReply());

    clock.advance(16 * MINUTE);
    await laura.say('hola');
    await laura.say('CC 1010101010');
    await laura.say('15/03/1994');
    assert.ok(laura.lastReply().includes('Laura'), laura.lastReply());
  });

  it('locks the sender too, whatever document it tries next', async () => {
    const identityGuard = guardOnMemory();
    const clock = new ManualClock(FAKE_NOW);
    const intruder = await startChat({ identityGuard, clock, from: '+573109998877' });
    await failThreeTimes(intruder);
    clock.advance(MINUTE);
    await intruder.say('hola');
    await intruder.say('CC 1010101010');
    await intruder.say('15/03/1994');
    assert.ok(intruder.lastReply().includes(t('identify.failed')), intruder.lastReply());
  });
});

describe('engine: rate limit per sender', () => {
  it('answers politely once when a sender writes faster than a person can, then stays quiet', async () => {
    const chat = await startChat({ rateLimitPerMinute: 5 });
    for (let i = 0; i < 5; i++) await chat.say(i === 0 ? 'hola' : 'sí');
    await chat.say('sí');
    assert.equal(chat.lastReply(), t('errors.rateLimited'));
    await chat.say('sí');
    assert.equal(chat.lastReply(), '');
    chat.clock.advance(61_000);
    await chat.say('ayuda');
    assert.notEqual(chat.lastReply(), '');
    assert.notEqual(chat.lastReply(), t('errors.rateLimited'));
  });
});
