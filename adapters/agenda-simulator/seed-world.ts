/**
 * The world the embedded agenda starts from: the README's "Seed world" made data.
 * Names, documents and rules here are a contract that dialogs, demos and tests rely on.
 */
import { createHash } from 'node:crypto';

import { addBusinessDays, addDays, bogotaDate, bogotaInstant, bogotaTime, isBusinessDay } from '../../bot/calendar.js';
import type { AffiliationStatus, Cups, DocumentType, PlanType, SiteCode, Specialty } from '../../bot/domain.js';

/**
 * The seed world's site addresses, invented like its doctors and members: what Lina answers to
 * "¿dónde queda la sede?" when she runs on the embedded agenda and `LINA_SITE_ADDRESSES` is not
 * set. A deployment on a real agenda configures its sites' real addresses.
 */
export const SEED_SITE_ADDRESSES: Readonly<Record<SiteCode, string>> = {
  CALLE42: 'Calle 42 # 13-32, Teusaquillo, Bogotá',
  AUTOSUR: 'Autopista Sur # 66-78, Bosa, Bogotá',
  CALLE26: 'Avenida Calle 26 # 69-76, Fontibón, Bogotá',
  KENNEDY: 'Carrera 78K # 36-35 Sur, Kennedy, Bogotá',
  SUBA: 'Calle 145 # 91-19, Suba, Bogotá',
  CHIA: 'Carrera 7 # 11-40, Chía, Cundinamarca',
  PRIMEROMAYO: 'Avenida Primero de Mayo # 10-35 Sur, San Cristóbal, Bogotá',
  FONTIBON: 'Carrera 100 # 17-45, Fontibón, Bogotá',
  FACATATIVA: 'Calle 6 # 3-19, Facatativá, Cundinamarca',
};

/** Which of a doctor's slots can ever be free: the seed world's named exceptions. */
export type Availability = 'full' | 'afternoon_only' | 'none';

export interface SeedDoctor {
  id: string;
  /** With the "Dr."/"Dra." prefix, as members see it. */
  name: string;
  site: SiteCode;
  specialty: Specialty;
  availability: Availability;
}

const gp = (id: string, name: string, site: SiteCode, availability: Availability = 'full'): SeedDoctor => ({
  id,
  name,
  site,
  specialty: 'medicina_general',
  availability,
});
const pediatrician = (id: string, name: string, site: SiteCode, availability: Availability = 'full'): SeedDoctor => ({
  id,
  name,
  site,
  specialty: 'pediatria',
  availability,
});

/** Every doctor of the agenda: at least two GPs and one pediatrician per site. */
export const SEED_DOCTORS: readonly SeedDoctor[] = [
  gp('doc-calle42-mg1', 'Dr. Camilo Restrepo', 'CALLE42'),
  gp('doc-calle42-mg2', 'Dra. Paola Jiménez', 'CALLE42'),
  pediatrician('doc-calle42-ped1', 'Dra. Natalia Vargas', 'CALLE42'),
  gp('doc-autosur-mg1', 'Dr. Felipe Castaño', 'AUTOSUR'),
  gp('doc-autosur-mg2', 'Dra. Luisa Fernanda Ortiz', 'AUTOSUR'),
  pediatrician('doc-autosur-ped1', 'Dr. Santiago Medina', 'AUTOSUR'),
  gp('doc-calle26-mg1', 'Dra. Catalina Herrera', 'CALLE26'),
  gp('doc-calle26-mg2', 'Dr. Julián Moreno', 'CALLE26'),
  pediatrician('doc-calle26-ped1', 'Dra. Valentina Ríos', 'CALLE26'),
  gp('doc-kennedy-mg1', 'Dr. Mauricio Cárdenas', 'KENNEDY'),
  gp('doc-kennedy-mg2', 'Dra. Adriana López', 'KENNEDY'),
  pediatrician('doc-kennedy-ped1', 'Dra. Carolina Suárez', 'KENNEDY'),
  // Seed rule: Dra. Marta Salazar has free slots in the afternoon band only.
  gp('doc-suba-mg1', 'Dra. Marta Salazar', 'SUBA', 'afternoon_only'),
  gp('doc-suba-mg2', 'Dr. Hernán Gutiérrez', 'SUBA'),
  pediatrician('doc-suba-ped1', 'Dra. Juliana Patiño', 'SUBA'),
  gp('doc-chia-mg1', 'Dr. Diego Ramírez', 'CHIA'),
  gp('doc-chia-mg2', 'Dra. Mónica Acosta', 'CHIA'),
  // Seed rule: pediatrics at Chía has free slots in the afternoon band only.
  pediatrician('doc-chia-ped1', 'Dr. Alejandro Pineda', 'CHIA', 'afternoon_only'),
  gp('doc-primeromayo-mg1', 'Dra. Sandra Quintero', 'PRIMEROMAYO'),
  gp('doc-primeromayo-mg2', 'Dr. Óscar Beltrán', 'PRIMEROMAYO'),
  pediatrician('doc-primeromayo-ped1', 'Dra. Daniela Rincón', 'PRIMEROMAYO'),
  // Seed rule: Dr. Andrés Rojas has no free slot at all; his two colleagues do.
  gp('doc-fontibon-mg1', 'Dr. Andrés Rojas', 'FONTIBON', 'none'),
  gp('doc-fontibon-mg2', 'Dra. Claudia Mejía', 'FONTIBON'),
  gp('doc-fontibon-mg3', 'Dr. Ricardo Salcedo', 'FONTIBON'),
  pediatrician('doc-fontibon-ped1', 'Dra. Isabel Cortés', 'FONTIBON'),
  // Seed rule: Facatativá has no general-medicine slot at all.
  gp('doc-facatativa-mg1', 'Dr. Gustavo Peña', 'FACATATIVA', 'none'),
  gp('doc-facatativa-mg2', 'Dra. Liliana Forero', 'FACATATIVA', 'none'),
  pediatrician('doc-facatativa-ped1', 'Dra. Ángela Duarte', 'FACATATIVA'),
];

