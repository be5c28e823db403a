import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { SITES, type Patient, type RissCase, type Slot, type Specialty } from '../../bot/domain.js';
import { bookingMachine, type BookingInput, type BookingRestrictions } from '../../dialogs/booking.machine.js';
import { slotFinderMachine, type AvailableDay, type AvailableDaysInput, type CreateCaseInput, type SearchSlotsInput } from '../../dialogs/slot-finder.machine.js';
import { takeSlotMachine } from '../../dialogs/take-slot.machine.js';
import { THURSDAY, TODAY, agendaError, family, makeAppointment, makePatient, makeRissCase, makeSlots, mateo, scripted, slotsOn, startDialog, fakeCommit } from './harness.js';
import { bookingOf } from '../../bot/dialog-actors.js';

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
  days?: Array<AvailableDay[] | Error>;
  /** One answer per booking call, the last repeating: `ok` books the slot asked for. */
  bookings?: Array<'ok' | Error>;
  filed?: RissCase | Error;
}

/** Booking for Laura (the member) by default, her children Mateo and Sofía being the others she may name. */
async function startBooking(scenario: BookingScenario = {}) {
  const restrictions = scripted<BookingRestrictions, { patientId: string; specialty: Specialty }>(scenario.restrictions ?? NO_RESTRICTIONS);
  const search = scripted<Slot[], SearchSlotsInput>(...(scenario.searches ?? [makeSlots(3)]));
  const days = scripted<AvailableDay[], AvailableDaysInput>(...(scenario.days ?? [[]]));
  const createCase = scripted<RissCase, CreateCaseInput>(scenario.filed ?? makeRissCase());
  const bookings = scenario.bookings ?? ['ok'];
  const book = fakeCommit(bookingOf, (input, call) => {
    const answer = bookings[Math.min(call, bookings.length) - 1];
    if (answer instanceof Error) throw answer;
    return makeAppointment({ id: `apt-${input.slotId}`, cups: input.cups, site: 'SUBA', doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' } });
  });
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: search.logic, availableDays: days.logic, createCase: createCase.logic } });
  const takeSlot = takeSlotMachine.provide({ actors: { commit: book.logic, slotFinder } });
  const machine = bookingMachine.provide({ actors: { checkRestrictions: restrictions.logic, takeSlot } });
  const chat = await startDialog(machine, {
    conversationId: 'conv-1',
    patient: scenario.patient ?? laura,
    patients: family(laura),
    memberEmail: 'laura.gomez@example.com',
    today: TODAY,
    preferredSites: [],
    ...scenario.input,
  });
  return { chat, restrictions: restrictions.calls, searches: search.calls, books: book.calls, cases: createCase.calls };
}

type Chat = Awaited<ReturnType<typeof startBooking>>['chat'];

/** Medicina general, primera vez, Suba, en la mañana: the member's answers up to the slots. */
async function answerUpToSlots(chat: Chat, answers: { specialty?: string; visitType?: string; site?: string; band?: string } = {}) {
  await chat.say(answers.specialty ?? 'medicina general');
  await chat.say(answers.visitType ?? 'primera vez');
  await chat.say(answers.site ?? 'en Suba');
  await chat.say(answers.band ?? 'en la mañana');
}

/** Up to the confirmation, picking the first slot shown. */
async function answerUpToConfirmation(chat: Chat) {
  await answerUpToSlots(chat);
  const first = chat.lastPrompt()?.options?.[0]?.value;
  assert.ok(first, 'slots were shown');
  await chat.say('la primera');
  return first;
}

const optionValues = (chat: Chat) => chat.lastPrompt()?.options?.map((o) => o.value);

