/**
 * An in-memory `AgendaService` with a small, fixed world, for tests above the agenda client.
 * Switches make any operation fail with a given `AgendaError` code or hang, the way a real
 * agenda misbehaves, without HTTP.
 */
import { AgendaError, type AgendaErrorCode } from '../../bot/agenda.errors.js';
import { addDays, bogotaDate, bogotaTime } from '../../bot/calendar.js';
import { serviceOf, type Appointment, type Member, type Patient, type RissCase, type SiteCode, type Slot, type Specialty } from '../../bot/domain.js';
import type { AgendaService, Clock } from '../../bot/ports.js';

export type AgendaOperation = keyof AgendaService;
export type BookingStatsRow = Awaited<ReturnType<AgendaService['bookingStats']>>[number];
type SlotQuery = Parameters<AgendaService['searchSlots']>[0];

export interface FakeAgenda extends AgendaService {
  readonly members: Member[];
  readonly slots: Slot[];
  readonly appointments: Appointment[];
  readonly cases: RissCase[];
  /** Bookings the agenda took outside this fake (call centre, windows, the app), as `bookingStats` reports them. */
  readonly otherBookings: BookingStatsRow[];
  /** Every call received, in order, with its parameters. */
  readonly calls: Array<{ operation: AgendaOperation; params: unknown }>;
  /** From now on `operation` rejects with an `AgendaError` of this code, until `heal`. */
  failWith(operation: AgendaOperation, code: AgendaErrorCode): void;
  /** From now on `operation` never answers, until `heal` (which rejects the waiting calls with `TIMEOUT`). */
  hang(operation: AgendaOperation): void;
  /** From now on `operation` does its work at once but answers `ms` later: an answer that arrives too late. */
  slow(operation: AgendaOperation, ms: number): void;
  /** Back to normal, for one operation or all of them. */
  heal(operation?: AgendaOperation): void;
  callsOf(operation: AgendaOperation): unknown[];
}

/** The Monday morning most tests start from (2026-11-23, 08:00 in Bogotá). */
export const FAKE_NOW = '2026-11-23T08:00:00-05:00';

let patientCounter = 0;

export function makePatient(overrides: Partial<Patient> = {}): Patient {
  patientCounter += 1;
  return {
    id: `pat-fake-${patientCounter}`,
    documentType: 'CC',
    documentNumber: String(9_000_000_000 + patientCounter),
    firstName: 'Paciente',
    lastName: 'Prueba',
    birthDate: '1990-01-01',
    plan: 'PBS',
    status: 'active',
    treatingDoctors: [],
    ...overrides,
  };
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return { ...makePatient(), beneficiaries: [], ...overrides };
}

export function makeSlot(overrides: Partial<Slot> & Pick<Slot, 'start'>): Slot {
  const start = new Date(overrides.start);
  const site = overrides.site ?? 'SUBA';
  const doctor = overrides.doctor ?? { id: `doc-${site.toLowerCase()}-1`, name: 'Dra. Marta Salazar' };
  return {
    id: `slot-${doctor.id}-${start.getTime()}`,
    end: new Date(start.getTime() + 20 * 60_000).toISOString(),
    site,
    specialty: 'medicina_general',
    doctor,
    ...overrides,
  };
}

/** The fake world's people: documents and dates match the seed world's, ids do not. */
export function seedMembers(): { laura: Member; carlos: Member; ana: Member; jorge: Member } {
  return {
    // Has beneficiaries: Lina asks for whom the appointment is.
    laura: makeMember({
      id: 'mem-laura',
      documentNumber: '1010101010',
      firstName: 'Laura',
      lastName: 'Gómez',
      birthDate: '1994-03-15',
      phone: '+573001112233',
      email: 'laura.gomez@example.com',
      beneficiaries: [
        makePatient({ id: 'ben-mateo', documentType: 'TI', documentNumber: '1100000001', firstName: 'Mateo', lastName: 'Gómez', birthDate: '2013-06-01' }),
        makePatient({ id: 'ben-sofia', documentType: 'RC', documentNumber: '1200000002', firstName: 'Sofía', lastName: 'Gómez', birthDate: '2021-09-10' }),
      ],
    }),
    // No beneficiaries: straight to the menu.
    carlos: makeMember({
      id: 'mem-carlos',
      documentNumber: '2020202020',
      firstName: 'Carlos',
      lastName: 'Pérez',
      birthDate: '1980-11-02',
      phone: '+573004445566',
    }),
    ana: makeMember({ id: 'mem-ana', documentNumber: '3030303030', firstName: 'Ana', birthDate: '1990-01-20', plan: 'PAC' }),
    jorge: makeMember({ id: 'mem-jorge', documentNumber: '4040404040', firstName: 'Jorge', birthDate: '1975-05-05', status: 'inactive' }),
  };
}

/**
 * Three slots a day (08:00, 10:20, 14:40) on the three days after `now`, for both specialties
 * at Suba and Kennedy.
 */
