/**
 * The embedded agenda's SQLite store: schema, seed and queries. It knows rows and domain
 * shapes, not rules; `simulator.service.ts` decides what may be written.
 *
 * Times are stored as epoch milliseconds (`starts_at`) and leave as Bogotá ISO strings.
 */
import Database from 'better-sqlite3';

import { toBogotaIso } from '../../bot/calendar.js';
import type {
  Appointment,
  AppointmentStatus,
  Cups,
  DocumentType,
  Member,
  Patient,
  RissCase,
  SiteCode,
  Specialty,
  TreatingDoctor,
} from '../../bot/domain.js';
import type { SeedAppointment, SeedDoctor, SeedPatient } from './seed-world.js';
import { slotEnd } from './slot-grid.js';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS doctors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    site TEXT NOT NULL,
    specialty TEXT NOT NULL,
    availability TEXT NOT NULL
  );
  -- The doctors a search looks at, already in id order (searchSlots, doctorsAt).
  CREATE INDEX IF NOT EXISTS doctors_by_site ON doctors (site, specialty, id);
  CREATE TABLE IF NOT EXISTS patients (
    id TEXT PRIMARY KEY,
    document_type TEXT NOT NULL,
    document_number TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    plan TEXT NOT NULL,
    status TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    holder_id TEXT REFERENCES patients (id),
    UNIQUE (document_type, document_number)
  );
  -- A member's beneficiaries in id order (findMember).
  CREATE INDEX IF NOT EXISTS patients_by_holder ON patients (holder_id, id);
  CREATE TABLE IF NOT EXISTS treating_doctors (
    patient_id TEXT NOT NULL REFERENCES patients (id),
    specialty TEXT NOT NULL,
    doctor_id TEXT NOT NULL REFERENCES doctors (id),
    PRIMARY KEY (patient_id, specialty)
  );
  CREATE TABLE IF NOT EXISTS appointments (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    cups TEXT NOT NULL,
    specialty TEXT NOT NULL,
    doctor_id TEXT NOT NULL REFERENCES doctors (id),
    site TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    booked_at INTEGER
  );
  -- A patient's upcoming appointments (listAppointments, and the one-per-specialty check of book).
  CREATE INDEX IF NOT EXISTS appointments_by_patient ON appointments (patient_id, status, starts_at);
  -- The last line of defence against double booking, whatever the code above it does.
  CREATE UNIQUE INDEX IF NOT EXISTS one_booking_per_slot
    ON appointments (doctor_id, starts_at) WHERE status = 'booked';
  CREATE TABLE IF NOT EXISTS riss_cases (
    seq INTEGER PRIMARY KEY,
    radicado TEXT NOT NULL UNIQUE,
    patient_id TEXT NOT NULL REFERENCES patients (id),
    specialty TEXT NOT NULL,
    cups TEXT NOT NULL,
    site TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL
  );
  CREATE UNIQUE INDEX IF NOT EXISTS one_open_case
    ON riss_cases (patient_id, specialty) WHERE status = 'open';
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    PRIMARY KEY (scope, key)
  );