describe('booking: specialty (contract point 8)', () => {
  it('asks the specialty first, medicina general then pediatría', async () => {
    const { chat } = await startBooking();
    assert.deepEqual(chat.keys(), ['booking.askSpecialty']);
    assert.equal(chat.lastPrompt()?.expects, 'specialty');
    assert.deepEqual(optionValues(chat), ['medicina_general', 'pediatria']);
  });

  it('refuses pediatrics for an adult member, telling her in second person, and asks the specialty again', async () => {
    const { chat, restrictions } = await startBooking();
    await chat.say('pediatría');
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { patient: 'Laura', context: 'self' });
    assert.equal(chat.state(), 'form.awaitingSpecialty');
    assert.equal(restrictions.length, 0);
  });

  it('offers no pediatrics when nobody the member books for is under 18, and says so plainly when asked for it', async () => {
    const diana = makePatient({ id: 'pat-diana', firstName: 'Diana', birthDate: '1999-07-07' });
    const adultSon = makePatient({ id: 'ben-adult', firstName: 'Julián', birthDate: '2008-11-23' });
    for (const patients of [
      [{ patient: diana, self: true }],
      [
        { patient: diana, self: true },
        { patient: adultSon, self: false },
      ],
    ]) {
      const { chat, restrictions } = await startBooking({ patient: diana, input: { patients } });
      assert.deepEqual(optionValues(chat), ['medicina_general'], String(patients.length));
      await chat.say('pediatría');
      assert.deepEqual(chat.keys(), ['booking.pediatricsNobodyUnder18', 'booking.askSpecialty']);
      assert.deepEqual(optionValues(chat), ['medicina_general']);
      assert.equal(restrictions.length, 0);
      // Named at a later question: why not, and the same question; never "¿Cambio la cita a pediatría?".
      await chat.say('medicina general');
      await chat.say('no, mejor pediatría');
      assert.deepEqual(chat.keys(), ['booking.pediatricsNobodyUnder18', 'booking.askVisitType']);
      assert.equal(chat.lastReplies()[0]?.params?.context, 'kept');
    }
  });

  it('still offers pediatrics to a member booking for herself when one of her beneficiaries is under 18 (and refuses it for her)', async () => {
    const { chat } = await startBooking();
    assert.deepEqual(optionValues(chat), ['medicina_general', 'pediatria']);
    await chat.say('pediatría');
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
  });

  it('refuses pediatrics on the 18th birthday, naming the patient', async () => {
    const { chat, restrictions } = await startBooking({ patient: makePatient({ id: 'pat-adult', firstName: 'Camilo', birthDate: '2008-11-23' }) });
    await chat.say('pediatría');
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { patient: 'Camilo' });
    assert.equal(restrictions.length, 0);
  });

  it('allows pediatrics for a 12-year-old and for the day before the 18th birthday', async () => {
    for (const birthDate of ['2014-05-10', '2008-11-24']) {
      const patient = makePatient({ id: 'pat-child', firstName: 'Mateo', birthDate });
      const { chat, restrictions } = await startBooking({ patient });
      await chat.say('pediatría');
      assert.deepEqual(restrictions, [{ patientId: 'pat-child', specialty: 'pediatria' }], birthDate);
      assert.deepEqual(chat.keys(), ['booking.askVisitType'], birthDate);
    }
  });

  it("pediatrics for a child who turns 18 within the days searched: said first, and searched only before the birthday (against the slot's date, not today)", async () => {
    // TODAY is 2026-11-23: born 2008-11-29, he turns 18 on Sunday 29 November.
    const patient = makePatient({ id: 'pat-teen', firstName: 'Mateo', birthDate: '2008-11-29' });
    const { chat, searches } = await startBooking({ patient, searches: [[]] });
    await chat.say('pediatría');
    await chat.say('primera vez');
    await chat.say('en Suba');
    assert.deepEqual(chat.keys(), ['slots.agesOut', 'booking.askFranja']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { agesOut: '2026-11-29', name: 'Mateo' });
    await chat.say('en la mañana');
    assert.ok(searches.length > 0);
    for (const search of searches) assert.equal(search.before, '2026-11-29');
    // The empty search says what it searched: before the birthday, not the 14 days.
    const offer = chat.lastPrompt();
    assert.equal(offer?.key, 'slots.offerOtherBand');
    assert.equal(offer?.params?.agesOut, '2026-11-29');
    assert.equal(offer?.params?.agesOutName, 'Mateo');
  });

  it('pediatrics for a child whose 18th birthday is past the days searched, and general medicine for one who turns 18 in them, search the whole window', async () => {
    for (const [birthDate, specialty] of [
      ['2008-12-20', 'pediatría'],
      ['2008-11-29', 'medicina general'],
    ] as const) {
      const patient = makePatient({ id: 'pat-teen', firstName: 'Mateo', birthDate });
      const { chat, searches } = await startBooking({ patient });
      await chat.say(specialty);
      await chat.say('primera vez');
      await chat.say('en Suba');
      assert.deepEqual(chat.keys(), ['booking.askFranja'], birthDate);
      await chat.say('en la mañana');
      assert.equal(searches[0]?.before, undefined, birthDate);
    }
  });

  it('pediatrics for a child searches the pediatric CUPS of the visit type', async () => {
    const { chat, searches } = await startBooking({ patient: mateo });
    await answerUpToSlots(chat, { specialty: 'pediatría', visitType: 'control' });
    assert.equal(searches[0]?.cups, '890383');
  });
});

