/** The console's Spanish texts, from `locales/es-CO/support.json`, rendered with i18next. */
import { LOCALE, loadLocaleNamespace } from '../../bot/locale-namespace.js';

const { i18n } = loadLocaleNamespace<Record<string, unknown>>('support');

/** The language of every page, for `<html lang>`. */
export const SUPPORT_LANGUAGE = LOCALE;

/**
 * The text under `key` with its parameters. A missing key is a programming error, so it
 * throws rather than showing a key to a support agent.
 */
export function t(key: string, params: Record<string, string | number> = {}): string {
  if (!i18n.exists(key, params)) throw new Error(`Missing support text "${key}" in locales/${LOCALE}/support.json`);
  return i18n.t(key, params);
}

/** Whether a text exists (labels of values that may be unknown, such as an event type). */
export function hasText(key: string): boolean {
  return i18n.exists(key);
}
