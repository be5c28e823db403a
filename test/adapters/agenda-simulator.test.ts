import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { testContext, type TestContext } from '../support/test-context.js';

import Database from 'better-sqlite3';

import { createAgendaClient } from '../../adapters/agenda/agenda.client.js';
import { SEED_DOCTORS, isTakenByOthers } from '../../adapters/agenda-simulator/seed-world.js';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import type { AgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { SimulatorStore } from '../../adapters/agenda-simulator/simulator.store.js';
import { slotStartsOn } from '../../adapters/agenda-simulator/slot-grid.js';
import { addDays, bogotaDate, bogotaTime, isBusinessDay } from '../../bot/calendar.js';
import { SITE_CODES, SERVICES } from '../../bot/domain.js';
import type { Appointment, Cups, Franja, Member, RissCase, SiteCode, Slot } from '../../bot/domain.js';

/** Thursday 12 November 2026, 09:30 in Bogotá: Monday 16 November is a holiday (Cartagena). */
const NOW = new Date('2026-11-12T09:30:00-05:00');
const DAY_MS = 24 * 60 * 60 * 1000;
const FAR_FUTURE = '2027-12-31T00:00:00-05:00';

function makeClock(start: Date = NOW) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

async function makeSimulator(t: TestContext, clock = makeClock()): Promise<Api> {
  const simulator = await startAgendaSimulator({ clock });
  t.after(() => simulator.close());
  return makeApi(simulator);
}

interface Reply<T = unknown> {
  status: number;
  body: T;
}

type Api = ReturnType<typeof makeApi>;

/** A thin fetch wrapper, so tests read as requests and answers. */
function makeApi(simulator: AgendaSimulator) {
  const request = async <T>(method: string, path: string, init: { body?: unknown; raw?: string; key?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.key !== undefined) headers['idempotency-key'] = init.key;
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const response = await fetch(`${simulator.url}${path}`, { method, headers, body });
    return { status: response.status, body: (await response.json()) as T } satisfies Reply<T>;
  };
  return {
    get: <T = unknown>(path: string) => request<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown, key?: string) => request<T>('POST', path, { body, key }),
    postRaw: (path: string, raw: string) => request<{ code: string }>('POST', path, { raw }),

    async slots(query: { cups: Cups; site: SiteCode; franja?: Franja; doctorId?: string; from?: string; to?: string; limit?: number }) {
      const params = new URLSearchParams({ from: NOW.toISOString(), to: FAR_FUTURE });
      for (const [name, value] of Object.entries(query)) params.set(name, String(value));
      const reply = await request<{ slots: Slot[] }>('GET', `/v1/slots?${params.toString()}`);
      assert.equal(reply.status, 200);
      return reply.body.slots;
    },

    async days(query: { cups: Cups; site: SiteCode; franja?: Franja; doctorId?: string; from?: string; to?: string; limit?: number }) {
      const params = new URLSearchParams({ from: NOW.toISOString(), to: FAR_FUTURE });
      for (const [name, value] of Object.entries(query)) params.set(name, String(value));
      const reply = await request<{ days: AvailableDay[] }>('GET', `/v1/slots/days?${params.toString()}`);
      assert.equal(reply.status, 200);
      return reply.body.days;
    },

    async member(documentType: string, documentNumber: string) {
      const reply = await request<Member>('POST', '/v1/members/lookup', { body: { documentType, documentNumber } });
      assert.equal(reply.status, 200);
      return reply.body;
    },

    book: (body: { patientId: string; slotId: string; cups: Cups }, key: string) => request<Appointment & { code?: string }>('POST', '/v1/appointments', { body, key }),

    async appointments(patientId: string) {
      const reply = await request<{ appointments: Appointment[] }>('GET', `/v1/patients/${patientId}/appointments`);
      assert.equal(reply.status, 200);
      return reply.body.appointments;
    },
  };
}

const LAURA = 'pat-0001';
const MATEO = 'pat-0002';
const CARLOS = 'pat-0004';
const DIANA = 'pat-0007';
const DIANAS_SLOT = 'doc-kennedy-mg1-202611171000';

interface AvailableDay {
  day: string;
  slots: number;
  firstStart: string;
}

/** What `GET /v1/slots/days` must say for the slots `GET /v1/slots` lists: per day, how many and the first start. */
function daysOf(slots: Slot[]): AvailableDay[] {
  const days: AvailableDay[] = [];
  for (const slot of slots) {
    const day = bogotaDate(new Date(slot.start));
    const current = days.at(-1);
    if (current?.day === day) current.slots += 1;
    else days.push({ day, slots: 1, firstStart: slot.start });
  }
  return days;
}

const datesOf = (slots: Slot[]) => [...new Set(slots.map((slot) => bogotaDate(new Date(slot.start))))];
const bandsOf = (slots: Slot[]) => new Set(slots.map((slot) => (bogotaTime(new Date(slot.start)) < '12:00' ? 'manana' : 'tarde')));

