import { DOCUMENT_TYPES, SITES } from '../../../bot/domain.js';
import type { SupportSession } from '../../../bot/ports/support/sessions.js';
import {
  EXCLUDED_CATEGORIES,
  INCIDENT_CATEGORIES,
  INCIDENT_CHANNELS,
  INCIDENT_STATUSES,
  SERVICE_POINTS,
  type ExcludedCategory,
  type Incident,
  type IncidentStatus,
} from '../../../bot/ports/support/incidents.js';
import type { ConversationSummary } from '../../../bot/ports/support/conversations.js';
import { formatInstant } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { MAX_EVIDENCE_BYTES, type IncidentDraft, type IncidentErrors } from '../incident-form.js';
import { maskDocument, maskEmail, maskPhone, maskText } from '../masking.js';
import { t } from '../support-texts.js';
import { channelLabel, outcomeLabel, siteLabel } from './conversations.view.js';
import { csrfField } from './layout.view.js';

function statusBadge(status: IncidentStatus): SafeHtml {
  return html`<span class="status status-${status}">${t(`incidents.statuses.${status}`)}</span>`;
}

/** A table of incidents; personal data masked unless `unmasked`. */
export function renderIncidentList(incidents: Incident[], unmasked: boolean): SafeHtml {
  return html`<table class="results incidents">
<thead><tr><th>#</th><th>${t('incidents.columns.created')}</th><th>${t('incidents.columns.status')}</th><th>${t('incidents.columns.channels')}</th><th>${t('incidents.columns.member')}</th><th>${t('incidents.columns.document')}</th><th>${t('incidents.columns.registeredBy')}</th><th></th></tr></thead>
<tbody>${incidents.map(
    (incident) => html`<tr>
  <td>${incident.id}</td>
  <td>${formatInstant(incident.createdAt)}</td>
  <td>${statusBadge(incident.status)}</td>
  <td>${incident.channels.map((channel) => t(`incidents.channels.${channel}`)).join(', ')}</td>
  <td>${incident.memberName}</td>
  <td class="document">${incident.documentType} ${unmasked ? incident.documentNumber : maskDocument(incident.documentNumber)}</td>
  <td>${incident.registeredBy}</td>
  <td><a href="/support/incidents/${incident.id}">${t('incidents.open')}</a></td>
</tr>`,
  )}</tbody></table>`;
}

export function renderIncidentsPage(params: {
  incidents: Incident[];
  status: IncidentStatus | undefined;
  next: number | undefined;
  unmasked: boolean;
  created?: number;
}): SafeHtml {
  const tab = (status: IncidentStatus | undefined) =>
    html`<a href="/support/incidents${status ? `?status=${status}` : ''}"${status === params.status ? html` aria-current="page"` : ''}>${
      status ? t(`incidents.statuses.${status}`) : t('incidents.all')
    }</a>`;
  return html`
${params.created ? html`<p class="notice" role="status">${t('incidents.created', { id: params.created })}</p>` : ''}
<p class="actions"><a class="button" href="/support/incidents/new">${t('incidents.new')}</a></p>
<nav class="tabs">${tab(undefined)} ${INCIDENT_STATUSES.map((status) => tab(status))}</nav>
${params.incidents.length ? renderIncidentList(params.incidents, params.unmasked) : html`<p class="empty">${t('incidents.none')}</p>`}
${params.next ? html`<p class="pager"><a rel="next" href="/support/incidents?${new URLSearchParams({ ...(params.status ? { status: params.status } : {}), before: String(params.next) }).toString()}">${t('incidents.nextPage')}</a></p>` : ''}`;
}

const checked = (on: boolean) => (on ? html` checked` : '');
const selected = (on: boolean) => (on ? html` selected` : '');

function fieldError(errors: IncidentErrors, name: string): SafeHtml | string {
  const error = errors[name];
  return error ? html`<span class="field-error" id="${name}-error">${t(`incidents.errors.${error}`)}</span>` : '';
}

/**
 * The incident form. `excluded` shows why the case was refused and where it goes instead;
 * `confirmable` adds the box to say a keyword match is not that case.
 */
