/**
 * `searchSlotsIn` with `latest` (bot/dialog-actors.ts): "lo más tarde posible" shows the slots of
 * the first day that has any, the latest first, then the next days'; a next page goes on from the
 * last slot shown towards earlier times, none repeated.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DEFAULT_SEARCH_RULES, searchSlotsIn } from '../../bot/dialog-actors.js';
import type { Slot } from '../../bot/domain.js';
import type { SearchSlotsInput } from '../../dialogs/slot-search.js';

const bogota = (local: string) => new Date(`${local}-05:00`).toISOString();
const slot = (local: string, doctor = 'd1'): Slot => ({
  id: `${doctor}@${local}`,
  start: bogota(local),
  end: bogota(local),
  site: 'FONTIBON',
  specialty: 'pediatria',
  doctor: { id: doctor, name: doctor },
});
const SLOTS: Slot[] = [
  slot('2026-11-23T13:00:00'),
  slot('2026-11-23T14:00:00'),
  slot('2026-11-23T15:00:00'),
  slot('2026-11-23T15:00:00', 'd2'),
  slot('2026-11-23T16:00:00'),
  slot('2026-11-24T12:00:00'),
  slot('2026-11-24T16:40:00'),
];
/** The agenda's contract: free slots in [from, to], earliest first, up to `limit`. */
const agenda = {
  searchSlots: ({ from, to, limit }: { from: string; to: string; limit?: number }) =>
    Promise.resolve(SLOTS.filter((s) => s.start >= from && s.start <= to).slice(0, limit ?? SLOTS.length)),
};
const MONDAY = new Date(bogota('2026-11-23T08:00:00'));
const input: SearchSlotsInput = { cups: '890201', site: 'FONTIBON', window: 'horizon', latest: true };
const starts = (slots: Slot[]) => slots.map((s) => s.id);

describe('the latest slots first', () => {
  it('shows the first day latest first, then the next day likewise', async () => {
    const page = await searchSlotsIn(agenda, MONDAY, DEFAULT_SEARCH_RULES, input);
    assert.deepEqual(starts(page), ['d1@2026-11-23T16:00:00', 'd1@2026-11-23T15:00:00', 'd2@2026-11-23T15:00:00', 'd1@2026-11-23T14:00:00', 'd1@2026-11-23T13:00:00']);
  });

  it('goes on after the last slot shown, none repeated, into the next day', async () => {
    const after = { start: bogota('2026-11-23T15:00:00'), ids: ['d1@2026-11-23T15:00:00'] };
    const page = await searchSlotsIn(agenda, MONDAY, DEFAULT_SEARCH_RULES, { ...input, after });
    assert.deepEqual(starts(page), ['d2@2026-11-23T15:00:00', 'd1@2026-11-23T14:00:00', 'd1@2026-11-23T13:00:00', 'd1@2026-11-24T16:40:00', 'd1@2026-11-24T12:00:00']);
  });
});

describe('a doctor left out ("con otro médico, no con ese")', () => {
  const earliest: SearchSlotsInput = { cups: '890201', site: 'FONTIBON', window: 'horizon' };
  it('shows the other doctors’ slots only, earliest first', async () => {
    const page = await searchSlotsIn(agenda, MONDAY, DEFAULT_SEARCH_RULES, { ...earliest, notDoctorId: 'd1' });
    assert.deepEqual(starts(page), ['d2@2026-11-23T15:00:00']);
  });
  it('leaves them out of the latest first too', async () => {
    const page = await searchSlotsIn(agenda, MONDAY, DEFAULT_SEARCH_RULES, { ...input, notDoctorId: 'd2' });
    assert.deepEqual(starts(page), ['d1@2026-11-23T16:00:00', 'd1@2026-11-23T15:00:00', 'd1@2026-11-23T14:00:00', 'd1@2026-11-23T13:00:00', 'd1@2026-11-24T16:40:00']);
  });
});
