/**
 * The agenda client over kept-alive connections, against a real local HTTP server (no nock):
 * a socket the server closes just as the client reuses it is retried once, at once, for the
 * calls that are safe to repeat, and never for the others.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, it } from '@jest/globals';

import { createAgendaClient } from '../../../adapters/agenda/agenda.client.js';
import { AgendaError } from '../../../bot/agenda.errors.js';
import type { AgendaErrorCode } from '../../../bot/agenda.errors.js';
import type { Appointment } from '../../../bot/domain.js';

/** A request as the server saw it. */
interface SeenRequest {
  method: string;
  path: string;
  body: string;
  idempotencyKey: string | undefined;
  /** Which connection carried it (1, 2, ...) and how many requests that connection had carried. */
  socket: number;
  nthOnSocket: number;
}

/**
 * What the server does with a request: answer it, close the connection without a byte of
 * answer (FIN, as an idle timeout does), reset it (RST), or cut it halfway through the answer.
 */
type Fate = 'answer' | 'close' | 'reset' | 'cut-mid-answer';

function makeAppointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'apt-100',
    patientId: 'pat-001',
    cups: '890201',
    specialty: 'medicina_general',
    site: 'SUBA',
    start: '2026-11-24T07:00:00-05:00',
    end: '2026-11-24T07:20:00-05:00',
    doctor: { id: 'doc-07', name: 'Dr. Doctor Siete' },
    status: 'booked',
    ...overrides,
  };
}

function answerOf(request: SeenRequest): unknown {
  if (request.path.endsWith('/cancel')) return makeAppointment({ status: 'cancelled' });
  if (request.path === '/v1/appointments') return makeAppointment();
  return { appointments: [] };
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    const closed = once(server, 'close');
    server.close();
    server.closeAllConnections();
    await closed;
  }
});

/** A local agenda whose every request meets the fate `decide` gives it; it never closes idle sockets itself. */
async function startAgenda(decide: (request: SeenRequest) => Fate) {
  const seen: SeenRequest[] = [];
  const sockets = new Map<Socket, { id: number; requests: number }>();
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let chunks = '';
    for await (const chunk of request) chunks += String(chunk);
    let socket = sockets.get(request.socket);
    if (!socket) {
      socket = { id: sockets.size + 1, requests: 0 };
      sockets.set(request.socket, socket);
    }
    socket.requests += 1;
    const key = request.headers['idempotency-key'];
    const entry: SeenRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      body: chunks,
      idempotencyKey: typeof key === 'string' ? key : undefined,
      socket: socket.id,
      nthOnSocket: socket.requests,
    };
    seen.push(entry);
    const fate = decide(entry);
    if (fate === 'close') return void request.socket.destroy();
    if (fate === 'reset') return void request.socket.resetAndDestroy();
    const payload = JSON.stringify(answerOf(entry));
    if (fate === 'cut-mid-answer') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(payload.length) });
      response.write(payload.slice(0, 10));
      // A moment later, when the client has read the head, the connection is reset under the
      // rest of the answer (a pause, not a measurement: any delay exercises the same rule).
      return void setTimeout(() => request.socket.resetAndDestroy(), 20);
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(payload);
  };
  const server = createServer((request, response) => void handle(request, response));
  // Only the client may close an idle connection in these tests.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 61_000;
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const agenda = createAgendaClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 10_000 });
  return { agenda, seen, server };
}

/** The second request on a connection and later ones meet `fate`: the connection was kept alive, then dropped. */
const dropReused = (fate: Fate) => (request: SeenRequest) => (request.nthOnSocket >= 2 ? fate : 'answer');

async function codeOf(call: Promise<unknown>): Promise<AgendaErrorCode> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof AgendaError, `expected an AgendaError, got ${String(error)}`);
    return error.code;
  }
  assert.fail('the call succeeded');
}

const patient = { patientId: 'pat-001' };
const booking = { patientId: 'pat-001', slotId: 'doc-07-202611240700', cups: '890201', idempotencyKey: 'conv-1:book:7' } as const;