export interface SeedPatient {
  id: string;
  documentType: DocumentType;
  documentNumber: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  plan: PlanType;
  status: AffiliationStatus;
  phone?: string;
  email?: string;
  /** The member a beneficiary is served through; absent for members. */
  holderId?: string;
  treatingDoctors: ReadonlyArray<{ specialty: Specialty; doctorId: string }>;
}

/** The members table of the seed world, beneficiaries included. Ids are opaque on purpose. */
export const SEED_PATIENTS: readonly SeedPatient[] = [
  {
    id: 'pat-0001',
    documentType: 'CC',
    documentNumber: '1010101010',
    firstName: 'Laura',
    lastName: 'Gómez',
    birthDate: '1994-03-15',
    plan: 'PBS',
    status: 'active',
    phone: '+573001112233',
    email: 'laura.gomez@example.com',
    treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-suba-mg1' }],
  },
  {
    id: 'pat-0002',
    documentType: 'TI',
    documentNumber: '1100000001',
    firstName: 'Mateo',
    lastName: 'Gómez',
    birthDate: '2013-06-01',
    plan: 'PBS',
    status: 'active',
    holderId: 'pat-0001',
    treatingDoctors: [],
  },
  {
    id: 'pat-0003',
    documentType: 'RC',
    documentNumber: '1200000002',
    firstName: 'Sofía',
    lastName: 'Gómez',
    birthDate: '2021-09-10',
    plan: 'PBS',
    status: 'active',
    holderId: 'pat-0001',
    treatingDoctors: [],
  },
  {
    id: 'pat-0004',
    documentType: 'CC',
    documentNumber: '2020202020',
    firstName: 'Carlos',
    lastName: 'Pérez',
    birthDate: '1980-11-02',
    plan: 'PBS',
    status: 'active',
    phone: '+573004445566',
    email: 'carlos.perez@example.com',
    treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-fontibon-mg1' }],
  },
  {
    id: 'pat-0005',
    documentType: 'CC',
    documentNumber: '3030303030',
    firstName: 'Ana',
    lastName: 'Torres',
    birthDate: '1990-01-20',
    plan: 'PAC',
    status: 'active',
    phone: '+573007778899',
    email: 'ana.torres@example.com',
    treatingDoctors: [],
  },
  {
    id: 'pat-0006',
    documentType: 'CC',
    documentNumber: '4040404040',
    firstName: 'Jorge',
    lastName: 'Ruiz',
    birthDate: '1975-05-05',
    plan: 'PBS',
    status: 'inactive',
    phone: '+573002223344',
    email: 'jorge.ruiz@example.com',
    treatingDoctors: [],
  },
  {
    id: 'pat-0007',
    documentType: 'CC',
    documentNumber: '5050505050',
    firstName: 'Diana',
    lastName: 'Castro',
    birthDate: '1999-07-07',
    plan: 'PBS',
    status: 'active',
    phone: '+573005556677',
    email: 'diana.castro@example.com',
    treatingDoctors: [],
  },
  {
    id: 'pat-0008',
    documentType: 'CC',
    documentNumber: '6060606060',
    firstName: 'Pedro',
    lastName: 'Morales',
    birthDate: '1985-02-28',
    plan: 'PBS',
    status: 'active',
    phone: '+573008889900',
    treatingDoctors: [],
  },
];

/** Share of slots, in percent, that other people already hold: most of the agenda stays free. */
const TAKEN_BY_OTHERS_PERCENT = 20;

