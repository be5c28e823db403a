/**
 * The agenda as the engine uses it: the HTTP client behind retries for the calls that are
 * safe to repeat and a circuit breaker (opossum) that stops calling a failing agenda.
 *
 * While the circuit is open every call fails at once with `UNAVAILABLE`, and `circuit()`
 * says so: the engine then gives the contingency protocol's failure message instead of
 * starting flows. After `resetTimeoutMs` the breaker lets one call through (half-open); its
 * success closes the circuit again.
 */
import CircuitBreaker from 'opossum';

import { AgendaError, isAgendaError } from '../../bot/agenda.errors.js';
import type { Logger } from '../../bot/logger.js';
import type { AgendaService, Clock } from '../../bot/ports.js';
import { REPEATABLE_OPERATIONS } from './agenda.client.js';

export interface ResilienceOptions {
  clock: Clock;
  logger: Logger;
  /** Further attempts of a call that is safe to repeat, after a timeout or an unavailable agenda. */
  retries: number;
  /** First backoff; each retry doubles it, with full jitter. */
  retryBaseDelayMs: number;
  /** Share of failed calls, over the rolling window, that opens the circuit. */
  errorThresholdPercentage: number;
  /** Calls in the window before the share counts at all. */
  volumeThreshold: number;
  /** Width of the rolling window the share is computed over. */
  rollingWindowMs: number;
  /** Time the circuit stays open before one trial call. */
  resetTimeoutMs: number;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface CircuitState {
  open: boolean;
  /** When the circuit opened, while it is open. */
  since?: Date;
}

export interface ResilientAgenda {
  agenda: AgendaService;
  circuit: () => CircuitState;
  /** Stops the breaker's timers. */
  shutdown(): void;
}

/** Failures that say the agenda is unwell, as opposed to answers about the member's request. */
const OUTAGE_CODES: ReadonlySet<string> = new Set(['UNAVAILABLE', 'TIMEOUT', 'BAD_RESPONSE']);
const RETRY_CODES: ReadonlySet<string> = new Set(['UNAVAILABLE', 'TIMEOUT']);

const isOutage = (error: unknown) => !isAgendaError(error) || OUTAGE_CODES.has(error.code);

export function createResilientAgenda(agenda: AgendaService, options: ResilienceOptions): ResilientAgenda {
  const { clock, logger } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const log = logger.child({ component: 'agenda-circuit' });

  const breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
    timeout: false, // the client enforces its own deadline per call
    errorThresholdPercentage: options.errorThresholdPercentage,
    volumeThreshold: options.volumeThreshold,
    rollingCountTimeout: options.rollingWindowMs,
    resetTimeout: options.resetTimeoutMs,
    // A business answer (no such member, slot taken) is a healthy agenda: it does not count.
    errorFilter: (error: unknown) => !isOutage(error),
  });
  let openedAt: Date | undefined;
  breaker.on('open', () => {
    openedAt = clock.now();
    log.warn({ stats: summary(breaker.stats) }, 'agenda circuit opened: members get the failure message');
  });
  breaker.on('halfOpen', () => log.info('agenda circuit half-open: trying one call'));
  breaker.on('close', () => {
    openedAt = undefined;
    log.info('agenda circuit closed: the agenda answers again');
  });

  async function attempt(operation: string, call: () => Promise<unknown>): Promise<unknown> {
    try {
      return await breaker.fire(call);
    } catch (error) {
      if (isAgendaError(error) || !(error instanceof Error)) throw error;
      if ((error as { code?: string }).code === 'EOPENBREAKER') {
        throw new AgendaError('UNAVAILABLE', 'agenda circuit is open', { operation }, { cause: error });
      }
      throw error;
    }
  }

  async function guarded(operation: string, call: () => Promise<unknown>): Promise<unknown> {
    // Reads and keyed writes only (the client's rule); `cancel` and `closeCase` are never repeated.
    const attempts = REPEATABLE_OPERATIONS.has(operation) ? 1 + options.retries : 1;
    for (let tried = 1; ; tried++) {
      try {
        return await attempt(operation, call);
      } catch (error) {
        const retry = tried < attempts && isAgendaError(error) && RETRY_CODES.has(error.code) && !breaker.opened;
        if (!retry) throw error;
        const delay = random() * options.retryBaseDelayMs * 2 ** (tried - 1);
        log.debug({ operation, code: error.code, tried, delay: Math.round(delay) }, 'retrying agenda call');
        await sleep(delay);
      }
    }
  }

  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(agenda) as Array<[string, unknown]>) {
    wrapped[name] = typeof method === 'function' ? (params: unknown) => guarded(name, () => (method as (params: unknown) => Promise<unknown>).call(agenda, params)) : method;
  }

  return {
    agenda: wrapped as unknown as AgendaService,
    circuit: () => (breaker.opened && openedAt ? { open: true, since: openedAt } : { open: false }),
    shutdown: () => breaker.shutdown(),
  };
}

function summary(stats: CircuitBreaker.Stats) {
  return { fires: stats.fires, failures: stats.failures, timeouts: stats.timeouts, rejects: stats.rejects };
}
