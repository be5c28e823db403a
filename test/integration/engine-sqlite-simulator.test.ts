/**
 * The engine as it runs in production, minus the channel: a SQLite file, the real agenda
 * client and the embedded agenda simulator over HTTP.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { testContext, type TestContext } from '../support/test-context.js';
import { createAgendaClient } from '../../adapters/agenda/agenda.client.js';
import { startAgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { bogotaTime } from '../../bot/calendar.js';
import { ManualClock } from '../../bot/clock.js';
import { createEngine } from '../../bot/engine.js';
import { silentLogger } from '../../bot/logger.js';
import type { SessionStore } from '../../bot/ports.js';
import { formatDay, formatTime } from '../../bot/rendering/spanish-dates.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import type { Expectation } from '../../bot/understanding/types.js';
import type { Understand } from '../../bot/understanding/understand.js';
import { openDatabase, type SqliteDatabase } from '../../data/database.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import type { ReplyParams } from '../../dialogs/replies.js';
import { FAKE_NOW } from '../fakes/agenda.fake.js';
import { LAURA_PHONE, makeRenderer, plainText, startChat, TEST_POLICY_VERSION, type Chat } from '../fakes/chat.js';

/** Laura in the seed world (README, "Seed world"). */
const LAURA_ID = 'pat-0001';
const renderer = makeRenderer();
const t = (key: string, params?: ReplyParams) => renderer.text(key, params);

/**
 * A world for one test: a database file in a fresh folder, the simulator seeded from the clock,
 * the HTTP client, and an engine over them. `restart` closes the database and builds a brand
 * new engine on the same file, as after a crash.
 */
async function startWorld(test: TestContext) {
  const folder = await mkdtemp(join(tmpdir(), 'lina-integration-'));
  const databasePath = join(folder, 'lina.db');
  const clock = new ManualClock(FAKE_NOW);
  const simulator = await startAgendaSimulator({ clock });
  const agenda = createAgendaClient({ baseUrl: simulator.url, timeoutMs: 5000 });
  let db: SqliteDatabase = openDatabase(databasePath);
  let crashBeforeSaving = false;

  /** The SQLite store, except that a planted crash kills the next turn after its agenda calls, before it is saved. */
  const buildStore = (): SessionStore => {
    const store = createSqliteSessionStore(db);
    return {
      ...store,
      async commitTurn(turn) {
        if (crashBeforeSaving) {
          crashBeforeSaving = false;
          throw new Error('the process was killed');
        }
        await store.commitTurn(turn);
      },
    };
  };
  let understand: Understand = loadUnderstanding();
  const buildEngine = () =>
    createEngine({
      store: buildStore(),
      agenda,
      clock,
      renderer,
      understand: (text, expectation, now) => understand(text, expectation, now),
      logger: silentLogger,
      sessionTimeoutMs: 10 * 60_000,
      turnTimeoutMs: 15_000,
      maxMessageLength: 2000,
      policyVersion: TEST_POLICY_VERSION,
    });
  const chat = await startChat({ engine: buildEngine(), clock, channel: 'whatsapp', from: LAURA_PHONE });

  test.after(async () => {
    if (db.open) db.close();
    await simulator.close();
    await rm(folder, { recursive: true, force: true });
  });

  return {
    chat,
    agenda,
    clock,
    db: () => db,
    /** What reads the member's messages, from the next turn on (across restarts). */
    setUnderstand(next: Understand) {
      understand = next;
    },
    crashNextTurnBeforeSaving() {
      crashBeforeSaving = true;
    },
    restart() {
      db.close();
      db = openDatabase(databasePath);
      chat.engine = buildEngine();
    },
  };
}

/** One member message, a minute after the previous one; every `expected` text must be in the answer. */
async function say(chat: Chat, text: string, expected: string[] = []) {
  chat.clock.advance(60_000);
  await chat.say(text);
  const reply = chat.lastReply();
  for (const part of expected) {
    assert.ok(reply.includes(part), `after "${text}", expected\n  ${part}\nin\n${reply}`);
  }
  return reply;
}