describe('agenda simulator: the seed world', () => {
  let simulator: AgendaSimulator;
  let api: Api;
  beforeAll(async () => {
    simulator = await startAgendaSimulator({ clock: makeClock() });
    api = makeApi(simulator);
  });
  afterAll(() => simulator.close());

  it('answers health', async () => {
    assert.deepEqual(await api.get('/v1/health'), { status: 200, body: { status: 'ok' } });
  });

  it('SUBA: Dra. Marta Salazar has afternoon slots only; her colleague has both bands', async () => {
    const marta = await api.slots({ cups: '890201', site: 'SUBA', doctorId: 'doc-suba-mg1' });
    assert.ok(marta.length > 0);
    assert.ok(marta.every((slot) => slot.doctor.name === 'Dra. Marta Salazar'));
    assert.deepEqual(bandsOf(marta), new Set(['tarde']));
    assert.deepEqual(await api.slots({ cups: '890201', site: 'SUBA', doctorId: 'doc-suba-mg1', franja: 'manana' }), []);
    const colleague = await api.slots({ cups: '890201', site: 'SUBA', doctorId: 'doc-suba-mg2' });
    assert.deepEqual(bandsOf(colleague), new Set(['manana', 'tarde']));
  });

  it('FONTIBON: Dr. Andrés Rojas has no slot at all, the other GPs have', async () => {
    for (const cups of ['890201', '890301', '89020110'] as const) {
      assert.deepEqual(await api.slots({ cups, site: 'FONTIBON', doctorId: 'doc-fontibon-mg1' }), []);
    }
    const all = await api.slots({ cups: '890201', site: 'FONTIBON' });
    assert.ok(!all.some((slot) => slot.doctor.name === 'Dr. Andrés Rojas'));
    assert.deepEqual(new Set(all.map((slot) => slot.doctor.id)), new Set(['doc-fontibon-mg2', 'doc-fontibon-mg3']));
  });

  it('FACATATIVA: no general-medicine slot of any type or band, pediatrics open', async () => {
    for (const cups of ['890201', '890301', '89020110'] as const) {
      assert.deepEqual(await api.slots({ cups, site: 'FACATATIVA' }), []);
    }
    assert.ok((await api.slots({ cups: '890283', site: 'FACATATIVA' })).length > 0);
  });

  it('CHIA: pediatrics only in the afternoon band, general medicine in both', async () => {
    for (const cups of ['890283', '890383', '89020271'] as const) {
      const slots = await api.slots({ cups, site: 'CHIA' });
      assert.ok(slots.length > 0, cups);
      assert.deepEqual(bandsOf(slots), new Set(['tarde']));
    }
    assert.deepEqual(bandsOf(await api.slots({ cups: '890201', site: 'CHIA' })), new Set(['manana', 'tarde']));
  });

  it('every site has at least two GPs and one pediatrician', () => {
    for (const site of SITE_CODES) {
      const here = SEED_DOCTORS.filter((doctor) => doctor.site === site);
      assert.ok(here.filter((d) => d.specialty === 'medicina_general').length >= 2, site);
      assert.ok(here.filter((d) => d.specialty === 'pediatria').length >= 1, site);
      assert.ok(
        here.every((d) => /^Dra?\. /.test(d.name)),
        site,
      );
    }
  });

  it('every doctor without a seed rule has free slots in both bands on most working days', async () => {
    const unruled = SEED_DOCTORS.filter((doctor) => doctor.availability === 'full');
    for (const doctor of unruled) {
      const cups = doctor.specialty === 'pediatria' ? '890283' : '890201';
      const slots = await api.slots({ cups, site: doctor.site, doctorId: doctor.id });
      // Today is half gone, so only the following days count.
      const days = datesOf(slots).filter((day) => day !== bogotaDate(NOW));
      const fullDays = days.filter((day) => bandsOf(slots.filter((s) => s.start.startsWith(day))).size === 2);
      assert.ok(days.length >= 8, doctor.id);
      assert.ok(fullDays.length >= days.length * 0.8, doctor.id);
    }
  });

  it('no-programada services open only today and the next working day', async () => {
    const gp = await api.slots({ cups: '89020110', site: 'KENNEDY' });
    assert.deepEqual(datesOf(gp), ['2026-11-12', '2026-11-13']);
    const pediatrics = await api.slots({ cups: '89020271', site: 'KENNEDY' });
    assert.deepEqual(datesOf(pediatrics), ['2026-11-12', '2026-11-13']);
    assert.ok(datesOf(await api.slots({ cups: '890201', site: 'KENNEDY' })).length > 2);
  });

  it('offers nothing in the past nor beyond 14 days, and uses the whole horizon', async () => {
    const slots = await api.slots({ cups: '890201', site: 'CALLE42', from: '2026-11-01T00:00:00-05:00' });
    const starts = slots.map((slot) => new Date(slot.start).getTime());
    assert.ok(starts.every((start) => start >= NOW.getTime() && start <= NOW.getTime() + 14 * DAY_MS));
    assert.equal(datesOf(slots).at(-1), '2026-11-26');
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
      'earliest first',
    );
  });

  it('offers nothing on weekends or holidays', async () => {
    const days = datesOf(await api.slots({ cups: '890201', site: 'CALLE26' }));
    assert.ok(days.every(isBusinessDay));
    for (const day of ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-21', '2026-11-22']) {
      assert.ok(!days.includes(day), day);
    }
  });

  it('cuts 20-minute slots from 07:00 to 17:00', async () => {
    const slots = await api.slots({ cups: '890201', site: 'AUTOSUR' });
    const times = new Set(slots.map((slot) => bogotaTime(new Date(slot.start))));
    const grid = Array.from({ length: 30 }, (_, i) => {
      const minutes = 7 * 60 + i * 20;
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    });
    assert.deepEqual([...times].sort(), grid);
    for (const slot of slots) {
      assert.equal(new Date(slot.end).getTime() - new Date(slot.start).getTime(), 20 * 60 * 1000);
      assert.match(slot.start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00-05:00$/);
      assert.equal(slot.site, 'AUTOSUR');
      assert.equal(slot.specialty, 'medicina_general');
    }
  });

  it('narrows by band and limit, earliest first', async () => {
    const all = await api.slots({ cups: '890201', site: 'KENNEDY' });
    const afternoon = await api.slots({ cups: '890201', site: 'KENNEDY', franja: 'tarde' });
    assert.deepEqual(
      afternoon,
      all.filter((slot) => bogotaTime(new Date(slot.start)) >= '12:00'),
    );
    assert.deepEqual(await api.slots({ cups: '890201', site: 'KENNEDY', limit: 3 }), all.slice(0, 3));
    assert.deepEqual(await api.slots({ cups: '890201', site: 'KENNEDY', from: FAR_FUTURE, to: FAR_FUTURE }), []);
  });

  it('holds Diana Castro’s appointment: 890201 at KENNEDY, 10:00 on the second working day', async () => {
    const diana = await api.member('CC', '5050505050');
    assert.equal(diana.id, DIANA);
    const [appointment, ...others] = await api.appointments(DIANA);
    assert.deepEqual(others, []);
    assert.ok(appointment);
    // Thursday 12 → Friday 13 (1st), Monday 16 is a holiday → Tuesday 17 (2nd).
    assert.equal(appointment.start, '2026-11-17T10:00:00-05:00');
    assert.equal(appointment.cups, '890201');
    assert.equal(appointment.site, 'KENNEDY');
    assert.equal(appointment.status, 'booked');
    const kennedyGps = SEED_DOCTORS.filter((d) => d.site === 'KENNEDY' && d.specialty === 'medicina_general');
    assert.ok(kennedyGps.some((d) => d.id === appointment.doctor.id && d.name === appointment.doctor.name));
    const slots = await api.slots({ cups: '890201', site: 'KENNEDY', doctorId: appointment.doctor.id });
    assert.ok(!slots.some((slot) => slot.start === appointment.start), 'her slot is not offered');
  });

  describe('members', () => {
    it('finds Laura with her beneficiaries and her treating doctor', async () => {
      const laura = await api.member('CC', '1010101010');
      assert.equal(laura.id, LAURA);
      assert.equal(`${laura.firstName} ${laura.lastName}`, 'Laura Gómez');
      assert.equal(laura.birthDate, '1994-03-15');
      assert.equal(laura.phone, '+573001112233');
      assert.equal(laura.email, 'laura.gomez@example.com');
      assert.equal(laura.plan, 'PBS');
      assert.equal(laura.status, 'active');
      assert.deepEqual(laura.treatingDoctors, [{ specialty: 'medicina_general', doctorId: 'doc-suba-mg1', doctorName: 'Dra. Marta Salazar', site: 'SUBA' }]);
      assert.deepEqual(
        laura.beneficiaries.map((b) => [b.id, b.documentType, b.documentNumber, b.firstName, b.birthDate]),
        [
          [MATEO, 'TI', '1100000001', 'Mateo', '2013-06-01'],
          ['pat-0003', 'RC', '1200000002', 'Sofía', '2021-09-10'],
        ],
      );
      assert.ok(laura.beneficiaries.every((b) => !('phone' in b) && !('email' in b)));
    });

    it('finds Carlos with Dr. Andrés Rojas at Fontibón as his treating doctor', async () => {
      const carlos = await api.member('CC', '2020202020');
      assert.equal(carlos.id, CARLOS);
      assert.deepEqual(carlos.treatingDoctors, [{ specialty: 'medicina_general', doctorId: 'doc-fontibon-mg1', doctorName: 'Dr. Andrés Rojas', site: 'FONTIBON' }]);
    });

    it('tells Ana’s PAC plan, Jorge’s inactive status and Pedro’s missing email', async () => {
      assert.equal((await api.member('CC', '3030303030')).plan, 'PAC');
      const jorge = await api.member('CC', '4040404040');
      assert.equal(jorge.status, 'inactive');
      assert.equal(jorge.plan, 'PBS');
      const pedro = await api.member('CC', '6060606060');
      assert.equal(pedro.phone, '+573008889900');
      assert.ok(!('email' in pedro));
    });

    it('answers 404 NOT_FOUND for an unknown document, with opaque patient ids otherwise', async () => {
      const reply = await api.post<{ code: string }>('/v1/members/lookup', { documentType: 'CC', documentNumber: '999' });
      assert.equal(reply.status, 404);
      assert.equal(reply.body.code, 'NOT_FOUND');
      const laura = await api.member('CC', '1010101010');
      assert.ok(!laura.id.includes(laura.documentNumber));
    });
  });
});

