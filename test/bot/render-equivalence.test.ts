/**
 * i18next renders every text; the renderer remembers what it gave by key, parameters and the
 * year of `now`, and memoises dates, times, sites and services. Members must not read a single
 * character differently: these tests compare it with the straightforward implementation
 * (i18next's `t` for every text with the same settings and formatters) over every key of the
 * locale and many kinds of parameters, asked again and again so that remembered texts are
 * compared too, across 2026 and 2027. (Reading answers against the options shown is the
 * understanding step's: test/bot/understanding/.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from '@jest/globals';
import i18next from 'i18next';
import { SEED_SITE_ADDRESSES } from '../../adapters/agenda-simulator/seed-world.js';
import { isCups, isSiteCode, siteName } from '../../bot/domain.js';
import { maskEmail } from '../../bot/rendering/mask-email.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import type { Reply, ReplyParams } from '../../dialogs/replies.js';
import { TEST_SUPPORT } from '../fakes/chat.js';

const LOCALE = 'es-CO';
const locale = JSON.parse(readFileSync(new URL('../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Monday 23 November 2026, 08:00 in Bogotá. */
const NOW = new Date('2026-11-23T08:00:00-05:00');
/** New Year's Day 2027 in Bogotá: 2026 dates now carry their year and 2027 ones do not. */
const NEXT_YEAR = new Date('2027-01-01T10:00:00-05:00');

