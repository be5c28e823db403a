import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Appointment, RissCase, Slot } from '../../bot/domain.js';
import { rescheduleMachine } from '../../dialogs/reschedule.machine.js';
import {
  slotFinderMachine,
  type CreateCaseInput,
  type SearchSlotsInput,
} from '../../dialogs/slot-finder.machine.js';
import {
  agendaError,
  fakeActor,
  makeAppointment,
  makePatient,
  makeRissCase,
  makeSlots,
  scripted,
  startDialog,
} from './harness.js';

type MoveInput = { appointmentId: string; slotId: string; idempotencyKey: string };

/** A general-medicine control at KENNEDY, where Laura's treating doctor works. */
const control = makeAppointment({ id: 'apt-control', cups: '890301', site: 'KENNEDY' });
const laura = makePatient({
  treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-kennedy-1', doctorName: 'Dr. Andrés Rojas', site: 'KENNEDY' }],
});

async function startReschedule(
  options: {
    listed?: Appointment[] | Error;
    searches?: Array<Slot[] | Error>;
    /** One answer per move, the last repeating: `ok` moves to the slot asked for. */
    moves?: Array<'ok' | Error>;
    filed?: RissCase | Error;
  } = {},
) {
  const list = scripted<Appointment[], { patientId: string }>(options.listed ?? [control]);
  const search = scripted<Slot[], SearchSlotsInput>(...(options.searches ?? [makeSlots(3, { site: 'KENNEDY' })]));
  const createCase = scripted<RissCase, CreateCaseInput>(options.filed ?? makeRissCase());
  const moves = options.moves ?? ['ok'];
  const move = fakeActor<Appointment, MoveInput>((input, call) => {
    const answer = moves[Math.min(call, moves.length) - 1];
    if (answer instanceof Error) throw answer;
    return makeAppointment({ id: input.appointmentId, cups: '890301', start: `moved-to-${input.slotId}` });
  });
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: search.logic, createCase: createCase.logic } });
  const machine = rescheduleMachine.provide({
    actors: { listAppointments: list.logic, reschedule: move.logic, slotFinder },
  });
  const chat = await startDialog(machine, { conversationId: 'conv-1', patient: laura, memberEmail: 'laura.gomez@example.com' });
  return { chat, lists: list.calls, searches: search.calls, moves: move.calls, cases: createCase.calls };
}

type Chat = Awaited<ReturnType<typeof startReschedule>>['chat'];

/** Which appointment and which band, up to the slots. */
async function answerUpToSlots(chat: Chat, appointmentId = 'apt-control', franja = 'tarde') {
  await chat.say('1', appointmentId);
  await chat.say(franja, franja);
}

async function answerUpToConfirmation(chat: Chat) {
  await answerUpToSlots(chat);
  const slotId = chat.lastPrompt()?.options?.[0]?.value;
  assert.ok(slotId, 'slots were shown');
  await chat.say('1', slotId);
  return slotId;
}