describe('agenda simulator: days with free slots', () => {
  let simulator: AgendaSimulator;
  let api: Api;
  beforeAll(async () => {
    simulator = await startAgendaSimulator({ clock: makeClock() });
    api = makeApi(simulator);
  });
  afterAll(() => simulator.close());

  it('counts per day exactly the slots the search offers, with the first one’s start', async () => {
    const queries = [
      { cups: '890201', site: 'KENNEDY' },
      { cups: '890201', site: 'SUBA', franja: 'tarde' },
      { cups: '890201', site: 'FONTIBON', doctorId: 'doc-fontibon-mg2' },
      { cups: '890283', site: 'CHIA' },
      { cups: '89020110', site: 'CALLE42' },
    ] as const;
    for (const query of queries) {
      const days = await api.days(query);
      assert.ok(days.length > 0, JSON.stringify(query));
      assert.deepEqual(days, daysOf(await api.slots(query)), JSON.stringify(query));
    }
  });

  it('lists every working day of the 14-day horizon, earliest first, and never a weekend or a holiday', async () => {
    const days = await api.days({ cups: '890201', site: 'CALLE26', from: '2026-11-01T00:00:00-05:00' });
    // Saturdays 14 and 21, Sundays 15 and 22, and Monday 16 (a holiday) are missing.
    assert.deepEqual(
      days.map((day) => day.day),
      ['2026-11-12', '2026-11-13', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'],
    );
    assert.ok(days.every((day) => isBusinessDay(day.day) && day.slots > 0));
    // Today is counted from now (09:30): its first start is the search's first slot, after now.
    const [firstSlot] = await api.slots({ cups: '890201', site: 'CALLE26' });
    assert.equal(days[0]?.firstStart, firstSlot?.start);
    assert.ok(new Date(days[0]?.firstStart ?? 0) > NOW);
  });

  it('SUBA general medicine in the morning leaves Dra. Marta Salazar out', async () => {
    const morning = await api.days({ cups: '890201', site: 'SUBA', franja: 'manana' });
    assert.ok(morning.length > 0);
    assert.deepEqual(morning, await api.days({ cups: '890201', site: 'SUBA', franja: 'manana', doctorId: 'doc-suba-mg2' }));
    assert.deepEqual(await api.days({ cups: '890201', site: 'SUBA', franja: 'manana', doctorId: 'doc-suba-mg1' }), []);
    assert.ok(morning.every((day) => bogotaTime(new Date(day.firstStart)) < '12:00'));
    const afternoon = await api.days({ cups: '890201', site: 'SUBA', franja: 'tarde', doctorId: 'doc-suba-mg1' });
    assert.ok(afternoon.length > 0, 'she has afternoon days');
  });

  it('FACATATIVA general medicine has no day at all, pediatrics has', async () => {
    for (const cups of ['890201', '890301', '89020110'] as const) {
      assert.deepEqual(await api.days({ cups, site: 'FACATATIVA' }), [], cups);
    }
    assert.ok((await api.days({ cups: '890283', site: 'FACATATIVA' })).length > 0);
  });

  it('CHIA pediatrics has no day in the morning, only afternoon days', async () => {
    for (const cups of ['890283', '890383', '89020271'] as const) {
      assert.deepEqual(await api.days({ cups, site: 'CHIA', franja: 'manana' }), [], cups);
      assert.deepEqual(await api.days({ cups, site: 'CHIA' }), await api.days({ cups, site: 'CHIA', franja: 'tarde' }), cups);
    }
  });

  it('no-programada services have today and the next working day only', async () => {
    const days = await api.days({ cups: '89020110', site: 'KENNEDY' });
    assert.deepEqual(
      days.map((day) => day.day),
      ['2026-11-12', '2026-11-13'],
    );
  });

  it('a from in the middle of a day counts only the slots starting then or later, and a to the ones up to it', async () => {
    const day = await api.slots({ cups: '890201', site: 'KENNEDY', from: '2026-11-18T00:00:00-05:00', to: '2026-11-18T23:59:00-05:00' });
    const starts = [...new Set(day.map((slot) => slot.start))];
    const [from, to] = [starts[10], starts[20]];
    assert.ok(from && to);
    const between = day.filter((slot) => slot.start >= from && slot.start <= to);

    const days = await api.days({ cups: '890201', site: 'KENNEDY', from, to });

    assert.deepEqual(days, [{ day: '2026-11-18', slots: between.length, firstStart: from }]);
    assert.ok(between.length < day.length);
    assert.ok(
      between.some((slot) => slot.start === to),
      'a slot starting at to counts',
    );
  });

  it('leaves out the past and what lies beyond the horizon', async () => {
    assert.deepEqual(await api.days({ cups: '890201', site: 'KENNEDY', from: '2026-11-01T00:00:00-05:00', to: '2026-11-12T09:00:00-05:00' }), []);
    assert.deepEqual(await api.days({ cups: '890201', site: 'KENNEDY', from: FAR_FUTURE, to: FAR_FUTURE }), []);
  });

  it('limit caps the days, not the slots', async () => {
    const all = await api.days({ cups: '890201', site: 'AUTOSUR' });
    assert.deepEqual(await api.days({ cups: '890201', site: 'AUTOSUR', limit: 3 }), all.slice(0, 3));
    assert.deepEqual(await api.days({ cups: '890201', site: 'AUTOSUR', limit: 1 }), all.slice(0, 1));
  });

  it('answers what the agenda client reads: the same days, through its validation', async () => {
    const client = createAgendaClient({ baseUrl: simulator.url });
    const query = { cups: '890201', site: 'SUBA', franja: 'manana', from: NOW.toISOString(), to: FAR_FUTURE, limit: 4 } as const;
    const days = await client.availableDays(query);
    assert.equal(days.length, 4);
    assert.deepEqual(days, await api.days(query));
  });

  it('answers 400 BAD_REQUEST for the queries the search refuses', async () => {
    for (const query of [
      'cups=890201&site=SUBA&from=yesterday&to=tomorrow',
      'site=SUBA&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z',
      'cups=890201&site=SUBA&franja=noche&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z',
      'cups=890201&site=SUBA&limit=0&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z',
    ]) {
      const reply = await api.get<{ code: string }>(`/v1/slots/days?${query}`);
      assert.equal(reply.status, 400, query);
      assert.equal(reply.body.code, 'BAD_REQUEST', query);
    }
  });
});

describe('agenda simulator: days with free slots after bookings', () => {
  it('a booked slot leaves its day’s count, and a day whose last free slot is booked disappears', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const query = { cups: '890201', site: 'CALLE42' } as const;
    const [first] = await api.days(query);
    assert.ok(first);
    const [slot] = await api.slots({ ...query, from: first.firstStart, to: first.firstStart, limit: 1 });
    assert.ok(slot);

    const booked = await api.book({ patientId: LAURA, slotId: slot.id, cups: '890201' }, 'days-1');
    assert.equal(booked.status, 201);

    const [after] = await api.days(query);
    assert.equal(after?.day, first.day);
    assert.equal(after?.slots, first.slots - 1);
    const alone = { ...query, doctorId: slot.doctor.id, from: slot.start, to: slot.start };
    assert.deepEqual(await api.days(alone), [], 'the only slot of that window is gone');

    await api.post(`/v1/appointments/${booked.body.id}/cancel`);
    assert.deepEqual(await api.days(alone), [{ day: first.day, slots: 1, firstStart: slot.start }]);
    assert.deepEqual((await api.days(query))[0], first);
  });

  it('Diana Castro’s slot is not counted', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const doctorId = DIANAS_SLOT.replace(/-\d{12}$/, '');
    const at = '2026-11-17T10:00:00-05:00';
    assert.deepEqual(await api.days({ cups: '890201', site: 'KENNEDY', doctorId, from: at, to: at }), []);
  });
});

