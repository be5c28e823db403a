import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import { DOCUMENT_TYPES } from '../../bot/domain.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import { formatDay, formatTime } from '../../bot/rendering/spanish-dates.js';
import type { Operation } from '../../dialogs/conversation.machine.js';
import { YES_NO, ask, option, reply, type Reply } from '../../dialogs/replies.js';
import { makeRenderer, TEST_SUPPORT } from '../fakes/chat.js';

/** Monday 23 November 2026, 08:00 in Bogotá. */
const NOW = new Date('2026-11-23T08:00:00-05:00');
const renderer = makeRenderer();

const aliasesByKey = JSON.parse(readFileSync(new URL('../../locales/es-CO/aliases.json', import.meta.url), 'utf8')) as Record<string, string[]>;

describe('formatDay (contract point 15)', () => {
  it('writes weekday, day and month in Spanish', () => {
    assert.equal(formatDay('2026-11-30T14:40:00-05:00', NOW), 'lunes 30 de noviembre');
    assert.equal(formatDay('2026-12-05T08:00:00-05:00', NOW), 'sábado 5 de diciembre');
  });

  it('adds the year when it is not the current one', () => {
    assert.equal(formatDay('2027-01-04T08:00:00-05:00', NOW), 'lunes 4 de enero de 2027');
  });

  it('uses the day in Bogotá, not in UTC', () => {
    // 03:00 UTC on 1 December is 22:00 on 30 November in Bogotá.
    assert.equal(formatDay('2026-12-01T03:00:00Z', NOW), 'lunes 30 de noviembre');
    // On New Year's Eve at 21:00 in Bogotá (already 2027 in UTC) the year is still 2026.
    assert.equal(formatDay('2026-12-31T15:00:00-05:00', new Date('2027-01-01T02:00:00Z')), 'jueves 31 de diciembre');
  });
});

describe('formatTime (contract point 15)', () => {
  it('writes 12-hour times with plain spaces', () => {
    assert.equal(formatTime('2026-11-30T14:40:00-05:00'), '2:40 p. m.');
    assert.equal(formatTime('2026-11-30T08:00:00-05:00'), '8:00 a. m.');
    assert.equal(formatTime('2026-11-30T12:00:00-05:00'), '12:00 p. m.');
    assert.equal(formatTime(new Date('2026-12-01T03:00:00Z')), '10:00 p. m.');
    assert.doesNotMatch(formatTime('2026-11-30T14:40:00-05:00'), /[\u00a0\u202f]/);
  });
});

