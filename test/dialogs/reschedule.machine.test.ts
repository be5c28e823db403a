import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { Appointment, RissCase, Slot } from '../../bot/domain.js';
import { weekAfter, type Request } from '../../dialogs/appointments.js';
import { rescheduleMachine } from '../../dialogs/reschedule.machine.js';
import { slotFinderMachine, type AvailableDay, type AvailableDaysInput, type CreateCaseInput, type SearchSlotsInput } from '../../dialogs/slot-finder.machine.js';
import { takeSlotMachine } from '../../dialogs/take-slot.machine.js';
import { FRIDAY, THURSDAY, TODAY, agendaError, family, makeAppointment, makePatient, makeRissCase, makeSlots, scripted, startDialog, fakeCommit } from './harness.js';
import { moveOf } from '../../bot/dialog-actors.js';

/** A general-medicine control on Thursday at KENNEDY, where Laura's treating doctor works. */
const control = makeAppointment({ id: 'apt-control', cups: '890301', site: 'KENNEDY' });
const laura = makePatient({
  treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-kennedy-1', doctorName: 'Dr. Andrés Rojas', site: 'KENNEDY' }],
});

async function startReschedule(
  options: {
    listed?: Appointment[] | Error;
    request?: Request;
    searches?: Array<Slot[] | Error>;
    days?: Array<AvailableDay[] | Error>;
    /** One answer per move, the last repeating: `ok` moves to the slot asked for. */
    moves?: Array<'ok' | Error>;
    filed?: RissCase | Error;
  } = {},
) {
  const list = scripted<Appointment[], { patientId: string }>(options.listed ?? [control]);
  const search = scripted<Slot[], SearchSlotsInput>(...(options.searches ?? [makeSlots(3, { site: 'KENNEDY' })]));
  const days = scripted<AvailableDay[], AvailableDaysInput>(...(options.days ?? [[]]));
  const createCase = scripted<RissCase, CreateCaseInput>(options.filed ?? makeRissCase());
  const moves = options.moves ?? ['ok'];
  const move = fakeCommit(moveOf, (input, call) => {
    const answer = moves[Math.min(call, moves.length) - 1];
    if (answer instanceof Error) throw answer;
    return makeAppointment({ id: input.appointmentId, cups: '890301', start: `moved-to-${input.slotId}` });
  });
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: search.logic, availableDays: days.logic, createCase: createCase.logic } });
  const takeSlot = takeSlotMachine.provide({ actors: { commit: move.logic, slotFinder } });
  const machine = rescheduleMachine.provide({ actors: { listAppointments: list.logic, takeSlot } });
  const chat = await startDialog(machine, {
    conversationId: 'conv-1',
    patient: laura,
    patients: family(laura),
    memberEmail: 'laura.gomez@example.com',
    today: TODAY,
    ...(options.request ? { request: options.request } : {}),
  });
  return { chat, lists: list.calls, searches: search.calls, moves: move.calls, cases: createCase.calls };
}

type Chat = Awaited<ReturnType<typeof startReschedule>>['chat'];

/** "La primera", "en la tarde": up to the slots. */
async function answerUpToSlots(chat: Chat, band = 'en la tarde') {
  await chat.say('la primera');
  await chat.say(band);
}

async function answerUpToConfirmation(chat: Chat) {
  await answerUpToSlots(chat);
  const slotId = chat.lastPrompt()?.options?.[0]?.value;
  assert.ok(slotId, 'slots were shown');
  await chat.say('la primera');
  return { slotId, chosenBy: chat.lastMessageId() };
}

const optionValues = (chat: Chat) => chat.lastPrompt()?.options?.map((o) => o.value);

