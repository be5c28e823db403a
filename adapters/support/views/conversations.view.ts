import { isSiteCode, SITES, siteName } from '../../../bot/domain.js';
import { CHANNELS } from '../../../bot/messages.js';
import { OUTCOMES, type ConversationSummary, type SearchCursor, type Subject } from '../../../bot/ports/support/conversations.js';
import { formatInstant } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { maskDocument, maskPhone } from '../masking.js';
import { searchQueryString, type SearchError, type SearchForm } from '../search-query.js';
import { hasText, t } from '../support-texts.js';

/** How a conversation's site reads: its name, or "no site". */
export function siteLabel(site: string | undefined): string {
  if (!site) return t('common.noSite');
  return isSiteCode(site) ? siteName(site) : site;
}

export function channelLabel(channel: string): string {
  return hasText(`channels.${channel}`) ? t(`channels.${channel}`) : channel;
}

export function outcomeLabel(outcome: string | undefined): string {
  if (!outcome) return t('outcomes.none');
  return hasText(`outcomes.${outcome}`) ? t(`outcomes.${outcome}`) : outcome;
}

/** A subject's value as the viewer may see it. */
export function subjectValue(subject: Subject, unmasked: boolean): string {
  if (unmasked || subject.kind === 'radicado') return subject.value;
  return subject.kind === 'phone' ? maskPhone(subject.value) : maskDocument(subject.value);
}

function option(value: string, label: string, selected: string): SafeHtml {
  return html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
}

/** The search form and one page of results. */
export function renderSearch(params: {
  form: SearchForm;
  errors: SearchError[];
  rows: ConversationSummary[];
  subjects: Map<string, Subject[]>;
  next: SearchCursor | undefined;
  paged: boolean;
  unmasked: boolean;
}): SafeHtml {
  const { form } = params;
  const subjectsOf = (id: string, kind: Subject['kind']) =>
    (params.subjects.get(id) ?? []).filter((subject) => subject.kind === kind).map((subject) => subjectValue(subject, params.unmasked));
  return html`
<form method="get" action="/support/conversations" class="card search" role="search">
  <div class="grid">
    <label>${t('search.phone')}<input name="phone" value="${form.phone}" inputmode="tel" maxlength="30"></label>
    <label>${t('search.document')}<input name="document" value="${form.document}" maxlength="30"></label>
    <label>${t('search.radicado')}<input name="radicado" value="${form.radicado}" placeholder="RISS-2026-000101" maxlength="30"></label>
    <label>${t('search.site')}<select name="site">${option('', t('search.any'), form.site)}${option('none', t('common.noSite'), form.site)}${SITES.map((site) => option(site.code, site.name, form.site))}</select></label>
    <label>${t('search.channel')}<select name="channel">${option('', t('search.any'), form.channel)}${CHANNELS.map((channel) => option(channel, channelLabel(channel), form.channel))}</select></label>
    <label>${t('search.outcome')}<select name="outcome">${option('', t('search.any'), form.outcome)}${OUTCOMES.map((outcome) => option(outcome, outcomeLabel(outcome), form.outcome))}</select></label>
    <label>${t('search.from')}<input type="date" name="from" value="${form.from}"></label>
    <label>${t('search.to')}<input type="date" name="to" value="${form.to}"></label>
  </div>
  <p class="hint">${t('search.hint')}</p>
  <button type="submit">${t('search.submit')}</button>
</form>
${params.errors.length ? html`<ul class="errors" role="alert">${params.errors.map((error) => html`<li>${t(`search.errors.${error}`)}</li>`)}</ul>` : ''}
${
  params.rows.length === 0
    ? html`<p class="empty">${t('search.none')}</p>`
    : html`<table class="results">
<thead><tr><th>${t('search.columns.started')}</th><th>${t('search.columns.channel')}</th><th>${t('search.columns.site')}</th><th>${t('search.columns.outcome')}</th><th>${t('search.columns.phone')}</th><th>${t('search.columns.document')}</th><th>${t('search.columns.radicado')}</th><th></th></tr></thead>
<tbody>${params.rows.map(
        (row) => html`<tr>
  <td>${formatInstant(row.startedAt)}</td>
  <td>${channelLabel(row.channel)}</td>
  <td>${siteLabel(row.site)}</td>
  <td><span class="outcome outcome-${row.outcome ?? 'none'}">${outcomeLabel(row.outcome)}</span></td>
  <td>${subjectsOf(row.id, 'phone').join(', ')}</td>
  <td class="document">${subjectsOf(row.id, 'document').join(', ')}</td>
  <td>${subjectsOf(row.id, 'radicado').join(', ')}</td>
  <td><a href="/support/conversations/${encodeURIComponent(row.id)}">${t('search.open')}</a></td>
</tr>`,
      )}</tbody>
</table>`
}
<p class="pager">${params.paged ? html`<a href="/support/conversations?${searchQueryString(form)}">${t('search.firstPage')}</a> ` : ''}${
    params.next ? html`<a rel="next" href="/support/conversations?${searchQueryString(form, params.next)}">${t('search.nextPage')}</a>` : ''
  }</p>`;
}
