import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { readWhen, type When } from '../../../bot/understanding/when.js';

/** Monday 23 November 2026, 08:00 in Bogotá: the corpus' `now`. */
const MONDAY = new Date('2026-11-23T08:00:00-05:00');
const FRIDAY = new Date('2026-11-27T08:00:00-05:00');
const THE_30TH = new Date('2026-11-30T15:00:00-05:00');
const NEW_YEARS_EVE = new Date('2026-12-31T16:00:00-05:00');

/** What members write, and what Lina must read in it on Monday 23 November 2026. */
const ON_MONDAY: ReadonlyArray<readonly [string, When]> = [
  ['hoy', { day: '2026-11-23' }],
  ['Hoy mismo si se puede', { day: '2026-11-23' }],
  ['hoy lunes', { day: '2026-11-23', weekday: 1 }],
  ['mañana', { day: '2026-11-24' }],
  ['manana porfa', { day: '2026-11-24' }],
  ['pasado mañana', { day: '2026-11-25' }],
  ['pasado manana en la tarde', { day: '2026-11-25', band: 'tarde' }],
  ['en la mañana', { band: 'manana' }],
  ['por la mañana', { band: 'manana' }],
  ['temprano', { band: 'manana' }],
  ['lo mas temprano posible', { band: 'manana' }],
  ['mañana temprano', { day: '2026-11-24', band: 'manana' }],
  ['mañana en la mañana', { day: '2026-11-24', band: 'manana' }],
  ['MAÑANA POR LA TARDE', { day: '2026-11-24', band: 'tarde' }],
  ['en la tarde', { band: 'tarde' }],
  ['x la tarde mejor', { band: 'tarde' }],
  ['despues del almuerzo', { band: 'tarde' }],
  ['pm', { band: 'tarde' }],
  ['a cualquier hora', { band: 'cualquiera' }],
  ['cualquiera', { band: 'cualquiera' }],
  ['la que sea', { band: 'cualquiera' }],
  ['cualquiera de las dos', { band: 'cualquiera' }],
  ['me da igual la hora', { band: 'cualquiera' }],
  ['en la mañana o en la tarde, como haya', { band: 'cualquiera' }],
  ['el martes en la tarde', { day: '2026-11-24', weekday: 2, band: 'tarde' }],
  ['el miércoles', { day: '2026-11-25', weekday: 3 }],
  ['el miercoles', { day: '2026-11-25', weekday: 3 }],
  ['el lunes', { day: '2026-11-30', weekday: 1 }],
  ['el próximo lunes', { day: '2026-11-30', weekday: 1 }],
  ['el lunes que viene', { day: '2026-11-30', weekday: 1 }],
  ['el sabado', { day: '2026-11-28', weekday: 6 }],
  ['el martes de la otra semana', { day: '2026-12-01', weekday: 2 }],
  ['la otra semana', { day: '2026-11-30' }],
  ['la próxima semana', { day: '2026-11-30' }],
  ['para la semana que viene', { day: '2026-11-30' }],
  ['25 de noviembre', { day: '2026-11-25' }],
  ['el veinticinco de noviembre', { day: '2026-11-25' }],
  ['el 25', { day: '2026-11-25' }],
  ['el dia 20', { day: '2026-12-20' }],
  ['25/11', { day: '2026-11-25' }],
  ['viernes 27', { day: '2026-11-27', weekday: 5 }],
  ['el 1 de diciembre', { day: '2026-12-01' }],
  ['el primero de diciembre', { day: '2026-12-01' }],
  ['1 de noviembre', { day: '2027-11-01' }],
  ['5 de enero', { day: '2027-01-05' }],
  ['dentro de una semana', { day: '2026-11-30' }],
  ['a las 3', { time: '15:00' }],
  ['a las 9', { time: '09:00' }],
  ['a las 12', { time: '12:00' }],
  ['a la una', { time: '13:00' }],
  ['a las tres de la tarde', { time: '15:00', band: 'tarde' }],
  ['3 de la tarde', { time: '15:00', band: 'tarde' }],
  ['10 am', { time: '10:00', band: 'manana' }],
  ['10 a. m.', { time: '10:00', band: 'manana' }],
  ['2 y media', { time: '14:30' }],
  ['a eso de las 2', { time: '14:00' }],
  ['tipo 10', { time: '10:00' }],
  ['2:40 pm', { time: '14:40', band: 'tarde' }],
  ['a las 10:30', { time: '10:30' }],
  ['a las 3 menos cuarto', { time: '14:45' }],
  ['al mediodía', { time: '12:00' }],
  ['la de las 10', { time: '10:00' }],
  ['la de las 2 y 20', { time: '14:20' }],
  ['la de las 9 de la mañana', { time: '09:00', band: 'manana' }],
  ['mañana a las 3', { day: '2026-11-24', time: '15:00' }],
  ['el viernes 27 a las 10 am', { day: '2026-11-27', weekday: 5, time: '10:00', band: 'manana' }],
  ['el jueves 26 de noviembre a las dos y media de la tarde', { day: '2026-11-26', weekday: 4, time: '14:30', band: 'tarde' }],
  ['hola buenas, necesito una cita para mi hijo el viernes a eso de las 2 y media', { day: '2026-11-27', weekday: 5, time: '14:30' }],
  // A range of hours is its band, and the slots from its first hour.
  ['entre las 2 y las 4', { band: 'tarde', time: '14:00' }],
  ['de 8 a 10', { band: 'manana', time: '08:00' }],
  // A band ruled out asks for the other one, and is said to be ruled out (the ladder never offers it).
  ['en la mañana no puedo', { band: 'tarde', ruledOutBand: 'manana' }],
  ['no puedo en la tarde', { band: 'manana', ruledOutBand: 'tarde' }],
  ['en la mañana no, en la tarde', { band: 'tarde', ruledOutBand: 'manana' }],
  ['en la tarde no puedo porque trabajo', { band: 'manana', ruledOutBand: 'tarde' }],
  // A band given as a reason is no band ruled out (said busy in answer to the offer of that band, it is: see
  // understand.test.ts).
  ['en la tarde porque trabajo en la mañana', { band: 'tarde' }],
  // Chat shorthand opens the reason too: "q", "xq", "pq".
  ['en la mañanita porfa q en la tarde trabajo', { band: 'manana' }],
  ['en la mañana xq en la tarde trabajo', { band: 'manana' }],
  ['en la tarde pq trabajo en la mañana', { band: 'tarde' }],
  ['ni en la mañana ni en la tarde', {}],
  ['no puedo en la tarde, mejor temprano', { band: 'manana', ruledOutBand: 'tarde' }],
];

