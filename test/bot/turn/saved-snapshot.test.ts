/**
 * The snapshot check: a saved conversation is resumed only when it, and every operation
 * running in it, resolves against today's machines; and the question it waits on is read from
 * the deepest running machine, saved or live.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { assign, createActor, setup, type AnyMachineSnapshot, type Snapshot } from 'xstate';
import { livePrompt, pendingPrompt, restoreSnapshot, type ResolvingLogic } from '../../../bot/turn/saved-snapshot.js';

const child = setup({ types: { context: {} as { lastPrompt: { key: string } } } }).createMachine({
  id: 'child',
  context: { lastPrompt: { key: 'child.ask' } },
  initial: 'asking',
  states: { asking: { on: { NEXT: 'answered' } }, answered: {} },
});

const parent = setup({ types: { context: {} as { lastPrompt: { key: string } } }, actors: { child } }).createMachine({
  id: 'parent',
  context: { lastPrompt: { key: 'parent.ask' } },
  initial: 'menu',
  states: {
    menu: { on: { GO: 'running' } },
    running: { invoke: { id: 'operation', src: 'child' }, on: { LEAVE: { target: 'menu', actions: assign({ lastPrompt: { key: 'parent.again' } }) } } },
  },
});

/** A saved snapshot of `parent` with its child running. */
function savedRunning(): Record<string, unknown> {
  const actor = createActor(parent).start();
  actor.send({ type: 'GO' });
  const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as Record<string, unknown>;
  actor.stop();
  return saved;
}

describe('a saved snapshot', () => {
  const logic = parent as unknown as ResolvingLogic;

  it('is restored when it and its running children fit the machines', () => {
    const restored = restoreSnapshot(logic, JSON.stringify(savedRunning()));
    assert.ok(restored);
    const actor = createActor(parent, { snapshot: restored }).start();
    assert.equal(actor.getSnapshot().value, 'running');
    actor.stop();
  });

  it("is refused when its state no longer exists, or a running child's does not", () => {
    const gone = { ...savedRunning(), value: 'removed' };
    assert.equal(restoreSnapshot(logic, JSON.stringify(gone)), undefined);
    const saved = savedRunning() as { children: { operation: { snapshot: { value: string } } } };
    saved.children.operation.snapshot.value = 'removed';
    assert.equal(restoreSnapshot(logic, JSON.stringify(saved)), undefined);
  });

  it('is refused when it is not JSON', () => {
    assert.equal(restoreSnapshot(logic, '{"value": "menu"'), undefined);
  });

  it("gives the deepest running machine's question, saved or live", () => {
    const saved = savedRunning() as unknown as Snapshot<unknown>;
    assert.deepEqual(pendingPrompt(saved), { key: 'child.ask' });
    const actor = createActor(parent).start();
    assert.deepEqual(livePrompt(actor.getSnapshot() as AnyMachineSnapshot), { key: 'parent.ask' });
    actor.send({ type: 'GO' });
    assert.deepEqual(livePrompt(actor.getSnapshot() as AnyMachineSnapshot), { key: 'child.ask' });
    actor.send({ type: 'LEAVE' });
    assert.deepEqual(livePrompt(actor.getSnapshot() as AnyMachineSnapshot), { key: 'parent.again' });
    actor.stop();
  });
});
