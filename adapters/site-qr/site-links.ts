/**
 * The addresses a site's QR codes open: Lina's WhatsApp chat with the site's greeting already
 * typed, and the web chat tagged with the site. Pure helpers, shared by images and posters.
 */
import type { SiteCode } from '../../bot/domain.js';
import { siteGreeting } from '../../bot/site-tag.js';
import { SiteQrInputError } from './site-qr.errors.js';

/** Country code first, digits only (as wa.me wants them): 8 to 15 digits, never a leading 0. */
const INTERNATIONAL_NUMBER = /^[1-9]\d{7,14}$/;

/**
 * Lina's WhatsApp number as wa.me wants it: `+57 300 123-4567` → `573001234567`. Accepts the
 * same spellings as the configuration (spaces, dashes, parentheses, a leading "+").
 * @throws SiteQrInputError `INVALID_WHATSAPP_NUMBER`
 */
export function normalizeWhatsappNumber(number: string): string {
  const digits = number.trim().replace(/[\s().+-]/g, '');
  if (!INTERNATIONAL_NUMBER.test(digits)) {
    throw new SiteQrInputError('INVALID_WHATSAPP_NUMBER', 'Invalid WhatsApp number: expected 8 to 15 digits starting with the country code, e.g. 573001234567');
  }
  return digits;
}

/**
 * The web chat's public address without a trailing slash: `https://lina.example.co/`
 * → `https://lina.example.co`. Only http(s), no credentials, query or fragment, since
 * the site tag is appended as the query.
 * @throws SiteQrInputError `INVALID_PUBLIC_URL`
 */
export function normalizePublicUrl(publicUrl: string): string {
  const invalid = (why: string) => new SiteQrInputError('INVALID_PUBLIC_URL', `Invalid public URL "${publicUrl}": ${why}, e.g. https://lina.example.co`);
  let url: URL;
  try {
    url = new URL(publicUrl.trim());
  } catch {
    throw invalid('expected an absolute http(s) address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('expected an http or https address');
  if (url.username || url.password) throw invalid('credentials cannot be printed on a poster');
  if (url.search || url.hash) throw invalid('expected no query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * `https://wa.me/573001234567?text=Hola%20Lina%2C%20vengo%20de%20USS%20Suba%20(sede%20SUBA)`:
 * opens Lina's chat with the site's greeting typed, so the first message carries the site tag.
 * @throws SiteQrInputError `INVALID_WHATSAPP_NUMBER`
 */
export function whatsappLink(number: string, site: SiteCode): string {
  return `https://wa.me/${normalizeWhatsappNumber(number)}?text=${encodeURIComponent(siteGreeting(site))}`;
}

/**
 * `https://lina.example.co/?site=SUBA`: the web chat, told which site the member is at.
 * @throws SiteQrInputError `INVALID_PUBLIC_URL`
 */
export function webChatLink(publicUrl: string, site: SiteCode): string {
  return `${normalizePublicUrl(publicUrl)}/?site=${encodeURIComponent(site)}`;
}

/**
 * The web chat link as people type it from a poster: `lina.example.co/?site=SUBA`. Only
 * https loses its scheme; a plain http address keeps it, since browsers would try https first.
 */
export function shortWebChatLink(publicUrl: string, site: SiteCode): string {
  return webChatLink(publicUrl, site).replace(/^https:\/\//, '');
}

/**
 * The number as people read it: `573001234567` → `+57 300 123 4567` (Colombian mobiles and
 * landlines, and North American numbers are grouped; others keep their digits after "+").
 * @throws SiteQrInputError `INVALID_WHATSAPP_NUMBER`
 */
export function formatPhoneNumber(number: string): string {
  const digits = normalizeWhatsappNumber(number);
  const grouped = /^(57|1)(\d{3})(\d{3})(\d{4})$/.exec(digits);
  return grouped ? `+${grouped.slice(1).join(' ')}` : `+${digits}`;
}

/** Whether members' phones certainly cannot open this address (a loopback or unspecified host). */
export function isLocalAddress(publicUrl: string): boolean {
  const host = new URL(normalizePublicUrl(publicUrl)).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}
