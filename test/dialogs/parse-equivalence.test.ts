/**
 * `parseDocument` and `parseBirthDate` run on every identification answer; they now keep
 * their patterns and word lists compiled between calls. These tests compare them with the
 * straightforward versions they replaced over texts made of the pieces members write.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBirthDate, parseDocument } from '../../dialogs/parse.js';
import { normalizeText } from '../../dialogs/text.js';

const DOCUMENT_TYPE_WORDS: Record<string, string> = {
  cc: 'CC',
  cedula: 'CC',
  'cedula de ciudadania': 'CC',
  ti: 'TI',
  'tarjeta de identidad': 'TI',
  rc: 'RC',
  'registro civil': 'RC',
  ce: 'CE',
  'cedula de extranjeria': 'CE',
  pa: 'PA',
  pasaporte: 'PA',
  pt: 'PT',
  ppt: 'PT',
  'permiso por proteccion temporal': 'PT',
};

function referenceIsDocumentNumber(value: string): boolean {
  return /^[a-z0-9]{4,15}$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 4;
}

function referenceParseDocument(text: string): { documentType?: string; documentNumber?: string } {
  const normalized = normalizeText(text).replace(/[.,\-_:#]/g, ' ').replace(/\s+/g, ' ').trim();
  if (normalized.length === 0 || normalized.length > 80) return {};
  const compact = normalized.replace(/\s+/g, '');
  const prefixed = /^(cc|ti|rc|ce|pa|ppt|pt)([a-z0-9]{4,15})$/.exec(compact);
  const typeOnly = DOCUMENT_TYPE_WORDS[normalized];
  if (typeOnly) return { documentType: typeOnly };
  for (const [words, type] of Object.entries(DOCUMENT_TYPE_WORDS)) {
    if (normalized.startsWith(`${words} `)) {
      const rest = normalized.slice(words.length).replace(/\s+/g, '');
      if (referenceIsDocumentNumber(rest)) return { documentType: type, documentNumber: rest.toUpperCase() };
    }
  }
  if (prefixed?.[1] && prefixed[2] && referenceIsDocumentNumber(prefixed[2])) {
    const type = DOCUMENT_TYPE_WORDS[prefixed[1]];
    if (type) return { documentType: type, documentNumber: prefixed[2].toUpperCase() };
  }
  if (/^\d{4,15}$/.test(compact)) return { documentNumber: compact };
  return {};
}

function referenceParseBirthDate(text: string): string | undefined {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const yearFirst = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(trimmed);
  if (dayFirst) {
    [day, month, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  } else if (yearFirst) {
    [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!valid) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('parseDocument and parseBirthDate, compared with their straightforward versions', () => {
  it('read documents the same way', () => {
    const next = random(3);
    const pieces = [...Object.keys(DOCUMENT_TYPE_WORDS), 'C.C.', 'Cédula', 'T.I', '1010101010', '1.010.101.010', 'AB123456', 'ab12', '123', '12345', 'a1b2c3d4', ' ', '  ', '-', ':', '#', '_', 'hola', 'mi', 'de', 'constructor', '😊'];
    for (let round = 0; round < 20_000; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 4);
      for (let index = 0; index < length; index++) text += (next() < 0.5 ? ' ' : '') + pieces[Math.floor(next() * pieces.length)];
      assert.deepEqual(parseDocument(text), referenceParseDocument(text), JSON.stringify(text));
    }
  });

  it('read birth dates the same way', () => {
    const next = random(5);
    const pick = (list: readonly string[]) => list[Math.floor(next() * list.length)] ?? '';
    const days = ['1', '01', '15', '28', '29', '30', '31', '32', '0', '00', '123'];
    const months = ['1', '02', '03', '4', '12', '13', '0'];
    const years = ['1994', '2024', '2023', '1900', '1899', '0000', '94', '20245'];
    const separators = ['/', '-', '.', ' ', '', '//'];
    const edges = ['', ' ', '  ', 'x', '\t'];
    let valid = 0;
    for (let round = 0; round < 20_000; round++) {
      const [first, last] = next() < 0.5 ? [pick(days), pick(years)] : [pick(years), pick(days)];
      const text = `${pick(edges)}${first}${pick(separators)}${pick(months)}${pick(separators)}${last}${pick(edges)}`;
      const parsed = parseBirthDate(text);
      if (parsed) valid++;
      assert.equal(parsed, referenceParseBirthDate(text), JSON.stringify(text));
    }
    assert.ok(valid > 500, `only ${valid} valid dates among the texts`);
  });
});
