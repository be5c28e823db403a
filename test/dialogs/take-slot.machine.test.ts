import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { RissCase, Slot } from '../../bot/domain.js';
import { slotFinderMachine, type AvailableDay, type AvailableDaysInput, type CreateCaseInput, type SearchSlotsInput } from '../../dialogs/slot-finder.machine.js';
import { takeSlotMachine, type TakeSlotInput } from '../../dialogs/take-slot.machine.js';
import {
  THURSDAY,
  TUESDAY,
  WEDNESDAY,
  agendaError,
  family,
  makeAppointment,
  makePatient,
  makeRissCase,
  makeSlots,
  mateo,
  scripted,
  slotsOn,
  startDialog,
  fakeCommit,
} from './harness.js';
import { bookingOf, moveOf } from '../../bot/dialog-actors.js';

const laura = makePatient();

interface TakeSlotScenario {
  input?: Partial<TakeSlotInput>;
  /** One answer per search, the last repeating. */
  searches?: Array<Slot[] | Error>;
  days?: Array<AvailableDay[] | Error>;
  /** One answer per booking or move, the last repeating: `ok` takes the slot asked for. */
  calls?: Array<'ok' | Error>;
  filed?: RissCase | Error;
}

/** Taking a slot for Laura (the member herself) at SUBA, booking by default. */
async function startTakeSlot(scenario: TakeSlotScenario = {}) {
  const search = scripted<Slot[], SearchSlotsInput>(...(scenario.searches ?? [makeSlots(3)]));
  const days = scripted<AvailableDay[], AvailableDaysInput>(...(scenario.days ?? [[]]));
  const createCase = scripted<RissCase, CreateCaseInput>(scenario.filed ?? makeRissCase());
  const calls = scenario.calls ?? ['ok'];
  const answer = (call: number) => {
    const next = calls[Math.min(call, calls.length) - 1];
    if (next instanceof Error) throw next;
  };
  const book = fakeCommit(bookingOf, (input, call) => {
    answer(call);
    return makeAppointment({ id: `apt-${input.slotId}`, cups: input.cups, site: 'SUBA', doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' } });
  });
  const move = fakeCommit(moveOf, (input, call) => {
    answer(call);
    return makeAppointment({ id: input.appointmentId, start: `moved-to-${input.slotId}` });
  });
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: search.logic, availableDays: days.logic, createCase: createCase.logic } });
  const machine = takeSlotMachine.provide({ actors: { commit: scenario.input?.mode === 'move' ? move.logic : book.logic, slotFinder } });
  const chat = await startDialog(machine, {
    mode: 'book',
    conversationId: 'conv-1',
    patient: laura,
    patients: family(laura),
    memberEmail: 'laura.gomez@example.com',
    cups: '890201',
    specialty: 'medicina_general',
    site: 'SUBA',
    window: 'horizon',
    ...scenario.input,
  });
  return { chat, searches: search.calls, dayLists: days.calls, books: book.calls, moves: move.calls, cases: createCase.calls };
}

type Chat = Awaited<ReturnType<typeof startTakeSlot>>['chat'];

/** "En la mañana", then the first slot shown: up to the confirmation. Returns the slot and the message that chose it. */
async function upToConfirmation(chat: Chat) {
  if (chat.pending()?.expects === 'band') await chat.say('en la mañana');
  const slotId = chat.lastPrompt()?.options?.[0]?.value;
  assert.ok(slotId, 'slots were shown');
  await chat.say('la primera');
  return { slotId, chosenBy: chat.lastMessageId() };
}

const optionValues = (chat: Chat) => chat.lastPrompt()?.options?.map((o) => o.value);
const BASE_SEARCH = { cups: '890201', site: 'SUBA', window: 'horizon' } as const;

