/** The poster's Spanish texts, from `locales/es-CO/poster.json`, rendered with i18next. */
import i18next from 'i18next';
import { readFileSync } from 'node:fs';

const LOCALE = 'es-CO';

const resources = JSON.parse(
  readFileSync(new URL(`../../locales/${LOCALE}/poster.json`, import.meta.url), 'utf8'),
) as Record<string, unknown>;

const i18n = i18next.createInstance();
void i18n.init({
  lng: LOCALE,
  fallbackLng: false,
  initAsync: false,
  resources: { [LOCALE]: { poster: resources } },
  ns: ['poster'],
  defaultNS: 'poster',
  // Each renderer escapes for its own format (HTML or PDF).
  interpolation: { escapeValue: false },
});

/** The language posters are written in, for `<html lang>` and the PDF catalog. */
export const POSTER_LANGUAGE = LOCALE;

/**
 * The text under `key` (e.g. `steps.sayHello.title`) with its parameters filled in. A missing
 * key is a programming error, so it throws rather than printing the key on a poster.
 */
export function posterText(key: string, params: Record<string, string> = {}): string {
  if (!i18n.exists(key)) throw new Error(`Missing poster text "${key}" in locales/${LOCALE}/poster.json`);
  return i18n.t(key, params);
}
