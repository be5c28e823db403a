import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { birthdayAt, daysAfter, parseBirthDate, parseDocument, parseEmail, yearsOld } from '../../dialogs/parse.js';

describe('parseDocument', () => {
  it('reads type and number together, however they are written (contract point 3)', () => {
    const laura = { documentType: 'CC', documentNumber: '1010101010' };
    assert.deepEqual(parseDocument('CC 1010101010'), laura);
    assert.deepEqual(parseDocument('cc1010101010'), laura);
    assert.deepEqual(parseDocument('C.C. 1.010.101.010'), laura);
    assert.deepEqual(parseDocument('  cc   1010101010  '), laura);
    assert.deepEqual(parseDocument('CC: 1010101010'), laura);
  });

  it('reads the type in words, accents and case aside', () => {
    assert.deepEqual(parseDocument('Cédula 1010101010'), { documentType: 'CC', documentNumber: '1010101010' });
    assert.deepEqual(parseDocument('cedula de ciudadania 1010101010'), { documentType: 'CC', documentNumber: '1010101010' });
    assert.deepEqual(parseDocument('Cédula de extranjería 123456'), { documentType: 'CE', documentNumber: '123456' });
    assert.deepEqual(parseDocument('tarjeta de identidad 1100000001'), { documentType: 'TI', documentNumber: '1100000001' });
    assert.deepEqual(parseDocument('Registro civil 1200000002'), { documentType: 'RC', documentNumber: '1200000002' });
    assert.deepEqual(parseDocument('pasaporte ab123456'), { documentType: 'PA', documentNumber: 'AB123456' });
    assert.deepEqual(parseDocument('PPT 1234567'), { documentType: 'PT', documentNumber: '1234567' });
    assert.deepEqual(parseDocument('TI1100000001'), { documentType: 'TI', documentNumber: '1100000001' });
  });

  it('reads nothing from words that name what every JavaScript object has', () => {
    for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor 12345678']) {
      assert.deepEqual(parseDocument(text), {}, text);
    }
  });

  it('gives a bare number without a type, so Lina asks for the type', () => {
    assert.deepEqual(parseDocument('1010101010'), { documentNumber: '1010101010' });
    assert.deepEqual(parseDocument('1.010.101.010'), { documentNumber: '1010101010' });
  });

  it('gives a type word alone without a number', () => {
    assert.deepEqual(parseDocument('cédula'), { documentType: 'CC' });
    assert.deepEqual(parseDocument('pasaporte'), { documentType: 'PA' });
  });

  it('finds nothing in garbage, short numbers or huge texts', () => {
    for (const text of [
      '',
      '   ',
      'hola',
      'mi cédula',
      'CC 123',
      '123',
      '+57 300 111 2233',
      '👍👍',
      "'; DROP TABLE x; --",
      '<script>alert(1)</script>',
      '1'.repeat(16),
      'CC '.concat('1'.repeat(5000)),
      'x'.repeat(5000),
    ]) {
      assert.deepEqual(parseDocument(text), {}, `for ${JSON.stringify(text.slice(0, 40))}`);
    }
  });
});

describe('parseBirthDate', () => {
  it('reads the three formats of the contract as YYYY-MM-DD (point 4)', () => {
    assert.equal(parseBirthDate('15/03/1994'), '1994-03-15');
    assert.equal(parseBirthDate('15-03-1994'), '1994-03-15');
    assert.equal(parseBirthDate('1994-03-15'), '1994-03-15');
    assert.equal(parseBirthDate('5/3/1994'), '1994-03-05');
    assert.equal(parseBirthDate(' 15.03.1994 '), '1994-03-15');
  });

  it('accepts 29 February only in leap years', () => {
    assert.equal(parseBirthDate('29/02/2024'), '2024-02-29');
    assert.equal(parseBirthDate('29/02/2023'), undefined);
  });

  it('refuses days that do not exist', () => {
    for (const text of ['31/02/1994', '30/02/1994', '31/04/1994', '00/03/1994', '15/13/1994', '15/00/1994', '32/01/1994', '1994-02-31']) {
      assert.equal(parseBirthDate(text), undefined, text);
    }
  });

  it('refuses garbage, two-digit years and years before 1900', () => {
    for (const text of ['', 'hola', '15/03/94', '15 de marzo de 1994', '1994/3', '15/03/1994 hola', '01/01/1899', '👍', 'x'.repeat(5000)]) {
      assert.equal(parseBirthDate(text), undefined, text.slice(0, 40));
    }
  });
});

describe('yearsOld', () => {
  it('counts the birthday itself as a year more', () => {
    assert.equal(yearsOld('2008-11-23', '2026-11-23'), 18);
  });

  it('does not count a birthday that is tomorrow', () => {
    assert.equal(yearsOld('2008-11-24', '2026-11-23'), 17);
  });

  it('handles month boundaries and a 29 February birthday', () => {
    assert.equal(yearsOld('2008-12-01', '2026-11-30'), 17);
    assert.equal(yearsOld('2008-02-29', '2026-02-28'), 17);
    assert.equal(yearsOld('2008-02-29', '2026-03-01'), 18);
  });
});

describe('birthdayAt and daysAfter', () => {
  it('is the day yearsOld first counts the years: 29 February turns a year older on 1 March in common years', () => {
    assert.equal(birthdayAt('2013-06-01', 18), '2031-06-01');
    assert.equal(birthdayAt('2008-02-29', 18), '2026-03-01');
    assert.equal(birthdayAt('2012-02-29', 18), '2030-03-01');
    assert.equal(birthdayAt('2004-02-29', 20), '2024-02-29');
    for (const [birth, years] of [
      ['2013-06-01', 18],
      ['2008-02-29', 18],
      ['2008-12-31', 18],
    ] as const) {
      const day = birthdayAt(birth, years);
      assert.equal(yearsOld(birth, day), years, `${birth} on ${day}`);
      assert.equal(yearsOld(birth, daysAfter(day, -1)), years - 1, `${birth} the day before ${day}`);
    }
  });

  it('daysAfter crosses months and years', () => {
    assert.equal(daysAfter('2031-05-27', 14), '2031-06-10');
    assert.equal(daysAfter('2026-12-25', 14), '2027-01-08');
    assert.equal(daysAfter('2026-03-01', -1), '2026-02-28');
  });
});

describe('parseEmail', () => {
  it('gives back a trimmed, lower-cased address', () => {
    assert.equal(parseEmail('  Laura.Gomez+citas@Example.COM '), 'laura.gomez+citas@example.com');
    assert.equal(parseEmail('ana@correo.gov.co'), 'ana@correo.gov.co');
  });

  it('refuses what is not an address', () => {
    for (const text of ['', 'laura', 'laura@', '@example.com', 'laura@example', 'laura@example.c', 'la ura@example.com', 'a@@example.com', 'laura@exa mple.com']) {
      assert.equal(parseEmail(text), undefined, text);
    }
  });

  it('accepts 254 characters and refuses 255', () => {
    const addressOf = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
    assert.equal(parseEmail(addressOf(254)), addressOf(254));
    assert.equal(parseEmail(addressOf(255)), undefined);
  });
});
