import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { RissCase, Slot } from '../../bot/domain.js';
import {
  slotFinderMachine,
  type AvailableDay,
  type AvailableDaysInput,
  type CreateCaseInput,
  type SearchSlotsInput,
  type SlotFinderInput,
} from '../../dialogs/slot-finder.machine.js';
import type { Reply } from '../../dialogs/replies.js';
import { createFakeAgenda } from '../fakes/agenda.fake.js';
import { makeRenderer } from '../fakes/chat.js';
import { THURSDAY, TUESDAY, WEDNESDAY, agendaActors, agendaError, family, makePatient, makeRissCase, makeSlots, scripted, slotsOn, startDialog } from './harness.js';

const TREATING = { id: 'doc-treating', name: 'Dr. Felipe Castro' };
const laura = makePatient();

function finderInput(overrides: Partial<SlotFinderInput> = {}): SlotFinderInput {
  return {
    conversationId: 'conv-1',
    patient: laura,
    patients: family(laura),
    memberEmail: 'laura.gomez@example.com',
    cups: '890201',
    specialty: 'medicina_general',
    site: 'SUBA',
    band: 'manana',
    window: 'horizon',
    ...overrides,
  };
}

/**
 * A slot finder whose searches answer from `searches` (one per call, the last repeating), whose
 * day lists answer from `days`, and whose case filing answers `filed` (or rejects with it).
 */
async function startFinder(options: { input?: Partial<SlotFinderInput>; searches: Array<Slot[] | Error>; days?: Array<AvailableDay[] | Error>; filed?: RissCase | Error }) {
  const search = scripted<Slot[], SearchSlotsInput>(...options.searches);
  const days = scripted<AvailableDay[], AvailableDaysInput>(...(options.days ?? [[]]));
  const createCase = scripted<RissCase, CreateCaseInput>(options.filed ?? makeRissCase());
  const machine = slotFinderMachine.provide({ actors: { searchSlots: search.logic, availableDays: days.logic, createCase: createCase.logic } });
  const chat = await startDialog(machine, finderInput(options.input));
  return { chat, searches: search.calls, dayLists: days.calls, cases: createCase.calls };
}

/** A slot finder over the in-memory agenda holding `slots`: pages and day lists as the engine gets them. */
async function startFinderOnAgenda(slots: Slot[], input: Partial<SlotFinderInput> = {}) {
  const agenda = createFakeAgenda({ slots });
  const actors = agendaActors(agenda);
  const machine = slotFinderMachine.provide({
    actors: { searchSlots: actors.searchSlots.logic, availableDays: actors.availableDays.logic, createCase: actors.createCase.logic },
  });
  const chat = await startDialog(machine, finderInput(input));
  return { chat, searches: actors.searchSlots.calls, dayLists: actors.availableDays.calls };
}

/** The search every test starts from: medicina general, primera vez, at SUBA. */
const BASE_SEARCH = { cups: '890201', site: 'SUBA', window: 'horizon' } as const;

const optionValues = (chat: { lastPrompt(): { options?: Array<{ value: string }> } | undefined }) => chat.lastPrompt()?.options?.map((o) => o.value);

describe('slot finder: the slots found', () => {
  it('shows at most five slots as numbered options, in the order the agenda gave them, the site said by the question', async () => {
    const slots = makeSlots(7);
    const { chat, searches } = await startFinder({ searches: [slots] });

    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['slots.ask']);
    const prompt = chat.lastPrompt();
    assert.equal(prompt?.expects, 'slot');
    assert.equal(prompt?.params?.count, 5);
    assert.equal(prompt?.params?.band, 'manana');
    assert.equal(prompt?.params?.site, 'SUBA');
    assert.deepEqual(
      optionValues(chat),
      slots.slice(0, 5).map((s) => s.id),
    );
    assert.deepEqual(prompt?.options?.[0], {
      value: slots[0]?.id,
      key: 'options.slot',
      params: { start: slots[0]?.start, doctor: 'Dra. Marta Salazar' },
    });
    assert.equal(chat.done(), false);
  });

  it('shows fewer options when fewer slots were found', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(2)] });
    assert.equal(chat.lastPrompt()?.options?.length, 2);
    assert.equal(chat.lastPrompt()?.params?.count, 2);
  });

  it('"la dos" outputs the second slot, the message that chose it and the search that found it', async () => {
    const slots = makeSlots(3);
    const { chat } = await startFinder({ searches: [slots] });
    await chat.say('la dos');
    assert.deepEqual(chat.keys(), []);
    // The choosing message seeds the key of whatever the parent does with the slot.
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: slots[1], chosenBy: chat.lastMessageId(), search: { band: 'manana' } });
  });

  it('"la de las 7:40" picks the slot shown at that time', async () => {
    const slots = slotsOn(TUESDAY, ['07:00', '07:20', '07:40']);
    const { chat } = await startFinder({ searches: [slots] });
    await chat.say('la de las 7:40');
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: slots[2], chosenBy: chat.lastMessageId(), search: { band: 'manana' } });
  });

  it('does not take a number beyond the slots shown, and shows them again', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('la siete');
    // (Said to be out of the list, with how many there are: member testing round 7.)
    assert.deepEqual(chat.keys(), ['common.numberOutOfRange', 'slots.ask']);
    assert.equal(chat.done(), false);
  });

  it('"ninguna me sirve" says the ways on and shows the slots again, without counting a miss', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('ninguna me sirve');
    assert.deepEqual(chat.keys(), ['slots.noneFits', 'slots.ask']);
    await chat.say('mmm');
    await chat.say('ehh');
    // The second miss in a row (the "ninguna" was none): other, shorter words.
    assert.deepEqual(chat.keys(), ['common.notUnderstoodAgain', 'slots.ask']);
  });

  it('answers "ayuda" with the support line and the slots again', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'slots.ask']);
    assert.equal(chat.lastPrompt()?.options?.length, 3);
  });

  it('answers a greeting and thanks kindly, then shows the slots again', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('hola');
    assert.deepEqual(chat.keys(), ['common.greetAgain', 'slots.ask']);
    await chat.say('gracias');
    assert.deepEqual(chat.keys(), ['common.youAreWelcome', 'slots.ask']);
    assert.equal(chat.state(), 'awaitingSlot');
  });

  it('offers help once, on the third answer in a row it cannot read, worded for a list of options', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('mmm');
    await chat.say('ehh');
    assert.deepEqual(chat.keys(), ['common.notUnderstoodAgain', 'slots.ask']);
    await chat.say('???');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp.options', 'slots.ask']);
    await chat.say('???');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'slots.ask']);
  });

  it('"atrás" at the slots outputs back', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('atrás');
    assert.deepEqual(chat.output(), { outcome: 'back' });
  });
});