/** From the first hello to the list of afternoon general-medicine slots at Suba. */
async function sayUpToTheSlots(chat: Chat) {
  await say(chat, 'Hola', [t('greeting.welcome'), t('consent.ask', { version: TEST_POLICY_VERSION })]);
  await say(chat, 'sí', [t('consent.thanks'), t('identify.askDocument')]);
  const identified = await say(chat, 'CC 1010101010', [t('identify.welcome', { name: 'Laura' }), t('patient.ask')]);
  // The WhatsApp number is the phone on file: no date of birth.
  assert.ok(!identified.includes(t('identify.askBirthDate')));
  await say(chat, 'para mí', [t('menu.askSelf')]);
  await say(chat, 'agendar', [t('booking.askSpecialty')]);
  await say(chat, 'medicina general', [t('booking.askVisitType')]);
  await say(chat, 'primera vez', [t('booking.askSite'), 'USS Suba']);
  await say(chat, 'suba', [t('booking.askFranja')]);
  await say(chat, 'tarde');
  const slots = chat.turns.at(-1)?.replies.flatMap((reply) => reply.options ?? []) ?? [];
  assert.ok(slots.length > 0 && slots.length <= 5, `expected 1 to 5 slots, got:\n${chat.lastReply()}`);
  return slots;
}

/** Confirms the first slot shown and checks the agenda now holds exactly that appointment. */
async function bookFirstSlot(world: Awaited<ReturnType<typeof startWorld>>, firstLabel: string) {
  const { chat, agenda } = world;
  await say(chat, '1', ['USS Suba']);
  await say(chat, 'sí');

  const appointments = await agenda.listAppointments({ patientId: LAURA_ID });
  assert.equal(appointments.length, 1);
  const [appointment] = appointments;
  assert.ok(appointment);
  assert.equal(appointment.site, 'SUBA');
  assert.equal(appointment.cups, '890201');
  assert.equal(appointment.status, 'booked');
  assert.ok(bogotaTime(new Date(appointment.start)) >= '12:00', `an afternoon slot, got ${appointment.start}`);
  // The slot shown first is the one booked, and the member is told its day, time and doctor.
  const day = formatDay(appointment.start, chat.clock.now());
  const time = formatTime(appointment.start);
  assert.ok(firstLabel.includes(day) && firstLabel.includes(time), `first slot shown: ${firstLabel}`);
  const booked = chat.lastReply();
  for (const part of [day, time, appointment.doctor.name, 'USS Suba']) {
    assert.ok(booked.includes(part), `expected ${part} in\n${booked}`);
  }
  // After an operation the main menu comes back (contract point 14).
  assert.ok(booked.includes(t('menu.askSelf')), booked);
  return appointment;
}

