/** The web chat's Spanish texts, from `locales/es-CO/webchat.json`, rendered with i18next. */
import i18next from 'i18next';
import { readFileSync } from 'node:fs';

const LOCALE = 'es-CO';

const resources = JSON.parse(
  readFileSync(new URL(`../../locales/${LOCALE}/webchat.json`, import.meta.url), 'utf8'),
) as { webChat: Record<string, string> } & Record<string, unknown>;

const i18n = i18next.createInstance();
void i18n.init({
  lng: LOCALE,
  fallbackLng: false,
  initAsync: false,
  resources: { [LOCALE]: { webchat: resources } },
  ns: ['webchat'],
  defaultNS: 'webchat',
  // The page escapes for HTML itself; activities carry plain text.
  interpolation: { escapeValue: false },
});

/** The language of the page and of Web Chat (`locale`, `<html lang>`). */
export const WEBCHAT_LOCALE = LOCALE;

/**
 * The text under `key` (e.g. `page.title`) with its parameters filled in. A missing key is a
 * programming error, so it throws rather than showing the key to a member.
 */
export function webchatText(key: string, params: Record<string, string | number> = {}): string {
  if (!i18n.exists(key)) throw new Error(`Missing web chat text "${key}" in locales/${LOCALE}/webchat.json`);
  return i18n.t(key, params);
}

/** Web Chat's own interface strings, in Lina's voice (tú), for `overrideLocalizedStrings`. */
export function webChatStrings(): Record<string, string> {
  return { ...resources.webChat };
}
