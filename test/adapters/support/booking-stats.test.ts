/** `GET /v1/stats/bookings` end to end: the embedded simulator and the agenda client. */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';

import { createAgendaClient } from '../../../adapters/agenda/agenda.client.js';
import { SEED_DOCTORS, isTakenByOthers, otherBookingOf } from '../../../adapters/agenda-simulator/seed-world.js';
import { slotStartsOn } from '../../../adapters/agenda-simulator/slot-grid.js';
import { addDays } from '../../../bot/calendar.js';
import { startAgendaSimulator, type AgendaSimulator } from '../../../adapters/agenda-simulator/simulator.server.js';
import { isAgendaError } from '../../../bot/agenda.errors.js';
import { ManualClock } from '../../../bot/clock.js';
import type { AgendaService } from '../../../bot/ports.js';

const NOW = '2026-11-23T08:00:00-05:00';

describe('booking stats (agenda contract)', () => {
  let simulator: AgendaSimulator;
  let agenda: AgendaService;
  beforeAll(async () => {
    simulator = await startAgendaSimulator({ clock: new ManualClock(NOW) });
    agenda = createAgendaClient({ baseUrl: simulator.url });
  });
  afterAll(() => simulator.close());

  type Row = Awaited<ReturnType<AgendaService['bookingStats']>>[number];
  const count = (rows: Row[], where: Partial<Row>) =>
    rows.filter((row) => Object.entries(where).every(([key, value]) => row[key as keyof Row] === value)).reduce((sum, row) => sum + row.bookings, 0);

  it('counts the seeded bookings of other channels, made on working days, the same on every call', async () => {
    const rows = await agenda.bookingStats({ from: '2026-11-20', to: '2026-11-24' });
    assert.deepEqual([...new Set(rows.map((row) => row.day))], ['2026-11-20', '2026-11-23', '2026-11-24']);
    assert.deepEqual([...new Set(rows.map((row) => row.channel))].sort(), ['call_center', 'digital', 'in_person']);
    const perDay = rows.filter((row) => row.day === '2026-11-23').reduce((sum, row) => sum + row.bookings, 0);
    const slots = SEED_DOCTORS.length * 30;
    assert.ok(perDay > slots * 0.1 && perDay < slots * 0.3, `about a fifth of ${slots} slots: ${perDay}`);
    assert.deepEqual(await agenda.bookingStats({ from: '2026-11-20', to: '2026-11-24' }), rows);
  });

  it('counts appointments booked through the API as digital, on the day they were booked', async () => {
    const day = '2026-11-23';
    const before = await agenda.bookingStats({ from: day, to: day });
    // Diana's appointment was booked when the simulator was seeded, on top of the slots the
    // seed world gives to the app and the portal.
    const seededDigital = SEED_DOCTORS.filter((doctor) => doctor.site === 'KENNEDY' && doctor.specialty === 'medicina_general')
      // Slots up to the two-week horizon (plus a weekend) after the day can have been booked on it.
      .flatMap((doctor) =>
        Array.from({ length: 21 }, (_, ahead) => ahead).flatMap((ahead) =>
          slotStartsOn(addDays(day, ahead))
            .filter((start) => isTakenByOthers(doctor.id, start))
            .map((start) => otherBookingOf(doctor.id, start)),
        ),
      )
      .filter((booking) => booking.channel === 'digital' && booking.day === day).length;
    assert.equal(count(before, { site: 'KENNEDY', specialty: 'medicina_general', channel: 'digital' }), seededDigital + 1);

    const [slot] = await agenda.searchSlots({ cups: '890283', site: 'SUBA', from: '2026-11-24T00:00:00-05:00', to: '2026-11-24T23:59:00-05:00', limit: 1 });
    assert.ok(slot);
    const booked = await agenda.book({ patientId: 'pat-0002', slotId: slot.id, cups: '890283', idempotencyKey: 'stats-1' });
    const during = await agenda.bookingStats({ from: day, to: day });
    const sumaPediatrics = { site: 'SUBA', specialty: 'pediatria', channel: 'digital' } as const;
    assert.equal(count(during, sumaPediatrics), count(before, sumaPediatrics) + 1);
    assert.equal(count(during, {}), count(before, {}) + 1);
    await agenda.cancel({ appointmentId: booked.id });
    assert.deepEqual(await agenda.bookingStats({ from: day, to: day }), before);
  });

  it('refuses a period that runs backwards or beyond 366 days', async () => {
    for (const period of [
      { from: '2026-11-24', to: '2026-11-23' },
      { from: '2025-01-01', to: '2026-11-23' },
      { from: '2026-02-30', to: '2026-03-01' },
    ]) {
      await assert.rejects(agenda.bookingStats(period), (error) => isAgendaError(error, 'BAD_RESPONSE'));
    }
    const response = await fetch(`${simulator.url}/v1/stats/bookings?from=2026-11-24&to=2026-11-23`);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { code: string }).code, 'BAD_REQUEST');
  });
});
