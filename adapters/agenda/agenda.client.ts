/**
 * The HTTP client of the scheduling and RISS web services. API doc: `adapters/agenda/openapi.yaml`.
 *
 * Every call has a deadline, every body is validated, and every failure leaves through
 * `toAgendaError` as an `AgendaError` with a stable code and no personal data.
 */
import { Agent as HttpAgent, ClientRequest } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import axios, { AxiosError } from 'axios';
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import { ZodError } from 'zod';
import type { z } from 'zod';

import { AgendaError } from '../../bot/agenda.errors.js';
import type { AgendaService } from '../../bot/ports.js';
import {
  agendaErrorBodySchema,
  availableDayListSchema,
  appointmentListSchema,
  appointmentSchema,
  bookingStatsSchema,
  healthSchema,
  memberSchema,
  rissCaseSchema,
  slotListSchema,
} from './agenda.schemas.js';

export interface AgendaClientOptions {
  /** Where the agenda lives, without `/v1` (e.g. `http://localhost:4010`). */
  baseUrl: string;
  /** Deadline of each whole call, connection to last byte. Defaults to 5000. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Calls repeated safely: reads, and writes that carry an idempotency key (the agenda returns
 * the first result for a repeated key). `cancel` and `closeCase` are never repeated. The
 * resilient layer (`resilient-agenda.ts`) retries by the same rule.
 */
export const REPEATABLE_OPERATIONS: ReadonlySet<string> = new Set<keyof AgendaService>([
  'findMember',
  'searchSlots',
  'availableDays',
  'listAppointments',
  'findOpenCase',
  'book',
  'reschedule',
  'createCase',
  'bookingStats',
]);

/**
 * How long a kept-alive socket may sit unused before the client closes it. It must be shorter
 * than the idle timeout of whatever holds the other end, or the client picks a socket just as
 * the server closes it: Node's HTTP server closes idle sockets after 5 s by default (the
 * embedded agenda after 65 s), load balancers and proxies after 60 s or more.
 */
const IDLE_SOCKET_TIMEOUT_MS = 4000;

/** axios' own timeout (`ECONNABORTED`, or `ETIMEDOUT` with clarifyTimeoutError), and our deadline signal. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', AxiosError.ERR_CANCELED]);

/**
 * Builds the `AgendaService` over HTTP.
 *
 * @example
 * const agenda = createAgendaClient({ baseUrl: 'http://localhost:4010' });
 * const slots = await agenda.searchSlots({ cups: '890201', site: 'SUBA', from, to });
 */
export function createAgendaClient(options: AgendaClientOptions): AgendaService {
  const call = createCaller(options);

  return {
    findMember: ({ documentType, documentNumber }) =>
      // A POST, so the document number never lands in a URL, an access log or a proxy cache.
      call('findMember', memberSchema, {
        method: 'POST',
        url: '/v1/members/lookup',
        data: { documentType, documentNumber },
      }),

    searchSlots: async ({ cups, site, franja, doctorId, from, to, limit }) => {
      const { slots } = await call('searchSlots', slotListSchema, {
        method: 'GET',
        url: '/v1/slots',
        // axios leaves out undefined values, so optional filters are simply not sent.
        params: { cups, site, franja, doctorId, from, to, limit },
      });
      return slots;
    },

    availableDays: async ({ cups, site, franja, doctorId, from, to, limit }) => {
      const { days } = await call('availableDays', availableDayListSchema, {
        method: 'GET',
        url: '/v1/slots/days',
        // The same query as searchSlots; `limit` caps the days instead of the slots.
        params: { cups, site, franja, doctorId, from, to, limit },
      });
      return days;
    },

    book: ({ patientId, slotId, cups, idempotencyKey }) =>
      call('book', appointmentSchema, {
        method: 'POST',
        url: '/v1/appointments',
        headers: { 'Idempotency-Key': idempotencyKey },
        data: { patientId, slotId, cups },
      }),

    listAppointments: async ({ patientId }) => {
      const { appointments } = await call('listAppointments', appointmentListSchema, {
        method: 'GET',
        url: `/v1/patients/${encodeURIComponent(patientId)}/appointments`,
      });
      return appointments;
    },

    cancel: ({ appointmentId }) =>
      call('cancel', appointmentSchema, {
        method: 'POST',
        url: `/v1/appointments/${encodeURIComponent(appointmentId)}/cancel`,
      }),

    reschedule: ({ appointmentId, slotId, idempotencyKey }) =>
      call('reschedule', appointmentSchema, {
        method: 'POST',
        url: `/v1/appointments/${encodeURIComponent(appointmentId)}/reschedule`,
        headers: { 'Idempotency-Key': idempotencyKey },
        data: { slotId },
      }),

    createCase: ({ patientId, specialty, cups, site, email, idempotencyKey }) =>
      call('createCase', rissCaseSchema, {
        method: 'POST',
        url: '/v1/riss-cases',
        headers: { 'Idempotency-Key': idempotencyKey },
        data: { patientId, specialty, cups, site, email },
      }),

    findOpenCase: async ({ patientId, specialty }) => {
      try {
        return await call('findOpenCase', rissCaseSchema, {
          method: 'GET',
          url: `/v1/patients/${encodeURIComponent(patientId)}/riss-cases/open`,
          params: { specialty },
        });
      } catch (error) {
        // Here a 404 is an answer ("no open case"), not a failure.
        if (error instanceof AgendaError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },

    closeCase: ({ radicado }) =>
      call('closeCase', rissCaseSchema, {
        method: 'POST',
        url: `/v1/riss-cases/${encodeURIComponent(radicado)}/close`,
      }),

    bookingStats: async ({ from, to }) => {
      const { rows } = await call('bookingStats', bookingStatsSchema, {
        method: 'GET',
        url: '/v1/stats/bookings',
        params: { from, to },
      });
      return rows;
    },
  };
}

/**
 * Resolves when `GET /v1/health` answers `{ "status": "ok" }`; rejects with an `AgendaError`
 * otherwise. For start-up checks and the CLI, not for the conversation path.
 */
export async function pingAgenda(options: AgendaClientOptions): Promise<void> {
  await createCaller(options)('health', healthSchema, { method: 'GET', url: '/v1/health' });
}

type Caller = <Schema extends z.ZodType>(operation: string, schema: Schema, request: AxiosRequestConfig) => Promise<z.output<Schema>>;

function createCaller({ baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS }: AgendaClientOptions): Caller {
  // Connections are kept for the next call; the most recently used socket goes first (`lifo`),
  // so under light load the others stay idle long enough to be closed.
  const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_TIMEOUT_MS, scheduling: 'lifo' } as const;
  const http: AxiosInstance = axios.create({
    baseURL: baseUrl,
    timeout: timeoutMs,
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
    headers: { Accept: 'application/json' },
    // Raw text in, our own JSON.parse out: axios would otherwise hand back a malformed body
    // as a string instead of failing.
    responseType: 'text',
    transformResponse: [],
    // A redirect would re-send member data to wherever it points; the agenda never redirects.
    maxRedirects: 0,
  });

  return async (operation, schema, request) => {
    // axios' `timeout` only watches socket inactivity; this bounds the whole call (a retry on
    // a fresh socket included), so a server trickling bytes cannot hold a conversation forever.
    const signal = AbortSignal.timeout(timeoutMs);
    const send = () => http.request<string>({ ...request, signal });
    let response: AxiosResponse<string>;
    try {
      response = await send().catch((error: unknown) => {
        // A kept-alive socket died before any answer: most likely the agenda closed it, idle,
        // just as the call left on it. A call safe to repeat goes again at once, on another
        // socket, instead of failing (and counting towards opening the circuit); any other
        // fails as before, since the agenda may have acted on it.
        if (REPEATABLE_OPERATIONS.has(operation) && isStaleSocketFailure(error)) return send();
        throw error;
      });
    } catch (error) {
      throw toAgendaError(operation, error);
    }
    try {
      return schema.parse(JSON.parse(response.data));
    } catch (error) {
      throw toAgendaError(operation, error, response.status);
    }
  };
}

/** Errors of a connection that died under a request: reset by the peer, or written to after it closed. */
const STALE_SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Whether a request failed because it went out on a reused keep-alive socket that the other
 * end had already closed, before any byte of an answer came back: the case Node's
 * documentation retries (`request.reusedSocket`). A fresh socket that fails, or one that
 * dies halfway through an answer, is a real failure.
 */
function isStaleSocketFailure(error: unknown): boolean {
  if (!(error instanceof AxiosError) || error.response !== undefined) return false;
  if (error.code === undefined || !STALE_SOCKET_CODES.has(error.code)) return false;
  const request: unknown = error.request;
  // `res` is set on a ClientRequest once the answer's head has arrived.
  return request instanceof ClientRequest && request.reusedSocket && (request as { res?: unknown }).res == null;
}

/**
 * The one place where transport, HTTP and parsing failures become stable `AgendaError` codes.
 * `okStatus` is given when a 2xx arrived but its body could not be used.
 */
function toAgendaError(operation: string, error: unknown, okStatus?: number): AgendaError {
  if (okStatus !== undefined) {
    const meta = { operation, status: okStatus };
    // Zod issues name paths and expectations, never the offending values, so they may stay.
    // A JSON SyntaxError quotes the body, which may hold personal data: keep only its kind.
    const cause = error instanceof ZodError ? error : new Error('invalid JSON');
    return new AgendaError('BAD_RESPONSE', `agenda ${operation}: unusable response body`, meta, { cause });
  }

  if (error instanceof AxiosError && error.response) {
    const { status } = error.response;
    const meta = { operation, status };
    const cause = new Error(`HTTP ${status}`);
    if (status === 404) return new AgendaError('NOT_FOUND', `agenda ${operation}: not found`, meta, { cause });
    if (status === 409) {
      const code = errorBodyCode(error) === 'SLOT_TAKEN' ? 'SLOT_TAKEN' : 'CONFLICT';
      return new AgendaError(code, `agenda ${operation}: conflict`, meta, { cause });
    }
    if (status >= 500) return new AgendaError('UNAVAILABLE', `agenda ${operation}: server error`, meta, { cause });
    return new AgendaError('BAD_RESPONSE', `agenda ${operation}: unexpected HTTP ${status}`, meta, { cause });
  }

  // No answer at all. The AxiosError itself is not kept as the cause: its config holds the
  // request body, which may carry a document number or an email.
  const code = error instanceof AxiosError ? error.code : undefined;
  const cause = new Error(error instanceof AxiosError ? `${code}: ${error.message}` : 'request failed');
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new AgendaError('TIMEOUT', `agenda ${operation}: timed out`, { operation }, { cause });
  }
  // Refused, reset, DNS failure, ...: the agenda is not reachable right now.
  return new AgendaError('UNAVAILABLE', `agenda ${operation}: unreachable`, { operation }, { cause });
}

const errorCodeSchema = agendaErrorBodySchema.pick({ code: true });

/** The `code` of an error response's body, or `undefined` when it is not the documented shape. */
function errorBodyCode(error: AxiosError): string | undefined {
  const body: unknown = error.response?.data;
  if (typeof body !== 'string') return undefined;
  try {
    return errorCodeSchema.parse(JSON.parse(body)).code;
  } catch {
    return undefined;
  }
}
