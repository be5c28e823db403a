import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../../bot/clock.js';
import { createPacer, PacerClosedError } from '../../../adapters/whatsapp/pacing.js';
import { FakeTimers, flush, runAll } from './fakes.js';

const START = '2026-11-23T08:00:00-05:00';

function setUp(options: { chatGapMs?: number; maxPerMinute?: number } = {}) {
  const clock = new ManualClock(START);
  const timers = new FakeTimers(clock);
  const pacer = createPacer({ clock, timers, chatGapMs: options.chatGapMs ?? 1200, maxPerMinute: options.maxPerMinute ?? 40 });
  const sent: Array<{ jid: string; label: string; at: number }> = [];
  const start = clock.now().getTime();
  const send = (jid: string, label: string) =>
    pacer.schedule(jid, () => {
      sent.push({ jid, label, at: clock.now().getTime() - start });
      return Promise.resolve();
    });
  return { clock, timers, pacer, sent, send };
}

describe('WhatsApp pacing', () => {
  it('sends the first message to a chat at once', async () => {
    const { sent, send, timers } = setUp();
    await send('a', 'a1');
    assert.deepEqual(sent, [{ jid: 'a', label: 'a1', at: 0 }]);
    assert.equal(timers.pending(), 0);
  });

  it('keeps the order of one chat and leaves at least the gap between its messages', async () => {
    const { sent, send, timers } = setUp({ chatGapMs: 1200 });
    const all = Promise.all(['a1', 'a2', 'a3', 'a4'].map((label) => send('a', label)));
    await runAll(timers);
    await all;
    assert.deepEqual(
      sent.map((s) => s.label),
      ['a1', 'a2', 'a3', 'a4'],
    );
    for (let i = 1; i < sent.length; i++) {
      assert.ok((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0) >= 1200, `gap before ${sent[i]?.label}`);
    }
  });

  it('does not make one chat wait for another chat’s gap', async () => {
    const { sent, send, timers } = setUp({ chatGapMs: 1200 });
    const all = Promise.all([send('a', 'a1'), send('a', 'a2'), send('b', 'b1'), send('b', 'b2'), send('c', 'c1')]);
    await runAll(timers);
    await all;
    assert.deepEqual(
      sent.map((s) => s.label),
      ['a1', 'b1', 'c1', 'a2', 'b2'],
    );
    assert.deepEqual(
      sent.filter((s) => s.at === 0).map((s) => s.label),
      ['a1', 'b1', 'c1'],
    );
    for (const jid of ['a', 'b']) {
      const times = sent.filter((s) => s.jid === jid).map((s) => s.at);
      assert.ok((times[1] ?? 0) - (times[0] ?? 0) >= 1200);
    }
  });

  it('sends at most the configured number of messages in any minute', async () => {
    const { sent, send, timers } = setUp({ chatGapMs: 0, maxPerMinute: 5 });
    const all = Promise.all(Array.from({ length: 12 }, (_, i) => send(`chat-${i}`, `m${i}`)));
    await runAll(timers);
    await all;
    assert.deepEqual(
      sent.map((s) => s.label),
      Array.from({ length: 12 }, (_, i) => `m${i}`),
    );
    for (const first of sent) {
      const inWindow = sent.filter((s) => s.at >= first.at && s.at < first.at + 60_000);
      assert.ok(inWindow.length <= 5, `${inWindow.length} messages in the minute from ${first.at} ms`);
    }
    assert.ok((sent[5]?.at ?? 0) >= 60_000, 'the sixth waits for the minute to pass');
  });

  it('measures the gap from the end of the previous send', async () => {
    const clock = new ManualClock(START);
    const timers = new FakeTimers(clock);
    const pacer = createPacer({ clock, timers, chatGapMs: 1000, maxPerMinute: 40 });
    const starts: number[] = [];
    const slowSend = () =>
      pacer.schedule('a', () => {
        starts.push(clock.now().getTime());
        clock.advance(3000); // the network took three seconds
        return Promise.resolve();
      });
    const all = Promise.all([slowSend(), slowSend()]);
    await runAll(timers);
    await all;
    assert.ok((starts[1] ?? 0) - (starts[0] ?? 0) >= 4000);
  });

  it('goes on after a failed send and reports the failure to its caller', async () => {
    const { pacer, sent, send, timers } = setUp();
    const failing = pacer.schedule('a', () => Promise.reject(new Error('Connection Closed')));
    const next = send('a', 'a2');
    await assert.rejects(failing, /Connection Closed/);
    await runAll(timers);
    await next;
    assert.deepEqual(
      sent.map((s) => s.label),
      ['a2'],
    );
  });

  it('still moves on a clock that never advances by itself', async () => {
    // A demo clock frozen at one instant: the fired timer is proof enough that time passed.
    const clock = new ManualClock(START);
    const callbacks: Array<() => void> = [];
    const timers = { setTimeout: (callback: () => void) => callbacks.push(callback), clearTimeout: () => {} };
    const pacer = createPacer({ clock, timers, chatGapMs: 1200, maxPerMinute: 40 });
    const sent: string[] = [];
    const all = Promise.all(['a1', 'a2', 'a3'].map((label) => pacer.schedule('a', () => Promise.resolve(void sent.push(label)))));
    for (let i = 0; i < 10 && sent.length < 3; i++) {
      await flush();
      callbacks.shift()?.();
    }
    await all;
    assert.deepEqual(sent, ['a1', 'a2', 'a3']);
  });

  it('drops waiting messages when closed', async () => {
    const { pacer, sent, send, timers } = setUp();
    const first = send('a', 'a1');
    const second = send('a', 'a2');
    await first;
    assert.equal(pacer.pending(), 1);
    pacer.close();
    await assert.rejects(second, PacerClosedError);
    await assert.rejects(send('b', 'b1'), PacerClosedError);
    await runAll(timers);
    assert.deepEqual(
      sent.map((s) => s.label),
      ['a1'],
    );
  });
});
