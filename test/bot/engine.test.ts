import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { createEngine, type EngineOptions } from '../../bot/engine.js';
import { formatTime } from '../../bot/rendering/spanish-dates.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import type { Expectation } from '../../bot/understanding/types.js';
import { CONVERSATION_MACHINE_VERSION } from '../../dialogs/conversation.machine.js';
import type { ReplyParams } from '../../dialogs/replies.js';
import { FAKE_NOW, createFakeAgenda, makePatient, seedMembers, seedSlots } from '../fakes/agenda.fake.js';
import { makeEngineOptions, makeRenderer, plainText, startChat, TEST_POLICY_VERSION, TEST_SUPPORT, type Chat, type ChatOptions } from '../fakes/chat.js';
import { createFakeSessionStore, type FakeSessionStore } from '../fakes/session-store.fake.js';

const SESSION_TIMEOUT_MS = 10 * 60_000;
const MAX_MESSAGE_LENGTH = 2000;
const renderer = makeRenderer();

/** The text of a key, as the member reads it: tests compare with texts, never write them. */
const t = (key: string, params?: ReplyParams) => renderer.text(key, params);

/** A chat with Lina on the fake store and agenda, both kept for the test to inspect. */
async function setUp(options: ChatOptions & Partial<EngineOptions> = {}) {
  const store = createFakeSessionStore();
  const agenda = createFakeAgenda();
  const chat = await startChat({
    store,
    agenda,
    sessionTimeoutMs: SESSION_TIMEOUT_MS,
    maxMessageLength: MAX_MESSAGE_LENGTH,
    ...options,
  });
  return { chat, store, agenda };
}

/** A new engine over the same store and agenda: what a restarted process would run. */
function restart(world: { chat: Chat; store: FakeSessionStore; agenda: ReturnType<typeof createFakeAgenda> }, options: Partial<EngineOptions> = {}) {
  world.chat.engine = createEngine(
    makeEngineOptions({
      store: world.store,
      agenda: world.agenda,
      clock: world.chat.clock,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      maxMessageLength: MAX_MESSAGE_LENGTH,
      ...options,
    }),
  );
}

function assertSaid(chat: Chat, key: string, params?: ReplyParams) {
  const expected = t(key, params);
  assert.ok(chat.lastReply().includes(expected), `expected ${key} in:\n${chat.lastReply()}`);
}

function assertNotSaid(chat: Chat, key: string, params?: ReplyParams) {
  assert.ok(!chat.lastReply().includes(t(key, params)), `did not expect ${key} in:\n${chat.lastReply()}`);
}

/** Laura on her own WhatsApp number: her phone is the second factor. */
const laura = {
  toDocument: async (chat: Chat) => {
    await chat.say('hola');
    await chat.say('sí');
  },
  toPatient: async (chat: Chat) => {
    await laura.toDocument(chat);
    await chat.say('CC 1010101010');
  },
  toMenu: async (chat: Chat) => {
    await laura.toPatient(chat);
    await chat.say('para mí');
  },
};

describe('engine: message ids and ordering', () => {
  it('answers a repeated message id once', async () => {
    const { chat, store } = await setUp();
    const hello = chat.message('hola');
    const first = await chat.engine.handle(hello);
    assert.ok(plainText(first).includes(t('greeting.welcome')));
    assert.deepEqual(await chat.engine.handle(hello), []);
    assert.deepEqual(await chat.engine.handle({ ...hello, text: 'otra cosa' }), []);
    assert.equal(store.transcript.filter((line) => line.direction === 'in').length, 1);

    await chat.say('sí');
    assertSaid(chat, 'identify.askDocument');
  });

  it('gives the stored answer again when a restarted process gets a message it answered before dying', async () => {
    const { chat, store } = await setUp();
    await chat.say('hola');
    const consent = chat.message('sí');
    const answer = await chat.engine.handle(consent);

    // A new process over the same store: the channel delivers the message again, as after a crash
    // that may have happened before the answer was sent.
    const restarted = await startChat({ store, sessionTimeoutMs: SESSION_TIMEOUT_MS });
    assert.deepEqual(await restarted.engine.handle(consent), answer);
    assert.deepEqual(await restarted.engine.handle(consent), [], 'and once only');
    assert.equal(store.transcript.filter((line) => line.direction === 'in').length, 2, 'processed once');
  });

  it('answers a message delivered twice at the same time once', async () => {
    const { chat } = await setUp();
    const hello = chat.message('hola');
    const [first, second] = await Promise.all([chat.engine.handle(hello), chat.engine.handle(hello)]);
    assert.ok(plainText(first ?? []).includes(t('greeting.welcome')));
    assert.deepEqual(second, []);
  });

  it('processes the messages of one conversation in arrival order, even when sent at once', async () => {
    const { chat } = await setUp();
    const messages = ['hola', 'sí', 'CC 1010101010'].map((text) => chat.message(text));
    const [greeting, consent, identified] = (await Promise.all(messages.map((m) => chat.engine.handle(m)))).map(plainText);
    assert.ok(greeting?.includes(t('consent.ask', { version: TEST_POLICY_VERSION })), greeting);
    assert.ok(consent?.includes(t('identify.askDocument')), consent);
    assert.ok(identified?.includes(t('identify.welcome', { name: 'Laura' })), identified);
    assert.ok(identified?.includes(t('patient.ask')), identified);
  });

  it('keeps conversations of different senders apart', async () => {
    const { chat, store, agenda } = await setUp();
    const other = await startChat({ engine: chat.engine, from: '+573009999999', clock: chat.clock });
    await laura.toDocument(chat);
    await other.say('hola');
    assertSaid(other, 'consent.ask', { version: TEST_POLICY_VERSION });
    await chat.say('CC 1010101010');
    assertSaid(chat, 'patient.ask');
    assert.equal(store.sessions.size, 2);
    assert.equal(agenda.callsOf('findMember').length, 1);
  });
});

