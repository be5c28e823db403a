/**
 * The console's search and dashboard over 100,000 conversations: right answers, and every
 * query shape read through an index (checked with EXPLAIN QUERY PLAN, not with a stopwatch).
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { parseSearch, type SearchForm } from '../../../adapters/support/search-query.js';
import { SITE_CODES } from '../../../bot/domain.js';
import { CHANNELS } from '../../../bot/messages.js';
import { openDatabase, type SqliteDatabase } from '../../../data/database.js';
import { OUTCOMES, type ConversationFilters } from '../../../bot/ports/support/conversations.js';
import { buildSearchSql, createConversationStore } from '../../../data/support/conversations.store.js';
import { DASHBOARD_SQL, createDashboardStore } from '../../../data/support/dashboard.store.js';

const COUNT = 100_000;
const NOW = new Date('2026-11-23T08:00:00-05:00');
const DAY = 24 * 60 * 60 * 1000;
const SPAN = 90 * DAY;

interface Seeded {
  id: string;
  channel: string;
  site: string | null;
  startedAt: number;
  outcome: string | null;
}

/** Conversation `i`: spread over 90 days, cycling channels, sites (a tenth without) and outcomes. */
function conversationOf(i: number): Seeded {
  return {
    id: `c${String(i).padStart(6, '0')}`,
    channel: CHANNELS[i % CHANNELS.length] as string,
    site: i % 10 === 0 ? null : (SITE_CODES[(i * 7) % SITE_CODES.length] as string),
    startedAt: NOW.getTime() - Math.floor((i * SPAN) / COUNT) - (i % 1000),
    outcome: i % 9 === 8 ? null : (OUTCOMES[i % OUTCOMES.length] as string),
  };
}
const documentOf = (i: number) => String(30_000_000 + i);
const phoneOf = (i: number) => `+57310${String(i).padStart(7, '0')}`;
const radicadoOf = (i: number) => `RISS-2026-${String(i / 10).padStart(6, '0')}`;

function seed(db: SqliteDatabase): Seeded[] {
  const all: Seeded[] = [];
  const conversation = db.prepare('INSERT INTO conversations (id, channel, user_id, site, started_at, updated_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const subject = db.prepare('INSERT INTO conversation_subjects (conversation_id, kind, value) VALUES (?, ?, ?)');
  const event = db.prepare('INSERT INTO conversation_events (conversation_id, type, detail, at) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      const row = conversationOf(i);
      all.push(row);
      conversation.run(row.id, row.channel, `u${i}`, row.site, row.startedAt, row.startedAt, row.outcome);
      subject.run(row.id, 'document', documentOf(i));
      if (row.channel === 'whatsapp') subject.run(row.id, 'phone', phoneOf(i));
      if (i % 10 === 0) subject.run(row.id, 'radicado', radicadoOf(i));
      event.run(row.id, 'conversation-started', 'first-contact', row.startedAt);
      if (row.outcome) event.run(row.id, `outcome:${row.outcome}`, row.site, row.startedAt);
    }
  })();
  return all;
}

/** Every line of a query plan that reads a table must search an index or a primary key. */
function assertIndexed(db: SqliteDatabase, sql: string, params: unknown[]): string[] {
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
  for (const line of plan) {
    assert.doesNotMatch(line, /^SCAN (c|e|conversations|conversation_events|conversation_subjects)\b/, `${line}\n in: ${plan.join(' | ')}\n for: ${sql}`);
    if (/^SEARCH /.test(line)) assert.match(line, /USING (COVERING )?INDEX|USING PRIMARY KEY|USING INTEGER PRIMARY KEY/, line);
  }
  assert.ok(
    plan.some((line) => /^SEARCH /.test(line)),
    plan.join(' | '),
  );
  return plan;
}