`;

/** Radicados are numbered from here, so the first case reads `RISS-<year>-000101`. */
const FIRST_RADICADO_NUMBER = 101;

interface PatientRow {
  id: string;
  document_type: DocumentType;
  document_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  plan: Patient['plan'];
  status: Patient['status'];
  phone: string | null;
  email: string | null;
}

interface AppointmentRow {
  id: string;
  patient_id: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  starts_at: number;
  status: AppointmentStatus;
  doctor_id: string;
  doctor_name: string;
}

interface RissCaseRow {
  radicado: string;
  patient_id: string;
  specialty: Specialty;
  cups: Cups;
  site: SiteCode;
  email: string;
  created_at: string;
  due_date: string;
  status: RissCase['status'];
}

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

/** An `Idempotency-Key` already used: what it was used with, and what it produced. */
export interface IdempotencyRecord {
  fingerprint: string;
  resourceId: string;
}

const APPOINTMENT_SELECT = `
  SELECT a.id, a.patient_id, a.cups, a.specialty, a.site, a.starts_at, a.status,
         d.id AS doctor_id, d.name AS doctor_name
  FROM appointments a JOIN doctors d ON d.id = a.doctor_id`;

type BookedCountRow = { day: string; site: SiteCode; specialty: Specialty; bookings: number };

/**
 * Every statement the store runs, compiled once when the database opens: compiled at every
 * call, they were the largest single cost of the agenda in the bench's profile.
 */
function prepareStatements(db: Database.Database) {
  const patientInsert = (orIgnore: boolean) =>
    db.prepare<PatientInsertRow>(
      `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO patients (id, document_type, document_number, first_name, last_name,
                             birth_date, plan, status, phone, email, holder_id)
       VALUES (@id, @documentType, @documentNumber, @firstName, @lastName,
               @birthDate, @plan, @status, @phone, @email, @holderId)`,
    );
  const treatingInsert = (orIgnore: boolean) =>
    db.prepare<[string, string, string]>(
      `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO treating_doctors (patient_id, specialty, doctor_id) VALUES (?, ?, ?)`,
    );
  return {
    seededAt: db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'seeded_at'`),
    markSeeded: db.prepare<[string]>(`INSERT INTO meta (key, value) VALUES ('seeded_at', ?)`),
    insertDoctor: db.prepare<SeedDoctor>(
      `INSERT INTO doctors (id, name, site, specialty, availability)
       VALUES (@id, @name, @site, @specialty, @availability)`,
    ),
    insertPatient: patientInsert(false),
    insertPatientUnlessKnown: patientInsert(true),
    insertTreating: treatingInsert(false),
    insertTreatingUnlessKnown: treatingInsert(true),

    doctor: db.prepare<[string], SeedDoctor>(`SELECT * FROM doctors WHERE id = ?`),
    doctors: db.prepare<[], SeedDoctor>(`SELECT * FROM doctors ORDER BY id`),
    doctorsAt: db.prepare<[string, string], SeedDoctor>(
      `SELECT * FROM doctors WHERE site = ? AND specialty = ? ORDER BY id`,
    ),
    doctorAt: db.prepare<[string, string, string], SeedDoctor>(
      `SELECT * FROM doctors WHERE site = ? AND specialty = ? AND id = ?`,
    ),

    member: db.prepare<[string, string], PatientRow>(
      `SELECT * FROM patients WHERE document_type = ? AND document_number = ? AND holder_id IS NULL`,
    ),
    beneficiaries: db.prepare<[string], PatientRow>(`SELECT * FROM patients WHERE holder_id = ? ORDER BY id`),
    patient: db.prepare<[string], PatientRow>(`SELECT * FROM patients WHERE id = ?`),
    patientExists: db.prepare<[string], { found: 1 }>(`SELECT 1 AS found FROM patients WHERE id = ?`),
    treatingDoctors: db.prepare<[string], TreatingDoctor>(
      `SELECT t.specialty, d.id AS doctorId, d.name AS doctorName, d.site
       FROM treating_doctors t JOIN doctors d ON d.id = t.doctor_id
       WHERE t.patient_id = ? ORDER BY t.specialty`,
    ),

    appointment: db.prepare<[string], AppointmentRow>(`${APPOINTMENT_SELECT} WHERE a.id = ?`),
    upcomingAppointments: db.prepare<[string, number, string | null, string | null], AppointmentRow>(
      `${APPOINTMENT_SELECT}
       WHERE a.patient_id = ? AND a.status = 'booked' AND a.starts_at > ?
         AND (? IS NULL OR a.specialty = ?)
       ORDER BY a.starts_at, a.seq`,
    ),
    hasUpcomingAppointment: db.prepare<[string, number, string], { found: 1 }>(
      `SELECT 1 AS found FROM appointments
       WHERE patient_id = ? AND status = 'booked' AND starts_at > ? AND specialty = ? LIMIT 1`,
    ),
    isSlotBooked: db.prepare<[string, number], { found: 1 }>(
      `SELECT 1 AS found FROM appointments WHERE status = 'booked' AND doctor_id = ? AND starts_at = ?`,
    ),
    bookedSlots: db.prepare<[string, number, number], { doctor_id: string; starts_at: number }>(
      `SELECT doctor_id, starts_at FROM appointments
       WHERE status = 'booked' AND doctor_id IN (SELECT value FROM json_each(?))
         AND starts_at BETWEEN ? AND ?`,
    ),
    bookedCounts: db.prepare<[number, number], BookedCountRow>(
      `SELECT strftime('%Y-%m-%d', (COALESCE(booked_at, starts_at) - 18000000) / 1000, 'unixepoch') AS day, site, specialty,
              COUNT(*) AS bookings
       FROM appointments
       WHERE status = 'booked' AND COALESCE(booked_at, starts_at) >= ? AND COALESCE(booked_at, starts_at) < ?
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    ),
    nextAppointmentSeq: db.prepare<[], { next: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM appointments`),
    insertAppointment: db.prepare<[number, string, string, string, string, string, string, number, number]>(
      `INSERT INTO appointments (seq, id, patient_id, cups, specialty, doctor_id, site, starts_at, status, booked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?)`,
    ),
    cancelAppointment: db.prepare<[string]>(`UPDATE appointments SET status = 'cancelled' WHERE id = ?`),
    moveAppointment: db.prepare<[string, string, number, string]>(
      `UPDATE appointments SET doctor_id = ?, site = ?, starts_at = ? WHERE id = ?`,
    ),

    rissCase: db.prepare<[string], RissCaseRow>(`SELECT * FROM riss_cases WHERE radicado = ?`),
    openCase: db.prepare<[string, string], RissCaseRow>(
      `SELECT * FROM riss_cases WHERE patient_id = ? AND specialty = ? AND status = 'open'`,
    ),
    nextCaseSeq: db.prepare<[], { next: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM riss_cases`),
    insertCase: db.prepare<[number, string, string, string, string, string, string, string, string]>(
      `INSERT INTO riss_cases (seq, radicado, patient_id, specialty, cups, site, email, created_at, due_date, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
    ),
    closeCase: db.prepare<[string]>(`UPDATE riss_cases SET status = 'closed' WHERE radicado = ?`),

    idempotencyRecord: db.prepare<[string, string], IdempotencyRecord>(
      `SELECT fingerprint, resource_id AS resourceId FROM idempotency_keys WHERE scope = ? AND key = ?`,
    ),
    saveIdempotencyRecord: db.prepare<[string, string, string, string]>(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, resource_id) VALUES (?, ?, ?, ?)`,
    ),
  };
}

/** The named parameters of a patient row insert. */
type PatientInsertRow = Omit<SeedPatient, 'treatingDoctors' | 'phone' | 'email' | 'holderId'> & {
  phone: string | null;
  email: string | null;
  holderId: string | null;
};

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
    this.db.exec(SCHEMA);
    // A file seeded before bookings carried their booking instant gets the column (empty).
    const columns = this.db.prepare<[], { name: string }>(`PRAGMA table_info(appointments)`).all();
    if (!columns.some((column) => column.name === 'booked_at')) this.db.exec('ALTER TABLE appointments ADD COLUMN booked_at INTEGER');
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
  seed(world: {
    doctors: readonly SeedDoctor[];
    patients: readonly SeedPatient[];
    appointments: readonly SeedAppointment[];
    seededAt: Date;
  }): void {
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
    return this.sql.upcomingAppointments
      .all(patientId, now.getTime(), specialty ?? null, specialty ?? null)
      .map(toAppointment);
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
      this.sql.insertCase.run(
        next,
        radicado,
        rissCase.patientId,
        rissCase.specialty,
        rissCase.cups,
        rissCase.site,
        rissCase.email,
        rissCase.createdAt,
        rissCase.dueDate,
      );
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

function toPatientInsertRow(patient: SeedPatient): PatientInsertRow {
  const { treatingDoctors: _treatingDoctors, phone, email, holderId, ...identity } = patient;
  return { ...identity, phone: phone ?? null, email: email ?? null, holderId: holderId ?? null };
}

export function bookedSlotKey(doctorId: string, startMs: number): string {
  return `${doctorId}|${startMs}`;
}

function toAppointment(row: AppointmentRow): Appointment {
  const start = new Date(row.starts_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    cups: row.cups,
    specialty: row.specialty,
    site: row.site,
    start: toBogotaIso(start),
    end: toBogotaIso(slotEnd(start)),
    doctor: { id: row.doctor_id, name: row.doctor_name },
    status: row.status,
  };
}

function toRissCase(row: RissCaseRow): RissCase {
  return {
    radicado: row.radicado,
    patientId: row.patient_id,
    specialty: row.specialty,
    cups: row.cups,
    site: row.site,
    email: row.email,
    createdAt: row.created_at,
    dueDate: row.due_date,
    status: row.status,
  };
}
