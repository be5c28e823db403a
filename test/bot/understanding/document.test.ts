import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import type { DocumentType } from '../../../bot/domain.js';
import { readDocument, type DocumentMention } from '../../../bot/understanding/document.js';

const laura = { documentType: 'CC', documentNumber: '1010101010' } as const;
const mention = (documentType: DocumentType | undefined, documentNumber?: string): DocumentMention => ({
  ...(documentType ? { documentType } : {}),
  ...(documentNumber ? { documentNumber } : {}),
});

describe('readDocument reads all that parseDocument reads', () => {
  it('reads type and number together, however they are written (contract point 3)', () => {
    for (const text of ['CC 1010101010', 'cc1010101010', 'C.C. 1.010.101.010', '  cc   1010101010  ', 'CC: 1010101010']) {
      assert.deepEqual(readDocument(text), laura, text);
    }
  });

  it('reads the type in words, accents and case aside', () => {
    assert.deepEqual(readDocument('Cédula 1010101010'), laura);
    assert.deepEqual(readDocument('cedula de ciudadania 1010101010'), laura);
    assert.deepEqual(readDocument('Cédula de extranjería 123456'), mention('CE', '123456'));
    assert.deepEqual(readDocument('tarjeta de identidad 1100000001'), mention('TI', '1100000001'));
    assert.deepEqual(readDocument('Registro civil 1200000002'), mention('RC', '1200000002'));
    assert.deepEqual(readDocument('pasaporte ab123456'), mention('PA', 'AB123456'));
    assert.deepEqual(readDocument('PPT 1234567'), mention('PT', '1234567'));
    assert.deepEqual(readDocument('TI1100000001'), mention('TI', '1100000001'));
  });

  it('reads nothing from words that name what every JavaScript object has', () => {
    for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor 12345678']) {
      assert.deepEqual(readDocument(text), {}, text);
    }
  });

  it('gives a bare number without a type, so Lina asks for the type', () => {
    assert.deepEqual(readDocument('1010101010'), { documentNumber: '1010101010' });
    assert.deepEqual(readDocument('1.010.101.010'), { documentNumber: '1010101010' });
  });

  it('reads a number dictated in pairs with dashes, never as a date', () => {
    assert.deepEqual(readDocument('CC. 10-10-10-10-10'), { documentType: 'CC', documentNumber: '1010101010' });
    assert.deepEqual(readDocument('10-10-10-10-10'), { documentNumber: '1010101010' });
    assert.deepEqual(readDocument('15-03-1994'), {});
  });

  it('gives a type word alone without a number', () => {
    assert.deepEqual(readDocument('cédula'), { documentType: 'CC' });
    assert.deepEqual(readDocument('pasaporte'), { documentType: 'PA' });
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
      assert.deepEqual(readDocument(text), {}, `for ${JSON.stringify(text.slice(0, 40))}`);
    }
  });
});

/** Members' messages at "Escríbeme el tipo y el número de documento", and what Lina must read. */
const TABLE: ReadonlyArray<readonly [string, DocumentMention]> = [
  ['mi cedula es 2020202020', mention('CC', '2020202020')],
  ['Mi cédula es 2020202020 gracias', mention('CC', '2020202020')],
  ['soy laura gomez cc 1010101010', laura],
  ['es tarjeta de identidad 1100000001', mention('TI', '1100000001')],
  ['la TI de mi hijo es 1100000001', mention('TI', '1100000001')],
  ['numero de documento 1.010.101.010', mention(undefined, '1010101010')],
  ['registro civil 1200000002', mention('RC', '1200000002')],
  ['el registro de la niña es 1200000002', mention('RC', '1200000002')],
  ['pasaporte AB123456', mention('PA', 'AB123456')],
  ['pasaporte AB-123456', mention('PA', 'AB123456')],
  ['c.c. 1010101010', laura],
  ['CC1010101010', laura],
  ['CC. 1.010.101.010 de Bogotá', laura],
  ['uno cero uno cero uno cero uno cero uno cero', mention(undefined, '1010101010')],
  ['cedula uno cero uno cero uno cero uno cero uno cero', laura],
  ['cc 10 10 10 10 10', laura],
  ['hola buenas tardes 1010101010', mention(undefined, '1010101010')],
  ['1010101010 es mi cedula', laura],
  ['no es cc, es ti 1100000001', mention('TI', '1100000001')],
  ['cedula de extranjeria 123456', mention('CE', '123456')],
  ['es con PPT 1234567', mention('PT', '1234567')],
  ['permiso por proteccion temporal 1234567', mention('PT', '1234567')],
  ['ti', mention('TI')],
  ['es cedula', mention('CC')],
  ['Tarjeta de identidad por favor', mention('TI')],
  ['mi hijo tiene 1100000001', mention(undefined, '1100000001')],
  ['es 1010101010', mention(undefined, '1010101010')],
  ['1010101010 y naci el 15 de marzo de 1994', mention(undefined, '1010101010')],
  ['TI de mi hijo 1100000001', mention('TI', '1100000001')],
];

/** What must give nothing: dates, phones, addresses, ambiguity, everyday words. */
const NOTHING: readonly string[] = [
  '15/03/1994',
  '15-03-1994',
  '15.03.1994',
  '1994-03-15',
  'naci el 15 de marzo de 1994',
  '15 de marzo',
  'mi celular es 3001112233',
  'llámame al 3001112233',
  'laura1010101010@gmail.com',
  'cc 1010101010 o 2020202020',
  '1010101010 y el de mi hijo 1100000001',
  'es para ti',
  'tengo tarjeta de credito 12345678',
  'a las 10:30',
  'la 2',
  'quiero una cita para el 2026',
  'tienda1234',
  'ti de mi hijo',
  'sí',
];

describe("readDocument inside members' sentences", () => {
  for (const [text, expected] of TABLE) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readDocument(text), expected);
    });
  }

  for (const text of NOTHING) {
    it(`reads no document in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(readDocument(text), {});
    });
  }

  it('keeps a number said twice, the same both times', () => {
    assert.deepEqual(readDocument('cc 1010101010, repito 1010101010'), laura);
  });

  it('reads the birth date next to the document as no part of it', () => {
    assert.deepEqual(readDocument('cc 1010101010 y naci el 15/03/1994'), laura);
  });
});

describe('readDocument on any input', () => {
  const pieces = [
    'cc',
    'ti',
    'pa',
    'cedula',
    'de',
    'es',
    'mi',
    '1010101010',
    '1.010',
    '123',
    '15/03/1994',
    'uno',
    'cero',
    '@',
    '+57',
    '-',
    '.',
    ' ',
    'ab123456',
    'constructor',
    '__proto__',
  ];
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join(' ')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join('')),
  );

  it('never throws and only ever gives a known type and a 4-15 character number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = readDocument(text);
        if (found.documentType !== undefined) assert.ok(['CC', 'TI', 'RC', 'CE', 'PA', 'PT'].includes(found.documentType));
        if (found.documentNumber !== undefined) assert.match(found.documentNumber, /^[A-Z0-9]{4,15}$/);
      }),
      { numRuns: 2000, seed: 1581 },
    );
  });
});
