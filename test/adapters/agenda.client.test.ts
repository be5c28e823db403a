import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { Server as NetServer } from 'node:net';
import { afterEach, beforeEach, describe, test } from '@jest/globals';
import { testContext } from '../support/test-context.js';
import { inspect } from 'node:util';

import nock from 'nock';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

import { createAgendaClient, pingAgenda } from '../../adapters/agenda/agenda.client.js';
import {
  agendaErrorBodySchema,
  appointmentListSchema,
  appointmentSchema,
  availableDayListSchema,
  availableDaySchema,
  doctorRefSchema,
  healthSchema,
  memberSchema,
  patientSchema,
  rissCaseSchema,
  slotListSchema,
  slotSchema,
  treatingDoctorSchema,
} from '../../adapters/agenda/agenda.schemas.js';
import { AgendaError } from '../../bot/agenda.errors.js';
import type { AgendaErrorCode } from '../../bot/agenda.errors.js';
import type { Appointment, Member, Patient, RissCase, Slot } from '../../bot/domain.js';
import { DOCUMENT_TYPES, FRANJAS, SITE_CODES, SPECIALTIES, SERVICES } from '../../bot/domain.js';

const BASE_URL = 'http://agenda.test';
const DOCUMENT_NUMBER = '1032456789';
const IDEMPOTENCY_KEY = 'conv-42:book:1';
const FROM = '2026-11-24T00:00:00-05:00';
const TO = '2026-12-08T00:00:00-05:00';

// ---------------------------------------------------------------------------------------------
// Fixtures

function makePatient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: 'pat-001',
    documentType: 'CC',
    documentNumber: DOCUMENT_NUMBER,
    firstName: 'Valentina',
    lastName: 'Restrepo Quintero',
    birthDate: '1991-03-14',
    plan: 'PBS',
    status: 'active',
    treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-07', doctorName: 'Dr. Doctor Siete', site: 'SUBA' }],
    ...overrides,
  };
}

function makeMember(overrides: Partial<Member> = {}): Member {
  return {
    ...makePatient(),
    phone: '+573001112233',
    email: 'valentina.restrepo@example.com',
    beneficiaries: [
      makePatient({
        id: 'pat-002',
        documentType: 'TI',
        documentNumber: '1099887766',
        firstName: 'Tomasito',
        birthDate: '2014-08-02',
        treatingDoctors: [],
      }),
    ],
    ...overrides,
  };
}

function makeSlot(overrides: Partial<Slot> = {}): Slot {
  return {
    id: 'slot-doc07-202611240700',
    start: '2026-11-24T07:00:00-05:00',
    end: '2026-11-24T07:20:00-05:00',
    site: 'SUBA',
    specialty: 'medicina_general',
    doctor: { id: 'doc-07', name: 'Dr. Doctor Siete' },
    ...overrides,
  };
}

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

function makeRissCase(overrides: Partial<RissCase> = {}): RissCase {
  return {
    radicado: 'RISS-2026-000123',
    patientId: 'pat-001',
    specialty: 'pediatria',
    cups: '890283',
    site: 'KENNEDY',
    email: 'valentina.restrepo@example.com',
    createdAt: '2026-11-20T10:15:00-05:00',
    dueDate: '2026-11-27',
    status: 'open',
    ...overrides,
  };
}

/** Everything that must never show up in an error, its metadata or its causes. */
const PERSONAL_DATA = [DOCUMENT_NUMBER, '1099887766', 'Valentina', 'Restrepo', 'valentina.restrepo@example.com', '3001112233'];

// ---------------------------------------------------------------------------------------------
// Helpers

