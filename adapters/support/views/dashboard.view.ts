import { CHANNELS } from '../../../bot/messages.js';
import { SITES } from '../../../bot/domain.js';
import type { ActivityRow } from '../../../bot/ports/support/dashboard.js';
import { formatShare, noAvailabilityRate, totalsByDay, type ShareRow } from '../dashboard-data.js';
import { formatDay } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { t } from '../support-texts.js';
import { channelLabel, siteLabel } from './conversations.view.js';

export interface DashboardForm {
  from: string;
  to: string;
  site: string;
  channel: string;
}

/** The activity table's columns, in order: the same for the page and its CSV. */
export const ACTIVITY_COLUMNS = [
  'conversations',
  'bookings',
  'consultations',
  'cancellations',
  'reschedules',
  'casesFiled',
  'bookingsStarted',
  'noAvailability',
  'noAvailabilityRate',
  'abandoned',
  'errors',
  'agendaErrors',
  'failureNotices',
] as const;
export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number];

export function activityValue(row: ActivityRow, column: ActivityColumn): number | string {
  return column === 'noAvailabilityRate' ? formatShare(noAvailabilityRate(row)) : row[column];
}

function shareLabel(row: ShareRow): { site: string; specialty: string } {
  return {
    site: row.site ? siteLabel(row.site) : t('dashboard.allSites'),
    specialty: row.specialty ? t(`specialties.${row.specialty}`) : t('dashboard.allSpecialties'),
  };
}

/** What the dashboard's period and filters could not be read as (`dashboard.errors.*`). */
export type DashboardError = 'from' | 'to' | 'range' | 'tooLong' | 'site' | 'channel';

export function renderDashboard(params: {
  form: DashboardForm;
  errors: DashboardError[];
  activity: ActivityRow[];
  share: { bySiteAndSpecialty: ShareRow[]; bySite: ShareRow[]; total: ShareRow } | undefined;
  query: string;
}): SafeHtml {
  const { form } = params;
  const days = totalsByDay(params.activity);
  const activityChart = {
    type: 'bar',
    labels: days.map((day) => formatDay(day.day)),
    datasets: [
      { label: t('dashboard.metrics.conversations'), data: days.map((day) => day.conversations) },
      { label: t('dashboard.metrics.bookings'), data: days.map((day) => day.bookings) },
      { label: t('dashboard.metrics.noAvailability'), data: days.map((day) => day.noAvailability) },
      { label: t('dashboard.metrics.abandoned'), data: days.map((day) => day.abandoned) },
      { label: t('dashboard.metrics.errors'), data: days.map((day) => day.errors) },
    ],
  };
  const shareChart = params.share && {
    type: 'bar',
    percent: true,
    labels: params.share.bySite.map((row) => shareLabel(row).site),
    datasets: [{ label: t('dashboard.shareChart'), data: params.share.bySite.map((row) => Math.round((row.share ?? 0) * 1000) / 10) }],
  };
  const option = (value: string, label: string, chosen: string) => html`<option value="${value}"${value === chosen ? html` selected` : ''}>${label}</option>`;

  return html`
<form method="get" action="/support/dashboard" class="card search">
  <div class="grid">
    <label>${t('dashboard.from')}<input type="date" name="from" value="${form.from}" required></label>
    <label>${t('dashboard.to')}<input type="date" name="to" value="${form.to}" required></label>
    <label>${t('search.site')}<select name="site">${option('', t('search.any'), form.site)}${option('none', t('common.noSite'), form.site)}${SITES.map((site) => option(site.code, site.name, form.site))}</select></label>
    <label>${t('search.channel')}<select name="channel">${option('', t('search.any'), form.channel)}${CHANNELS.map((channel) => option(channel, channelLabel(channel), form.channel))}</select></label>
  </div>
  <button type="submit">${t('dashboard.submit')}</button>
</form>
${params.errors.length ? html`<ul class="errors" role="alert">${params.errors.map((error) => html`<li>${t(`dashboard.errors.${error}`)}</li>`)}</ul>` : ''}

<section class="card">
  <h2>${t('dashboard.goalTitle')}</h2>
  <p class="hint">${t('dashboard.goalHint')}</p>
  ${
    params.share
      ? html`<p class="headline" id="digital-share-total">${t('dashboard.goalTotal', { share: formatShare(params.share.total.share), total: params.share.total.total })}</p>
  <div class="chart"><canvas id="share-chart" role="img" aria-label="${t('dashboard.shareChart')}" data-chart="${JSON.stringify(shareChart)}"></canvas></div>
  <p class="actions"><a class="button secondary" href="/support/dashboard/digital-share.csv?${params.query}">${t('dashboard.downloadCsv')}</a></p>
  <table class="results" id="digital-share">
    <thead><tr><th>${t('dashboard.share.site')}</th><th>${t('dashboard.share.specialty')}</th><th>${t('dashboard.share.digital')}</th><th>${t('dashboard.share.callCenter')}</th><th>${t('dashboard.share.inPerson')}</th><th>${t('dashboard.share.total')}</th><th>${t('dashboard.share.share')}</th></tr></thead>
    <tbody>${[...params.share.bySiteAndSpecialty, params.share.total].map((row) => {
      const label = shareLabel(row);
      return html`<tr${row.site ? '' : html` class="total"`}><td>${label.site}</td><td>${label.specialty}</td><td>${row.digital}</td><td>${row.callCenter}</td><td>${row.inPerson}</td><td>${row.total}</td><td>${formatShare(row.share)}</td></tr>`;
    })}</tbody>
  </table>`
      : html`<p class="error" id="share-unavailable">${t('dashboard.shareUnavailable')}</p>`
  }
</section>

<section class="card">
  <h2>${t('dashboard.activityTitle')}</h2>
  <p class="hint">${t('dashboard.activityHint')}</p>
  <div class="chart"><canvas id="activity-chart" role="img" aria-label="${t('dashboard.activityChart')}" data-chart="${JSON.stringify(activityChart)}"></canvas></div>
  <p class="actions"><a class="button secondary" href="/support/dashboard/activity.csv?${params.query}">${t('dashboard.downloadCsv')}</a></p>
  ${
    params.activity.length === 0
      ? html`<p class="empty">${t('dashboard.noActivity')}</p>`
      : html`<div class="scroll"><table class="results" id="activity">
    <thead><tr><th>${t('dashboard.day')}</th><th>${t('search.site')}</th><th>${t('search.channel')}</th>${ACTIVITY_COLUMNS.map((column) => html`<th>${t(`dashboard.metrics.${column}`)}</th>`)}</tr></thead>
    <tbody>${params.activity.map(
      (row) =>
        html`<tr><td>${formatDay(row.day)}</td><td>${siteLabel(row.site || undefined)}</td><td>${channelLabel(row.channel)}</td>${ACTIVITY_COLUMNS.map(
          (column) => html`<td>${activityValue(row, column)}</td>`,
        )}</tr>`,
    )}</tbody>
  </table></div>`
  }
</section>`;
}
