import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import fc from 'fast-check';
import { readEmail, type EmailMention } from '../../../bot/understanding/email.js';

/** Members' answers to "¿A qué correo te enviamos la respuesta?", and what Lina must read. */
const TABLE: ReadonlyArray<readonly [string, EmailMention]> = [
  ['laura.gomez@example.com', { email: 'laura.gomez@example.com' }],
  ['  Laura.Gomez+citas@Example.COM ', { email: 'laura.gomez+citas@example.com' }],
  ['ana@correo.gov.co', { email: 'ana@correo.gov.co' }],
  ['mi correo es LAURA.GOMEZ@EXAMPLE.COM gracias', { email: 'laura.gomez@example.com' }],
  ['laura.gomez@example.com.', { email: 'laura.gomez@example.com' }],
  ['Es laura.gomez@example.com!!', { email: 'laura.gomez@example.com' }],
  ['(ana@correo.gov.co)', { email: 'ana@correo.gov.co' }],
  ['Mi email: pedro_perez@hotmail.com, gracias!', { email: 'pedro_perez@hotmail.com' }],
  ['correo: juan23@yahoo.es', { email: 'juan23@yahoo.es' }],
  ['laura @ gmail.com', { email: 'laura@gmail.com' }],
  ['mi correo es j.p@gmail.com.co.', { email: 'j.p@gmail.com.co' }],
  ['laura punto gomez arroba gmail punto com', { email: 'laura.gomez@gmail.com' }],
  ['Laura punto Gómez arroba Gmail punto com', { email: 'laura.gomez@gmail.com' }],
  ['mi correo es pedro guion bajo perez arroba hotmail punto com', { email: 'pedro_perez@hotmail.com' }],
  ['ana guion rios arroba yahoo punto com punto co', { email: 'ana-rios@yahoo.com.co' }],
  ['laura@gmail.com y repito laura@gmail.com', { email: 'laura@gmail.com' }],
  ['no tengo correo pero el de mi hija es ana@example.com', { email: 'ana@example.com' }],
  ['no tengo correo', { noEmail: true }],
  ['No tengo email', { noEmail: true }],
  ['no manejo correo', { noEmail: true }],
  ['no uso correo', { noEmail: true }],
  ['sin correo', { noEmail: true }],
  ['no tengo', { noEmail: true }],
  ['No, no tengo', { noEmail: true }],
  ['nop, no tengo', { noEmail: true }],
  ['no tengo e-mail', { noEmail: true }],
  ['no tengo mail', { noEmail: true }],
  ['no sé usar el correo', { noEmail: true }],
  ['no tengo correo electronico', { noEmail: true }],
  ['No tengo correo electrónico señorita', { noEmail: true }],
  ['la verdad no tengo ningún correo', { noEmail: true }],
  ['mi mamá no tiene correo', { noEmail: true }],
  ['ninguno', { noEmail: true }],
];

/** Answers with no address and no "I have none". */
const NOTHING: readonly string[] = [
  // They have one, just not at hand or not remembered: Lina should ask again later, not file without.
  'no tengo el correo a la mano',
  'no tengo correo a la mano',
  'no me acuerdo del correo',
  'no tengo hijos',
  'no tengo tiempo',
  'hola',
  'laura',
  'laura@',
  '@example.com',
  'laura@example',
  'laura@example.c',
  'a@@example.com',
  'maría@gmail.com',
  'juan arroba gmail',
  // Two different addresses: which one is meant is anyone's guess.
  'laura@gmail.com o laura2@gmail.com',
  // Dictated after a name: "laura gomez arroba…" may be lauragomez@ or gomez@.
  'mi correo es laura gomez arroba gmail punto com',
  '',
  'x'.repeat(5000),
];

describe('readEmail', () => {
  for (const [text, expected] of TABLE) {
    it(`reads ${JSON.stringify(text)} as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(readEmail(text), expected);
    });
  }

  for (const text of NOTHING) {
    it(`reads neither an address nor "none" in ${JSON.stringify(text.slice(0, 40))}`, () => {
      assert.deepEqual(readEmail(text), {});
    });
  }

  it('accepts 254 characters and refuses 255, as parseEmail does', () => {
    const addressOf = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;
    assert.deepEqual(readEmail(addressOf(254)), { email: addressOf(254) });
    assert.deepEqual(readEmail(addressOf(255)), {});
  });
});

describe('readEmail on any input', () => {
  const pieces = ['laura', 'arroba', 'punto', 'com', '@', '.', 'gmail', 'guion', 'bajo', 'no', 'tengo', 'correo', ' ', 'á', '-', '_', 'a la mano'];
  const anyText = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.emailAddress().map((address) => `mi correo es ${address} gracias`),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join(' ')),
    fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((words) => words.join('')),
  );

  it("never throws, and any address it gives passes parseEmail's check", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = readEmail(text);
        if (found.email !== undefined) {
          assert.ok(found.email.length <= 254);
          assert.match(found.email, /^[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/);
          assert.equal(found.noEmail, undefined);
        }
      }),
      { numRuns: 2000, seed: 1581 },
    );
  });
});