export function renderIncidentForm(params: {
  session: SupportSession;
  draft: IncidentDraft;
  errors: IncidentErrors;
  excluded?: { reason: ExcludedCategory; confirmable: boolean };
}): SafeHtml {
  const { draft, errors } = params;
  const value = (name: string) => draft[name] ?? '';
  const channels = new Set((draft.channels ?? '').split(',').filter(Boolean));
  const hasErrors = Object.keys(errors).length > 0;
  return html`
${
  params.excluded
    ? html`<section class="refusal" role="alert">
  <h2>${t('incidents.excluded.title')}</h2>
  <p><strong>${t(`incidents.excluded.${params.excluded.reason}.what`)}</strong></p>
  <p>${t(`incidents.excluded.${params.excluded.reason}.route`)}</p>
  ${params.excluded.confirmable ? html`<p>${t('incidents.excluded.confirmHint')}</p>` : ''}
</section>`
    : ''
}
${hasErrors ? html`<p class="error" role="alert">${t('incidents.fixErrors')}</p>` : ''}
<aside class="card guidance">
  <h2>${t('incidents.guidance.title')}</h2>
  <p>${t('incidents.guidance.notHere')}</p>
  <ul>${EXCLUDED_CATEGORIES.map((category) => html`<li>${t(`incidents.categories.${category}`)}</li>`)}</ul>
</aside>
<form method="post" action="/support/incidents" enctype="multipart/form-data" class="card incident-form" novalidate>
  ${csrfField(params.session)}
  <input type="hidden" name="conversationId" value="${value('conversationId')}">
  <fieldset>
    <legend>${t('incidents.form.channels')}</legend>
    ${INCIDENT_CHANNELS.map((channel) => html`<label class="check"><input type="checkbox" name="channels" value="${channel}"${checked(channels.has(channel))}> ${t(`incidents.channels.${channel}`)}</label>`)}
    ${fieldError(errors, 'channels')}
  </fieldset>
  <label>${t('incidents.form.category')}
    <select name="category" required>
      <option value="">${t('incidents.form.choose')}</option>
      ${INCIDENT_CATEGORIES.map((category) => html`<option value="${category}"${selected(value('category') === category)}>${t(`incidents.categories.${category}`)}</option>`)}
      <optgroup label="${t('incidents.form.notEscalated')}">
      ${EXCLUDED_CATEGORIES.map((category) => html`<option value="${category}"${selected(value('category') === category)}>${t(`incidents.categories.${category}`)}</option>`)}
      </optgroup>
    </select>${fieldError(errors, 'category')}</label>
  <fieldset>
    <legend>${t('incidents.form.member')}</legend>
    <div class="grid">
    <label>${t('incidents.form.documentType')}<select name="documentType" required>
      <option value="">${t('incidents.form.choose')}</option>
      ${DOCUMENT_TYPES.map((type) => html`<option value="${type}"${selected(value('documentType') === type)}>${t(`documentTypes.${type}`)}</option>`)}
    </select>${fieldError(errors, 'documentType')}</label>
    <label>${t('incidents.form.documentNumber')}<input name="documentNumber" required maxlength="30" value="${value('documentNumber')}">${fieldError(errors, 'documentNumber')}</label>
    <label>${t('incidents.form.memberName')}<input name="memberName" required maxlength="120" value="${value('memberName')}">${fieldError(errors, 'memberName')}</label>
    <label>${t('incidents.form.contactPhone')}<input name="contactPhone" inputmode="tel" maxlength="30" value="${value('contactPhone')}">${fieldError(errors, 'contactPhone')}</label>
    <label>${t('incidents.form.contactEmail')}<input name="contactEmail" type="email" maxlength="200" value="${value('contactEmail')}">${fieldError(errors, 'contactEmail')}</label>
    </div>
  </fieldset>
  <fieldset>
    <legend>${t('incidents.form.when')}</legend>
    <div class="grid">
    <label>${t('incidents.form.occurredAt')}<input type="datetime-local" name="occurredAt" required value="${value('occurredAt')}">${fieldError(errors, 'occurredAt')}</label>
    <label>${t('incidents.form.servedVia')}<select name="servedVia" required>
      <option value="">${t('incidents.form.choose')}</option>
      ${SERVICE_POINTS.map((point) => html`<option value="${point}"${selected(value('servedVia') === point)}>${t(`incidents.servicePoints.${point}`)}</option>`)}
    </select>${fieldError(errors, 'servedVia')}</label>
    <label>${t('incidents.form.servedSite')}<select name="servedSite">
      <option value="">${t('incidents.form.noSite')}</option>
      ${SITES.map((site) => html`<option value="${site.code}"${selected(value('servedSite') === site.code)}>${site.name}</option>`)}
    </select>${fieldError(errors, 'servedSite')}</label>
    <label>${t('incidents.form.registeredBy')}<input name="registeredBy" required maxlength="120" value="${value('registeredBy') || params.session.userName}">${fieldError(errors, 'registeredBy')}</label>
    </div>
  </fieldset>
  <label>${t('incidents.form.description')}
    <textarea name="description" required rows="5" maxlength="4000" placeholder="${t('incidents.form.descriptionExample')}">${value('description')}</textarea>
    <span class="hint">${t('incidents.form.descriptionHint')}</span>${fieldError(errors, 'description')}</label>
  <label>${t('incidents.form.errorMessage')}
    <input name="errorMessage" maxlength="1000" value="${value('errorMessage')}" placeholder="${t('incidents.form.errorMessageExample')}">${fieldError(errors, 'errorMessage')}</label>
  <fieldset>
    <legend>${t('incidents.form.additional')}</legend>
    <div class="grid">
    <label>${t('incidents.form.browser')}<input name="browser" maxlength="200" value="${value('browser')}" placeholder="${t('incidents.form.browserExample')}">${fieldError(errors, 'browser')}</label>
    <label>${t('incidents.form.appVersion')}<input name="appVersion" maxlength="100" value="${value('appVersion')}">${fieldError(errors, 'appVersion')}</label>
    <label>${t('incidents.form.step')}<input name="step" maxlength="200" value="${value('step')}">${fieldError(errors, 'step')}</label>
    </div>
  </fieldset>
  <label>${t('incidents.form.evidence', { megabytes: MAX_EVIDENCE_BYTES / (1024 * 1024) })}
    <input type="file" name="evidence" accept="image/png,image/jpeg,image/webp">${fieldError(errors, 'evidence')}</label>
  <label class="check"><input type="checkbox" name="authorised" value="yes" required${checked(value('authorised') === 'yes')}> ${t('incidents.form.authorised')}</label>
  ${fieldError(errors, 'authorised')}
  ${params.excluded?.confirmable ? html`<label class="check"><input type="checkbox" name="notExcluded" value="yes"> ${t('incidents.form.notExcluded')}</label>` : ''}
  <button type="submit">${t('incidents.form.submit')}</button>
</form>`;
}