describe('agenda simulator: determinism', () => {
  it('yields the same agenda from the same now', async () => {
    const t = testContext();
    const first = await makeSimulator(t);
    const second = await makeSimulator(t);
    for (const site of SITE_CODES) {
      for (const cups of ['890201', '890283', '89020110'] as const) {
        assert.deepEqual(await first.slots({ cups, site }), await second.slots({ cups, site }), `${site} ${cups}`);
      }
    }
    assert.deepEqual(await first.appointments(DIANA), await second.appointments(DIANA));
  });
});

describe('agenda simulator: the agenda members see does not change', () => {
  it('offers, from the same now, exactly the slots it always has', async () => {
    const t = testContext();
    const simulator = await startAgendaSimulator({ clock: makeClock() });
    t.after(() => simulator.close());
    const ids: string[] = [];
    for (const { cups } of SERVICES) {
      for (const site of SITE_CODES) {
        const slots = simulator.agenda.searchSlots({ cups, site, from: NOW.toISOString(), to: FAR_FUTURE });
        ids.push(...slots.map((slot) => slot.id));
      }
    }
    // Every slot id of every service at every site; a different figure means members and
    // dialog scripts would see another agenda.
    assert.equal(ids.length, 11_398);
    assert.equal(createHash('sha256').update(ids.join('\n')).digest('hex'), 'ed5ff0442a1cfb17cc72ee790a3f0e78cdf0a535920121416554583d45aaa0f8');
  });

  it('says a slot is held by others exactly when its hash does, however often it is asked', () => {
    const byHash = (doctorId: string, start: Date) => createHash('sha256').update(`${doctorId}|${start.toISOString()}`).digest().readUInt32BE(0) % 100 < 20;
    // More slots than the simulator remembers at once (100,000), asked twice over.
    const slots: Array<{ doctorId: string; start: Date; taken: boolean }> = [];
    for (let day = '2026-11-12'; slots.length < 102_000; day = addDays(day, 1)) {
      for (const start of slotStartsOn(day)) {
        for (const { id } of SEED_DOCTORS) slots.push({ doctorId: id, start, taken: byHash(id, start) });
      }
    }
    for (const round of [1, 2]) {
      const disagreements = slots.filter(({ doctorId, start, taken }) => isTakenByOthers(doctorId, start) !== taken);
      assert.equal(disagreements.length, 0, `round ${round}`);
    }
    const offGrid = new Date('2026-11-12T10:07:30-05:00');
    assert.equal(isTakenByOthers('doc-suba-mg2', offGrid), byHash('doc-suba-mg2', offGrid));
  });
});

