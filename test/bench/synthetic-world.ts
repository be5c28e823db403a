/**
 * The benchmark's agenda world: the seed world (README, "Seed world") plus synthetic
 * members and doctors, written through the simulator's own store API (`SimulatorStore.seed`).
 *
 * Every synthetic member books a "control" with their treating doctor, so conversations that
 * run at the same time seldom compete for one slot: a member's search is limited to that
 * doctor (contract point 9), a doctor has at most a few members in flight, and those pick
 * different slots of the list (1 to 5). When two still meet on one slot, the second gets
 * Lina's "someone just took it" and picks again (`talk` in `lina.bench.ts`).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITES, type SiteCode } from '../../bot/domain.js';
import { SEED_DOCTORS, SEED_PATIENTS, dianasAppointment, type SeedDoctor, type SeedPatient } from '../../adapters/agenda-simulator/seed-world.js';
import { SimulatorStore } from '../../adapters/agenda-simulator/simulator.store.js';

/** A synthetic member as the bench drives them: what they type and whom they book with. */
export interface BenchMember {
  index: number;
  patientId: string;
  documentNumber: string;
  /** E.164: equal to the phone on file, so WhatsApp skips the date of birth. */
  phone: string;
  site: SiteCode;
  /** What the member types to pick the site: its name as Lina shows it. */
  siteName: string;
  doctorId: string;
  /** Which of the slots shown the member picks (1 to 5). */
  slotChoice: number;
}

export interface BenchWorld {
  doctors: SeedDoctor[];
  patients: SeedPatient[];
  members: BenchMember[];
}

/** Well under the ~120 afternoon slots a doctor offers over the 14-day horizon. */
const BOOKINGS_PER_DOCTOR = 60;
/** Members of one doctor in flight at once, each picking another of the 5 slots shown. */
const MEMBERS_PER_DOCTOR_IN_FLIGHT = 5;

const FIRST_DOCUMENT = 7_000_000_000;

/**
 * `memberCount` members, each with one beneficiary (so "¿para quién?" is asked, as for
 * Laura), and enough general-medicine doctors that no doctor runs out of afternoon slots and
 * members running at the same time rarely meet on one slot. Deterministic: the same sizes
 * give the same world, in the bench and in the agenda's own process.
 */
export function buildBenchWorld({ memberCount, maxConcurrency }: { memberCount: number; maxConcurrency: number }): BenchWorld {
  // Twice the concurrency, over 5 members per doctor: a new conversation starts whenever one
  // ends, so the ones in flight are near each other in index but not always within one window.
  const doctorCount = Math.max(Math.ceil((2 * Math.min(memberCount, maxConcurrency)) / MEMBERS_PER_DOCTOR_IN_FLIGHT), Math.ceil(memberCount / BOOKINGS_PER_DOCTOR), SITES.length);
  const doctors: SeedDoctor[] = [];
  for (let index = 0; index < doctorCount; index++) {
    const site = SITES[index % SITES.length];
    if (!site) throw new Error('no sites in the catalog');
    doctors.push({
      id: `bench-doc-${String(index).padStart(6, '0')}`,
      name: `${index % 2 === 0 ? 'Dra.' : 'Dr.'} Médico ${index}`,
      site: site.code,
      specialty: 'medicina_general',
      availability: 'full',
    });
  }

  const patients: SeedPatient[] = [];
  const members: BenchMember[] = [];
  for (let index = 0; index < memberCount; index++) {
    const doctor = doctors[index % doctorCount];
    if (!doctor) throw new Error('doctor index out of range');
    const site = SITES.find((candidate) => candidate.code === doctor.site);
    const patientId = `bench-pat-${String(index).padStart(7, '0')}`;
    const documentNumber = String(FIRST_DOCUMENT + index);
    const phone = `+57315${String(index).padStart(7, '0')}`;
    patients.push(
      {
        id: patientId,
        documentType: 'CC',
        documentNumber,
        firstName: 'Afiliada',
        lastName: `Prueba ${index}`,
        birthDate: '1990-04-12',
        plan: 'PBS',
        status: 'active',
        phone,
        email: `afiliada${index}@example.com`,
        treatingDoctors: [{ specialty: 'medicina_general', doctorId: doctor.id }],
      },
      {
        id: `bench-ben-${String(index).padStart(7, '0')}`,
        documentType: 'TI',
        documentNumber: String(FIRST_DOCUMENT + 1_000_000_000 + index),
        firstName: 'Hijo',
        lastName: `Prueba ${index}`,
        birthDate: '2015-08-20',
        plan: 'PBS',
        status: 'active',
        holderId: patientId,
        treatingDoctors: [],
      },
    );
    members.push({
      index,
      patientId,
      documentNumber,
      phone,
      site: doctor.site,
      siteName: site?.name ?? doctor.site,
      doctorId: doctor.id,
      slotChoice: 1 + (Math.floor(index / doctorCount) % MEMBERS_PER_DOCTOR_IN_FLIGHT),
    });
  }
  return { doctors, patients, members };
}

/** A seeded agenda database file, for `SimulatorStore` or `startAgendaSimulator` to open. */
export interface BenchAgendaFile {
  path: string;
  remove(): void;
}

/**
 * Writes the seed world and the bench world, as of `seededAt`, through the simulator's own
 * store (`SimulatorStore.seed`) into a file on tmpfs when there is one. The simulator finds it
 * seeded and keeps it.
 */
export function writeBenchAgenda(world: BenchWorld, seededAt: Date): BenchAgendaFile {
  const folder = mkdtempSync(join(AGENDA_ROOT, `${BENCH_FOLDER_PREFIX}${process.pid}-agenda-`));
  agendaFolders.add(folder);
  const path = join(folder, 'agenda.db');
  const store = new SimulatorStore(path);
  try {
    store.seed({
      doctors: [...SEED_DOCTORS, ...world.doctors],
      patients: [...SEED_PATIENTS, ...world.patients],
      appointments: [dianasAppointment(seededAt)],
      seededAt,
    });
  } finally {
    store.close();
  }
  return {
    path,
    remove: () => {
      rmSync(folder, { recursive: true, force: true });
      agendaFolders.delete(folder);
    },
  };
}

/** tmpfs when there is one: the agenda's fsyncs are not Lina's cost. */
const AGENDA_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
/** Every folder the bench creates is named `lina-bench-<pid>-…`, after the process that owns it. */
export const BENCH_FOLDER_PREFIX = 'lina-bench-';

const agendaFolders = new Set<string>();

/** Removes every agenda file this process wrote and has not removed yet (an interrupted run). */
export function removeBenchAgendas(): void {
  for (const folder of agendaFolders) rmSync(folder, { recursive: true, force: true });
  agendaFolders.clear();
}

/**
 * Removes bench folders left by processes that no longer run (a run killed outright), in the
 * temporary folder and on tmpfs. Folders of a bench still running elsewhere are left alone.
 */
export function removeStaleBenchFolders(): void {
  for (const root of new Set([tmpdir(), AGENDA_ROOT])) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const owner = new RegExp(`^${BENCH_FOLDER_PREFIX}(\\d+)-`).exec(name)?.[1];
      if (owner !== undefined && !isRunning(Number(owner))) rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
