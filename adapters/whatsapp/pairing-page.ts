/**
 * The operator's WhatsApp page (mounted by the lead at `/whatsapp`): where the link stands and,
 * while pairing, the QR code to scan or the code to type. Whoever reads this QR can link their
 * own phone as Lina, so the page answers only browsers on this machine, by the one rule every
 * local-only route shares (`adapters/http/local-request.ts`: loopback connection, no
 * forwarding header naming anyone else, a loopback host), and nothing is cached, framed or
 * leaked through a referrer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocalRequest } from '../http/local-request.js';
import type { WhatsAppState, WhatsAppStatus } from './connection.js';

/** While waiting for a scan the page reloads itself, to follow WhatsApp's new QR codes. */
const REFRESH_SECONDS = 5;

const TITLES: Record<WhatsAppState, string> = {
  connecting: 'Connecting to WhatsApp…',
  pairing: 'Needs pairing',
  open: 'Connected',
  reconnecting: 'Connection lost: reconnecting',
  loggedOut: 'Logged out: starting a new pairing',
  replaced: 'Replaced by another WhatsApp Web session: stopped',
  stopped: 'Stopped',
  closed: 'Closed',
};

const SETTLED: ReadonlySet<WhatsAppState> = new Set(['open', 'replaced', 'stopped', 'closed']);

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function describeDisconnect(status: WhatsAppStatus): string {
  const last = status.lastDisconnect;
  if (!last) return '';
  const code = last.code === undefined ? '' : ` (${last.code})`;
  return `<p>Last disconnect: ${escapeHtml(last.reason)}${escapeHtml(code)} at ${escapeHtml(last.at.toISOString())}.</p>`;
}

function renderBody(status: WhatsAppStatus): string {
  const parts = [`<h1>WhatsApp: ${escapeHtml(TITLES[status.state])}</h1>`];
  if (status.state === 'pairing' && status.pairingCode) {
    parts.push(
      `<p>On Lina's phone open WhatsApp → Linked devices → Link a device → Link with phone number instead, and type:</p>`,
      `<p class="code">${escapeHtml(status.pairingCode)}</p>`,
    );
  } else if (status.state === 'pairing' && status.qrPng) {
    parts.push(
      `<p>On Lina's phone open WhatsApp → Linked devices → Link a device, and scan:</p>`,
      `<img alt="WhatsApp pairing QR code" width="264" height="264" src="${escapeHtml(status.qrPng)}">`,
      `<p>The code changes every few seconds; this page follows it.</p>`,
    );
  }
  if (status.state === 'replaced') {
    parts.push('<p>Close the other WhatsApp Web session, then restart Lina.</p>');
  }
  if (status.retryAt) parts.push(`<p>Next attempt at ${escapeHtml(status.retryAt.toISOString())}.</p>`);
  parts.push(describeDisconnect(status), `<p class="since">Since ${escapeHtml(status.since.toISOString())}.</p>`);
  return parts.join('\n');
}

function renderPage(status: WhatsAppStatus): string {
  const refresh = SETTLED.has(status.state) ? '' : `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}
<title>Lina · WhatsApp</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2939; }
img { image-rendering: pixelated; border: 1px solid #d0d5dd; }
.code { font: 600 2.5rem ui-monospace, monospace; letter-spacing: .2em; }
.since { color: #667085; }
</style>
</head>
<body data-state="${escapeHtml(status.state)}">
${renderBody(status)}
</body>
</html>
`;
}

/**
 * A node request handler for the page. Answers 403 to anyone not on this machine and 405 to
 * anything but GET and HEAD.
 */
export function createPairingPage(status: () => WhatsAppStatus): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!isLocalRequest(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Forbidden: the WhatsApp pairing page is only served to this machine.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Method not allowed\n');
      return;
    }
    const body = renderPage(status());
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