describe('conversation search over 100,000 conversations', () => {
  let db: SqliteDatabase;
  let seeded: Seeded[];
  beforeAll(() => {
    db = openDatabase(':memory:');
    seeded = seed(db);
  });
  afterAll(() => {
    db.close();
  });

  const form = (values: Partial<SearchForm>): Record<string, string> => values;

  it('finds one conversation by radicado, by document and by phone', () => {
    const store = createConversationStore(db);
    const byRadicado = store.search(parseSearch(form({ radicado: radicadoOf(45_670) }), NOW).filters, { limit: 25 });
    assert.deepEqual(
      byRadicado.rows.map((row) => row.id),
      ['c045670'],
    );
    const byDocument = store.search(parseSearch(form({ document: `CC ${documentOf(99_999)}` }), NOW).filters, { limit: 25 });
    assert.deepEqual(
      byDocument.rows.map((row) => row.id),
      ['c099999'],
    );
    const whatsappIndex = 12_345 * 3; // CHANNELS[0] is whatsapp
    const byPhone = store.search(parseSearch(form({ phone: phoneOf(whatsappIndex).slice(3) }), NOW).filters, { limit: 25 });
    assert.deepEqual(
      byPhone.rows.map((row) => row.id),
      [`c${String(whatsappIndex).padStart(6, '0')}`],
    );
    assert.equal(byRadicado.next, undefined);
  });

  it('pages through a filtered search, newest first, returning exactly the matching rows', () => {
    const store = createConversationStore(db);
    const parsed = parseSearch(form({ site: 'SUBA', channel: 'webchat', outcome: 'booked', from: '2026-10-01', to: '2026-11-23' }), NOW);
    const range = { from: new Date('2026-10-01T00:00:00-05:00').getTime(), to: new Date('2026-11-24T00:00:00-05:00').getTime() };
    const expected = seeded
      .filter((row) => row.site === 'SUBA' && row.channel === 'webchat' && row.outcome === 'booked' && row.startedAt >= range.from && row.startedAt < range.to)
      .sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id))
      .map((row) => row.id);
    assert.ok(expected.length > 50, `enough rows to page: ${expected.length}`);
    const found: string[] = [];
    let after: ReturnType<typeof store.search>['next'];
    do {
      const page = store.search(parsed.filters, { limit: 25, ...(after ? { after } : {}) });
      found.push(...page.rows.map((row) => row.id));
      after = page.next;
    } while (after);
    assert.deepEqual(found, expected);
  });

  it('looks 30 days back when no phone, document or radicado narrows the search', () => {
    const parsed = parseSearch({}, NOW);
    assert.equal(parsed.form.from, '2026-10-25');
    const store = createConversationStore(db);
    const page = store.search(parsed.filters, { limit: 25 });
    assert.equal(page.rows[0]?.id, 'c000000');
    assert.ok(page.rows.every((row) => row.startedAt >= new Date('2026-10-25T00:00:00-05:00').getTime()));
  });

  it('reads every search shape through an index', () => {
    const shapes: Array<Partial<SearchForm>> = [
      {},
      { from: '2026-11-01', to: '2026-11-10' },
      { site: 'SUBA' },
      { site: 'none' },
      { channel: 'whatsapp' },
      { outcome: 'abandoned' },
      { site: 'KENNEDY', channel: 'webchat', outcome: 'booked', from: '2026-09-01', to: '2026-11-23' },
      { channel: 'console', outcome: 'error', to: '2026-11-01' },
      { radicado: 'RISS-2026-000101' },
      { document: '1010101010' },
      { phone: '3001112233' },
      { phone: '3001112233', document: '1010101010', site: 'SUBA', from: '2026-01-01' },
      { radicado: 'RISS-2026-000101', outcome: 'case_filed', channel: 'whatsapp', to: '2026-12-01' },
    ];
    for (const shape of shapes) {
      const { filters } = parseSearch(form(shape), NOW);
      for (const after of [undefined, { startedAt: NOW.getTime() - DAY, id: 'c050000' }]) {
        const { sql, params } = buildSearchSql(filters, { limit: 25, ...(after ? { after } : {}) });
        const plan = assertIndexed(db, sql, params);
        // Without a subject the index also gives the order: no sort of the whole range.
        if (!filters.phones && !filters.documents && !filters.radicado) {
          assert.ok(!plan.some((line) => line.includes('TEMP B-TREE')), `${JSON.stringify(shape)}: ${plan.join(' | ')}`);
        }
      }
    }
  });

  it('never lets the store scan conversations, whatever filters it is given', () => {
    const bare: ConversationFilters[] = [{}, { site: 'CHIA' }, { outcome: 'booked' }, { channel: 'webchat' }, { from: 0 }];
    for (const filters of bare) {
      const { sql, params } = buildSearchSql(filters, { limit: 25 });
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
      assert.ok(
        plan.every((line) => !/^SCAN c$/.test(line)),
        plan.join(' | '),
      );
    }
  });

  it('reads the dashboard through indexes, and counts what was seeded', () => {
    const range = { from: new Date('2026-11-01T00:00:00-05:00').getTime(), to: new Date('2026-11-08T00:00:00-05:00').getTime() };
    for (const sql of Object.values(DASHBOARD_SQL)) assertIndexed(db, sql, [range.from, range.to]);
    const activity = createDashboardStore(db).activity(range);
    const inRange = seeded.filter((row) => row.startedAt >= range.from && row.startedAt < range.to);
    assert.equal(
      activity.reduce((sum, row) => sum + row.conversations, 0),
      inRange.length,
    );
    assert.equal(
      activity.reduce((sum, row) => sum + row.bookings, 0),
      inRange.filter((row) => row.outcome === 'booked').length,
    );
    assert.equal(
      activity.reduce((sum, row) => sum + row.abandoned, 0),
      inRange.filter((row) => row.outcome === 'abandoned').length,
    );
    const sites = new Set(activity.map((row) => row.site));
    assert.ok(sites.has('') && sites.has('SUBA'));
  });
});
