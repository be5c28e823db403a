/** The poster's Spanish texts, from `locales/es-CO/poster.json`, rendered with i18next. */
import { LOCALE, loadLocaleNamespace } from '../../bot/locale-namespace.js';

const { i18n } = loadLocaleNamespace<Record<string, unknown>>('poster');

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