export function seedSlots(now: Date | string = FAKE_NOW): Slot[] {
  const today = bogotaDate(new Date(now));
  const slots: Slot[] = [];
  for (const site of ['SUBA', 'KENNEDY'] as const satisfies readonly SiteCode[]) {
    for (const specialty of ['medicina_general', 'pediatria'] as const satisfies readonly Specialty[]) {
      const doctor = { id: `doc-${site.toLowerCase()}-${specialty}`, name: specialty === 'pediatria' ? 'Dra. Juliana Patiño' : 'Dra. Marta Salazar' };
      for (let day = 1; day <= 3; day++) {
        for (const time of ['08:00', '10:20', '14:40']) {
          slots.push(makeSlot({ start: `${addDays(today, day)}T${time}:00-05:00`, site, specialty, doctor }));
        }
      }
    }
  }
  return slots;
}

export function createFakeAgenda(seed: { members?: Member[]; slots?: Slot[]; clock?: Clock } = {}): FakeAgenda {
  const clock = seed.clock ?? { now: () => new Date(FAKE_NOW) };
  const members = seed.members ?? Object.values(seedMembers());
  const slots = seed.slots ?? seedSlots();
  const appointments: Appointment[] = [];
  const cases: RissCase[] = [];
  const otherBookings: BookingStatsRow[] = [];
  const calls: FakeAgenda['calls'] = [];
  const failures = new Map<AgendaOperation, AgendaErrorCode>();
  const hanging = new Set<AgendaOperation>();
  const delays = new Map<AgendaOperation, number>();
  const waiting: Array<{ operation: AgendaOperation; reject: (error: unknown) => void }> = [];
  const bookingsByKey = new Map<string, Appointment>();
  /** The Bogotá day each appointment was booked, for `bookingStats`. */
  const bookedOn = new Map<string, string>();
  let sequence = 0;

  const error = (code: AgendaErrorCode, operation: AgendaOperation) => new AgendaError(code, `fake agenda ${operation}: ${code}`, { operation });

  /** Runs one operation through the switches, then the in-memory rule. */
  function operation<P, R>(name: AgendaOperation, rule: (params: P) => R): (params: P) => Promise<R> {
    return (params) => {
      calls.push({ operation: name, params });
      if (hanging.has(name)) {
        return new Promise<R>((_, reject) => waiting.push({ operation: name, reject }));
      }
      const code = failures.get(name);
      if (code) return Promise.reject(error(code, name));
      // The work happens now, whatever the delay: a late answer still changed the agenda.
      let settle: (resolve: (value: R) => void, reject: (error: unknown) => void) => void;
      try {
        const result = structuredClone(rule(params));
        settle = (resolve) => resolve(result);
      } catch (failure) {
        settle = (_, reject) => reject(failure);
      }
      const delay = delays.get(name);
      return new Promise<R>((resolve, reject) => (delay === undefined ? settle(resolve, reject) : setTimeout(() => settle(resolve, reject), delay)));
    };
  }

  const patients = () => members.flatMap((member) => [member, ...member.beneficiaries]);
  const isTaken = (slotId: string) => appointments.some((appointment) => appointment.status === 'booked' && slotIdOf(appointment) === slotId);
  const slotIdOf = (appointment: Appointment) => slots.find((slot) => slot.start === appointment.start && slot.doctor.id === appointment.doctor.id)?.id;

  /** The slots `searchSlots` offers for a query, earliest first, before its `limit`. */
  function freeSlots({ cups, site, franja, doctorId, from, to }: SlotQuery): Slot[] {
    const { specialty } = serviceOf(cups);
    const [start, end] = [new Date(from).getTime(), new Date(to).getTime()];
    return slots
      .filter((slot) => slot.specialty === specialty && slot.site === site && !isTaken(slot.id))
      .filter((slot) => !doctorId || slot.doctor.id === doctorId)
      .filter((slot) => !franja || bogotaTime(new Date(slot.start)) < '12:00' === (franja === 'manana'))
      .filter((slot) => new Date(slot.start).getTime() >= start && new Date(slot.start).getTime() <= end)
      .sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime());
  }

  function appointmentFor(patientId: string, slot: Slot, cups: Appointment['cups']): Appointment {
    sequence += 1;
    return {
      id: `apt-${sequence}`,
      patientId,
      cups,
      specialty: serviceOf(cups).specialty,
      site: slot.site,
      start: slot.start,
      end: slot.end,
      doctor: slot.doctor,
      status: 'booked',
    };
  }

  function freeSlot(slotId: string, specialty: Specialty, name: AgendaOperation): Slot {
    const slot = slots.find((candidate) => candidate.id === slotId);
    if (!slot) throw error('NOT_FOUND', name);
    if (isTaken(slot.id) || slot.specialty !== specialty) throw error('SLOT_TAKEN', name);
    return slot;
  }

  return {
    members,
    slots,
    appointments,
    cases,
    otherBookings,
    calls,

    failWith(name, code) {
      failures.set(name, code);
    },
    hang(name) {
      hanging.add(name);
    },
    slow(name, ms) {
      delays.set(name, ms);
    },
    heal(name) {
      for (const healed of name ? [name] : [...hanging, ...failures.keys(), ...delays.keys()]) {
        failures.delete(healed);
        hanging.delete(healed);
        delays.delete(healed);
        for (const call of waiting.filter((pending) => pending.operation === healed)) {
          call.reject(error('TIMEOUT', healed));
          waiting.splice(waiting.indexOf(call), 1);
        }
      }
    },
    callsOf(name) {
      return calls.filter((call) => call.operation === name).map((call) => call.params);
    },

    findMember: operation('findMember', ({ documentType, documentNumber }) => {
      const member = members.find((m) => m.documentType === documentType && m.documentNumber === documentNumber);
      if (!member) throw error('NOT_FOUND', 'findMember');
      return member;
    }),

    searchSlots: operation('searchSlots', (query) => freeSlots(query).slice(0, query.limit ?? 5)),

    availableDays: operation('availableDays', (query) => {
      const days: Array<{ day: string; slots: number; firstStart: string }> = [];
      for (const slot of freeSlots(query)) {
        const day = bogotaDate(new Date(slot.start));
        const current = days.at(-1);
        if (current?.day === day) current.slots += 1;
        else days.push({ day, slots: 1, firstStart: slot.start });
      }
      return query.limit === undefined ? days : days.slice(0, query.limit);
    }),

    book: operation('book', ({ patientId, slotId, cups, idempotencyKey }) => {
      const replayed = bookingsByKey.get(idempotencyKey);
      if (replayed) return replayed;
      if (!patients().some((patient) => patient.id === patientId)) throw error('NOT_FOUND', 'book');
      const { specialty } = serviceOf(cups);
      const slot = slots.find((candidate) => candidate.id === slotId && candidate.specialty === specialty);
      if (!slot) throw error('NOT_FOUND', 'book');
      // As the agenda does: one upcoming appointment per patient and specialty.
      const upcoming = appointments.some((a) => a.patientId === patientId && a.specialty === specialty && a.status === 'booked');
      if (upcoming) throw error('CONFLICT', 'book');
      const appointment = appointmentFor(patientId, freeSlot(slotId, specialty, 'book'), cups);
      appointments.push(appointment);
      bookedOn.set(appointment.id, bogotaDate(clock.now()));
      bookingsByKey.set(idempotencyKey, appointment);
      return appointment;
    }),

    listAppointments: operation('listAppointments', ({ patientId }) =>
      appointments
        .filter((appointment) => appointment.patientId === patientId && appointment.status === 'booked')
        .sort((a, b) => new Date(a.start).getTime() - new Date(b.start).getTime()),
    ),

    cancel: operation('cancel', ({ appointmentId }) => {
      const appointment = appointments.find((candidate) => candidate.id === appointmentId);
      if (!appointment) throw error('NOT_FOUND', 'cancel');
      appointment.status = 'cancelled';
      return appointment;
    }),

    reschedule: operation('reschedule', ({ appointmentId, slotId, idempotencyKey }) => {
      const replayed = bookingsByKey.get(idempotencyKey);
      if (replayed) return replayed;
      const appointment = appointments.find((candidate) => candidate.id === appointmentId && candidate.status === 'booked');
      if (!appointment) throw error('NOT_FOUND', 'reschedule');
      const slot = freeSlot(slotId, appointment.specialty, 'reschedule');
      Object.assign(appointment, { start: slot.start, end: slot.end, doctor: slot.doctor, site: slot.site });
      bookingsByKey.set(idempotencyKey, appointment);
      return appointment;
    }),

    createCase: operation('createCase', ({ patientId, specialty, cups, site, email }) => {
      const createdAt = clock.now().toISOString();
      const rissCase: RissCase = {
        radicado: `RISS-2026-${String(cases.length + 1).padStart(6, '0')}`,
        patientId,
        specialty,
        cups,
        site,
        email,
        createdAt,
        dueDate: addDays(bogotaDate(new Date(createdAt)), 7),
        status: 'open',
      };
      cases.push(rissCase);
      return rissCase;
    }),

    findOpenCase: operation('findOpenCase', ({ patientId, specialty }) => cases.find((c) => c.patientId === patientId && c.specialty === specialty && c.status === 'open') ?? null),

    closeCase: operation('closeCase', ({ radicado }) => {
      const rissCase = cases.find((c) => c.radicado === radicado);
      if (!rissCase) throw error('NOT_FOUND', 'closeCase');
      rissCase.status = 'closed';
      return rissCase;
    }),

    bookingStats: operation('bookingStats', ({ from, to }) => {
      // Appointments still booked count as digital on the day they were booked; `otherBookings` are the rest.
      const rows: BookingStatsRow[] = otherBookings.filter((row) => row.day >= from && row.day <= to).map((row) => ({ ...row }));
      for (const appointment of appointments) {
        const day = bookedOn.get(appointment.id) ?? bogotaDate(new Date(appointment.start));
        if (appointment.status !== 'booked' || day < from || day > to) continue;
        const found = rows.find((row) => row.day === day && row.site === appointment.site && row.specialty === appointment.specialty && row.channel === 'digital');
        if (found) found.bookings += 1;
        else rows.push({ day, site: appointment.site, specialty: appointment.specialty, channel: 'digital', bookings: 1 });
      }
      return rows;
    }),
  };
}