describe('booking: case lock and one appointment per specialty (points 10, 11)', () => {
  it('an open case refuses the booking naming the radicado and the due date', async () => {
    const openCase = makeRissCase({ radicado: 'RISS-2026-004321', dueDate: '2026-11-27' });
    const { chat, restrictions } = await startBooking({ restrictions: { openCase, upcoming: null } });
    await chat.say('medicina general');
    assert.deepEqual(restrictions, [{ patientId: 'pat-1', specialty: 'medicina_general' }]);
    assert.deepEqual(chat.keys(), ['booking.caseOpen']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { radicado: 'RISS-2026-004321', dueDate: '2026-11-27', specialty: 'medicina_general' });
    assert.deepEqual(chat.output(), { outcome: 'refused' });
  });

  it('an appointment of that specialty offers reschedule, cancel or menu, in second person', async () => {
    const upcoming = makeAppointment();
    const { chat } = await startBooking({ restrictions: { openCase: null, upcoming } });
    await chat.say('medicina general');
    assert.deepEqual(chat.keys(), ['booking.alreadyHasOne']);
    assert.equal(chat.lastPrompt()?.expects, 'existing');
    assert.deepEqual(optionValues(chat), ['reschedule', 'cancel', 'menu']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890201',
      start: upcoming.start,
      doctor: 'Dr. Andrés Rojas',
      site: 'KENNEDY',
      patient: 'Laura',
      context: 'self',
    });
  });

  for (const [text, output] of [
    // The appointment offered goes with the switch: the operation does not ask which one again.
    [
      'reprogramar esa cita',
      { outcome: 'switch', operation: 'reschedule', request: { appointmentId: 'apt-1', appointmentConfirmed: true }, booking: { specialty: 'medicina_general' } },
    ],
    ['mejor la cancelo', { outcome: 'switch', operation: 'cancel', request: { appointmentId: 'apt-1', appointmentConfirmed: true }, booking: { specialty: 'medicina_general' } }],
    ['volver al menú', { outcome: 'refused' }],
  ] as const) {
    it(`"${text}" at the existing appointment outputs ${JSON.stringify(output)}`, async () => {
      const { chat } = await startBooking({ restrictions: { openCase: null, upcoming: makeAppointment() } });
      await chat.say('medicina general');
      await chat.say(text);
      assert.deepEqual(chat.keys(), []);
      assert.deepEqual(chat.output(), output);
    });
  }

  it('"ush, entonces no" at the existing appointment keeps it, says so, and outputs refused', async () => {
    const { chat } = await startBooking({ restrictions: { openCase: null, upcoming: makeAppointment() } });
    await chat.say('medicina general');
    await chat.say('ush, entonces no');
    assert.deepEqual(chat.keys(), ['reschedule.leftAsIs']);
    assert.deepEqual(chat.output(), { outcome: 'refused' });
  });

  it('the agenda failing the check says it is unavailable and outputs error', async () => {
    const { chat } = await startBooking({ restrictions: agendaError('UNAVAILABLE') });
    await chat.say('medicina general');
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('booking: visit type, site and band', () => {
  it('asks type, then site, then band, in that order', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    assert.deepEqual(chat.keys(), ['booking.askVisitType']);
    assert.deepEqual(optionValues(chat), ['primera_vez', 'control', 'no_programada']);
    await chat.say('primera vez');
    assert.deepEqual(chat.keys(), ['booking.askSite']);
    await chat.say('suba');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    assert.deepEqual(optionValues(chat), ['manana', 'tarde', 'cualquiera']);
  });

  it('lists every site, the program order when nothing is preferred', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    await chat.say('primera vez');
    assert.deepEqual(
      optionValues(chat),
      SITES.map((s) => s.code),
    );
  });

  it('lists the QR site and the last site used first, once each', async () => {
    const { chat } = await startBooking({ input: { preferredSites: ['CHIA', 'KENNEDY', 'CHIA'] } });
    await chat.say('medicina general');
    await chat.say('primera vez');
    const sites = optionValues(chat) ?? [];
    assert.deepEqual(sites.slice(0, 2), ['CHIA', 'KENNEDY']);
    assert.equal(new Set(sites).size, SITES.length);
    assert.deepEqual(chat.lastPrompt()?.options?.[0], { value: 'CHIA', key: 'options.site', params: { site: 'CHIA' } });
  });

  it('an answer that says more fills more of the form: "medicina general control en Suba" goes to the band', async () => {
    const { chat, restrictions } = await startBooking();
    await chat.say('medicina general control en Suba');
    assert.equal(restrictions.length, 1);
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
  });
});

describe('booking: what the member said before (one-message requests)', () => {
  it('a request with specialty, visit type, site, band and day goes straight to the slots of that day and band', async () => {
    const thursday = slotsOn(THURSDAY, ['14:00', '15:00'], { site: 'KENNEDY' });
    const { chat, restrictions, searches } = await startBooking({
      input: { request: { specialty: 'medicina_general', visitType: 'primera_vez', site: 'KENNEDY', band: 'tarde', day: THURSDAY } },
      searches: [thursday],
    });
    assert.deepEqual(restrictions, [{ patientId: 'pat-1', specialty: 'medicina_general' }]);
    assert.deepEqual(searches, [{ cups: '890201', site: 'KENNEDY', window: 'horizon', franja: 'tarde', day: THURSDAY }]);
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.params?.day, THURSDAY);
    assert.equal(chat.lastPrompt()?.params?.band, 'tarde');
    assert.deepEqual(
      optionValues(chat),
      thursday.map((s) => s.id),
    );
  });

  it('a request with only the specialty and the site asks the visit type, then goes to the band', async () => {
    const { chat } = await startBooking({ input: { request: { specialty: 'medicina_general', site: 'SUBA' } } });
    assert.deepEqual(chat.keys(), ['booking.askVisitType']);
    await chat.say('control');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
  });

  it('a request for pediatrics for an adult is refused before anything is checked', async () => {
    const { chat, restrictions } = await startBooking({ input: { request: { specialty: 'pediatria' } } });
    assert.deepEqual(chat.keys(), ['booking.pediatricsUnder18', 'booking.askSpecialty']);
    assert.equal(restrictions.length, 0);
  });
});

