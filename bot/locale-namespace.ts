import i18next, { type i18n } from 'i18next';
import { readFileSync } from 'node:fs';

/** The language of every text Lina shows. */
export const LOCALE = 'es-CO';

/**
 * One file of `locales/es-CO/` (`poster`, `support`, `webchat`) as its own i18next instance,
 * loaded synchronously at import. Values are not escaped: each caller escapes for its format
 * (HTML, PDF, chat text).
 */
export function loadLocaleNamespace<T extends Record<string, unknown>>(namespace: string): { i18n: i18n; resources: T } {
  const resources = JSON.parse(readFileSync(new URL(`../locales/${LOCALE}/${namespace}.json`, import.meta.url), 'utf8')) as T;
  const instance = i18next.createInstance();
  void instance.init({
    lng: LOCALE,
    fallbackLng: false,
    initAsync: false,
    resources: { [LOCALE]: { [namespace]: resources } },
    ns: [namespace],
    defaultNS: namespace,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { i18n: instance, resources };
}
