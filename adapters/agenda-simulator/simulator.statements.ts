/**
 * The embedded agenda's SQL: every statement the store runs, compiled once, the rows they
 * read, and how rows become the domain's shapes (times leave as Bogotá ISO strings).
 */
import type Database from 'better-sqlite3';

import { toBogotaIso } from '../../bot/calendar.js';
import type { Appointment, AppointmentStatus, Cups, DocumentType, Patient, RissCase, SiteCode, Specialty, TreatingDoctor } from '../../bot/domain.js';
import type { SeedDoctor, SeedPatient } from './seed-world.js';
import { slotEnd } from './slot-grid.js';

/** A patients row; the store adds its treating doctors from another statement. */
export interface PatientRow {
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

/** An `Idempotency-Key` already used: what it was used with, and what it produced. */
export interface IdempotencyRecord {
  fingerprint: string;
  resourceId: string;
}

const APPOINTMENT_SELECT = `
  SELECT a.id, a.patient_id, a.cups, a.specialty, a.site, a.starts_at, a.status,
         d.id AS doctor_id, d.name AS doctor_name
  FROM appointments a JOIN doctors d ON d.id = a.doctor_id`;

export type BookedCountRow = { day: string; site: SiteCode; specialty: Specialty; bookings: number };

/**
 * Every statement the store runs, compiled once when the database opens: compiled at every
 * call, they were the largest single cost of the agenda in the bench's profile.
 */
export function prepareStatements(db: Database.Database) {
  const patientInsert = (orIgnore: boolean) =>
    db.prepare<PatientInsertRow>(
      `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO patients (id, document_type, document_number, first_name, last_name,
                             birth_date, plan, status, phone, email, holder_id)
       VALUES (@id, @documentType, @documentNumber, @firstName, @lastName,
               @birthDate, @plan, @status, @phone, @email, @holderId)`,
    );
  const treatingInsert = (orIgnore: boolean) =>
    db.prepare<[string, string, string]>(`INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO treating_doctors (patient_id, specialty, doctor_id) VALUES (?, ?, ?)`);
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
    doctorsAt: db.prepare<[string, string], SeedDoctor>(`SELECT * FROM doctors WHERE site = ? AND specialty = ? ORDER BY id`),
    doctorAt: db.prepare<[string, string, string], SeedDoctor>(`SELECT * FROM doctors WHERE site = ? AND specialty = ? AND id = ?`),

    member: db.prepare<[string, string], PatientRow>(`SELECT * FROM patients WHERE document_type = ? AND document_number = ? AND holder_id IS NULL`),
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
    isSlotBooked: db.prepare<[string, number], { found: 1 }>(`SELECT 1 AS found FROM appointments WHERE status = 'booked' AND doctor_id = ? AND starts_at = ?`),
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
    moveAppointment: db.prepare<[string, string, number, string]>(`UPDATE appointments SET doctor_id = ?, site = ?, starts_at = ? WHERE id = ?`),

    rissCase: db.prepare<[string], RissCaseRow>(`SELECT * FROM riss_cases WHERE radicado = ?`),
    openCase: db.prepare<[string, string], RissCaseRow>(`SELECT * FROM riss_cases WHERE patient_id = ? AND specialty = ? AND status = 'open'`),
    nextCaseSeq: db.prepare<[], { next: number }>(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM riss_cases`),
    insertCase: db.prepare<[number, string, string, string, string, string, string, string, string]>(
      `INSERT INTO riss_cases (seq, radicado, patient_id, specialty, cups, site, email, created_at, due_date, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
    ),
    closeCase: db.prepare<[string]>(`UPDATE riss_cases SET status = 'closed' WHERE radicado = ?`),

    idempotencyRecord: db.prepare<[string, string], IdempotencyRecord>(`SELECT fingerprint, resource_id AS resourceId FROM idempotency_keys WHERE scope = ? AND key = ?`),
    saveIdempotencyRecord: db.prepare<[string, string, string, string]>(`INSERT INTO idempotency_keys (scope, key, fingerprint, resource_id) VALUES (?, ?, ?, ?)`),
  };
}

/** The named parameters of a patient row insert. */
type PatientInsertRow = Omit<SeedPatient, 'treatingDoctors' | 'phone' | 'email' | 'holderId'> & {
  phone: string | null;
  email: string | null;
  holderId: string | null;
};

export function toPatientInsertRow(patient: SeedPatient): PatientInsertRow {
  const { treatingDoctors: _treatingDoctors, phone, email, holderId, ...identity } = patient;
  return { ...identity, phone: phone ?? null, email: email ?? null, holderId: holderId ?? null };
}

export function toAppointment(row: AppointmentRow): Appointment {
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

export function toRissCase(row: RissCaseRow): RissCase {
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
