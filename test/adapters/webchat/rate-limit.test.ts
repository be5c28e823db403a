/** The per-address limit on starting conversations. */
import assert from 'node:assert/strict';
import { it } from '@jest/globals';
import { createRateLimit } from '../../../adapters/webchat/rate-limit.js';

it('allows so many starts per address and minute, then refuses until the next minute', () => {
  let now = 0;
  const allow = createRateLimit(2, () => now);
  assert.deepEqual([allow('10.0.0.1'), allow('10.0.0.1'), allow('10.0.0.1')], [true, true, false]);
  assert.equal(allow('10.0.0.2'), true, 'other addresses have their own count');
  now += 59_999;
  assert.equal(allow('10.0.0.1'), false);
  now += 1;
  assert.equal(allow('10.0.0.1'), true);
});
