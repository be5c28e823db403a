/**
 * The agenda's rules: what is free, who may book it, and what a repeated request means.
 * Synchronous on purpose: each operation is one SQLite transaction, so checks and writes
 * cannot interleave with another request.
 */
import { addBusinessDays, addDays, bogotaDate, toBogotaIso } from '../../bot/calendar.js';
import { serviceOf, type Appointment, type Cups, type DocumentId, type Franja, type Member, type RissCase, type SiteCode, type Slot, type Specialty } from '../../bot/domain.js';
import type { Clock } from '../../bot/ports.js';
import { countBookings, type BookingStatsRow } from './booking-stats.js';
import { isOpenByRule } from './seed-world.js';
import type { SeedDoctor } from './seed-world.js';
import { SimulatorError } from './simulator.errors.js';
import { bookedSlotKey } from './simulator.store.js';
import type { SimulatorStore } from './simulator.store.js';
import { bookingWindowOf, gridOf, horizonEnd, isInBookingWindow, isWithinBookingWindow, parseSlotId, slotEnd, slotIdOf } from './slot-grid.js';

/** RISS answers within this many business days of filing. */
const RISS_DUE_BUSINESS_DAYS = 5;

/** What `searchSlots` and `availableDays` are asked (the `GET /v1/slots` query). */
export interface SlotQuery {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  from: string;
  to: string;
  limit?: number;
}

/** A Bogotá day with free slots: how many, and when the first one starts. */
export interface AvailableDay {
  day: string;
  slots: number;
  firstStart: string;
}

/** A result and whether it was replayed from an earlier request with the same key. */
export interface Idempotent<T> {
  result: T;
  replayed: boolean;
}

/** The agenda's operations over the store, with "now" from the injected clock. */
export class SimulatedAgenda {
  constructor(
    private readonly store: SimulatorStore,
    private readonly clock: Clock,
  ) {}

  findMember({ documentType, documentNumber }: DocumentId): Member {
    const member = this.store.findMember(documentType, documentNumber);
    if (!member) throw new SimulatorError('NOT_FOUND', 'No member with that document');
    return member;
  }

  /** Free slots of the CUPS's specialty at a site, earliest first, within horizon and window. */
  searchSlots(params: SlotQuery): Slot[] {
    const { limit } = params;
    const slots: Slot[] = [];
    this.walkFreeSlots(params, (doctor, start) => {
      slots.push(toSlot(doctor, start));
      return limit === undefined || slots.length < limit;
    });
    return slots;
  }

  /**
   * The Bogotá days with free slots, earliest first: the slots `searchSlots` would offer for the
   * same query, counted per day. `limit` caps the days, not the slots.
   */
  availableDays(params: SlotQuery): AvailableDay[] {
    const { limit } = params;
    const days: AvailableDay[] = [];
    this.walkFreeSlots(params, (_doctor, start, day) => {
      const current = days.at(-1);
      if (current?.day === day) {
        current.slots += 1;
        return true;
      }
      // A new day: the walk goes earliest first, so this is its first free slot.
      if (limit !== undefined && days.length >= limit) return false;
      days.push({ day, slots: 1, firstStart: toBogotaIso(start) });
      return true;
    });
    return days;
  }

  /** Books a slot; the same key with the same request gives the same appointment back. */
  book(params: { patientId: string; slotId: string; cups: Cups; idempotencyKey: string }): Idempotent<Appointment> {
    const { patientId, slotId, cups, idempotencyKey } = params;
    return this.idempotent({
      scope: 'book',
      key: idempotencyKey,
      fingerprint: [patientId, slotId, cups],
      load: (appointmentId) => this.store.appointment(appointmentId),
      run: () => {
        const now = this.clock.now();
        this.requirePatient(patientId);
        const { specialty } = serviceOf(cups);
        const { doctor, start } = this.requireSlot(slotId, specialty);
        if (this.store.hasUpcomingAppointment(patientId, now, specialty)) {
          throw new SimulatorError('CONFLICT', 'The patient already has an upcoming appointment of that specialty');
        }
        this.requireFree(doctor, start, cups, now);
        const appointment = this.store.insertAppointment({
          bookedAt: now,
          patientId,
          cups,
          specialty,
          doctorId: doctor.id,
          site: doctor.site,
          start,
        });
        return { result: appointment, resourceId: appointment.id };
      },
    });
  }

