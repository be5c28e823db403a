import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOCUMENT_TYPES, SITE_CODES } from '../../bot/domain.js';
import { formatDay, formatTime, matchOption, type ShownOption } from '../../bot/render.js';
import type { Operation } from '../../dialogs/conversation.machine.js';
import { YES_NO, option, reply, type ReplyOption } from '../../dialogs/replies.js';
import { makeRenderer, TEST_SUPPORT } from '../fakes/chat.js';

/** Monday 23 November 2026, 08:00 in Bogotá. */
const NOW = new Date('2026-11-23T08:00:00-05:00');
const renderer = makeRenderer();

/** Options as the engine keeps them after showing them: rendered labels plus the locale's aliases. */
function shown(options: ReplyOption[]): ShownOption[] {
  const rendered = renderer.render([reply('patient.ask', undefined, options)], NOW).options;
  assert.ok(rendered, 'the renderer kept no options');
  return rendered;
}

const yesNo = shown(YES_NO);
const specialties = shown([
  option('medicina_general', 'options.specialty.medicina_general'),
  option('pediatria', 'options.specialty.pediatria'),
]);
const sites = shown(SITE_CODES.map((site) => option(site, 'options.site', { site })));

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

describe('matchOption (contract point 1)', () => {
  it('picks by the number shown', () => {
    assert.equal(matchOption('2', specialties), 'pediatria');
    assert.equal(matchOption(' 1. ', specialties), 'medicina_general');
    assert.equal(matchOption('#2', specialties), 'pediatria');
  });

  it('picks by the words of the label, case and accents aside', () => {
    for (const text of ['pediatria', 'Pediatría', 'PEDIATRIA', 'pediatría!', 'quiero pediatría']) {
      assert.equal(matchOption(text, specialties), 'pediatria', text);
    }
    assert.equal(matchOption('Medicina general', specialties), 'medicina_general');
    assert.equal(matchOption('kennedy', sites), 'KENNEDY');
    assert.equal(matchOption('Chia', sites), 'CHIA');
    assert.equal(matchOption('calle 42', sites), 'CALLE42');
  });

  it('understands the yes/no words of the contract', () => {
    for (const text of ['sí', 'si', 's', 'Sí', 'SI', 'claro', 'dale', 'ok', 'OK', 'acepto', 'Claro!']) {
      assert.equal(matchOption(text, yesNo), 'yes', text);
    }
    for (const text of ['no', 'n', 'No', 'NO', 'no acepto']) {
      assert.equal(matchOption(text, yesNo), 'no', text);
    }
  });

  it('picks the main menu options by their verbs (contract point 7)', () => {
    const menu = shown([
      ...(['book', 'consult', 'cancel', 'reschedule'] as const).map((operation) => option(operation, `options.menu.${operation}`)),
      option('help', 'options.menu.help'),
    ]);
    assert.equal(matchOption('agendar', menu), 'book');
    assert.equal(matchOption('Consultar', menu), 'consult');
    assert.equal(matchOption('cancelar', menu), 'cancel');
    assert.equal(matchOption('reprogramar', menu), 'reschedule');
    assert.equal(matchOption('5', menu), 'help');
  });

  it('picks by value, as web chat buttons send it', () => {
    assert.equal(matchOption('medicina_general', specialties), 'medicina_general');
    assert.equal(matchOption('PRIMEROMAYO', sites), 'PRIMEROMAYO');
  });

  it('picks nothing when the words fit more than one option', () => {
    assert.equal(matchOption('calle', sites), undefined);
    assert.equal(matchOption('uss', sites), undefined);
  });

  it('picks nothing for numbers outside the list', () => {
    assert.equal(matchOption('3', specialties), undefined);
    assert.equal(matchOption('0', specialties), undefined);
    assert.equal(matchOption('42', sites), undefined);
  });

  it('picks nothing for unknown words, empty texts and garbage', () => {
    for (const text of ['odontología', '', '   ', '👍', '?', "'; DROP TABLE x; --", '<script>alert(1)</script>', 'x'.repeat(5000)]) {
      assert.equal(matchOption(text, specialties), undefined, text.slice(0, 40));
      assert.equal(matchOption(text, yesNo), undefined, text.slice(0, 40));
    }
  });

  it(
    'does not take "I don\'t know" for a no',
    () => {
      for (const text of ['no sé', 'no entiendo', '¿qué datos? no entiendo']) {
        assert.equal(matchOption(text, yesNo), undefined, text);
      }
    },
  );

  it('picks nothing when no options were shown', () => {
    assert.equal(matchOption('1', []), undefined);
    assert.equal(matchOption('sí', []), undefined);
  });
});

describe('Renderer', () => {
  it('fills dates, times, sites and doctors into option labels', () => {
    const [slot] = shown([option('slot-1', 'options.slot', { start: '2026-11-30T14:40:00-05:00', doctor: 'Dra. Marta Salazar', site: 'SUBA' })]);
    assert.equal(slot?.label, 'lunes 30 de noviembre, 2:40 p. m. – Dra. Marta Salazar – USS Suba');
  });

  it('fills the support line from configuration', () => {
    const text = renderer.text('help.support', {}, NOW);
    assert.ok(text.includes(TEST_SUPPORT.supportPhone), text);
    assert.ok(text.includes(TEST_SUPPORT.supportHours), text);
  });

  it('keeps the options of the last message that had any', () => {
    const rendered = renderer.render([reply('consent.thanks'), reply('consent.ask', { version: '1' }, YES_NO), reply('identify.askDocument')], NOW);
    assert.deepEqual(rendered.options?.map((o) => o.value), ['yes', 'no']);
    assert.equal(rendered.messages.length, 3);
    assert.deepEqual(rendered.messages[1]?.options, [
      { label: 'Sí', value: 'yes' },
      { label: 'No', value: 'no' },
    ]);
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
  /** Dotted literals in those files that are not locale keys. */
  const notKeys = new Set(['xstate.error.actor']);

  function literalKeys(): Array<{ file: string; key: string }> {
    return sources.flatMap(({ file, text }) =>
      [...text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)'/g)]
        .map((match) => match[1] ?? '')
        .filter((key) => !notKeys.has(key) && !/\.(js|ts|json)$/.test(key))
        .map((key) => ({ file, key })),
    );
  }

  function templateKeys(): Array<{ file: string; key: string }> {
    return sources.flatMap(({ file, text }) =>
      [...text.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)*\.)\$\{\w+\}`/g)].flatMap((match) => {
        const prefix = match[1] ?? '';
        const values = templateValues[prefix];
        assert.ok(values, `${file}: template key \`${prefix}\${…}\` has no list of values in this test`);
        return values.map((value) => ({ file, key: `${prefix}${value}` }));
      }),
    );
  }

  /** A key exists as such, or as the plural pair i18next picks from with `count`. */
  const translated = (key: string) => renderer.has(key) || (renderer.has(`${key}_one`) && renderer.has(`${key}_other`));

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
    assert.deepEqual(Object.keys(aliases).filter((key) => !renderer.has(key)), []);
  });
});
