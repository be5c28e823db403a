import type { AuditEntry } from '../../../bot/ports/support/audit-log.js';
import { formatInstant } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { t } from '../support-texts.js';

export function renderAudit(params: { entries: AuditEntry[]; conversation: string; user: string; next: number | undefined }): SafeHtml {
  const more = new URLSearchParams({
    ...(params.conversation ? { conversation: params.conversation } : {}),
    ...(params.user ? { user: params.user } : {}),
    ...(params.next ? { before: String(params.next) } : {}),
  });
  return html`
<form method="get" action="/support/audit" class="card search">
  <div class="grid">
    <label>${t('audit.conversation')}<input name="conversation" value="${params.conversation}" maxlength="100"></label>
    <label>${t('audit.user')}<input name="user" value="${params.user}" maxlength="64"></label>
  </div>
  <button type="submit">${t('audit.submit')}</button>
</form>
${
  params.entries.length === 0
    ? html`<p class="empty">${t('audit.none')}</p>`
    : html`<table class="results" id="audit">
<thead><tr><th>${t('audit.when')}</th><th>${t('audit.user')}</th><th>${t('audit.action')}</th><th>${t('audit.target')}</th><th>${t('audit.detail')}</th></tr></thead>
<tbody>${params.entries.map(
        (entry) => html`<tr>
  <td>${formatInstant(entry.at)}</td>
  <td>${entry.userName}</td>
  <td>${t(`audit.actions.${entry.action}`)}</td>
  <td>${entry.conversationId ? html`<a href="/support/conversations/${encodeURIComponent(entry.conversationId)}">${entry.conversationId}</a>` : ''}${
    entry.incidentId ? html`<a href="/support/incidents/${entry.incidentId}">${t('audit.incident', { id: entry.incidentId })}</a>` : ''
  }</td>
  <td>${entry.detail ?? ''}</td>
</tr>`,
      )}</tbody></table>`
}
${params.next ? html`<p class="pager"><a rel="next" href="/support/audit?${more.toString()}">${t('audit.nextPage')}</a></p>` : ''}`;
}
