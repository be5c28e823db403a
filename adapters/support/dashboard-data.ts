/**
 * The dashboard's figures: activity per day, site and channel from Lina's own records, and
 * the program's goal metric (the share of general-medicine and pediatrics bookings made
 * through digital channels, per site) from the agenda's booking counts.
 */
import { SITES, type SiteCode, type Specialty } from '../../bot/domain.js';
import type { AgendaService } from '../../bot/ports.js';
import type { ActivityRow } from '../../bot/ports/support/dashboard.js';

export type BookingStatsRow = Awaited<ReturnType<AgendaService['bookingStats']>>[number];

/** One line of the digital-share table. `site` and `specialty` are `undefined` on total lines. */
export interface ShareRow {
  site: SiteCode | undefined;
  specialty: Specialty | undefined;
  digital: number;
  callCenter: number;
  inPerson: number;
  total: number;
  /** Digital bookings over all bookings, 0..1; `undefined` without bookings. */
  share: number | undefined;
}

/** Bookings that waited on an empty search, over those that searched: `undefined` when none searched. */
export function noAvailabilityRate(row: Pick<ActivityRow, 'noAvailability' | 'bookingsStarted'>): number | undefined {
  return row.bookingsStarted > 0 ? row.noAvailability / row.bookingsStarted : undefined;
}

/** Per site and specialty, then per site, then all sites: digital, call centre and in person. */
export function digitalShare(rows: BookingStatsRow[]): { bySiteAndSpecialty: ShareRow[]; bySite: ShareRow[]; total: ShareRow } {
  const empty = (site: SiteCode | undefined, specialty: Specialty | undefined): ShareRow => ({
    site,
    specialty,
    digital: 0,
    callCenter: 0,
    inPerson: 0,
    total: 0,
    share: undefined,
  });
  const add = (target: ShareRow, row: BookingStatsRow) => {
    if (row.channel === 'digital') target.digital += row.bookings;
    else if (row.channel === 'call_center') target.callCenter += row.bookings;
    else target.inPerson += row.bookings;
    target.total += row.bookings;
  };
  const detailed = new Map<string, ShareRow>();
  const perSite = new Map<SiteCode, ShareRow>();
  const total = empty(undefined, undefined);
  for (const row of rows) {
    const key = `${row.site}|${row.specialty}`;
    const line = detailed.get(key) ?? empty(row.site, row.specialty);
    detailed.set(key, line);
    add(line, row);
    const site = perSite.get(row.site) ?? empty(row.site, undefined);
    perSite.set(row.site, site);
    add(site, row);
    add(total, row);
  }
  const finish = (line: ShareRow) => ({ ...line, share: line.total > 0 ? line.digital / line.total : undefined });
  const siteOrder = (site: SiteCode | undefined) => SITES.findIndex((each) => each.code === site);
  return {
    bySiteAndSpecialty: [...detailed.values()].map(finish).sort((a, b) => siteOrder(a.site) - siteOrder(b.site) || String(a.specialty).localeCompare(String(b.specialty))),
    bySite: [...perSite.values()].map(finish).sort((a, b) => siteOrder(a.site) - siteOrder(b.site)),
    total: finish(total),
  };
}

/** Sums of the activity table per day, for the chart. */
export function totalsByDay(rows: ActivityRow[]): Array<{ day: string; conversations: number; bookings: number; noAvailability: number; abandoned: number; errors: number }> {
  const days = new Map<string, { day: string; conversations: number; bookings: number; noAvailability: number; abandoned: number; errors: number }>();
  for (const row of rows) {
    const day = days.get(row.day) ?? { day: row.day, conversations: 0, bookings: 0, noAvailability: 0, abandoned: 0, errors: 0 };
    days.set(row.day, day);
    day.conversations += row.conversations;
    day.bookings += row.bookings;
    day.noAvailability += row.noAvailability;
    day.abandoned += row.abandoned;
    day.errors += row.errors;
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** `0.4567` → `45,7 %`. */
export function formatShare(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${(value * 100).toLocaleString('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}