describe('booking: "atrás" goes to the previous question', () => {
  it('from the visit type to the specialty, from the site to the visit type', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    await chat.say('primera vez');
    assert.deepEqual(chat.keys(), ['booking.askSite']);
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['booking.askVisitType']);
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['booking.askSpecialty']);
    await chat.say('pediatría');
    assert.equal(chat.done(), false);
  });

  it('from the band to the site, and the new site is searched', async () => {
    const { chat, searches } = await startBooking();
    await chat.say('medicina general');
    await chat.say('primera vez');
    await chat.say('suba');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['booking.askSite']);
    await chat.say('Kennedy');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    await chat.say('en la tarde');
    assert.equal(searches[0]?.site, 'KENNEDY');
  });

  it('from the slots to the band, and from the confirmation to the slots', async () => {
    const { chat, books } = await startBooking();
    await answerUpToSlots(chat);
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['booking.askFranja']);
    await chat.say('en la tarde');
    await chat.say('la primera');
    assert.deepEqual(chat.keys(), ['booking.confirm']);
    await chat.say('atrás');
    assert.equal(chat.keys().at(-1), 'slots.ask');
    assert.equal(books.length, 0);
  });

  it('from the specialty, the first question, it outputs back', async () => {
    const { chat } = await startBooking();
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });
});

