/**
 * The embedded agenda's tables: created when missing, so a file database keeps its world
 * across restarts, and brought up to date (a file seeded before bookings carried their
 * booking instant gets the column).
 */
import type Database from 'better-sqlite3';

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

/** Creates the tables a new database lacks and the columns an older one lacks. */
export function createTables(db: Database.Database): void {
  db.exec(SCHEMA);
  // A file seeded before bookings carried their booking instant gets the column (empty).
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(appointments)`).all();
  if (!columns.some((column) => column.name === 'booked_at')) db.exec('ALTER TABLE appointments ADD COLUMN booked_at INTEGER');
}