  listAppointments({ patientId }: { patientId: string }): Appointment[] {
    this.requirePatient(patientId);
    return this.store.upcomingAppointments(patientId, this.clock.now());
  }

  /** Cancels an appointment; cancelling a cancelled one answers the same. */
  cancel({ appointmentId }: { appointmentId: string }): Appointment {
    return this.store.transaction(() => {
      const appointment = this.requireAppointment(appointmentId);
      return appointment.status === 'cancelled' ? appointment : this.store.cancelAppointment(appointmentId);
    });
  }

  /** Moves an upcoming appointment to a free slot of its specialty, keeping its id. */
  reschedule(params: { appointmentId: string; slotId: string; idempotencyKey: string }): Idempotent<Appointment> {
    const { appointmentId, slotId, idempotencyKey } = params;
    return this.idempotent({
      scope: 'reschedule',
      key: idempotencyKey,
      fingerprint: [appointmentId, slotId],
      load: (id) => this.store.appointment(id),
      run: () => {
        const now = this.clock.now();
        const appointment = this.requireAppointment(appointmentId);
        if (appointment.status !== 'booked' || new Date(appointment.start) <= now) {
          throw new SimulatorError('CONFLICT', 'Only an upcoming booked appointment can be moved');
        }
        const { doctor, start } = this.requireSlot(slotId, appointment.specialty);
        this.requireFree(doctor, start, appointment.cups, now);
        const moved = this.store.moveAppointment(appointmentId, { doctorId: doctor.id, site: doctor.site, start });
        return { result: moved, resourceId: moved.id };
      },
    });
  }

  /** Files a RISS case due 5 business days after today (Bogotá); one open per specialty. */
  createCase(params: { patientId: string; specialty: Specialty; cups: Cups; site: SiteCode; email: string; idempotencyKey: string }): Idempotent<RissCase> {
    const { patientId, specialty, cups, site, email, idempotencyKey } = params;
    return this.idempotent({
      scope: 'riss',
      key: idempotencyKey,
      fingerprint: [patientId, specialty, cups, site, email],
      load: (radicado) => this.store.rissCase(radicado),
      run: () => {
        this.requirePatient(patientId);
        if (serviceOf(cups).specialty !== specialty) {
          throw new SimulatorError('BAD_REQUEST', `CUPS ${cups} is not a ${specialty} service`);
        }
        if (this.store.openCase(patientId, specialty)) {
          throw new SimulatorError('CONFLICT', 'The patient already has an open case for that specialty');
        }
        const now = this.clock.now();
        const rissCase = this.store.insertCase({
          patientId,
          specialty,
          cups,
          site,
          email,
          createdAt: toBogotaIso(now),
          dueDate: addBusinessDays(bogotaDate(now), RISS_DUE_BUSINESS_DAYS),
        });
        return { result: rissCase, resourceId: rissCase.radicado };
      },
    });
  }

  findOpenCase({ patientId, specialty }: { patientId: string; specialty: Specialty }): RissCase {
    this.requirePatient(patientId);
    const rissCase = this.store.openCase(patientId, specialty);
    if (!rissCase) throw new SimulatorError('NOT_FOUND', 'No open case for that specialty');
    return rissCase;
  }

  closeCase({ radicado }: { radicado: string }): RissCase {
    const rissCase = this.store.closeCase(radicado);
    if (!rissCase) throw new SimulatorError('NOT_FOUND', 'No case with that radicado');
    return rissCase;
  }

  /** Bookings per day they were made, site, specialty and channel of origin (`booking-stats.ts`). */
  bookingStats(period: { from: string; to: string }): { from: string; to: string; rows: BookingStatsRow[] } {
    return countBookings(this.store, period);
  }

