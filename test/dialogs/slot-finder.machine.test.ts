import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RissCase, Slot } from '../../bot/domain.js';
import {
  slotFinderMachine,
  type CreateCaseInput,
  type SearchSlotsInput,
  type SlotFinderInput,
} from '../../dialogs/slot-finder.machine.js';
import { agendaError, makePatient, makeRissCase, makeSlots, scripted, startDialog } from './harness.js';

const TREATING = { id: 'doc-treating', name: 'Dr. Felipe Castro' };

function finderInput(overrides: Partial<SlotFinderInput> = {}): SlotFinderInput {
  return {
    conversationId: 'conv-1',
    patient: makePatient(),
    memberEmail: 'laura.gomez@example.com',
    cups: '890201',
    specialty: 'medicina_general',
    site: 'SUBA',
    franja: 'manana',
    window: 'horizon',
    ...overrides,
  };
}

/**
 * A slot finder whose searches answer from `searches` (one per call, the last repeating) and
 * whose case filing answers `filed` (or rejects with it).
 */
async function startFinder(options: {
  input?: Partial<SlotFinderInput>;
  searches: Array<Slot[] | Error>;
  filed?: RissCase | Error;
}) {
  const search = scripted<Slot[], SearchSlotsInput>(...options.searches);
  const createCase = scripted<RissCase, CreateCaseInput>(options.filed ?? makeRissCase());
  const machine = slotFinderMachine.provide({ actors: { searchSlots: search.logic, createCase: createCase.logic } });
  const chat = await startDialog(machine, finderInput(options.input));
  return { chat, searches: search.calls, cases: createCase.calls };
}

/** The search every test starts from: medicina general, primera vez, at SUBA. */
const BASE_SEARCH = { cups: '890201', site: 'SUBA', window: 'horizon' } as const;

describe('slot finder: slots found', () => {
  it('shows at most five slots as numbered options, in the order the agenda gave them', async () => {
    const slots = makeSlots(7);
    const { chat, searches } = await startFinder({ searches: [slots] });

    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['booking.askSlot']);
    const prompt = chat.lastPrompt();
    assert.equal(prompt?.params?.count, 5);
    assert.deepEqual(
      prompt?.options?.map((o) => o.value),
      slots.slice(0, 5).map((s) => s.id),
    );
    assert.deepEqual(prompt?.options?.[0], {
      value: slots[0]?.id,
      key: 'options.slot',
      params: { start: slots[0]?.start, doctor: 'Dra. Marta Salazar', site: 'SUBA' },
    });
    assert.equal(chat.done(), false);
  });

  it('shows fewer options when fewer slots were found', async () => {
    const slots = makeSlots(2);
    const { chat } = await startFinder({ searches: [slots] });
    assert.equal(chat.lastPrompt()?.options?.length, 2);
    assert.equal(chat.lastPrompt()?.params?.count, 2);
  });

  it('outputs the slot the member picked', async () => {
    const slots = makeSlots(3);
    const { chat } = await startFinder({ searches: [slots] });
    await chat.say('2', slots[1]?.id);
    assert.deepEqual(chat.keys(), []);
    // The choosing message seeds the key of whatever the parent does with the slot.
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: slots[1], chosenBy: chat.lastMessageId() });
  });

  it('does not take an answer that is none of the slots shown, and shows them again', async () => {
    const slots = makeSlots(6);
    const { chat } = await startFinder({ searches: [slots] });
    await chat.say('7', slots[5]?.id); // found, but not among the five shown
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSlot']);
    await chat.say('el jueves');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'booking.askSlot']);
    assert.equal(chat.done(), false);
  });

  it('answers HELP with the support line and the slots again', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'booking.askSlot']);
    assert.equal(chat.lastPrompt()?.options?.length, 3);
  });
});

