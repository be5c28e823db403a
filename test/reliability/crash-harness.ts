/**
 * The crash harness: Lina's engine runs in a child process that is killed with SIGKILL at
 * random moments (between turns, during an agenda call, in the middle of a write) while
 * simulated members book and then consult an appointment. The harness plays the channel: it
 * redelivers every message that got no answer when the process died, the way WhatsApp and
 * Direct Line do. At the end it checks that every message was answered, each conversation
 * went on at the step it had reached, nobody was booked twice, and SQLite is intact.
 *
 *   npx tsx test/reliability/crash-harness.ts --conversations 50 --kills 200
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import type { SeedPatient } from '../../adapters/agenda-simulator/seed-world.js';
import { systemClock } from '../../bot/clock.js';
import { silentLogger } from '../../bot/logger.js';
import { SITES } from '../../bot/domain.js';

export interface CrashFigures {
  conversations: number;
  kills: number;
  messages: number;
  answered: number;
  redelivered: number;
  lost: number;
  completed: number;
  /** Replies that started over (greeting or "we had to restart") in the middle of a conversation. */
  startedOver: number;
  doubleBookings: number;
  integrity: string;
}

interface Member {
  patient: SeedPatient;
  site: string;
  slotChoice: string;
  sent: number;
  /** The message waiting for its answer, if any: redelivered after a crash. */
  pending?: { messageId: string; text: string };
  booked: boolean;
  done: boolean;
  lastReply: string;
}

const MAX_MESSAGES_PER_CONVERSATION = 40;
/** Facatativá has no general-medicine slots in the seed world (its path ends in a RISS case). */
const BOOKABLE_SITES = SITES.filter((site) => site.code !== 'FACATATIVA');

/** The member's next message, from Lina's last answer: a person reading and answering. */
function nextMessage(member: Member): string | undefined {
  const reply = member.lastReply;
  if (member.sent === 0) return 'hola';
  // "✅ ¡Listo, Miembro0001! Tu cita quedó agendada." (for someone else: "¡Cita agendada para …!")
  if (/Tu cita quedó agendada|Cita agendada/.test(reply)) member.booked = true;
  if (/ya tienes? una cita de esta especialidad/i.test(reply)) {
    member.booked = true;
    return 'volver al menú';
  }
  // "Esta es tu próxima cita:", "Estas son tus 2 próximas citas:", "No hay citas próximas a tu nombre."
  if (/próximas? citas?|citas? próximas?/i.test(reply)) {
    member.done = true;
    return undefined;
  }
  if (/¿Autorizas/.test(reply)) return 'sí';
  if (/Escríbeme el tipo y el número de documento/.test(reply)) return `CC ${member.patient.documentNumber}`;
  if (/^\d\. Agendar cita/m.test(reply)) return member.booked ? 'consultar' : 'agendar';
  if (/¿Qué especialidad/.test(reply)) return 'medicina general';
  if (/¿Qué tipo de consulta/.test(reply)) return 'primera vez';
  if (/¿En qué sede/.test(reply)) return member.site;
  if (/¿En qué horario/.test(reply)) return 'cualquiera';
  if (/¿La confirmo\?|¿Lo intento de nuevo\?/.test(reply)) return 'sí';
  if (/^1\. .*\d:\d\d [ap]\. m\. – /m.test(reply)) return member.slotChoice;
  return 'menú';
}

function makePatients(count: number): SeedPatient[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(4, '0');
    return {
      id: `crash-${n}`,
      documentType: 'CC' as const,
      documentNumber: `77000${n}`,
      firstName: `Miembro${n}`,
      lastName: 'Prueba',
      birthDate: '1985-04-12',
      plan: 'PBS' as const,
      status: 'active' as const,
      phone: `+57315000${n}`,
      email: `miembro${n}@example.com`,
      treatingDoctors: [],
    };
  });
}

