/**
 * What happens to bookings, moves and RISS cases when the network or the agenda misbehaves,
 * end to end: Lina's runtime (engine on SQLite `:memory:`, the real HTTP client) talks to the
 * embedded agenda simulator through a small fault proxy that can drop or fail one request.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from '@jest/globals';
import { testContext, type TestContext } from '../support/test-context.js';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { createAgendaClient } from '../../adapters/agenda/agenda.client.js';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig, type Config } from '../../bot/config.js';
import type { Appointment, Franja, Slot } from '../../bot/domain.js';
import { silentLogger } from '../../bot/logger.js';
import { renderPlainText } from '../../bot/messages.js';
import type { AgendaService } from '../../bot/ports.js';
import { startRuntime } from '../../bot/main/runtime.js';
import type { ReplyParams } from '../../dialogs/replies.js';

const execFileAsync = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Monday 23 November 2026, 08:00 in Bogotá: the default "now" of the dialog scripts. */
const NOW = '2026-11-23T08:00:00-05:00';
const HORIZON_MS = 14 * 24 * 60 * 60 * 1000;

/** Members of the seed world (README, "Seed world"). */
const LAURA = { id: 'pat-0001', phone: '+573001112233', document: 'CC 1010101010', patient: 'para mí' };
const DIANA = { id: 'pat-0007', phone: '+573005556677', document: 'CC 5050505050' };
type SeedMember = { id: string; phone: string; document: string; patient?: string };

// ---------------------------------------------------------------------------------------------
// A fault proxy: forwards everything to the agenda, except the one request it was told to spoil.

type Fault =
  /** Forward, let the agenda do it, then cut the connection before answering. */
  | 'drop-response'
  /** Answer 503 without forwarding: the agenda never hears of it. */
  | 'respond-503'
  /** Forward, let the agenda do it, then answer 503 instead of its answer. */
  | 'respond-503-after-forward';

interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}

interface FaultProxy {
  url: string;
  /** Every request that went through, in order. */
  seen: SeenRequest[];
  /** Spoils the next request matching `method` and `path`, once. */
  failNext(method: string, path: RegExp, fault: Fault): void;
  close(): Promise<void>;
}