  /**
   * Calls `visit` with every free slot matching the query, earliest first (doctors in id order
   * at the same start), with its Bogotá day, until `visit` answers `false`. A slot is free when
   * it starts at or after `from` and at or before `to`, within the booking window of the CUPS
   * (after now, within the horizon), in the band asked for, open under the seed world's rules
   * and not booked. The one rule behind both `searchSlots` and `availableDays`.
   */
  private walkFreeSlots(params: SlotQuery, visit: (doctor: SeedDoctor, start: Date, day: string) => boolean): void {
    const { cups, site, franja, doctorId } = params;
    const now = this.clock.now();
    const from = latest(new Date(params.from), now);
    const to = earliest(new Date(params.to), horizonEnd(now));
    if (from > to) return;

    const doctors = this.store.doctorsAt(site, serviceOf(cups).specialty, doctorId);
    if (doctors.length === 0) return;
    const booked = this.store.bookedSlots(
      doctors.map((doctor) => doctor.id),
      from,
      to,
    );
    const window = bookingWindowOf(cups, now);
    for (let day = bogotaDate(from), last = bogotaDate(to); day <= last; day = addDays(day, 1)) {
      for (const slot of gridOf(day)) {
        const { start } = slot;
        if (start < from || start > to || !isInBookingWindow(window, start)) continue;
        if (franja !== undefined && slot.franja !== franja) continue;
        for (const doctor of doctors) {
          // The booked set before the seed rule: a lookup is cheaper than the rule's hash.
          if (booked.has(bookedSlotKey(doctor.id, start.getTime())) || !isOpenByRule(doctor, start)) continue;
          if (!visit(doctor, start, day)) return;
        }
      }
    }
  }

  /**
   * Runs `run` once per key: a repeat with the same request replays the stored result, a
   * repeat with another request is a conflict. A refused request stores nothing, so the
   * client may retry it with the same key.
   */
  private idempotent<T>(spec: {
    scope: string;
    key: string;
    fingerprint: readonly string[];
    load: (resourceId: string) => T | undefined;
    run: () => { result: T; resourceId: string };
  }): Idempotent<T> {
    const fingerprint = JSON.stringify(spec.fingerprint);
    return this.store.transaction(() => {
      const record = this.store.idempotencyRecord(spec.scope, spec.key);
      if (record) {
        if (record.fingerprint !== fingerprint) {
          throw new SimulatorError('CONFLICT', 'Idempotency-Key already used with another request');
        }
        const result = spec.load(record.resourceId);
        if (result !== undefined) return { result, replayed: true };
      }
      const { result, resourceId } = spec.run();
      this.store.saveIdempotencyRecord(spec.scope, spec.key, { fingerprint, resourceId });
      return { result, replayed: false };
    });
  }

  private requirePatient(patientId: string): void {
    if (!this.store.hasPatient(patientId)) throw new SimulatorError('NOT_FOUND', 'Unknown patient');
  }

  private requireAppointment(appointmentId: string): Appointment {
    const appointment = this.store.appointment(appointmentId);
    if (!appointment) throw new SimulatorError('NOT_FOUND', 'Unknown appointment');
    return appointment;
  }

  /** The slot's doctor and start; `NOT_FOUND` unless it is a grid slot of that specialty. */
  private requireSlot(slotId: string, specialty: Specialty): { doctor: SeedDoctor; start: Date } {
    const parsed = parseSlotId(slotId);
    const doctor = parsed && this.store.doctor(parsed.doctorId);
    if (!parsed || !doctor || doctor.specialty !== specialty) {
      throw new SimulatorError('NOT_FOUND', 'Unknown slot for that service');
    }
    return { doctor, start: parsed.start };
  }

  /** `SLOT_TAKEN` for any slot the search would not offer now: held, past or out of window. */
  private requireFree(doctor: SeedDoctor, start: Date, cups: Cups, now: Date): void {
    const free = isWithinBookingWindow(cups, start, now) && isOpenByRule(doctor, start) && !this.store.isSlotBooked(doctor.id, start);
    if (!free) throw new SimulatorError('SLOT_TAKEN', 'That slot is no longer free');
  }
}

function toSlot(doctor: SeedDoctor, start: Date): Slot {
  return {
    id: slotIdOf(doctor.id, start),
    start: toBogotaIso(start),
    end: toBogotaIso(slotEnd(start)),
    site: doctor.site,
    specialty: doctor.specialty,
    doctor: { id: doctor.id, name: doctor.name },
  };
}

function latest(a: Date, b: Date): Date {
  return a > b ? a : b;
}

function earliest(a: Date, b: Date): Date {
  return a < b ? a : b;
}