/** The renderer as it was: one i18next `t` per text, fresh formatters for every date. */
function referenceRenderer(globals: Record<string, string>) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: LOCALE,
    fallbackLng: false,
    initAsync: false,
    resources: { [LOCALE]: { translation: locale } },
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next formats no missing value: an optional part left out ("{{day, onDay}}") is written as nothing.
    missingInterpolationHandler: (_text: string, match: string[]) =>
      /,\s*(inband|onday|attime|ofspecialty|withdoctor|insite|besidedays)\s*$/i.test(match[1] ?? '')
        ? ''
        : /,\s*ofbeneficiaries\s*$/i.test(match[1] ?? '')
          ? instance.t('patient.noBeneficiaries')
          : /,\s*byemail\s*$/i.test(match[1] ?? '')
            ? ' por correo'
            : (match[0] ?? ''),
  });
  let now = new Date();
  const dayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'America/Bogota', weekday: 'long', day: 'numeric', month: 'long' });
  const yearFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'America/Bogota', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'America/Bogota', hour: 'numeric', minute: '2-digit', hour12: true });
  const formatDay = (instant: string, today: Date) => {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(instant) ? new Date(`${instant}T12:00:00-05:00`) : new Date(instant);
    const parts = dayFormat.formatToParts(date);
    const pick = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    const day = `${pick('weekday')} ${pick('day')} de ${pick('month')}`;
    const year = yearFormat.format(date);
    return year === yearFormat.format(today) ? day : `${day} de ${year}`;
  };
  const formatter = instance.services.formatter;
  assert.ok(formatter);
  formatter.add('day', (value: unknown) => formatDay(String(value), now));
  formatter.add('time', (value: unknown) => timeFormat.format(new Date(String(value))).replace(/[\u00a0\u202f]/g, ' '));
  formatter.add('atHour', (value: unknown) => {
    const time = timeFormat.format(new Date(String(value))).replace(/[\u00a0\u202f]/g, ' ');
    return `${time.startsWith('1:') ? 'a la' : 'a las'} ${time}`;
  });
  formatter.add('maskEmail', (value: unknown) => maskEmail(String(value)));
  formatter.add('byEmail', (value: unknown) => (typeof value === 'string' && value.includes('@') ? ` al correo ${maskEmail(value)}` : ' por correo'));
  formatter.add('franja', (value: unknown) => instance.t(`franjas.${String(value)}`));
  formatter.add('site', (value: unknown) => (isSiteCode(String(value)) ? siteName(String(value) as never) : String(value)));
  formatter.add('siteAddress', (value: unknown) => (isSiteCode(String(value)) ? SEED_SITE_ADDRESSES[String(value) as never] : String(value)));
  // The digital line after the Línea de citas: one number is never said twice.
  const digitsOf = (phone: string | undefined) => (phone ?? '').replace(/[^0-9]/g, '');
  const samePhone = digitsOf(globals.supportPhone) !== '' && digitsOf(globals.supportPhone) === digitsOf(globals.digitalSupportPhone);
  const lineContext = !samePhone ? undefined : (globals.supportHours ?? '').trim() === (globals.digitalSupportHours ?? '').trim() ? 'sameLine' : 'sameNumber';
  formatter.add('digitalLine', () => instance.t('help.digitalLine', { ...globals, context: lineContext }));
  formatter.add('service', (value: unknown) => (isCups(String(value)) ? instance.t(`services.${String(value)}`) : String(value)));
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase('es-CO') + text.slice(1);
  formatter.add('serviceStart', (value: unknown) => capital(isCups(String(value)) ? instance.t(`services.${String(value)}`) : String(value)));
  formatter.add('dayStart', (value: unknown) => capital(formatDay(String(value), now)));
  formatter.add('specialty', (value: unknown) => instance.t(`specialties.${String(value)}`));
  formatter.add('inBand', (value: unknown) => (value === 'manana' || value === 'tarde' ? ` en la ${instance.t(`franjas.${value}`)}` : ''));
  formatter.add('onDay', (value: unknown) => (typeof value === 'string' && value !== '' ? ` el ${formatDay(value, now)}` : ''));
  formatter.add('atTime', (value: unknown) =>
    typeof value === 'string' && /^\d\d:\d\d$/.test(value)
      ? `${/^(01|13):/.test(value) ? ' a la ' : ' a las '}${timeFormat.format(new Date(`2000-01-01T${value}:00-05:00`)).replace(/[\u00a0\u202f]/g, ' ')}`
      : '',
  );
  formatter.add('ofSpecialty', (value: unknown) => (typeof value === 'string' && value ? ` de ${instance.t(`specialties.${value}`)}` : ''));
  formatter.add('inSite', (value: unknown) => (typeof value === 'string' && isSiteCode(value) ? ` en la ${siteName(value)}` : ''));
  formatter.add('withDoctor', (value: unknown) =>
    typeof value === 'string' && value
      ? ` con ${value
          .split(' ')
          .map((word) => capital(word))
          .join(' ')}`
      : '',
  );
  formatter.add('notedList', (value: unknown) =>
    String(value)
      .split(',')
      .filter((part) => part !== '')
      .map((part) => {
        if (isSiteCode(part)) return `en la ${siteName(part)}`;
        if (/^\d{4}-\d\d-\d\d$/.test(part)) return `el ${formatDay(part, now)}`;
        if (/^\d\d:\d\d$/.test(part))
          return `${/^(01|13):/.test(part) ? 'a la ' : 'a las '}${timeFormat.format(new Date(`2000-01-01T${part}:00-05:00`)).replace(/[\u00a0\u202f]/g, ' ')}`;
        return instance.t(`noted.${part}`);
      })
      .join(', '),
  );
  // The days a member ruled out, written out independently: weekdays ruled out more than once said as every week's, the
  // month said once for a run of days of one month.
  formatter.add('besideDays', (value: unknown) => {
    const days = (typeof value === 'string' ? value.split(',') : []).filter((day) => /^\d{4}-\d\d-\d\d$/.test(day)).sort();
    if (days.length === 0) return '';
    const weekday = (day: string) => new Date(`${day}T12:00:00-05:00`).getDay();
    const names = ['domingos', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados'];
    const repeated = new Set(days.map(weekday).filter((day, index, all) => all.indexOf(day) !== index));
    const parts: string[] = [...repeated]
      .sort((a, b) => days.findIndex((day) => weekday(day) === a) - days.findIndex((day) => weekday(day) === b))
      .map((day) => `los ${names[day]}`);
    const single = days.filter((day) => !repeated.has(weekday(day))).map((day) => formatDay(day, now));
    single.forEach((text, index) => {
      const month = / de \S+(?: de \d{4})?$/.exec(text)?.[0];
      const nextMonth = / de \S+(?: de \d{4})?$/.exec(single[index + 1] ?? '')?.[0];
      parts.push(`el ${month !== undefined && month === nextMonth ? text.slice(0, text.length - month.length) : text}`);
    });
    return `, sin contar ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ni ${parts[parts.length - 1]}`}`;
  });
  formatter.add('searchWindow', (value: unknown) => instance.t(value === 'todayAndNextWorkingDay' ? 'windows.todayAndNextWorkingDay' : 'windows.horizon'));
  formatter.add('ofBeneficiaries', (value: unknown) =>
    typeof value === 'string' && value ? instance.t('patient.ofBeneficiaries', { names: value }) : instance.t('patient.noBeneficiaries'),
  );
  const text = (key: string, params: ReplyParams = {}, today: Date = now): string => {
    now = today;
    return instance.t(key, { ...globals, ...params });
  };
  const render = (replies: Reply[], today: Date) => {
    const messages = replies.map((said) => {
      const lines = (said.items ?? []).map((item) => `• ${text(item.key, item.params, today)}`);
      const joined = [text(said.key, said.params, today), ...lines].join('\n');
      if (!said.options?.length) return { text: joined };
      return { text: joined, options: said.options.map((choice) => ({ label: text(choice.key, choice.params, today), value: choice.value })) };
    });
    return { messages };
  };
  return { text, render };
}

/** Every key of the locale with the parameter names and formats its text uses. */
function localeKeys(): Array<{ key: string; placeholders: Array<{ name: string; format: string }> }> {
  const keys: Array<{ key: string; placeholders: Array<{ name: string; format: string }> }> = [];
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [name, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        const placeholders = [...value.matchAll(/{{(.+?)}}/g)].map((match) => {
          const [variable = '', format = ''] = (match[1] ?? '').split(',').map((part) => part.trim());
          return { name: variable, format };
        });
        keys.push({ key: `${prefix}${name}`, placeholders });
      } else if (value && typeof value === 'object') {
        walk(value as Record<string, unknown>, `${prefix}${name}.`);
      }
    }
  };
  walk(locale, '');
  return keys;
}

/** Values a placeholder may meet, by its format: the ordinary ones first, then the odd ones. */
const VALUES_BY_FORMAT: Record<string, unknown[]> = {
  day: ['2026-11-30T14:40:00-05:00', '2027-01-04T08:00:00-05:00', '2026-12-01T03:00:00Z', '2026-11-30', '2027-02-01', 'mañana', '', 0, 1_700_000_000_000],
  daystart: ['2026-11-26', '2027-01-04', '2026-11-30T14:40:00-05:00', 'mañana', '', 0],
  onday: ['2026-11-26', '2027-01-04', '2026-12-01T03:00:00Z', '', 'mañana', 0, true],
  time: ['2026-11-30T14:40:00-05:00', '2026-11-30T08:00:00-05:00', '2026-12-01T03:00:00Z', 'pronto', 12],
  site: ['SUBA', 'CHIA', 'KENNEDY', 'Suba', 'NOWHERE', '', 7],
  service: ['890201', '89020271', '999999', 'Medicina', 890301],
  servicestart: ['890201', '89020271', '999999', 'medicina', 'ñandú', '', 890301],
  specialty: ['medicina_general', 'pediatria', 'odontologia', '', 3],
  franja: ['manana', 'tarde', 'cualquiera', 'noche', ''],
  inband: ['manana', 'tarde', 'cualquiera', 'noche', '', 0, true],
  searchwindow: ['horizon', 'todayAndNextWorkingDay', 'otra', '', 0],
  maskemail: ['laura.gomez@example.com', 'a@b.co', 'sin-arroba', '@x.com', ''],
  siteaddress: ['SUBA', 'CHIA', 'KENNEDY', 'Suba', 'NOWHERE', '', 7],
  digitalline: ['601 4441234', '601 3330000', '', 0],
  '': [
    'Laura',
    'Dra. Marta Salazar',
    '601 4441234',
    '',
    0,
    3,
    true,
    false,
    '$&',
    "$1 $' $`",
    '{{name}}',
    '{{-name}}',
    '$t(options.yes)',
    'línea\nnueva',
    '😊 ñandú',
    // Values a memo could take for one another.
    '0',
    -0,
    '3',
    'true',
    'false',
    Number.NaN,
    'NaN',
    Number.POSITIVE_INFINITY,
    'u',
    'z',
    's1:x',
    '1:ns1:x',
  ],
};
const valuesFor = (format: string) => VALUES_BY_FORMAT[format.toLowerCase()] ?? VALUES_BY_FORMAT[''] ?? [];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('Renderer, compared with i18next rendering each text', () => {
  const keys = localeKeys();

  it('walks the whole locale (the comparison itself covers something)', () => {
    assert.ok(keys.length > 100, `${keys.length} keys`);
    assert.ok(keys.some(({ placeholders }) => placeholders.some(({ format }) => format === 'day')));
  });

  it('gives the same text for every key with ordinary, missing, empty and odd parameters, remembered or not', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const cases: Array<{ key: string; params: ReplyParams }> = [];
    for (const { key, placeholders } of keys) {
      const full: ReplyParams = {};
      for (const { name, format } of placeholders) full[name] = valuesFor(format)[0] as ReplyParams[string];
      const variants: ReplyParams[] = [{}, full];
      for (const { name, format } of placeholders) {
        for (const value of valuesFor(format)) variants.push({ ...full, [name]: value as ReplyParams[string] });
        const without = { ...full };
        delete without[name];
        variants.push(without, { ...full, [name]: undefined }, { ...full, [name]: null as never });
      }
      // Parameters i18next reads as options, or that no text uses.
      variants.push({ ...full, context: 'x' }, { ...full, lng: 'en' }, { ...full, defaultValue: 'x' }, { ...full, unknown: 'y' });
      variants.push({ ...full, supportPhone: 'otro' }, { ...full, supportPhone: undefined });
      for (const params of variants) cases.push({ key, params });
    }
    // Three rounds (2026, 2027, 2026 again), each text asked twice: the second answer is a
    // remembered one, and the later rounds meet texts remembered for the other year.
    let compared = 0;
    for (const now of [NOW, NEXT_YEAR, NOW]) {
      for (const { key, params } of cases) {
        const expected = reference.text(key, params, now);
        for (const ask of ['first', 'again']) {
          assert.equal(renderer.text(key, params, now), expected, `${key} ${JSON.stringify(params)} at ${now.toISOString()} (${ask})`);
          compared++;
        }
      }
    }
    assert.ok(compared > 10_000, `${compared} comparisons`);
  });

  it('tells apart parameters a memo could take for one another', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const asked: Array<[string, ReplyParams]> = [
      ['appointments.list', { patient: 'Laura', count: 1 }],
      ['appointments.list', { patient: 'Laura', count: '1' }],
      ['appointments.list', { patient: 'Laura', count: 2 }],
      ['appointments.list', { count: 2, patient: 'Laura' }],
      ['appointments.list', { patient: 'Laura', count: -0 }],
      ['appointments.list', { patient: 'Laura', count: 0 }],
      ['appointments.list', { patient: 'Laura', count: Number.NaN }],
      ['appointments.list', { patient: 'Laura' }],
      ['appointments.list', { patient: 'Laura', count: undefined }],
      ['appointments.list', { patient: 'Laura', count: null as never }],
      ['appointments.list', { patient: undefined }],
      ['appointments.list', {}],
      ['options.patient.beneficiary', { name: 'true' }],
      ['options.patient.beneficiary', { name: true }],
      ['options.patient.beneficiary', { name: 'Ana', nombre: 'María' }],
      ['options.patient.beneficiary', { nam: 'e', name: 'Ana' }],
      // Keys and names that run into each other when written one after the other.
      ['a', { '1:b': 'c' }],
      ['a1:b', {}],
      ['a', { b: 'c', d: 'e' }],
      ['a1:bs1:c', { d: 'e' }],
      ['options.yes', { returnObjects: true }],
      ['options', { returnObjects: true }],
      ['options', {}],
    ];
    for (const round of [1, 2]) {
      for (const [key, params] of asked) {
        assert.deepEqual(renderer.text(key, params, NOW), reference.text(key, params, NOW), `${key} ${JSON.stringify(params)} (round ${round})`);
      }
    }
  });

  it('reads parameters afresh when the caller changes an object between calls', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const params: ReplyParams = { name: 'Ana' };
    assert.equal(renderer.text('options.patient.beneficiary', params, NOW), 'Para Ana');
    params.name = 'Tomás';
    assert.equal(renderer.text('options.patient.beneficiary', params, NOW), 'Para Tomás');
  });

  it('forgets the oldest texts past its bound and renders them again the same', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const names = Array.from({ length: 10_000 }, (_, index) => `Paciente ${index}`);
    for (const name of names) renderer.text('options.patient.beneficiary', { name }, NOW);
    for (const name of [names[0], names[5000], names.at(-1)]) {
      assert.equal(renderer.text('options.patient.beneficiary', { name }, NOW), reference.text('options.patient.beneficiary', { name }, NOW));
    }
  });

  it('gives the same text with a `now` that is not a date (dates are left as given)', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const invalid = new Date(Number.NaN);
    const params = { start: '2027-01-04T08:00:00-05:00', doctor: 'Dra. Marta Salazar' };
    for (const now of [NOW, invalid, NEXT_YEAR, invalid]) {
      assert.equal(renderer.text('options.slot', params, now), reference.text('options.slot', params, now), now.toString());
      assert.equal(renderer.text('greeting.welcome', {}, now), reference.text('greeting.welcome', {}, now), now.toString());
    }
  });

  it('picks plural forms as i18next does, for every kind of count', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    for (const key of ['slots.ask', 'options.day', 'appointments.list', 'options.yes', 'no.such.key']) {
      for (const count of [0, 1, 2, 5, 1.5, -1, 1_000_000, Number.NaN, '1', '3', true, undefined]) {
        const params = { patient: 'Laura', count } as ReplyParams;
        assert.equal(renderer.text(key, params, NOW), reference.text(key, params, NOW), `${key} count=${String(count)}`);
      }
    }
  });

  it('gives the same text for keys the locale lacks or holds as objects', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    for (const key of ['no.such.key', 'options', 'franjas', 'slots.ask', 'options.yes.more', 'options.yes ', 'translation:options.yes', '']) {
      assert.equal(renderer.text(key, {}, NOW), reference.text(key, {}, NOW), JSON.stringify(key));
    }
  });

  it('gives the same text whatever the configuration puts in the globals', () => {
    const configurations: Array<Record<string, string>> = [
      {},
      { supportPhone: '$& {{supportHours}}' },
      { ...TEST_SUPPORT, extra: 'x' },
      { ...TEST_SUPPORT, count: '2' },
      {
        ...TEST_SUPPORT,
        digitalSupportPhone: '601 9990000',
        digitalSupportHours: 'siempre',
        pacPhone: '601 5550000',
        pacHours: 'nunca',
        policyUrl: 'https://x.example/p?a=1&b=$1',
      },
      // The digital line with the Línea de citas' number: the same line, or the same number at other hours.
      { ...TEST_SUPPORT, digitalSupportPhone: TEST_SUPPORT.supportPhone, digitalSupportHours: TEST_SUPPORT.supportHours },
      { ...TEST_SUPPORT, digitalSupportPhone: `(${TEST_SUPPORT.supportPhone})`, digitalSupportHours: 'siempre' },
    ];
    for (const globals of configurations) {
      const renderer = new Renderer(globals);
      const reference = referenceRenderer(globals);
      for (const key of ['help.support', 'consent.ask', 'consent.declined', 'eligibility.notPbs', 'identify.tooManyFailures', 'greeting.welcome', 'slots.ask']) {
        assert.equal(renderer.text(key, {}, NOW), reference.text(key, {}, NOW), `${key} with ${JSON.stringify(globals)}`);
      }
    }
  });

  it('reads the globals once, when it is built', () => {
    const globals = { ...TEST_SUPPORT };
    const renderer = new Renderer(globals);
    const support = renderer.text('help.support', {}, NOW);
    globals.supportPhone = '000';
    // Remembered or not yet said, every text keeps the phone the renderer was built with.
    assert.equal(renderer.text('help.support', {}, NOW), support);
    assert.match(renderer.text('consent.declined', {}, NOW), new RegExp(TEST_SUPPORT.supportPhone));
    assert.match(new Renderer(globals).text('consent.declined', {}, NOW), /000/);
  });

  it('gives the same texts for random parameters, keys and dates, with one renderer throughout', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const next = random(8);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const nows = [NOW, NEXT_YEAR, new Date('2026-12-31T23:30:00-05:00'), new Date('2027-06-15T12:00:00Z')];
    const dates = Array.from({ length: 40 }, (_, index) => new Date(Date.UTC(2026, 10, 20) + (index * 7_919_000_000) / 40).toISOString());
    const asked: Array<{ key: string; params: ReplyParams; now: Date }> = [];
    for (let round = 0; round < 3000; round++) {
      const { key, placeholders } = pick(keys);
      const params: ReplyParams = {};
      for (const { name, format } of placeholders) {
        if (next() < 0.1) continue;
        params[name] = (format === 'day' || format === 'time') && next() < 0.7 ? pick(dates) : (pick(valuesFor(format)) as ReplyParams[string]);
      }
      asked.push({ key, params, now: pick(nows) });
    }
    // Then everything again, backwards: by now most answers are remembered ones.
    for (const { key, params, now } of [...asked, ...asked.reverse()]) {
      assert.equal(renderer.text(key, params, now), reference.text(key, params, now), `${key} ${JSON.stringify(params)} at ${now.toISOString()}`);
    }
  });

  it('assembles messages, items and options as before', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const reference = referenceRenderer(TEST_SUPPORT);
    const appointment = { service: '890201', start: '2027-01-04T08:00:00-05:00', doctor: 'Dra. Marta Salazar', site: 'SUBA' };
    const turns: Reply[][] = [
      [],
      [
        { key: 'greeting.welcome' },
        {
          key: 'consent.ask',
          params: { version: '2026-01' },
          options: [
            { value: 'yes', key: 'options.yes' },
            { value: 'no', key: 'options.no' },
          ],
        },
      ],
      [
        {
          key: 'appointments.list',
          params: { patient: 'Laura', count: 2 },
          items: [
            { key: 'appointments.item', params: appointment },
            { key: 'appointments.item', params: { ...appointment, site: 'CHIA' } },
          ],
        },
        {
          key: 'cancel.askWhich',
          options: [
            { value: 'a1', key: 'options.appointment', params: appointment },
            { value: 'a2', key: 'options.menu.help' },
          ],
        },
        {
          key: 'booking.askFranja',
          options: [
            { value: 'manana', key: 'options.franja.manana' },
            { value: 'x', key: 'options.unknown' },
          ],
        },
        {
          key: 'slots.askDay',
          params: { site: 'SUBA', band: 'tarde' },
          options: [
            { value: '2026-11-26', key: 'options.day', params: { day: '2026-11-26', count: 3 } },
            { value: 'more', key: 'options.moreDays' },
          ],
        },
        { key: 'slots.noMoreTimes', params: { site: 'SUBA' } },
        { key: 'common.notUnderstood', items: [] },
      ],
    ];
    for (const replies of turns) {
      for (const now of [NOW, NEXT_YEAR]) assert.deepEqual(renderer.render(replies, now), reference.render(replies, now));
    }
  });

  it('keeps dates right when one renderer serves turns on different days', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const params = { start: '2027-01-04T08:00:00-05:00', doctor: 'Dra. Marta Salazar' };
    assert.equal(renderer.text('options.slot', params, NOW), 'lunes 4 de enero de 2027, 8:00 a. m. – Dra. Marta Salazar');
    assert.equal(renderer.text('options.slot', params, NEXT_YEAR), 'lunes 4 de enero, 8:00 a. m. – Dra. Marta Salazar');
    assert.equal(renderer.text('options.slot', params, NOW), 'lunes 4 de enero de 2027, 8:00 a. m. – Dra. Marta Salazar');
    // Without a `now`, a text uses the last one given, as before.
    assert.equal(renderer.text('options.slot', params), 'lunes 4 de enero de 2027, 8:00 a. m. – Dra. Marta Salazar');
  });
});