async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const rules: Array<{ method: string; path: RegExp; fault: Fault }> = [];
  const seen: SeenRequest[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    const idempotencyKey = req.headers['idempotency-key'];
    seen.push({ method, path, idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined });

    const ruleIndex = rules.findIndex((rule) => rule.method === method && rule.path.test(path));
    const fault = ruleIndex >= 0 ? rules.splice(ruleIndex, 1)[0]?.fault : undefined;
    const unavailable = () => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UNAVAILABLE', message: 'Injected by the fault proxy' }));
    };
    if (fault === 'respond-503') return unavailable();

    const upstream = await forward(target, req, body);
    if (fault === 'drop-response') return void req.socket.destroy();
    if (fault === 'respond-503-after-forward') return unavailable();
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(upstream.body);
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    failNext: (method, path, fault) => void rules.push({ method, path, fault }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; body: Buffer }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of ['content-type', 'idempotency-key']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (body.length > 0) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false }, (response) => {
      readBody(response).then((data) => resolve({ status: response.statusCode ?? 502, body: data }), reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// A world per test: simulator ← fault proxy ← Lina's runtime; plus a direct client to look behind
// Lina's back (what the agenda really holds) and to act as "someone else".

/**
 * `retries`: the resilient agenda's automatic retries. Most tests turn them off to reach the
 * member-facing retry, which is what is left once automatic retries are exhausted.
 */
async function startWorld(t: TestContext, { retries = 0 }: { retries?: number } = {}) {
  const clock = new ManualClock(NOW);
  const simulator = await startAgendaSimulator({ clock });
  const proxy = await startFaultProxy(simulator.url);
  const base = loadConfig({});
  const config: Config = {
    ...base,
    database: { ...base.database, path: ':memory:' },
    agenda: {
      ...base.agenda,
      url: proxy.url,
      resilience: { ...base.agenda.resilience, retries, retryBaseDelayMs: 10 },
      simulator: { host: '127.0.0.1', port: 0, databasePath: ':memory:' },
    },
  };
  const runtime = await startRuntime({ config, clock, logger: silentLogger });
  const agenda: AgendaService = createAgendaClient({ baseUrl: simulator.url });
  t.after(async () => {
    await runtime.close();
    await proxy.close();
    await simulator.close();
  });

  /** Lina's own text for a locale key, so the assertions follow the project's wording. */
  const text = (key: string, params?: ReplyParams) => runtime.renderer.text(key, params, clock.now());

  return {
    simulator,
    proxy,
    agenda,
    text,
    /** A slot as Lina lists it: "lunes 23 de noviembre, 12:00 p. m. – Dr. …" (the site is said once, above the list). */
    slotLabel: (slot: Slot) => text('options.slot', { start: slot.start, doctor: slot.doctor.name }),
    /** The five general-medicine first-visit slots Lina would offer at Kennedy in that band (from the lead time on). */
    kennedySlots: (franja: Franja) =>
      agenda.searchSlots({
        cups: '890201',
        site: 'KENNEDY',
        franja,
        from: new Date(clock.now().getTime() + config.conversation.minLeadMinutes * 60_000).toISOString(),
        to: new Date(clock.now().getTime() + HORIZON_MS).toISOString(),
        limit: 5,
      }),
    appointmentsOf: (member: SeedMember) => agenda.listAppointments({ patientId: member.id }),
    /** A WhatsApp conversation from the member's own phone: `say` returns the replies as plain text. */
    chatAs(member: SeedMember) {
      let sent = 0;
      return async function say(message: string): Promise<string> {
        sent += 1;
        const replies = await runtime.engine.handle({
          channel: 'whatsapp',
          userId: member.phone,
          phone: member.phone,
          messageId: `${member.id}-${sent}`,
          text: message,
          receivedAt: clock.now(),
        });
        return replies.map(renderPlainText).join('\n');
      };
    },
  };
}

type World = Awaited<ReturnType<typeof startWorld>>;
type Say = ReturnType<World['chatAs']>;

/** Greeting, consent, document (the phone is the second factor), patient: ends at the main menu. */
async function identify(say: Say, member: SeedMember): Promise<void> {
  await say('hola');
  await say('sí');
  const afterDocument = await say(member.document);
  const atMenu = member.patient ? await say(member.patient) : afterDocument;
  assert.match(atMenu, /^1\. Agendar cita/m, atMenu);
}

/** Diana at the confirmation of moving her appointment to the first afternoon slot shown. */
async function dianaAboutToMove(world: World, say: Say) {
  await identify(say, DIANA);
  const [original] = await world.appointmentsOf(DIANA);
  assert.ok(original, 'the seed world gives Diana one appointment');
  await say('reprogramar');
  await say('1');
  const [chosen, next] = await world.kennedySlots('tarde');
  assert.ok(chosen && next, 'Kennedy has afternoon slots');
  const offered = await say('tarde');
  assert.ok(offered.includes(`1. ${world.slotLabel(chosen)}`), offered);
  const confirmation = await say('1');
  assert.match(confirmation, /^1\. Sí$/m, confirmation);
  return { original, chosen };
}

/** Laura files a RISS case for general medicine at Facatativá (no slots there at all). */
async function lauraFilesCase(world: World, say: Say): Promise<string> {
  await identify(say, LAURA);
  await say('agendar');
  await say('medicina general');
  await say('primera vez');
  await say('Facatativá');
  const offer = await say('cualquiera');
  assert.match(offer, /^1\. Sí$/m, offer);
  const filed = await say('sí');
  const radicado = /RISS-2026-\d{6}/.exec(filed)?.[0];
  assert.ok(radicado, filed);
  const openCase = await world.agenda.findOpenCase({ patientId: LAURA.id, specialty: 'medicina_general' });
  assert.equal(openCase?.radicado, radicado);
  return radicado;
}

/** Asks to book general medicine; returns the reply to the specialty. */
async function tryGeneralMedicine(say: Say): Promise<string> {
  await say('agendar');
  return say('medicina general');
}

function assertSameAppointments(actual: Appointment[], expected: Appointment[]) {
  assert.deepEqual(
    actual.map(({ id, start, doctor, site, status }) => ({ id, start, doctor: doctor.id, site, status })),
    expected.map(({ id, start, doctor, site, status }) => ({ id, start, doctor: doctor.id, site, status })),
  );
}

// ---------------------------------------------------------------------------------------------

describe('booking when the answer is lost', () => {
  it('asks to retry, retries with the same Idempotency-Key, and leaves exactly one appointment', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const laura = world.chatAs(LAURA);
    await identify(laura, LAURA);
    await laura('agendar');
    await laura('medicina general');
    await laura('primera vez');
    await laura('Kennedy');
    await laura('tarde');
    await laura('1');

    // The client sends a booking whose connection died unanswered once more at once: lose both.
    world.proxy.failNext('POST', /^\/v1\/appointments$/, 'drop-response');
    world.proxy.failNext('POST', /^\/v1\/appointments$/, 'drop-response');
    const afterDrop = await laura('sí');
    assert.ok(afterDrop.includes(world.text('booking.askRetry')), afterDrop);
    // The agenda did book it; only the answer was lost.
    const booked = await world.appointmentsOf(LAURA);
    assert.equal(booked.length, 1);

    const afterRetry = await laura('sí');
    const [appointment] = booked;
    assert.ok(appointment);
    const bookedText = world.text('booking.booked', {
      patient: 'Laura',
      context: 'self',
      service: appointment.cups,
      start: appointment.start,
      doctor: appointment.doctor.name,
      site: appointment.site,
    });
    assert.ok(afterRetry.includes(bookedText), afterRetry);

    const bookings = world.proxy.seen.filter((r) => r.method === 'POST' && r.path === '/v1/appointments');
    assert.equal(bookings.length, 3);
    assert.ok(bookings[0]?.idempotencyKey, 'the booking carries an Idempotency-Key');
    assert.ok(bookings.every((r) => r.idempotencyKey === bookings[0]?.idempotencyKey));
    assertSameAppointments(await world.appointmentsOf(LAURA), booked);
  });
});

describe('automatic retries of calls safe to repeat', () => {
  it('a lost booking answer is retried with the same key before the member notices: one appointment', async () => {
    const t = testContext();
    const world = await startWorld(t, { retries: 2 });
    const laura = world.chatAs(LAURA);
    await identify(laura, LAURA);
    for (const text of ['agendar', 'medicina general', 'primera vez', 'Kennedy', 'tarde', '1']) await laura(text);

    world.proxy.failNext('POST', /^\/v1\/appointments$/, 'drop-response');
    const answer = await laura('sí');
    assert.ok(!answer.includes(world.text('booking.askRetry')), answer);
    const booked = await world.appointmentsOf(LAURA);
    assert.equal(booked.length, 1);
    assert.match(answer, /^1\. Agendar cita/m, answer);
  });

  it('a move is retried with the same key after a 503: the original is moved once', async () => {
    const t = testContext();
    const world = await startWorld(t, { retries: 2 });
    const diana = world.chatAs(DIANA);
    const { original, chosen } = await dianaAboutToMove(world, diana);
    world.proxy.failNext('POST', /\/reschedule$/, 'respond-503-after-forward');
    const moved = await diana('sí');
    assert.ok(!moved.includes(world.text('reschedule.askRetry')), moved);
    const after = await world.appointmentsOf(DIANA);
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, original.id);
    assert.equal(after[0]?.start, chosen.start);
  });
});

