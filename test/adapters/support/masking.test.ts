/**
 * Finding 3 of issue 15: an agent saw `CC ••••••••10` next to `15/03/1994`, both identity
 * factors of a member. Masking now covers dates of birth however they are written, document
 * numbers inside free text, and the names Lina says; supervisors still see everything.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { maskDates, maskLinaText, maskName, maskNames, maskText } from '../../../adapters/support/masking.js';
import { Renderer } from '../../../bot/rendering/renderer.js';
import { seedConversation, signedIn, startConsole, type ConsoleHarness } from './console-harness.js';

/** Laura's date of birth as members write or dictate it. */
const BIRTH_DATES = [
  '15/03/1994',
  '15-3-94',
  '15-03-1994',
  '15.03.1994',
  '15 / 03 / 1994',
  '1994-03-15',
  '1994/3/15',
  '15 03 1994',
  '15 del 3 del 94',
  '15 de marzo de 1994',
  '15 de Marzo del 94',
  '15 marzo 1994',
  '15-mar-94',
  '15/mar/1994',
  'marzo 15 de 1994',
  'Marzo 15, 1994',
  '15031994',
  '19940315',
  '150394',
  'quince de marzo de mil novecientos noventa y cuatro',
  '1ro de marzo del 2021',
  // Forms the understanding step reads as dates of birth (bot/understanding/birth-date.ts).
  '15 3 94',
  '15 03 94',
  '15 de marzo de 1.994',
  '15/03/1.994',
  '15 del tres del noventa y cuatro',
];

describe('masking for agents (issue 15, finding 3)', () => {
  it('hides a date of birth in every common written form, inside a sentence too', () => {
    for (const date of BIRTH_DATES) {
      const masked = maskText(`nací el ${date}, gracias`);
      assert.doesNotMatch(masked, /\d|marzo/i, `${date} → ${masked}`);
      // The whole date is hidden, its words included ("tres", "noventa"): only its separators stay.
      assert.equal(masked, `nací el ${date.replace(/[\p{L}\d°º]/gu, '•')}, gracias`, date);
    }
  });

  it('keeps what agents need: times, appointment days without a year, option numbers, ages, radicados', () => {
    for (const text of ['a las 10:30', 'el 15 de marzo en la tarde', 'el 15/03', 'la 2', 'mi hijo tiene 12 años', 'RISS-2026-000101', 'opción 12345']) {
      assert.equal(maskText(text), text);
    }
    // Lina writes an appointment in another year after its weekday: it stays.
    assert.equal(maskDates('lunes 4 de enero de 2027, 9:00 a. m.', { keepWeekdayDates: true }), 'lunes 4 de enero de 2027, 9:00 a. m.');
  });

  it("hides document numbers inside free text: after their type, with letters, or as the conversation's known document", () => {
    assert.equal(maskText('mi cédula es CC 12345'), 'mi cédula es CC •••45');
    assert.equal(maskText('pasaporte AB12345'), 'pasaporte •••••45');
    assert.equal(maskText('es la 1.010.101.010'), 'es la •.•••.•••.•10');
    assert.equal(maskText('el 10 10 10 10 10 es el mío'), 'el •• •• •• •• 10 es el mío');
    assert.doesNotMatch(maskText('mi documento: X4501', { knownValues: ['X4501'] }), /4501/);
    assert.doesNotMatch(maskText('soy 1010 1010 10', { knownValues: ['1010101010'] }), /1010/);
  });

  it('keeps only the initials of the names Lina says, in her texts and the options she offers', () => {
    assert.equal(maskName('Laura Gómez'), 'L•••• G••••');
    assert.equal(maskName('María de los Ángeles'), 'M•••• de los Á••••••');
    const renderer = new Renderer({});
    const texts = [
      renderer.text('identify.welcome', { name: 'Laura' }),
      renderer.text('patient.unknown_named', { name: 'Pedrito', others: 'Mateo y Sofía' }),
      renderer.text('options.patient.beneficiary', { name: 'Sofía' }),
    ];
    for (const text of texts) assert.doesNotMatch(maskNames(text), /Laura|Pedrito|Mateo|Sofía/, text);
    assert.equal(maskNames(renderer.text('options.patient.self')), renderer.text('options.patient.self'), '"Para mí" is no name');
    const confirm = renderer.text(
      'booking.confirm',
      { patient: 'Mateo', service: '890201', start: '2026-11-30T09:00:00-05:00', doctor: 'Dra. Marta Salazar', site: 'SUBA' },
      new Date('2026-11-23T08:00:00-05:00'),
    );
    const masked = maskLinaText(`${confirm}`);
    assert.doesNotMatch(masked, /Mateo/);
    assert.match(masked, /Dra\. Marta Salazar/, 'doctors are not members');
    assert.match(masked, /USS Suba/);
  });
});

