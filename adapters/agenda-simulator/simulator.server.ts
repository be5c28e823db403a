/**
 * The embedded agenda: a real HTTP server speaking the agenda contract
 * (`adapters/agenda/openapi.yaml`), backed by SQLite and seeded from the clock.
 * `npm start` runs it when no real agenda URL is configured; tests start it on port 0.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { z } from 'zod';

import type { Clock } from '../../bot/ports.js';
import { SEED_DOCTORS, SEED_PATIENTS, dianasAppointment } from './seed-world.js';
import {
  bookingSchema,
  bookingStatsQuerySchema,
  idempotencyKeySchema,
  memberLookupSchema,
  openCaseQuerySchema,
  rescheduleSchema,
  rissCaseSchema,
  slotQuerySchema,
} from './simulator.schemas.js';
import { SimulatorError } from './simulator.errors.js';
import { SimulatedAgenda } from './simulator.service.js';
import { SimulatorStore } from './simulator.store.js';

/** The slice of a pino logger the simulator uses. It logs routes and statuses, never bodies. */
export interface SimulatorLogger {
  debug(details: object, message?: string): void;
  error(details: object, message?: string): void;
}

export interface AgendaSimulatorOptions {
  /** "Now" for the seed and for every request: slots before it are gone. */
  clock: Clock;
  /** Defaults to `127.0.0.1`, so the simulator is not reachable from the network. */
  host?: string;
  /** `0` (the default) picks a free port; read it back from `url`. */
  port?: number;
  /** SQLite file; defaults to `:memory:`, which forgets everything on `close()`. */
  dbPath?: string;
  logger?: SimulatorLogger;
}

export interface AgendaSimulator {
  /** Base URL without `/v1`, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Direct access for the CLI and tests (e.g. `store.closeCase(radicado)`). */
  store: SimulatorStore;
  agenda: SimulatedAgenda;
  /** Stops listening, drops open connections and closes the database. */
  close(): Promise<void>;
}

/** Largest request body accepted; the contract's bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * How long an idle kept-alive connection stays open. Node's default (5 s) is short enough
 * that, with a busy event loop on either side, a client reuses a socket the server is closing
 * at that moment ("socket hang up"); clients close their idle sockets well before this (the
 * agenda client after 4 s). 65 s outlasts the 60 s idle timeout of common load balancers,
 * the usual setting for a Node server behind one.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/**
 * Longer than the keep-alive timeout, so a request arriving at the end of a connection's idle
 * time still gets its headers read.
 */
const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1000;

/**
 * Seeds the world from `clock.now()` and starts listening.
 *
 * @example
 * const simulator = await startAgendaSimulator({ clock: { now: () => new Date() } });
 * const agenda = createAgendaClient({ baseUrl: simulator.url });
 */
