/** The live-conversation cache: least recently used first out, idle entries dropped, nothing kept at capacity 0. */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { createLiveConversations, type LiveConversation } from '../../../bot/turn/live-conversations.js';
import { CONVERSATION_MACHINE_VERSION } from '../../../dialogs/conversation.machine.js';

const MINUTE = 60_000;

function entry(id: string, updatedAt: number, stopped: string[]): LiveConversation {
  const actor = { stop: () => void stopped.push(id) };
  return { actor, hooks: { replies: [], records: [], actorErrors: [], log: undefined }, conversationId: id, updatedAt } as unknown as LiveConversation;
}

describe('live conversations', () => {
  it('hands a conversation out once, as a resumable of the current machines, and keeps nothing of it meanwhile', () => {
    const stopped: string[] = [];
    const live = createLiveConversations(10, 10 * MINUTE);
    const laura = entry('laura', 1_000, stopped);
    live.put('whatsapp:laura', laura);
    const taken = live.take('whatsapp:laura');
    assert.deepEqual({ ...taken, live: undefined }, { conversationId: 'laura', updatedAt: 1_000, machineVersion: CONVERSATION_MACHINE_VERSION, live: undefined });
    assert.equal(taken?.live, laura);
    assert.equal(live.take('whatsapp:laura'), undefined);
    assert.equal(live.size, 0);
    assert.deepEqual(stopped, []);
  });

  it('stops the least recently used conversation when over capacity', () => {
    const stopped: string[] = [];
    const live = createLiveConversations(2, 10 * MINUTE);
    live.put('a', entry('a', 1, stopped));
    live.put('b', entry('b', 2, stopped));
    const a = live.take('a');
    assert.ok(a?.live);
    live.put('a', { ...a.live, updatedAt: 3 });
    live.put('c', entry('c', 4, stopped));
    assert.deepEqual(stopped, ['b']);
    assert.equal(live.size, 2);
    assert.ok(live.take('a') && live.take('c'));
  });

  it('drops the conversations idle longer than the session timeout as soon as a newer one comes in', () => {
    const stopped: string[] = [];
    const live = createLiveConversations(100, 10 * MINUTE);
    live.put('old', entry('old', 0, stopped));
    live.put('recent', entry('recent', 5 * MINUTE, stopped));
    live.put('new', entry('new', 11 * MINUTE, stopped));
    assert.deepEqual(stopped, ['old']);
    assert.equal(live.take('old'), undefined);
    assert.ok(live.take('recent'));
  });

  it('keeps nothing at capacity 0: every conversation put is stopped', () => {
    const stopped: string[] = [];
    const live = createLiveConversations(0, 10 * MINUTE);
    live.put('a', entry('a', 1, stopped));
    assert.deepEqual(stopped, ['a']);
    assert.equal(live.take('a'), undefined);
  });
});
