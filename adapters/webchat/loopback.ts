import type { IncomingMessage } from 'node:http';

/**
 * Whether a peer address is this machine's loopback: 127.0.0.0/8, ::1, or an IPv4 loopback
 * mapped into IPv6 (`::ffff:127.0.0.1`, as a dual-stack socket reports it).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
  return ip === '::1' || ip === '0:0:0:0:0:0:0:1' || /^127(\.\d{1,3}){3}$/.test(ip);
}

/**
 * Whether a request comes from this machine. A reverse proxy on the same host connects from
 * loopback too, so a request that says it was forwarded (`X-Forwarded-For`, `Forwarded`)
 * only counts when every address it was forwarded for is loopback as well.
 */
export function isLocalRequest(req: Pick<IncomingMessage, 'headers' | 'socket'>): boolean {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return false;
  const forwardedFor = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const forwarded = [...String(req.headers.forwarded ?? '').matchAll(/for="?([^";,]+)"?/gi)].map((match) => (match[1] ?? '').replace(/:\d+$/, ''));
  return [...forwardedFor, ...forwarded].every((address) => isLoopbackAddress(address));
}