describe('slot finder: ladder (a), a band was given and any doctor searched', () => {
  it('offers the other band when the first search finds nothing', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['slots.offerOtherFranja']);
    assert.equal(chat.lastPrompt()?.params?.franja, 'manana');
    assert.equal(chat.lastPrompt()?.params?.other, 'tarde');
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
  });

  it('offers the morning when the afternoon was asked', async () => {
    const { chat } = await startFinder({ input: { franja: 'tarde' }, searches: [[]] });
    assert.equal(chat.lastPrompt()?.params?.other, 'manana');
  });

  it('yes, and the other band has slots: searches it (still any doctor) and shows them', async () => {
    const slots = makeSlots(2);
    const { chat, searches } = await startFinder({ searches: [[], slots] });
    await chat.say('sí', 'yes');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde' });
    assert.equal('doctorId' in (searches[1] ?? {}), false);
    assert.deepEqual(chat.keys(), ['booking.askSlot']);
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), slots.map((s) => s.id));
  });

  it('yes, and the other band is empty too: offers a RISS case, no other-doctor step', async () => {
    const { chat, searches } = await startFinder({ searches: [[], []] });
    await chat.say('sí', 'yes');
    assert.equal(searches.length, 2);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.site, 'SUBA');
    assert.deepEqual(chat.lastPrompt()?.options?.map((o) => o.value), ['yes', 'no']);
  });

  it('no: offers a RISS case without searching again', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    await chat.say('no', 'no');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['riss.offer']);
  });

  it('asks again when the yes/no answer is not understood', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    await chat.say('quizás');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'slots.offerOtherFranja']);
    assert.equal(searches.length, 1);
  });
});

describe('slot finder: ladder (b), the first search was limited to the treating doctor', () => {
  it('goes other band (with the doctor) → other doctor (any doctor, any band) → RISS', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[], [], []] });
    assert.deepEqual(searches[0], { ...BASE_SEARCH, franja: 'manana', doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherFranjaWithDoctor']);
    assert.equal(chat.lastPrompt()?.params?.doctor, 'Dr. Felipe Castro');
    assert.equal(chat.lastPrompt()?.params?.other, 'tarde');

    await chat.say('sí', 'yes');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde', doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.doctor, 'Dr. Felipe Castro');
    assert.equal(chat.lastPrompt()?.params?.site, 'SUBA');

    await chat.say('sí', 'yes');
    assert.deepEqual(searches[2], { ...BASE_SEARCH });
    assert.equal('doctorId' in (searches[2] ?? {}), false);
    assert.equal('franja' in (searches[2] ?? {}), false);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(searches.length, 3);
  });

  it('no to the other band still offers the other doctor, and that search can find slots', async () => {
    const slots = makeSlots(3, { doctor: { id: 'doc-suba-2', name: 'Dr. Otro' } });
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[], slots] });
    await chat.say('no', 'no');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    await chat.say('dale', 'yes');
    assert.deepEqual(searches[1], { ...BASE_SEARCH });
    assert.deepEqual(chat.keys(), ['booking.askSlot']);
    await chat.say('1', slots[0]?.id);
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: slots[0], chosenBy: chat.lastMessageId() });
  });

  it('no to the other doctor offers the RISS case', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[]] });
    await chat.say('no', 'no');
    await chat.say('no', 'no');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['riss.offer']);
  });

  it('with band "cualquiera" skips the band step and offers the other doctor first', async () => {
    const { chat, searches } = await startFinder({
      input: { treatingDoctor: TREATING, franja: 'cualquiera' },
      searches: [[]],
    });
    assert.deepEqual(searches[0], { ...BASE_SEARCH, doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
  });
});

describe('slot finder: ladder (c), band "cualquiera" and any doctor', () => {
  it('goes straight to the RISS offer', async () => {
    const { chat, searches } = await startFinder({ input: { franja: 'cualquiera' }, searches: [[]] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH }]);
    assert.deepEqual(chat.keys(), ['riss.offer']);
  });
});