describe('booking: another specialty mid-flow', () => {
  it('"no mejor pediatría" at the visit type asks before switching; yes checks pediatrics and goes on', async () => {
    const { chat, restrictions } = await startBooking({ patient: mateo });
    await chat.say('medicina general');
    await chat.say('no mejor pediatría');
    assert.deepEqual(chat.keys(), ['booking.confirmSpecialtySwitch']);
    assert.deepEqual(chat.lastPrompt()?.params, { specialty: 'pediatria' });
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    await chat.say('sí');
    assert.deepEqual(
      restrictions.map((r) => r.specialty),
      ['medicina_general', 'pediatria'],
    );
    assert.deepEqual(chat.keys(), ['booking.askVisitType']);
  });

  it('no to the switch goes back to the question it was asked at', async () => {
    const { chat, restrictions } = await startBooking({ patient: mateo });
    await chat.say('medicina general');
    await chat.say('primera vez');
    await chat.say('no mejor pediatría');
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['booking.askSite']);
    assert.equal(restrictions.length, 1);
  });

  it('"no mejor pediatría" at the slots asks before switching; yes keeps the visit type, the site and the band', async () => {
    const { chat, restrictions, searches } = await startBooking({ patient: mateo });
    await answerUpToSlots(chat, { visitType: 'control', band: 'en la tarde' });
    await chat.say('no mejor pediatría');
    assert.deepEqual(chat.keys(), ['booking.confirmSpecialtySwitch']);
    await chat.say('sí');
    assert.equal(restrictions.at(-1)?.specialty, 'pediatria');
    assert.deepEqual(searches.at(-1), { cups: '890383', site: 'SUBA', window: 'horizon', franja: 'tarde' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('no to the switch asked at the slots goes back to the slots', async () => {
    const answered = await startBooking({ patient: mateo });
    await answerUpToSlots(answered.chat);
    await answered.chat.say('no mejor pediatría');
    await answered.chat.say('no');
    assert.equal(answered.chat.keys().at(-1), 'slots.ask');

    const requested = await startBooking({ patient: mateo, input: { request: { specialty: 'medicina_general', visitType: 'primera_vez', site: 'SUBA', band: 'manana' } } });
    await requested.chat.say('no mejor pediatría');
    await requested.chat.say('no');
    assert.equal(requested.chat.keys().at(-1), 'slots.ask');
  });

  it('"no mejor pediatría" at the confirmation asks before switching too', async () => {
    const { chat, books } = await startBooking({ patient: mateo });
    await answerUpToConfirmation(chat);
    await chat.say('no mejor pediatría');
    assert.deepEqual(chat.keys(), ['booking.confirmSpecialtySwitch']);
    assert.equal(books.length, 0);
  });
});

describe('booking: another patient mid-flow', () => {
  it('"no, es para Sofía" at the visit type ends with the message and what was asked so far', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    await chat.say('no, es para Sofía');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.understood.entities.patients : undefined, [{ kind: 'name', name: 'sofia', written: 'Sofía' }]);
    assert.deepEqual(output?.outcome === 'revise' ? output.request : undefined, { specialty: 'medicina_general' });
  });

  it('naming another patient at the slots or at the confirmation ends the same way, keeping the request', async () => {
    for (const upTo of [answerUpToSlots, answerUpToConfirmation]) {
      const { chat, books } = await startBooking();
      await upTo(chat);
      await chat.say('espere, es para Mateo');
      const output = chat.output();
      assert.equal(output?.outcome, 'revise', upTo.name);
      // The time chosen so far stays too, for the search made for the other patient.
      assert.deepEqual(
        output?.outcome === 'revise' ? output.request : undefined,
        { specialty: 'medicina_general', visitType: 'primera_vez', site: 'SUBA', band: 'manana' },
        upTo.name,
      );
      assert.equal(books.length, 0);
    }
  });

  it('"cambiar paciente" at the specialty ends the same way', async () => {
    const { chat } = await startBooking();
    await chat.say('cambiar paciente');
    assert.equal(chat.output()?.outcome, 'revise');
  });
});

describe('booking: the first search (contract point 9)', () => {
  it('"control" with the treating doctor at the chosen site: the slot finder starts with that doctor', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'control', site: 'suba', band: 'en la tarde' });
    assert.deepEqual(chat.contextOf('slotFinder')?.treatingDoctor, { id: 'doc-treating', name: 'Dr. Felipe Castro' });
    assert.deepEqual(searches, [{ cups: '890301', site: 'SUBA', franja: 'tarde', doctorId: 'doc-treating', window: 'horizon' }]);
  });

  it('"control" at a site where the treating doctor does not work: any doctor', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'control', site: 'Kennedy' });
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(searches, [{ cups: '890301', site: 'KENNEDY', franja: 'manana', window: 'horizon' }]);
  });

  it('"control" of a specialty the treating doctor does not practise: any doctor', async () => {
    const patient = makePatient({
      birthDate: '2014-05-10',
      treatingDoctors: [{ specialty: 'medicina_general', doctorId: 'doc-treating', doctorName: 'Dr. Felipe Castro', site: 'SUBA' }],
    });
    const { chat, searches } = await startBooking({ patient });
    await answerUpToSlots(chat, { specialty: 'pediatría', visitType: 'control' });
    assert.equal(searches[0]?.doctorId, undefined);
  });

  it('"primera vez": any doctor even where the treating doctor works', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat);
    assert.equal(chat.contextOf('slotFinder')?.treatingDoctor, undefined);
    assert.deepEqual(searches, [{ cups: '890201', site: 'SUBA', franja: 'manana', window: 'horizon' }]);
  });

  it('"no programada" searches today and the next working day only', async () => {
    const { chat, searches } = await startBooking();
    await answerUpToSlots(chat, { visitType: 'no programada', band: 'cualquiera' });
    assert.deepEqual(searches, [{ cups: '89020110', site: 'SUBA', window: 'todayAndNextWorkingDay' }]);
  });

  it('"¿no hay en otra sede?" at the case offer lists the other sites, keeps the band, and searches the site chosen', async () => {
    const { chat, searches, cases } = await startBooking({ searches: [[], makeSlots(2)] });
    await answerUpToSlots(chat, { site: 'suba', band: 'en la tarde' });
    // The morning declined: the afternoon stays what is searched.
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('y no hay en otra sede cerquita?');
    assert.deepEqual(chat.keys(), ['booking.otherSites', 'booking.askSite']);
    const sites = chat.lastPrompt()?.options?.map((o) => o.value);
    assert.equal(sites?.includes('SUBA'), false);
    assert.equal(sites?.length, 8);
    await chat.say('kennedy');
    assert.deepEqual(searches.at(-1), { cups: '890201', site: 'KENNEDY', franja: 'tarde', window: 'horizon' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(cases.length, 0);
  });

  it('a site named at the case offer ("¿y en Kennedy no hay?") searches it, saying so', async () => {
    const { chat, searches, cases } = await startBooking({ searches: [[], makeSlots(2)] });
    await answerUpToSlots(chat, { site: 'suba', band: 'cualquiera' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('y en kennedy no hay?');
    assert.deepEqual(chat.keys(), ['booking.searchRevised', 'slots.ask']);
    assert.deepEqual(searches.at(-1), { cups: '890201', site: 'KENNEDY', window: 'horizon' });
    assert.equal(cases.length, 0);
  });

  it('relays the slot finder\'s question, and repeats it after "ayuda"', async () => {
    const { chat } = await startBooking({ searches: [makeSlots(4)] });
    await answerUpToSlots(chat);
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.options?.length, 4);
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'slots.ask']);
    assert.equal(chat.state(), 'takingSlot.findingSlot.awaitingSlot');
  });
});