describe('Renderer', () => {
  it('fills dates, times and doctors into slot labels, the site once in the question that lists them', () => {
    const [message] = renderer.render(
      [reply('slots.ask', { count: 1, band: 'tarde', site: 'SUBA' }, [option('slot-1', 'options.slot', { start: '2026-11-30T14:40:00-05:00', doctor: 'Dra. Marta Salazar' })])],
      NOW,
    ).messages;
    assert.match(message?.text ?? '', /^Encontré este horario en la tarde en la USS Suba\. Responde con el número/);
    assert.equal(message?.options?.[0]?.label, 'lunes 30 de noviembre, 2:40 p. m. – Dra. Marta Salazar');
  });

  it('says the days ruled out after the site, in order, the month once for days of one month in a row, and nothing without them', () => {
    const text = (notDays?: string) => renderer.render([reply('slots.askDay', { band: 'manana', site: 'SUBA', ...(notDays ? { notDays } : {}) })], NOW).messages[0]?.text;
    assert.equal(text('2026-11-24,2026-11-23'), 'Estos días tienen cupos en la mañana en la USS Suba, sin contar el lunes 23 ni el martes 24 de noviembre. ¿Cuál prefieres?');
    assert.equal(
      text('2026-11-30,2026-12-01,2026-11-25'),
      'Estos días tienen cupos en la mañana en la USS Suba, sin contar el miércoles 25, el lunes 30 de noviembre ni el martes 1 de diciembre. ¿Cuál prefieres?',
    );
    assert.equal(text(), 'Estos días tienen cupos en la mañana en la USS Suba. ¿Cuál prefieres?');
    assert.equal(
      text('2026-11-24,2026-12-01,2026-12-08,2026-11-26,2026-12-03,2026-11-27'),
      'Estos días tienen cupos en la mañana en la USS Suba, sin contar los martes, los jueves ni el viernes 27 de noviembre. ¿Cuál prefieres?',
    );
  });

  it('fills the support line from configuration', () => {
    const text = renderer.text('help.support', {}, NOW);
    assert.ok(text.includes(TEST_SUPPORT.supportPhone), text);
    assert.ok(text.includes(TEST_SUPPORT.supportHours), text);
  });

  it('fills the digital support line, the PAC line and the policy link from configuration', () => {
    const globals = {
      ...TEST_SUPPORT,
      digitalSupportPhone: '601 9990000',
      digitalSupportHours: 'todos los días',
      pacPhone: '601 5550000',
      pacHours: 'de lunes a viernes',
      policyUrl: 'https://lina.example.org/politica',
    };
    const configured = new Renderer(globals);
    const help = configured.text('help.support', {}, NOW);
    for (const part of [globals.supportPhone, globals.digitalSupportPhone, globals.digitalSupportHours]) assert.ok(help.includes(part), `${part} in ${help}`);
    const pac = configured.text('eligibility.notPbs', {}, NOW);
    for (const part of [globals.pacPhone, globals.pacHours]) assert.ok(pac.includes(part), `${part} in ${pac}`);
    const consent = configured.text('consent.ask', { version: '2026-01' }, NOW);
    assert.ok(consent.includes(globals.policyUrl), consent);
    assert.ok(consent.includes('2026-01'), consent);
  });

  it('says a number the support line and the digital line share once', () => {
    const shared = new Renderer({ ...TEST_SUPPORT, digitalSupportPhone: TEST_SUPPORT.supportPhone, digitalSupportHours: TEST_SUPPORT.supportHours });
    const help = shared.text('help.support', {}, NOW);
    assert.equal(help.split(TEST_SUPPORT.supportPhone).length, 2, help);
    assert.equal(help.split(TEST_SUPPORT.supportHours).length, 2, help);
    assert.match(help, /problemas con este chat/);
    const otherHours = new Renderer({ ...TEST_SUPPORT, digitalSupportPhone: TEST_SUPPORT.supportPhone, digitalSupportHours: 'todos los días' });
    const sameNumber = otherHours.text('help.support', {}, NOW);
    assert.equal(sameNumber.split(TEST_SUPPORT.supportPhone).length, 2, sameNumber);
    assert.ok(sameNumber.includes('todos los días'), sameNumber);
  });

  it('sends a member who asks where a site is to the Línea de citas when its address is not configured, and lists only known addresses', () => {
    const partial = new Renderer(TEST_SUPPORT, { siteAddresses: { SUBA: 'Calle 145 # 91-19, Bogotá' } });
    const one = (site: string) => partial.render([reply('help.address', { site })], NOW).messages[0]?.text ?? '';
    assert.equal(one('SUBA'), 'La USS Suba queda en Calle 145 # 91-19, Bogotá.');
    assert.match(one('KENNEDY'), /^No tengo a mano la dirección de la USS Kennedy\. Te la dan en la Línea de citas médicas PBS 601/);
    const list = (sites: string[]) =>
      partial.render(
        [
          reply(
            'help.addresses',
            undefined,
            undefined,
            sites.map((site) => ({ key: 'help.addressItem', params: { site } })),
          ),
        ],
        NOW,
      ).messages[0]?.text ?? '';
    assert.equal(list(['SUBA', 'KENNEDY']), 'Estas son las direcciones de las sedes:\n• USS Suba: Calle 145 # 91-19, Bogotá');
    assert.match(list(['KENNEDY', 'CHIA']), /^No tengo a mano las direcciones de las sedes\. Te las dan en la Línea de citas médicas PBS 601/);
  });

  it("tells a site's address from the catalog", () => {
    assert.match(renderer.text('help.address', { site: 'KENNEDY' }, NOW), /^La USS Kennedy queda en .+, Bogotá\.$/);
    assert.match(renderer.text('help.addressItem', { site: 'CHIA' }, NOW), /^USS Chía: .+, Chía, Cundinamarca$/);
  });

  it('renders every message with its own options, labelled, in order', () => {
    const rendered = renderer.render([reply('consent.thanks'), reply('consent.ask', { version: '1' }, YES_NO), reply('identify.askDocument')], NOW);
    assert.deepEqual(Object.keys(rendered), ['messages'], 'options are no longer kept apart from the messages');
    assert.equal(rendered.messages.length, 3);
    assert.equal(rendered.messages[0]?.options, undefined);
    assert.deepEqual(rendered.messages[1]?.options, [
      { label: 'Sí', value: 'yes' },
      { label: 'No', value: 'no' },
    ]);
    assert.equal(rendered.messages[2]?.options, undefined);
  });

  it('writes the items of a message one per line, under its text', () => {
    const [message] = renderer.render(
      [
        reply('appointments.list', { patient: 'Laura', count: 1 }, undefined, [
          { key: 'appointments.item', params: { service: '890201', start: '2026-11-30T14:40:00-05:00', doctor: 'Dra. Marta Salazar', site: 'SUBA' } },
        ]),
      ],
      NOW,
    ).messages;
    const [head, item, ...rest] = (message?.text ?? '').split('\n');
    assert.equal(head, renderer.text('appointments.list', { patient: 'Laura', count: 1 }, NOW));
    assert.equal(item, '• Medicina general, primera vez – lunes 30 de noviembre, 2:40 p. m. – Dra. Marta Salazar – USS Suba');
    assert.deepEqual(rest, []);
  });
});