describe('slot finder: more times', () => {
  /** Twelve morning slots on Tuesday, two on Wednesday, and afternoon ones nobody asked for. */
  const agendaSlots = () => [
    ...slotsOn(TUESDAY, ['07:00', '07:20', '07:40', '08:00', '08:20', '08:40', '09:00', '09:20', '09:40', '10:00', '10:20', '10:40']),
    ...slotsOn(WEDNESDAY, ['07:00', '07:20']),
    ...slotsOn(TUESDAY, ['14:00', '14:20']),
  ];

  it('"más horarios" shows the next slots of the same search, none repeated', async () => {
    const slots = agendaSlots();
    const { chat, searches } = await startFinderOnAgenda(slots);
    const firstPage = optionValues(chat) ?? [];
    assert.deepEqual(
      firstPage,
      slots.slice(0, 5).map((s) => s.id),
    );

    await chat.say('más horarios');
    assert.deepEqual(chat.keys(), ['slots.ask']);
    const secondPage = optionValues(chat) ?? [];
    assert.deepEqual(
      secondPage,
      slots.slice(5, 10).map((s) => s.id),
    );
    assert.deepEqual(searches[1]?.after, { start: slots[4]?.start, ids: [slots[4]?.id] });
    assert.equal(searches[1]?.franja, 'manana');

    await chat.say('muéstreme más');
    const thirdPage = optionValues(chat) ?? [];
    assert.deepEqual(
      thirdPage,
      slots.slice(10, 14).map((s) => s.id),
    );
    const shown = [...firstPage, ...secondPage, ...thirdPage];
    assert.equal(new Set(shown).size, shown.length, 'no slot is shown twice');
  });

  it('when no more times follow, says so and lists the days that have slots', async () => {
    const slots = slotsOn(TUESDAY, ['07:00', '07:20', '07:40']);
    const { chat, dayLists } = await startFinderOnAgenda(slots);
    await chat.say('más horarios');
    assert.deepEqual(chat.keys(), ['slots.noMoreTimes', 'slots.askDay']);
    assert.equal(chat.lastReplies()[0]?.params?.band, 'manana');
    assert.deepEqual(dayLists, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.lastPrompt()?.options, [{ value: TUESDAY, key: 'options.day', params: { day: TUESDAY, count: 3 } }]);
  });

  it('the slot picked on a later page is the one output', async () => {
    const slots = agendaSlots();
    const { chat } = await startFinderOnAgenda(slots);
    await chat.say('más horarios');
    await chat.say('la primera');
    const output = chat.output();
    assert.equal(output?.outcome === 'slot' ? output.slot.id : output?.outcome, slots[5]?.id);
  });
});

