/** The web chat's Spanish texts, from `locales/es-CO/webchat.json`, rendered with i18next. */
import { LOCALE, loadLocaleNamespace } from '../../bot/locale-namespace.js';

const { i18n, resources } = loadLocaleNamespace<{ webChat: Record<string, string> } & Record<string, unknown>>('webchat');

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
