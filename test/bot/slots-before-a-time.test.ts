/**
 * A bound the slots must start before ("antes de las 10", `toTime`): `searchWindow` ends the day
 * asked at that time, `searchSlotsIn` leaves out every later slot of each day, and the dialogs'
 * search (`searchAtTime`, `searchSaid`) keeps the bound instead of searching from it.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DEFAULT_SEARCH_RULES, searchSlotsIn, searchWindow } from '../../bot/dialog-actors.js';
import type { Slot } from '../../bot/domain.js';
import { searchAtTime, searchSaid, type SearchSlotsInput } from '../../dialogs/slot-search.js';

const bogota = (local: string) => new Date(`${local}-05:00`).toISOString();
const slot = (local: string): Slot => ({ id: local, start: bogota(local), end: bogota(local), site: 'KENNEDY', specialty: 'pediatria', doctor: { id: 'd1', name: 'd1' } });
const SLOTS: Slot[] = ['2026-11-23T09:00:00', '2026-11-23T09:20:00', '2026-11-23T10:00:00', '2026-11-24T07:00:00', '2026-11-24T08:40:00', '2026-11-24T09:00:00'].map(slot);
/** The agenda's contract: free slots in [from, to], earliest first, up to `limit`. */
const agenda = {
  searchSlots: ({ from, to, limit }: { from: string; to: string; limit?: number }) =>
    Promise.resolve(SLOTS.filter((s) => s.start >= from && s.start <= to).slice(0, limit ?? SLOTS.length)),
};
const MONDAY = new Date(bogota('2026-11-23T08:00:00'));
const input: SearchSlotsInput = { cups: '890201', site: 'KENNEDY', window: 'horizon' };

describe('slots before a time', () => {
  it('leaves out every slot at or after the bound, on each day', async () => {
    const page = await searchSlotsIn(agenda, MONDAY, DEFAULT_SEARCH_RULES, { ...input, toTime: '09:00' });
    assert.deepEqual(
      page.map((s) => s.id),
      ['2026-11-24T07:00:00', '2026-11-24T08:40:00'],
    );
  });

  it('ends the day asked at the bound', () => {
    assert.equal(
      searchWindow(MONDAY, DEFAULT_SEARCH_RULES, { window: 'horizon', day: '2026-11-27', toTime: '10:00' })?.to.toISOString(),
      new Date(Date.parse(bogota('2026-11-27T10:00:00')) - 1).toISOString(),
    );
  });

  it('is kept as a bound by the search, in the band of the time said', () => {
    assert.deepEqual(searchAtTime({ band: 'tarde', day: '2026-11-27', fromTime: '14:00' }, { time: '10:00', beforeTime: true }), {
      band: 'manana',
      day: '2026-11-27',
      toTime: '10:00',
    });
    assert.deepEqual(searchSaid({ day: '2026-11-27', time: '10:00', beforeTime: true }, 'tarde', undefined), { band: 'manana', day: '2026-11-27', toTime: '10:00' });
    // A time to start from replaces the bound.
    assert.deepEqual(searchAtTime({ band: 'manana', toTime: '10:00' }, { time: '09:00' }), { band: 'manana', fromTime: '09:00' });
  });
});