describe('take slot: the band', () => {
  it('asks the band when the member gave none, and searches nothing yet', async () => {
    const { chat, searches } = await startTakeSlot();
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.equal(chat.lastPrompt()?.expects, 'band');
    assert.deepEqual(optionValues(chat), ['manana', 'tarde', 'cualquiera']);
    assert.equal(searches.length, 0);
  });

  it('"en la tarde" searches the afternoon and shows the slots', async () => {
    const { chat, searches } = await startTakeSlot();
    await chat.say('en la tarde');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'tarde' }]);
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('"cualquiera" searches any band', async () => {
    const { chat, searches } = await startTakeSlot();
    await chat.say('a cualquier hora');
    assert.deepEqual(searches, [{ ...BASE_SEARCH }]);
  });

  it('"el jueves" at the band question searches that day, any band', async () => {
    const { chat, searches } = await startTakeSlot({ searches: [slotsOn(THURSDAY, ['07:00', '15:00'])] });
    await chat.say('el jueves');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, day: THURSDAY }]);
    assert.equal(chat.lastPrompt()?.params?.day, THURSDAY);
  });

  it('"el jueves en la tarde" gives both at once', async () => {
    const { chat, searches } = await startTakeSlot();
    await chat.say('el jueves en la tarde');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'tarde', day: THURSDAY }]);
  });

  it('"cualquier día menos el jueves" at the band question searches any band without Thursday; days ruled out before are kept', async () => {
    const { chat, searches } = await startTakeSlot();
    await chat.say('cualquier día menos el jueves');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, notDays: [THURSDAY] }]);
    assert.equal(chat.lastPrompt()?.params?.notDays, THURSDAY);

    const kept = await startTakeSlot({ input: { ruledOutDays: [WEDNESDAY] } });
    await kept.chat.say('en la tarde, y el jueves tampoco');
    assert.deepEqual(kept.searches, [{ ...BASE_SEARCH, franja: 'tarde', notDays: [WEDNESDAY, THURSDAY] }]);
  });

  it('"no, el jueves no puedo" at the confirmation books nothing, says so, and searches again without Thursday', async () => {
    const { chat, searches, books } = await startTakeSlot({ searches: [slotsOn(THURSDAY, ['07:00']), slotsOn(WEDNESDAY, ['07:00'])] });
    await upToConfirmation(chat);
    await chat.say('no, el jueves no puedo');
    assert.equal(books.length, 0);
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', notDays: [THURSDAY] });
  });

  it('a band given before skips the question; a day given before searches that day', async () => {
    const banded = await startTakeSlot({ input: { band: 'tarde' } });
    assert.deepEqual(banded.chat.keys(), ['slots.ask']);
    assert.deepEqual(banded.searches, [{ ...BASE_SEARCH, franja: 'tarde' }]);

    const dated = await startTakeSlot({ input: { day: WEDNESDAY, time: '10:00' } });
    assert.deepEqual(dated.chat.keys(), ['slots.ask']);
    assert.deepEqual(dated.searches, [{ ...BASE_SEARCH, day: WEDNESDAY, fromTime: '10:00' }]);
  });

  it('a time given before as a bound searches the slots before it; "antes de las 9" at the band question too', async () => {
    const bounded = await startTakeSlot({ input: { band: 'manana', day: WEDNESDAY, time: '10:00', beforeTime: true } });
    assert.deepEqual(bounded.searches, [{ ...BASE_SEARCH, franja: 'manana', day: WEDNESDAY, toTime: '10:00' }]);

    const { chat, searches } = await startTakeSlot();
    await chat.say('algo antes de las 9 que entro a trabajar');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana', toTime: '09:00' }]);
  });

  it("a time no site attends at, given before, is said with the sites' hours and the latest slots are searched instead", async () => {
    const { chat, searches } = await startTakeSlot({ input: { band: 'tarde', day: THURSDAY, time: '17:00' }, searches: [slotsOn(THURSDAY, ['16:40'])] });
    assert.equal(chat.lastSaid('slots.outsideHours')?.params?.time, '17:00');
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'tarde', day: THURSDAY, latest: true }]);
  });

  it('an answer that is no band is not understood, and the band is asked again', async () => {
    const { chat, searches } = await startTakeSlot();
    await chat.say('mmm');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askFranja']);
    assert.equal(searches.length, 0);
  });

  it('"atrás" at the band question outputs back', async () => {
    const { chat } = await startTakeSlot();
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });

  it('"atrás" at the slots goes back to the band question when it was asked here', async () => {
    const { chat } = await startTakeSlot();
    await chat.say('en la mañana');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.equal(chat.done(), false);
  });

  it('"atrás" at the slots outputs back when the band came with the request', async () => {
    const { chat } = await startTakeSlot({ input: { band: 'manana' } });
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });

  it('naming another patient at the band question ends with the message, for the parent to revise', async () => {
    const { chat } = await startTakeSlot();
    await chat.say('no, es para Sofía');
    assert.equal(chat.output()?.outcome, 'revise');
  });
});