describe('Renderer.expectation: the pending question as the understanding step reads answers against it', () => {
  it("is the question a prompt declares, with its options as shown: value, label and the locale's aliases", () => {
    const expectation = renderer.expectation(ask('consent', 'consent.ask', { version: '2026-01' }, YES_NO), NOW);
    assert.deepEqual(expectation, {
      question: 'consent',
      options: [
        { value: 'yes', label: 'Sí', aliases: aliasesByKey['options.yes'] },
        { value: 'no', label: 'No', aliases: aliasesByKey['options.no'] },
      ],
    });
    assert.ok((aliasesByKey['options.yes'] ?? []).includes('claro'), 'the aliases come from locales/es-CO/aliases.json');
  });

  it('labels options with their parameters, as the member read them', () => {
    const expectation = renderer.expectation(
      ask('patient', 'patient.ask', undefined, [option('self', 'options.patient.self'), option('ben-mateo', 'options.patient.beneficiary', { name: 'Mateo' })]),
      NOW,
    );
    assert.equal(expectation.question, 'patient');
    assert.deepEqual(
      expectation.options.map(({ value, label }) => ({ value, label })),
      [
        { value: 'self', label: 'Para mí' },
        { value: 'ben-mateo', label: 'Para Mateo' },
      ],
    );
    assert.deepEqual(expectation.options[1]?.aliases, [], 'a key without aliases has none');
  });

  it('keeps the start and doctor of each slot, and the service and site of each appointment, so "la de las 3", "la de la doctora Marta" or "la de Suba" can pick', () => {
    const slot = { start: '2026-11-30T14:40:00-05:00', doctor: 'Dra. Marta Salazar' };
    const slots = renderer.expectation(ask('slot', 'slots.ask', { count: 1, site: 'SUBA' }, [option('slot-1', 'options.slot', slot)]), NOW);
    assert.deepEqual(slots.options, [{ value: 'slot-1', label: 'lunes 30 de noviembre, 2:40 p. m. – Dra. Marta Salazar', aliases: [], start: slot.start, doctor: slot.doctor }]);
    const appointment = { ...slot, site: 'SUBA', service: '890301' };
    const appointments = renderer.expectation(ask('appointment', 'cancel.askWhich_self', undefined, [option('apt-1', 'options.appointment', appointment)]), NOW);
    assert.deepEqual(appointments.options[0], {
      value: 'apt-1',
      label: 'Medicina general, control – lunes 30 de noviembre, 2:40 p. m. – Dra. Marta Salazar – USS Suba',
      aliases: [],
      start: slot.start,
      service: '890301',
      doctor: slot.doctor,
      site: 'SUBA',
    });
  });

  it('leaves out a start, a service or a doctor that is not text', () => {
    const [shown] = renderer.expectation(
      ask('slot', 'slots.ask', { count: 1 }, [option('s', 'options.slot', { start: 0, doctor: true, service: undefined, site: 7 })]),
      NOW,
    ).options;
    assert.ok(shown);
    for (const key of ['start', 'doctor', 'service', 'site']) assert.equal(key in shown, false, key);
  });

  it('dates labels against `now`: the year appears only when it is not the current one', () => {
    const question = ask('slot', 'slots.ask', { count: 1, site: 'CHIA' }, [option('s', 'options.slot', { start: '2027-01-04T08:00:00-05:00', doctor: 'Dr. Ángel Ruiz' })]);
    assert.equal(renderer.expectation(question, NOW).options[0]?.label, 'lunes 4 de enero de 2027, 8:00 a. m. – Dr. Ángel Ruiz');
    assert.equal(renderer.expectation(question, new Date('2027-01-01T10:00:00-05:00')).options[0]?.label, 'lunes 4 de enero, 8:00 a. m. – Dr. Ángel Ruiz');
  });

  it('expects `other` from a conversation that waits on nothing, or on a text that declares no question', () => {
    assert.deepEqual(renderer.expectation(undefined, NOW), { question: 'other', options: [] });
    assert.deepEqual(renderer.expectation(reply('identify.askDocument'), NOW), { question: 'other', options: [] });
    const undeclared: Reply = reply('booking.askSpecialty', undefined, [option('medicina_general', 'options.specialty.medicina_general')]);
    const expectation = renderer.expectation(undeclared, NOW);
    assert.equal(expectation.question, 'other');
    assert.deepEqual(
      expectation.options.map((shown) => shown.value),
      ['medicina_general'],
    );
  });

  it('a question without options expects no options', () => {
    assert.deepEqual(renderer.expectation(ask('document', 'identify.askDocument'), NOW), { question: 'document', options: [] });
    assert.deepEqual(renderer.expectation(ask('birthDate', 'identify.askBirthDate', undefined, []), NOW), { question: 'birthDate', options: [] });
  });

  it('never takes an inherited property of the aliases for aliases', () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const [shown] = renderer.expectation(ask('other', 'patient.ask', undefined, [option('x', key)]), NOW).options;
      assert.deepEqual(shown?.aliases, [], key);
    }
  });
});

