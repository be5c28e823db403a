/**
 * The agenda's booking statistics (`GET /v1/stats/bookings`), the program's goal metric:
 * appointments still booked per day they were booked, site, specialty and channel of origin.
 */
import { addDays, bogotaInstant } from '../../bot/calendar.js';
import type { SiteCode, Specialty } from '../../bot/domain.js';
import { isTakenByOthers, otherBookingOf } from './seed-world.js';
import { SimulatorError } from './simulator.errors.js';
import type { SimulatorStore } from './simulator.store.js';
import { HORIZON_DAYS, slotStartsOn } from './slot-grid.js';

/** Longest period the statistics answer for. */
const MAX_STATS_DAYS = 366;

export type BookingChannel = 'digital' | 'call_center' | 'in_person';

export interface BookingStatsRow {
  day: string;
  site: SiteCode;
  specialty: Specialty;
  channel: BookingChannel;
  bookings: number;
}

/**
 * Bookings per day they were made, site, specialty and channel of origin. Appointments
 * booked through this API are `digital`; the slots the seed world gives to other people
 * (`isTakenByOthers`) are bookings made in the app or portal, by phone or at a window, a
 * few days before their slot (`otherBookingOf`).
 */
export function countBookings(store: SimulatorStore, { from, to }: { from: string; to: string }): { from: string; to: string; rows: BookingStatsRow[] } {
  if (from > to || addDays(from, MAX_STATS_DAYS - 1) < to) {
    throw new SimulatorError('BAD_REQUEST', `from must not be after to, and the period at most ${MAX_STATS_DAYS} days`);
  }
  const counts = new Map<string, BookingStatsRow>();
  const add = (row: Omit<BookingStatsRow, 'bookings'>, bookings: number) => {
    const key = `${row.day}|${row.site}|${row.specialty}|${row.channel}`;
    const found = counts.get(key);
    if (found) found.bookings += bookings;
    else counts.set(key, { ...row, bookings });
  };
  const start = bogotaInstant(from, '00:00');
  const end = bogotaInstant(addDays(to, 1), '00:00');
  for (const row of store.bookedCounts(start, end)) add({ ...row, channel: 'digital' }, row.bookings);
  const doctors = store.doctors();
  // A slot booked elsewhere during the period can start up to the horizon after it.
  for (let day = from; day <= addDays(to, HORIZON_DAYS); day = addDays(day, 1)) {
    for (const slot of slotStartsOn(day)) {
      for (const doctor of doctors) {
        if (!isTakenByOthers(doctor.id, slot)) continue;
        const booking = otherBookingOf(doctor.id, slot);
        if (booking.day < from || booking.day > to) continue;
        add({ day: booking.day, site: doctor.site, specialty: doctor.specialty, channel: booking.channel }, 1);
      }
    }
  }
  const rows = [...counts.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.site.localeCompare(b.site) || a.specialty.localeCompare(b.specialty) || a.channel.localeCompare(b.channel),
  );
  return { from, to, rows };
}