describe('take slot: confirmation and booking', () => {
  it('shows a summary of the slot picked in second person, with a yes/no question', async () => {
    const slots = makeSlots(2);
    const { chat } = await startTakeSlot({ input: { band: 'manana' }, searches: [slots] });
    await chat.say('la segunda');
    assert.deepEqual(chat.keys(), ['booking.confirm']);
    assert.equal(chat.lastPrompt()?.expects, 'confirm');
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890201',
      start: slots[1]?.start,
      doctor: 'Dra. Marta Salazar',
      site: 'SUBA',
      patient: 'Laura',
      context: 'self',
    });
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
  });

  it('for a beneficiary the summary names them', async () => {
    const { chat } = await startTakeSlot({ input: { patient: mateo, band: 'manana' } });
    await chat.say('1');
    assert.deepEqual(chat.keys(), ['booking.confirm']);
    assert.equal(chat.lastPrompt()?.params?.patient, 'Mateo');
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
  });

  it('"sí" books the slot with a key made from the message that chose it, then says the details', async () => {
    const { chat, books } = await startTakeSlot();
    const { slotId, chosenBy } = await upToConfirmation(chat);
    await chat.say('sí, confírmela');
    assert.deepEqual(books, [{ patientId: 'pat-1', slotId, cups: '890201', idempotencyKey: `conv-1:book:${chosenBy}` }]);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.lastReplies()[0]?.params?.context, 'self');
    assert.equal(chat.lastReplies()[0]?.params?.site, 'SUBA');
    const output = chat.output();
    assert.equal(output?.outcome, 'taken');
    assert.equal(output?.outcome === 'taken' ? output.appointment.id : undefined, `apt-${slotId}`);
  });

  it('"no" books nothing and goes back to the slots of the same search', async () => {
    const { chat, books, searches } = await startTakeSlot();
    await upToConfirmation(chat);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
    assert.deepEqual(searches[1], searches[0]);
    assert.equal(books.length, 0);
    assert.equal(chat.done(), false);
  });

  it('"atrás" at the confirmation goes back to the slots', async () => {
    const { chat, books } = await startTakeSlot();
    await upToConfirmation(chat);
    await chat.say('atrás');
    assert.equal(chat.keys().at(-1), 'slots.ask');
    assert.equal(books.length, 0);
  });

  it('"el jueves" at the confirmation searches that day instead', async () => {
    const { chat, searches, books } = await startTakeSlot({ searches: [makeSlots(3), slotsOn(THURSDAY, ['08:00'])] });
    await upToConfirmation(chat);
    await chat.say('el jueves');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', day: THURSDAY });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(books.length, 0);
  });

  it('"otro día" at the confirmation lists the days that have slots', async () => {
    const { chat, dayLists } = await startTakeSlot({ days: [[{ day: WEDNESDAY, slots: 2 }]] });
    await upToConfirmation(chat);
    await chat.say('otro día');
    assert.deepEqual(chat.keys(), ['slots.askDay']);
    assert.deepEqual(dayLists, [{ ...BASE_SEARCH, franja: 'manana' }]);
  });

  it('"sí pero el jueves" asks which of the two it means instead of guessing', async () => {
    const slots = makeSlots(3);
    const { chat, books } = await startTakeSlot({ searches: [slots] });
    await upToConfirmation(chat);
    await chat.say('sí pero el jueves');
    assert.deepEqual(chat.keys(), ['booking.clarifyYesBut']);
    assert.deepEqual(chat.lastPrompt()?.params, { start: slots[0]?.start });
    assert.deepEqual(optionValues(chat), ['keep', 'search']);
    assert.equal(books.length, 0);
  });

  it('after "sí pero el jueves", "sí, esa" books the slot shown', async () => {
    const { chat, books } = await startTakeSlot();
    const { slotId } = await upToConfirmation(chat);
    await chat.say('sí pero el jueves');
    await chat.say('sí, esa');
    assert.equal(books[0]?.slotId, slotId);
    assert.deepEqual(chat.keys(), ['booking.booked']);
  });

  it('after "sí pero el jueves", "el jueves" searches Thursday', async () => {
    const { chat, searches, books } = await startTakeSlot({ searches: [makeSlots(3), slotsOn(THURSDAY, ['08:00'])] });
    await upToConfirmation(chat);
    await chat.say('sí pero el jueves');
    await chat.say('el jueves');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', day: THURSDAY });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(books.length, 0);
  });

  it('after "sí pero el jueves", "buscar otro horario" searches the day already named', async () => {
    const { chat, searches } = await startTakeSlot({ searches: [makeSlots(3), slotsOn(THURSDAY, ['08:00'])] });
    await upToConfirmation(chat);
    await chat.say('sí pero el jueves');
    await chat.say('buscar otro horario');
    assert.equal(searches[1]?.day, THURSDAY);
  });

  it('"sí, en la tarde" or "sí, a las 2:40" for a slot that is just that books it without asking', async () => {
    for (const text of ['sí, en la tarde', 'sí, a las 2:40']) {
      const slots = slotsOn(TUESDAY, ['14:40', '15:00']);
      const { chat, books } = await startTakeSlot({ input: { band: 'tarde' }, searches: [slots] });
      await chat.say('la primera');
      await chat.say(text);
      assert.deepEqual(chat.keys(), ['booking.booked'], text);
      assert.equal(books[0]?.slotId, slots[0]?.id, text);
    }
  });

  it('"ayuda" at the confirmation repeats the summary after the support line', async () => {
    const { chat, books } = await startTakeSlot();
    await upToConfirmation(chat);
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'booking.confirm']);
    assert.equal(books.length, 0);
  });

  it('an answer that is neither yes nor no asks again', async () => {
    const { chat } = await startTakeSlot();
    await upToConfirmation(chat);
    await chat.say('mmm');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.confirm']);
  });

  it('naming another patient or another specialty at the confirmation ends with the message', async () => {
    for (const text of ['no, es para Sofía', 'no mejor pediatría']) {
      const { chat, books } = await startTakeSlot();
      await upToConfirmation(chat);
      await chat.say(text);
      assert.equal(chat.output()?.outcome, 'revise', text);
      assert.equal(books.length, 0, text);
    }
  });

  it('SLOT_TAKEN: says so, shows fresh slots of the same search, and books the one picked then', async () => {
    const first = makeSlots(3);
    const fresh = makeSlots(2);
    const { chat, searches, books } = await startTakeSlot({ searches: [first, fresh], calls: [agendaError('SLOT_TAKEN'), 'ok'] });
    await upToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['slots.slotTaken', 'slots.ask']);
    assert.deepEqual(searches[1], searches[0]);
    assert.deepEqual(
      optionValues(chat),
      fresh.map((s) => s.id),
    );

    await chat.say('la primera');
    const chosenBy = chat.lastMessageId();
    await chat.say('sí');
    assert.equal(books.length, 2);
    assert.equal(books[1]?.slotId, fresh[0]?.id);
    // A new choice is a new intent: a new key.
    assert.equal(books[1]?.idempotencyKey, `conv-1:book:${chosenBy}`);
    assert.notEqual(books[1]?.idempotencyKey, books[0]?.idempotencyKey);
    assert.deepEqual(chat.keys(), ['booking.booked']);
  });

  it('TIMEOUT: asks whether to retry, and the retry books with the SAME idempotency key', async () => {
    const { chat, books } = await startTakeSlot({ calls: [agendaError('TIMEOUT'), 'ok'] });
    await upToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['booking.askRetry']);
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    await chat.say('sí, inténtelo');
    assert.equal(books.length, 2);
    assert.deepEqual(books[1], books[0]);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.output()?.outcome, 'taken');
  });

  it('TIMEOUT and no retry: says the booking may exist, and outputs abandoned', async () => {
    const { chat, books } = await startTakeSlot({ calls: [agendaError('TIMEOUT')] });
    await upToConfirmation(chat);
    await chat.say('sí');
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['booking.retryDeclined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(books.length, 1);
  });

  it('after the ladder reached another doctor, "no" at the confirmation shows that search again, not the treating doctor\'s', async () => {
    const treating = { id: 'doc-treating', name: 'Dr. Felipe Castro' };
    const { chat, searches } = await startTakeSlot({ input: { band: 'cualquiera', treatingDoctor: treating }, searches: [[], makeSlots(2)] });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH });
    await chat.say('la primera');
    await chat.say('no');
    assert.deepEqual(searches[2], { ...BASE_SEARCH });
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
  });

  it('a filed RISS case is the output', async () => {
    const rissCase = makeRissCase();
    const { chat } = await startTakeSlot({ input: { band: 'cualquiera' }, searches: [[]], filed: rissCase });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('sí');
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('a failed search outputs error', async () => {
    const { chat } = await startTakeSlot({ input: { band: 'manana' }, searches: [agendaError('UNAVAILABLE')] });
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('take slot: moving an appointment', () => {
  const appointment = makeAppointment({ id: 'apt-control', cups: '890301', site: 'SUBA', start: `${TUESDAY}T14:00:00.000Z` });
  const moving = { mode: 'move' as const, appointment, cups: '890301' as const };

  it('confirms the move from the old time to the new slot, in second person', async () => {
    const slots = makeSlots(2);
    const { chat } = await startTakeSlot({ input: moving, searches: [slots] });
    await chat.say('en la mañana');
    await chat.say('la segunda');
    assert.deepEqual(chat.keys(), ['reschedule.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890301',
      from: appointment.start,
      to: slots[1]?.start,
      doctor: 'Dra. Marta Salazar',
      site: 'SUBA',
      patient: 'Laura',
      context: 'self',
    });
  });

  it('"sí" moves it in one call, with a key made from the message that chose the slot', async () => {
    const { chat, moves, books } = await startTakeSlot({ input: moving });
    const { slotId, chosenBy } = await upToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(moves, [{ appointmentId: 'apt-control', slotId, idempotencyKey: `conv-1:move:${chosenBy}` }]);
    assert.equal(books.length, 0);
    assert.deepEqual(chat.keys(), ['reschedule.done']);
    assert.equal(chat.lastReplies()[0]?.params?.start, `moved-to-${slotId}`);
    assert.equal(chat.output()?.outcome, 'taken');
  });

  it('"no" moves nothing and shows the slots again', async () => {
    const { chat, moves } = await startTakeSlot({ input: moving });
    await upToConfirmation(chat);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
    assert.equal(moves.length, 0);
  });

  it('a failed move asks whether to retry with the same key; no says the member keeps one appointment', async () => {
    const retried = await startTakeSlot({ input: moving, calls: [agendaError('TIMEOUT'), 'ok'] });
    await upToConfirmation(retried.chat);
    await retried.chat.say('sí');
    assert.deepEqual(retried.chat.keys(), ['reschedule.askRetry']);
    await retried.chat.say('sí');
    assert.deepEqual(retried.moves[1], retried.moves[0]);
    assert.deepEqual(retried.chat.keys(), ['reschedule.done']);

    const declined = await startTakeSlot({ input: moving, calls: [agendaError('UNAVAILABLE')] });
    await upToConfirmation(declined.chat);
    await declined.chat.say('sí');
    await declined.chat.say('no');
    assert.deepEqual(declined.chat.keys(), ['reschedule.retryDeclined']);
    assert.deepEqual(declined.chat.output(), { outcome: 'abandoned' });
  });

  it('SLOT_TAKEN while moving shows fresh slots', async () => {
    const fresh = makeSlots(2);
    const { chat } = await startTakeSlot({ input: moving, searches: [makeSlots(3), fresh], calls: [agendaError('SLOT_TAKEN'), 'ok'] });
    await upToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['slots.slotTaken', 'slots.ask']);
    assert.deepEqual(
      optionValues(chat),
      fresh.map((s) => s.id),
    );
  });
});