describe('slot finder: a day, a band or a time named at the slots', () => {
  it('"el jueves" searches that day in the same band, and the list says the day', async () => {
    const thursday = slotsOn(THURSDAY, ['07:00', '09:00']);
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), thursday] });
    await chat.say('el jueves');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', day: THURSDAY });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.params?.day, THURSDAY);
    assert.equal(chat.lastPrompt()?.params?.context, 'day');
    assert.deepEqual(
      optionValues(chat),
      thursday.map((s) => s.id),
    );
    await chat.say('la segunda');
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: thursday[1], chosenBy: chat.lastMessageId(), search: { band: 'manana', day: THURSDAY } });
  });

  it('"el jueves en la tarde" searches that day in that band', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(THURSDAY, ['14:00'])] });
    await chat.say('el jueves en la tarde');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde', day: THURSDAY });
    assert.equal(chat.lastPrompt()?.params?.band, 'tarde');
  });

  it('a day without slots says so (its day and band) and lists the days that have them', async () => {
    const days = [
      { day: TUESDAY, slots: 3 },
      { day: WEDNESDAY, slots: 1 },
    ];
    const { chat, dayLists } = await startFinder({ searches: [makeSlots(3), []], days: [days] });
    await chat.say('el jueves');
    assert.deepEqual(chat.keys(), ['slots.dayEmpty', 'slots.askDay']);
    assert.equal(chat.lastReplies()[0]?.params?.day, THURSDAY);
    assert.equal(chat.lastReplies()[0]?.params?.band, 'manana');
    // The days are those of the whole search, not of the empty day (named, so that a day beyond the window gets the window's last days).
    assert.deepEqual(dayLists, [{ ...BASE_SEARCH, franja: 'manana', askedDay: THURSDAY }]);
    assert.equal(chat.lastPrompt()?.expects, 'day');
    assert.deepEqual(chat.lastPrompt()?.options, [
      { value: TUESDAY, key: 'options.day', params: { day: TUESDAY, count: 3 } },
      { value: WEDNESDAY, key: 'options.day', params: { day: WEDNESDAY, count: 1 } },
    ]);
  });

  it('a day beyond the window says how far the agenda opens and lists its last days', async () => {
    const days = [
      { day: TUESDAY, slots: 3, beyondWindow: true as const },
      { day: WEDNESDAY, slots: 1, beyondWindow: true as const },
    ];
    const { chat } = await startFinder({ searches: [makeSlots(3), []], days: [days] });
    await chat.say('el jueves');
    assert.deepEqual(chat.keys(), ['slots.beyondWindow', 'slots.askDay']);
    assert.equal(chat.lastReplies()[0]?.params?.day, THURSDAY);
    assert.deepEqual(
      chat.lastPrompt()?.options?.map((option) => option.value),
      [TUESDAY, WEDNESDAY],
    );
  });

  it('"en la tarde" searches the afternoon from the first page', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(TUESDAY, ['14:00'])] });
    await chat.say('mejor en la tarde');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde' });
    assert.equal(chat.lastPrompt()?.params?.band, 'tarde');
  });

  it('"después de las 10" searches from that time on', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(TUESDAY, ['10:00'])] });
    await chat.say('después de las 10');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', fromTime: '10:00' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('"¿hay algo más temprano?" on the first slots says these are the earliest, searching nothing', async () => {
    const { chat, searches } = await startFinder({ searches: [slotsOn(TUESDAY, ['07:00', '07:20'])] });
    await chat.say('hay algo mas temprano? es que a esa hora tengo que recoger a los niños');
    assert.deepEqual(chat.keys(), ['slots.noneEarlier', 'slots.ask']);
    assert.equal(searches.length, 1);
  });

  it('"¿algo más temprano?" after "después de las 10" searches from the start again', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(TUESDAY, ['10:00']), slotsOn(TUESDAY, ['07:00'])] });
    await chat.say('después de las 10');
    await chat.say('mmm no, algo mas temprano');
    assert.deepEqual(searches[2], { ...BASE_SEARCH, franja: 'manana' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('"más temprano" at the first afternoon slots says so and how to ask for the morning, searching nothing', async () => {
    const { chat, searches } = await startFinder({ input: { band: 'tarde' }, searches: [slotsOn(TUESDAY, ['14:00']), slotsOn(TUESDAY, ['08:00'])] });
    await chat.say('no hay nada mas temprano?');
    assert.deepEqual(chat.keys(), ['slots.noneEarlier', 'slots.ask']);
    assert.equal(chat.lastReplies()[0]?.params?.context, 'tarde');
    assert.equal(searches.length, 1);
  });

  it('"la de las 10" when two slots shown are at 10:00 asks which, searching nothing', async () => {
    const shown = [...slotsOn(TUESDAY, ['10:00']), ...slotsOn(TUESDAY, ['10:00'], { doctor: { id: 'doc-suba-2', name: 'Dr. Hernán Gutiérrez' } })];
    const { chat, searches } = await startFinder({ searches: [shown] });
    await chat.say('la de las 10');
    assert.deepEqual(chat.keys(), ['slots.whichAtTime', 'slots.ask']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { start: shown[0]?.start, count: 2, first: 1 });
    assert.equal(searches.length, 1);
    await chat.say('la 2');
    assert.equal(chat.lastPrompt()?.expects, undefined);
  });
});

describe('slot finder: a doctor named with several of their slots shown', () => {
  it('"la del doctor Hernán" asks which of his, listing only his slots, numbered anew; "la 2" is his second', async () => {
    const hernan = { id: 'doc-suba-2', name: 'Dr. Hernán Gutiérrez' };
    const shown = [
      ...slotsOn(TUESDAY, ['09:00']),
      ...slotsOn(TUESDAY, ['09:20'], { doctor: hernan }),
      ...slotsOn(TUESDAY, ['09:40']),
      ...slotsOn(TUESDAY, ['10:00'], { doctor: hernan }),
    ];
    const { chat, searches } = await startFinder({ searches: [shown] });
    await chat.say('la del doctor hernan');
    assert.deepEqual(chat.keys(), ['slots.whichOfDoctor']);
    assert.equal(chat.lastPrompt()?.expects, 'slot');
    assert.deepEqual(chat.lastPrompt()?.params, { doctor: 'Dr. Hernán Gutiérrez', count: 2, site: 'SUBA' });
    assert.deepEqual(optionValues(chat), [shown[1]?.id, shown[3]?.id]);
    await chat.say('la 2');
    const output = chat.output();
    assert.equal(output?.outcome === 'slot' ? output.slot.id : undefined, shown[3]?.id);
    assert.equal(searches.length, 1);
  });
});