describe('rescheduling atomically', () => {
  it('when the chosen slot is taken before confirming: says so, shows fresh slots, and keeps the original until the move', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const diana = world.chatAs(DIANA);
    const { original, chosen } = await dianaAboutToMove(world, diana);

    // Someone else books that very slot meanwhile.
    await world.agenda.book({ patientId: LAURA.id, slotId: chosen.id, cups: '890201', idempotencyKey: 'test:laura-takes-it' });
    const [fresh] = await world.kennedySlots('tarde');
    assert.ok(fresh);

    const afterTaken = await diana('sí');
    assert.ok(afterTaken.includes(world.text('slots.slotTaken')), afterTaken);
    assert.ok(afterTaken.includes(`1. ${world.slotLabel(fresh)}`), afterTaken);
    assert.ok(!afterTaken.includes(world.slotLabel(chosen)), afterTaken);
    assertSameAppointments(await world.appointmentsOf(DIANA), [original]);

    await diana('1');
    const moved = await diana('sí');
    assert.match(moved, /^1\. Agendar cita/m, moved);
    const after = await world.appointmentsOf(DIANA);
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, original.id);
    assert.equal(after[0]?.start, fresh.start);
    assert.equal(after[0]?.doctor.id, fresh.doctor.id);
  });

  it('when the agenda answers 503 and did not move it: the original stays, and the retry moves it once', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const diana = world.chatAs(DIANA);
    const { original, chosen } = await dianaAboutToMove(world, diana);

    world.proxy.failNext('POST', /\/reschedule$/, 'respond-503');
    const afterFailure = await diana('sí');
    assert.ok(afterFailure.includes(world.text('reschedule.askRetry')), afterFailure);
    assertSameAppointments(await world.appointmentsOf(DIANA), [original]);

    const afterRetry = await diana('sí');
    assert.match(afterRetry, /^1\. Agendar cita/m, afterRetry);
    const after = await world.appointmentsOf(DIANA);
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, original.id);
    assert.equal(after[0]?.start, chosen.start);

    const moves = world.proxy.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/reschedule'));
    assert.equal(moves.length, 2);
    assert.ok(moves[0]?.idempotencyKey);
    assert.equal(moves[1]?.idempotencyKey, moves[0]?.idempotencyKey);
  });

  it('when the agenda moved it but the answer was a 503: still one appointment, and the retry replays the move', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const diana = world.chatAs(DIANA);
    const { original, chosen } = await dianaAboutToMove(world, diana);

    world.proxy.failNext('POST', /\/reschedule$/, 'respond-503-after-forward');
    const afterFailure = await diana('sí');
    assert.ok(afterFailure.includes(world.text('reschedule.askRetry')), afterFailure);
    const meanwhile = await world.appointmentsOf(DIANA);
    assert.equal(meanwhile.length, 1);
    assert.equal(meanwhile[0]?.id, original.id);

    const afterRetry = await diana('sí');
    const movedText = world.text('reschedule.done', {
      patient: 'Diana',
      context: 'self',
      service: original.cups,
      start: chosen.start,
      doctor: chosen.doctor.name,
      site: chosen.site,
    });
    assert.ok(afterRetry.includes(movedText), afterRetry);
    const after = await world.appointmentsOf(DIANA);
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, original.id);
    assert.equal(after[0]?.start, chosen.start);
  });
});