describe('agenda simulator: its database', () => {
  it('indexes what lookups, lists and searches filter on, also in a file made before those indexes', () => {
    const t = testContext();
    const folder = mkdtempSync(join(tmpdir(), 'lina-agenda-test-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const path = join(folder, 'agenda.db');
    new SimulatorStore(path).close();
    const older = new Database(path);
    older.exec('DROP INDEX patients_by_holder; DROP INDEX appointments_by_patient; DROP INDEX doctors_by_site;');
    older.close();

    new SimulatorStore(path).close();

    const db = new Database(path, { readonly: true });
    t.after(() => db.close());
    const planOf = (sql: string, ...params: unknown[]) =>
      db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('; ');
    // The shapes of the store's queries behind findMember, listAppointments and searchSlots.
    assert.match(planOf('SELECT * FROM patients WHERE holder_id = ? ORDER BY id', LAURA), /USING INDEX patients_by_holder/);
    assert.match(
      planOf(`SELECT * FROM appointments WHERE patient_id = ? AND status = 'booked' AND starts_at > ? ORDER BY starts_at, seq`, LAURA, 0),
      /USING INDEX appointments_by_patient/,
    );
    assert.match(planOf('SELECT * FROM doctors WHERE site = ? AND specialty = ? ORDER BY id', 'SUBA', 'medicina_general'), /USING INDEX doctors_by_site/);
  });
});

describe('agenda simulator: connections', () => {
  it('keeps an idle connection open 65 s, longer than its clients keep theirs', async () => {
    const t = testContext();
    const simulator = await startAgendaSimulator({ clock: makeClock() });
    t.after(() => simulator.close());
    const request = get(`${simulator.url}/v1/health`);
    const [response] = (await once(request, 'response')) as [IncomingMessage];
    response.resume();
    assert.equal(response.headers['keep-alive'], 'timeout=65');
  });
});

describe('agenda simulator: booking', () => {
  it('books a free slot once per Idempotency-Key', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const [slot] = await api.slots({ cups: '890201', site: 'SUBA', franja: 'tarde' });
    assert.ok(slot);
    const request = { patientId: LAURA, slotId: slot.id, cups: '890201' as const };

    const first = await api.book(request, 'key-1');
    assert.equal(first.status, 201);
    assert.equal(first.body.patientId, LAURA);
    assert.equal(first.body.start, slot.start);
    assert.equal(first.body.end, slot.end);
    assert.deepEqual(first.body.doctor, slot.doctor);
    assert.equal(first.body.specialty, 'medicina_general');
    assert.equal(first.body.status, 'booked');

    const again = await api.book(request, 'key-1');
    assert.ok(again.status === 200 || again.status === 201);
    assert.deepEqual(again.body, first.body);
    assert.deepEqual(await api.appointments(LAURA), [first.body]);
    assert.ok(!(await api.slots({ cups: '890201', site: 'SUBA' })).some((s) => s.id === slot.id));

    const otherBody = await api.book({ ...request, cups: '890301' }, 'key-1');
    assert.equal(otherBody.status, 409);
    assert.equal(otherBody.body.code, 'CONFLICT');
  });

  it('requires an Idempotency-Key', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const [slot] = await api.slots({ cups: '890201', site: 'SUBA' });
    assert.ok(slot);
    const reply = await api.post<{ code: string }>('/v1/appointments', { patientId: LAURA, slotId: slot.id, cups: '890201' });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.code, 'BAD_REQUEST');
  });

  it('answers 409 SLOT_TAKEN for a slot someone holds', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const [slot] = await api.slots({ cups: '890201', site: 'KENNEDY' });
    assert.ok(slot);
    assert.equal((await api.book({ patientId: LAURA, slotId: slot.id, cups: '890201' }, 'laura')).status, 201);
    const carlos = await api.book({ patientId: CARLOS, slotId: slot.id, cups: '890201' }, 'carlos');
    assert.equal(carlos.status, 409);
    assert.equal(carlos.body.code, 'SLOT_TAKEN');
    const dianas = await api.book({ patientId: CARLOS, slotId: DIANAS_SLOT, cups: '890201' }, 'carlos-2');
    assert.equal(dianas.body.code, 'SLOT_TAKEN');
    const rojas = await api.book({ patientId: CARLOS, slotId: 'doc-fontibon-mg1-202611181400', cups: '890201' }, 'c3');
    assert.equal(rojas.body.code, 'SLOT_TAKEN', 'Dr. Rojas has no free slot');
    const tooLate = await api.book({ patientId: CARLOS, slotId: 'doc-suba-mg2-202611181400', cups: '89020110' }, 'c4');
    assert.equal(tooLate.body.code, 'SLOT_TAKEN', 'no-programada outside today and the next working day');
  });

  it('answers 409 CONFLICT for a second upcoming appointment of the same specialty', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const [gp] = await api.slots({ cups: '890301', site: 'KENNEDY' });
    assert.ok(gp);
    const reply = await api.book({ patientId: DIANA, slotId: gp.id, cups: '890301' }, 'diana-2');
    assert.equal(reply.status, 409);
    assert.equal(reply.body.code, 'CONFLICT');
    const [pediatrics] = await api.slots({ cups: '890283', site: 'SUBA' });
    assert.ok(pediatrics);
    assert.equal((await api.book({ patientId: MATEO, slotId: pediatrics.id, cups: '890283' }, 'mateo')).status, 201);
  });

  it('answers 404 for an unknown patient or slot, or a slot of another specialty', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const [slot] = await api.slots({ cups: '890201', site: 'SUBA' });
    const [pediatrics] = await api.slots({ cups: '890283', site: 'SUBA' });
    assert.ok(slot && pediatrics);
    const unknownPatient = await api.book({ patientId: 'pat-9999', slotId: slot.id, cups: '890201' }, 'a');
    const unknownSlot = await api.book({ patientId: LAURA, slotId: 'doc-x-202611181400', cups: '890201' }, 'b');
    const offGrid = await api.book({ patientId: LAURA, slotId: 'doc-suba-mg2-202611181410', cups: '890201' }, 'c');
    const wrongSpecialty = await api.book({ patientId: LAURA, slotId: pediatrics.id, cups: '890201' }, 'd');
    for (const reply of [unknownPatient, unknownSlot, offGrid, wrongSpecialty]) {
      assert.equal(reply.status, 404);
      assert.equal(reply.body.code, 'NOT_FOUND');
    }
    assert.equal((await api.get('/v1/patients/pat-9999/appointments')).status, 404);
  });
});

