import type { Request, Router } from 'express';

import { addDays, bogotaDate } from '../../../bot/calendar.js';
import { CHANNELS } from '../../../bot/messages.js';
import { isSiteCode } from '../../../bot/domain.js';
import type { ActivityRow } from '../../../bot/ports/support/dashboard.js';
import { field, requirePermission, sendPage, type ConsoleContext } from '../console-context.js';
import { toCsv } from '../csv.js';
import { digitalShare, formatShare, type BookingStatsRow } from '../dashboard-data.js';
import { dayRange, isDay } from '../format.js';
import { t } from '../support-texts.js';
import { siteLabel, channelLabel } from '../views/conversations.view.js';
import { ACTIVITY_COLUMNS, activityValue, renderDashboard, type DashboardError, type DashboardForm } from '../views/dashboard.view.js';

/** Default period: the last 7 days, today included. */
const DEFAULT_DAYS = 7;
/** Longest period one page covers. */
export const MAX_DASHBOARD_DAYS = 92;

interface Period {
  form: DashboardForm;
  errors: DashboardError[];
  query: string;
}

function readPeriod(req: Request, today: string): Period {
  const errors: DashboardError[] = [];
  const form: DashboardForm = {
    from: field(req.query, 'from'),
    to: field(req.query, 'to'),
    site: field(req.query, 'site'),
    channel: field(req.query, 'channel'),
  };
  if (form.from && !isDay(form.from)) {
    errors.push('from');
    form.from = '';
  }
  if (form.to && !isDay(form.to)) {
    errors.push('to');
    form.to = '';
  }
  form.to ||= today;
  form.from ||= addDays(form.to, -(DEFAULT_DAYS - 1));
  if (form.from > form.to) {
    errors.push('range');
    form.from = addDays(form.to, -(DEFAULT_DAYS - 1));
  }
  if (addDays(form.from, MAX_DASHBOARD_DAYS - 1) < form.to) {
    errors.push('tooLong');
    form.from = addDays(form.to, -(MAX_DASHBOARD_DAYS - 1));
  }
  if (form.site && form.site !== 'none' && !isSiteCode(form.site)) {
    errors.push('site');
    form.site = '';
  }
  if (form.channel && !(CHANNELS as readonly string[]).includes(form.channel)) {
    errors.push('channel');
    form.channel = '';
  }
  const query = new URLSearchParams(Object.entries(form).filter(([, value]) => value)).toString();
  return { form, errors, query };
}

/** Analysts' (and supervisors') dashboard, and a CSV of each of its tables. */
export function mountDashboardRoutes(router: Router, context: ConsoleContext): void {
  const { dashboard } = context.stores;

  const activityOf = (form: DashboardForm): ActivityRow[] =>
    dashboard
      .activity(dayRange(form.from, form.to))
      .filter((row) => !form.site || (form.site === 'none' ? row.site === '' : row.site === form.site))
      .filter((row) => !form.channel || row.channel === form.channel);

  /** The agenda's counts, narrowed to the chosen site; `undefined` when the agenda cannot answer. */
  const statsOf = async (form: DashboardForm): Promise<BookingStatsRow[] | undefined> => {
    try {
      const rows = await context.options.agenda.bookingStats({ from: form.from, to: form.to });
      return rows.filter((row) => !form.site || row.site === form.site);
    } catch (error) {
      context.logger.warn({ err: { name: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, 'support dashboard: booking stats unavailable');
      return undefined;
    }
  };

  router.get('/dashboard', requirePermission(context, 'readDashboard'), async (req, res, next) => {
    try {
      const period = readPeriod(req, bogotaDate(new Date(context.now())));
      const stats = await statsOf(period.form);
      sendPage(context, res, {
        title: t('dashboard.title'),
        active: 'dashboard',
        charts: true,
        body: renderDashboard({
          form: period.form,
          errors: period.errors,
          activity: activityOf(period.form),
          share: stats ? digitalShare(stats) : undefined,
          query: period.query,
        }),
      });
    } catch (error) {
      next(error);
    }
  });

  router.get('/dashboard/activity.csv', requirePermission(context, 'readDashboard'), (req, res) => {
    const period = readPeriod(req, bogotaDate(new Date(context.now())));
    const csv = toCsv(
      [t('dashboard.day'), t('search.site'), t('search.channel'), ...ACTIVITY_COLUMNS.map((column) => t(`dashboard.metrics.${column}`))],
      activityOf(period.form).map((row) => [row.day, siteLabel(row.site || undefined), channelLabel(row.channel), ...ACTIVITY_COLUMNS.map((column) => activityValue(row, column))]),
    );
    res.status(200).type('text/csv; charset=utf-8').attachment(`actividad-${period.form.from}-${period.form.to}.csv`).send(csv);
  });

  router.get('/dashboard/digital-share.csv', requirePermission(context, 'readDashboard'), async (req, res, next) => {
    try {
      const period = readPeriod(req, bogotaDate(new Date(context.now())));
      const stats = await statsOf(period.form);
      if (!stats) {
        res.status(503).type('text/plain; charset=utf-8').send(t('dashboard.shareUnavailable'));
        return;
      }
      const share = digitalShare(stats);
      const csv = toCsv(
        ['site', 'specialty', 'digital', 'call_center', 'in_person', 'total', 'digital_share'].map((column) => t(`dashboard.csv.${column}`)),
        [...share.bySiteAndSpecialty, share.total].map((row) => [
          row.site ? siteLabel(row.site) : t('dashboard.allSites'),
          row.specialty ? t(`specialties.${row.specialty}`) : t('dashboard.allSpecialties'),
          row.digital,
          row.callCenter,
          row.inPerson,
          row.total,
          formatShare(row.share),
        ]),
      );
      res.status(200).type('text/csv; charset=utf-8').attachment(`participacion-digital-${period.form.from}-${period.form.to}.csv`).send(csv);
    } catch (error) {
      next(error);
    }
  });
}
