/**
 * The crash harness in a reduced size (the full run: `npm run crash-test`, 200 kills across
 * 50 conversations): Lina's engine in a child process, killed with SIGKILL at random moments
 * while members book and consult.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { runCrashHarness } from '../reliability/crash-harness.js';

describe('crash recovery under SIGKILL', () => {
  it('answers every message, goes on at the step reached, never books twice, keeps SQLite intact', async () => {
    const figures = await runCrashHarness({
      conversations: Number(process.env.CRASH_CONVERSATIONS ?? 8),
      kills: Number(process.env.CRASH_KILLS ?? 16),
    });
    console.log(`crash harness: ${JSON.stringify(figures)}`);
    assert.ok(figures.kills > 0, 'the process was killed');
    assert.equal(figures.lost, 0, 'no message left without an answer');
    assert.equal(figures.answered, figures.messages);
    assert.equal(figures.startedOver, 0, 'no conversation started over');
    assert.equal(figures.completed, figures.conversations, 'every member booked and consulted');
    assert.equal(figures.doubleBookings, 0);
    assert.equal(figures.integrity, 'ok');
  }, 600_000);
});
