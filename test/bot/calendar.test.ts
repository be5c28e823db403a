import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';

import { addBusinessDays, ageOn, bogotaDate, bogotaInstant, bogotaTime, colombianHolidays, isBusinessDay, isHoliday, nextBusinessDay, toBogotaIso } from '../../bot/calendar.js';

describe('colombianHolidays', () => {
  it('lists exactly the 19 festivos of 2026, Ley 2578 de 2026 (13 July) included', () => {
    assert.deepEqual(colombianHolidays(2026), [
      '2026-01-01',
      '2026-01-12',
      '2026-03-23',
      '2026-04-02',
      '2026-04-03',
      '2026-05-01',
      '2026-05-18',
      '2026-06-08',
      '2026-06-15',
      '2026-06-29',
      '2026-07-13',
      '2026-07-20',
      '2026-08-07',
      '2026-08-17',
      '2026-10-12',
      '2026-11-02',
      '2026-11-16',
      '2026-12-08',
      '2026-12-25',
    ]);
  });

  it('moves Reyes 2027 to Monday 11 January and leaves Easter Sunday out', () => {
    const holidays = colombianHolidays(2027);
    assert.ok(holidays.includes('2027-01-11'));
    assert.ok(!holidays.includes('2027-01-06'));
    assert.ok(!holidays.includes('2027-03-28'));
    assert.ok(!colombianHolidays(2026).includes('2026-04-05'));
  });
});

describe('isHoliday / isBusinessDay', () => {
  const cases: Array<[date: string, holiday: boolean, business: boolean]> = [
    ['2026-07-13', true, false], // Virgen de Chiquinquirá, new in 2026
    ['2026-07-14', false, true],
    ['2026-11-21', false, false], // Saturday
    ['2026-11-22', false, false], // Sunday
    ['2026-04-05', false, false], // Easter Sunday: a Sunday, not a festivo
    ['2026-03-19', false, true], // San José's own day; the festivo is the Monday after
    ['2026-11-24', false, true],
  ];
  for (const [date, holiday, business] of cases) {
    it(`${date}: holiday ${holiday}, business day ${business}`, () => {
      assert.equal(isHoliday(date), holiday);
      assert.equal(isBusinessDay(date), business);
    });
  }

  it('rejects what is not a calendar day', () => {
    assert.throws(() => isHoliday('2026-02-30'), RangeError);
    assert.throws(() => isBusinessDay('24/11/2026'), RangeError);
  });
});

describe('addBusinessDays: when a RISS case filed on a day is due (5 business days)', () => {
  // Worked out by hand on a wall calendar, counting from the day after filing.
  const dueDates: Array<[filed: string, due: string, why: string]> = [
    ['2026-11-23', '2026-11-30', 'Monday → next Monday across one weekend'],
    ['2026-11-21', '2026-11-27', 'filed on a Saturday: Monday is day 1'],
    ['2026-03-30', '2026-04-08', 'Easter week: Thursday and Friday 2-3 April are holidays'],
    ['2026-04-01', '2026-04-10', 'filed on Holy Wednesday'],
    ['2026-03-20', '2026-03-30', 'San José moved to Monday 23 March'],
    ['2026-11-13', '2026-11-23', 'Cartagena moved to Monday 16 November'],
    ['2026-11-16', '2026-11-23', 'filed on the holiday itself'],
    ['2026-05-15', '2026-05-25', 'Ascension moved to Monday 18 May'],
    ['2026-06-05', '2026-06-16', 'Corpus Christi (8 June) and Sagrado Corazón (15 June)'],
    ['2026-07-08', '2026-07-16', 'the new 13 July holiday'],
    ['2026-07-10', '2026-07-21', '13 July and 20 July in the same count'],
    ['2026-12-22', '2026-12-30', 'Christmas on a Friday'],
    ['2026-12-24', '2027-01-04', 'Christmas and New Year'],
    ['2026-12-28', '2027-01-05', 'New Year on a Friday'],
    ['2026-12-31', '2027-01-08', 'Reyes 2027 is not on 6 January'],
    ['2027-01-05', '2027-01-13', 'Reyes 2027 on Monday 11 January'],
  ];
  for (const [filed, due, why] of dueDates) {
    it(`${filed} → ${due} (${why})`, () => {
      assert.equal(addBusinessDays(filed, 5), due);
    });
  }

  it('counts zero days as the day itself and refuses negative counts', () => {
    assert.equal(addBusinessDays('2026-11-21', 0), '2026-11-21');
    assert.throws(() => addBusinessDays('2026-11-23', -1), RangeError);
  });

  it('nextBusinessDay skips weekends and holidays', () => {
    assert.equal(nextBusinessDay('2026-11-13'), '2026-11-17');
    assert.equal(nextBusinessDay('2026-04-01'), '2026-04-06');
    assert.equal(nextBusinessDay('2026-11-24'), '2026-11-25');
  });
});

describe('Bogotá time', () => {
  it('puts an instant on the Bogotá calendar day (UTC-5)', () => {
    assert.equal(bogotaDate(new Date('2026-11-24T04:59:59Z')), '2026-11-23');
    assert.equal(bogotaDate(new Date('2026-11-24T05:00:00Z')), '2026-11-24');
    assert.equal(bogotaTime(new Date('2026-11-24T12:00:00Z')), '07:00');
  });

  it('builds instants from Bogotá wall-clock times and prints them with the offset', () => {
    const instant = bogotaInstant('2026-11-24', '07:00');
    assert.equal(instant.toISOString(), '2026-11-24T12:00:00.000Z');
    assert.equal(toBogotaIso(instant), '2026-11-24T07:00:00-05:00');
    assert.equal(toBogotaIso(new Date('2027-01-01T04:30:00Z')), '2026-12-31T23:30:00-05:00');
    assert.throws(() => bogotaInstant('2026-11-24', '7:00'), RangeError);
  });
});

describe('ageOn', () => {
  const ages: Array<[birthDate: string, date: string, age: number]> = [
    ['2008-05-05', '2026-05-04', 17],
    ['2008-05-05', '2026-05-05', 18], // a birthday counts on the day
    ['2013-06-01', '2026-11-24', 13],
    ['1994-03-15', '2026-03-14', 31],
    ['1994-03-15', '2026-03-15', 32],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2026-11-24', '2026-11-24', 0],
  ];
  for (const [birthDate, date, age] of ages) {
    it(`born ${birthDate} → ${age} on ${date}`, () => {
      assert.equal(ageOn(birthDate, date), age);
    });
  }
});