describe('engine + SQLite file + agenda simulator', () => {
  it('books an appointment for Laura on WhatsApp, end to end', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const slots = await sayUpToTheSlots(world.chat);
    await bookFirstSlot(world, slots[0]?.label ?? '');
  });

  it('continues at the step it reached after the process is killed and restarted', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const slots = await sayUpToTheSlots(world.chat);

    world.restart();

    await bookFirstSlot(world, slots[0]?.label ?? '');
    const conversations = world.db().prepare('SELECT id, outcome FROM conversations').all() as Array<{ outcome: string | null }>;
    assert.equal(conversations.length, 1, 'the restart did not start another conversation');
    assert.equal(conversations[0]?.outcome, 'booked');
  });

  it('books once when killed after the agenda booked but before saving, and the message is delivered again', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const { chat, agenda } = world;
    await sayUpToTheSlots(chat);
    await say(chat, '1');
    const confirmation = chat.message('sí');
    world.crashNextTurnBeforeSaving();
    await assert.rejects(chat.engine.handle(confirmation), /killed/);
    const [bookedBeforeRestart] = await agenda.listAppointments({ patientId: LAURA_ID });
    assert.ok(bookedBeforeRestart, 'the agenda booked before the crash');

    world.restart();
    // The channel never got an answer, so it delivers the same message again.
    const replies = await chat.engine.handle(confirmation);
    const appointments = await agenda.listAppointments({ patientId: LAURA_ID });
    assert.deepEqual(
      appointments.map((appointment) => appointment.id),
      [bookedBeforeRestart.id],
    );
    assert.ok(plainText(replies).includes(formatTime(bookedBeforeRestart.start)), plainText(replies));
  });

  it('books once when killed after the agenda booked but before saving, and the member confirms again', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const { chat, agenda } = world;
    await sayUpToTheSlots(chat);
    await say(chat, '1');
    world.crashNextTurnBeforeSaving();
    await assert.rejects(chat.say('sí'), /killed/);

    world.restart();
    const reply = await say(chat, 'sí');
    const appointments = await agenda.listAppointments({ patientId: LAURA_ID });
    assert.equal(appointments.length, 1);
    assert.ok(!reply.includes(t('slots.slotTaken')), reply);
    assert.ok(reply.includes(formatTime(appointments[0]?.start ?? '')), reply);
  });

  it('records the consent, the transcript and the outcome, and leaves the file intact', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const { chat } = world;
    await say(chat, 'Hola');
    await say(chat, 'sí');
    const consentedAt = chat.clock.now().getTime();
    await sayUpToTheRest(chat);
    const db = world.db();

    const consents = db.prepare('SELECT channel, user_id, accepted, policy_version, text_shown, recorded_at FROM consents').all();
    assert.deepEqual(consents, [
      {
        channel: 'whatsapp',
        user_id: LAURA_PHONE,
        accepted: 1,
        policy_version: TEST_POLICY_VERSION,
        text_shown: t('consent.ask', { version: TEST_POLICY_VERSION }),
        recorded_at: consentedAt,
      },
    ]);

    const lines = db.prepare('SELECT direction, text, state, message_id FROM transcript ORDER BY id').all() as Array<{
      direction: 'in' | 'out';
      text: string;
      state: string | null;
      message_id: string | null;
    }>;
    const incoming = lines.filter((line) => line.direction === 'in');
    const outgoing = lines.filter((line) => line.direction === 'out');
    assert.deepEqual(
      incoming.map((line) => line.text),
      chat.turns.map((turn) => turn.said),
    );
    assert.ok(incoming.every((line) => line.state === null && line.message_id !== null));
    assert.ok(outgoing.length >= incoming.length);
    assert.ok(
      outgoing.every((line) => typeof line.state === 'string' && line.state.length > 0),
      'every out line has its state',
    );
    assert.equal(outgoing[0]?.state, 'awaitingConsent');
    assert.ok(
      outgoing.some((line) => line.state === 'booking.running.takingSlot.findingSlot.awaitingSlot'),
      'steps inside an operation are named',
    );
    assert.equal(outgoing.at(-1)?.state, 'menu');

    const events = db.prepare('SELECT type, detail FROM conversation_events ORDER BY id').all();
    assert.deepEqual(events, [
      { type: 'conversation-started', detail: 'first-contact' },
      { type: 'booking-started', detail: null },
      { type: 'outcome:booked', detail: 'SUBA' },
    ]);
    const subjects = db.prepare('SELECT kind, value FROM conversation_subjects ORDER BY kind').all();
    assert.deepEqual(subjects, [
      { kind: 'document', value: '1010101010' },
      { kind: 'phone', value: LAURA_PHONE },
    ]);

    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
  });
});