export async function startAgendaSimulator(options: AgendaSimulatorOptions): Promise<AgendaSimulator> {
  const { clock, host = '127.0.0.1', port = 0, dbPath = ':memory:', logger } = options;
  const store = new SimulatorStore(dbPath);
  const seededAt = clock.now();
  store.seed({
    doctors: SEED_DOCTORS,
    patients: SEED_PATIENTS,
    appointments: [dianasAppointment(seededAt)],
    seededAt,
  });
  const agenda = new SimulatedAgenda(store, clock);
  const listener = createRequestListener(agenda, logger);
  const server = createServer((request, response) => void listener(request, response));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;

  try {
    await listen(server, port, host);
  } catch (error) {
    store.close();
    throw error;
  }
  const { port: boundPort } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${boundPort}`,
    store,
    agenda,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets (fetch keeps them) would otherwise hold `close()` open.
      server.closeAllConnections();
      await closed;
      store.close();
    },
  };
}

interface RequestContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

interface Reply {
  status: number;
  body: unknown;
}

interface Route {
  method: 'GET' | 'POST';
  path: string;
  pattern: RegExp;
  handle(context: RequestContext): Reply;
}

/** The contract's table, one line per endpoint. */
function routesOf(agenda: SimulatedAgenda): Route[] {
  return [
    route('GET', '/v1/health', () => ok({ status: 'ok' })),
    route('POST', '/v1/members/lookup', ({ body }) => ok(agenda.findMember(parse(memberLookupSchema, body)))),
    route('GET', '/v1/slots', ({ query }) => ok({ slots: agenda.searchSlots(parse(slotQuerySchema, query)) })),
    route('GET', '/v1/slots/days', ({ query }) => ok({ days: agenda.availableDays(parse(slotQuerySchema, query)) })),
    route('POST', '/v1/appointments', ({ body, headers }) => {
      const idempotencyKey = idempotencyKeyOf(headers);
      return created(agenda.book({ ...parse(bookingSchema, body), idempotencyKey }));
    }),
    route('GET', '/v1/patients/:patientId/appointments', ({ params }) => ok({ appointments: agenda.listAppointments({ patientId: param(params, 'patientId') }) })),
    route('POST', '/v1/appointments/:appointmentId/cancel', ({ params }) => ok(agenda.cancel({ appointmentId: param(params, 'appointmentId') }))),
    route('POST', '/v1/appointments/:appointmentId/reschedule', ({ params, body, headers }) => {
      const idempotencyKey = idempotencyKeyOf(headers);
      const { slotId } = parse(rescheduleSchema, body);
      const { result } = agenda.reschedule({ appointmentId: param(params, 'appointmentId'), slotId, idempotencyKey });
      return ok(result);
    }),
    route('POST', '/v1/riss-cases', ({ body, headers }) => {
      const idempotencyKey = idempotencyKeyOf(headers);
      return created(agenda.createCase({ ...parse(rissCaseSchema, body), idempotencyKey }));
    }),
    route('GET', '/v1/patients/:patientId/riss-cases/open', ({ params, query }) =>
      ok(agenda.findOpenCase({ patientId: param(params, 'patientId'), ...parse(openCaseQuerySchema, query) })),
    ),
    route('POST', '/v1/riss-cases/:radicado/close', ({ params }) => ok(agenda.closeCase({ radicado: param(params, 'radicado') }))),
    route('GET', '/v1/stats/bookings', ({ query }) => ok(agenda.bookingStats(parse(bookingStatsQuerySchema, query)))),
  ];
}

/** Answers every request with JSON; a bad request is a 400, never a crash. */
function createRequestListener(agenda: SimulatedAgenda, logger?: SimulatorLogger) {
  const routes = routesOf(agenda);

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const startedAt = performance.now();
    let routePath = 'unmatched';
    let reply: Reply;
    try {
      const url = new URL(request.url ?? '/', 'http://agenda.invalid');
      const matched = matchRoute(routes, request.method ?? 'GET', url.pathname);
      if (matched.kind === 'none') {
        reply = problem(404, 'NOT_FOUND', 'No such endpoint');
      } else if (matched.kind === 'wrong-method') {
        reply = problem(405, 'METHOD_NOT_ALLOWED', `Use ${matched.allowed.join(', ')}`);
      } else {
        routePath = matched.route.path;
        const body = await readJsonBody(request);
        reply = matched.route.handle({
          params: matched.params,
          query: Object.fromEntries(url.searchParams),
          body,
          headers: request.headers,
        });
      }
    } catch (error) {
      reply = toProblem(error);
      if (reply.status >= 500) {
        // Name and message only: a stack or a body could carry a member's data.
        const { name, message } = error instanceof Error ? error : { name: 'Unknown', message: '' };
        logger?.error({ route: routePath, error: { name, message } }, 'agenda simulator failed a request');
      }
    }
    // A body left half-read (too large) would poison a kept-alive socket: close it instead.
    send(response, reply, { closeConnection: !request.complete });
    logger?.debug({ method: request.method, route: routePath, status: reply.status, ms: Math.round(performance.now() - startedAt) }, 'agenda simulator request');
  };
}

function route(method: Route['method'], path: string, handle: Route['handle']): Route {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment))
    .join('/');
  return { method, path, pattern: new RegExp(`^${source}$`), handle };
}

type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const onPath = routes.filter((candidate) => candidate.pattern.test(pathname));
  const found = onPath.find((candidate) => candidate.method === method);
  if (!found) {
    return onPath.length > 0 ? { kind: 'wrong-method', allowed: onPath.map((r) => r.method) } : { kind: 'none' };
  }
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(found.pattern.exec(pathname)?.groups ?? {})) {
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      throw new SimulatorError('BAD_REQUEST', `Malformed path parameter ${name}`);
    }
  }
  return { kind: 'found', route: found, params };
}

/** The parsed JSON body, or `undefined` when there is none. */
async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SimulatorError('BAD_REQUEST', 'Body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimulatorError('BAD_REQUEST', 'Body is not valid JSON');
  }
}

/** Validates input or answers 400 naming the fields (never their values). */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');
  throw new SimulatorError('BAD_REQUEST', details);
}

function idempotencyKeyOf(headers: IncomingHttpHeaders): string {
  const result = idempotencyKeySchema.safeParse(headers['idempotency-key']);
  if (!result.success) throw new SimulatorError('BAD_REQUEST', 'Idempotency-Key header is required');
  return result.data;
}

function param(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (value === undefined) throw new Error(`Route without parameter ${name}`);
  return value;
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** 201 the first time, 200 when the same idempotent request is replayed. */
function created({ result, replayed }: { result: unknown; replayed: boolean }): Reply {
  return { status: replayed ? 200 : 201, body: result };
}

function problem(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}

function toProblem(error: unknown): Reply {
  if (error instanceof SimulatorError) return problem(error.status, error.code, error.message);
  return problem(500, 'INTERNAL', 'The agenda simulator failed');
}

function send(response: ServerResponse, reply: Reply, { closeConnection }: { closeConnection: boolean }): void {
  if (response.headersSent || response.destroyed) return;
  const payload = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  response.end(payload);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