describe('reschedule (contract point 13)', () => {
  it('no upcoming appointments: says so and outputs none', async () => {
    const { chat, lists } = await startReschedule({ listed: [] });
    assert.deepEqual(lists, [{ patientId: 'pat-1' }]);
    assert.deepEqual(chat.keys(), ['appointments.none']);
    assert.deepEqual(chat.output(), { outcome: 'none' });
  });

  it('lists the appointments and asks which, even for one', async () => {
    const { chat } = await startReschedule();
    assert.deepEqual(chat.keys(), ['reschedule.askWhich']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['apt-control']);
    assert.deepEqual(chat.lastPrompt()?.options?.[0]?.params, {
      service: '890301',
      start: control.start,
      doctor: 'Dr. Andrés Rojas',
      site: 'KENNEDY',
    });
  });

  it('asks the band once the appointment is picked', async () => {
    const { chat, searches } = await startReschedule();
    await chat.say('1', 'apt-control');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['manana', 'tarde', 'cualquiera']);
    assert.equal(searches.length, 0);
  });

  it('searches the same service at the same site, any doctor, even for a control with the treating doctor there', async () => {
    const { chat, searches } = await startReschedule();
    await answerUpToSlots(chat, 'apt-control', 'tarde');
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'tarde', window: 'horizon' }]);
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(chat.keys(), ['booking.askSlot']);
    assert.equal(chat.lastPrompt()?.options?.length, 3);
  });

  it('a "no programada" appointment is moved within today and the next working day', async () => {
    const urgent = makeAppointment({ id: 'apt-urgent', cups: '89020110', site: 'SUBA' });
    const { chat, searches } = await startReschedule({ listed: [urgent] });
    await answerUpToSlots(chat, 'apt-urgent', 'cualquiera');
    assert.deepEqual(searches, [{ cups: '89020110', site: 'SUBA', window: 'todayAndNextWorkingDay' }]);
  });

  it('confirms the move from the old time to the new slot with a yes/no question', async () => {
    const slots = makeSlots(2, { site: 'KENNEDY', doctor: { id: 'doc-kennedy-2', name: 'Dra. Luisa Peña' } });
    const { chat } = await startReschedule({ searches: [slots] });
    await answerUpToSlots(chat);
    await chat.say('2', slots[1]?.id);
    assert.deepEqual(chat.keys(), ['reschedule.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890301',
      from: control.start,
      to: slots[1]?.start,
      doctor: 'Dra. Luisa Peña',
      site: 'KENNEDY',
    });
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
  });

  it('yes moves the appointment with its id, the slot and an idempotency key, then says it is done', async () => {
    const { chat, moves } = await startReschedule();
    const slotId = await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.equal(moves.length, 1);
    assert.equal(moves[0]?.appointmentId, 'apt-control');
    assert.equal(moves[0]?.slotId, slotId);
    assert.ok(moves[0]?.idempotencyKey.includes('conv-1'), moves[0]?.idempotencyKey);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
    assert.equal(chat.lastReplies()[0]?.params?.start, `moved-to-${slotId}`);
    const output = chat.output();
    assert.equal(output?.outcome, 'rescheduled');
    assert.equal(output?.outcome === 'rescheduled' ? output.appointment.id : undefined, 'apt-control');
  });

  it('no keeps the appointment as it was', async () => {
    const { chat, moves } = await startReschedule();
    await answerUpToConfirmation(chat);
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['reschedule.kept']);
    assert.equal(moves.length, 0);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('SLOT_TAKEN: says so and shows fresh slots of the same search', async () => {
    const first = makeSlots(3, { site: 'KENNEDY' });
    const fresh = makeSlots(2, { site: 'KENNEDY' });
    const { chat, searches, moves } = await startReschedule({ searches: [first, fresh], moves: [agendaError('SLOT_TAKEN'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['booking.slotTaken', 'booking.askSlot']);
    assert.equal(searches.length, 2);
    assert.deepEqual(searches[1], searches[0]);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), fresh.map((s) => s.id));

    await chat.say('1', fresh[0]?.id);
    await chat.say('sí', 'yes');
    assert.equal(moves.length, 2);
    assert.equal(moves[1]?.slotId, fresh[0]?.id);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
  });

  it('a failed move asks whether to retry, and the retry reuses the same idempotency key', async () => {
    const { chat, moves } = await startReschedule({ moves: [agendaError('TIMEOUT'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['reschedule.askRetry']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
    await chat.say('sí', 'yes');
    assert.equal(moves.length, 2);
    assert.deepEqual(moves[1], moves[0]);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
    assert.equal(chat.output()?.outcome, 'rescheduled');
  });

  it('a failed move and no retry: says so and outputs abandoned', async () => {
    const { chat, moves } = await startReschedule({ moves: [agendaError('UNAVAILABLE')] });
    await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['reschedule.retryDeclined']);
    assert.equal(moves.length, 1);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('the ladder applies: nothing in the band → other band → RISS case', async () => {
    const rissCase = makeRissCase({ cups: '890301', site: 'KENNEDY' });
    const { chat, searches, cases } = await startReschedule({ searches: [[], []], filed: rissCase });
    await answerUpToSlots(chat, 'apt-control', 'manana');
    assert.deepEqual(chat.keys(), ['slots.offerOtherFranja']);
    await chat.say('sí', 'yes');
    assert.deepEqual(searches[1], { cups: '890301', site: 'KENNEDY', franja: 'tarde', window: 'horizon' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('sí', 'yes');
    assert.equal(cases[0]?.site, 'KENNEDY');
    assert.equal(cases[0]?.specialty, 'medicina_general');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('the list failing says the agenda is unavailable and outputs error', async () => {
    const { chat } = await startReschedule({ listed: agendaError('UNAVAILABLE') });
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('a search failing says the agenda is unavailable and outputs error', async () => {
    const { chat } = await startReschedule({ searches: [agendaError('UNAVAILABLE')] });
    await answerUpToSlots(chat);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('an answer that is none of the appointments is not understood; HELP repeats the question', async () => {
    const { chat } = await startReschedule();
    await chat.say('la de mañana');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'reschedule.askWhich']);
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'reschedule.askWhich']);
  });
});
