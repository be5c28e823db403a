import i18next, { type i18n } from 'i18next';
import { readFileSync } from 'node:fs';
import type { Reply } from '../dialogs/replies.js';
import { isCups, isSiteCode, siteName } from '../data/catalog.js';
import { normalizeText } from '../dialogs/text.js';
import type { OutboundMessage } from './messages.js';

const LOCALE = 'es-CO';
const TIME_ZONE = 'America/Bogota';

const resources = JSON.parse(
  readFileSync(new URL(`../locales/${LOCALE}/lina.json`, import.meta.url), 'utf8'),
) as Record<string, unknown>;
const aliasesByKey = JSON.parse(
  readFileSync(new URL(`../locales/${LOCALE}/aliases.json`, import.meta.url), 'utf8'),
) as Record<string, string[]>;

/** Parameters every text may use, from configuration (support line, hours). */
export type GlobalParams = Record<string, string>;

/** An option as shown last, kept with the session so the next answer can be matched to it. */
export interface ShownOption {
  value: string;
  label: string;
  aliases: string[];
}

export interface RenderedReplies {
  messages: OutboundMessage[];
  /** The options of the last message that had any: what a number or a word picks next turn. */
  options: ShownOption[] | undefined;
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' });
const yearFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit', hour12: true });

/**
 * "lunes 30 de noviembre", with the year when it is not the current one. A bare date
 * (`2026-11-30`) is read as that day in Bogotá, not as UTC midnight.
 */
export function formatDay(instant: Date | string, now: Date): string {
  const date = typeof instant === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(instant) ? new Date(`${instant}T12:00:00-05:00`) : new Date(instant);
  const parts = dayFormat.formatToParts(date);
  const pick = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const day = `${pick('weekday')} ${pick('day')} de ${pick('month')}`;
  const year = yearFormat.format(date);
  return year === yearFormat.format(now) ? day : `${day} de ${year}`;
}

/** "2:40 p. m.", with plain spaces so it reads the same everywhere. */
export function formatTime(instant: Date | string): string {
  return timeFormat.format(new Date(instant)).replace(/[\u00a0\u202f]/g, ' ');
}

/** `laura.gomez@example.com` → `l***z@example.com`: enough to recognise, too little to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  const local = email.slice(0, at);
  const last = local.length > 1 ? local.slice(-1) : '';
  return `${local[0]}***${last}${email.slice(at)}`;
}

/**
 * Turns what machines say (keys and parameters) into Spanish text for the channels.
 * One renderer per process; `now` decides whether dates need their year.
 */
export class Renderer {
  private readonly i18n: i18n;
  private now = new Date();

  constructor(private readonly globals: GlobalParams) {
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      lng: LOCALE,
      fallbackLng: false,
      initAsync: false,
      resources: { [LOCALE]: { translation: resources } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    const formatter = this.i18n.services.formatter;
    if (!formatter) throw new Error('i18next formatter unavailable');
    formatter.add('day', (value: unknown) => formatDay(String(value), this.now));
    formatter.add('time', (value: unknown) => formatTime(String(value)));
    formatter.add('maskEmail', (value: unknown) => maskEmail(String(value)));
    formatter.add('franja', (value: unknown) => this.i18n.t(`franjas.${String(value)}`));
    formatter.add('site', (value: unknown) => (isSiteCode(String(value)) ? siteName(String(value) as never) : String(value)));
    formatter.add('service', (value: unknown) =>
      isCups(String(value)) ? this.i18n.t(`services.${String(value)}`) : String(value),
    );
  }

  /** Whether a key exists: tests use it to prove every key a machine says is translated. */
  has(key: string): boolean {
    return this.i18n.exists(key);
  }

  text(key: string, params: Reply['params'] = {}, now: Date = this.now): string {
    this.now = now;
    return this.i18n.t(key, { ...this.globals, ...params });
  }

  render(replies: Reply[], now: Date): RenderedReplies {
    let options: ShownOption[] | undefined;
    const messages = replies.map((said): OutboundMessage => {
      const lines = (said.items ?? []).map((item) => `• ${this.text(item.key, item.params, now)}`);
      const text = [this.text(said.key, said.params, now), ...lines].join('\n');
      if (!said.options?.length) return { text };
      options = said.options.map((choice) => ({
        value: choice.value,
        label: this.text(choice.key, choice.params, now),
        aliases: aliasesByKey[choice.key] ?? [],
      }));
      return { text, options: options.map(({ label, value }) => ({ label, value })) };
    });
    return { messages, options };
  }
}

/**
 * Which shown option a member's answer picks: its number, its value (web chat buttons send
 * it), its label, an alias, or words that belong to exactly one label. Case and accents
 * do not matter. Ambiguous or unknown answers pick nothing.
 */
export function matchOption(text: string, options: ShownOption[]): string | undefined {
  const answer = normalizeText(text).replace(/[.!¡¿?,;:)]+$/g, '').replace(/^[(#]+/, '').trim();
  if (answer.length === 0) return undefined;
  if (/^\d{1,2}$/.test(answer)) return options[Number(answer) - 1]?.value;
  const exact = options.filter(
    (choice) =>
      normalizeText(choice.value) === answer ||
      normalizeText(choice.label) === answer ||
      choice.aliases.some((alias) => normalizeText(alias) === answer),
  );
  if (exact.length === 1) return exact[0]?.value;
  if (exact.length > 1) return undefined;
  if (answer.length < 3) return undefined;
  // Partial words: "pediatria" in "Pediatría", "kennedy" in "USS Kennedy". Words of one or
  // two letters never count on their own, so "no sé" is not a "No" nor "si acaso" a "Sí".
  const words = (value: string) => ` ${normalizeText(value).replace(/[^a-z0-9ñ ]+/g, ' ').replace(/\s+/g, ' ').trim()} `;
  const said = words(answer);
  const contains = (outer: string, inner: string) => inner.trim().length >= 3 && outer.includes(inner);
  const partial = options.filter((choice) => {
    const label = words(choice.label);
    return contains(label, said) || contains(said, label) || choice.aliases.some((alias) => contains(said, words(alias)));
  });
  return partial.length === 1 ? partial[0]?.value : undefined;
}