describe('slot finder: the site of a list, said once', () => {
  const renderer = makeRenderer();
  const NOW = new Date('2026-11-23T08:00:00-05:00');
  const hernan = { id: 'doc-kennedy-2', name: 'Dr. Hernán Gutiérrez' };
  const atKennedy = (day: string, times: readonly string[], doctor?: { id: string; name: string }) => slotsOn(day, times, { site: 'KENNEDY', ...(doctor ? { doctor } : {}) });

  /** The list as the member reads it: its question names the site once, and no slot line names it. */
  function assertSiteSaidOnce(prompt: Reply | undefined) {
    assert.equal(prompt?.expects, 'slot');
    assert.equal(prompt?.params?.site, 'KENNEDY');
    const [message] = renderer.render(prompt ? [prompt] : [], NOW).messages;
    assert.equal(message?.text.match(/USS Kennedy/g)?.length, 1, message?.text);
    assert.match(message?.text ?? '', / en la USS Kennedy[.,] /);
    assert.ok((message?.options?.length ?? 0) > 0);
    for (const shown of prompt?.options ?? []) assert.equal(shown.params?.site, undefined, shown.value);
    for (const { label } of message?.options ?? []) {
      assert.match(label, /^\S+ \d+ de noviembre, \d{1,2}:\d\d [ap]\. m\. – Dra?\. [^–]+$/, label);
      assert.doesNotMatch(label, /USS|Kennedy/, label);
    }
  }

  it("the first page, the next one, a day asked, the latest times and a doctor's slots", async () => {
    const { chat } = await startFinderOnAgenda(
      [
        ...atKennedy(TUESDAY, ['07:00', '07:20', '07:40', '08:00', '08:20', '08:40', '09:00']),
        ...atKennedy(TUESDAY, ['09:20', '09:40'], hernan),
        ...atKennedy(THURSDAY, ['07:00', '11:40']),
      ],
      { site: 'KENNEDY' },
    );
    assertSiteSaidOnce(chat.lastPrompt());
    await chat.say('más horarios');
    assert.equal(chat.lastPrompt()?.params?.context, 'more');
    assertSiteSaidOnce(chat.lastPrompt());
    await chat.say('la del doctor hernan');
    assert.deepEqual(chat.keys(), ['slots.whichOfDoctor']);
    assertSiteSaidOnce(chat.lastPrompt());
    await chat.say('el jueves');
    assert.equal(chat.lastPrompt()?.params?.context, 'day');
    assertSiteSaidOnce(chat.lastPrompt());
    await chat.say('lo más tarde posible en la mañana');
    assert.equal(chat.lastPrompt()?.params?.context, 'latestMorning');
    assertSiteSaidOnce(chat.lastPrompt());
  });

  it('the slots again after a "no" at the confirmation of a move, and after a slot taken by someone else', async () => {
    for (const reason of ['notConfirmed', 'slotTaken'] as const) {
      const { chat } = await startFinderOnAgenda(atKennedy(TUESDAY, ['07:00', '07:20']), { site: 'KENNEDY', mode: 'move', reason });
      assert.deepEqual(chat.keys(), [reason === 'notConfirmed' ? 'slots.notConfirmed' : 'slots.slotTaken', 'slots.ask']);
      assertSiteSaidOnce(chat.lastPrompt());
    }
  });
});

describe('slot finder: a day the sites are closed', () => {
  it('"el domingo" says the sites do not attend that day and lists the days that have slots, searching nothing', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3)], days: [[{ day: TUESDAY, slots: 3 }]] });
    await chat.say('el domingo');
    assert.deepEqual(chat.keys(), ['slots.dayOff', 'slots.askDay']);
    assert.deepEqual(chat.lastReplies()[0]?.params, { day: '2026-11-29', context: 'weekend' });
    assert.equal(searches.length, 1);
  });

  it('a holiday named at the days list is said to be one, and the days asked again', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)], days: [[{ day: TUESDAY, slots: 3 }]] });
    await chat.say('otro día');
    await chat.say('el 8 de diciembre');
    assert.deepEqual(chat.keys(), ['slots.dayOff', 'slots.askDay']);
    assert.equal(chat.lastReplies()[0]?.params?.context, 'holiday');
  });
});