describe('agenda simulator: cancel and reschedule', () => {
  async function bookFirst(api: Api, site: SiteCode = 'CALLE42') {
    const [slot, other] = await api.slots({ cups: '890201', site });
    assert.ok(slot && other);
    const booked = await api.book({ patientId: LAURA, slotId: slot.id, cups: '890201' }, `book-${slot.id}`);
    assert.equal(booked.status, 201);
    return { appointment: booked.body, slot, other };
  }

  it('cancelling frees the slot and is idempotent', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const { appointment, slot } = await bookFirst(api);
    const cancelled = await api.post<Appointment>(`/v1/appointments/${appointment.id}/cancel`);
    assert.equal(cancelled.status, 200);
    assert.deepEqual(cancelled.body, { ...appointment, status: 'cancelled' });
    assert.deepEqual(await api.post(`/v1/appointments/${appointment.id}/cancel`), cancelled);
    assert.deepEqual(await api.appointments(LAURA), []);
    assert.ok((await api.slots({ cups: '890201', site: 'CALLE42' })).some((s) => s.id === slot.id));
    assert.equal((await api.post('/v1/appointments/apt-999999/cancel')).status, 404);
  });

  it('rescheduling moves the same appointment in one step', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const { appointment, slot, other } = await bookFirst(api);
    const moved = await api.post<Appointment>(`/v1/appointments/${appointment.id}/reschedule`, { slotId: other.id }, 'move-1');
    assert.equal(moved.status, 200);
    assert.equal(moved.body.id, appointment.id);
    assert.equal(moved.body.start, other.start);
    assert.equal(moved.body.status, 'booked');
    assert.deepEqual(await api.post(`/v1/appointments/${appointment.id}/reschedule`, { slotId: other.id }, 'move-1'), moved);

    const offered = (await api.slots({ cups: '890201', site: 'CALLE42' })).map((s) => s.id);
    assert.ok(offered.includes(slot.id), 'the old slot is free again');
    assert.ok(!offered.includes(other.id), 'the new slot is taken');
    assert.deepEqual(await api.appointments(LAURA), [moved.body]);
  });

  it('leaves the appointment intact when the new slot is taken', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const { appointment } = await bookFirst(api, 'KENNEDY');
    const reply = await api.post<{ code: string }>(`/v1/appointments/${appointment.id}/reschedule`, { slotId: DIANAS_SLOT }, 'move-2');
    assert.equal(reply.status, 409);
    assert.equal(reply.body.code, 'SLOT_TAKEN');
    assert.deepEqual(await api.appointments(LAURA), [appointment]);
    assert.equal((await api.appointments(DIANA))[0]?.start, '2026-11-17T10:00:00-05:00');
  });

  it('refuses to move unknown or cancelled appointments, or without a key', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const { appointment, other } = await bookFirst(api);
    assert.equal((await api.post(`/v1/appointments/${appointment.id}/reschedule`, { slotId: other.id })).status, 400);
    assert.equal((await api.post('/v1/appointments/apt-999999/reschedule', { slotId: other.id }, 'k')).status, 404);
    await api.post(`/v1/appointments/${appointment.id}/cancel`);
    const reply = await api.post<{ code: string }>(`/v1/appointments/${appointment.id}/reschedule`, { slotId: other.id }, 'k2');
    assert.equal(reply.status, 409);
    assert.equal(reply.body.code, 'CONFLICT');
  });
});

