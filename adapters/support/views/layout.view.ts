import type { NoticeChannel } from '../../../bot/ports/support/failure-notices.js';
import type { SupportSession } from '../../../bot/ports/support/sessions.js';
import { formatInstant } from '../format.js';
import { html, type HtmlValue, type SafeHtml } from '../html.js';
import { can, type Permission } from '../roles.js';
import { SUPPORT_LANGUAGE, t } from '../support-texts.js';

/** A failure in progress, for the banner every page shows. */
export interface BannerItem {
  source: 'manual' | 'agenda';
  /** The channel a manual notice covers (`all` for every channel). */
  channel?: NoticeChannel;
  since: number;
  endsAt?: number;
}

/** A failure longer than this triggers the escalation protocol. */
export const ESCALATION_AFTER_MS = 3 * 60 * 60 * 1000;

export type NavItem = 'conversations' | 'incidents' | 'failure' | 'dashboard' | 'audit';

const NAV: ReadonlyArray<{ item: NavItem; href: string; permission: Permission }> = [
  { item: 'conversations', href: '/support/conversations', permission: 'searchConversations' },
  { item: 'incidents', href: '/support/incidents', permission: 'readIncidents' },
  { item: 'failure', href: '/support/failure', permission: 'runFailureSwitch' },
  { item: 'dashboard', href: '/support/dashboard', permission: 'readDashboard' },
  { item: 'audit', href: '/support/audit', permission: 'readAudit' },
];

export interface PageFrame {
  title: string;
  now: number;
  session?: SupportSession;
  banner?: BannerItem[];
  active?: NavItem;
  /** Pages with charts load Chart.js (served from node_modules, never a CDN). */
  charts?: boolean;
  body: HtmlValue;
}

/** A complete console page: header, navigation, failure banner and content. */
export function renderPage(frame: PageFrame): string {
  const { session } = frame;
  return html`<!doctype html>
<html lang="${SUPPORT_LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} · ${t('app.name')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/support/assets/console.css">
${frame.charts ? html`<script src="/support/assets/chart.umd.min.js" defer></script>` : ''}
${session ? html`<script src="/support/assets/console.js" defer></script>` : ''}
</head>
<body>
<header class="top">
  <a class="brand" href="/support/">${t('app.name')}</a>
  ${session ? renderNav(session, frame.active) : ''}
  ${
    session
      ? html`<div class="who"><span class="user">${session.userName}</span> <span class="role">${t(`roles.${session.role}`)}</span>
      <form method="post" action="/support/logout" class="inline">${csrfField(session)}<button type="submit" class="link">${t('auth.signOut')}</button></form></div>`
      : ''
  }
</header>
${session && frame.banner?.length ? renderBanner(frame.banner, frame.now) : ''}
<main>
<h1>${frame.title}</h1>
${frame.body}
</main>
</body>
</html>
`.toString();
}

function renderNav(session: SupportSession, active: NavItem | undefined): SafeHtml {
  const items = NAV.filter((entry) => can(session.role, entry.permission));
  return html`<nav><ul>${items.map(
    (entry) => html`<li><a href="${entry.href}"${entry.item === active ? html` aria-current="page"` : ''}>${t(`nav.${entry.item}`)}</a></li>`,
  )}</ul></nav>`;
}

function renderBanner(items: BannerItem[], now: number): SafeHtml {
  return html`<section class="banner" role="alert" aria-label="${t('banner.label')}">${items.map((item) => {
    const overdue = now - item.since > ESCALATION_AFTER_MS;
    const what =
      item.source === 'agenda'
        ? t('banner.agenda', { since: formatInstant(item.since) })
        : t('banner.manual', { channel: t(`noticeChannels.${item.channel ?? 'all'}`), since: formatInstant(item.since) });
    return html`<p class="${overdue ? 'banner-item overdue' : 'banner-item'}" data-source="${item.source}">${what}${
      item.endsAt ? html` ${t('banner.endsAt', { endsAt: formatInstant(item.endsAt) })}` : ''
    }${overdue ? html` <strong>${t('banner.overdue')}</strong>` : ''}</p>`;
  })}</section>`;
}

/** The hidden field every form of a signed-in page carries. */
export function csrfField(session: SupportSession): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;
}

/** A short page with one message: refusals, not found, errors. */
export function renderMessagePage(frame: Omit<PageFrame, 'body'> & { message: string; back?: { href: string; label: string } }): string {
  return renderPage({
    ...frame,
    body: html`<p class="message">${frame.message}</p>${frame.back ? html`<p><a href="${frame.back.href}">${frame.back.label}</a></p>` : ''}`,
  });
}