describe('slot finder: other days', () => {
  it('"otro día" lists the days that have slots, and picking one searches it', async () => {
    const days = [
      { day: TUESDAY, slots: 3 },
      { day: THURSDAY, slots: 2 },
    ];
    const thursday = slotsOn(THURSDAY, ['07:00', '08:00']);
    const { chat, searches, dayLists } = await startFinder({ searches: [makeSlots(3), thursday], days: [days] });
    await chat.say('otro día');
    assert.deepEqual(dayLists, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['slots.askDay']);
    assert.deepEqual(optionValues(chat), [TUESDAY, THURSDAY]);

    await chat.say('el jueves');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', day: THURSDAY });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.deepEqual(
      optionValues(chat),
      thursday.map((s) => s.id),
    );
  });

  it('"entonces en la tarde" at the days searches the nearest slots of that band, on any day', async () => {
    const days = [
      { day: TUESDAY, slots: 3 },
      { day: THURSDAY, slots: 2 },
    ];
    const afternoon = slotsOn(TUESDAY, ['13:00', '14:00']);
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), afternoon], days: [days] });
    await chat.say('otro día');
    await chat.say('gracias 🙏 entonces en la tarde');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.deepEqual(
      optionValues(chat),
      afternoon.map((s) => s.id),
    );
  });

  it('a day is picked by its number too', async () => {
    const days = [
      { day: TUESDAY, slots: 3 },
      { day: THURSDAY, slots: 2 },
    ];
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(THURSDAY, ['07:00'])], days: [days] });
    await chat.say('otro día');
    await chat.say('2');
    assert.equal(searches[1]?.day, THURSDAY);
  });

  it('lists five days at a time, and "más días" lists the ones after them', async () => {
    const six = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-30'].map((day) => ({ day, slots: 1 }));
    const { chat, dayLists } = await startFinder({ searches: [makeSlots(3)], days: [six, [{ day: '2026-11-30', slots: 1 }]] });
    await chat.say('otro día');
    assert.deepEqual(optionValues(chat), ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', 'more']);
    await chat.say('más días');
    assert.deepEqual(dayLists[1], { ...BASE_SEARCH, franja: 'manana', afterDay: '2026-11-28' });
    assert.deepEqual(optionValues(chat), ['2026-11-30']);
  });

  it('"atrás" at the days goes back to the slots shown', async () => {
    const slots = makeSlots(3);
    const { chat } = await startFinder({ searches: [slots], days: [[{ day: TUESDAY, slots: 3 }]] });
    await chat.say('otro día');
    await chat.say('atrás');
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.deepEqual(
      optionValues(chat),
      slots.map((s) => s.id),
    );
  });

  it('no other day with slots: says so and shows the slots again', async () => {
    const slots = makeSlots(2);
    const { chat } = await startFinder({ searches: [slots], days: [[]] });
    await chat.say('otro día');
    assert.deepEqual(chat.keys(), ['slots.noOtherDays', 'slots.ask']);
    assert.deepEqual(
      optionValues(chat),
      slots.map((s) => s.id),
    );
  });

  it('started for "otro día" (after a confirmation), it lists the days first', async () => {
    const { chat, searches } = await startFinder({ input: { reason: 'otherDay' }, searches: [makeSlots(3)], days: [[{ day: WEDNESDAY, slots: 4 }]] });
    assert.deepEqual(chat.keys(), ['slots.askDay']);
    assert.equal(searches.length, 0);
  });

  it('on the in-memory agenda, an empty day lists the real days of the search, and the day picked shows its slots', async () => {
    const slots = [...slotsOn(TUESDAY, ['07:00', '08:00']), ...slotsOn(WEDNESDAY, ['09:00']), ...slotsOn(THURSDAY, ['15:00'])];
    const { chat } = await startFinderOnAgenda(slots);
    await chat.say('el jueves');
    assert.deepEqual(chat.keys(), ['slots.dayEmpty', 'slots.askDay']);
    assert.deepEqual(chat.lastPrompt()?.options, [
      { value: TUESDAY, key: 'options.day', params: { day: TUESDAY, count: 2 } },
      { value: WEDNESDAY, key: 'options.day', params: { day: WEDNESDAY, count: 1 } },
    ]);
    await chat.say('el miércoles');
    assert.deepEqual(optionValues(chat), [slots[2]?.id]);
  });
});

describe('slot finder: ladder (a), a band was given and any doctor searched', () => {
  it('offers the other band when the first search finds nothing, naming what was searched', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['slots.offerOtherBand']);
    const params = chat.lastPrompt()?.params;
    assert.equal(params?.band, 'manana');
    assert.equal(params?.other, 'tarde');
    assert.equal(params?.site, 'SUBA');
    assert.equal(params?.window, 'horizon');
    assert.equal(params?.context, undefined);
    assert.equal(chat.lastPrompt()?.expects, 'offer');
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    assert.deepEqual(chat.records, [{ type: 'milestone', milestone: 'no-availability' }]);
  });

  it('offers the morning when the afternoon was asked', async () => {
    const { chat } = await startFinder({ input: { band: 'tarde' }, searches: [[]] });
    assert.equal(chat.lastPrompt()?.params?.other, 'manana');
  });

  it('yes, and the other band has slots: searches it (still any doctor) and shows them', async () => {
    const slots = makeSlots(2);
    const { chat, searches } = await startFinder({ searches: [[], slots] });
    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde' });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.params?.band, 'tarde');
    assert.deepEqual(
      optionValues(chat),
      slots.map((s) => s.id),
    );
  });

  it('yes, and the other band is empty too: offers a RISS case plainly, no other-doctor step', async () => {
    const { chat, searches } = await startFinder({ searches: [[], []] });
    await chat.say('dale');
    assert.equal(searches.length, 2);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.site, 'SUBA');
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    // Counted once: the first empty search.
    assert.deepEqual(chat.records, [{ type: 'milestone', milestone: 'no-availability' }]);
  });

  it('"¿y no hay en otra sede cerquita?" at the case offer revises the search (the booking asks the site), filing nothing', async () => {
    const { chat, searches, cases } = await startFinder({ searches: [[], []] });
    await chat.say('dale');
    assert.deepEqual(chat.keys(), ['riss.offer']);
    await chat.say('y no hay en otra sede cerquita?');
    assert.equal(searches.length, 2);
    assert.equal(cases.length, 0);
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.equal(output?.outcome === 'revise' ? output.understood.entities.otherSite : undefined, true);
  });

  it('another site asked for while moving an appointment is no revision: the site stays (contract point 14)', async () => {
    const { chat } = await startFinder({ input: { mode: 'move' }, searches: [[]] });
    await chat.say('no hay en otra sede?');
    assert.notEqual(chat.output()?.outcome, 'revise');
  });

  it('no: offers a RISS case without searching again, saying the member declined what was offered', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    await chat.say('no');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.context, 'declined');
  });

  it('asks again when the yes/no answer cannot be read', async () => {
    const { chat, searches } = await startFinder({ searches: [[]] });
    await chat.say('quizás');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'slots.offerOtherBand']);
    assert.equal(searches.length, 1);
  });
});

