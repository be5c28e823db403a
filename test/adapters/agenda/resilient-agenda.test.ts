import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { setTimeout as wait } from 'node:timers/promises';
import { createResilientAgenda, type ResilienceOptions } from '../../../adapters/agenda/resilient-agenda.js';
import { AgendaError, type AgendaErrorCode } from '../../../bot/agenda.errors.js';
import { ManualClock } from '../../../bot/clock.js';
import { silentLogger } from '../../../bot/logger.js';
import type { AgendaService } from '../../../bot/ports.js';

/** An agenda whose answers a test scripts call by call: an error code, or a value. */
function scriptedAgenda(script: Array<AgendaErrorCode | 'ok'>) {
  const calls: string[] = [];
  const answer = (operation: string) => (): Promise<never[]> => {
    calls.push(operation);
    const next = script.length > 1 ? script.shift() : script[0];
    if (next && next !== 'ok') return Promise.reject(new AgendaError(next, `scripted ${next}`, { operation }));
    return Promise.resolve([]);
  };
  const agenda = {
    findMember: answer('findMember'),
    searchSlots: answer('searchSlots'),
    availableDays: answer('availableDays'),
    book: answer('book'),
    listAppointments: answer('listAppointments'),
    cancel: answer('cancel'),
    reschedule: answer('reschedule'),
    createCase: answer('createCase'),
    findOpenCase: answer('findOpenCase'),
    closeCase: answer('closeCase'),
  } as unknown as AgendaService;
  return { agenda, calls };
}

const waits: number[] = [];
function options(overrides: Partial<ResilienceOptions> = {}): ResilienceOptions {
  return {
    clock: new ManualClock('2026-11-23T08:00:00-05:00'),
    logger: silentLogger,
    retries: 2,
    retryBaseDelayMs: 100,
    errorThresholdPercentage: 50,
    volumeThreshold: 4,
    rollingWindowMs: 10_000,
    resetTimeoutMs: 60_000,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...overrides,
  };
}

const slotQuery = { cups: '890201', site: 'SUBA', from: '2026-11-23', to: '2026-11-30' } as const;

describe('resilient agenda: retries', () => {
  it('repeats a read after a timeout and an outage, with growing jittered waits', async () => {
    waits.length = 0;
    const { agenda, calls } = scriptedAgenda(['TIMEOUT', 'UNAVAILABLE', 'ok']);
    const resilient = createResilientAgenda(agenda, options({ volumeThreshold: 100 }));
    assert.deepEqual(await resilient.agenda.searchSlots(slotQuery), []);
    assert.equal(calls.length, 3);
    assert.deepEqual(waits, [50, 100]);
    resilient.shutdown();
  });

  it('repeats a listing of the days with free slots, a read like the search', async () => {
    waits.length = 0;
    const { agenda, calls } = scriptedAgenda(['UNAVAILABLE', 'TIMEOUT', 'ok']);
    const resilient = createResilientAgenda(agenda, options({ volumeThreshold: 100 }));
    assert.deepEqual(await resilient.agenda.availableDays(slotQuery), []);
    assert.deepEqual(calls, ['availableDays', 'availableDays', 'availableDays']);
    assert.deepEqual(waits, [50, 100]);
    resilient.shutdown();
  });

  it('repeats a booking, which carries an idempotency key', async () => {
    const { agenda, calls } = scriptedAgenda(['UNAVAILABLE', 'ok']);
    const resilient = createResilientAgenda(agenda, options({ volumeThreshold: 100 }));
    await resilient.agenda.book({ patientId: 'p', slotId: 's', cups: '890201', idempotencyKey: 'k' });
    assert.deepEqual(calls, ['book', 'book']);
    resilient.shutdown();
  });

  it('never repeats a cancellation', async () => {
    const { agenda, calls } = scriptedAgenda(['UNAVAILABLE', 'ok']);
    const resilient = createResilientAgenda(agenda, options({ volumeThreshold: 100 }));
    await assert.rejects(resilient.agenda.cancel({ appointmentId: 'a' }), { code: 'UNAVAILABLE' });
    assert.deepEqual(calls, ['cancel']);
    resilient.shutdown();
  });

  it('does not repeat answers about the request itself', async () => {
    const { agenda, calls } = scriptedAgenda(['SLOT_TAKEN']);
    const resilient = createResilientAgenda(agenda, options());
    await assert.rejects(resilient.agenda.book({ patientId: 'p', slotId: 's', cups: '890201', idempotencyKey: 'k' }), {
      code: 'SLOT_TAKEN',
    });
    assert.equal(calls.length, 1);
    resilient.shutdown();
  });

  it('gives up after the configured retries with the last code', async () => {
    const { agenda, calls } = scriptedAgenda(['TIMEOUT']);
    const resilient = createResilientAgenda(agenda, options({ retries: 1, volumeThreshold: 100 }));
    await assert.rejects(resilient.agenda.listAppointments({ patientId: 'p' }), { code: 'TIMEOUT' });
    assert.equal(calls.length, 2);
    resilient.shutdown();
  });
});

describe('resilient agenda: circuit breaker', () => {
  it('opens after sustained failures, then fails fast without calling the agenda', async () => {
    const clock = new ManualClock('2026-11-23T08:00:00-05:00');
    const { agenda, calls } = scriptedAgenda(['UNAVAILABLE']);
    const resilient = createResilientAgenda(agenda, options({ clock, retries: 0 }));
    for (let i = 0; i < 4; i++) await assert.rejects(resilient.agenda.findMember({ documentType: 'CC', documentNumber: '1' }));
    assert.deepEqual(resilient.circuit(), { open: true, since: clock.now() });
    const before = calls.length;
    await assert.rejects(resilient.agenda.searchSlots(slotQuery), { code: 'UNAVAILABLE', message: /circuit/ });
    await assert.rejects(resilient.agenda.availableDays(slotQuery), { code: 'UNAVAILABLE', message: /circuit/ });
    assert.equal(calls.length, before, 'an open circuit does not call the agenda');
    resilient.shutdown();
  });

  it('is not opened by answers about the member (not found, slot taken)', async () => {
    const { agenda } = scriptedAgenda(['NOT_FOUND']);
    const resilient = createResilientAgenda(agenda, options({ retries: 0 }));
    for (let i = 0; i < 10; i++) await assert.rejects(resilient.agenda.findMember({ documentType: 'CC', documentNumber: '1' }));
    assert.equal(resilient.circuit().open, false);
    resilient.shutdown();
  });

  it('closes again when a trial call succeeds after the reset time', async () => {
    const script: Array<AgendaErrorCode | 'ok'> = ['UNAVAILABLE'];
    const { agenda } = scriptedAgenda(script);
    const resilient = createResilientAgenda(agenda, options({ retries: 0, resetTimeoutMs: 100 }));
    for (let i = 0; i < 4; i++) await assert.rejects(resilient.agenda.searchSlots(slotQuery));
    assert.equal(resilient.circuit().open, true);
    script[0] = 'ok';
    await wait(150);
    assert.equal(resilient.circuit().open, false, 'half-open lets members through to try');
    assert.deepEqual(await resilient.agenda.searchSlots(slotQuery), []);
    assert.equal(resilient.circuit().open, false);
    resilient.shutdown();
  });
});
