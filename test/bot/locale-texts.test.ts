/**
 * Every sentence Lina says, rendered with the longest realistic parameters: phone-sized
 * (no message over 700 characters, the consent's legal text within 300 plus its link), every
 * referral names its line's number and hours, and capital letters only where Spanish puts them.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { Renderer } from '../../bot/rendering/renderer.js';
import { SITES, SERVICES } from '../../bot/domain.js';
import { renderPlainText } from '../../bot/messages.js';
import type { Reply, ReplyParams } from '../../dialogs/replies.js';

const GLOBALS = {
  supportPhone: '601 4441234',
  supportHours: 'lunes a sábado, de 7:00 a. m. a 7:00 p. m.',
  digitalSupportPhone: '601 4441235',
  digitalSupportHours: 'lunes a viernes, de 7:00 a. m. a 6:00 p. m.',
  pacPhone: '601 4441236',
  pacHours: 'lunes a viernes, de 7:00 a. m. a 5:00 p. m.',
  policyUrl: 'https://citas.ejemplo.com.co/politica-de-datos',
};
const NOW = new Date('2026-11-23T08:00:00-05:00');
const renderer = new Renderer(GLOBALS);
const texts = JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every leaf key of the locale file, plural and context suffixes included. */
function keysOf(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as Record<string, unknown>, `${prefix}${key}.`)));
}

/** The longest values each parameter takes in practice. */
const LONGEST: ReplyParams = {
  site: 'PRIMEROMAYO',
  here: 'PRIMEROMAYO',
  citaSite: 'PRIMEROMAYO',
  type: 'PT',
  service: '89020110',
  start: '2026-12-30T16:40:00-05:00',
  from: '2026-12-30T16:40:00-05:00',
  to: '2026-12-31T16:40:00-05:00',
  day: '2026-12-30',
  dueDate: '2026-12-30',
  agesOut: '2026-12-30',
  agesOutName: 'Maximiliano',
  notDays: '2026-12-28,2026-12-29,2026-12-30,2026-12-31',
  doctor: 'Dra. Luisa Fernanda Ortiz',
  patient: 'Maximiliano',
  name: 'Maximiliano',
  then: 'Maximiliano',
  others: 'Maximiliano y Valentina',
  member: 'Maximiliano',
  names: 'Maximiliano y Valentina',
  radicado: 'RISS-2026-123456',
  email: 'maria.fernanda.rodriguez.gutierrez@correoelectronico.com.co',
  version: '2026-01',
  count: 5,
  first: 5,
  band: 'manana',
  citaBand: 'manana',
  other: 'tarde',
  window: 'todayAndNextWorkingDay',
  specialty: 'medicina_general',
  noted: 'no_programada,PRIMEROMAYO,cualquiera,2026-12-30,16:40',
  position: 5,
  described: 5,
  text: 'En este momento el chat de citas no está disponible. Llama a la Línea de citas médicas PBS 601 4441234.',
  agenda: 'http://127.0.0.1:4010',
  meant: 'hotmail.com',
  written: 'corporacionuniversitaria-ejemplo.edu.co',
};

/** The parameters for a key; each plural and context form is rendered by its own full key. */
function paramsFor(key: string): ReplyParams {
  return { ...LONGEST, count: key.endsWith('_one') ? 1 : LONGEST.count };
}

/** The options a question shows at most, as the machines build them. */
const SITE_OPTIONS = SITES.map((site) => ({ value: site.code, key: 'options.site', params: { site: site.code } }));
const SLOT_OPTIONS = Array.from({ length: 5 }, (_, index) => ({ value: `slot-${index}`, key: 'options.slot', params: { start: LONGEST.start, doctor: LONGEST.doctor } }));