/** Whether a slot can ever be free under the seed world's rules (before any booking). */
export function isOpenByRule(doctor: SeedDoctor, start: Date): boolean {
  switch (doctor.availability) {
    case 'full':
      return !isTakenByOthers(doctor.id, start);
    case 'afternoon_only':
      return bogotaTime(start) >= '12:00' && !isTakenByOthers(doctor.id, start);
    case 'none':
      return false;
  }
}

/**
 * Stands in for bookings made through other channels. A hash of doctor and start instead of
 * a random draw keeps the agenda identical for the same "now" in every run.
 *
 * The answer is stored nowhere, so every search asks again for every slot it walks past, and
 * every booking for its slot: verdicts are remembered (`rememberedVerdicts`), so a slot is
 * hashed once rather than at every search.
 */
export function isTakenByOthers(doctorId: string, start: Date): boolean {
  const ms = start.getTime();
  // Grid slots start on whole minutes; anything else is hashed every time.
  if (ms % MINUTE_MS !== 0) return hashesAsTaken(doctorId, start);
  const minute = ms / MINUTE_MS;
  let verdicts = rememberedVerdicts.get(doctorId);
  let taken = verdicts?.get(minute);
  if (taken === undefined) {
    taken = hashesAsTaken(doctorId, start);
    if (rememberedVerdictCount >= MAX_REMEMBERED_VERDICTS) {
      rememberedVerdicts.clear();
      rememberedVerdictCount = 0;
      verdicts = undefined;
    }
    if (!verdicts) {
      verdicts = new Map();
      rememberedVerdicts.set(doctorId, verdicts);
    }
    verdicts.set(minute, taken);
    rememberedVerdictCount += 1;
  }
  return taken;
}

function hashesAsTaken(doctorId: string, start: Date): boolean {
  const digest = createHash('sha256').update(`${doctorId}|${start.toISOString()}`).digest();
  return digest.readUInt32BE(0) % 100 < TAKEN_BY_OTHERS_PERCENT;
}

const MINUTE_MS = 60_000;
/**
 * `isTakenByOthers` per doctor and start minute (a small integer, which a `Map` keeps cheaply:
 * about 35 bytes a verdict). Pure, so shared by every simulator in the process.
 */
const rememberedVerdicts = new Map<string, Map<number, boolean>>();
let rememberedVerdictCount = 0;
/**
 * Forgotten all at once beyond this (about 3.5 MB). The seed world's horizon holds under
 * 10,000 slots (28 doctors, 30 a day, 10 working days); booking statistics over a month walk
 * about 25,000.
 */
const MAX_REMEMBERED_VERDICTS = 100_000;

/**
 * How the bookings made outside Lina split, after the brief: about 30 % already through the
 * app or the web portal (digital), the rest by phone (36,830) or at a window (45,101).
 */
const DIGITAL_PERCENT = 30;
const CALL_CENTER_PERCENT = 30 + Math.round((70 * 36_830) / 81_931);
/** Bookings made elsewhere happen up to this many days before their slot (the agenda's horizon). */
const MAX_DAYS_AHEAD = 14;

/**
 * How a slot that `isTakenByOthers` says is taken was booked: in the app or the web portal
 * (`digital`), through the call centre or at a clinic's window, and on which Bogotá working
 * day (the slot's own or up to two weeks before). Hashed like the slot itself, so the same
 * slot always says the same.
 */
export function otherBookingOf(doctorId: string, start: Date): { channel: 'digital' | 'call_center' | 'in_person'; day: string } {
  const digest = createHash('sha256').update(`${doctorId}|${start.toISOString()}|booking`).digest();
  const draw = digest.readUInt32BE(0) % 100;
  const channel = draw < DIGITAL_PERCENT ? 'digital' : draw < CALL_CENTER_PERCENT ? 'call_center' : 'in_person';
  let day = addDays(bogotaDate(start), -(digest.readUInt32BE(4) % (MAX_DAYS_AHEAD + 1)));
  // Phone lines and windows book on working days.
  while (!isBusinessDay(day)) day = addDays(day, -1);
  return { channel, day };
}

export interface SeedAppointment {
  patientId: string;
  cups: Cups;
  doctorId: string;
  start: Date;
}

/**
 * Diana Castro's upcoming appointment: general medicine, first visit, at Kennedy, 10:00 on
 * the second working day after `now`, with the first Kennedy GP not already busy then.
 */
export function dianasAppointment(now: Date): SeedAppointment {
  const start = bogotaInstant(addBusinessDays(bogotaDate(now), 2), '10:00');
  const kennedyGps = SEED_DOCTORS.filter((d) => d.site === 'KENNEDY' && d.specialty === 'medicina_general');
  const doctor = kennedyGps.find((d) => isOpenByRule(d, start)) ?? kennedyGps[0];
  if (!doctor) throw new Error('The seed world has no general-medicine doctor at Kennedy');
  return { patientId: 'pat-0007', cups: '890201', doctorId: doctor.id, start };
}