/** Messages in which there is no day, no time and no band. */
const NOTHING: readonly string[] = [
  'hola',
  'sí',
  'buenas tardes',
  'Buenas tardes, quiero una cita',
  'más tarde te escribo',
  'llego tarde',
  '2',
  'la 2',
  'la opción 2',
  'con cualquiera de los médicos',
  'cualquier día',
  '15/03/1994',
  'naci el 15 de marzo de 1994',
  '1010101010',
  'CC 1010101010',
  'cc 15031994',
  '+57 300 111 2233',
  'tengo 2 hijos',
  'el primero',
  'por 2 dias',
  'en 2 horas',
  'me da igual el día',
  '29 de febrero',
  'ayer',
  'el 15 de marzo de 2030',
  'pediatría',
  'una de las 2',
  // A site: USS Primero de Mayo.
  'en la del primero de mayo',
];

describe('readWhen on Monday 23 November 2026, 08:00', () => {
  for (const [text, expected] of ON_MONDAY) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readWhen(text, MONDAY), expected);
    });
  }

  for (const text of NOTHING) {
    it(`reads no day, time or band in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readWhen(text, MONDAY), {});
    });
  }
});

describe('readWhen when the question was the time band', () => {
  const band = { mananaIsBand: true };

  it('reads a bare "mañana" as the morning band', () => {
    assert.deepEqual(readWhen('mañana', MONDAY, band), { band: 'manana' });
    assert.deepEqual(readWhen('Mañana porfa', MONDAY, band), { band: 'manana' });
  });

  it('still reads tomorrow when a band or a time follows "mañana"', () => {
    assert.deepEqual(readWhen('mañana en la tarde', MONDAY, band), { day: '2026-11-24', band: 'tarde' });
    assert.deepEqual(readWhen('mañana temprano', MONDAY, band), { day: '2026-11-24', band: 'manana' });
    assert.deepEqual(readWhen('mañana a las 3', MONDAY, band), { day: '2026-11-24', time: '15:00' });
  });

  it('still reads "pasado mañana" as the day after tomorrow', () => {
    assert.deepEqual(readWhen('pasado mañana', MONDAY, band), { day: '2026-11-25' });
  });
});

describe('readWhen on other days', () => {
  it('on a Friday, "el viernes" is next Friday and "hoy viernes" today', () => {
    assert.deepEqual(readWhen('el viernes', FRIDAY), { day: '2026-12-04', weekday: 5 });
    assert.deepEqual(readWhen('hoy viernes', FRIDAY), { day: '2026-11-27', weekday: 5 });
    assert.deepEqual(readWhen('el lunes', FRIDAY), { day: '2026-11-30', weekday: 1 });
    assert.deepEqual(readWhen('pasado mañana', FRIDAY), { day: '2026-11-29' });
    assert.deepEqual(readWhen('la otra semana', FRIDAY), { day: '2026-11-30' });
  });

  it("on a Friday, a day of the month already past is next month's", () => {
    assert.deepEqual(readWhen('el 25', FRIDAY), { day: '2026-12-25' });
    assert.deepEqual(readWhen('el 27', FRIDAY), { day: '2026-11-27' });
  });

  it('on the 30th, tomorrow is the 1st of next month and "el 31" skips a month without one', () => {
    assert.deepEqual(readWhen('mañana', THE_30TH), { day: '2026-12-01' });
    assert.deepEqual(readWhen('el 31', THE_30TH), { day: '2026-12-31' });
    assert.deepEqual(readWhen('el 30', THE_30TH), { day: '2026-11-30' });
    assert.deepEqual(readWhen('el 2', THE_30TH), { day: '2026-12-02' });
  });

  it('on 31 December, days roll over into next year', () => {
    assert.deepEqual(readWhen('mañana', NEW_YEARS_EVE), { day: '2027-01-01' });
    assert.deepEqual(readWhen('el lunes', NEW_YEARS_EVE), { day: '2027-01-04', weekday: 1 });
    assert.deepEqual(readWhen('5 de enero', NEW_YEARS_EVE), { day: '2027-01-05' });
    assert.deepEqual(readWhen('2/1', NEW_YEARS_EVE), { day: '2027-01-02' });
    assert.deepEqual(readWhen('el 3', NEW_YEARS_EVE), { day: '2027-01-03' });
    assert.deepEqual(readWhen('30 de diciembre', NEW_YEARS_EVE), { day: '2027-12-30' });
  });

  it('counts days in Bogotá even when it is already tomorrow in UTC', () => {
    const lateMonday = new Date('2026-11-23T23:30:00-05:00');
    assert.deepEqual(readWhen('hoy', lateMonday), { day: '2026-11-23' });
    assert.deepEqual(readWhen('mañana', lateMonday), { day: '2026-11-24' });
  });

  it("gives the same answers whatever the machine's time zone", () => {
    const saved = process.env.TZ;
    const expected = ON_MONDAY.map(([text]) => readWhen(text, MONDAY));
    try {
      for (const zone of ['Asia/Tokyo', 'Pacific/Kiritimati', 'America/New_York', 'UTC']) {
        process.env.TZ = zone;
        assert.deepEqual(
          ON_MONDAY.map(([text]) => readWhen(text, MONDAY)),
          expected,
          zone,
        );
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('readWhen on any input', () => {
  const pieces = [
    'a las',
    'las',
    'la',
    'de la tarde',
    'de la mañana',
    'mañana',
    'pasado',
    'el',
    'lunes',
    'viernes',
    'hoy',
    'y media',
    'menos cuarto',
    'am',
    'pm',
    '/',
    ':',
    '-',
    '3',
    '12',
    '27',
    '1994',
    'de',
    'noviembre',
    'otra semana',
    'cualquiera',
    'no',
    'tarde',
    'en',
    'entre',
    'y',
    ' ',
  ];
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join(' ')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join('')),
  );
  const anyNow = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

  it('never throws and only ever gives well-formed days, weekdays, times and bands', () => {
    fc.assert(
      fc.property(anyText, anyNow, fc.boolean(), (text, now, mananaIsBand) => {
        const when = readWhen(text, now, { mananaIsBand });
        if (when.day !== undefined) assert.match(when.day, /^\d{4}-\d{2}-\d{2}$/);
        if (when.weekday !== undefined) assert.ok(Number.isInteger(when.weekday) && when.weekday >= 0 && when.weekday <= 6);
        if (when.time !== undefined) assert.match(when.time, /^(?:[01]\d|2[0-3]):[0-5]\d$/);
        if (when.band !== undefined) assert.ok(['manana', 'tarde', 'cualquiera'].includes(when.band));
      }),
      { numRuns: 2000, seed: 1581 },
    );
  });

  it('gives nothing for an invalid now, and nothing from a huge text', () => {
    assert.deepEqual(readWhen('mañana', new Date(Number.NaN)), {});
    assert.deepEqual(readWhen('mañana '.repeat(10_000), MONDAY), {});
  });

  // (How fast a 2,000-character message is read is measured by `npm run bench`, never timed here.)
  it('reads the day and hour at the end of a 2,000-character message', () => {
    const long = `${'hola que tal, '.repeat(135)}mañana a las 3`;
    const when = readWhen(long, MONDAY);
    assert.equal(when.day, '2026-11-24');
    assert.equal(when.time, '15:00');
  });
});
