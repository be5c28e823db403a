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