describe('slot finder: ladder (b), the first search was limited to the treating doctor', () => {
  it('goes other band (with the doctor) → other doctor (any doctor, any band) → RISS, each text true to what was searched', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[], [], []] });
    assert.deepEqual(searches[0], { ...BASE_SEARCH, franja: 'manana', doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherBand']);
    assert.equal(chat.lastPrompt()?.params?.context, 'doctor');
    assert.equal(chat.lastPrompt()?.params?.doctor, 'Dr. Felipe Castro');
    assert.equal(chat.lastPrompt()?.params?.other, 'tarde');

    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde', doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.doctor, 'Dr. Felipe Castro');
    assert.equal(chat.lastPrompt()?.params?.site, 'SUBA');
    // Both bands were searched with the doctor: the text says "any time", not just the afternoon.
    assert.equal(chat.lastPrompt()?.params?.band, 'cualquiera');

    await chat.say('sí');
    assert.deepEqual(searches[2], { ...BASE_SEARCH });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.doctor, undefined);
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
    assert.equal(searches.length, 3);
  });

  it('no to the other band still offers the other doctor, saying only the band searched, and that search can find slots', async () => {
    const slots = makeSlots(3, { doctor: { id: 'doc-suba-2', name: 'Dr. Otro' } });
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[], slots] });
    await chat.say('no');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.band, 'manana');
    await chat.say('listo');
    assert.deepEqual(searches[1], { ...BASE_SEARCH });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    await chat.say('1');
    assert.deepEqual(chat.output(), { outcome: 'slot', slot: slots[0], chosenBy: chat.lastMessageId(), search: { band: 'cualquiera', anyDoctor: true } });
  });

  it('no to both offers the RISS case, saying the member declined', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[]] });
    await chat.say('no');
    await chat.say('no gracias');
    assert.equal(searches.length, 1);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.context, 'declined');
  });

  it('with band "cualquiera" skips the band step and offers the other doctor first', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING, band: 'cualquiera' }, searches: [[]] });
    assert.deepEqual(searches[0], { ...BASE_SEARCH, doctorId: 'doc-treating' });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.band, 'cualquiera');
  });
});

describe('slot finder: ladder with a band ruled out ("en la tarde no puedo")', () => {
  it('skips the band ruled out: straight to the case, which says only the morning was searched', async () => {
    const { chat, searches } = await startFinder({ input: { ruledOutBand: 'tarde' }, searches: [[]] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana' }]);
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.band, 'manana');
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
  });

  it('with the treating doctor: skips the band, offers another doctor in the morning and searches it there, then the case', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING, ruledOutBand: 'tarde' }, searches: [[], []] });
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.context, 'InBand');
    assert.equal(chat.lastPrompt()?.params?.next, 'manana');
    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
    assert.equal(chat.lastPrompt()?.params?.band, 'manana');
  });

  it('a band ruled out at the slots ("no, en la tarde no puedo" at afternoon slots) is never offered when the morning is empty', async () => {
    const { chat, searches } = await startFinder({ input: { band: 'tarde' }, searches: [makeSlots(2), []] });
    await chat.say('no, en la tarde no puedo');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana' });
    assert.deepEqual(chat.keys(), ['riss.offer']);
  });

  it('"no, solo puedo en la mañana" to «¿Busco en la tarde?» rules the afternoon out: another doctor is offered and searched in the morning', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING }, searches: [[], []] });
    assert.deepEqual(chat.keys(), ['slots.offerOtherBand']);
    await chat.say('no, solo puedo en la mañana');
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.context, 'declinedInBand');
    assert.equal(chat.lastPrompt()?.params?.next, 'manana');
    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana' });
  });

  it('the band ruled out asked for again ("bueno, entonces en la tarde") is no longer ruled out', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING, ruledOutBand: 'tarde' }, searches: [[], []] });
    await chat.say('bueno, entonces busque en la tarde');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde', doctorId: 'doc-treating' });
    // Both bands searched with the doctor: another doctor at any time.
    assert.deepEqual(chat.keys(), ['slots.offerOtherDoctor']);
    assert.equal(chat.lastPrompt()?.params?.context, undefined);
  });
});

describe('slot finder: ladder (c), band "cualquiera" and any doctor', () => {
  it('goes straight to the RISS offer', async () => {
    const { chat, searches } = await startFinder({ input: { band: 'cualquiera' }, searches: [[]] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH }]);
    assert.deepEqual(chat.keys(), ['riss.offer']);
  });

  it('a "no programada" search says it covered today and the next working day', async () => {
    const { chat, searches } = await startFinder({ input: { band: 'cualquiera', cups: '89020110', window: 'todayAndNextWorkingDay' }, searches: [[]] });
    assert.deepEqual(searches, [{ cups: '89020110', site: 'SUBA', window: 'todayAndNextWorkingDay' }]);
    assert.equal(chat.lastPrompt()?.params?.window, 'todayAndNextWorkingDay');
  });
});

