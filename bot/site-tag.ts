import { isSiteCode, siteName, type SiteCode } from './domain.js';

/**
 * The greeting a site's QR code prefills on WhatsApp. It reads naturally to the member and
 * ends with a tag Lina recognises: "Hola Lina, vengo de USS Suba (sede SUBA)".
 */
export function siteGreeting(site: SiteCode): string {
  return `Hola Lina, vengo de ${siteName(site)} (sede ${site})`;
}

const SITE_TAG = /\(\s*sede\s+([a-z0-9]{2,20})\s*\)/i;

/**
 * The site a message's tag names, when it is one of the plan's sites. A tag naming no known
 * site (mistyped, or made up) is ignored: the conversation simply starts without a site.
 */
export function readSiteTag(text: string): SiteCode | undefined {
  const code = SITE_TAG.exec(text.slice(0, 500))?.[1]?.toUpperCase();
  return code && isSiteCode(code) ? code : undefined;
}

/**
 * What the member wrote, without what a site's QR code prefilled: the greeting reads as the
 * "Hola Lina" it is, and a tag left in an edited greeting goes. The site of the QR code is where
 * the member is, not a site they asked for: "quiero una cita en Suba (sede KENNEDY)" asks for Suba,
 * and "Hola Lina, vengo de USS Kennedy (sede KENNEDY)" asks for nothing yet.
 */
export function withoutSiteGreeting(text: string, site: SiteCode): string {
  const greeting = siteGreeting(site);
  const at = text.toLowerCase().indexOf(greeting.toLowerCase());
  const ungreeted = at >= 0 ? `${text.slice(0, at)}Hola Lina${text.slice(at + greeting.length)}` : text;
  const untagged = ungreeted.replace(new RegExp(SITE_TAG.source, 'gi'), ' ').replace(/\s+/g, ' ').trim();
  return untagged === '' ? 'Hola' : untagged;
}
