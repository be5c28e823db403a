/**
 * `searchWindow` (bot/dialog-actors.ts): the instants a slot search covers. A slot is offered
 * only from the lead time on (members arrive 20 minutes early), never before the day or the
 * time the member asked for, and never after the horizon, the next working day (no
 * programada) or the day asked for.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DEFAULT_SEARCH_RULES, searchWindow } from '../../bot/dialog-actors.js';
import { loadConfig } from '../../bot/config.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const bogota = (local: string) => new Date(`${local}-05:00`);
const iso = (window: { from: Date; to: Date } | undefined) => window && { from: window.from.toISOString(), to: window.to.toISOString() };
const at = (local: string) => bogota(local).toISOString();

/** Monday 23 November 2026, 08:00 in Bogotá. */
const MONDAY = bogota('2026-11-23T08:00:00');
const LEAD = { minLeadMinutes: 60 };

describe('searchWindow', () => {
  it('defaults to the configured default lead time of 60 minutes', () => {
    assert.deepEqual(DEFAULT_SEARCH_RULES, { minLeadMinutes: 60 });
    assert.equal(loadConfig({}).conversation.minLeadMinutes, DEFAULT_SEARCH_RULES.minLeadMinutes);
  });

  it('covers the 14-day horizon from the lead time on', () => {
    assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon' })), {
      from: at('2026-11-23T09:00:00'),
      to: new Date(MONDAY.getTime() + 14 * DAY_MS).toISOString(),
    });
  });

  it('starts at the lead time, whatever it is: none, 90 minutes, a whole day', () => {
    assert.equal(searchWindow(MONDAY, { minLeadMinutes: 0 }, { window: 'horizon' })?.from.toISOString(), MONDAY.toISOString());
    assert.equal(searchWindow(MONDAY, { minLeadMinutes: 90 }, { window: 'horizon' })?.from.toISOString(), at('2026-11-23T09:30:00'));
    assert.equal(searchWindow(MONDAY, { minLeadMinutes: 24 * 60 }, { window: 'horizon' })?.from.toISOString(), at('2026-11-24T08:00:00'));
  });

  it('a slot less than the lead time away is never in the window', () => {
    const window = searchWindow(MONDAY, LEAD, { window: 'horizon' });
    assert.ok(window);
    assert.ok(bogota('2026-11-23T08:40:00') < window.from, '40 minutes away: out');
    assert.ok(bogota('2026-11-23T08:59:59') < window.from, 'one second short of an hour: out');
    assert.ok(bogota('2026-11-23T09:00:00') >= window.from, 'exactly an hour away: in');
  });

  it('ends before the day a child turns 18 (`before`, for pediatrics) when that day comes first', () => {
    assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', before: '2026-11-28' })), {
      from: at('2026-11-23T09:00:00'),
      to: new Date(bogota('2026-11-28T00:00:00').getTime() - 1).toISOString(),
    });
    // A birthday after the horizon changes nothing; one before the lead time leaves nothing to search.
    assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', before: '2026-12-20' })), iso(searchWindow(MONDAY, LEAD, { window: 'horizon' })));
    assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', before: '2026-11-23' }), undefined);
    assert.equal(
      searchWindow(MONDAY, LEAD, { window: 'todayAndNextWorkingDay', before: '2026-11-24' })?.to.toISOString(),
      new Date(bogota('2026-11-24T00:00:00').getTime() - 1).toISOString(),
    );
  });

  describe('no programada: today and the next working day', () => {
    it('ends with the next working day', () => {
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'todayAndNextWorkingDay' })), {
        from: at('2026-11-23T09:00:00'),
        to: at('2026-11-24T23:59:00'),
      });
    });

    it('skips the weekend: on a Friday it ends on Monday', () => {
      const friday = bogota('2026-11-27T10:00:00');
      assert.deepEqual(iso(searchWindow(friday, LEAD, { window: 'todayAndNextWorkingDay' })), {
        from: at('2026-11-27T11:00:00'),
        to: at('2026-11-30T23:59:00'),
      });
    });

    it('skips a holiday Monday: on Friday 13 November 2026 it ends on Tuesday 17', () => {
      const friday = bogota('2026-11-13T10:00:00');
      assert.equal(searchWindow(friday, LEAD, { window: 'todayAndNextWorkingDay' })?.to.toISOString(), at('2026-11-17T23:59:00'));
    });

    it('late in the evening, the lead time pushes the start into tomorrow', () => {
      const evening = bogota('2026-11-23T23:30:00');
      assert.deepEqual(iso(searchWindow(evening, LEAD, { window: 'todayAndNextWorkingDay' })), {
        from: at('2026-11-24T00:30:00'),
        to: at('2026-11-24T23:59:00'),
      });
    });

    it('a day after the next working day is outside it: nothing to search', () => {
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'todayAndNextWorkingDay', day: '2026-11-25' }), undefined);
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'todayAndNextWorkingDay', day: '2026-11-24' })), {
        from: at('2026-11-24T00:00:00'),
        to: at('2026-11-24T23:59:00'),
      });
    });
  });

  describe('a day the member asked for', () => {
    it('covers that whole day', () => {
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-26' })), {
        from: at('2026-11-26T00:00:00'),
        to: at('2026-11-26T23:59:00'),
      });
    });

    it('today: from the lead time on, never earlier', () => {
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-23' })), {
        from: at('2026-11-23T09:00:00'),
        to: at('2026-11-23T23:59:00'),
      });
    });

    it('from a time of that day ("el jueves desde las 3"), or from the lead time when that is later', () => {
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-26', fromTime: '15:00' })?.from.toISOString(), at('2026-11-26T15:00:00'));
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-23', fromTime: '08:30' })?.from.toISOString(), at('2026-11-23T09:00:00'));
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-23', fromTime: '15:00' })?.from.toISOString(), at('2026-11-23T15:00:00'));
    });

    it('a time without a day leaves the window as it is (each day is filtered by the caller)', () => {
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', fromTime: '15:00' })), iso(searchWindow(MONDAY, LEAD, { window: 'horizon' })));
    });

    it('a day already over, or over once the lead time is counted, has nothing to search', () => {
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-20' }), undefined);
      assert.equal(searchWindow(bogota('2026-11-23T23:30:00'), LEAD, { window: 'horizon', day: '2026-11-23' }), undefined);
      assert.equal(searchWindow(bogota('2026-11-23T22:00:00'), LEAD, { window: 'horizon', day: '2026-11-23', fromTime: '23:59' })?.from.toISOString(), at('2026-11-23T23:59:00'));
    });

    it("a day on or after a child's 18th birthday has nothing to search, for pediatrics (`before`)", () => {
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-30', before: '2026-11-30' }), undefined);
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-12-01', before: '2026-11-30' }), undefined);
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-11-27', before: '2026-11-30' })?.to.toISOString(), at('2026-11-27T23:59:00'));
    });

    it('a day beyond the horizon has nothing to search; the last day of it is cut at the horizon', () => {
      assert.equal(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-12-08' }), undefined);
      assert.deepEqual(iso(searchWindow(MONDAY, LEAD, { window: 'horizon', day: '2026-12-07' })), {
        from: at('2026-12-07T00:00:00'),
        to: at('2026-12-07T08:00:00'),
      });
    });
  });
});
