import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Appointment, Patient, RissCase, SiteCode, Slot, Specialty } from '../../bot/domain.js';
import { SITES } from '../../data/catalog.js';
import {
  bookingMachine,
  type BookInput,
  type BookingInput,
  type BookingRestrictions,
} from '../../dialogs/booking.machine.js';
import {
  slotFinderMachine,
  type CreateCaseInput,
  type SearchSlotsInput,
} from '../../dialogs/slot-finder.machine.js';
import {
  TODAY,
  agendaError,
  fakeActor,
  makeAppointment,
  makePatient,
  makeRissCase,
  makeSlots,
  scripted,
  startDialog,
} from './harness.js';

const NO_RESTRICTIONS: BookingRestrictions = { openCase: null, upcoming: null };

/** Laura's treating doctor in general medicine works at SUBA. */
const laura = makePatient({
  treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-treating', doctorName: 'Dr. Felipe Castro', site: 'SUBA' }],
});

interface BookingScenario {
  patient?: Patient;
  input?: Partial<BookingInput>;
  restrictions?: BookingRestrictions | Error;
  /** One answer per search, the last repeating. */
  searches?: Array<Slot[] | Error>;
  /** One answer per booking call, the last repeating: `ok` books the slot asked for. */
  bookings?: Array<'ok' | Error>;
  filed?: RissCase | Error;
}

async function startBooking(scenario: BookingScenario = {}) {
  const restrictions = scripted<BookingRestrictions, { patientId: string; specialty: Specialty }>(
    scenario.restrictions ?? NO_RESTRICTIONS,
  );
  const search = scripted<Slot[], SearchSlotsInput>(...(scenario.searches ?? [makeSlots(3)]));
  const createCase = scripted<RissCase, CreateCaseInput>(scenario.filed ?? makeRissCase());
  const bookings = scenario.bookings ?? ['ok'];
  const book = fakeActor<Appointment, BookInput>((input, call) => {
    const answer = bookings[Math.min(call, bookings.length) - 1];
    if (answer instanceof Error) throw answer;
    return makeAppointment({ id: `apt-${input.slotId}`, cups: input.cups, site: 'SUBA', doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' } });
  });
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: search.logic, createCase: createCase.logic } });
  const machine = bookingMachine.provide({
    actors: { checkRestrictions: restrictions.logic, book: book.logic, slotFinder },
  });
  const chat = await startDialog(machine, {
    conversationId: 'conv-1',
    patient: scenario.patient ?? laura,
    memberEmail: 'laura.gomez@example.com',
    today: TODAY,
    preferredSites: [],
    ...scenario.input,
  });
  return { chat, restrictions: restrictions.calls, searches: search.calls, books: book.calls, cases: createCase.calls };
}

type Chat = Awaited<ReturnType<typeof startBooking>>['chat'];

/** Specialty, visit type, site and band, each picked from the options shown. */
async function answerUpToSlots(
  chat: Chat,
  choices: { specialty?: string; visitType?: string; site?: SiteCode; franja?: string } = {},
) {
  await chat.say('x', choices.specialty ?? 'medicina_general');
  await chat.say('x', choices.visitType ?? 'primera_vez');
  await chat.say('x', choices.site ?? 'SUBA');
  await chat.say('x', choices.franja ?? 'manana');
}

/** Up to the confirmation, picking the first slot shown. */
async function answerUpToConfirmation(chat: Chat) {
  await answerUpToSlots(chat);
  const first = chat.lastPrompt()?.options?.[0]?.value;
  assert.ok(first, 'slots were shown');
  await chat.say('1', first);
  return first;
}

