import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { normalizeText } from '../../dialogs/text.js';

/** The one-line definition `normalizeText` must keep to, whatever shortcuts it takes. */
const byDefinition = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Every code point but the lone surrogates, one string each. */
function* everyCodePoint(): Generator<string> {
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint < 0xd800 || codePoint > 0xdfff) yield String.fromCodePoint(codePoint);
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('normalizeText', () => {
  it('drops case and accents and collapses white space', () => {
    assert.equal(normalizeText('  Pediatría  '), 'pediatria');
    assert.equal(normalizeText('SÍ'), 'si');
    assert.equal(normalizeText('Cédula\tde\n\nextranjería'), 'cedula de extranjeria');
    assert.equal(normalizeText('e\u0301'), 'e');
    assert.equal(normalizeText('ÑANDÚ'), 'nandu');
    assert.equal(normalizeText('uno\u00a0 dos'), 'uno dos');
    assert.equal(normalizeText(''), '');
  });

  it('gives what its definition gives, for every code point', () => {
    for (const text of everyCodePoint()) {
      const [normalized, expected] = [normalizeText(text), byDefinition(text)];
      if (normalized !== expected) assert.equal(normalized, expected, `U+${text.codePointAt(0)?.toString(16)}`);
    }
  });

  it('gives what its definition gives, for mixed texts', () => {
    const next = random(7);
    const alphabet = ['a', 'Z', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', 'é', 'É', 'e\u0301', '\u0301', 'ñ', 'Ñ', 'İ', 'Σ', 'ß', 'ǅ', '😊', '\ud800', '1', '.', '한', 'ﬁ'];
    for (let round = 0; round < 20_000; round++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
      assert.equal(normalizeText(text), byDefinition(text), JSON.stringify(text));
    }
  });

  // The engine passes the member's family as `people` already normalised, and the dialogs
  // compare them with names normalised again (`sameName`); the understanding step normalises
  // a message once and compares it with labels normalised again: that is only right because a
  // second pass changes nothing.
  it('changes nothing the second time, for every code point and for mixed texts', () => {
    for (const text of everyCodePoint()) {
      const once = normalizeText(text);
      if (normalizeText(once) !== once) assert.equal(normalizeText(once), once, `U+${text.codePointAt(0)?.toString(16)}`);
    }
    for (const text of ['ΟΔΟΣ.', 'ǄEMAL  Ǆ', 'İSTANBUL İ', 'Straße', 'Ａｂｃ', '\u1e9e', 'ﬃ']) {
      const once = normalizeText(text);
      assert.equal(normalizeText(once), once, text);
    }
  });
});
