/**
 * The one rule for "this request comes from this machine", for every route that serves only
 * local clients: the WhatsApp pairing page (`/whatsapp`), the Bot Framework endpoint with the
 * local secret (`/api/messages`), and anything added later.
 *
 * A request is local when all of these hold:
 * - the connection comes from a loopback address;
 * - no forwarding header names anything but loopback (`X-Forwarded-For`, `Forwarded`,
 *   `X-Real-IP` and the other headers proxies use to name a client): a reverse proxy on this
 *   machine connects from loopback too, so what it says it forwarded decides. An entry that
 *   cannot be read as an address (`for=unknown`, `for=_hidden`, garbage) is not loopback;
 * - the client's address as Express works it out under `LINA_TRUST_PROXY` (`req.ip`), when
 *   there is one, is loopback: trusting a proxy may make a request less local, never more;
 * - the host the client asked for is a loopback name (`localhost`, `127.x.x.x`, `[::1]`),
 *   which also defeats DNS rebinding (a web page that resolves its own name to 127.0.0.1).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Headers through which proxies name the client they forward for. */
export const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'forwarded',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-cluster-client-ip',
  'x-original-forwarded-for',
  'forwarded-for',
  'x-forwarded',
  'client-ip',
  'x-remote-addr',
] as const;

/**
 * Whether an address is this machine's loopback: 127.0.0.0/8, ::1, or an IPv4 loopback
 * mapped into IPv6 (`::ffff:127.0.0.1`, as a dual-stack socket reports it).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:/, '');
  return ip === '::1' || ip === '0:0:0:0:0:0:0:1' || /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(ip);
}

/** Whether a Host header (or URL host) names this machine by a loopback name. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  const name = value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.replace(/:\d*$/, '');
  return name === 'localhost' || name === 'localhost.' || isLoopbackAddress(name);
}

/** An address as a forwarding header writes it, without quotes, brackets or port; `undefined` when it is none. */
function addressOf(entry: string): string | undefined {
  let value = entry.trim().replace(/^"|"$/g, '').trim();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return undefined;
    value = value.slice(1, end);
  } else if (/^[\d.]+:\d+$/.test(value)) {
    value = value.replace(/:\d+$/, '');
  }
  return isIP(value) ? value : undefined;
}

function headerValues(req: Pick<IncomingMessage, 'headers'>, name: string): string[] {
  const value = req.headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Every client address the request's forwarding headers name, in any of their forms;
 * an entry that is not an address counts as `'unreadable'`.
 */
export function forwardedAddresses(req: Pick<IncomingMessage, 'headers'>): string[] {
  const found: string[] = [];
  for (const name of FORWARDING_HEADERS) {
    for (const value of headerValues(req, name)) {
      for (const element of value.split(',')) {
        if (!element.trim()) continue;
        if (name === 'forwarded') {
          // RFC 7239: `for=192.0.2.60;proto=http;by=203.0.113.43`; only `for` names the client.
          for (const pair of element.split(';')) {
            const eq = pair.indexOf('=');
            if (eq < 0) continue;
            if (pair.slice(0, eq).trim().toLowerCase() !== 'for') continue;
            found.push(addressOf(pair.slice(eq + 1)) ?? 'unreadable');
          }
        } else if (name === 'x-forwarded') {
          // Non-standard `X-Forwarded: for=…`.
          const match = /for=([^;]+)/i.exec(element);
          found.push(match?.[1] ? (addressOf(match[1]) ?? 'unreadable') : 'unreadable');
        } else {
          found.push(addressOf(element) ?? 'unreadable');
        }
      }
    }
  }
  return found;
}

/** A request as the rule reads it; `ip` is Express's client address under `trust proxy`, when known. */
export type RequestOrigin = Pick<IncomingMessage, 'headers' | 'socket'> & { ip?: unknown };

/** Whether the request comes from this machine (see the module's comment for the rule). */
export function isLocalRequest(req: RequestOrigin): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return false;
  if (!forwardedAddresses(req).every((address) => isLoopbackAddress(address))) return false;
  if (typeof req.ip === 'string' && !isLoopbackAddress(req.ip)) return false;
  return isLoopbackHost(headerValues(req, 'host')[0]);
}