describe('phone-sized messages', () => {
  it('renders every text with the longest realistic parameters in at most 700 characters', () => {
    const tooLong: string[] = [];
    for (const key of keysOf(texts)) {
      if (key.startsWith('cli.')) continue;
      const text = renderer.text(key, paramsFor(key), NOW);
      assert.ok(!text.includes('{{'), `${key} left a parameter unfilled: ${text}`);
      if (text.length > 700) tooLong.push(`${key}: ${text.length}`);
    }
    assert.deepEqual(tooLong, []);
  });

  it('keeps the longest questions with their options within 700 characters', () => {
    const questions: Reply[] = [
      { key: 'booking.askSite', options: SITE_OPTIONS },
      { key: 'slots.ask', params: { ...LONGEST, count: 5, context: 'day' }, options: SLOT_OPTIONS },
      { key: 'slots.ask', params: { ...LONGEST, count: 5 }, options: SLOT_OPTIONS },
      { key: 'slots.ask', params: { ...LONGEST, count: 5, context: 'latestMorning' }, options: SLOT_OPTIONS },
      { key: 'slots.whichOfDoctor', params: { ...LONGEST, count: 5 }, options: SLOT_OPTIONS },
      {
        key: 'slots.askDay',
        params: LONGEST,
        options: [...Array.from({ length: 5 }, () => ({ value: 'd', key: 'options.day', params: { day: '2026-12-30', count: 24 } })), { value: 'more', key: 'options.moreDays' }],
      },
      { key: 'cancel.askWhich', params: LONGEST, options: Array.from({ length: 3 }, () => ({ value: 'a', key: 'options.appointment', params: LONGEST })) },
      { key: 'identify.askDocumentType', options: ['CC', 'TI', 'RC', 'CE', 'PA', 'PT'].map((type) => ({ value: type, key: `options.documentType.${type}` })) },
    ];
    for (const question of questions) {
      const [message] = renderer.render([question], NOW).messages;
      assert.ok(message, question.key);
      const text = renderPlainText(message);
      assert.ok(text.length <= 700, `${question.key}: ${text.length}\n${text}`);
    }
  });

  it('keeps the legal content of the consent within 300 characters, plus the link to the full policy', () => {
    const consent = renderer.text('consent.ask', { version: '2026-01' }, NOW);
    assert.ok(consent.includes(GLOBALS.policyUrl), consent);
    const legal = consent
      .replace(GLOBALS.policyUrl, '')
      .replace(/Política [^:]*:\s*/, '')
      .replace(/\n¿Autorizas[^]*$/, '');
    assert.ok(legal.length <= 300, `${legal.length}: ${legal}`);
    // What the authorisation must say (Ley 1581 de 2012, Decreto 1377 de 2013): the purpose, that the data is
    // sensitive and authorising optional, the member's rights, and how to revoke it.
    assert.match(consent, /Ley 1581 de 2012/);
    assert.match(consent, /solo para gestionar tus citas/);
    assert.match(consent, /sensibles/);
    assert.match(consent, /No tienes la obligación de autorizar/);
    assert.match(consent, /conocerlos, corregirlos o suprimirlos/);
    assert.ok(consent.includes(`revocar la autorización en la Línea ${GLOBALS.supportPhone}`), consent);
  });
});

describe('referrals name their line', () => {
  const referrals: Array<[string, ReplyParams, string[]]> = [
    ['eligibility.notPbs', {}, [GLOBALS.pacPhone, GLOBALS.pacHours]],
    ['eligibility.beneficiaryNotPbs', { name: 'Mateo' }, [GLOBALS.pacPhone, GLOBALS.pacHours]],
    ['eligibility.inactive', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['eligibility.beneficiaryInactive', { name: 'Mateo' }, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['help.support', {}, [GLOBALS.supportPhone, GLOBALS.supportHours, GLOBALS.digitalSupportPhone, GLOBALS.digitalSupportHours]],
    ['contingency.agendaDown', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['help.cost', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['help.hours', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['riss.noEmailWayOut', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['errors.agendaUnavailable', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['consent.declined', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
    ['identify.tooManyFailures', {}, [GLOBALS.supportPhone, GLOBALS.supportHours]],
  ];
  for (const [key, params, expected] of referrals) {
    it(`${key} gives the number and the hours`, () => {
      const text = renderer.text(key, params, NOW);
      for (const part of expected) assert.ok(text.includes(part), `${key} lacks ${part}: ${text}`);
    });
  }
});

describe('how texts address the member', () => {
  it('speaks to the member in the second person and of a beneficiary by name', () => {
    assert.match(renderer.text('appointments.list', { patient: 'Laura', count: 1, context: 'self' }, NOW), /tu próxima cita/);
    assert.match(renderer.text('appointments.list', { patient: 'Mateo', count: 1 }, NOW), /de Mateo/);
    assert.match(renderer.text('booking.booked', { ...LONGEST, patient: 'Laura', context: 'self' }, NOW), /Tu cita quedó agendada/);
    assert.doesNotMatch(renderer.text('booking.pediatricsUnder18', { patient: 'Laura', context: 'self' }, NOW), /Laura ya los cumplió/);
  });

  it('writes services and specialties in lower case in the middle of a sentence', () => {
    for (const { cups } of SERVICES) {
      const sentence = renderer.text('cancel.done', { service: cups, start: LONGEST.start }, NOW);
      assert.doesNotMatch(sentence, /cita de (Medicina|Pediatría)/, sentence);
    }
    assert.match(renderer.text('riss.offer', { ...LONGEST, service: '890201', band: 'cualquiera' }, NOW), /de medicina general, primera vez en la USS/);
  });
});