describe('agenda simulator: RISS cases', () => {
  const caseRequest = {
    patientId: CARLOS,
    specialty: 'medicina_general',
    cups: '890201',
    site: 'FONTIBON',
    email: 'carlos.perez@example.com',
  } as const;

  it('files, finds and closes a case', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const filed = await api.post<RissCase>('/v1/riss-cases', caseRequest, 'riss-1');
    assert.equal(filed.status, 201);
    assert.match(filed.body.radicado, /^RISS-2026-\d{6}$/);
    assert.deepEqual(filed.body, {
      ...caseRequest,
      radicado: 'RISS-2026-000101',
      createdAt: '2026-11-12T09:30:00-05:00',
      // Friday 13 (1), Monday 16 is a holiday, Tuesday 17 (2) ... Friday 20 (5).
      dueDate: '2026-11-20',
      status: 'open',
    });
    assert.deepEqual((await api.post('/v1/riss-cases', caseRequest, 'riss-1')).body, filed.body);

    const open = await api.get(`/v1/patients/${CARLOS}/riss-cases/open?specialty=medicina_general`);
    assert.deepEqual(open, { status: 200, body: filed.body });
    assert.equal((await api.get(`/v1/patients/${CARLOS}/riss-cases/open?specialty=pediatria`)).status, 404);

    const closed = await api.post<RissCase>(`/v1/riss-cases/${filed.body.radicado}/close`);
    assert.equal(closed.status, 200);
    assert.equal(closed.body.status, 'closed');
    assert.equal((await api.get(`/v1/patients/${CARLOS}/riss-cases/open?specialty=medicina_general`)).status, 404);
    assert.equal((await api.post(`/v1/riss-cases/${filed.body.radicado}/close`)).status, 200);
    assert.equal((await api.post('/v1/riss-cases/RISS-2026-999999/close')).status, 404);

    const next = await api.post<RissCase>('/v1/riss-cases', caseRequest, 'riss-2');
    assert.equal(next.body.radicado, 'RISS-2026-000102');
  });

  it('answers 409 CONFLICT while a case is open for that patient and specialty', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    assert.equal((await api.post('/v1/riss-cases', caseRequest, 'riss-1')).status, 201);
    const second = await api.post<{ code: string }>('/v1/riss-cases', caseRequest, 'riss-2');
    assert.equal(second.status, 409);
    assert.equal(second.body.code, 'CONFLICT');
    const otherBody = await api.post<{ code: string }>('/v1/riss-cases', { ...caseRequest, site: 'KENNEDY' }, 'riss-1');
    assert.equal(otherBody.body.code, 'CONFLICT');
  });

  it('refuses bad cases', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    assert.equal((await api.post('/v1/riss-cases', caseRequest)).status, 400, 'no key');
    assert.equal((await api.post('/v1/riss-cases', { ...caseRequest, email: 'not-an-email' }, 'a')).status, 400);
    assert.equal((await api.post('/v1/riss-cases', { ...caseRequest, cups: '890283' }, 'b')).status, 400);
    assert.equal((await api.post('/v1/riss-cases', { ...caseRequest, patientId: 'pat-9999' }, 'c')).status, 404);
    assert.equal((await api.get(`/v1/patients/${CARLOS}/riss-cases/open`)).status, 400, 'no specialty');
  });
});