describe('booking: specialty (contract point 8)', () => {
  it('asks the specialty first, medicina general then pediatría', async () => {
    const { chat } = await startBooking();
    assert.deepEqual(chat.keys(), ['booking.askSpecialty']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['medicina_general', 'pediatria']);
  });

  it('refuses pediatrics for an adult, says why, and keeps asking the specialty', async () => {
    const { chat, restrictions } = await startBooking();
    await chat.say('pediatría', 'pediatria');
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
    assert.equal(chat.lastReplies()[0]?.params?.name, 'Laura');
    assert.equal(chat.state(), 'awaitingSpecialty');
    assert.equal(restrictions.length, 0);
  });

  it('refuses pediatrics on the 18th birthday', async () => {
    const { chat, restrictions } = await startBooking({ patient: makePatient({ birthDate: '2008-11-23' }) });
    await chat.say('pediatría', 'pediatria');
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
    assert.equal(restrictions.length, 0);
  });

  it('allows pediatrics for a 12-year-old and for the day before the 18th birthday', async () => {
    for (const birthDate of ['2014-05-10', '2008-11-24']) {
      const patient = makePatient({ id: 'pat-child', firstName: 'Mateo', birthDate });
      const { chat, restrictions } = await startBooking({ patient });
      await chat.say('pediatría', 'pediatria');
      assert.deepEqual(restrictions, [{ patientId: 'pat-child', specialty: 'pediatria' }], birthDate);
      assert.deepEqual(chat.keys(), ['booking.askVisitType'], birthDate);
    }
  });

  it('pediatrics for a child searches the pediatric CUPS of the visit type', async () => {
    const patient = makePatient({ birthDate: '2014-05-10' });
    const { chat, searches } = await startBooking({ patient });
    await answerUpToSlots(chat, { specialty: 'pediatria', visitType: 'control' });
    assert.equal(searches[0]?.cups, '890383');
  });
});

describe('booking: case lock and one appointment per specialty (points 10, 11)', () => {
  it('an open case refuses the booking naming the radicado and the due date', async () => {
    const openCase = makeRissCase({ radicado: 'RISS-2026-004321', dueDate: '2026-11-27' });
    const { chat, restrictions } = await startBooking({ restrictions: { openCase, upcoming: null } });
    await chat.say('medicina general', 'medicina_general');
    assert.deepEqual(restrictions, [{ patientId: 'pat-1', specialty: 'medicina_general' }]);
    assert.deepEqual(chat.keys(), ['booking.caseOpen']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { radicado: 'RISS-2026-004321', dueDate: '2026-11-27' });
    assert.deepEqual(chat.output(), { outcome: 'refused' });
  });

  it('an appointment of that specialty offers reschedule, cancel or menu', async () => {
    const upcoming = makeAppointment();
    const { chat } = await startBooking({ restrictions: { openCase: null, upcoming } });
    await chat.say('medicina general', 'medicina_general');
    assert.deepEqual(chat.keys(), ['booking.alreadyHasOne']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['reschedule', 'cancel', 'menu']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      patient: 'Laura',
      service: '890201',
      start: upcoming.start,
      doctor: 'Dr. Andrés Rojas',
      site: 'KENNEDY',
    });
  });

  for (const [choice, output] of [
    ['reschedule', { outcome: 'switch', operation: 'reschedule' }],
    ['cancel', { outcome: 'switch', operation: 'cancel' }],
    ['menu', { outcome: 'refused' }],
  ] as const) {
    it(`picking "${choice}" on the existing appointment outputs ${JSON.stringify(output)}`, async () => {
      const { chat } = await startBooking({ restrictions: { openCase: null, upcoming: makeAppointment() } });
      await chat.say('medicina general', 'medicina_general');
      await chat.say(choice, choice);
      assert.deepEqual(chat.keys(), []);
      assert.deepEqual(chat.output(), output);
    });
  }

  it('the agenda failing the check says it is unavailable and outputs error', async () => {
    const { chat } = await startBooking({ restrictions: agendaError('UNAVAILABLE') });
    await chat.say('medicina general', 'medicina_general');
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('booking: visit type, site and band', () => {
  it('asks type, then site, then band, in that order', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general', 'medicina_general');
    assert.deepEqual(chat.keys(), ['booking.askVisitType']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['primera_vez', 'control', 'no_programada']);
    await chat.say('primera vez', 'primera_vez');
    assert.deepEqual(chat.keys(), ['booking.askSite']);
    await chat.say('suba', 'SUBA');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['manana', 'tarde', 'cualquiera']);
  });

  it('lists every site, the program order when nothing is preferred', async () => {
    const { chat } = await startBooking();
    await chat.say('x', 'medicina_general');
    await chat.say('x', 'primera_vez');
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), SITES.map((s) => s.code));
  });

  it('lists the QR site and the last site used first, once each', async () => {
    const { chat } = await startBooking({ input: { preferredSites: ['CHIA', 'KENNEDY', 'CHIA'] } });
    await chat.say('x', 'medicina_general');
    await chat.say('x', 'primera_vez');
    const sites = chat.lastPrompt()?.options?.map((o) => o.value) ?? [];
    assert.deepEqual(sites.slice(0, 2), ['CHIA', 'KENNEDY']);
    assert.equal(sites.length, SITES.length);
    assert.equal(new Set(sites).size, SITES.length);
    assert.deepEqual(chat.lastPrompt()?.options?.[0], { value: 'CHIA', key: 'options.site', params: { site: 'CHIA' } });
  });
});

