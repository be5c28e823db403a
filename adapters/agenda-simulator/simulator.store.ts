/**
 * The embedded agenda's SQLite store: seed and queries, over the tables of
 * `simulator.tables.ts` and the statements of `simulator.statements.ts`. It knows rows and
 * domain shapes, not rules; `simulator.service.ts` decides what may be written.
 *
 * Times are stored as epoch milliseconds (`starts_at`) and leave as Bogotá ISO strings.
 */
import Database from 'better-sqlite3';

import { toBogotaIso } from '../../bot/calendar.js';
import type { Appointment, Cups, DocumentType, Member, Patient, RissCase, SiteCode, Specialty } from '../../bot/domain.js';
import type { SeedAppointment, SeedDoctor, SeedPatient } from './seed-world.js';
import { createTables } from './simulator.tables.js';
import { prepareStatements, toAppointment, toPatientInsertRow, toRissCase, type BookedCountRow, type IdempotencyRecord, type PatientRow } from './simulator.statements.js';

/** Radicados are numbered from here, so the first case reads `RISS-<year>-000101`. */
const FIRST_RADICADO_NUMBER = 101;

/** What the operations write; `simulator.service.ts` has checked it first. */
export interface NewAppointment {
  patientId: string;
  cups: Cups;
  specialty: Specialty;
  doctorId: string;
  site: SiteCode;
  start: Date;
  /** When the booking was made. */
  bookedAt: Date;
}

export type NewRissCase = Omit<RissCase, 'radicado' | 'status'>;

/** The embedded agenda's database. Every write runs in a transaction. */
export class SimulatorStore {
  private readonly db: Database.Database;
  private readonly sql: ReturnType<typeof prepareStatements>;
  /** One transaction wrapper for every call (nested calls become savepoints). */
  private readonly runInTransaction: (work: () => unknown) => unknown;

