import { SITE_CODES } from '../../bot/domain.js';
import { COUNTED_EVENTS, type ActivityRow, type CountedMetric, type DashboardStore } from '../../bot/ports/support/dashboard.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/**
 * The index the dashboard's event counts walk (the table is the session store's),
 * by schema version (see `Migration`).
 */
export const DASHBOARD_MIGRATIONS: readonly Migration[] = [
  {
    version: 3,
    sql: `
  -- The dashboard counts events by type (DASHBOARD_SQL.events).
  CREATE INDEX conversation_events_by_type ON conversation_events (type, at);
  `,
  },
];

const BOGOTA_OFFSET_MS = 5 * 60 * 60 * 1000;
/** An epoch-ms column as its Bogotá calendar day. */
const bogotaDay = (column: string) => `strftime('%Y-%m-%d', (${column} - ${BOGOTA_OFFSET_MS}) / 1000, 'unixepoch')`;
const SITE_LIST = SITE_CODES.map((code) => `'${code}'`).join(', ');
const EVENT_LIST = Object.values(COUNTED_EVENTS)
  .map((type) => `'${type}'`)
  .join(', ');

/**
 * The dashboard's queries, exported so a test can check with `EXPLAIN QUERY PLAN` that
 * each one reads through an index. Parameters: `from`, `to` (epoch ms, `to` exclusive).
 */
export const DASHBOARD_SQL = {
  conversations: `
    SELECT ${bogotaDay('c.started_at')} AS day, COALESCE(c.site, '') AS site, c.channel AS channel, COUNT(*) AS count
    FROM conversations AS c INDEXED BY conversations_by_start
    WHERE c.started_at >= ? AND c.started_at < ?
    GROUP BY 1, 2, 3`,
  // Outcome events name the site they happened at (the booking's site); the others take
  // the site the conversation came in from.
  events: `
    SELECT ${bogotaDay('e.at')} AS day,
           CASE WHEN e.detail IN (${SITE_LIST}) THEN e.detail ELSE COALESCE(c.site, '') END AS site,
           c.channel AS channel, e.type AS type, COUNT(*) AS count
    FROM conversation_events AS e INDEXED BY conversation_events_by_type
    JOIN conversations AS c ON c.id = e.conversation_id
    WHERE e.type IN (${EVENT_LIST}) AND e.at >= ? AND e.at < ?
    GROUP BY 1, 2, 3, 4`,
} as const;

export function createDashboardStore(db: SqliteDatabase): DashboardStore {
  const conversations = db.prepare<[number, number], { day: string; site: string; channel: string; count: number }>(DASHBOARD_SQL.conversations);
  const events = db.prepare<[number, number], { day: string; site: string; channel: string; type: string; count: number }>(DASHBOARD_SQL.events);
  const metricOf = new Map<string, CountedMetric>(Object.entries(COUNTED_EVENTS).map(([metric, type]) => [type, metric as CountedMetric]));

  return {
    activity({ from, to }) {
      const rows = new Map<string, ActivityRow>();
      const row = (day: string, site: string, channel: string) => {
        const key = `${day}|${site}|${channel}`;
        let found = rows.get(key);
        if (!found) {
          found = { day, site, channel, conversations: 0, ...zeroCounts() };
          rows.set(key, found);
        }
        return found;
      };
      for (const line of conversations.all(from, to)) row(line.day, line.site, line.channel).conversations += line.count;
      for (const line of events.all(from, to)) {
        const metric = metricOf.get(line.type);
        if (metric) row(line.day, line.site, line.channel)[metric] += line.count;
      }
      return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.site.localeCompare(b.site) || a.channel.localeCompare(b.channel));
    },
  };
}

function zeroCounts(): Record<CountedMetric, number> {
  return Object.fromEntries(Object.keys(COUNTED_EVENTS).map((metric) => [metric, 0])) as Record<CountedMetric, number>;
}