describe('agenda client: a kept-alive socket the agenda has dropped', () => {
  for (const fate of ['close', 'reset'] as const) {
    it(`a read goes again at once on a new connection (${fate})`, async () => {
      const { agenda, seen } = await startAgenda(dropReused(fate));
      await agenda.listAppointments(patient); // leaves connection 1 idle in the pool

      assert.deepEqual(await agenda.listAppointments(patient), []);

      assert.deepEqual(
        seen.map(({ socket, nthOnSocket }) => [socket, nthOnSocket]),
        [
          [1, 1],
          [1, 2],
          [2, 1],
        ],
      );
    });
  }

  it('a booking goes again with the same Idempotency-Key and body', async () => {
    const { agenda, seen } = await startAgenda(dropReused('close'));
    await agenda.listAppointments(patient);

    const appointment = await agenda.book(booking);

    assert.equal(appointment.id, 'apt-100');
    const bookings = seen.filter((request) => request.path === '/v1/appointments');
    assert.equal(bookings.length, 2);
    assert.deepEqual(
      bookings.map(({ idempotencyKey, body }) => ({ idempotencyKey, body: JSON.parse(body) as unknown })),
      Array(2).fill({
        idempotencyKey: booking.idempotencyKey,
        body: { patientId: booking.patientId, slotId: booking.slotId, cups: booking.cups },
      }),
    );
    assert.notEqual(bookings[0]?.socket, bookings[1]?.socket);
  });

  it('a cancel, which is not safe to repeat, is sent once and fails as UNAVAILABLE', async () => {
    const { agenda, seen } = await startAgenda(dropReused('close'));
    await agenda.listAppointments(patient);

    assert.equal(await codeOf(agenda.cancel({ appointmentId: 'apt-100' })), 'UNAVAILABLE');

    assert.equal(seen.filter((request) => request.path.endsWith('/cancel')).length, 1);
  });

  it('is repeated once only: a new connection that fails too is UNAVAILABLE', async () => {
    const { agenda, seen } = await startAgenda((request) => (request.socket === 1 && request.nthOnSocket === 1 ? 'answer' : 'close'));
    await agenda.listAppointments(patient);

    assert.equal(await codeOf(agenda.listAppointments(patient)), 'UNAVAILABLE');

    assert.equal(seen.length, 3);
  });

  it('a new connection that is dropped is not repeated by the client', async () => {
    const { agenda, seen } = await startAgenda(() => 'close');

    assert.equal(await codeOf(agenda.listAppointments(patient)), 'UNAVAILABLE');

    assert.equal(seen.length, 1);
  });

  it('a connection that dies halfway through an answer is not repeated by the client', async () => {
    const { agenda, seen } = await startAgenda(dropReused('cut-mid-answer'));
    await agenda.listAppointments(patient);

    // Reset under the body (UNAVAILABLE) or an aborted body after a 200 head (BAD_RESPONSE),
    // whichever Node reports first: either way a failure, sent once.
    assert.ok(['UNAVAILABLE', 'BAD_RESPONSE'].includes(await codeOf(agenda.listAppointments(patient))));

    assert.equal(seen.length, 2);
  });
});

describe('agenda client: idle connections', () => {
  it('keeps a connection alive between calls', async () => {
    const { agenda, seen } = await startAgenda(() => 'answer');

    await agenda.listAppointments(patient);
    await agenda.listAppointments(patient);

    assert.deepEqual(
      seen.map((request) => request.socket),
      [1, 1],
    );
  });

  // The server here keeps idle connections for 60 s; the test's own limit is far shorter, so
  // it passes only if the client closes the connection itself.
  it('closes an idle connection itself, before the server would', async () => {
    const { agenda, server } = await startAgenda(() => 'answer');
    const [socket] = (await Promise.all([once(server, 'connection'), agenda.listAppointments(patient)]))[0] as [Socket];

    await once(socket, 'close');

    assert.equal(socket.destroyed, true);
  }, 30_000);
});
