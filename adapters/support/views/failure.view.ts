import type { SupportSession } from '../../../bot/ports/support/sessions.js';
import { NOTICE_CHANNELS, type ManualFailureNotice, type NoticeChannel } from '../../../bot/ports/support/failure-notices.js';
import { formatInstant } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { t } from '../support-texts.js';
import { ESCALATION_AFTER_MS, csrfField } from './layout.view.js';

/** Longest failure message: it has to fit in one chat bubble. */
export const MAX_NOTICE_LENGTH = 600;

/** What the failure form could not accept (`failure.errors.*`). */
export type FailureError = 'channel' | 'textRequired' | 'textTooLong' | 'endsAtInvalid' | 'endsAtPast';

/** What the switch just did, said once after the redirect (`failure.done.*`). */
export const FAILURE_DONE = ['on', 'updated', 'off', 'alreadyOff'] as const;
export type FailureDone = (typeof FAILURE_DONE)[number];

export function isFailureDone(value: string): value is FailureDone {
  return (FAILURE_DONE as readonly string[]).includes(value);
}

/**
 * The message proposed for a channel: what happened and where to go meanwhile (the phone
 * line, and the other digital channel).
 */
export function defaultNoticeText(channel: NoticeChannel, support: { phone: string; hours: string }): string {
  return t('failure.defaultText', { alternatives: t(`failure.alternatives.${channel}`), phone: support.phone, hours: support.hours });
}

export function renderFailurePage(params: {
  session: SupportSession;
  now: number;
  active: ManualFailureNotice[];
  history: ManualFailureNotice[];
  circuit: { open: boolean; since?: Date };
  support: { phone: string; hours: string };
  form?: { channel: string; text: string; endsAt: string };
  errors?: FailureError[];
  done?: FailureDone;
}): SafeHtml {
  const { session, now } = params;
  const channel = (params.form?.channel || 'all') as NoticeChannel;
  const text = params.form?.text ?? defaultNoticeText(channel, params.support);
  const defaults = Object.fromEntries(NOTICE_CHANNELS.map((each) => [each, defaultNoticeText(each, params.support)]));
  const overdue = (since: number) => now - since > ESCALATION_AFTER_MS;
  return html`
${params.done ? html`<p class="notice" role="status">${t(`failure.done.${params.done}`)}</p>` : ''}
${params.errors?.length ? html`<ul class="errors" role="alert">${params.errors.map((error) => html`<li>${t(`failure.errors.${error}`)}</li>`)}</ul>` : ''}
<section class="card">
  <h2>${t('failure.agendaTitle')}</h2>
  <p class="${params.circuit.open ? 'state-bad' : 'state-good'}" id="agenda-circuit">${
    params.circuit.open ? t('failure.agendaOpen', { since: params.circuit.since ? formatInstant(params.circuit.since.getTime()) : '—' }) : t('failure.agendaClosed')
  }</p>
  <p class="hint">${t('failure.agendaHint')}</p>
</section>
<section class="card">
  <h2>${t('failure.activeTitle')}</h2>
  ${
    params.active.length === 0
      ? html`<p class="empty" id="no-active-notice">${t('failure.noneActive')}</p>`
      : html`<ul class="notices">${params.active.map(
          (notice) => html`<li class="${overdue(notice.startedAt) ? 'notice-item overdue' : 'notice-item'}" data-channel="${notice.channel}">
  <p><strong>${t(`noticeChannelNames.${notice.channel}`)}</strong> · ${t('failure.since', { since: formatInstant(notice.startedAt), by: notice.startedBy })}${
    notice.endsAt ? ` · ${t('failure.until', { endsAt: formatInstant(notice.endsAt) })}` : ''
  }${overdue(notice.startedAt) ? html` <strong class="escalate">${t('failure.escalate')}</strong>` : ''}</p>
  <blockquote>${notice.text}</blockquote>
  <form method="post" action="/support/failure/${notice.id}/off" class="inline" data-confirm="${t('failure.confirmOff')}">
    ${csrfField(session)}<button type="submit" class="danger">${t('failure.switchOff')}</button>
  </form>
</li>`,
        )}</ul>`
  }
</section>
<section class="card">
  <h2>${t('failure.formTitle')}</h2>
  <form method="post" action="/support/failure" id="failure-form">
    ${csrfField(session)}
    <label>${t('failure.channel')}<select name="channel" id="notice-channel">${NOTICE_CHANNELS.map(
      (each) => html`<option value="${each}"${each === channel ? html` selected` : ''} data-default-text="${defaults[each] ?? ''}">${t(`noticeChannelNames.${each}`)}</option>`,
    )}</select></label>
    <label>${t('failure.text')}<textarea name="text" id="notice-text" rows="5" maxlength="${MAX_NOTICE_LENGTH}" required>${text}</textarea></label>
    <p class="hint">${t('failure.textHint')}</p>
    <label>${t('failure.endsAt')}<input type="datetime-local" name="endsAt" value="${params.form?.endsAt ?? ''}"></label>
    <p class="hint">${t('failure.endsAtHint')}</p>
    <button type="submit" class="danger">${t('failure.switchOn')}</button>
  </form>
</section>
<section>
  <h2>${t('failure.historyTitle')}</h2>
  ${
    params.history.length === 0
      ? html`<p class="empty">${t('failure.noHistory')}</p>`
      : html`<table class="results"><thead><tr><th>${t('failure.channel')}</th><th>${t('failure.startedAt')}</th><th>${t('failure.startedBy')}</th><th>${t('failure.stoppedAt')}</th><th>${t('failure.text')}</th></tr></thead>
<tbody>${params.history.map(
          (notice) =>
            html`<tr><td>${t(`noticeChannelNames.${notice.channel}`)}</td><td>${formatInstant(notice.startedAt)}</td><td>${notice.startedBy}</td><td>${
              notice.stoppedAt
                ? `${formatInstant(notice.stoppedAt)} (${notice.stoppedBy ?? ''})`
                : notice.endsAt && notice.endsAt <= now
                  ? t('failure.expired', { endsAt: formatInstant(notice.endsAt) })
                  : t('failure.stillOn')
            }</td><td>${notice.text}</td></tr>`,
        )}</tbody></table>`
  }
</section>`;
}