describe('agenda simulator: bad input', () => {
  it('answers 400 BAD_REQUEST and keeps serving', async () => {
    const t = testContext();
    const api = await makeSimulator(t);
    const bad: Array<Promise<Reply<unknown>>> = [
      api.postRaw('/v1/members/lookup', '{"documentType": "CC", '),
      api.postRaw('/v1/appointments/apt-000001/cancel', 'not json'),
      api.post('/v1/members/lookup', { documentType: 'XX', documentNumber: '1010101010' }),
      api.post('/v1/members/lookup', { documentType: 'CC', documentNumber: "1' OR '1'='1" }),
      api.post('/v1/members/lookup', [1, 2, 3]),
      api.post('/v1/members/lookup'),
      api.get('/v1/slots?cups=890201&site=SUBA&from=yesterday&to=tomorrow'),
      api.get('/v1/slots?cups=999999&site=SUBA&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z'),
      api.get('/v1/slots?cups=890201&site=SUBA&franja=noche&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z'),
      api.get('/v1/slots?cups=890201&site=SUBA&limit=0&from=2026-11-12T00:00:00Z&to=2026-11-20T00:00:00Z'),
      api.get('/v1/patients/%E0%A4%A/appointments'),
      api.post('/v1/appointments', { patientId: LAURA }, 'k'),
    ];
    for (const reply of await Promise.all(bad)) {
      assert.equal(reply.status, 400);
      assert.equal((reply.body as { code: string }).code, 'BAD_REQUEST');
      assert.equal(typeof (reply.body as { message: unknown }).message, 'string');
    }
    assert.equal((await api.get('/v1/nowhere')).status, 404);
    assert.equal((await api.get('/v1/health')).status, 200);
  });
});

describe('agenda simulator: a moving clock', () => {
  it('hides slots that are now in the past and refuses to book them', async () => {
    const t = testContext();
    const clock = makeClock();
    const api = await makeSimulator(t, clock);
    const before = await api.slots({ cups: '890201', site: 'KENNEDY', from: NOW.toISOString() });
    const [earliest] = before;
    assert.ok(earliest && earliest.start.startsWith('2026-11-12T09'));

    clock.advance(3 * 60 * 60 * 1000); // 12:30
    const later = await api.slots({ cups: '890201', site: 'KENNEDY', from: NOW.toISOString() });
    assert.ok(later.every((slot) => new Date(slot.start) >= clock.now()));
    assert.ok(!later.some((slot) => slot.id === earliest.id));
    const late = await api.book({ patientId: LAURA, slotId: earliest.id, cups: '890201' }, 'late');
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'SLOT_TAKEN');

    clock.advance(6 * DAY_MS); // Wednesday 18 November: Diana's appointment is behind her
    assert.deepEqual(await api.appointments(DIANA), []);
    const days = datesOf(await api.slots({ cups: '890201', site: 'KENNEDY' }));
    assert.equal(days[0], '2026-11-18');
    assert.equal(days.at(-1), '2026-12-02');
  });

  it('opens no-programada on the next working day when today is not one', async () => {
    const t = testContext();
    const api = await makeSimulator(t, makeClock(new Date('2026-11-14T10:00:00-05:00'))); // Saturday
    const slots = await api.slots({ cups: '89020110', site: 'SUBA', from: '2026-11-14T00:00:00-05:00' });
    assert.deepEqual(datesOf(slots), ['2026-11-17']);
  });
});
