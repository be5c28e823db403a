import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { normalizeText } from '../../../dialogs/text.js';
import { digitsFromWords, numberFromWords, ordinalFromWord } from '../../../bot/understanding/numbers.js';

/** Members' texts (as normalizeText leaves them) and what digitsFromWords makes of them. */
const DIGITS_TABLE: ReadonlyArray<readonly [string, string]> = [
  ['el quince de marzo de mil novecientos noventa y cuatro', 'el 15 de marzo de 1994'],
  ['uno cero uno cero', '1010'],
  ['uno cero uno cero uno cero uno cero uno cero', '1010101010'],
  ['uno, cero, uno, cero, uno, cero, uno, cero, uno, cero', '1010101010'],
  ['cc uno cero uno cero uno cero uno cero uno cero', 'cc 1010101010'],
  // ("Un" for "uno" before another digit, as members dictate.)
  ['cedula un cero un cero un cero un cero un cero', 'cedula 1010101010'],
  ['un cero uno cero uno cero uno cero uno cero', '1010101010'],
  ['diez diez diez diez diez', '1010101010'],
  ['mi cedula es cinco cero cinco cero cinco cero cinco cero cinco cero', 'mi cedula es 5050505050'],
  ['quince cero tres noventa y cuatro', '150394'],
  ['una cita para mi hijo', 'una cita para mi hijo'],
  ['quiero un turno en la tarde', 'quiero un turno en la tarde'],
  ['a la una y media', 'a la una y media'],
  ['a las tres de la tarde', 'a las 3 de la tarde'],
  ['a las dos y cuarenta y cinco', 'a las 2 y 45'],
  ['a las cuatro y veinte', 'a las 4 y 20'],
  ['el veinticinco de noviembre', 'el 25 de noviembre'],
  ['el treinta y un de diciembre', 'el 31 de diciembre'],
  ['veinte y cinco', '25'],
  ['diez y seis', '16'],
  ['ciento uno', '101'],
  ['setecientos', '700'],
  ['novecientas', '900'],
  ['dos mil veintiseis', '2026'],
  ['un millon doscientos mil', '1200000'],
  ['dos y tres', '2 y 3'],
  ['tengo dos hijos', 'tengo 2 hijos'],
  ['sinco de mayo', '5 de mayo'],
  ['naci el siete de julio de mil novecientos noventa y nueve', 'naci el 7 de julio de 1999'],
  ['hola buenas tardes', 'hola buenas tardes'],
  ['la primera', 'la primera'],
  ['', ''],
];

describe('digitsFromWords', () => {
  for (const [text, expected] of DIGITS_TABLE) {
    it(`turns ${JSON.stringify(text)} into ${JSON.stringify(expected)}`, () => {
      assert.equal(digitsFromWords(text), expected);
    });
  }

  it('leaves the articles "un" and "una" as words, but reads them before "mil" and "millón"', () => {
    assert.equal(digitsFromWords('necesito una cita y un turno'), 'necesito una cita y un turno');
    assert.equal(digitsFromWords('un millon'), '1000000');
    assert.equal(digitsFromWords('treinta y un dias'), '31 dias');
  });

  it('keeps punctuation, digits and other words exactly where they were', () => {
    assert.equal(digitsFromWords('¿el dos? si, el 3!'), '¿el 2? si, el 3!');
  });
});

describe('numberFromWords', () => {
  const table: ReadonlyArray<readonly [string, number | undefined]> = [
    ['dos', 2],
    ['Dos.', 2],
    ['veintitrés', 23],
    ['VEINTITRES', 23],
    ['mil novecientos noventa y cuatro', 1994],
    ['dos mil veintiséis', 2026],
    ['15', 15],
    [' 15 ', 15],
    ['cero', 0],
    ['una', 1],
    ['ciento cincuenta', 150],
    ['cien mil', 100_000],
    ['treinta y uno', 31],
    ['dos dos', undefined],
    ['dos citas', undefined],
    ['y', undefined],
    ['treinta y', undefined],
    ['la dos', undefined],
    ['hola', undefined],
    ['', undefined],
    ['1'.repeat(20), undefined],
    ['constructor', undefined],
  ];
  for (const [text, expected] of table) {
    it(`reads ${JSON.stringify(text)} as ${String(expected)}`, () => {
      assert.equal(numberFromWords(text), expected);
    });
  }
});

describe('ordinalFromWord', () => {
  const table: ReadonlyArray<readonly [string, number | undefined]> = [
    ['primera', 1],
    ['Primero', 1],
    ['1ra', 1],
    ['1ro', 1],
    ['1°', 1],
    ['1º', 1],
    ['la primera', 1],
    ['segunda', 2],
    ['2da', 2],
    ['tercer', 3],
    ['3er', 3],
    ['cuarta', 4],
    ['quinto', 5],
    ['séptima', 7],
    ['octavo', 8],
    ['novena', 9],
    ['décima', 10],
    ['decimo', 10],
    ['última', -1],
    ['ultimo', -1],
    // Diminutives: "la primerita", "la ultimita", "el cuartico".
    ['primerita', 1],
    ['la ultimita', -1],
    ['cuartico', 4],
    ['segundita', 2],
    ['cita', undefined],
    ['bonita', undefined],
    ['11vo', undefined],
    ['primavera', undefined],
    ['dos', undefined],
    ['', undefined],
    ['__proto__', undefined],
  ];
  for (const [word, expected] of table) {
    it(`reads ${JSON.stringify(word)} as ${String(expected)}`, () => {
      assert.equal(ordinalFromWord(word), expected);
    });
  }
});

describe('numbers on any input', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .array(fc.constantFrom('uno', 'un', 'una', 'cero', 'y', 'mil', 'millon', 'ciento', 'veinte', 'treinta', ',', ' ', 'dos', '15', 'de'), { maxLength: 60 })
      .map((words) => words.join(' ')),
  );

  it('never throws, and digitsFromWords only ever replaces number words', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        numberFromWords(text);
        ordinalFromWord(text);
        const normalized = normalizeText(text);
        const replaced = digitsFromWords(normalized);
        assert.equal(typeof replaced, 'string');
        if (!/[a-z]/.test(normalized)) assert.equal(replaced, normalized);
      }),
      { numRuns: 2000, seed: 1581 },
    );
  });

  // (How fast a 2,000-character message is read is measured by `npm run bench`, never timed here.)
  it('reads a 2,000-character message of number words, digit by digit, and as no one number', () => {
    const long = 'uno cero '.repeat(250);
    assert.equal(digitsFromWords(long), `${'10'.repeat(250)} `);
    assert.equal(numberFromWords(long), undefined);
  });
});