describe('booking: confirmation and booking', () => {
  it('shows a summary of the slot picked, in second person for the member', async () => {
    const slots = makeSlots(2);
    const { chat } = await startBooking({ searches: [slots] });
    await answerUpToSlots(chat);
    await chat.say('la segunda');
    assert.deepEqual(chat.keys(), ['booking.confirm']);
    assert.deepEqual(chat.lastPrompt()?.params, {
      service: '890201',
      start: slots[1]?.start,
      doctor: 'Dra. Marta Salazar',
      site: 'SUBA',
      patient: 'Laura',
      context: 'self',
    });
  });

  it('for a beneficiary the texts name the patient', async () => {
    const { chat } = await startBooking({ patient: mateo });
    await answerUpToConfirmation(chat);
    assert.deepEqual(chat.lastPrompt()?.params?.patient, 'Mateo');
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.lastReplies()[0]?.params?.patient, 'Mateo');
    assert.equal(chat.lastReplies()[0]?.params?.context, undefined);
  });

  it('yes books the slot with an idempotency key of this conversation, then says the details', async () => {
    const { chat, books } = await startBooking();
    const slotId = await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.equal(books.length, 1);
    assert.equal(books[0]?.patientId, 'pat-1');
    assert.equal(books[0]?.slotId, slotId);
    assert.equal(books[0]?.cups, '890201');
    assert.ok(books[0]?.idempotencyKey.startsWith('conv-1:book:'), books[0]?.idempotencyKey);
    assert.deepEqual(chat.keys(), ['booking.booked']);
    assert.equal(chat.lastReplies()[0]?.params?.context, 'self');
    const output = chat.output();
    assert.equal(output?.outcome, 'booked');
    assert.equal(output?.outcome === 'booked' ? output.appointment.id : undefined, `apt-${slotId}`);
  });

  it('no books nothing and goes back to the slots', async () => {
    const { chat, books } = await startBooking();
    await answerUpToConfirmation(chat);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['slots.notConfirmed', 'slots.ask']);
    assert.equal(chat.done(), false);
    assert.equal(books.length, 0);
  });

  it('"sí pero el jueves" asks which of the two it means', async () => {
    const { chat, books } = await startBooking();
    await answerUpToConfirmation(chat);
    await chat.say('sí pero el jueves');
    assert.deepEqual(chat.keys(), ['booking.clarifyYesBut']);
    assert.equal(books.length, 0);
  });

  it('SLOT_TAKEN: says the slot was taken and shows fresh slots of the same search', async () => {
    const fresh = makeSlots(2);
    const { chat, searches } = await startBooking({ searches: [makeSlots(3), fresh], bookings: [agendaError('SLOT_TAKEN'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['slots.slotTaken', 'slots.ask']);
    assert.deepEqual(searches[1], searches[0]);
    assert.deepEqual(
      optionValues(chat),
      fresh.map((s) => s.id),
    );
  });

  it('TIMEOUT: asks whether to retry, and the retry books with the SAME idempotency key', async () => {
    const { chat, books } = await startBooking({ bookings: [agendaError('TIMEOUT'), 'ok'] });
    await answerUpToConfirmation(chat);
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['booking.askRetry']);
    await chat.say('sí');
    assert.deepEqual(books[1], books[0]);
    assert.equal(chat.output()?.outcome, 'booked');
  });
});