describe('booking: the first search (contract point 9)', () => {
  it('"control" with the treating doctor at the chosen site: the slot finder starts with that doctor', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'control', site: 'SUBA', franja: 'tarde' });
    assert.deepEqual(chat.contextOf('slotFinder')?.treatingDoctor, { id: 'doc-treating', name: 'Dr. Felipe Castro' });
    assert.deepEqual(searches, [{ cups: '890301', site: 'SUBA', franja: 'tarde', doctorId: 'doc-treating', window: 'horizon' }]);
  });

  it('"control" at a site where the treating doctor does not work: any doctor', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'control', site: 'KENNEDY' });
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'manana', window: 'horizon' }]);
  });

  it('"control" of a specialty the treating doctor does not practise: any doctor', async () => {
    const patient = makePatient({
      birthDate: '2014-05-10',
      treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-treating', doctorName: 'Dr. Felipe Castro', site: 'SUBA' }],
    });
    const { chat, searches } = await startBooking({ patient });
    await answerUpToSlots(chat, { specialty: 'pediatria', visitType: 'control', site: 'SUBA' });
    assert.equal(searches[0]?.doctorId, undefined);
  });

  it('"primera vez": any doctor even where the treating doctor works', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'primera_vez', site: 'SUBA' });
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(searches, [{ cups: '890201', site: 'SUBA', franja: 'manana', window: 'horizon' }]);
  });

  it('"no programada" searches today and the next working day only', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'no_programada', franja: 'cualquiera' });
    assert.deepEqual(searches, [{ cups: '89020110', site: 'SUBA', window: 'todayAndNextWorkingDay' }]);
  });

  it('relays the slot finder\'s question and its answer to HELP', async () => {
    const { chat } = await startBooking({ searches: [makeSlots(4)] });
    await answerUpToSlots(chat);
    assert.deepEqual(chat.keys(), ['booking.askSlot']);
    assert.equal(chat.lastPrompt()?.options?.length, 4);
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'booking.askSlot']);
    assert.equal(chat.state(), 'findingSlot.awaitingSlot');
  });
});