/**
 * A renderer with a few texts of the test's own besides the locale's: each formatter is tested
 * on a template that uses only it, whatever wording the locale gives it today.
 */
function rendererWith(templates: Record<string, string>, globals: Record<string, string> = TEST_SUPPORT): Renderer {
  const configured = new Renderer(globals);
  const { i18n } = configured as unknown as { i18n: { addResource(lng: string, ns: string, key: string, value: string): void } };
  for (const [key, template] of Object.entries(templates)) i18n.addResource('es-CO', 'translation', `test.${key}`, template);
  return configured;
}

describe('Renderer formatters', () => {
  const formats = rendererWith({
    inBand: 'Horarios{{band, inBand}}.',
    onDay: 'No hay más horarios{{day, onDay}}{{band, inBand}}.',
    searchWindow: 'No hay cupos {{window, searchWindow}}.',
    service: 'Cita de {{service, service}}.',
    serviceStart: '{{service, serviceStart}} – lunes',
    dayStart: '{{day, dayStart}} (3 horarios)',
    day: '{{day, day}}',
    specialty: '¿Cambio la cita a {{specialty, specialty}}?',
  });
  const text = (key: string, params: Reply['params'] = {}, now: Date = NOW) => formats.text(`test.${key}`, params, now);

  it('inBand: " en la mañana" / " en la tarde" right after a word, nothing for any band', () => {
    assert.equal(text('inBand', { band: 'manana' }), 'Horarios en la mañana.');
    assert.equal(text('inBand', { band: 'tarde' }), 'Horarios en la tarde.');
    for (const band of ['cualquiera', '', 'noche', 'MANANA', 0, true]) assert.equal(text('inBand', { band }), 'Horarios.', String(band));
  });

  it('onDay: " el jueves 26 de noviembre", with the year when it is not the current one, nothing without a day', () => {
    assert.equal(text('onDay', { day: '2026-11-26', band: 'tarde' }), 'No hay más horarios el jueves 26 de noviembre en la tarde.');
    assert.equal(text('onDay', { day: '2027-01-04' }), 'No hay más horarios el lunes 4 de enero de 2027.');
    assert.equal(text('onDay', { day: '2027-01-04' }, new Date('2027-01-01T10:00:00-05:00')), 'No hay más horarios el lunes 4 de enero.');
    for (const day of ['', 0, false]) assert.equal(text('onDay', { day }), 'No hay más horarios.', String(day));
  });

  it('writes nothing for a band or a day left out of the parameters, never the raw placeholder', () => {
    // i18next calls no formatter for a missing value: without care "{{day, onDay}}" reaches the member.
    assert.equal(text('onDay', {}), 'No hay más horarios.');
    assert.equal(text('onDay', { band: 'tarde' }), 'No hay más horarios en la tarde.');
    assert.equal(text('onDay', { day: undefined, band: undefined }), 'No hay más horarios.');
    assert.equal(text('inBand', { band: null as never }), 'Horarios.');
    // Any other missing value keeps i18next's behaviour.
    assert.equal(text('day', {}), '{{day, day}}');
    assert.equal(renderer.text('identify.welcome', {}, NOW), renderer.text('identify.welcome', { name: '{{name}}' }, NOW));
  });

  it('no text of the locale shows an optional part as a placeholder when its value is left out', () => {
    const locale = JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const keys: string[] = [];
    const walk = (node: Record<string, unknown>, prefix: string) => {
      for (const [name, value] of Object.entries(node)) {
        if (typeof value === 'string') keys.push(`${prefix}${name}`);
        else if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${prefix}${name}.`);
      }
    };
    walk(locale, '');
    for (const key of keys) assert.doesNotMatch(renderer.text(key, {}, NOW), /\{\{\s*\w+\s*,\s*(inBand|onDay)\s*\}\}/i, key);
  });

  it('searchWindow: the 14-day horizon, or today and the next working day (no programada)', () => {
    const horizon = renderer.text('windows.horizon', {}, NOW);
    const today = renderer.text('windows.todayAndNextWorkingDay', {}, NOW);
    assert.notEqual(horizon, today);
    assert.equal(text('searchWindow', { window: 'horizon' }), `No hay cupos ${horizon}.`);
    assert.equal(text('searchWindow', { window: 'todayAndNextWorkingDay' }), `No hay cupos ${today}.`);
    // Anything else is the horizon, the window of every search but the no programada one.
    assert.equal(text('searchWindow', { window: 'otra' }), `No hay cupos ${horizon}.`);
  });

  it('searchWindow: for a child who turns 18 within the horizon, the days before that birthday, the child named (or "cumples" for the member)', () => {
    assert.equal(
      text('searchWindow', { window: 'horizon', agesOut: '2026-11-29', agesOutName: 'Mateo' }),
      'No hay cupos antes del domingo 29 de noviembre, cuando Mateo cumple 18 años.',
    );
    assert.equal(text('searchWindow', { window: 'horizon', agesOut: '2026-11-29' }), 'No hay cupos antes del domingo 29 de noviembre, cuando cumples 18 años.');
    // The no programada window (today and the next working day) is said as it is.
    const today = renderer.text('windows.todayAndNextWorkingDay', {}, NOW);
    assert.equal(text('searchWindow', { window: 'todayAndNextWorkingDay', agesOut: '2026-11-24', agesOutName: 'Mateo' }), `No hay cupos ${today}.`);
  });

  it('service and serviceStart: in lower case mid-sentence, with a capital at the start of a line; other values as given', () => {
    assert.equal(text('service', { service: '890283' }), `Cita de ${renderer.text('services.890283', {}, NOW)}.`);
    assert.equal(text('service', { service: '89020110' }), 'Cita de medicina general, consulta no programada.');
    assert.equal(text('serviceStart', { service: '890283' }), 'Pediatría, primera vez – lunes');
    assert.equal(text('serviceStart', { service: '890301' }), 'Medicina general, control – lunes');
    assert.equal(text('serviceStart', { service: 'ecografía' }), 'Ecografía – lunes');
    assert.equal(text('serviceStart', { service: 'Odontología' }), 'Odontología – lunes');
    assert.equal(text('service', { service: '999999' }), 'Cita de 999999.');
  });

  it('dayStart: a day at the start of a line takes a capital letter, with its year when not the current one', () => {
    assert.equal(text('dayStart', { day: '2026-11-26' }), 'Jueves 26 de noviembre (3 horarios)');
    assert.equal(text('dayStart', { day: '2026-11-30T14:40:00-05:00' }), 'Lunes 30 de noviembre (3 horarios)');
    assert.equal(text('dayStart', { day: '2027-01-04' }), 'Lunes 4 de enero de 2027 (3 horarios)');
    assert.equal(text('day', { day: '2026-11-26' }), 'jueves 26 de noviembre', 'the day alone stays in lower case');
  });

  it('specialty: the specialty in lower case, as said mid-sentence', () => {
    assert.equal(text('specialty', { specialty: 'pediatria' }), '¿Cambio la cita a pediatría?');
    assert.equal(text('specialty', { specialty: 'medicina_general' }), '¿Cambio la cita a medicina general?');
  });
});

describe('locale coverage', () => {
  const sourceFiles = [
    ...readdirSync(new URL('../../dialogs/', import.meta.url))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => new URL(`../../dialogs/${name}`, import.meta.url)),
    new URL('../../bot/engine.ts', import.meta.url),
  ];
  const sources = sourceFiles.map((url) => ({ file: url.pathname.split('/').slice(-2).join('/'), text: readFileSync(url, 'utf8') }));

  /** Every operation the menu may offer: a `Record` so a new operation fails to compile until listed. */
  const operations: Record<Operation, true> = { book: true, consult: true, cancel: true, reschedule: true };
  /** What each `prefix.${variable}` template in the machines can become. */
  const templateValues: Record<string, readonly string[]> = {
    'options.documentType.': DOCUMENT_TYPES,
    'options.menu.': Object.keys(operations),
  };
  /** Dotted literals (and template prefixes) in those files that are not locale keys: XState's event types. */
  const notKeys = new Set(['xstate.error.actor', 'xstate.done.actor.']);

  function literalKeys(): Array<{ file: string; key: string }> {
    return sources.flatMap(({ file, text }) =>
      [...text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)'/g)]
        // A transition's target (`target: 'form.awaitingSite'`) names a state, not a text.
        .filter((match) => !/target:\s*$/.test(text.slice(Math.max(0, (match.index ?? 0) - 12), match.index)))
        .map((match) => match[1] ?? '')
        .filter((key) => !notKeys.has(key) && !/\.(js|ts|json)$/.test(key))
        .map((key) => ({ file, key })),
    );
  }

  function templateKeys(): Array<{ file: string; key: string }> {
    return sources.flatMap(({ file, text }) =>
      [...text.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)*\.)\$\{\w+\}`/g)].flatMap((match) => {
        const prefix = match[1] ?? '';
        if (notKeys.has(prefix)) return [];
        const values = templateValues[prefix];
        assert.ok(values, `${file}: template key \`${prefix}\${…}\` has no list of values in this test`);
        return values.map((value) => ({ file, key: `${prefix}${value}` }));
      }),
    );
  }

  /** A key exists as such, or as the plural pair i18next picks from with `count`. */
  /** Every key of the locale, to find the variants a text said with a `context` picks from. */
  const localeKeys: string[] = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === 'string') localeKeys.push(`${prefix}${name}`);
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${prefix}${name}.`);
    }
  };
  walk(JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as Record<string, unknown>, '');

  /**
   * A key exists as such, as the plural pair i18next picks from with `count`, or as the
   * variants it picks from with `context` (`greeting.requestNoted` → `greeting.requestNoted_book`).
   */
  const translated = (key: string) => renderer.has(key) || (renderer.has(`${key}_one`) && renderer.has(`${key}_other`)) || localeKeys.some((known) => known.startsWith(`${key}_`));

  it('finds the keys the dialogs say (the walk itself works)', () => {
    const keys = new Set(literalKeys().map(({ key }) => key));
    for (const expected of ['consent.ask', 'identify.askBirthDate', 'booking.askSpecialty', 'options.yes', 'errors.turnFailed']) {
      assert.ok(keys.has(expected), `${expected} not found in the sources`);
    }
    assert.ok(templateKeys().some(({ key }) => key === 'options.documentType.CC'));
  });

  it('translates every key the dialogs and the engine can say', () => {
    const missing = [...literalKeys(), ...templateKeys()].filter(({ key }) => !translated(key));
    assert.deepEqual(
      missing.map(({ file, key }) => `${file}: ${key}`),
      [],
      'keys without a text in locales/es-CO/lina.json',
    );
  });

  it('translates every menu option, the help option included', () => {
    for (const key of [...Object.keys(operations), 'help'].map((operation) => `options.menu.${operation}`)) {
      assert.ok(renderer.has(key), key);
    }
  });

  it('has aliases only for keys that exist', () => {
    const aliases = JSON.parse(readFileSync(new URL('../../locales/es-CO/aliases.json', import.meta.url), 'utf8')) as Record<string, string[]>;
    assert.deepEqual(
      Object.keys(aliases).filter((key) => !renderer.has(key)),
      [],
    );
  });
});

describe('what was noted ahead of its question', () => {
  it('ends with one period when the list closes with a time ("a. m." is not doubled)', () => {
    assert.equal(renderer.text('booking.noted', { noted: '10:00' }, NOW), 'Anoté: a las 10:00 a. m.');
    assert.equal(renderer.text('booking.noted', { noted: 'primera_vez,tarde' }, NOW), 'Anoté: primera vez, en la tarde.');
  });
});
