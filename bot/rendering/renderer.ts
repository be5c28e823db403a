/**
 * Lina's words: what machines say (text keys and parameters) rendered in Spanish by i18next,
 * with the formats of `spanish-dates.ts` and `mask-email.ts`.
 */
import i18next, { type i18n } from 'i18next';
import { readFileSync } from 'node:fs';
import type { Reply, ReplyParams } from '../../dialogs/replies.js';
import { isCups, isSiteCode, siteName, type SiteCode } from '../domain.js';
import type { OutboundMessage, ReplyOption } from '../messages.js';
import type { Expectation, ShownOption } from '../understanding/types.js';
import { BoundedCache, boundedMemo } from './bounded-cache.js';
import { expectationOf } from './expectation.js';
import { maskEmail } from './mask-email.js';
import { capitalized, formatDay, formatTime, yearOf } from './spanish-dates.js';

const LOCALE = 'es-CO';

const resources = JSON.parse(readFileSync(new URL(`../../locales/${LOCALE}/lina.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** Parameters every text may use, from configuration (support line, hours). */
export type GlobalParams = Record<string, string>;

export type { ShownOption };

export interface RenderedReplies {
  messages: OutboundMessage[];
}

/**
 * `params` written out so that two objects give the same string exactly when they hold the
 * same names with the same values in the same order (every name and string is prefixed with
 * its length, so no value can pass for another). `''` without parameters; `undefined` when a
 * value is not a primitive i18next would print, which is then never remembered.
 */
function paramsId(params: ReplyParams | undefined): string | undefined {
  let id = '';
  for (const name in params) {
    if (!Object.hasOwn(params, name)) continue;
    const value: unknown = params[name];
    id += `${name.length}:${name}`;
    if (typeof value === 'string') id += `s${value.length}:${value}`;
    else if (typeof value === 'number') id += Object.is(value, -0) ? 'n-0;' : `n${value};`;
    else if (typeof value === 'boolean') id += value ? 't' : 'f';
    else if (value === undefined) id += 'u';
    else if (value === null) id += 'z';
    else return undefined;
  }
  return id;
}

/** A text as i18next gave it and the year of `now` it was given in (`formatDay` depends on it). */
interface RenderedText {
  year: string;
  text: string;
}

/** What a text may depend on in `now`: its year, or nothing at all when it is not a date. */
function yearOfText(now: Date): string {
  return Number.isNaN(now.getTime()) ? 'no year' : yearOf(now);
}

/** `{{day, onDay}}`, `{{band, inBand}}`, `{{time, atTime}}`, `{{specialty, ofSpecialty}}`, `{{citaSite, inSite}}`, `{{notDays, besideDays}}`: the parts of a text that are left out when their value is. */
const OPTIONAL_PART = /,\s*(?:inband|onday|attime|ofspecialty|withdoctor|insite|besidedays)\s*$/i;
const NO_ONE_TO_NAME = /,\s*ofbeneficiaries\s*$/i;
/** "{{email, byEmail}}" with no address at all: the answer goes by e-mail, none named. */
const BY_EMAIL = /,\s*byemail\s*$/i;
const BY_EMAIL_NONE = ' por correo';
/** What "{{others, ofBeneficiaries}}" says when there is no one to name (the locale's own text). */
const NO_BENEFICIARIES = noBeneficiariesText(resources);

function noBeneficiariesText(locale: Record<string, unknown>): string {
  const patient = locale.patient;
  const text = typeof patient === 'object' && patient !== null && 'noBeneficiaries' in patient ? patient.noBeneficiaries : undefined;
  return typeof text === 'string' ? text : '';
}

/** Weekday names, Sunday first (the plural is the same word: "los lunes"). */
const WEEKDAY_NAMES = ['domingos', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados'];

/**
 * What i18next writes for a placeholder whose value is missing. i18next never calls a
 * formatter without a value, so an optional part ("en la tarde", "el jueves 26 de
 * noviembre") a machine leaves out would be printed as its raw placeholder: it is written as
 * nothing instead. Any other missing value keeps i18next's own behaviour (the placeholder).
 */
function writeNothingForOptionalParts(_text: string, match: RegExpExecArray | string[]): string {
  const placeholder = match[1] ?? '';
  // "{{others, ofBeneficiaries}}" with no one to name says there is no one.
  if (NO_ONE_TO_NAME.test(placeholder)) return NO_BENEFICIARIES;
  if (BY_EMAIL.test(placeholder)) return BY_EMAIL_NONE;
  return OPTIONAL_PART.test(placeholder) ? '' : (match[0] ?? '');
}

/** How the digital channels' line relates to the Línea de citas: the same line, the same number with other hours, or another. */
function sharedLine(globals: GlobalParams): 'sameLine' | 'sameNumber' | undefined {
  const digits = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '');
  if (!digits(globals.supportPhone) || digits(globals.supportPhone) !== digits(globals.digitalSupportPhone)) return undefined;
  return globals.supportHours?.trim() === globals.digitalSupportHours?.trim() ? 'sameLine' : 'sameNumber';
}

/**
 * Turns what machines say (keys and parameters) into Spanish text for the channels.
 * One renderer per process; `now` decides whether dates need their year.
 *
 * i18next renders every text, and the renderer remembers what it gave, by key and parameters,
 * for the year of `now` it was given in: questions, menus and option labels come back turn
 * after turn and member after member. The globals are read once, here, as remembered texts
 * hold them.
 */
export class Renderer {
  private readonly i18n: i18n;
  private readonly globals: GlobalParams;
  private now = new Date();
  /** Texts said without parameters, by key: a few hundred at most, kept apart so they stay. */
  private readonly plainTexts = new BoundedCache<RenderedText>(1024);
  /** Texts said with parameters, by key and parameters. */
  private readonly filledTexts = new BoundedCache<RenderedText>(4096);

  /** The sites' addresses Lina knows (`LINA_SITE_ADDRESSES`, or the seed world's on the embedded agenda). */
  private readonly siteAddresses: Partial<Record<SiteCode, string>>;

  constructor(globals: GlobalParams, options: { siteAddresses?: Partial<Record<SiteCode, string>> } = {}) {
    this.globals = { ...globals };
    this.siteAddresses = { ...options.siteAddresses };
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      lng: LOCALE,
      fallbackLng: false,
      initAsync: false,
      resources: { [LOCALE]: { translation: resources } },
      interpolation: { escapeValue: false },
      returnNull: false,
      missingInterpolationHandler: writeNothingForOptionalParts,
    });
    const formatter = this.i18n.services.formatter;
    if (!formatter) throw new Error('i18next formatter unavailable');
    const siteOf = boundedMemo(256, (value) => (isSiteCode(value) ? siteName(value) : value));
    const serviceOf = boundedMemo(256, (value) => (isCups(value) ? this.i18n.t(`services.${value}`) : value));
    const franjaOf = boundedMemo(256, (value) => this.i18n.t(`franjas.${value}`));
    formatter.add('day', (value: unknown) => formatDay(String(value), this.now));
    formatter.add('time', (value: unknown) => formatTime(String(value)));
    formatter.add('maskEmail', (value: unknown) => maskEmail(String(value)));
    /** " al correo l***z@example.com" for an address on file, " por correo" without one: where an answer will go. */
    formatter.add('byEmail', (value: unknown) => (typeof value === 'string' && value.includes('@') ? ` al correo ${maskEmail(value)}` : BY_EMAIL_NONE));
    formatter.add('franja', (value: unknown) => franjaOf(String(value)));
    formatter.add('site', (value: unknown) => siteOf(String(value)));
    formatter.add('siteAddress', (value: unknown) => this.addressOf(String(value)) ?? String(value));
    formatter.add('service', (value: unknown) => serviceOf(String(value)));
    // At the start of a line a service, a day or a band takes a capital letter; elsewhere not.
    formatter.add('serviceStart', (value: unknown) => capitalized(serviceOf(String(value))));
    formatter.add('dayStart', (value: unknown) => capitalized(formatDay(String(value), this.now)));
    formatter.add('specialty', (value: unknown) => this.i18n.t(`specialties.${String(value)}`));
    /** " en la mañana" / " en la tarde", or nothing for any band: written right after a word. */
    formatter.add('inBand', (value: unknown) => (value === 'manana' || value === 'tarde' ? ` en la ${franjaOf(String(value))}` : ''));
    /** " el jueves 26 de noviembre", or nothing without a day. */
    formatter.add('onDay', (value: unknown) => (typeof value === 'string' && value ? ` el ${formatDay(value, this.now)}` : ''));
    /** " a las 3:00 p. m." (" a la 1:00 p. m.") for a Bogotá `HH:MM`, or nothing without one. */
    formatter.add('atTime', (value: unknown) => {
      if (typeof value !== 'string' || !/^\d\d:\d\d$/.test(value)) return '';
      return `${/^(01|13):/.test(value) ? ' a la ' : ' a las '}${formatTime(`2000-01-01T${value}:00-05:00`)}`;
    });
    /** "a las 3:00 p. m.", "a la 1:20 p. m.": the hour of an instant with its article. */
    formatter.add('atHour', (value: unknown) => {
      const time = formatTime(String(value));
      return `${/^1:/.test(time) ? 'a la' : 'a las'} ${time}`;
    });
    /**
     * ", sin contar el lunes 23 ni el martes 24 de noviembre" for the days a member ruled out (days joined by commas, said in
     * order), or nothing without them.
     */
    formatter.add('besideDays', (value: unknown) => {
      const all = (typeof value === 'string' ? value.split(',') : []).filter((day) => /^\d{4}-\d\d-\d\d$/.test(day)).sort();
      // ("Menos los martes": a weekday ruled out on two days or more is said as every week's, "los martes".)
      const weekdayOf = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
      const everyWeek = [...new Set(all.map(weekdayOf))].filter((weekday) => all.filter((day) => weekdayOf(day) === weekday).length > 1);
      const said = all.filter((day) => !everyWeek.includes(weekdayOf(day))).map((day) => formatDay(day, this.now));
      // ("El lunes 23 ni el martes 24 de noviembre": the month said once for days of one month in a row.)
      const monthOf = (day: string | undefined) => / de [a-z]+(?: de \d{4})?$/.exec(day ?? '')?.[0];
      const days = [
        ...everyWeek.map((weekday) => `los ${WEEKDAY_NAMES[weekday] ?? ''}`),
        ...said.map((day, index) => {
          const month = monthOf(day);
          return `el ${month && month === monthOf(said[index + 1]) ? day.slice(0, -month.length) : day}`;
        }),
      ];
      if (days.length === 0) return '';
      const last = days.pop();
      return `, sin contar ${days.length > 0 ? `${days.join(', ')} ni ${last}` : last}`;
    });
    /** " en la USS Kennedy" for a site code, or nothing without one. */
    formatter.add('inSite', (value: unknown) => (typeof value === 'string' && isSiteCode(value) ? ` en la ${siteOf(value)}` : ''));
    /** " con el doctor Cárdenas" for the words a member named a doctor by, or nothing without them. */
    formatter.add('withDoctor', (value: unknown) =>
      typeof value === 'string' && value
        ? ` con ${value
            .split(' ')
            .map((word) => capitalized(word))
            .join(' ')}`
        : '',
    );
    /**
     * What was noted ahead of its question, as the booking sends it (values joined by commas, each
     * known by its form: a visit type or band, a site code, a day, a time): "primera vez, en la USS Suba, en la tarde".
     */
    formatter.add('notedList', (value: unknown) =>
      String(value)
        .split(',')
        .filter((part) => part !== '')
        .map((part) => {
          if (isSiteCode(part)) return `en la ${siteOf(part)}`;
          if (/^\d{4}-\d\d-\d\d$/.test(part)) return `el ${formatDay(part, this.now)}`;
          if (/^\d\d:\d\d$/.test(part)) return `${/^(01|13):/.test(part) ? 'a la ' : 'a las '}${formatTime(`2000-01-01T${part}:00-05:00`)}`;
          return this.i18n.t(`noted.${part}`);
        })
        .join(', ')
        // "a las 10:00 a. m." closing the list: its own period ends the sentence ("Anoté: a las 10:00 a. m.", never "a. m..").
        .replace(/\.$/, ''),
    );
    /** " de pediatría", or nothing without a specialty. */
    formatter.add('ofSpecialty', (value: unknown) => (typeof value === 'string' && value ? ` de ${this.i18n.t(`specialties.${value}`)}` : ''));
    /** The member's beneficiaries named after "tus citas", or that there are none (Diana has no beneficiaries: no empty "()"). */
    formatter.add('ofBeneficiaries', (value: unknown) =>
      typeof value === 'string' && value ? this.i18n.t('patient.ofBeneficiaries', { names: value }) : this.i18n.t('patient.noBeneficiaries'),
    );
    /**
     * After the Línea de citas, the digital channels' line: its number and hours, or, when it is
     * configured with the same number (and hours), that the same line helps with the chat too, so
     * one number is never said twice in one message.
     */
    formatter.add('digitalLine', () => this.i18n.t('help.digitalLine', { ...this.globals, context: sharedLine(this.globals) }));
    /**
     * What a search covered: the 14-day horizon, or today and the next working day; for a child
     * who turns 18 within the horizon (the text's `agesOut`, `agesOutName`), the days before that birthday.
     */
    formatter.add('searchWindow', (value: unknown, _lng: unknown, options: Record<string, unknown> | undefined) => {
      if (value === 'todayAndNextWorkingDay') return this.i18n.t('windows.todayAndNextWorkingDay');
      const agesOut = options?.agesOut;
      if (typeof agesOut === 'string' && agesOut) {
        const name = options?.agesOutName;
        return this.i18n.t('windows.beforeAgesOut', { day: agesOut, name, context: typeof name === 'string' && name ? undefined : 'self' });
      }
      return this.i18n.t('windows.horizon');
    });
  }

  /** Whether a key exists: tests use it to prove every key a machine says is translated. */
  has(key: string): boolean {
    return this.i18n.exists(key);
  }

  /** The text of `key` with `params` and the globals; `now` (kept for later calls) dates it. */
  text(key: string, params: Reply['params'] = {}, now: Date = this.now): string {
    this.now = now;
    const id = paramsId(params);
    if (id === undefined) return this.translate(key, params);
    // With parameters, the key's length keeps it apart from them: `a` with `1:b…` is not `a1:b` with `…`.
    const [cache, cacheKey] = id === '' ? [this.plainTexts, key] : [this.filledTexts, `${key.length}:${key}${id}`];
    const year = yearOfText(now);
    const known = cache.get(cacheKey);
    if (known?.year === year) return known.text;
    const text = this.translate(key, params);
    // i18next answers with something else only when asked to (`returnObjects`): not remembered.
    return typeof text === 'string' ? cache.set(cacheKey, { year, text }).text : text;
  }

  render(replies: Reply[], now: Date): RenderedReplies {
    const messages: OutboundMessage[] = [];
    for (const reply of replies) {
      const said = this.withKnownAddresses(reply);
      let lines = '';
      if (said.items) for (const item of said.items) lines += `\n• ${this.text(item.key, item.params, now)}`;
      const text = this.text(said.key, said.params, now) + lines;
      if (!said.options?.length) {
        messages.push({ text });
        continue;
      }
      const labelled: ReplyOption[] = said.options.map((choice) => ({ label: this.text(choice.key, choice.params, now), value: choice.value }));
      messages.push({ text, options: labelled });
    }
    return { messages };
  }

  /** What the question `pending` expects, its option labels rendered for `now` (see `expectation.ts`). */
  expectation(pending: Reply | undefined, now: Date): Expectation {
    return expectationOf(pending, (key, params) => this.text(key, params, now));
  }

  private addressOf(site: string): string | undefined {
    return isSiteCode(site) ? this.siteAddresses[site] : undefined;
  }

  /**
   * Where a site is, said only from an address Lina knows: an unknown one is sent to the Línea de
   * citas (`help.addressUnknown`), and a list of sites keeps those with an address.
   */
  private withKnownAddresses(said: Reply): Reply {
    const known = (item: Reply) => this.addressOf(String(item.params?.site ?? '')) !== undefined;
    if (said.key === 'help.address' && !known(said)) return { ...said, key: 'help.addressUnknown' };
    if (said.key !== 'help.addresses') return said;
    const items = (said.items ?? []).filter(known);
    return items.length > 0 ? { ...said, items } : { key: 'help.addressesUnknown' };
  }

  private translate(key: string, params: ReplyParams | undefined): string {
    return this.i18n.t(key, { ...this.globals, ...params });
  }
}
