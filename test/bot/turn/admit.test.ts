/** The turns the machines never see: too fast, the failure message, a reopened chat, a text that cannot be an answer. */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { admit, type AdmitInput } from '../../../bot/turn/admit.js';
import { createRateLimiter } from '../../../bot/turn/admission.js';
import { QUIET } from '../../../bot/turn/turn-log.js';

const now = new Date('2026-11-23T13:00:00Z');
const pending = { key: 'menu.ask' };
const turn = (overrides: Partial<AdmitInput> = {}): AdmitInput => ({
  channel: 'whatsapp',
  text: 'hola',
  now,
  opening: false,
  fresh: false,
  pending: () => pending,
  rate: () => 'allowed',
  maxMessageLength: 10,
  log: QUIET,
  ...overrides,
});

describe('admitting a turn', () => {
  it('lets an ordinary message through to the machines', () => {
    assert.equal(admit(turn()), undefined);
    assert.equal(admit(turn({ fresh: true, text: '' })), undefined, 'a new conversation starts whatever the first text');
  });

  it('answers the first message over the rate once, then nothing, and never counts an opening', () => {
    const limiter = createRateLimiter(1);
    const rate = () => limiter.take('s', now.getTime());
    assert.equal(admit(turn({ rate })), undefined);
    assert.deepEqual(admit(turn({ rate })), { replies: [{ key: 'errors.rateLimited' }], events: [{ type: 'rate-limited' }] });
    assert.deepEqual(admit(turn({ rate })), { replies: [], events: [{ type: 'rate-limited' }] });
    assert.deepEqual(admit(turn({ rate, opening: true, text: '' })), { replies: [pending], events: [] });
  });

  it('gives the failure message while it is on, to new and running conversations alike', () => {
    const contingency = { current: () => ({ text: 'Estamos en mantenimiento', since: now, source: 'manual' as const }) };
    const expected = { replies: [{ key: 'contingency.notice', params: { text: 'Estamos en mantenimiento' } }], events: [{ type: 'failure-notice', detail: 'manual' }] };
    assert.deepEqual(admit(turn({ contingency })), expected);
    assert.deepEqual(admit(turn({ contingency, fresh: true })), expected);
  });

  it('repeats the pending question when the channel reopens a running conversation', () => {
    assert.deepEqual(admit(turn({ opening: true, text: '' })), { replies: [pending], events: [] });
    assert.deepEqual(admit(turn({ opening: true, text: '', pending: () => undefined })), { replies: [], events: [] });
  });

  it('refuses an empty or too long text with the pending question again', () => {
    assert.deepEqual(admit(turn({ text: '   ' })), { replies: [{ key: 'errors.empty' }, pending], events: [] });
    assert.deepEqual(admit(turn({ text: 'x'.repeat(11) })), { replies: [{ key: 'errors.tooLong' }, pending], events: [] });
  });
});