describe('slot finder: RISS case', () => {
  const noSlots = { input: { band: 'cualquiera' as const }, searches: [[] as Slot[]] };
  const noSlotsNoEmail = { input: { band: 'cualquiera' as const, memberEmail: undefined }, searches: [[] as Slot[]] };

  it('no: says so and outputs abandoned without filing', async () => {
    const { chat, cases } = await startFinder(noSlots);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['riss.declined']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(cases.length, 0);
  });

  it('yes with an email on file: files the case to that email with an idempotency key, and says the radicado', async () => {
    const rissCase = makeRissCase();
    const { chat, cases } = await startFinder({ ...noSlots, filed: rissCase });
    await chat.say('sí, por favor');
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
    // The case names its patient ("tu" for the member), service and site.
    assert.deepEqual(chat.lastReplies()[0]?.params, {
      patient: 'Laura',
      context: 'self',
      service: '890201',
      site: 'SUBA',
      radicado: 'RISS-2026-000123',
      dueDate: '2026-11-30',
      email: 'laura.gomez@example.com',
    });
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
    assert.deepEqual(chat.records.at(-1), { type: 'subject', kind: 'radicado', value: 'RISS-2026-000123' });
  });

  it('yes without an email on file: asks for one, rejects an unreadable one, files with a readable one', async () => {
    const rissCase = makeRissCase({ email: 'laura@example.com' });
    const { chat, cases } = await startFinder({ ...noSlotsNoEmail, filed: rissCase });
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['riss.askEmail']);
    assert.equal(chat.lastPrompt()?.expects, 'email');
    assert.equal(cases.length, 0);

    await chat.say('laura arroba example');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.askEmail']);
    assert.equal(cases.length, 0);

    await chat.say('  Laura@Example.com ');
    assert.equal(cases.length, 1);
    assert.equal(cases[0]?.email, 'laura@example.com');
    // The key belongs to the case (patient and specialty), not to the message that carried the email.
    assert.equal(cases[0]?.idempotencyKey, 'conv-1:case:pat-1:medicina_general');
    assert.deepEqual(chat.keys(), ['riss.filed']);
    assert.deepEqual(chat.output(), { outcome: 'case', rissCase });
  });

  it("no email: offers a relative's, and no to that ends with the way out, never a loop", async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no tengo correo');
    assert.deepEqual(chat.keys(), ['riss.offerRelativeEmail']);
    assert.deepEqual(optionValues(chat), ['yes', 'no']);
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['riss.noEmailWayOut']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(cases.length, 0);
  });

  it('a plain "no" to the e-mail question is taken as having none, not as an invalid address', async () => {
    const { chat } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no');
    assert.deepEqual(chat.keys(), ['riss.offerRelativeEmail']);
  });

  it("a relative's email files the case to it", async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no tengo correo');
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['riss.askRelativeEmail']);
    await chat.say('es el de mi hermana: ana.gomez@example.com');
    assert.equal(cases[0]?.email, 'ana.gomez@example.com');
    assert.deepEqual(chat.keys(), ['riss.filed']);
  });

  it("a relative's email given with the yes files at once", async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no tengo correo');
    await chat.say('sí, ana.gomez@example.com');
    assert.equal(cases[0]?.email, 'ana.gomez@example.com');
    assert.deepEqual(chat.keys(), ['riss.filed']);
  });

  it("two unreadable emails offer a relative's instead of asking a third time", async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('laura arroba');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.askEmail']);
    await chat.say('laura punto com');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.offerRelativeEmail']);
    assert.equal(cases.length, 0);
  });

  it("the relative's email gets its own second chance, like the member's", async () => {
    const { chat } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('laura arroba');
    await chat.say('laura punto com');
    await chat.say('sí');
    await chat.say('ana arroba gmail');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.askRelativeEmail']);
    assert.equal(chat.done(), false);
  });

  it("one unreadable relative's email asks again; the second ends with the way out", async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no tengo correo');
    await chat.say('sí');
    await chat.say('ana arroba gmail');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.askRelativeEmail']);
    await chat.say('ana gmail punto com');
    assert.deepEqual(chat.keys(), ['riss.invalidEmail', 'riss.noEmailWayOut']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
    assert.equal(cases.length, 0);
  });

  it('"no tengo" at the relative\'s email ends with the way out', async () => {
    const { chat } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('no tengo correo');
    await chat.say('sí');
    await chat.say('no, tampoco tiene correo');
    assert.deepEqual(chat.keys(), ['riss.noEmailWayOut']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('a case already open (CONFLICT): says so and outputs abandoned', async () => {
    const { chat, cases } = await startFinder({ ...noSlots, filed: agendaError('CONFLICT') });
    await chat.say('sí');
    assert.equal(cases.length, 1);
    assert.deepEqual(chat.keys(), ['riss.alreadyOpen']);
    assert.deepEqual(chat.output(), { outcome: 'abandoned' });
  });

  it('filing fails for another reason: agenda unavailable, output error', async () => {
    const { chat } = await startFinder({ ...noSlots, filed: agendaError('UNAVAILABLE') });
    await chat.say('sí');
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('"ayuda" while asking the email gives the support line and asks the email again', async () => {
    const { chat, cases } = await startFinder(noSlotsNoEmail);
    await chat.say('sí');
    await chat.say('ayuda');
    assert.deepEqual(chat.keys(), ['help.support', 'riss.askEmail']);
    assert.equal(cases.length, 0);
  });

  it('offers help once on the third unreadable answer to the offer', async () => {
    const { chat, cases } = await startFinder(noSlots);
    await chat.say('mmm');
    await chat.say('ehh');
    assert.deepEqual(chat.keys(), ['common.notUnderstoodAgain', 'riss.offer']);
    await chat.say('quizás');
    assert.deepEqual(chat.keys(), ['common.notUnderstood', 'common.offerHelp.options', 'riss.offer']);
    assert.equal(cases.length, 0);
  });
});

describe('slot finder: the member changes an earlier answer', () => {
  it('"no, es para Sofía" at the slots ends with the message, for the parent to revise', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('no, es para Sofía');
    const output = chat.output();
    assert.equal(output?.outcome, 'revise');
    assert.deepEqual(output?.outcome === 'revise' ? output.understood.entities.patients : undefined, [{ kind: 'name', name: 'sofia', written: 'Sofía' }]);
  });

  it('another site or another specialty ends with the message too', async () => {
    for (const text of ['mejor en Kennedy', 'no mejor pediatría']) {
      const { chat } = await startFinder({ searches: [makeSlots(3)] });
      await chat.say(text);
      assert.equal(chat.output()?.outcome, 'revise', text);
    }
  });

  it('"la dos, para Sofía" does not take the slot for the patient being served', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('la dos, para Sofía');
    assert.equal(chat.output()?.outcome, 'revise');
  });

  it('the patient already chosen, named again, is not a revision', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)] });
    await chat.say('es para mí');
    assert.equal(chat.done(), false);
  });

  it('naming another patient at the days list ends with the message too', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(3)], days: [[{ day: TUESDAY, slots: 3 }]] });
    await chat.say('otro día');
    await chat.say('espere, es para Mateo');
    assert.equal(chat.output()?.outcome, 'revise');
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
    await chat.say('sí');
    assert.equal(searches.length, 2);
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });

  it('a failed list of days does the same', async () => {
    const { chat } = await startFinder({ searches: [makeSlots(2)], days: [agendaError('UNAVAILABLE')] });
    await chat.say('otro día');
    assert.deepEqual(chat.keys(), ['errors.agendaUnavailable']);
    assert.deepEqual(chat.output(), { outcome: 'error' });
  });
});