  /** Opens (and creates if needed) the database; `:memory:` keeps nothing after `close()`. */
  constructor(dbPath = ':memory:') {
    this.db = new Database(dbPath);
    this.db.pragma('foreign_keys = ON');
    if (dbPath !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      // Lina's own floor: a killed process loses nothing, a power cut at most the last
      // commits; and a write no longer waits for an fsync.
      this.db.pragma('synchronous = NORMAL');
    }
    createTables(this.db);
    // After the schema is complete: a statement naming `booked_at` compiles only then.
    this.sql = prepareStatements(this.db);
    this.runInTransaction = this.db.transaction((work: () => unknown) => work());
  }

  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: () => T): T {
    return this.runInTransaction(work) as T;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Writes the seed world once. A file database that was seeded before keeps its state, so
   * a restart does not duplicate members or Diana's appointment.
   */
  seed(world: { doctors: readonly SeedDoctor[]; patients: readonly SeedPatient[]; appointments: readonly SeedAppointment[]; seededAt: Date }): void {
    this.transaction(() => {
      if (this.sql.seededAt.get()) return;
      for (const doctor of world.doctors) this.sql.insertDoctor.run(doctor);

      // Holders first, so every beneficiary's foreign key already resolves.
      const holdersFirst = [...world.patients].sort((a, b) => Number(!!a.holderId) - Number(!!b.holderId));
      for (const patient of holdersFirst) {
        this.sql.insertPatient.run(toPatientInsertRow(patient));
        for (const { specialty, doctorId } of patient.treatingDoctors) {
          this.sql.insertTreating.run(patient.id, specialty, doctorId);
        }
      }

      for (const appointment of world.appointments) {
        const doctor = this.doctor(appointment.doctorId);
        if (!doctor) throw new Error(`Seed appointment with unknown doctor ${appointment.doctorId}`);
        this.insertAppointment({ ...appointment, specialty: doctor.specialty, site: doctor.site, bookedAt: world.seededAt });
      }
      this.sql.markSeeded.run(toBogotaIso(world.seededAt));
    });
  }

  /**
   * Adds members beyond the seed world (load tests and crash harnesses need many). Holders
   * must come before their beneficiaries; an existing id is left as it is.
   */
  addPatients(patients: readonly SeedPatient[]): void {
    this.transaction(() => {
      for (const patient of patients) {
        this.sql.insertPatientUnlessKnown.run(toPatientInsertRow(patient));
        for (const { specialty, doctorId } of patient.treatingDoctors) {
          this.sql.insertTreatingUnlessKnown.run(patient.id, specialty, doctorId);
        }
      }
    });
  }

  // --- Doctors -------------------------------------------------------------------------------

  doctor(doctorId: string): SeedDoctor | undefined {
    return this.sql.doctor.get(doctorId);
  }

  doctors(): SeedDoctor[] {
    return this.sql.doctors.all();
  }

  /** The doctors of a specialty at a site in id order; only `doctorId` when it is given. */
  doctorsAt(site: SiteCode, specialty: Specialty, doctorId?: string): SeedDoctor[] {
    if (doctorId === undefined) return this.sql.doctorsAt.all(site, specialty);
    const doctor = this.sql.doctorAt.get(site, specialty, doctorId);
    return doctor ? [doctor] : [];
  }

  // --- Members and patients ------------------------------------------------------------------

  /** The member (not a beneficiary) holding that document, with beneficiaries. */
  findMember(documentType: DocumentType, documentNumber: string): Member | undefined {
    const row = this.sql.member.get(documentType, documentNumber);
    if (!row) return undefined;
    const beneficiaries = this.sql.beneficiaries.all(row.id).map((beneficiary) => this.toPatient(beneficiary));
    return {
      ...this.toPatient(row),
      ...(row.phone === null ? {} : { phone: row.phone }),
      ...(row.email === null ? {} : { email: row.email }),
      beneficiaries,
    };
  }

  patient(patientId: string): Patient | undefined {
    const row = this.sql.patient.get(patientId);
    return row && this.toPatient(row);
  }

  /** Whether a patient (member or beneficiary) has that id, without reading the record. */
  hasPatient(patientId: string): boolean {
    return this.sql.patientExists.get(patientId) !== undefined;
  }

  // --- Appointments --------------------------------------------------------------------------

  appointment(appointmentId: string): Appointment | undefined {
    const row = this.sql.appointment.get(appointmentId);
    return row && toAppointment(row);
  }

  /** Booked appointments starting after `now`, earliest first, optionally of one specialty. */
  upcomingAppointments(patientId: string, now: Date, specialty?: Specialty): Appointment[] {
    return this.sql.upcomingAppointments.all(patientId, now.getTime(), specialty ?? null, specialty ?? null).map(toAppointment);
  }

  /** Whether `upcomingAppointments(patientId, now, specialty)` would list anything. */
  hasUpcomingAppointment(patientId: string, now: Date, specialty: Specialty): boolean {
    return this.sql.hasUpcomingAppointment.get(patientId, now.getTime(), specialty) !== undefined;
  }

  /** `doctorId|startMs` of every booked slot of these doctors between `from` and `to`. */
  bookedSlots(doctorIds: readonly string[], from: Date, to: Date): Set<string> {
    const rows = this.sql.bookedSlots.all(JSON.stringify(doctorIds), from.getTime(), to.getTime());
    return new Set(rows.map((row) => bookedSlotKey(row.doctor_id, row.starts_at)));
  }

  /**
   * Appointments still booked, counted per Bogotá day the booking was made in [from, to),
   * site and specialty. Rows from before bookings kept their instant count on their start.
   */
  bookedCounts(from: Date, to: Date): BookedCountRow[] {
    return this.sql.bookedCounts.all(from.getTime(), to.getTime());
  }

  isSlotBooked(doctorId: string, start: Date): boolean {
    return this.sql.isSlotBooked.get(doctorId, start.getTime()) !== undefined;
  }

  /** Inserts a booked appointment and returns it; ids read `apt-000001`, `apt-000002`, ... */
  insertAppointment(appointment: NewAppointment): Appointment {
    return this.transaction(() => {
      const { next } = this.sql.nextAppointmentSeq.get() ?? { next: 1 };
      const id = `apt-${String(next).padStart(6, '0')}`;
      this.sql.insertAppointment.run(
        next,
        id,
        appointment.patientId,
        appointment.cups,
        appointment.specialty,
        appointment.doctorId,
        appointment.site,
        appointment.start.getTime(),
        appointment.bookedAt.getTime(),
      );
      return this.mustGetAppointment(id);
    });
  }

  cancelAppointment(appointmentId: string): Appointment {
    return this.transaction(() => {
      this.sql.cancelAppointment.run(appointmentId);
      return this.mustGetAppointment(appointmentId);
    });
  }

  /** Points the appointment at another slot; its old slot is free again by the same write. */
  moveAppointment(appointmentId: string, slot: { doctorId: string; site: SiteCode; start: Date }): Appointment {
    return this.transaction(() => {
      this.sql.moveAppointment.run(slot.doctorId, slot.site, slot.start.getTime(), appointmentId);
      return this.mustGetAppointment(appointmentId);
    });
  }

  // --- RISS cases ----------------------------------------------------------------------------

  rissCase(radicado: string): RissCase | undefined {
    const row = this.sql.rissCase.get(radicado);
    return row && toRissCase(row);
  }

  openCase(patientId: string, specialty: Specialty): RissCase | undefined {
    const row = this.sql.openCase.get(patientId, specialty);
    return row && toRissCase(row);
  }

  /** Files a case numbered `RISS-<year of createdAt>-<6 digits>`, sequential across years. */
  insertCase(rissCase: NewRissCase): RissCase {
    return this.transaction(() => {
      const { next } = this.sql.nextCaseSeq.get() ?? { next: 1 };
      const number = String(FIRST_RADICADO_NUMBER - 1 + next).padStart(6, '0');
      const radicado = `RISS-${rissCase.createdAt.slice(0, 4)}-${number}`;
      this.sql.insertCase.run(next, radicado, rissCase.patientId, rissCase.specialty, rissCase.cups, rissCase.site, rissCase.email, rissCase.createdAt, rissCase.dueDate);
      return this.mustGetCase(radicado);
    });
  }

  /**
   * Closes a case (closing a closed one changes nothing). Also what the CLI calls to play the
   * back office answering a case. `undefined` when no case has that radicado.
   */
  closeCase(radicado: string): RissCase | undefined {
    return this.transaction(() => {
      this.sql.closeCase.run(radicado);
      return this.rissCase(radicado);
    });
  }

  // --- Idempotency keys ----------------------------------------------------------------------

  idempotencyRecord(scope: string, key: string): IdempotencyRecord | undefined {
    return this.sql.idempotencyRecord.get(scope, key);
  }

  saveIdempotencyRecord(scope: string, key: string, record: IdempotencyRecord): void {
    this.transaction(() => {
      this.sql.saveIdempotencyRecord.run(scope, key, record.fingerprint, record.resourceId);
    });
  }

  private toPatient(row: PatientRow): Patient {
    return {
      id: row.id,
      documentType: row.document_type,
      documentNumber: row.document_number,
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      plan: row.plan,
      status: row.status,
      treatingDoctors: this.sql.treatingDoctors.all(row.id),
    };
  }

  private mustGetAppointment(appointmentId: string): Appointment {
    const appointment = this.appointment(appointmentId);
    if (!appointment) throw new Error(`Appointment ${appointmentId} vanished inside its transaction`);
    return appointment;
  }

  private mustGetCase(radicado: string): RissCase {
    const rissCase = this.rissCase(radicado);
    if (!rissCase) throw new Error(`Case ${radicado} vanished inside its transaction`);
    return rissCase;
  }
}

export function bookedSlotKey(doctorId: string, startMs: number): string {
  return `${doctorId}|${startMs}`;
}