describe('engine: conversations kept alive between turns', () => {
  /** Laura asks for a booking and, with no slot at her site, files a RISS case; the store's loads counted. */
  async function book(options: { liveConversations?: number } = {}) {
    const world = await setUp(options);
    let loads = 0;
    const load = world.store.load.bind(world.store);
    world.store.load = async (key) => ((loads += 1), load(key));
    for (const text of ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', '1', '2', '1', 'sí']) {
      await world.chat.say(text);
    }
    return { ...world, loads: () => loads };
  }

  it('says and stores exactly the same whether actors are kept or restored every turn', async () => {
    const kept = await book();
    const restored = await book({ liveConversations: 0 });
    assert.deepEqual(
      kept.chat.turns.map((turn) => plainText(turn.replies)),
      restored.chat.turns.map((turn) => plainText(turn.replies)),
    );
    const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    // Compared as data: a key a restored context gets back may come at another place in the JSON.
    const snapshots = (store: FakeSessionStore) =>
      store.commits.map((commit) => (commit.session ? (JSON.parse(commit.session.snapshot.replace(UUID, 'id')) as unknown) : undefined));
    assert.deepEqual(snapshots(kept.store), snapshots(restored.store));
    assert.match(kept.chat.lastReply(), /RISS-2026-000001/);
  });

  it('reads a kept conversation from the store once, and every turn when none are kept', async () => {
    assert.equal((await book()).loads(), 1);
    assert.equal((await book({ liveConversations: 0 })).loads(), 11);
  });

  it('restores from the store when the conversation was pushed out by newer ones', async () => {
    const world = await setUp({ liveConversations: 1 });
    const other = await startChat({ engine: world.chat.engine, clock: world.chat.clock, from: '+573009998877' });
    await laura.toDocument(world.chat);
    await other.say('hola');
    await world.chat.say('CC 1010101010');
    assertSaid(world.chat, 'patient.ask');
  });

  it('drops a kept conversation whose turn could not be stored: the next turn resumes from the row', async () => {
    const world = await setUp();
    await laura.toPatient(world.chat);
    const commit = world.store.commitTurn.bind(world.store);
    world.store.commitTurn = () => Promise.reject(new Error('disk I/O error'));
    await assert.rejects(world.chat.say('para mí'));
    world.store.commitTurn = commit;
    // The failed turn chose the patient in memory only: the same answer chooses it again.
    await world.chat.say('para mí');
    assert.ok(world.chat.lastReply().startsWith(t('menu.askSelf')), world.chat.lastReply());
  });
});

describe('engine: conversation ids', () => {
  it('are time-ordered UUIDs, so conversations started later sort after earlier ones', async () => {
    const { chat, store } = await setUp();
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      await chat.say('hola');
      await chat.say('salir');
      ids.push(store.commits.at(-1)?.conversationId ?? '');
      chat.clock.advance(1000);
    }
    assert.equal(new Set(ids).size, 5, ids.join());
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
  });
});