describe('booking: what taking a slot ends in', () => {
  it("a filed RISS case (member email on file) is the booking's output", async () => {
    const rissCase = makeRissCase();
    const { chat, cases } = await startBooking({ searches: [[]], filed: rissCase });
    await answerUpToSlots(chat, { band: 'cualquiera' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('sí');
    assert.equal(cases[0]?.email, 'laura.gomez@example.com');
    assert.equal(cases[0]?.cups, '890201');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('declining the case outputs abandoned', async () => {
    const { chat } = await startBooking({ searches: [[]] });
    await answerUpToSlots(chat, { band: 'cualquiera' });
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['riss.declined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('the no-availability milestone travels up with the replies', async () => {
    const { chat } = await startBooking({ searches: [[]] });
    await answerUpToSlots(chat, { band: 'cualquiera' });
    assert.deepEqual(chat.records, [{ type: 'milestone', milestone: 'no-availability' }]);
  });

  it('a failed search outputs error', async () => {
    const { chat } = await startBooking({ searches: [agendaError('UNAVAILABLE')] });
    await answerUpToSlots(chat);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('booking: misunderstandings, help and small talk', () => {
  it('offers help once, on the third answer in a row it cannot read, repeating the question each time', async () => {
    const { chat } = await startBooking();
    // (A service Lina does not book, "odontología", is no miss: the engine says so, and the question follows.)
    await chat.say('odontología');
    assert.deepEqual(chat.keys(), ['booking.askSpecialty']);
    await chat.say('la de siempre');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSpecialty']);
    await chat.say('mmm');
    assert.deepEqual(chat.keys(), ['common.notUnderstoodAgain', 'booking.askSpecialty']);
    await chat.say('???');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp.options', 'booking.askSpecialty']);
    await chat.say('ehh');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSpecialty']);
    assert.equal(chat.state(), 'form.awaitingSpecialty');
  });

  it('a new question starts the count again', async () => {
    const { chat } = await startBooking();
    await chat.say('odontología');
    await chat.say('ortopedia');
    await chat.say('medicina general');
    await chat.say('??');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askVisitType']);
  });

  it('"ayuda" gives the support line, then the pending question again', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'booking.askVisitType']);
    assert.equal(chat.state(), 'form.awaitingVisitType');
  });

  it('a greeting or thanks is answered kindly, then the pending question again', async () => {
    const { chat } = await startBooking();
    await chat.say('medicina general');
    await chat.say('hola');
    assert.deepEqual(chat.keys(), ['common.greetAgain', 'booking.askVisitType']);
    await chat.say('muchas gracias');
    assert.deepEqual(chat.keys(), ['common.youAreWelcome', 'booking.askVisitType']);
  });
});
