import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { MAX_TEXT_LENGTH, toWhatsAppTexts } from '../../../adapters/whatsapp/outbound.js';

/** Words only: what a split may change is the whitespace between them. */
const words = (texts: string[]) => texts.join(' ').split(/\s+/).filter(Boolean);

describe('WhatsApp outbound texts', () => {
  it('shows options as numbered lines under the text', () => {
    const texts = toWhatsAppTexts([
      { text: '¡Hola! Soy Lina.' },
      {
        text: '¿Qué quieres hacer?',
        options: [
          { label: 'Agendar cita', value: 'agendar' },
          { label: 'Consultar citas', value: 'consultar' },
        ],
      },
    ]);
    assert.deepEqual(texts, ['¡Hola! Soy Lina.', '¿Qué quieres hacer?\n1. Agendar cita\n2. Consultar citas']);
  });

  it('keeps a message of exactly 4,096 characters whole', () => {
    const text = 'a'.repeat(MAX_TEXT_LENGTH - 10) + ' cierre ok';
    assert.equal(text.length, MAX_TEXT_LENGTH);
    assert.deepEqual(toWhatsAppTexts([{ text }]), [text]);
  });

  it('splits a longer message at line breaks', () => {
    const line = `${'x'.repeat(99)}\n`;
    const text = line.repeat(50).trimEnd(); // 4,999 characters in lines of 99
    const texts = toWhatsAppTexts([{ text }]);
    assert.equal(texts.length, 2);
    for (const piece of texts) {
      assert.ok(piece.length <= MAX_TEXT_LENGTH);
      assert.match(piece, /^(x{99}\n)*x{99}$/, 'only whole lines');
    }
    assert.equal(texts.join('\n'), text);
  });

  it('splits at the last space when a single line is too long', () => {
    const text = Array.from({ length: 1000 }, (_, index) => `palabra${index}`).join(' ');
    const texts = toWhatsAppTexts([{ text }]);
    assert.ok(texts.length >= 2);
    for (const piece of texts) assert.ok(piece.length <= MAX_TEXT_LENGTH);
    for (const piece of texts.slice(0, -1)) assert.ok(piece.length > MAX_TEXT_LENGTH - 20, 'pieces are filled up to the last word');
    assert.deepEqual(words(texts), text.split(' '), 'no word is cut');
  });

  it('cuts a word longer than a message without breaking an emoji', () => {
    const text = `${'a'.repeat(MAX_TEXT_LENGTH - 1)}😊${'b'.repeat(10)}`;
    const texts = toWhatsAppTexts([{ text }]);
    assert.equal(texts.join(''), text);
    for (const piece of texts) {
      assert.ok(piece.length <= MAX_TEXT_LENGTH);
      assert.ok(!/[\ud800-\udbff]$/.test(piece), 'no lone high surrogate at a cut');
    }
  });

  it('never loses words and never exceeds the limit', () => {
    const token = fc.oneof(
      // (No asterisks: "**bold**" becomes WhatsApp's "*bold*" by design, tested on its own below.)
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\s*]/.test(s)),
      fc.constantFrom('\n', ' ', '\n\n'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 400 }), fc.integer({ min: 20, max: 120 }), (tokens, limit) => {
        const text = tokens.join('');
        const texts = toWhatsAppTexts([{ text }], limit);
        assert.ok(texts.every((piece) => piece.length <= limit && piece.trim() !== ''));
        assert.equal(texts.join('').replace(/\s+/g, ''), text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('turns Markdown emphasis into WhatsApp bold and leaves other asterisks alone', () => {
    assert.deepEqual(toWhatsAppTexts([{ text: 'Tu radicado es **RISS-2026-000101**.' }]), ['Tu radicado es *RISS-2026-000101*.']);
    assert.deepEqual(toWhatsAppTexts([{ text: 'Llegará a l***z@example.com' }]), ['Llegará a l***z@example.com']);
  });

  it('sends nothing for a blank reply', () => {
    assert.deepEqual(toWhatsAppTexts([{ text: '' }, { text: '  \n' }]), []);
  });
});