export async function runCrashHarness(options: { conversations: number; kills: number; log?: (line: string) => void }): Promise<CrashFigures> {
  const log = options.log ?? (() => {});
  const folder = mkdtempSync(join(tmpdir(), 'lina-crash-'));
  const databasePath = join(folder, 'lina.db');
  const simulator = await startAgendaSimulator({ clock: systemClock, logger: silentLogger });
  const patients = makePatients(options.conversations);
  simulator.store.addPatients(patients);

  const members = new Map<string, Member>(
    patients.map((patient, index) => [
      patient.phone as string,
      {
        patient,
        site: BOOKABLE_SITES[index % BOOKABLE_SITES.length]?.name ?? 'USS Suba',
        slotChoice: String((index % 5) + 1),
        sent: 0,
        booked: false,
        done: false,
        lastReply: '',
      },
    ]),
  );
  const figures: CrashFigures = {
    conversations: options.conversations,
    kills: 0,
    messages: 0,
    answered: 0,
    redelivered: 0,
    lost: 0,
    completed: 0,
    startedOver: 0,
    doubleBookings: 0,
    integrity: '',
  };

  let child: ChildProcessWithoutNullStreams | undefined;
  let answersSinceStart = 0;
  let finish: (() => void) | undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const send = (userId: string, message: { messageId: string; text: string }) => {
    child?.stdin.write(`${JSON.stringify({ channel: 'whatsapp', userId, phone: userId, ...message })}\n`);
  };

  const advance = (userId: string) => {
    const member = members.get(userId);
    if (!member || member.done) return;
    const text = member.sent >= MAX_MESSAGES_PER_CONVERSATION ? undefined : nextMessage(member);
    if (text === undefined) {
      member.done = true;
      if ([...members.values()].every((m) => m.done)) finish?.();
      return;
    }
    member.sent += 1;
    figures.messages += 1;
    member.pending = { messageId: `${userId}-${member.sent}`, text };
    send(userId, member.pending);
  };

  const startChild = () =>
    new Promise<void>((resolve) => {
      const worker = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/engine-worker.ts'], {
        env: { ...process.env, LINA_DATABASE_PATH: databasePath, AGENDA_URL: simulator.url, LOG_LEVEL: 'silent', AGENDA_RETRY_BASE_MS: '20' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child = worker;
      worker.stderr.resume();
      createInterface({ input: worker.stdout }).on('line', (line) => {
        const answer = JSON.parse(line) as { ready?: boolean; messageId: string; userId: string; replies: string[] };
        if (answer.ready) return resolve();
        const member = members.get(answer.userId);
        if (!member || member.pending?.messageId !== answer.messageId) return;
        if (answer.replies.length === 0) return; // answered by a previous process and delivered: nothing to do
        figures.answered += 1;
        answersSinceStart += 1;
        const reply = answer.replies.join('\n');
        if (member.sent > 1 && /Actualizamos a Lina|Soy Lina/i.test(reply) && member.pending.text !== 'hola') figures.startedOver += 1;
        if (process.env.CRASH_TRACE === answer.userId) log(`> ${member.pending.text}\n${reply}\n`);
        member.lastReply = reply;
        member.pending = undefined;
        advance(answer.userId);
      });
    });

  await startChild();
  for (const userId of members.keys()) advance(userId);

  // Kill at random moments until the quota is reached, then let the conversations finish.
  while (figures.kills < options.kills && ![...members.values()].every((m) => m.done)) {
    // Let a few turns through (so every restart makes progress), then strike at a random
    // instant: often while other turns are mid-way through an agenda call or a write.
    // Three kills in four wait for nothing (a turn, a startup or a redelivery is cut short).
    const target = answersSinceStart + (Math.random() < 0.75 ? 0 : 1 + Math.floor(Math.random() * 2));
    while (answersSinceStart < target && ![...members.values()].every((m) => m.done)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
    const dying = child;
    if (!dying) break;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    dying.kill('SIGKILL');
    await exited;
    figures.kills += 1;
    await startChild();
    // The channel redelivers what got no answer.
    for (const [userId, member] of members) {
      if (member.pending) {
        figures.redelivered += 1;
        send(userId, member.pending);
      }
    }
    if (figures.kills % 20 === 0) log(`  ${figures.kills} kills, ${figures.answered}/${figures.messages} answered`);
  }

  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 120_000))]);
  child?.kill('SIGKILL');

  for (const member of members.values()) {
    if (member.pending) {
      figures.lost += 1;
      log(`lost: ${member.patient.id} "${member.pending.text}" after:\n${member.lastReply}`);
    }
    if (member.done && member.booked) figures.completed += 1;
    const appointments = simulator.agenda.listAppointments({ patientId: member.patient.id });
    if (appointments.length > 1) figures.doubleBookings += appointments.length - 1;
  }
  const db = new Database(databasePath, { readonly: true });
  figures.integrity = String((db.pragma('integrity_check') as Array<{ integrity_check: string }>)[0]?.integrity_check);
  db.close();
  await simulator.close();
  rmSync(folder, { recursive: true, force: true });
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
  };
  const figures = await runCrashHarness({ conversations: arg('conversations', 50), kills: arg('kills', 200), log: console.log });
  console.log(JSON.stringify(figures, null, 2));
  const ok = figures.lost === 0 && figures.doubleBookings === 0 && figures.startedOver === 0 && figures.integrity === 'ok' && figures.completed === figures.conversations;
  process.exitCode = ok ? 0 : 1;
}