describe('engine: session expiry (contract point 12)', () => {
  it('starts over after the timeout and says the previous session expired', async () => {
    const { chat } = await setUp();
    await laura.toDocument(chat);
    chat.clock.advance(SESSION_TIMEOUT_MS + 1);
    await chat.say('CC 1010101010');
    assertSaid(chat, 'greeting.expired');
    assertSaid(chat, 'greeting.welcome');
    // The authorisation was given for this policy version: not asked again.
    assertNotSaid(chat, 'consent.ask', { version: TEST_POLICY_VERSION });
    assertSaid(chat, 'identify.askDocument');
  });

  it('continues where it was just before the timeout, and each message restarts the count', async () => {
    const { chat } = await setUp();
    await laura.toDocument(chat);
    chat.clock.advance(SESSION_TIMEOUT_MS - 1);
    await chat.say('no sé');
    assertSaid(chat, 'common.notUnderstood');
    chat.clock.advance(SESSION_TIMEOUT_MS - 1);
    await chat.say('CC 1010101010');
    assertNotSaid(chat, 'greeting.expired');
    assertSaid(chat, 'patient.ask');
  });

  it('starts a new conversation after "salir", without calling it expired', async () => {
    const { chat, store } = await setUp();
    await laura.toDocument(chat);
    await chat.say('salir');
    assertSaid(chat, 'common.goodbye');
    await chat.say('hola');
    assertSaid(chat, 'greeting.welcome');
    assertNotSaid(chat, 'greeting.expired');
    const conversations = new Set(store.transcript.map((line) => line.conversationId));
    assert.equal(conversations.size, 2);
  });
});

describe('engine: saved sessions it cannot resume', () => {
  /**
   * Talks once, then replaces what the store holds for this sender and restarts the engine,
   * as a new process (or a newer Lina) finds the row.
   */
  async function withCorruptedSession(change: { machineVersion?: number; snapshot?: string; shownOptions?: string | null }) {
    const world = await setUp();
    await laura.toDocument(world.chat);
    const [key, saved] = [...world.store.sessions.entries()][0] ?? assert.fail('nothing was saved');
    world.store.put(key, { ...saved, ...change });
    restart(world);
    return { ...world, previousConversation: saved.conversationId };
  }

  for (const [name, change] of [
    ['another machine version', { machineVersion: CONVERSATION_MACHINE_VERSION + 1 }],
    ['unreadable JSON', { snapshot: '{"value": "awaitingDoc' }],
    ['JSON that is not a snapshot', { snapshot: 'null' }],
    ['a state the machine does not have', { snapshot: '{"status":"active","value":"nowhere","context":{}}' }],
  ] as const) {
    it(`restarts politely from ${name}`, async () => {
      const { chat, store, previousConversation } = await withCorruptedSession(change);
      await chat.say('CC 1010101010');
      assertSaid(chat, 'errors.restarted');
      assertSaid(chat, 'greeting.welcome');
      const [saved] = [...store.sessions.values()];
      assert.equal(saved?.machineVersion, CONVERSATION_MACHINE_VERSION);
      assert.notEqual(saved?.conversationId, previousConversation);

      await chat.say('CC 1010101010');
      assertSaid(chat, 'patient.ask');
    });
  }

  it('restarts politely from a saved operation whose step no longer exists', async () => {
    const { chat, store, agenda } = await setUp();
    await laura.toMenu(chat);
    await chat.say('agendar');
    const [key, saved] = [...store.sessions.entries()][0] ?? assert.fail('nothing was saved');
    assert.ok(saved.snapshot.includes('"awaitingSpecialty"'), 'the booking step is in the saved snapshot');
    store.put(key, { ...saved, snapshot: saved.snapshot.replace('"awaitingSpecialty"', '"aStepRemovedInAnUpdate"') });
    restart({ chat, store, agenda });

    await chat.say('medicina general');
    assertNotSaid(chat, 'errors.turnFailed');
    assertSaid(chat, 'errors.restarted');
  });

  it("ignores saved options, unreadable ones too: answers are read against the snapshot's pending question", async () => {
    const { chat } = await withCorruptedSession({ shownOptions: '[not json' });
    await chat.say('CC 1010101010');
    assertSaid(chat, 'patient.ask');
    assertNotSaid(chat, 'errors.turnFailed');
  });
});