describe('closing a RISS case lifts the lock on that specialty', () => {
  it('through the agenda client', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const laura = world.chatAs(LAURA);
    const radicado = await lauraFilesCase(world, laura);
    const openCase = await world.agenda.findOpenCase({ patientId: LAURA.id, specialty: 'medicina_general' });

    const refused = await tryGeneralMedicine(laura);
    assert.ok(refused.includes(world.text('booking.caseOpen', { specialty: 'medicina_general', radicado, dueDate: openCase?.dueDate })), refused);
    assert.match(refused, /lunes 30 de noviembre/);

    const closed = await world.agenda.closeCase({ radicado });
    assert.equal(closed.status, 'closed');

    const allowed = await tryGeneralMedicine(laura);
    assert.ok(allowed.includes(world.text('booking.askVisitType')), allowed);
    assert.ok(!allowed.includes(radicado), allowed);
  });

  it('through `lina agenda close-case <radicado> --url`', async () => {
    const t = testContext();
    const world = await startWorld(t);
    const laura = world.chatAs(LAURA);
    const radicado = await lauraFilesCase(world, laura);
    assert.ok((await tryGeneralMedicine(laura)).includes(radicado));

    const { stdout } = await execFileAsync('npx', ['tsx', 'bot/main/cli.ts', 'agenda', 'close-case', radicado, '--url', world.simulator.url], { cwd: REPO_ROOT });
    assert.match(stdout, new RegExp(`Closed ${radicado} \\(status: closed\\)`));
    assert.equal(await world.agenda.findOpenCase({ patientId: LAURA.id, specialty: 'medicina_general' }), null);

    const allowed = await tryGeneralMedicine(laura);
    assert.ok(allowed.includes(world.text('booking.askVisitType')), allowed);
  });

  it('the command exits 1 and names the reason for an unknown radicado', async () => {
    const t = testContext();
    const world = await startWorld(t);
    await assert.rejects(
      execFileAsync('npx', ['tsx', 'bot/main/cli.ts', 'agenda', 'close-case', 'RISS-2026-999999', '--url', world.simulator.url], {
        cwd: REPO_ROOT,
      }),
      (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? '', /Could not close RISS-2026-999999: NOT_FOUND/);
        return true;
      },
    );
  });
});
