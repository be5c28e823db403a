import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { readBirthDate } from '../../../bot/understanding/birth-date.js';

const TODAY = '2026-11-23';

/** Members' answers to "escríbeme tu fecha de nacimiento", and the date in them. */
const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['15/03/1994', '1994-03-15'],
  // Month first only when the day cannot be a month: nothing else is meant.
  ['03/15/1994', '1994-03-15'],
  ['15 de marzo de 1.994', '1994-03-15'],
  ['15-03-1994', '1994-03-15'],
  ['15.03.1994', '1994-03-15'],
  [' 15.03.1994 ', '1994-03-15'],
  ['1994-03-15', '1994-03-15'],
  ['1994/03/15', '1994-03-15'],
  ['5/3/1994', '1994-03-05'],
  ['15/3/94', '1994-03-15'],
  ['15-3-94', '1994-03-15'],
  ['15 / 03 / 1994', '1994-03-15'],
  ['15031994', '1994-03-15'],
  ['150394', '1994-03-15'],
  ['15 de marzo de 1994', '1994-03-15'],
  ['15 de Marzo del 94', '1994-03-15'],
  ['marzo 15 de 1994', '1994-03-15'],
  ['marzo 15 1994', '1994-03-15'],
  ['Marzo 15, 1994', '1994-03-15'],
  ['15 marzo 1994', '1994-03-15'],
  ['15-mar-94', '1994-03-15'],
  ['quince de marzo de mil novecientos noventa y cuatro', '1994-03-15'],
  ['el quince del tres del noventa y cuatro', '1994-03-15'],
  ['naci el 15 de marzo de 1994', '1994-03-15'],
  ['nací el 15 de marzo de 1994', '1994-03-15'],
  ['mi fecha de nacimiento es 15/03/1994 gracias', '1994-03-15'],
  ['Mi fecha de nacimiento es el 15/03/1994, muchas gracias señorita', '1994-03-15'],
  ['15 03 1994', '1994-03-15'],
  ['15 03 94', '1994-03-15'],
  ['1ro de enero del 2000', '2000-01-01'],
  ['primero de enero de 2000', '2000-01-01'],
  ['07/07/1999', '1999-07-07'],
  ['naci el 7 de julio de 1999, mi cc es 5050505050', '1999-07-07'],
  ['29/02/2024', '2024-02-29'],
  ['05/05/05', '2005-05-05'],
  ['01/01/30', '1930-01-01'],
  ['23/11/2026', '2026-11-23'],
  ['el de mi hijo es 02/05/2015', '2015-05-02'],
];

/** Answers with no date of birth Lina may take. */
const NOTHING: readonly string[] = [
  '',
  'hola',
  '15 de marzo',
  '31/02/1994',
  '30/02/1994',
  '31/04/1994',
  '00/03/1994',
  '15/13/1994',
  '32/01/1994',
  '1994-02-31',
  '29/02/2023',
  '01/01/1899',
  '15/03/2030',
  '24/11/2026',
  '1010101010',
  'CC 1010101010',
  'cc 150394',
  'mi celular es 3001112233',
  '15/03/1994 o 16/03/1994',
  '1994/3',
  'tengo 15 03 94 cosas',
  '👍',
  'x'.repeat(5000),
  '__proto__',
];

describe('readBirthDate', () => {
  for (const [text, expected] of TABLE) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      assert.equal(readBirthDate(text, TODAY), expected);
    });
  }

  for (const text of NOTHING) {
    it(`reads no date of birth in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.equal(readBirthDate(text, TODAY), undefined);
    });
  }

  it('decides a two-digit year by today: the latest year that is not in the future', () => {
    assert.equal(readBirthDate('15/12/26', TODAY), '1926-12-15');
    assert.equal(readBirthDate('15/11/26', TODAY), '2026-11-15');
    assert.equal(readBirthDate('15/12/26', '2027-01-10'), '2026-12-15');
  });

  it('gives nothing when today is not a YYYY-MM-DD day', () => {
    assert.equal(readBirthDate('15/03/1994', 'mañana'), undefined);
  });
});

describe('readBirthDate on any input', () => {
  const pieces = ['15', '03', '1994', '94', '/', '-', '.', ' ', 'de', 'del', 'marzo', 'mar', 'quince', 'mil', 'novecientos', 'cc', '150394', '15031994', '1ro'];
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join('')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join(' ')),
  );

  it('never throws and only ever gives a real day between 1900 and today', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const date = readBirthDate(text, TODAY);
        if (date === undefined) return;
        assert.match(date, /^(?:19|20)\d{2}-\d{2}-\d{2}$/);
        assert.ok(date <= TODAY && date >= '1900-01-01');
        assert.equal(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10), date);
      }),
      { numRuns: 2000, seed: 1581 },
    );
  });
});
