/**
 * The embedded agenda without HTTP: an `AgendaService` calling the simulator's rules
 * (`SimulatedAgenda`) directly, with the same error translation as the HTTP client
 * (`adapters/agenda/agenda.client.ts`): simulator codes become `AgendaError` codes and an
 * absent open case is `null`.
 *
 * The simulator is synchronous (each operation is one SQLite transaction), so the time each
 * call takes is measured exactly and reported apart from Lina's own time.
 */
import { AgendaError, type AgendaErrorCode } from '../../bot/agenda.errors.js';
import type { AgendaService } from '../../bot/ports.js';
import { SimulatorError, type SimulatorErrorCode } from '../../adapters/agenda-simulator/simulator.errors.js';
import type { SimulatedAgenda } from '../../adapters/agenda-simulator/simulator.service.js';

/** Time spent inside the agenda, summed over every call. */
export interface AgendaMeter {
  calls: number;
  ms: number;
}

const CODE_OF: Record<SimulatorErrorCode, AgendaErrorCode> = {
  BAD_REQUEST: 'BAD_RESPONSE',
  NOT_FOUND: 'NOT_FOUND',
  SLOT_TAKEN: 'SLOT_TAKEN',
  CONFLICT: 'CONFLICT',
};

export function createInProcessAgenda(agenda: SimulatedAgenda, meter: AgendaMeter = { calls: 0, ms: 0 }): AgendaService {
  /** Runs one synchronous agenda operation as the async call the port promises. */
  // eslint-disable-next-line @typescript-eslint/require-await -- the synchronous simulator behind the async port: async makes its errors rejections, as the HTTP client's are
  async function call<T>(operation: string, work: () => T): Promise<T> {
    const startedAt = performance.now();
    try {
      return work();
    } catch (error) {
      if (error instanceof SimulatorError) {
        throw new AgendaError(CODE_OF[error.code], `agenda ${operation}: ${error.code}`, { operation, status: error.status });
      }
      throw error;
    } finally {
      meter.calls += 1;
      meter.ms += performance.now() - startedAt;
    }
  }

  return {
    findMember: (params) => call('findMember', () => agenda.findMember(params)),
    searchSlots: (params) => call('searchSlots', () => agenda.searchSlots(params)),
    availableDays: (params) => call('availableDays', () => agenda.availableDays(params)),
    book: (params) => call('book', () => agenda.book(params).result),
    listAppointments: (params) => call('listAppointments', () => agenda.listAppointments(params)),
    cancel: (params) => call('cancel', () => agenda.cancel(params)),
    reschedule: (params) => call('reschedule', () => agenda.reschedule(params).result),
    createCase: (params) => call('createCase', () => agenda.createCase(params).result),
    findOpenCase: (params) =>
      call('findOpenCase', () => {
        try {
          return agenda.findOpenCase(params);
        } catch (error) {
          // As over HTTP: a 404 here is the answer "no open case".
          if (error instanceof SimulatorError && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      }),
    closeCase: (params) => call('closeCase', () => agenda.closeCase(params)),
    bookingStats: (params) => call('bookingStats', () => agenda.bookingStats(params).rows),
  };
}