interface SeenRequest {
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

/** Answers one intercepted request with `status` and `body`, and records what was sent. */
function answer(interceptor: nock.Interceptor, status: number, body?: unknown): SeenRequest {
  const seen: SeenRequest = { path: '', body: undefined, headers: {} };
  interceptor.reply(function (uri, requestBody) {
    seen.path = uri;
    seen.body = requestBody === '' ? undefined : requestBody;
    seen.headers = this.req.headers;
    return body === undefined ? [status] : [status, JSON.stringify(body), { 'Content-Type': 'application/json' }];
  });
  return seen;
}

async function assertAgendaError(promise: Promise<unknown>, code: AgendaErrorCode, meta: { operation: string; status?: number }): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AgendaError, `expected an AgendaError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.deepEqual(error.meta, meta);
    assertNoPersonalData(error);
    return true;
  });
}

/** Looks through the whole error, hidden properties and causes included. */
function assertNoPersonalData(error: unknown): void {
  const dump = inspect(error, { depth: Infinity, showHidden: true });
  for (const value of PERSONAL_DATA) {
    assert.ok(!dump.includes(value), `error leaks personal data: ${value}`);
  }
}

/**
 * A socket-level failure. nock 14 only delivers `replyWithError` values that are real `Error`s:
 * a plain `{ code }` object leaves the request hanging until the client times out.
 */
function networkError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

/** Starts `server` on a free loopback port and returns the port. */
async function listenOnLoopback(server: NetServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

/** A loopback port nobody listens on: connecting to it is refused. */
async function closedLocalPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

const agenda = createAgendaClient({ baseUrl: BASE_URL, timeoutMs: 1000 });
const lookup = () => agenda.findMember({ documentType: 'CC', documentNumber: DOCUMENT_NUMBER });

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  // Every interceptor a test set up must have been called.
  const unused = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  assert.deepEqual(unused, []);
});

// ---------------------------------------------------------------------------------------------
// Calls

describe('createAgendaClient calls', () => {
  test('findMember POSTs the document in the body, never in the URL', async () => {
    const member = makeMember();
    const seen = answer(nock(BASE_URL).post('/v1/members/lookup'), 200, member);

    const found = await lookup();

    assert.deepEqual(found, member);
    assert.equal(seen.path, '/v1/members/lookup');
    assert.deepEqual(seen.body, { documentType: 'CC', documentNumber: DOCUMENT_NUMBER });
    assert.match(seen.headers['content-type'] ?? '', /^application\/json/);
  });

  test('findMember accepts a member without phone or email and drops unknown fields', async () => {
    const { phone: _phone, email: _email, ...member } = makeMember();
    answer(nock(BASE_URL).post('/v1/members/lookup'), 200, { ...member, loyaltyPoints: 12 });

    const found = await lookup();

    assert.deepEqual(found, member);
  });

  test('searchSlots sends every filter as a query parameter and unwraps the list', async () => {
    const slots = [
      makeSlot({ id: 'slot-1', start: '2026-11-24T14:00:00-05:00', end: '2026-11-24T14:20:00-05:00' }),
      makeSlot({ id: 'slot-2', start: '2026-11-24T14:20:00-05:00', end: '2026-11-24T14:40:00-05:00' }),
    ];
    const query = { cups: '890201', site: 'SUBA', franja: 'tarde', doctorId: 'doc-07', from: FROM, to: TO, limit: '5' };
    answer(nock(BASE_URL).get('/v1/slots').query(query), 200, { slots });

    const found = await agenda.searchSlots({
      cups: '890201',
      site: 'SUBA',
      franja: 'tarde',
      doctorId: 'doc-07',
      from: FROM,
      to: TO,
      limit: 5,
    });

    assert.deepEqual(found, slots);
  });

  test('searchSlots leaves optional filters out of the query', async () => {
    const query = { cups: '890283', site: 'KENNEDY', from: FROM, to: TO };
    answer(nock(BASE_URL).get('/v1/slots').query(query), 200, { slots: [] });

    const found = await agenda.searchSlots({ cups: '890283', site: 'KENNEDY', from: FROM, to: TO });

    assert.deepEqual(found, []);
  });

  test('availableDays sends the slot query to the days endpoint and unwraps the days', async () => {
    const days = [
      { day: '2026-11-24', slots: 7, firstStart: '2026-11-24T14:00:00-05:00' },
      { day: '2026-11-25', slots: 1, firstStart: '2026-11-25T16:40:00-05:00' },
    ];
    const query = { cups: '890201', site: 'SUBA', franja: 'tarde', doctorId: 'doc-07', from: FROM, to: TO, limit: '3' };
    answer(nock(BASE_URL).get('/v1/slots/days').query(query), 200, { days });

    const found = await agenda.availableDays({
      cups: '890201',
      site: 'SUBA',
      franja: 'tarde',
      doctorId: 'doc-07',
      from: FROM,
      to: TO,
      limit: 3,
    });

    assert.deepEqual(found, days);
  });

  test('availableDays leaves optional filters out of the query and drops unknown fields', async () => {
    const query = { cups: '890283', site: 'KENNEDY', from: FROM, to: TO };
    const day = { day: '2026-11-24', slots: 2, firstStart: '2026-11-24T07:00:00-05:00' };
    answer(nock(BASE_URL).get('/v1/slots/days').query(query), 200, { days: [{ ...day, doctors: 1 }], total: 1 });

    const found = await agenda.availableDays({ cups: '890283', site: 'KENNEDY', from: FROM, to: TO });

    assert.deepEqual(found, [day]);
  });

  test('book POSTs the appointment with its Idempotency-Key', async () => {
    const appointment = makeAppointment();
    const seen = answer(nock(BASE_URL).post('/v1/appointments'), 201, appointment);

    const booked = await agenda.book({
      patientId: 'pat-001',
      slotId: 'slot-doc07-202611240700',
      cups: '890201',
      idempotencyKey: IDEMPOTENCY_KEY,
    });

    assert.deepEqual(booked, appointment);
    assert.deepEqual(seen.body, { patientId: 'pat-001', slotId: 'slot-doc07-202611240700', cups: '890201' });
    assert.equal(seen.headers['idempotency-key'], IDEMPOTENCY_KEY);
  });

  test('listAppointments GETs the patient appointments and unwraps the list', async () => {
    const appointments = [makeAppointment(), makeAppointment({ id: 'apt-101', specialty: 'pediatria', cups: '890383', start: '2026-12-01T08:00:00-05:00' })];
    answer(nock(BASE_URL).get('/v1/patients/pat-001/appointments'), 200, { appointments });

    const found = await agenda.listAppointments({ patientId: 'pat-001' });

    assert.deepEqual(found, appointments);
  });

  test('path parameters are URL-encoded', async () => {
    answer(nock(BASE_URL).get('/v1/patients/pat%2F1%20%C3%B1/appointments'), 200, { appointments: [] });

    const found = await agenda.listAppointments({ patientId: 'pat/1 ñ' });

    assert.deepEqual(found, []);
  });

  test('cancel POSTs to the appointment cancel action without a body', async () => {
    const cancelled = makeAppointment({ status: 'cancelled' });
    const seen = answer(nock(BASE_URL).post('/v1/appointments/apt-100/cancel'), 200, cancelled);

    const result = await agenda.cancel({ appointmentId: 'apt-100' });

    assert.deepEqual(result, cancelled);
    assert.equal(seen.body, undefined);
    assert.equal(seen.headers['idempotency-key'], undefined);
  });

  test('reschedule POSTs the new slot with its Idempotency-Key', async () => {
    const moved = makeAppointment({ start: '2026-11-25T15:00:00-05:00', end: '2026-11-25T15:20:00-05:00' });
    const seen = answer(nock(BASE_URL).post('/v1/appointments/apt-100/reschedule'), 200, moved);

    const result = await agenda.reschedule({
      appointmentId: 'apt-100',
      slotId: 'slot-3',
      idempotencyKey: IDEMPOTENCY_KEY,
    });

    assert.deepEqual(result, moved);
    assert.deepEqual(seen.body, { slotId: 'slot-3' });
    assert.equal(seen.headers['idempotency-key'], IDEMPOTENCY_KEY);
  });

  test('createCase POSTs the case with its Idempotency-Key', async () => {
    const rissCase = makeRissCase();
    const seen = answer(nock(BASE_URL).post('/v1/riss-cases'), 201, rissCase);

    const created = await agenda.createCase({
      patientId: 'pat-001',
      specialty: 'pediatria',
      cups: '890283',
      site: 'KENNEDY',
      email: 'valentina.restrepo@example.com',
      idempotencyKey: IDEMPOTENCY_KEY,
    });

    assert.deepEqual(created, rissCase);
    assert.deepEqual(seen.body, {
      patientId: 'pat-001',
      specialty: 'pediatria',
      cups: '890283',
      site: 'KENNEDY',
      email: 'valentina.restrepo@example.com',
    });
    assert.equal(seen.headers['idempotency-key'], IDEMPOTENCY_KEY);
  });

  test('findOpenCase GETs the open case for a specialty', async () => {
    const rissCase = makeRissCase();
    const openCase = nock(BASE_URL).get('/v1/patients/pat-001/riss-cases/open').query({ specialty: 'pediatria' });
    answer(openCase, 200, rissCase);

    const found = await agenda.findOpenCase({ patientId: 'pat-001', specialty: 'pediatria' });

    assert.deepEqual(found, rissCase);
  });

  test('findOpenCase answers null on 404', async () => {
    answer(nock(BASE_URL).get('/v1/patients/pat-001/riss-cases/open').query({ specialty: 'pediatria' }), 404, { code: 'NOT_FOUND', message: 'No open case.' });

    const found = await agenda.findOpenCase({ patientId: 'pat-001', specialty: 'pediatria' });

    assert.equal(found, null);
  });

  test('findOpenCase still fails on other errors', async () => {
    answer(nock(BASE_URL).get('/v1/patients/pat-001/riss-cases/open').query(true), 500);

    await assertAgendaError(agenda.findOpenCase({ patientId: 'pat-001', specialty: 'pediatria' }), 'UNAVAILABLE', { operation: 'findOpenCase', status: 500 });
  });

  test('closeCase POSTs to the case close action', async () => {
    const closed = makeRissCase({ status: 'closed' });
    answer(nock(BASE_URL).post('/v1/riss-cases/RISS-2026-000123/close'), 200, closed);

    const result = await agenda.closeCase({ radicado: 'RISS-2026-000123' });

    assert.deepEqual(result, closed);
  });

  test('pingAgenda resolves when the agenda is healthy', async () => {
    answer(nock(BASE_URL).get('/v1/health'), 200, { status: 'ok' });

    await pingAgenda({ baseUrl: BASE_URL });
  });

  test('pingAgenda rejects when the agenda is down', async () => {
    answer(nock(BASE_URL).get('/v1/health'), 503);

    await assertAgendaError(pingAgenda({ baseUrl: BASE_URL }), 'UNAVAILABLE', { operation: 'health', status: 503 });
  });

  test('a base URL with a path prefix and a trailing slash is honoured', async () => {
    const prefixed = createAgendaClient({ baseUrl: `${BASE_URL}/agenda/` });
    const cancelled = makeAppointment({ status: 'cancelled' });
    answer(nock(BASE_URL).post('/agenda/v1/appointments/apt-100/cancel'), 200, cancelled);

    const result = await prefixed.cancel({ appointmentId: 'apt-100' });

    assert.equal(result.status, 'cancelled');
  });
});

// ---------------------------------------------------------------------------------------------
// Error mapping

describe('createAgendaClient errors', () => {
  test('404 is NOT_FOUND', async () => {
    answer(nock(BASE_URL).post('/v1/members/lookup'), 404, { code: 'NOT_FOUND', message: 'No such member.' });

    await assertAgendaError(lookup(), 'NOT_FOUND', { operation: 'findMember', status: 404 });
  });

  test('409 with code SLOT_TAKEN is SLOT_TAKEN when booking', async () => {
    answer(nock(BASE_URL).post('/v1/appointments'), 409, { code: 'SLOT_TAKEN', message: 'Taken.' });

    await assertAgendaError(agenda.book({ patientId: 'pat-001', slotId: 'slot-1', cups: '890201', idempotencyKey: IDEMPOTENCY_KEY }), 'SLOT_TAKEN', {
      operation: 'book',
      status: 409,
    });
  });

  test('409 with code SLOT_TAKEN is SLOT_TAKEN when rescheduling', async () => {
    answer(nock(BASE_URL).post('/v1/appointments/apt-100/reschedule'), 409, { code: 'SLOT_TAKEN', message: 'Taken.' });

    await assertAgendaError(agenda.reschedule({ appointmentId: 'apt-100', slotId: 'slot-1', idempotencyKey: IDEMPOTENCY_KEY }), 'SLOT_TAKEN', {
      operation: 'reschedule',
      status: 409,
    });
  });

  test('409 with another code is CONFLICT', async () => {
    answer(nock(BASE_URL).post('/v1/riss-cases'), 409, { code: 'CONFLICT', message: 'Already open.' });

    await assertAgendaError(
      agenda.createCase({
        patientId: 'pat-001',
        specialty: 'pediatria',
        cups: '890283',
        site: 'KENNEDY',
        email: 'valentina.restrepo@example.com',
        idempotencyKey: IDEMPOTENCY_KEY,
      }),
      'CONFLICT',
      { operation: 'createCase', status: 409 },
    );
  });

  test('409 without a readable body is CONFLICT', async () => {
    nock(BASE_URL).post('/v1/appointments').reply(409, '<html>conflict</html>');

    await assertAgendaError(agenda.book({ patientId: 'pat-001', slotId: 'slot-1', cups: '890201', idempotencyKey: IDEMPOTENCY_KEY }), 'CONFLICT', {
      operation: 'book',
      status: 409,
    });
  });

  for (const status of [500, 502, 503]) {
    test(`${status} is UNAVAILABLE`, async () => {
      answer(nock(BASE_URL).post('/v1/members/lookup'), status, { code: 'INTERNAL', message: 'Down.' });

      await assertAgendaError(lookup(), 'UNAVAILABLE', { operation: 'findMember', status });
    });
  }

  for (const status of [400, 401, 422]) {
    test(`unexpected ${status} is BAD_RESPONSE`, async () => {
      answer(nock(BASE_URL).post('/v1/members/lookup'), status, { code: 'BAD_REQUEST', message: 'No.' });

      await assertAgendaError(lookup(), 'BAD_RESPONSE', { operation: 'findMember', status });
    });
  }

  test('a redirect is not followed: BAD_RESPONSE', async () => {
    nock(BASE_URL).post('/v1/members/lookup').reply(307, '', { Location: 'http://elsewhere.test/v1/members/lookup' });

    await assertAgendaError(lookup(), 'BAD_RESPONSE', { operation: 'findMember', status: 307 });
  });

  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN']) {
    test(`${code} is UNAVAILABLE`, async () => {
      nock(BASE_URL).post('/v1/members/lookup').replyWithError(networkError(code));

      await assertAgendaError(lookup(), 'UNAVAILABLE', { operation: 'findMember' });
    });
  }

  test('a closed port is UNAVAILABLE', async () => {
    nock.enableNetConnect('127.0.0.1');
    const port = await closedLocalPort();
    const unreachable = createAgendaClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });

    await assertAgendaError(unreachable.findMember({ documentType: 'CC', documentNumber: DOCUMENT_NUMBER }), 'UNAVAILABLE', { operation: 'findMember' });
  });

  test('a slow answer is TIMEOUT', async () => {
    const impatient = createAgendaClient({ baseUrl: BASE_URL, timeoutMs: 50 });
    nock(BASE_URL).post('/v1/members/lookup').delay(500).reply(200, JSON.stringify(makeMember()));

    await assertAgendaError(impatient.findMember({ documentType: 'CC', documentNumber: DOCUMENT_NUMBER }), 'TIMEOUT', { operation: 'findMember' });
  });

  test('an answer that trickles in past the deadline is TIMEOUT', async () => {
    const t = testContext();
    // A real server: the socket never goes idle, so only a whole-call deadline can stop it.
    nock.enableNetConnect('127.0.0.1');
    const server = createHttpServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{');
      const drip = setInterval(() => response.write(' '), 10);
      response.on('close', () => clearInterval(drip));
    });
    t.after(() => {
      server.closeAllConnections();
      server.close();
    });
    const port = await listenOnLoopback(server);
    const trickling = createAgendaClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 50 });

    await assertAgendaError(trickling.listAppointments({ patientId: 'pat-001' }), 'TIMEOUT', {
      operation: 'listAppointments',
    });
  });

  for (const code of ['ECONNABORTED', 'ETIMEDOUT']) {
    test(`${code} is TIMEOUT`, async () => {
      nock(BASE_URL).post('/v1/members/lookup').replyWithError(networkError(code));

      await assertAgendaError(lookup(), 'TIMEOUT', { operation: 'findMember' });
    });
  }

  test('malformed JSON is BAD_RESPONSE', async () => {
    // V8 quotes the text around a bad token in its SyntaxError: the error must not carry it on.
    const malformed = '{"id":"pat-001","firstName":Valentina Restrepo}';
    nock(BASE_URL).post('/v1/members/lookup').reply(200, malformed, { 'Content-Type': 'application/json' });

    await assertAgendaError(lookup(), 'BAD_RESPONSE', { operation: 'findMember', status: 200 });
  });

  test('truncated JSON is BAD_RESPONSE', async () => {
    const truncated = JSON.stringify(makeMember()).slice(0, 60);
    nock(BASE_URL).post('/v1/members/lookup').reply(200, truncated, { 'Content-Type': 'application/json' });

    await assertAgendaError(lookup(), 'BAD_RESPONSE', { operation: 'findMember', status: 200 });
  });

  test('a body that is not JSON at all is BAD_RESPONSE', async () => {
    nock(BASE_URL).get('/v1/patients/pat-001/appointments').reply(200, 'OK');

    await assertAgendaError(agenda.listAppointments({ patientId: 'pat-001' }), 'BAD_RESPONSE', {
      operation: 'listAppointments',
      status: 200,
    });
  });

  test('an empty 2xx body is BAD_RESPONSE', async () => {
    nock(BASE_URL).post('/v1/appointments/apt-100/cancel').reply(200);

    await assertAgendaError(agenda.cancel({ appointmentId: 'apt-100' }), 'BAD_RESPONSE', {
      operation: 'cancel',
      status: 200,
    });
  });

  test('a member missing a field is BAD_RESPONSE', async () => {
    const { lastName: _lastName, ...incomplete } = makeMember();
    answer(nock(BASE_URL).post('/v1/members/lookup'), 200, incomplete);

    await assertAgendaError(lookup(), 'BAD_RESPONSE', { operation: 'findMember', status: 200 });
  });

  test('a slot whose start has no offset is BAD_RESPONSE', async () => {
    answer(nock(BASE_URL).get('/v1/slots').query(true), 200, { slots: [makeSlot({ start: '2026-11-24T07:00:00' })] });

    await assertAgendaError(agenda.searchSlots({ cups: '890201', site: 'SUBA', from: FROM, to: TO }), 'BAD_RESPONSE', { operation: 'searchSlots', status: 200 });
  });

  for (const [problem, days] of [
    ['a day whose first start has no offset', [{ day: '2026-11-24', slots: 2, firstStart: '2026-11-24T07:00:00' }]],
    ['a day that is not a calendar date', [{ day: '24/11/2026', slots: 2, firstStart: '2026-11-24T07:00:00-05:00' }]],
    ['a day without free slots', [{ day: '2026-11-24', slots: 0, firstStart: '2026-11-24T07:00:00-05:00' }]],
    ['a day without its count', [{ day: '2026-11-24', firstStart: '2026-11-24T07:00:00-05:00' }]],
  ] as const) {
    test(`${problem} is BAD_RESPONSE, as a malformed slot is`, async () => {
      answer(nock(BASE_URL).get('/v1/slots/days').query(true), 200, { days });

      await assertAgendaError(agenda.availableDays({ cups: '890201', site: 'SUBA', from: FROM, to: TO }), 'BAD_RESPONSE', { operation: 'availableDays', status: 200 });
    });
  }

  test('a bare array instead of the days wrapper is BAD_RESPONSE', async () => {
    answer(nock(BASE_URL).get('/v1/slots/days').query(true), 200, [{ day: '2026-11-24', slots: 2, firstStart: '2026-11-24T07:00:00-05:00' }]);

    await assertAgendaError(agenda.availableDays({ cups: '890201', site: 'SUBA', from: FROM, to: TO }), 'BAD_RESPONSE', { operation: 'availableDays', status: 200 });
  });

  test('a failing days endpoint is UNAVAILABLE, and a refused query BAD_RESPONSE, as for searchSlots', async () => {
    answer(nock(BASE_URL).get('/v1/slots/days').query(true), 503, { code: 'INTERNAL', message: 'Down.' });
    answer(nock(BASE_URL).get('/v1/slots/days').query(true), 400, { code: 'BAD_REQUEST', message: 'from: Invalid.' });
    const query = { cups: '890201', site: 'SUBA', from: FROM, to: TO } as const;

    await assertAgendaError(agenda.availableDays(query), 'UNAVAILABLE', { operation: 'availableDays', status: 503 });
    await assertAgendaError(agenda.availableDays(query), 'BAD_RESPONSE', { operation: 'availableDays', status: 400 });
  });

  test('a bare array instead of the list wrapper is BAD_RESPONSE', async () => {
    answer(nock(BASE_URL).get('/v1/patients/pat-001/appointments'), 200, [makeAppointment()]);

    await assertAgendaError(agenda.listAppointments({ patientId: 'pat-001' }), 'BAD_RESPONSE', {
      operation: 'listAppointments',
      status: 200,
    });
  });

  test('a RISS case with a malformed radicado is BAD_RESPONSE', async () => {
    answer(nock(BASE_URL).post('/v1/riss-cases/RISS-2026-000123/close'), 200, makeRissCase({ radicado: '123' }));

    await assertAgendaError(agenda.closeCase({ radicado: 'RISS-2026-000123' }), 'BAD_RESPONSE', {
      operation: 'closeCase',
      status: 200,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The contract document and the schemas must not drift apart.

describe('openapi.yaml', () => {
  interface OpenApiSchema {
    properties?: Record<string, unknown>;
    required?: string[];
    allOf?: OpenApiSchema[];
    $ref?: string;
    enum?: string[];
  }

  async function loadSchemas(): Promise<Record<string, OpenApiSchema>> {
    const text = await readFile(new URL('../../adapters/agenda/openapi.yaml', import.meta.url), 'utf8');
    const document = parseYaml(text) as { openapi: string; components: { schemas: Record<string, OpenApiSchema> } };
    assert.equal(document.openapi, '3.0.3');
    return document.components.schemas;
  }

  /** Properties and required names of a component, following `allOf` and `$ref`. */
  function flatten(schemas: Record<string, OpenApiSchema>, schema: OpenApiSchema): { properties: string[]; required: string[] } {
    if (schema.$ref) {
      const target = schemas[schema.$ref.replace('#/components/schemas/', '')];
      assert.ok(target, `unresolved ${schema.$ref}`);
      return flatten(schemas, target);
    }
    const own = { properties: Object.keys(schema.properties ?? {}), required: schema.required ?? [] };
    const parts = [own, ...(schema.allOf ?? []).map((part) => flatten(schemas, part))];
    return {
      properties: parts.flatMap((part) => part.properties),
      required: parts.flatMap((part) => part.required),
    };
  }

  const components: Record<string, z.ZodObject> = {
    TreatingDoctor: treatingDoctorSchema,
    Patient: patientSchema,
    Member: memberSchema,
    DoctorRef: doctorRefSchema,
    Slot: slotSchema,
    SlotList: slotListSchema,
    AvailableDay: availableDaySchema,
    AvailableDayList: availableDayListSchema,
    Appointment: appointmentSchema,
    AppointmentList: appointmentListSchema,
    RissCase: rissCaseSchema,
    Health: healthSchema,
    Error: agendaErrorBodySchema,
  };

  test('every response component has the fields and required fields of its zod schema', async () => {
    const schemas = await loadSchemas();
    for (const [name, zodSchema] of Object.entries(components)) {
      const component = schemas[name];
      assert.ok(component, `missing component ${name}`);
      const { properties, required } = flatten(schemas, component);
      const jsonSchema = z.toJSONSchema(zodSchema) as { required?: string[] };
      assert.deepEqual(properties.sort(), Object.keys(zodSchema.shape).sort(), `${name} properties`);
      assert.deepEqual(required.sort(), (jsonSchema.required ?? []).sort(), `${name} required`);
    }
  });

  test('enumerations match the domain and the catalog', async () => {
    const schemas = await loadSchemas();
    const expected: Record<string, readonly string[]> = {
      DocumentType: DOCUMENT_TYPES,
      Specialty: SPECIALTIES,
      Franja: FRANJAS,
      SiteCode: SITE_CODES,
      Cups: SERVICES.map((service) => service.cups),
    };
    for (const [name, values] of Object.entries(expected)) {
      assert.deepEqual(schemas[name]?.enum, [...values], name);
    }
  });
});
