/**
 * Where Lina may send the replies of a turn that came through `/api/messages`: the activity's
 * `serviceUrl`, read as a URL and compared by its normalised origin (scheme and host in lower
 * case, default ports dropped, numeric IPv4 forms resolved by the WHATWG URL parser), never
 * as text. Lina's own Bot Connector, whose calls carry her in-process secret, is never one.
 */
import type { ServiceUrlRule } from '../../bot/config.js';

/** Azure Bot Service channels: the public and government clouds' connectors, and Teams'. */
export const AZURE_SERVICE_URLS: readonly ServiceUrlRule[] = [
  { protocol: 'https:', host: '*.botframework.com', port: '' },
  { protocol: 'https:', host: 'smba.trafficmanager.net', port: '' },
  { protocol: 'https:', host: '*.botframework.azure.us', port: '' },
];

/** Bot Framework Emulator on this machine (it listens on a port of its own choosing). */
export const LOCAL_SERVICE_URLS: readonly ServiceUrlRule[] = [
  { protocol: 'http:', host: 'localhost', port: '*' },
  { protocol: 'http:', host: '127.0.0.1', port: '*' },
  { protocol: 'http:', host: '[::1]', port: '*' },
];

export type ServiceUrlVerdict = { ok: true; url: URL } | { ok: false; reason: 'malformed' | 'not-allowed' };

const MAX_LENGTH = 2048;

/** The port a URL reaches, default ones written out. */
export function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function matches(url: URL, rule: ServiceUrlRule): boolean {
  if (url.protocol !== rule.protocol) return false;
  const host = url.hostname.toLowerCase();
  const hostMatches = rule.host.startsWith('*.') ? host.endsWith(rule.host.slice(1)) && host.length > rule.host.length - 1 : host === rule.host;
  if (!hostMatches) return false;
  return rule.port === '*' || url.port === rule.port;
}

/**
 * The verdict on an activity's `serviceUrl`: `malformed` when it is not an http(s) URL
 * (a number, an object, text that does not parse, credentials in it), `not-allowed` when it
 * is outside `rules` or is Lina's own (`isOwn`).
 */
export function checkServiceUrl(value: unknown, rules: readonly ServiceUrlRule[], isOwn: (url: URL) => boolean): ServiceUrlVerdict {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return { ok: false, reason: 'malformed' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return { ok: false, reason: 'malformed' };
  if (isOwn(url) || !rules.some((rule) => matches(url, rule))) return { ok: false, reason: 'not-allowed' };
  return { ok: true, url };
}