describe('booking: confirmation and booking', () => {
  it('shows a summary of the slot picked with a yes/no question', async () => {
    const slots = makeSlots(2);
    const { chat } = await startBooking({ searches: [slots] });
    await answerUpToSlots(chat);
    await chat.say('2', slots[1]?.id);
    assert.deepEqual(chat.keys(), ['booking.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      patient: 'Laura',
      service: '890201',
      start: slots[1]?.start,
      doctor: 'Dra. Marta Salazar',
      site: 'SUBA',
    });
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
  });

  it('yes books the slot with an idempotency key of this conversation, then says the details', async () => {
    const { chat, books } = await startBooking();
    const slotId = await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.equal(books.length, 1);
    assert.equal(books[0]?.patientId, 'pat-1');
    assert.equal(books[0]?.slotId, slotId);
    assert.equal(books[0]?.cups, '890201');
    assert.ok(books[0]?.idempotencyKey.includes('conv-1'), books[0]?.idempotencyKey);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.lastReplies()[0]?.params?.patient, 'Laura');
    assert.equal(chat.lastReplies()[0]?.params?.site, 'SUBA');
    const output = chat.output();
    assert.equal(output?.outcome, 'booked');
    assert.equal(output?.outcome === 'booked' ? output.appointment.id : undefined, `apt-${slotId}`);
  });

  it('no keeps nothing: says so, outputs abandoned, books nothing', async () => {
    const { chat, books } = await startBooking();
    await answerUpToConfirmation(chat);
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['booking.notConfirmed']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(books.length, 0);
  });

  it('HELP at the confirmation repeats the summary', async () => {
    const { chat, books } = await startBooking();
    await answerUpToConfirmation(chat);
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'booking.confirm']);
    assert.equal(books.length, 0);
  });

  it('SLOT_TAKEN: says the slot was taken and searches fresh slots with the same search', async () => {
    const first = makeSlots(3);
    const fresh = makeSlots(2);
    const { chat, searches, books } = await startBooking({ searches: [first, fresh], bookings: [agendaError('SLOT_TAKEN'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['booking.slotTaken', 'booking.askSlot']);
    assert.equal(searches.length, 2);
    assert.deepEqual(searches[1], searches[0]);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), fresh.map((s) => s.id));
    assert.equal(chat.done(), false);

    await chat.say('1', fresh[0]?.id);
    await chat.say('sí', 'yes');
    assert.equal(books.length, 2);
    assert.equal(books[1]?.slotId, fresh[0]?.id);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.output()?.outcome, 'booked');
  });

  it('TIMEOUT: asks whether to retry, and the retry books with the SAME idempotency key', async () => {
    const { chat, books } = await startBooking({ bookings: [agendaError('TIMEOUT'), 'ok'] });
    const slotId = await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['booking.askRetry']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
    assert.equal(books.length, 1);

    await chat.say('sí', 'yes');
    assert.equal(books.length, 2);
    assert.deepEqual(books[1], books[0]);
    assert.equal(books[1]?.slotId, slotId);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.output()?.outcome, 'booked');
  });

  it('TIMEOUT and no retry: says so and outputs abandoned', async () => {
    const { chat, books } = await startBooking({ bookings: [agendaError('TIMEOUT')] });
    await answerUpToConfirmation(chat);
    await chat.say('sí', 'yes');
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['booking.retryDeclined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(books.length, 1);
  });
});

describe('booking: what the slot finder ends in', () => {
  it('a filed RISS case (member email on file) is the booking\'s output', async () => {
    const rissCase = makeRissCase();
    const { chat, cases } = await startBooking({ searches: [[]], filed: rissCase });
    await answerUpToSlots(chat, { franja: 'cualquiera' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('sí', 'yes');
    assert.equal(cases[0]?.email, 'laura.gomez@example.com');
    assert.equal(cases[0]?.cups, '890201');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('declining the case outputs abandoned', async () => {
    const { chat } = await startBooking({ searches: [[]] });
    await answerUpToSlots(chat, { franja: 'cualquiera' });
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['riss.declined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('a failed search outputs error', async () => {
    const { chat } = await startBooking({ searches: [agendaError('UNAVAILABLE')] });
    await answerUpToSlots(chat);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('booking: misunderstandings and help', () => {
  it('offers help on the third answer in a row it does not understand, repeating the question each time', async () => {
    const { chat } = await startBooking();
    await chat.say('odontología');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSpecialty']);
    await chat.say('ortopedia');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSpecialty']);
    await chat.say('???');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp', 'booking.askSpecialty']);
    assert.equal(chat.state(), 'awaitingSpecialty');
  });

  it('a new question starts the count again', async () => {
    const { chat } = await startBooking();
    await chat.say('odontología');
    await chat.say('ortopedia');
    await chat.say('medicina general', 'medicina_general');
    await chat.say('??');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askVisitType']);
  });

  it('HELP gives the support line, then the pending question again', async () => {
    const { chat } = await startBooking();
    await chat.say('x', 'medicina_general');
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'booking.askVisitType']);
    assert.equal(chat.state(), 'awaitingVisitType');
  });
});