describe('reschedule: which appointment (contract point 13)', () => {
  it('no upcoming appointments: says so and outputs none', async () => {
    const { chat, lists } = await startReschedule({ listed: [] });
    assert.deepEqual(lists, [{ patientId: 'pat-1' }]);
    assert.deepEqual(chat.keys(), ['appointments.none']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { patient: 'Laura', context: 'self' });
    assert.deepEqual(chat.output(), { outcome: 'none' });
  });

  it('lists the appointments and asks which, even for one, in second person', async () => {
    const { chat } = await startReschedule();
    assert.deepEqual(chat.keys(), ['reschedule.askWhich']);
    assert.deepEqual(chat.lastPrompt()?.params, { patient: 'Laura', context: 'self' });
    assert.deepEqual(optionValues(chat), ['apt-control']);
    assert.deepEqual(chat.lastPrompt()?.options?.[0]?.params, { service: '890301', start: control.start, doctor: 'Dr. Andrés Rojas', site: 'KENNEDY' });
  });

  it('asks the band once the appointment is picked, and searches nothing yet', async () => {
    const { chat, searches } = await startReschedule();
    await chat.say('la primera');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.deepEqual(optionValues(chat), ['manana', 'tarde', 'cualquiera']);
    assert.equal(searches.length, 0);
  });

  it('an answer that is none of the appointments is not understood; "ayuda" repeats the question', async () => {
    const other = makeAppointment({ id: 'apt-other', start: `${FRIDAY}T13:00:00.000Z` });
    const { chat } = await startReschedule({ listed: [control, other] });
    // "La del lunes" when none is on Monday: said plainly, never taken as the day to move one to.
    await chat.say('la del lunes');
    assert.deepEqual(chat.keys(), ['appointments.noneNamed', 'reschedule.askWhich']);
    await chat.say('la de la esquina');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'reschedule.askWhich']);
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'reschedule.askWhich']);
  });

  it('"atrás" at the list outputs back', async () => {
    const { chat } = await startReschedule();
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });
});

describe('reschedule: the new time said with the choice', () => {
  it('"la primera, en la tarde" skips the band question', async () => {
    const { chat, searches } = await startReschedule();
    await chat.say('la primera, en la tarde');
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'tarde', window: 'horizon' }]);
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('"esa, para el viernes" searches Friday, not the appointment\'s own day', async () => {
    const { chat, searches } = await startReschedule();
    await chat.say('esa, para el viernes');
    assert.equal(searches[0]?.day, FRIDAY);
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('the appointment named by its day before is confirmed with one yes/no that names it', async () => {
    const other = makeAppointment({ id: 'apt-other', start: `${FRIDAY}T13:00:00.000Z` });
    const { chat } = await startReschedule({ listed: [control, other], request: { day: THURSDAY, weekday: 4 } });
    assert.deepEqual(chat.keys(), ['reschedule.confirmWhich']);
    assert.deepEqual(chat.lastPrompt()?.params, { service: '890301', start: control.start, doctor: 'Dr. Andrés Rojas', site: 'KENNEDY', patient: 'Laura', context: 'self' });
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
  });

  it('"sí, para el viernes en la mañana" at that confirmation searches Friday morning', async () => {
    const { chat, searches } = await startReschedule({ request: { day: THURSDAY, weekday: 4 } });
    await chat.say('sí, para el viernes en la mañana');
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'manana', window: 'horizon', day: FRIDAY }]);
  });

  it('no, or "atrás", at that confirmation shows the whole list', async () => {
    const other = makeAppointment({ id: 'apt-other', start: `${FRIDAY}T13:00:00.000Z` });
    for (const text of ['no', 'atrás']) {
      const { chat } = await startReschedule({ listed: [control, other], request: { day: THURSDAY, weekday: 4 } });
      await chat.say(text);
      assert.deepEqual(chat.keys(), ['reschedule.askWhich'], text);
      assert.deepEqual(optionValues(chat), ['apt-control', 'apt-other'], text);
    }
  });
});

describe('reschedule: the search', () => {
  it('searches the same service at the same site, any doctor, even for a control with the treating doctor there', async () => {
    const { chat, searches } = await startReschedule();
    await answerUpToSlots(chat, 'en la tarde');
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'tarde', window: 'horizon' }]);
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.options?.length, 3);
  });

  it('a "no programada" appointment is moved within today and the next working day', async () => {
    const urgent = makeAppointment({ id: 'apt-urgent', cups: '89020110', site: 'SUBA' });
    const { chat, searches } = await startReschedule({ listed: [urgent] });
    await answerUpToSlots(chat, 'cualquiera');
    assert.deepEqual(searches, [{ cups: '89020110', site: 'SUBA', window: 'todayAndNextWorkingDay' }]);
  });

  it('"atrás" at the band goes back to the list', async () => {
    const { chat } = await startReschedule();
    await chat.say('la primera');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['reschedule.askWhich']);
  });

  it('after "atrás" from the slots, the appointment picked again starts without the day said before', async () => {
    const { chat, searches } = await startReschedule();
    await chat.say('esa, para el viernes');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['reschedule.askWhich']);
    await chat.say('la primera');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.equal(searches.length, 1);
  });

  it('the ladder applies: nothing in the band → other band → RISS case', async () => {
    const rissCase = makeRissCase({ cups: '890301', site: 'KENNEDY' });
    const { chat, searches, cases } = await startReschedule({ searches: [[], []], filed: rissCase });
    await answerUpToSlots(chat, 'en la mañana');
    assert.deepEqual(chat.keys(), ['slots.offerOtherBand']);
    await chat.say('sí');
    assert.deepEqual(searches[1], { cups: '890301', site: 'KENNEDY', franja: 'tarde', window: 'horizon' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('sí');
    assert.equal(cases[0]?.site, 'KENNEDY');
    assert.equal(cases[0]?.specialty, 'medicina_general');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });
});

