import assert from 'node:assert/strict';
import { beforeAll, describe, it } from '@jest/globals';
import { ManualClock } from '../../../bot/clock.js';
import { createEngine } from '../../../bot/engine.js';
import type { Engine } from '../../../bot/messages.js';
import { openDatabase, type SqliteDatabase } from '../../../data/database.js';
import { createSqliteSessionStore } from '../../../data/session.store.js';
import { createWhatsAppAuthStore } from '../../../data/whatsapp/auth-state.store.js';
import { createPeopleStore } from '../../../data/whatsapp/people.store.js';
import { loadAuthToolkit, type AuthToolkit } from '../../../adapters/whatsapp/socket.js';
import { startWhatsApp, type WhatsAppOptions } from '../../../adapters/whatsapp/whatsapp.adapter.js';
import { FAKE_NOW } from '../../fakes/agenda.fake.js';
import { makeEngineOptions, makeRenderer, TEST_POLICY_VERSION } from '../../fakes/chat.js';
import * as wa from '../../fixtures/whatsapp/messages.js';
import { FakeTimers, flush, makeCapturingLogger, makeRecordingEngine, makeSocketFactory, runAll, runUntil, type FakeSocket } from './fakes.js';

const renderer = makeRenderer();
/** The text of a key, as the member reads it. */
const t = (key: string) => renderer.text(key);

const CHAT_GAP_MS = 1200;
const LAURA = '573001112233';

let toolkit: AuthToolkit;
beforeAll(async () => {
  toolkit = await loadAuthToolkit();
});

async function setUp(options: { engine?: Engine; db?: SqliteDatabase; clock?: ManualClock } & Partial<WhatsAppOptions> = {}) {
  const clock = options.clock ?? new ManualClock(FAKE_NOW);
  const timers = new FakeTimers(clock);
  const factory = makeSocketFactory(clock);
  const recording = makeRecordingEngine();
  const capture = makeCapturingLogger();
  const db = options.db ?? openDatabase(':memory:');
  const channel = await startWhatsApp({
    engine: recording,
    authStore: createWhatsAppAuthStore(db),
    people: createPeopleStore(db),
    renderer,
    logger: capture.logger,
    clock,
    chatGapMs: CHAT_GAP_MS,
    maxPerMinute: 40,
    reconnectMaxMs: 8000,
    createSocket: factory.create,
    timers,
    random: () => 0.5,
    toolkit,
    ...options,
  });
  await flush();
  const socket = factory.latest();
  socket.open();
  const start = clock.now().getTime();
  return { channel, socket, factory, engine: recording, timers, clock, capture, db, start };
}

/** Delivers the messages and runs everything (timers included) until nothing is left to do. */
async function deliver(setup: { socket: FakeSocket; timers: FakeTimers }, ...messages: ReturnType<typeof wa.text>[]) {
  setup.socket.receive(messages);
  await runAll(setup.timers);
}

