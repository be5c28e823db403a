/**
 * Lina's data-processing policy (Ley 1581 de 2012, Decreto 1377 de 2013) as one static page,
 * the one the consent message links to. Every text comes from `locales/es-CO/policy.json`;
 * the page loads nothing: no script, no image, no font, its only style inline (allowed by its
 * hash in the Content-Security-Policy). Built for cheap phones: readable at 320 px wide.
 */
import { createHash } from 'node:crypto';
import { LOCALE, loadLocaleNamespace } from '../../bot/locale-namespace.js';

/** One section of the policy: a title, then paragraphs, a list, and paragraphs after it. */
interface PolicySection {
  title: string;
  paragraphs?: string[];
  items?: string[];
  after?: string[];
}

interface PolicyResources extends Record<string, unknown> {
  page: Record<string, string>;
  sections: Record<string, PolicySection>;
}

const { i18n, resources } = loadLocaleNamespace<PolicyResources>('policy');

export interface PolicyPageOptions {
  /** The policy version members authorise (LINA_POLICY_VERSION). */
  version: string;
  /** The Línea de citas médicas PBS and its hours, as Lina says them. */
  supportPhone: string;
  supportHours: string;
  /** Days transcripts and conversation data are kept (LINA_RETENTION_DAYS). */
  retentionDays: number;
}

/**
 * The text under `key` (e.g. `page.title`, `sections.rights.items.0`) with its parameters
 * filled in, not escaped. A missing key is a programming error, so it throws.
 */
export function policyText(key: string, params: Record<string, string | number> = {}): string {
  if (!i18n.exists(key)) throw new Error(`Missing policy text "${key}" in locales/${LOCALE}/policy.json`);
  return i18n.t(key, params);
}

/** Every text key of the policy's sections, in the order the page shows them. */
export function policySectionKeys(): string[] {
  return Object.entries(resources.sections).flatMap(([id, section]) => [
    `sections.${id}.title`,
    ...(['paragraphs', 'items', 'after'] as const).flatMap((part) => (section[part] ?? []).map((_text, index) => `sections.${id}.${part}.${index}`)),
  ]);
}

/**
 * The day a version applies from, when the version is a date (`2026-01` → 1 de enero de 2026,
 * `2026-03-15` → 15 de marzo de 2026); `undefined` for any other version name.
 */
export function policyEffectiveDate(version: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(version.trim());
  if (!match) return undefined;
  const [year, month, day = 1] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The page's only style, inline: its hash is the one style the CSP allows. */
const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:#1b1b1b;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.6;overflow-wrap:break-word}
header{background:#0b6e79;color:#fff;padding:1.25rem 1rem}
header>*{max-width:40rem;margin-left:auto;margin-right:auto}
h1{font-size:1.5rem;line-height:1.25;margin-top:0;margin-bottom:.5rem}
header p{margin-top:0;margin-bottom:.25rem}
main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
h2{color:#08434a;font-size:1.25rem;line-height:1.3;margin:1.75rem 0 .5rem}
p{margin:.5rem 0}
ul{margin:.5rem 0;padding-left:1.25rem}
li{margin:.4rem 0}
footer{border-top:2px solid #d6e6e8;margin-top:2rem;padding-top:1rem;padding-bottom:2rem}
footer h2{margin-top:.5rem}
a{color:#08434a}
.call{display:block;margin:1rem 0;padding:.8rem 1rem;border-radius:.5rem;background:#0b6e79;color:#fff;font-weight:700;text-align:center;text-decoration:none}
.call:focus-visible{outline:3px solid #f2b705;outline-offset:2px}
`.trim();

const STYLE_HASH = `sha256-${createHash('sha256').update(STYLE, 'utf8').digest('base64')}`;

/** Nothing from anywhere: the inline style is allowed by its hash, and the page may not be framed. */
export const POLICY_PAGE_CSP = ["default-src 'none'", `style-src '${STYLE_HASH}'`, "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"].join('; ');

/** The policy page's HTML, every text and configuration value escaped. */
export function renderPolicyPage(options: PolicyPageOptions): string {
  const date = policyEffectiveDate(options.version);
  const effectiveFrom = date ? policyText('page.effectiveFrom', { date }) : policyText('page.effectiveFromPublication');
  const params = {
    version: options.version,
    supportPhone: options.supportPhone,
    supportHours: options.supportHours,
    retentionDays: options.retentionDays,
    effectiveFrom,
  };
  const text = (key: string) => escapeHtml(policyText(key, params));
  const sections = Object.entries(resources.sections)
    .map(([id, section]) => {
      const paragraphs = (part: 'paragraphs' | 'after') => (section[part] ?? []).map((_text, index) => `<p>${text(`sections.${id}.${part}.${index}`)}</p>\n`).join('');
      const items = section.items?.length ? `<ul>\n${section.items.map((_text, index) => `<li>${text(`sections.${id}.items.${index}`)}</li>\n`).join('')}</ul>\n` : '';
      return `<section id="${escapeHtml(id)}">\n<h2>${text(`sections.${id}.title`)}</h2>\n${paragraphs('paragraphs')}${items}${paragraphs('after')}</section>\n`;
    })
    .join('');
  const dial = telephoneNumber(options.supportPhone);
  const call = dial ? `<a class="call" href="tel:${escapeHtml(dial)}">${text('page.call')}</a>\n` : '';
  return `<!doctype html>
<html lang="${LOCALE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${text('page.description')}">
<meta name="theme-color" content="#0b6e79">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>${text('page.title')}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${text('page.heading')}</h1>
<p>${text('page.subheading')}</p>
<p>${text('page.version')}. ${escapeHtml(effectiveFrom)}</p>
</header>
<main>
<p>${text('page.intro')}</p>
${sections}</main>
<footer>
<h2>${text('page.contactHeading')}</h2>
<p>${text('page.contact')}</p>
${call}</footer>
</body>
</html>
`;
}

/** The digits a phone's dialler needs (`601 4441234` → `6014441234`), if the text holds a number. */
function telephoneNumber(phone: string): string | undefined {
  const dial = phone.replace(/[\s().-]/g, '');
  return /^\+?\d{3,15}$/.test(dial) ? dial : undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