describe('what agents and supervisors see in the console (issue 15, finding 3)', () => {
  let harness: ConsoleHarness;
  const HOUR = 60 * 60 * 1000;
  beforeAll(async () => {
    harness = await startConsole();
    const now = harness.clock.now().getTime();
    seedConversation(harness.db, {
      id: 'conv-laura-dob',
      startedAt: now - HOUR,
      lines: [
        { direction: 'in', text: 'CC 1010101010' },
        { direction: 'out', text: 'Para proteger tus datos, escríbeme la fecha de nacimiento del afiliado (día/mes/año, por ejemplo 15/03/1994).' },
        { direction: 'in', text: 'naci el 15 de marzo de 1994' },
        { direction: 'out', text: '¡Listo, Laura! Ya verifiqué tus datos.' },
        { direction: 'out', text: '¿Para quién es la cita?', options: ['Para mí', 'Para Mateo', 'Para Sofía'] },
        { direction: 'in', text: 'la de sofia, su registro es RC 1200000002 y nació 2021-05-04' },
      ],
      subjects: [
        { kind: 'document', value: '1010101010' },
        { kind: 'phone', value: '+573001112233' },
      ],
    });
  });
  afterAll(() => harness.close());

  it("an agent's transcript shows neither factor nor a name: document masked, date of birth hidden, initials only", async () => {
    const agent = await signedIn(harness, 'agent');
    const page = await agent.get('/support/conversations/conv-laura-dob');
    assert.equal(page.status, 200);
    for (const secret of ['1010101010', '15/03/1994', 'marzo de 1994', '1994', 'Laura', 'Mateo', 'Sofía', '1200000002', '2021-05-04']) {
      assert.ok(!page.body.includes(secret), `an agent sees ${secret}`);
    }
    assert.ok(page.body.includes('CC ••••••••10'));
    assert.ok(page.body.includes('Para mí'));
    assert.ok(page.body.includes('¡Listo, L••••!'));
  });

  it("a supervisor's view is unchanged: everything in full", async () => {
    const supervisor = await signedIn(harness, 'supervisor');
    const page = await supervisor.get('/support/conversations/conv-laura-dob');
    for (const value of ['1010101010', '15 de marzo de 1994', 'Laura', 'Para Sofía', 'RC 1200000002', '2021-05-04']) assert.ok(page.body.includes(value), value);
  });

  it('lets an agent find a member by document only by the exact number, and audits the search', async () => {
    const agent = await signedIn(harness, 'agent');
    for (const partial of ['101010101', '10101010100', '0101010', '1010']) {
      const page = await agent.get(`/support/conversations?document=${encodeURIComponent(partial)}`);
      assert.ok(!page.body.includes('conv-laura-dob'), `a partial document (${partial}) finds nothing`);
    }
    const found = await agent.get('/support/conversations?document=CC%201.010.101.010');
    assert.ok(found.body.includes('conv-laura-dob'));
    assert.ok(!found.body.includes('>1010101010<'), 'the results show the document masked');
    const searches = harness.db.prepare(`SELECT user_name, detail FROM support_audit WHERE action = 'conversation-search' ORDER BY id`).all() as Array<{
      user_name: string;
      detail: string;
    }>;
    assert.equal(searches.length, 5, 'every search by document is audited, found or not');
    assert.ok(searches.every((entry) => entry.user_name === 'ana.asesora'));
  });
});
