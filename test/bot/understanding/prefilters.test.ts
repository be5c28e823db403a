/**
 * The understanding step runs some costly expressions only where a cheap pre-filter says they can
 * match (`MAY_LEAVE_AS_IS` before `LEAVE_AS_IS`, `MAY_CORRECT` before `CORRECTING_NO`,
 * `MAY_HOLD_EMOJI` before the emoji replacements). A pre-filter that misses what its expression
 * matches would silently change readings, so each must hold wherever its expression matches: on
 * every message of the corpus, on messages made of the expressions' own words, and (for the
 * emoji) on every character up to U+2FFFF.
 */
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { LEAVE_AS_IS, MAY_LEAVE_AS_IS } from '../../../bot/understanding/cues.js';
import { CORRECTING_NO, MAY_CORRECT } from '../../../bot/understanding/understand.js';
import { EMOJI_WORDS, MAY_HOLD_EMOJI, normalizeMessage, wordsOf } from '../../../bot/understanding/words.js';
import { readSplit, SPLITS, type SplitName } from '../../understanding/evaluate.js';

const corpusTexts = (Object.keys(SPLITS) as SplitName[]).flatMap((split) => readSplit(split).map((entry) => entry.text));
const once = (expression: RegExp) => new RegExp(expression.source, expression.flags.replace('g', ''));
const correcting = once(CORRECTING_NO);

/** Words the guarded expressions are made of, and a few others, to build messages from. */
const TOKENS = [
  'no',
  'la',
  'lo',
  'las',
  'me',
  'se',
  'ya',
  'asi',
  'como',
  'esta',
  'estaba',
  'dejela',
  'dejala',
  'dejemos',
  'olvidelo',
  'quiero',
  'cambiarla',
  'moverla',
  'voy',
  'a',
  'pensar',
  'pienso',
  'lo',
  'despues',
  'luego',
  'llamo',
  'otro',
  'dia',
  'mejor',
  'espere',
  'perdon',
  'bueno',
  'ay',
  'uy',
  'pues',
  'mentiras',
  'si',
  'es',
  'era',
  'para',
  'mateo',
  'el',
  'martes',
  'cita',
  ',',
  '.',
  '…',
  ';',
  '...',
  'confirmo',
  'escribo',
  'aviso',
  'digo',
  'marco',
  'que',
  'porque',
];
const messages = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 10 }).map((words) => words.join(' ').replace(/ ([,.…;])/g, '$1'));

describe('the pre-filters hold wherever the expressions they guard match', () => {
  it('MAY_LEAVE_AS_IS holds on every corpus message LEAVE_AS_IS matches, as normalised and as words', () => {
    for (const text of corpusTexts) {
      const normalized = normalizeMessage(text);
      for (const form of [normalized, wordsOf(normalized).join(' ')])
        if (LEAVE_AS_IS.test(form)) assert.ok(MAY_LEAVE_AS_IS.test(form), `MAY_LEAVE_AS_IS misses ${JSON.stringify(form)}`);
    }
  });

  it('MAY_LEAVE_AS_IS holds on messages made of its words wherever LEAVE_AS_IS matches', () => {
    fc.assert(
      fc.property(messages, (text) => !LEAVE_AS_IS.test(text) || MAY_LEAVE_AS_IS.test(text)),
      { numRuns: 3000 },
    );
  });

  it('MAY_CORRECT holds on every corpus message CORRECTING_NO matches, and on messages made of its words', () => {
    for (const text of corpusTexts) {
      const normalized = normalizeMessage(text);
      if (correcting.test(normalized)) assert.ok(MAY_CORRECT.test(normalized), `MAY_CORRECT misses ${JSON.stringify(normalized)}`);
    }
    fc.assert(
      fc.property(messages, (text) => !correcting.test(text) || MAY_CORRECT.test(text)),
      { numRuns: 3000 },
    );
  });

  it('MAY_HOLD_EMOJI holds on every character, up to U+2FFFF, that an emoji replacement matches', () => {
    for (let codePoint = 0; codePoint <= 0x2ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const text = String.fromCodePoint(codePoint);
      if (EMOJI_WORDS.some(([emoji]) => once(emoji).test(text))) assert.ok(MAY_HOLD_EMOJI.test(text), `MAY_HOLD_EMOJI misses U+${codePoint.toString(16)}`);
    }
  });
});