describe('Renderer.expectation, compared with what the member read', () => {
  it('labels every option exactly as the message that showed it', () => {
    const renderer = new Renderer(TEST_SUPPORT, { siteAddresses: SEED_SITE_ADDRESSES });
    const appointment = { service: '890201', start: '2027-01-04T08:00:00-05:00', doctor: 'Dra. Marta Salazar', site: 'SUBA' };
    const questions: Reply[] = [
      {
        key: 'consent.ask',
        params: { version: '2026-01' },
        options: [
          { value: 'yes', key: 'options.yes' },
          { value: 'no', key: 'options.no' },
        ],
        expects: 'consent',
      },
      {
        key: 'cancel.askWhich',
        options: [
          { value: 'a1', key: 'options.appointment', params: appointment },
          { value: 'a2', key: 'options.appointment', params: { ...appointment, service: '89020271' } },
        ],
        expects: 'appointment',
      },
      {
        key: 'slots.ask',
        params: { count: 2, site: 'CHIA' },
        options: [0, 1].map((index) => ({
          value: `s${index}`,
          key: 'options.slot',
          params: { start: `2026-11-3${index}T14:40:00-05:00`, doctor: 'Dr. Ángel Ruiz' },
        })),
        expects: 'slot',
      },
      { key: 'slots.askDay', params: { site: 'SUBA' }, options: [{ value: '2026-11-26', key: 'options.day', params: { day: '2026-11-26', count: 1 } }], expects: 'day' },
    ];
    for (const now of [NOW, NEXT_YEAR]) {
      for (const question of questions) {
        const [shown] = renderer.render([question], now).messages;
        const expectation = renderer.expectation(question, now);
        assert.equal(expectation.question, question.expects);
        assert.deepEqual(
          expectation.options.map(({ label, value }) => ({ label, value })),
          shown?.options,
          `${question.key} at ${now.toISOString()}`,
        );
      }
    }
  });
});