describe('WhatsApp adapter', () => {
  it('answers a text: read receipt, typing, the replies as numbered text, then paused', async () => {
    const setup = await setUp();
    const hola = wa.text('hola');
    await deliver(setup, hola);

    assert.deepEqual(setup.engine.received, [
      {
        channel: 'whatsapp',
        userId: LAURA,
        messageId: hola.key.id,
        text: 'hola',
        receivedAt: new Date(FAKE_NOW),
        phone: '+573001112233',
      },
    ]);
    const actions = setup.socket.actions.map((action) =>
      action.type === 'read' ? ['read', action.keys.map((key) => key.id)] : action.type === 'presence' ? [action.presence, action.jid] : ['send', action.jid, action.text],
    );
    assert.deepEqual(actions, [
      ['read', [hola.key.id]],
      ['composing', wa.LAURA_PN],
      ['send', wa.LAURA_PN, '¡Hola! Soy Lina.'],
      ['send', wa.LAURA_PN, '¿Qué quieres hacer?\n1. Agendar cita\n2. Consultar citas'],
      ['paused', wa.LAURA_PN],
    ]);
    const [first, second] = setup.socket.sent();
    assert.ok((second?.at ?? 0) - (first?.at ?? 0) >= CHAT_GAP_MS, 'the chat gap holds');
  });

  it('reads texts however WhatsApp wraps them, and list and button replies', async () => {
    const setup = await setUp();
    await deliver(
      setup,
      wa.extendedText('CC 1010101010'),
      wa.ephemeralText('sí'),
      wa.viewOnceText('agendar'),
      wa.listReply('consultar', 'Consultar citas'),
      wa.buttonReply('si', 'Sí'),
      wa.templateButtonReply('no', 'No'),
      wa.interactiveReply('{"id":"cancelar"}', 'Cancelar cita'),
    );
    assert.deepEqual(
      setup.engine.received.map((message) => message.text),
      ['CC 1010101010', 'sí', 'agendar', 'consultar', 'si', 'no', 'cancelar'],
    );
    assert.equal(setup.socket.sent().length, 7);
  });

  it('keeps one conversation for a member who moves from the phone JID to a LID', async () => {
    const setup = await setUp();
    await deliver(setup, wa.text('hola'));
    await deliver(setup, wa.text('sí', { from: wa.LAURA_LID, alt: wa.LAURA_PN }));
    await deliver(setup, wa.text('CC 1010101010', { from: wa.LAURA_LID }));

    assert.deepEqual(
      setup.engine.received.map((message) => [message.userId, message.phone]),
      [
        [LAURA, '+573001112233'],
        [LAURA, '+573001112233'],
        [LAURA, '+573001112233'],
      ],
    );
    // Replies go back where each message came from.
    assert.deepEqual(
      setup.socket.sent().map((sent) => sent.jid),
      [wa.LAURA_PN, wa.LAURA_PN, wa.LAURA_LID, wa.LAURA_LID],
    );
  });

  it('vouches for no phone when WhatsApp shows only a LID', async () => {
    const setup = await setUp();
    await deliver(setup, wa.text('hola', { from: '998877665544332@lid' }));
    const [message] = setup.engine.received;
    assert.equal(message?.userId, 'lid:998877665544332');
    assert.equal(message?.phone, undefined);
    assert.ok(!('phone' in (message ?? {})));
  });

  it('answers media, locations and contacts kindly, without bothering the engine', async () => {
    const setup = await setUp();
    const cases = [
      [wa.audio(), 'audio'],
      [wa.image('mi orden'), 'image'],
      [wa.viewOnceImage(), 'image'],
      [wa.sticker(), 'sticker'],
      [wa.location(), 'location'],
      [wa.video(), 'video'],
      [wa.documentWithCaption('orden.pdf', 'la orden'), 'document'],
      [wa.contact(), 'contact'],
    ] as const;
    await deliver(setup, ...cases.map(([message]) => message));
    assert.deepEqual(setup.engine.received, []);
    assert.deepEqual(
      setup.socket.sent().map((sent) => [sent.jid, sent.text]),
      cases.map(([, kind]) => [wa.LAURA_PN, t(`whatsapp.unsupported.${kind}`)]),
    );
    for (const [, kind] of cases) assert.notEqual(t(`whatsapp.unsupported.${kind}`), `whatsapp.unsupported.${kind}`, 'translated');
    const read = setup.socket.actions.filter((action) => action.type === 'read');
    assert.equal(read.length, cases.length, 'each one is marked read');
  });

  it('ignores groups, its own messages, status updates, channels, reactions and history', async () => {
    const setup = await setUp();
    const hola = wa.text('hola');
    await deliver(
      setup,
      wa.groupText('hola'),
      wa.ownText('hola'),
      wa.statusUpdate('hola'),
      wa.newsletterPost('hola'),
      wa.reaction(hola.key, '👍'),
      wa.revoke(hola.key),
      wa.undecryptable(),
    );
    setup.socket.receive([wa.text('hola desde el historial')], 'append');
    await runAll(setup.timers);
    assert.deepEqual(setup.engine.received, []);
    assert.deepEqual(setup.socket.actions, []);
  });

  it('answers a message once, however often WhatsApp delivers it', async () => {
    const setup = await setUp();
    const hola = wa.text('hola');
    await deliver(setup, hola, hola); // twice in one upsert, while the first is in flight
    setup.socket.receive([hola]); // and again later
    await runAll(setup.timers);
    assert.equal(setup.engine.received.length, 1);
    assert.equal(setup.socket.sent().length, 2, 'one answer (of two messages)');

    const image = wa.image();
    await deliver(setup, image, image);
    assert.equal(setup.socket.sent().length, 3);
  });

  it('leaves repeats across a restart to the engine, which remembers answers in SQLite', async () => {
    const db = openDatabase(':memory:');
    const clock = new ManualClock(FAKE_NOW);
    const paused = (socket: FakeSocket) => socket.actions.filter((a) => a.type === 'presence' && a.presence === 'paused').length;
    const hola = wa.text('hola');

    const first = await setUp({ engine: createEngine(makeEngineOptions({ store: createSqliteSessionStore(db), clock })), db, clock });
    first.socket.receive([hola]);
    await runUntil(first.timers, () => paused(first.socket) === 1, 'the first answer');
    const answer = first.socket.sent().map((sent) => sent.text);
    assert.ok(answer.length > 0);
    await first.channel.close();

    // A new process: WhatsApp delivers the message again. The engine gives the stored answer
    // (the old process may have died before sending it), and only once.
    const second = await setUp({ engine: createEngine(makeEngineOptions({ store: createSqliteSessionStore(db), clock })), db, clock });
    second.socket.receive([hola]);
    await runUntil(second.timers, () => paused(second.socket) === 1, 'the repeated turn');
    second.socket.receive([hola]);
    await runAll(second.timers);
    assert.deepEqual(
      second.socket.sent().map((sent) => sent.text),
      answer,
    );
  });

  it('apologises when the engine fails, and goes on', async () => {
    const setup = await setUp();
    await deliver(setup, wa.text('boom'), wa.text('sigo aquí'));
    assert.deepEqual(
      setup.socket.sent().map((sent) => sent.text),
      [t('errors.turnFailed'), 'Eco: sigo aquí'],
    );
    assert.ok(setup.capture.lines.some((line) => line.msg === 'WhatsApp turn failed'));
  });

  it('splits a reply longer than WhatsApp allows', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${'Una línea larga de prueba. '.repeat(3).trim()}`).join('\n');
    assert.ok(long.length > 4096);
    const engine: Engine = { handle: () => Promise.resolve([{ text: long }]) };
    const setup = await setUp({ engine });
    await deliver(setup, wa.text('hola'));
    const sent = setup.socket.sent();
    assert.equal(sent.length, 2);
    assert.ok(sent.every((s) => s.text.length <= 4096));
    assert.equal(sent.map((s) => s.text).join('\n'), long);
    assert.ok((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0) >= CHAT_GAP_MS);
  });

  it('paces replies: every chat keeps its order and its gaps; chats do not wait for each other', async () => {
    const setup = await setUp();
    await deliver(setup, wa.text('hola'), wa.text('hola', { from: wa.STRANGER_PN }), wa.text('uno'), wa.text('dos', { from: wa.STRANGER_PN }));
    const sent = setup.socket.sent();
    for (const jid of [wa.LAURA_PN, wa.STRANGER_PN]) {
      const mine = sent.filter((s) => s.jid === jid);
      assert.deepEqual(
        mine.map((s) => s.text.split('\n')[0]),
        ['¡Hola! Soy Lina.', '¿Qué quieres hacer?', `Eco: ${jid === wa.LAURA_PN ? 'uno' : 'dos'}`],
      );
      for (let i = 1; i < mine.length; i++) assert.ok((mine[i]?.at ?? 0) - (mine[i - 1]?.at ?? 0) >= CHAT_GAP_MS);
    }
    const firstOfEach = [wa.LAURA_PN, wa.STRANGER_PN].map((jid) => sent.find((s) => s.jid === jid)?.at);
    assert.deepEqual(firstOfEach, [setup.start, setup.start], 'both chats answered at once');
  });

  it('holds replies while the link is down and sends them once it is back', async () => {
    const slow = makeRecordingEngine();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine: Engine = { handle: async (message) => (await gate, slow.handle(message)) };
    const setup = await setUp({ engine });
    setup.socket.receive([wa.text('hola')]);
    await flush();
    setup.socket.closeWith(408);
    release();
    await runUntil(setup.timers, () => setup.factory.sockets.length === 2, 'a new socket');
    const fresh = setup.factory.latest();
    assert.deepEqual(setup.socket.sent(), []);
    fresh.open();
    await runUntil(setup.timers, () => fresh.sent().length === 2, 'the replies on the new socket');
    assert.deepEqual(
      fresh.sent().map((s) => s.jid),
      [wa.LAURA_PN, wa.LAURA_PN],
    );
  });

  it('survives shapes it cannot read', async () => {
    const setup = await setUp();
    setup.socket.emit('messages.upsert', { messages: 'nope' } as never);
    setup.socket.emit('messages.upsert', null as never);
    setup.socket.receive([{} as never, null as never, 'x' as never, { key: { remoteJid: 7 } } as never, wa.text('hola')]);
    await runAll(setup.timers);
    assert.deepEqual(
      setup.engine.received.map((m) => m.text),
      ['hola'],
    );
  });

  it('logs no JIDs, phones, ids or texts', async () => {
    const setup = await setUp();
    await deliver(setup, wa.text('hola CC 1010101010', { from: wa.LAURA_LID, alt: wa.LAURA_PN }), wa.audio(), wa.text('boom'), wa.groupText('hola'));
    const logged = setup.capture.text();
    assert.ok(setup.capture.lines.length > 0);
    assert.doesNotMatch(logged, /573001112233|204857261920345|1010101010|hola|boom/);
  });

  it('talks with the real engine: Laura’s phone on file spares her the birth date', async () => {
    const clock = new ManualClock(FAKE_NOW);
    const engine = createEngine(makeEngineOptions({ clock }));
    const setup = await setUp({ engine, clock });
    const say = async (text: string) => {
      const before = setup.socket.actions.filter((a) => a.type === 'presence' && a.presence === 'paused').length;
      setup.socket.receive([wa.text(text, { from: wa.LAURA_LID, alt: wa.LAURA_PN })]);
      await runUntil(setup.timers, () => setup.socket.actions.filter((a) => a.type === 'presence' && a.presence === 'paused').length > before, `the answer to ${text}`);
      return setup.socket
        .sent()
        .map((s) => s.text)
        .join('\n');
    };
    const greeting = await say('hola');
    assert.ok(greeting.includes(renderer.text('consent.ask', { version: TEST_POLICY_VERSION })), greeting);
    await say('sí');
    const afterDocument = await say('CC 1010101010');
    assert.ok(afterDocument.includes(t('patient.ask')), afterDocument);
    assert.ok(!afterDocument.includes(t('identify.askBirthDate')));
    assert.match(afterDocument, /\n1\. /, 'options as numbered lines');
    assert.ok(setup.socket.sent().every((s) => s.jid === wa.LAURA_LID));
  });

  it('reports its status and serves the pairing page', async () => {
    const setup = await setUp();
    assert.equal(setup.channel.status().state, 'open');
    assert.equal(typeof setup.channel.handlePairingPage, 'function');
    await setup.channel.close();
    assert.equal(setup.channel.status().state, 'closed');
    assert.deepEqual(setup.socket.ended, [undefined]);
  });
});
