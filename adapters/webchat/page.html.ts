/**
 * Lina's web chat page: the official Web Chat bundle, served by Lina herself, in Spanish,
 * with Lina's name and avatar, readable on a phone. Everything it loads is same-origin.
 */
import { siteName, type SiteCode } from '../../bot/domain.js';
import { WEBCHAT_LOCALE, webChatStrings, webchatText } from './webchat-texts.js';

/** Where the page's assets live, under the web server. */
export const WEBCHAT_ASSETS = {
  webChatBundle: '/webchat/webchat-minimal.js',
  script: '/webchat/webchat-page.js',
  style: '/webchat/webchat-page.css',
  avatar: '/webchat/lina-avatar.svg',
} as const;

export interface WebChatPageOptions {
  /** `lina`: Lina's own Direct Line; `azure`: Azure's, with a token Lina exchanged for the secret. */
  mode: 'lina' | 'azure';
  /** The site of the QR code that opened the page, already validated. */
  site?: SiteCode;
  /** Per-response nonce for the styles Web Chat injects. */
  nonce: string;
  maxTextLength: number;
  supportPhone: string;
}

/** What the page's script reads from `#lina-config`. */
export interface WebChatPageConfig {
  mode: 'lina' | 'azure';
  site: SiteCode | null;
  tokenUrl: string;
  /** Direct Line base path on this origin (`lina`), or `null` for Azure's default. */
  directLinePath: string | null;
  locale: string;
  nonce: string;
  maxTextLength: number;
  avatarUrl: string;
  strings: Record<string, string>;
  texts: { connectionFailed: string; retry: string; tooLong: string; botInitials: string; memberInitials: string };
}

/** The page's HTML. Every text comes from `locales/es-CO/webchat.json`. */
export function renderWebChatPage(options: WebChatPageOptions): string {
  const config: WebChatPageConfig = {
    mode: options.mode,
    site: options.site ?? null,
    tokenUrl: options.mode === 'azure' ? '/webchat/token' : '/v3/directline/tokens/generate',
    directLinePath: options.mode === 'azure' ? null : '/v3/directline',
    locale: WEBCHAT_LOCALE,
    nonce: options.nonce,
    maxTextLength: options.maxTextLength,
    avatarUrl: WEBCHAT_ASSETS.avatar,
    strings: webChatStrings(),
    texts: {
      connectionFailed: webchatText('page.connectionFailed'),
      retry: webchatText('page.retry'),
      tooLong: webchatText('page.tooLong', { max: options.maxTextLength }),
      botInitials: webchatText('page.botInitials'),
      memberInitials: webchatText('page.memberInitials'),
    },
  };
  const siteNote = options.site ? `<p class="lina-site">${escapeHtml(webchatText('page.siteNote', { site: siteName(options.site) }))}</p>` : '';
  return `<!doctype html>
<html lang="${WEBCHAT_LOCALE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="description" content="${escapeHtml(webchatText('page.description'))}">
<meta name="theme-color" content="#0b6e79">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(webchatText('page.title'))}</title>
<link rel="icon" href="${WEBCHAT_ASSETS.avatar}" type="image/svg+xml">
<link rel="stylesheet" href="${WEBCHAT_ASSETS.style}">
</head>
<body>
<header class="lina-header">
<img src="${WEBCHAT_ASSETS.avatar}" alt="${escapeHtml(webchatText('page.avatarAlt'))}" width="44" height="44">
<div>
<h1>${escapeHtml(webchatText('page.heading'))}</h1>
<p>${escapeHtml(webchatText('page.subheading'))}</p>
${siteNote}
</div>
</header>
<main id="webchat" class="lina-chat">
<p class="lina-status" id="lina-status" role="status">${escapeHtml(webchatText('page.loading'))}</p>
</main>
<div id="lina-error" class="lina-error" role="alert" hidden>
<p id="lina-error-text"></p>
<button type="button" id="lina-retry"></button>
</div>
<noscript><p class="lina-noscript">${escapeHtml(webchatText('page.noScript', { supportPhone: options.supportPhone }))}</p></noscript>
<script type="application/json" id="lina-config">${jsonForScript(config)}</script>
<script src="${WEBCHAT_ASSETS.webChatBundle}" defer></script>
<script src="${WEBCHAT_ASSETS.script}" defer></script>
</body>
</html>
`;
}

/**
 * The page's Content-Security-Policy: nothing from other origins, except Azure's Direct Line
 * when the page talks to it. `streamOrigin` is this server's WebSocket origin.
 */
export function webChatPageCsp(options: { nonce: string; mode: 'lina' | 'azure'; streamOrigin: string }): string {
  const azure = options.mode === 'azure' ? ' https://directline.botframework.com wss://directline.botframework.com' : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${options.nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ${options.streamOrigin}${azure}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The hash of an empty `<style>`: react-scroll-to-bottom (inside Web Chat) inserts its own
 * empty style element without Web Chat's nonce, then fills it through the CSSOM, which CSP
 * allows. Allowing exactly the empty content keeps every other inline style refused.
 */
const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** JSON that cannot close the script element it sits in. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