describe('engine + SQLite: answers read against the question saved in the file', () => {
  /** Every turn's text and what the understanding step was told the conversation waits on. */
  function watch(world: Awaited<ReturnType<typeof startWorld>>) {
    const understand = loadUnderstanding();
    const calls: Array<{ text: string; expectation: Expectation }> = [];
    world.setUnderstand((text, expectation, now) => {
      calls.push({ text, expectation: structuredClone(expectation) });
      return understand(text, expectation, now);
    });
    return calls;
  }

  it('after "CC 1010101010" and a restart, "mateo" picks Mateo, as it does in a live conversation', async () => {
    const test = testContext();
    const live = await startWorld(test);
    const restarted = await startWorld(test);
    const liveCalls = watch(live);
    const restartedCalls = watch(restarted);
    for (const world of [live, restarted]) {
      await say(world.chat, 'Hola');
      await say(world.chat, 'sí');
      await say(world.chat, 'CC 1010101010', [t('patient.ask')]);
    }
    restarted.restart();
    for (const world of [live, restarted]) {
      await say(world.chat, 'mateo', [t('menu.askFor', { patient: 'Mateo' })]);
    }
    const [liveRead, restoredRead] = [liveCalls.at(-1), restartedCalls.at(-1)];
    assert.equal(restoredRead?.expectation.question, 'patient');
    assert.deepEqual(restoredRead?.expectation.people, ['laura', 'mateo', 'sofia']);
    assert.deepEqual(restoredRead, liveRead);
  });

  it('reads every answer of a booking the same, restarted from the file at every turn or not', async () => {
    const test = testContext();
    const script = ['Hola', 'sí', 'CC 1010101010', 'es para Mateo', 'quiero agendar', 'pediatría', 'primera vez', 'suba', 'en la tarde', 'la primera', 'sí'];
    const live = await startWorld(test);
    const restarted = await startWorld(test);
    const liveCalls = watch(live);
    const restartedCalls = watch(restarted);
    for (const text of script) {
      await say(live.chat, text);
      restarted.restart();
      await say(restarted.chat, text);
    }
    assert.equal(liveCalls.length, script.length);
    assert.deepEqual(restartedCalls, liveCalls);
    assert.deepEqual(
      restarted.chat.turns.map((turn) => plainText(turn.replies)),
      live.chat.turns.map((turn) => plainText(turn.replies)),
    );
    assert.ok(live.chat.lastReply().includes(t('menu.askFor', { patient: 'Mateo' })), live.chat.lastReply());
    assert.equal((await restarted.agenda.listAppointments({ patientId: 'pat-0002' })).length, 1);
  });
});

describe('engine + SQLite: what the support console searches and counts', () => {
  it('records no availability and the radicado of the RISS case filed at Facatativá', async () => {
    const test = testContext();
    const world = await startWorld(test);
    const { chat } = world;
    for (const text of ['Hola', 'sí', 'CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', 'Facatativá', 'mañana', 'sí']) {
      await say(chat, text);
    }
    const filed = await say(chat, 'sí');
    const radicado = /RISS-\d{4}-\d{6}/.exec(filed)?.[0];
    assert.ok(radicado, `expected a radicado in:\n${filed}`);
    const db = world.db();
    const types = (db.prepare('SELECT type FROM conversation_events ORDER BY id').all() as Array<{ type: string }>).map((row) => row.type);
    assert.deepEqual(types, ['conversation-started', 'booking-started', 'no-availability', 'outcome:case_filed']);
    const found = db.prepare("SELECT conversation_id FROM conversation_subjects WHERE kind = 'radicado' AND value = ?").all(radicado);
    assert.equal(found.length, 1);
  });
});

/** After the consent: identification, menu, booking of the first afternoon slot at Suba. */
async function sayUpToTheRest(chat: Chat) {
  for (const text of ['CC 1010101010', 'para mí', 'agendar', 'medicina general', 'primera vez', 'suba', 'tarde', '1', 'sí']) {
    await say(chat, text);
  }
  assert.ok(chat.lastReply().includes(t('menu.askSelf')), chat.lastReply());
}