describe('slot finder: RISS case', () => {
  const noSlots = { input: { franja: 'cualquiera' as const }, searches: [[] as Slot[]] };

  it('no: says so and outputs abandoned without filing', async () => {
    const { chat, cases } = await startFinder(noSlots);
    await chat.say('no', 'no');
    assert.deepEqual(chat.keys(), ['riss.declined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(cases.length, 0);
  });

  it('yes with an email on file: files the case to that email with an idempotency key, and says the radicado', async () => {
    const rissCase = makeRissCase();
    const { chat, cases } = await startFinder({ ...noSlots, filed: rissCase });
    await chat.say('sí', 'yes');
    assert.deepEqual(cases, [
      {
        patientId: 'pat-1',
        specialty: 'medicina_general',
        cups: '890201',
        site: 'SUBA',
        email: 'laura.gomez@example.com',
        // Fixed from the start, per patient and specialty: a crash or a retry never files twice.
        idempotencyKey: 'conv-1:case:pat-1:medicina_general',
      },
    ]);
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.lastReplies()[0]?.params, {
      radicado: 'RISS-2026-000123',
      dueDate: '2026-11-30',
      email: 'laura.gomez@example.com',
    });
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('yes without an email on file: asks for one, rejects an unreadable one, files with a readable one', async () => {
    const rissCase = makeRissCase({ email: 'laura@example.com' });
    const { chat, cases } = await startFinder({
      input: { franja: 'cualquiera', memberEmail: undefined },
      searches: [[]],
      filed: rissCase,
    });
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['riss.askEmail']);
    assert.equal(cases.length, 0);

    await chat.say('laura arroba example');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.askEmail']);
    assert.equal(cases.length, 0);
    assert.equal(chat.done(), false);

    await chat.say('  Laura@Example.com ');
    assert.equal(cases.length, 1);
    assert.equal(cases[0]?.email, 'laura@example.com');
    // The key belongs to the case (patient and specialty), not to the message that carried the email.
    assert.equal(cases[0]?.idempotencyKey, 'conv-1:case:pat-1:medicina_general');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.equal(chat.lastReplies()[0]?.params?.email, 'laura@example.com');
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it('a case already open (CONFLICT): says so and outputs abandoned', async () => {
    const { chat, cases } = await startFinder({ ...noSlots, filed: agendaError('CONFLICT') });
    await chat.say('sí', 'yes');
    assert.equal(cases.length, 1);
    assert.deepEqual(chat.keys(), ['riss.alreadyOpen']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('filing fails for another reason: agenda unavailable, output error', async () => {
    const { chat } = await startFinder({ ...noSlots, filed: agendaError('UNAVAILABLE') });
    await chat.say('sí', 'yes');
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('HELP while asking the email gives the support line and asks the email again', async () => {
    const { chat, cases } = await startFinder({ input: { franja: 'cualquiera', memberEmail: undefined }, searches: [[]] });
    await chat.say('sí', 'yes');
    await chat.help();
    assert.deepEqual(chat.keys(), ['help.support', 'riss.askEmail']);
    assert.equal(cases.length, 0);
  });

  it('offers help on the third answer in a row it does not understand', async () => {
    const { chat } = await startFinder(noSlots);
    await chat.say('mmm');
    await chat.say('pues');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'riss.offer']);
    await chat.say('no sé');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp', 'riss.offer']);
  });

  it('asks again when the offer is answered with something else', async () => {
    const { chat, cases } = await startFinder(noSlots);
    await chat.say('no sé');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'riss.offer']);
    assert.equal(cases.length, 0);
  });
});

describe('slot finder: agenda errors', () => {
  it('a failed first search says the agenda is unavailable and outputs error', async () => {
    const { chat } = await startFinder({ searches: [agendaError('UNAVAILABLE')] });
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('a failed search further down the ladder does the same', async () => {
    const { chat, searches } = await startFinder({ searches: [[], agendaError('TIMEOUT')] });
    await chat.say('sí', 'yes');
    assert.equal(searches.length, 2);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});