describe('slot finder: days ruled out ("cualquier día menos el martes", "no hoy ni mañana")', () => {
  it('days ruled out in the request are left out of the search and said with the slots', async () => {
    const { chat, searches } = await startFinder({ input: { ruledOutDays: [TUESDAY] }, searches: [slotsOn(WEDNESDAY, ['07:00'])] });
    assert.deepEqual(searches, [{ ...BASE_SEARCH, franja: 'manana', notDays: [TUESDAY] }]);
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.params?.notDays, TUESDAY);
  });

  it('on the agenda, no slot nor day listed falls on a day ruled out, and "más horarios" goes on past it', async () => {
    const slots = [...slotsOn(TUESDAY, ['07:00', '07:20', '07:40', '08:00', '08:20', '08:40']), ...slotsOn(WEDNESDAY, ['07:00', '07:20']), ...slotsOn(THURSDAY, ['07:00'])];
    const { chat, dayLists } = await startFinderOnAgenda(slots, { ruledOutDays: [TUESDAY] });
    assert.deepEqual(
      optionValues(chat),
      slots.slice(6).map((slot) => slot.id),
    );
    await chat.say('otro día');
    assert.deepEqual(dayLists.at(-1)?.notDays, [TUESDAY]);
    assert.deepEqual(
      chat.lastPrompt()?.options?.map((option) => option.value),
      [WEDNESDAY, THURSDAY],
    );
  });

  it('"no hoy ni mañana" at the slots searches again without those days, never "ninguno te sirve"', async () => {
    const { chat, searches } = await startFinder({ searches: [makeSlots(3), slotsOn(WEDNESDAY, ['07:00'])] });
    await chat.say('no hoy ni mañana porfa');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', notDays: ['2026-11-23', TUESDAY] });
    assert.deepEqual(chat.keys(), ['slots.ask']);
    assert.equal(chat.lastPrompt()?.params?.notDays, `2026-11-23,${TUESDAY}`);
  });

  it('"el martes no puedo" at Tuesday\'s slots searches the nearest other days', async () => {
    const { chat, searches } = await startFinder({ input: { day: TUESDAY }, searches: [makeSlots(3), slotsOn(WEDNESDAY, ['07:00'])] });
    await chat.say('el martes no puedo');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', notDays: [TUESDAY] });
    assert.deepEqual(chat.keys(), ['slots.ask']);
  });

  it('a day ruled out asked for later by name is searched (the later word wins)', async () => {
    const { chat, searches } = await startFinder({ input: { ruledOutDays: [TUESDAY, WEDNESDAY] }, searches: [slotsOn(THURSDAY, ['07:00']), makeSlots(2)] });
    await chat.say('bueno el martes entonces');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'manana', day: TUESDAY, notDays: [WEDNESDAY] });
  });

  it('"el jueves no puedo" at the days listed lists them again without Thursday', async () => {
    const { chat, dayLists } = await startFinder({
      searches: [makeSlots(2)],
      days: [
        [
          { day: WEDNESDAY, slots: 3 },
          { day: THURSDAY, slots: 2 },
        ],
        [{ day: WEDNESDAY, slots: 3 }],
      ],
    });
    await chat.say('otro día');
    await chat.say('el jueves no puedo');
    assert.deepEqual(dayLists[1]?.notDays, [THURSDAY]);
    assert.deepEqual(chat.keys(), ['slots.askDay']);
    assert.equal(chat.lastPrompt()?.params?.notDays, THURSDAY);
  });

  it('the offers of the no-availability ladder keep the days ruled out', async () => {
    const { chat, searches } = await startFinder({ input: { treatingDoctor: TREATING, ruledOutDays: [TUESDAY] }, searches: [[], []] });
    assert.deepEqual(chat.keys(), ['slots.offerOtherBand']);
    assert.equal(chat.lastPrompt()?.params?.notDays, TUESDAY);
    await chat.say('sí');
    assert.deepEqual(searches[1], { ...BASE_SEARCH, franja: 'tarde', doctorId: 'doc-treating', notDays: [TUESDAY] });
  });
});