describe('reschedule: confirmation and the move', () => {
  it('confirms the move from the old time to the new slot with a yes/no question', async () => {
    const slots = makeSlots(2, { site: 'KENNEDY', doctor: { id: 'doc-kennedy-2', name: 'Dra. Luisa Peña' } });
    const { chat } = await startReschedule({ searches: [slots] });
    await answerUpToSlots(chat);
    await chat.say('la segunda');
    assert.deepEqual(chat.keys(), ['reschedule.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890301',
      from: control.start,
      to: slots[1]?.start,
      doctor: 'Dra. Luisa Peña',
      site: 'KENNEDY',
      patient: 'Laura',
      context: 'self',
    });
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
  });

  it('yes moves the appointment in one call, with its id, the slot and an idempotency key, then says it is done', async () => {
    const { chat, moves } = await startReschedule();
    const { slotId, chosenBy } = await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(moves, [{ appointmentId: 'apt-control', slotId, idempotencyKey: `conv-1:move:${chosenBy}` }]);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
    assert.equal(chat.lastReplies()[0]?.params?.start, `moved-to-${slotId}`);
    assert.equal(chat.lastReplies()[0]?.params?.context, 'self');
    const output = chat.output();
    assert.equal(output?.outcome, 'rescheduled');
    assert.equal(output?.outcome === 'rescheduled' ? output.appointment.id : undefined, 'apt-control');
  });

  it('no moves nothing and goes back to the slots', async () => {
    const { chat, moves } = await startReschedule();
    await answerUpToConfirmation(chat);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
    assert.equal(moves.length, 0);
    assert.equal(chat.done(), false);
  });

  it('SLOT_TAKEN: says so and shows fresh slots of the same search', async () => {
    const first = makeSlots(3, { site: 'KENNEDY' });
    const fresh = makeSlots(2, { site: 'KENNEDY' });
    const { chat, searches, moves } = await startReschedule({ searches: [first, fresh], moves: [agendaError('SLOT_TAKEN'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['slots.slotTaken', 'slots.ask']);
    assert.deepEqual(searches[1], searches[0]);
    assert.deepEqual(
      optionValues(chat),
      fresh.map((s) => s.id),
    );

    await chat.say('la primera');
    await chat.say('sí');
    assert.equal(moves.length, 2);
    assert.equal(moves[1]?.slotId, fresh[0]?.id);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
  });

  it('a failed move asks whether to retry, and the retry reuses the same idempotency key', async () => {
    const { chat, moves } = await startReschedule({ moves: [agendaError('TIMEOUT'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['reschedule.askRetry']);
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    await chat.say('sí');
    assert.equal(moves.length, 2);
    assert.deepEqual(moves[1], moves[0]);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
    assert.equal(chat.output()?.outcome, 'rescheduled');
  });

  it('a failed move and no retry: says so and outputs abandoned', async () => {
    const { chat, moves } = await startReschedule({ moves: [agendaError('UNAVAILABLE')] });
    await answerUpToConfirmation(chat);
    await chat.say('sí');
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['reschedule.retryDeclined']);
    assert.equal(moves.length, 1);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });
});

describe('reschedule: another patient', () => {
  it('naming another patient at the list ends with the message, and no appointment chosen', async () => {
    const { chat } = await startReschedule();
    await chat.say('no, es la de Sofía');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.request : undefined, {});
  });

  it('naming another patient at the slots ends with the message, keeping the appointment chosen and the band said for the move', async () => {
    const { chat, moves } = await startReschedule();
    await answerUpToSlots(chat);
    await chat.say('espere, es para Mateo');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.request : undefined, { appointmentId: 'apt-control', band: 'tarde' });
    assert.equal(moves.length, 0);
  });
});

describe('reschedule: agenda errors', () => {
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
});

describe('"el mismo día de la otra semana"', () => {
  it('is the day a week later, across a month and a year', () => {
    assert.equal(weekAfter('2026-11-25'), '2026-12-02');
    assert.equal(weekAfter('2026-12-28'), '2027-01-04');
    assert.equal(weekAfter('2028-02-24'), '2028-03-02');
  });
});