describe('engine: what cannot be an answer', () => {
  // (🙏 alone is "gracias", and 👍 is "ok": emojis that mean nothing here.)
  const GARBAGE = ['😀🦄', 'x'.repeat(5000), "'; DROP TABLE x; --", '<script>alert(1)</script>', '', 'constructor', '__proto__'];

  /** Where the conversation waits, how to get there, and an answer that moves it on. */
  interface Step {
    name: string;
    /** Another sender than Laura's own number, so Lina asks the date of birth. */
    from?: string;
    reach: (chat: Chat) => Promise<unknown>;
    prompt: [key: string, params?: ReplyParams];
    answer: string;
    next: string;
    /** What else Lina may say first to `text` instead of a plain "not understood". */
    refusal?: (text: string) => string | undefined;
  }
  const steps: Step[] = [
    {
      name: 'consent',
      reach: (chat) => chat.say('hola'),
      prompt: ['consent.ask', { version: TEST_POLICY_VERSION }],
      answer: 'sí',
      next: 'identify.askDocument',
    },
    { name: 'document', reach: laura.toDocument, prompt: ['identify.askDocument'], answer: 'CC 1010101010', next: 'patient.ask' },
    {
      name: 'date of birth',
      from: '+573009999999',
      reach: laura.toPatient,
      prompt: ['identify.askBirthDate'],
      answer: '15/03/1994',
      next: 'patient.ask',
    },
    {
      name: 'patient',
      reach: laura.toPatient,
      prompt: ['patient.ask'],
      answer: 'para mí',
      next: 'menu.askSelf',
      // One unknown word where a patient is asked for may be read as a name ("Juan"): Lina says she does not find it.
      refusal: (text) => (/^[a-z]+$/.test(text) ? t('patient.unknown', { name: text, others: 'Mateo y Sofía', context: 'named' }) : undefined),
    },
    { name: 'main menu', reach: laura.toMenu, prompt: ['menu.askSelf'], answer: 'agendar', next: 'booking.askSpecialty' },
    {
      name: 'specialty',
      reach: async (chat) => {
        await laura.toMenu(chat);
        await chat.say('agendar');
      },
      prompt: ['booking.askSpecialty'],
      answer: 'medicina general',
      next: 'booking.askVisitType',
    },
  ];

  for (const step of steps) {
    it(`answers garbage politely at the ${step.name} step and stays there`, async () => {
      const { chat, store } = await setUp(step.from ? { from: step.from } : {});
      await step.reach(chat);
      assertSaid(chat, ...step.prompt);

      for (const text of GARBAGE) {
        const label = JSON.stringify(text.slice(0, 30));
        const replies = await chat.say(text);
        assert.ok(replies.length > 0, `no answer to ${label}`);
        const reply = chat.lastReply();
        assert.ok(!reply.includes(t('errors.turnFailed')), `turn failed on ${label}`);
        const refusal = text === '' ? 'errors.empty' : text.length > MAX_MESSAGE_LENGTH ? 'errors.tooLong' : 'common.notUnderstood';
        const alternative = refusal === 'common.notUnderstood' ? step.refusal?.(text) : undefined;
        // A second miss in a row is worded anew, shorter ("Sigo sin entenderte").
        const again = refusal === 'common.notUnderstood' ? [t('common.notUnderstoodAgain'), t('common.notUnderstoodAgain', { context: 'options' })] : [];
        const expected = [t(refusal), ...again, ...(alternative ? [alternative] : [])];
        assert.ok(
          expected.some((first) => reply.startsWith(first)),
          `${label} at ${step.name}: expected ${expected.map((first) => JSON.stringify(first)).join(' or ')} first in\n${reply}`,
        );
        assert.ok(reply.includes(t(...step.prompt)), `the question is not asked again after ${label}:\n${reply}`);
      }
      assert.ok(store.commits.every((commit) => commit.transcript.every((line) => line.text.length <= MAX_MESSAGE_LENGTH)));

      await chat.say(step.answer);
      assertSaid(chat, step.next);
    });
  }

  it('refuses a text over the limit and keeps the step, while the limit itself is accepted', async () => {
    const { chat } = await setUp();
    await laura.toDocument(chat);
    await chat.say('1'.repeat(MAX_MESSAGE_LENGTH + 1));
    assertSaid(chat, 'errors.tooLong');
    assertSaid(chat, 'identify.askDocument');
    await chat.say('1'.repeat(MAX_MESSAGE_LENGTH));
    assertNotSaid(chat, 'errors.tooLong');
    assertSaid(chat, 'identify.askDocument');
    await chat.say('CC 1010101010');
    assertSaid(chat, 'patient.ask');
  });

  it('keeps the options shown before a refused text, so a number still picks', async () => {
    const { chat } = await setUp();
    await laura.toPatient(chat);
    await chat.say('');
    await chat.say('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    await chat.say('1');
    assertSaid(chat, 'menu.askSelf');
  });
});

describe('engine: a slow agenda', () => {
  it('apologises when a turn takes longer than turnTimeoutMs, and the conversation still works', async () => {
    const { chat, agenda, store } = await setUp({ turnTimeoutMs: 1000 });
    await laura.toDocument(chat);
    agenda.hang('findMember');
    await chat.say('CC 1010101010');
    assert.equal(chat.lastReply(), t('errors.turnFailed'));
    // Nothing in flight was saved: the last out line of that turn has no dialog state.
    assert.equal(store.transcript.at(-1)?.state, undefined);

    agenda.heal();
    await chat.say('CC 1010101010');
    assertSaid(chat, 'identify.welcome', { name: 'Laura' });
    assertSaid(chat, 'patient.ask');
  });

  /** The booking's idempotency key must be saved before the call, or a retry is a second booking. */

  it('books once when the booking answer arrives too late and the member confirms again', async () => {
    const { chat, agenda } = await setUp({ turnTimeoutMs: 1000 });
    await laura.toMenu(chat);
    for (const text of ['agendar', 'medicina general', 'primera vez', 'suba', 'tarde', '1']) await chat.say(text);
    assertSaid(chat, 'options.yes');

    agenda.slow('book', 1500);
    await chat.say('sí');
    assert.equal(chat.lastReply(), t('errors.turnFailed'));
    assert.equal(agenda.appointments.length, 1, 'the agenda booked even though the answer came late');

    agenda.heal();
    await chat.say('sí');
    const booked = agenda.appointments.filter((appointment) => appointment.status === 'booked');
    assert.equal(booked.length, 1);
    assert.ok(chat.lastReply().includes(formatTime(booked[0]?.start ?? '')), chat.lastReply());
  });

  it('tells the member when the agenda is down, and asks again', async () => {
    const { chat, agenda } = await setUp();
    await laura.toDocument(chat);
    agenda.failWith('findMember', 'UNAVAILABLE');
    await chat.say('CC 1010101010');
    assertSaid(chat, 'errors.agendaUnavailable');
    assertSaid(chat, 'identify.askDocument');
  });
});

describe('engine: what it stores', () => {
  it('records the consent with the policy version and the exact text shown', async () => {
    const { chat, store } = await setUp();
    await laura.toDocument(chat);
    assert.equal(store.consents.length, 1);
    const [consent] = store.consents;
    assert.equal(consent?.accepted, true);
    assert.equal(consent?.policyVersion, TEST_POLICY_VERSION);
    assert.equal(consent?.textShown, t('consent.ask', { version: TEST_POLICY_VERSION }));
    assert.ok(consent?.textShown.includes(TEST_SUPPORT.policyUrl), 'the text recorded links to the policy it refers to');
    assert.equal(consent?.at, chat.clock.now().getTime());
  });

  it('writes what came in and what went out, with the state on every line that went out', async () => {
    const { chat, store } = await setUp();
    await laura.toPatient(chat);
    const lines = store.transcript;
    assert.deepEqual(
      lines.filter((line) => line.direction === 'in').map((line) => line.text),
      ['hola', 'sí', 'CC 1010101010'],
    );
    const out = lines.filter((line) => line.direction === 'out');
    assert.ok(out.every((line) => typeof line.state === 'string'));
    assert.equal(out.at(-1)?.state, 'awaitingPatient');
  });

  it('names the step inside a running operation on the lines that went out', async () => {
    const { chat, store } = await setUp();
    await laura.toMenu(chat);
    await chat.say('agendar');
    assertSaid(chat, 'booking.askSpecialty');
    assert.equal(store.transcript.at(-1)?.state, 'booking.running.form.awaitingSpecialty');
  });

  it("saves the chosen patient without the member's beneficiaries, phone or e-mail, in every machine", async () => {
    const { chat, store } = await setUp();
    await laura.toMenu(chat);
    await chat.say('agendar');
    const [saved] = [...store.sessions.values()];
    type Saved = { context?: { patient?: Record<string, unknown> }; children?: Record<string, { snapshot?: Saved }> };
    const patients = (snapshot: Saved): Array<Record<string, unknown>> => [
      ...(snapshot.context?.patient ? [snapshot.context.patient] : []),
      ...Object.values(snapshot.children ?? {}).flatMap((child) => (child.snapshot ? patients(child.snapshot) : [])),
    ];
    const found = patients(JSON.parse(saved?.snapshot ?? '{}') as Saved);
    assert.equal(found.length, 2, 'the conversation and the booking hold the patient');
    for (const patient of found) {
      assert.equal(patient.firstName, 'Laura');
      for (const key of ['beneficiaries', 'phone', 'email']) assert.equal(key in patient, false, key);
    }
  });
});

describe('engine: the channel opens the conversation', () => {
  it('greets first on an open event, and the member answers the consent question', async () => {
    const { chat, store } = await setUp({ channel: 'webchat', from: 'web-1' });
    const greeting = await chat.engine.handle(chat.message('', { kind: 'open' }));
    assert.ok(plainText(greeting).includes(t('greeting.welcome')));
    assert.ok(plainText(greeting).includes(t('consent.ask', { version: TEST_POLICY_VERSION }).split('\n')[0] ?? ''));
    assert.equal(store.transcript.filter((line) => line.direction === 'in').length, 0, 'no member line for an open');

    await chat.say('sí');
    assertSaid(chat, 'identify.askDocument');
  });

  it('repeats the pending question when a running conversation is opened again', async () => {
    const { chat } = await setUp({ channel: 'webchat', from: 'web-2' });
    await chat.say('hola');
    await chat.say('sí');
    const again = await chat.engine.handle(chat.message('', { kind: 'open' }));
    assert.ok(plainText(again).includes(t('identify.askDocument')));
    await chat.say('CC 1010101010');
    assertNotSaid(chat, 'identify.askDocument');
  });
});

describe('engine: a beneficiary who cannot be served', () => {
  /** Laura, with Mateo no longer active and Sofía moved to another plan. */
  async function withIneligibleBeneficiaries() {
    const members = seedMembers();
    members.laura.beneficiaries = [
      makePatient({ id: 'ben-mateo', firstName: 'Mateo', birthDate: '2013-06-01', status: 'inactive' }),
      makePatient({ id: 'ben-sofia', firstName: 'Sofía', birthDate: '2021-09-10', plan: 'PAC' }),
    ];
    return setUp({ agenda: createFakeAgenda({ members: Object.values(members) }) });
  }

  it('says why an inactive beneficiary cannot be booked for, and asks for whom again', async () => {
    const { chat } = await withIneligibleBeneficiaries();
    await laura.toPatient(chat);
    await chat.say('2');
    assert.ok(chat.lastReply().startsWith(t('eligibility.beneficiaryInactive', { name: 'Mateo' })), chat.lastReply());
    assertSaid(chat, 'patient.ask');
    assertNotSaid(chat, 'menu.askFor', { patient: 'Mateo' });

    await chat.say('3');
    assert.ok(chat.lastReply().startsWith(t('eligibility.beneficiaryNotPbs', { name: 'Sofía' })), chat.lastReply());
    assertSaid(chat, 'patient.ask');

    await chat.say('para mí');
    assertSaid(chat, 'menu.askSelf');
  });
});

describe('engine: the site tag of a QR greeting', () => {
  it('starts from the site a first message names', async () => {
    const { chat } = await setUp();
    await chat.say('Hola Lina, vengo de USS Suba (sede SUBA)');
    assertSaid(chat, 'greeting.welcomeAtSite', { site: 'SUBA' });
  });

  it('ignores a code that names no site', async () => {
    const { chat } = await setUp();
    await chat.say('Hola Lina, vengo de USS Marte (sede MARTE)');
    assertSaid(chat, 'greeting.welcome');
    assertNotSaid(chat, 'greeting.welcomeAtSite', { site: 'SUBA' });
  });

  it('reads the tag only when a conversation starts', async () => {
    const { chat } = await setUp();
    await chat.say('hola');
    await chat.say('(sede SUBA)');
    assertNotSaid(chat, 'greeting.welcomeAtSite', { site: 'SUBA' });
  });
});

describe('engine: the failure message of the contingency protocol', () => {
  function switchable() {
    let notice: { text: string; channel?: string } | undefined;
    return {
      on(text: string, channel?: string) {
        notice = { text, ...(channel ? { channel } : {}) };
      },
      off() {
        notice = undefined;
      },
      current(channel: string, now: Date) {
        return notice && (!notice.channel || notice.channel === channel) ? { text: notice.text, since: now, source: 'manual' as const } : undefined;
      },
    };
  }

  it('answers every message with it and starts no flow, then the conversation goes on', async () => {
    const contingency = switchable();
    const { chat, store } = await setUp({ contingency });
    await laura.toDocument(chat);
    contingency.on('Lina está en mantenimiento. Llama al 601 4441234.');
    await chat.say('CC 1010101010');
    assert.equal(chat.lastReply(), 'Lina está en mantenimiento. Llama al 601 4441234.');
    await chat.say('hola');
    assert.equal(chat.lastReply(), 'Lina está en mantenimiento. Llama al 601 4441234.');
    assert.ok(store.commits.some((commit) => commit.events.some((event) => event.type === 'failure-notice')));

    contingency.off();
    await chat.say('CC 1010101010');
    assertSaid(chat, 'patient.ask');
  });

  it('applies to the channel it was switched on for only', async () => {
    const contingency = switchable();
    contingency.on('WhatsApp está fallando.', 'whatsapp');
    const web = await setUp({ contingency, channel: 'webchat', from: 'web-9' });
    await web.chat.say('hola');
    assertSaid(web.chat, 'greeting.welcome');
    const whatsapp = await setUp({ contingency });
    await whatsapp.chat.say('hola');
    assert.equal(whatsapp.chat.lastReply(), 'WhatsApp está fallando.');
  });
});

describe('engine: what a conversation records for search and metrics', () => {
  it('records the phone, the identified document, the start of a booking and agenda errors', async () => {
    const { chat, store, agenda } = await setUp();
    await laura.toMenu(chat);
    agenda.failWith('searchSlots', 'UNAVAILABLE');
    await chat.say('agendar');
    await chat.say('medicina general');
    await chat.say('primera vez');
    await chat.say('1');
    await chat.say('cualquiera');
    const subjects = store.commits.flatMap((commit) => commit.subjects ?? []);
    assert.deepEqual(subjects, [
      { kind: 'phone', value: '+573001112233' },
      { kind: 'document', value: '1010101010' },
    ]);
    const events = store.commits.flatMap((commit) => commit.events.map((event) => event.type));
    assert.ok(events.includes('booking-started'));
    assert.ok(store.commits.some((commit) => commit.events.some((e) => e.type === 'agenda-error' && e.detail === 'UNAVAILABLE')));
  });
});

describe('engine: each message is read against the question pending', () => {
  /** A chat whose understanding step is watched: the text and the expectation of every call, in order. */
  async function watched(options: ChatOptions & Partial<EngineOptions> = {}) {
    const understand = loadUnderstanding();
    const calls: Array<{ text: string; expectation: Expectation }> = [];
    const world = await setUp({
      ...options,
      understand: (text, expectation, now) => {
        calls.push({ text, expectation: structuredClone(expectation) });
        return understand(text, expectation, now);
      },
    });
    return { ...world, calls };
  }

  const lastCall = (calls: Array<{ text: string; expectation: Expectation }>) => calls.at(-1) ?? assert.fail('the understanding step was not called');

  it('reads the first message as a start: no options, nobody named yet', async () => {
    const { chat, calls } = await watched();
    await chat.say('hola');
    assert.deepEqual(calls, [{ text: 'hola', expectation: { question: 'start', options: [] } }]);
  });

  it('reads the answer to the consent with its options, their labels and aliases, before anyone is identified', async () => {
    const { chat, calls } = await watched();
    await chat.say('hola');
    await chat.say('claro que sí');
    const { expectation } = lastCall(calls);
    assert.equal(expectation.question, 'consent');
    assert.deepEqual(
      expectation.options.map(({ value, label }) => ({ value, label })),
      [
        { value: 'yes', label: t('options.yes') },
        { value: 'no', label: t('options.no') },
      ],
    );
    assert.ok(expectation.options[0]?.aliases.includes('claro que si'), 'the aliases of the locale come along');
    assert.deepEqual(expectation.people, []);
    assertSaid(chat, 'identify.askDocument');
  });

  it('passes the member and the beneficiaries as people once identified: after "CC 1010101010", "mateo" picks Mateo', async () => {
    const { chat, calls } = await watched();
    await laura.toPatient(chat);
    assert.equal(lastCall(calls).expectation.question, 'document');
    await chat.say('mateo');
    const { text, expectation } = lastCall(calls);
    assert.equal(text, 'mateo');
    assert.equal(expectation.question, 'patient');
    assert.deepEqual(expectation.people, ['laura', 'mateo', 'sofia'], 'first names, lower case and without accents, the member first');
    assert.deepEqual(
      expectation.options.map(({ value, label }) => ({ value, label })),
      [
        { value: 'self', label: t('options.patient.self') },
        { value: 'ben-mateo', label: t('options.patient.beneficiary', { name: 'Mateo' }) },
        { value: 'ben-sofia', label: t('options.patient.beneficiary', { name: 'Sofía' }) },
      ],
    );
    assert.ok(chat.lastReply().startsWith(t('menu.askFor', { patient: 'Mateo' })), chat.lastReply());
  });

  it('reads an answer to a question asked inside an operation: the slots shown, each with its start and doctor', async () => {
    const { chat, calls, agenda } = await watched();
    await laura.toMenu(chat);
    for (const text of ['agendar', 'medicina general', 'primera vez', 'suba', 'tarde']) await chat.say(text);
    await chat.say('la primera');
    const { expectation } = lastCall(calls);
    assert.equal(expectation.question, 'slot');
    assert.ok(expectation.options.length > 0);
    const shown = agenda.slots.filter((slot) => expectation.options.some((option) => option.value === slot.id));
    assert.equal(shown.length, expectation.options.length, 'every option is a slot of the agenda');
    for (const option of expectation.options) {
      const slot = shown.find((candidate) => candidate.id === option.value);
      assert.equal(option.start, slot?.start);
      assert.equal(option.doctor, slot?.doctor.name);
      assert.equal(option.label, t('options.slot', { start: slot?.start, doctor: slot?.doctor.name }));
    }
    assert.deepEqual(expectation.people, ['laura', 'mateo', 'sofia']);
    assertSaid(chat, 'options.yes');
  });

  it('never calls the understanding step for a refused text, and reads the next answer against the same question', async () => {
    const { chat, calls } = await watched();
    await laura.toPatient(chat);
    const before = calls.length;
    await chat.say('');
    await chat.say('x'.repeat(MAX_MESSAGE_LENGTH + 1));
    assert.equal(calls.length, before);
    await chat.say('mateo');
    assert.equal(lastCall(calls).expectation.question, 'patient');
    assertSaid(chat, 'menu.askFor', { patient: 'Mateo' });
  });

  it('reads the message after the timeout as a start again', async () => {
    const { chat, calls } = await watched();
    await laura.toDocument(chat);
    chat.clock.advance(SESSION_TIMEOUT_MS + 1);
    await chat.say('CC 1010101010');
    assert.deepEqual(lastCall(calls).expectation, { question: 'start', options: [] });
  });

  it('reads every answer of a conversation restored from the store exactly as a live one', async () => {
    const script = ['hola', 'sí', 'CC 1010101010', 'mateo', 'agendar', 'pediatría', 'primera vez', 'kennedy', 'en la tarde', 'la primera', 'no', 'la segunda', 'sí'];
    const live = await watched();
    for (const text of script) await live.chat.say(text);
    const restored = await watched({ liveConversations: 0 });
    for (const text of script) await restored.chat.say(text);
    // A new engine for every turn, as after a restart: the only memory is the store.
    const restarted = await watched();
    for (const text of script) {
      restart(restarted, {
        understand: (said, expectation, now) => (restarted.calls.push({ text: said, expectation: structuredClone(expectation) }), loadUnderstanding()(said, expectation, now)),
      });
      await restarted.chat.say(text);
    }
    assert.equal(live.calls.length, script.length);
    assert.deepEqual(restored.calls, live.calls);
    assert.deepEqual(restarted.calls, live.calls);
    const replies = (chat: Chat) => chat.turns.map((turn) => plainText(turn.replies));
    assert.deepEqual(replies(restored.chat), replies(live.chat));
    assert.deepEqual(replies(restarted.chat), replies(live.chat));
    assert.match(live.chat.lastReply(), /Mateo/);
  });

  it('keeps no options with the session: the pending question is read from the snapshot', async () => {
    const { chat, store } = await setUp();
    await laura.toMenu(chat);
    const sessions = store.commits.flatMap((commit) => (commit.session ? [commit.session] : []));
    assert.ok(sessions.length >= 4);
    for (const session of sessions) assert.equal(session.shownOptions, null);
  });
});

describe('engine: the lead time of an offered slot (searchRules)', () => {
  /** Tuesday 24 November, 07:30: the fake agenda has slots that day at 08:00, 10:20 and 14:40 at Suba. */
  const TUESDAY_EARLY = '2026-11-24T07:30:00-05:00';

  async function slotsOffered(searchRules?: EngineOptions['searchRules']) {
    const agenda = createFakeAgenda({ slots: seedSlots(FAKE_NOW) });
    const chat = await startChat({ agenda, clock: new ManualClock(TUESDAY_EARLY), ...(searchRules ? { searchRules } : {}) });
    for (const text of ['hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', 'suba', 'cualquiera']) await chat.say(text);
    const options = chat.turns.at(-1)?.replies.flatMap((reply) => reply.options ?? []) ?? [];
    const starts = options.map((option) => agenda.slots.find((slot) => slot.id === option.value)?.start);
    const searched = agenda.callsOf('searchSlots') as Array<{ from: string }>;
    return { starts, from: searched.at(-1)?.from, chat };
  }

  it('by default offers no slot less than an hour away', async () => {
    const { starts, from } = await slotsOffered();
    assert.equal(from, new Date('2026-11-24T08:30:00-05:00').toISOString());
    assert.equal(starts[0], '2026-11-24T10:20:00-05:00', 'the 08:00 slot is half an hour away');
  });

  it('follows the configured lead time', async () => {
    assert.equal((await slotsOffered({ minLeadMinutes: 0 })).starts[0], '2026-11-24T08:00:00-05:00');
    const late = await slotsOffered({ minLeadMinutes: 180 });
    assert.equal(late.from, new Date('2026-11-24T10:30:00-05:00').toISOString());
    assert.equal(late.starts[0], '2026-11-24T14:40:00-05:00');
  });

  it('applies to the days listed too', async () => {
    const { chat } = await slotsOffered({ minLeadMinutes: 24 * 60 });
    assert.ok(!chat.lastReply().includes('martes 24 de noviembre'), chat.lastReply());
    await chat.say('otro día');
    assert.ok(!chat.lastReply().includes('Martes 24 de noviembre'), chat.lastReply());
  });
});