export function renderIncidentDetail(params: {
  incident: Incident;
  conversations: ConversationSummary[];
  unmasked: boolean;
  canChangeStatus: boolean;
  session: SupportSession;
}): SafeHtml {
  const { incident, unmasked } = params;
  const show = (text: string | undefined) => (text === undefined ? '—' : unmasked ? text : maskText(text));
  return html`
<section class="card details">
<dl>
  <dt>${t('incidents.columns.status')}</dt><dd>${statusBadge(incident.status)}</dd>
  <dt>${t('incidents.form.channels')}</dt><dd>${incident.channels.map((channel) => t(`incidents.channels.${channel}`)).join(', ')}</dd>
  <dt>${t('incidents.form.category')}</dt><dd>${t(`incidents.categories.${incident.category}`)}</dd>
  <dt>${t('incidents.form.memberName')}</dt><dd>${incident.memberName}</dd>
  <dt>${t('incidents.form.documentNumber')}</dt><dd class="document">${incident.documentType} ${unmasked ? incident.documentNumber : maskDocument(incident.documentNumber)}</dd>
  <dt>${t('incidents.form.contactPhone')}</dt><dd>${incident.contactPhone ? (unmasked ? incident.contactPhone : maskPhone(incident.contactPhone)) : '—'}</dd>
  <dt>${t('incidents.form.contactEmail')}</dt><dd>${incident.contactEmail ? (unmasked ? incident.contactEmail : maskEmail(incident.contactEmail)) : '—'}</dd>
  <dt>${t('incidents.form.occurredAt')}</dt><dd>${formatInstant(incident.occurredAt)}</dd>
  <dt>${t('incidents.form.servedVia')}</dt><dd>${t(`incidents.servicePoints.${incident.servedVia}`)}${incident.servedSite ? ` · ${siteLabel(incident.servedSite)}` : ''}</dd>
  <dt>${t('incidents.form.registeredBy')}</dt><dd>${incident.registeredBy} (${incident.createdByName})</dd>
  <dt>${t('incidents.columns.created')}</dt><dd>${formatInstant(incident.createdAt)}</dd>
  <dt>${t('incidents.form.description')}</dt><dd class="prose">${show(incident.description)}</dd>
  <dt>${t('incidents.form.errorMessage')}</dt><dd class="prose">${show(incident.errorMessage)}</dd>
  <dt>${t('incidents.form.browser')}</dt><dd>${incident.browser ?? '—'}</dd>
  <dt>${t('incidents.form.appVersion')}</dt><dd>${incident.appVersion ?? '—'}</dd>
  <dt>${t('incidents.form.step')}</dt><dd>${show(incident.step)}</dd>
  <dt>${t('incidents.evidence')}</dt><dd>${incident.evidenceType ? html`<a href="/support/incidents/${incident.id}/evidence"><img class="evidence" src="/support/incidents/${incident.id}/evidence" alt="${t('incidents.evidenceAlt')}"></a>` : '—'}</dd>
  <dt>${t('incidents.authorisation')}</dt><dd>${t('incidents.authorisedYes')}</dd>
</dl>
</section>
${
  params.canChangeStatus
    ? html`<form method="post" action="/support/incidents/${incident.id}/status" class="card inline-form">
  ${csrfField(params.session)}
  <label>${t('incidents.changeStatus')} <select name="status">${INCIDENT_STATUSES.map((status) => html`<option value="${status}"${selected(status === incident.status)}>${t(`incidents.statuses.${status}`)}</option>`)}</select></label>
  <button type="submit">${t('incidents.saveStatus')}</button>
</form>`
    : ''
}
<section>
<h2>${t('incidents.conversations')}</h2>
${
  params.conversations.length
    ? html`<ul class="linked">${params.conversations.map(
        (conversation) =>
          html`<li><a href="/support/conversations/${encodeURIComponent(conversation.id)}">${formatInstant(conversation.startedAt)} · ${channelLabel(conversation.channel)} · ${siteLabel(conversation.site)} · ${outcomeLabel(conversation.outcome)}</a></li>`,
      )}</ul>`
    : html`<p class="empty">${t('incidents.noConversations')}</p>`
}
</section>`;
}
