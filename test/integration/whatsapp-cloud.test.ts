/**
 * The Cloud API channel end to end, over real HTTP on this machine: Lina as `npm start` runs her
 * (`startLina`, WHATSAPP_CLOUD_LOCAL) with the embedded agenda, and the local Cloud API in
 * Meta's place. Members type and tap on the local Cloud API; it posts signed webhooks to Lina,
 * Lina sends her replies to it, and the test reads what each phone received.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig, LOCAL_CLOUD_API } from '../../bot/config.js';
import pino from 'pino';
import { REDACTED_PATHS } from '../../bot/logger.js';
import { startLina, type RunningLina } from '../../bot/main/server.js';
import { startCloudSim, type CloudSim, type ReceivedMessage } from '../../adapters/whatsapp-cloud-sim/sim.server.js';
import { createPeopleStore } from '../../data/whatsapp/people.store.js';
import { FAKE_NOW } from '../fakes/agenda.fake.js';

let sim: CloudSim;
let lina: RunningLina;
/** Everything Lina logged, at debug level: checked for personal data at the end. */
const logged: string[] = [];
const logger = pino({ level: 'debug', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, { write: (line: string) => void logged.push(line) });

beforeAll(async () => {
  let webhook = '';
  sim = await startCloudSim({
    webhookUrl: () => webhook,
    phoneNumberId: LOCAL_CLOUD_API.phoneNumberId,
    accessToken: LOCAL_CLOUD_API.accessToken,
    appSecret: LOCAL_CLOUD_API.appSecret,
  });
  const config = loadConfig({
    LINA_DATABASE_PATH: ':memory:',
    AGENDA_SIMULATOR_PORT: '0',
    LINA_PORT: '0',
    LOG_LEVEL: 'silent',
    WHATSAPP_CLOUD_LOCAL: 'true',
    WHATSAPP_CLOUD_API_URL: sim.url,
    // Replies go out as fast as they come: the pace is the pacer's tests' business.
    WHATSAPP_CHAT_GAP_MS: '0',
    WHATSAPP_MAX_PER_MINUTE: '1000',
  });
  lina = await startLina({ config, clock: new ManualClock(new Date(FAKE_NOW)), logger });
  webhook = `${lina.web.url}/webhooks/whatsapp`;
});

afterAll(async () => {
  await lina?.close();
  await sim?.close();
});

/** A member's phone: acts through the local Cloud API, and reads what Lina sent since its last act. */
function member(phone: string) {
  let read = 0;
  async function after(act: Promise<{ wamid: string; status: number }>): Promise<ReceivedMessage[]> {
    const { status } = await act;
    assert.equal(status, 200);
    // Lina answered the webhook at once; her replies follow once the turn is done.
    await lina.whatsappCloud?.idle();
    const received = sim.received(phone);
    const fresh = received.slice(read);
    read = received.length;
    return fresh;
  }
  return {
    type: (text: string) => after(sim.type(phone, text)),
    tap: (id: string) => after(sim.tap(phone, id)),
  };
}

const texts = (messages: ReceivedMessage[]) => messages.map((message) => message.text).join('\n');
const last = (messages: ReceivedMessage[]) => messages.at(-1);

describe('WhatsApp Cloud API through the local Cloud API', () => {
  it('serves Meta’s subscription check at /webhooks/whatsapp with the configured token only', async () => {
    const good = await fetch(`${lina.web.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${LOCAL_CLOUD_API.verifyToken}&hub.challenge=987654`);
    assert.equal(await good.text(), '987654');
    const bad = await fetch(`${lina.web.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=987654`);
    assert.equal(bad.status, 403);
  });

  it('books by tapping: buttons and list rows carry the options’ values', async () => {
    const laura = member('573001112233');
    const greeting = await laura.type('hola');
    assert.equal(last(greeting)?.type, 'buttons');
    assert.deepEqual(
      last(greeting)?.options.map((option) => option.id),
      ['yes', 'no'],
    );
    await laura.tap('yes');
    const identified = await laura.type('CC 1010101010');
    assert.match(texts(identified), /Laura/);
    const menu = await laura.tap('self');
    assert.equal(last(menu)?.type, 'list');
    await laura.tap('book');
    await laura.tap('medicina_general');
    await laura.tap('primera_vez');
    await laura.tap('KENNEDY');
    const slots = await laura.tap('manana');
    const slotList = last(slots);
    assert.equal(slotList?.type, 'list');
    const slot = slotList?.options[0];
    assert.ok(slot?.description, 'a slot label is longer than a row title: shown whole in the description');
    const review = await laura.tap(slot.id);
    assert.equal(last(review)?.type, 'buttons');
    const booked = await laura.tap('yes');
    assert.match(texts(booked), /Tu cita quedó agendada/);
    assert.match(texts(booked), /USS Kennedy/);
  });

  it('books by typing, a number picking a list row as on Baileys', async () => {
    const pedro = member('573104445566');
    await pedro.type('hola');
    await pedro.type('sí');
    // Carlos's document from another phone: his birth date is asked as a second factor.
    assert.match(texts(await pedro.type('CC 2020202020')), /fecha de nacimiento/);
    assert.match(texts(await pedro.type('02/11/1980')), /Carlos/);
    await pedro.type('quiero agendar una cita');
    await pedro.type('medicina general');
    await pedro.type('primera vez');
    await pedro.type('en Kennedy');
    await pedro.type('en la mañana');
    const review = await pedro.type('2');
    assert.match(texts(review), /Revisa tu cita/);
    assert.match(texts(await pedro.type('sí')), /Tu cita quedó agendada/);
  });

  it('reschedules by tapping: the band, a slot row, the confirmation', async () => {
    // Carlos, who booked by typing above, moves that appointment to the afternoon.
    const carlos = member('573104445566');
    // His one appointment's label passes a row's 72 characters: numbered text, answered by number.
    const which = await carlos.tap('reschedule');
    assert.equal(last(which)?.type, 'text');
    assert.match(texts(which), /^1\. /m);
    const band = await carlos.type('1');
    assert.deepEqual(
      last(band)?.options.map((option) => option.id),
      ['manana', 'tarde', 'cualquiera'],
    );
    const slots = await carlos.tap('tarde');
    const slot = last(slots)?.options[0];
    assert.ok(slot);
    assert.match(texts(await carlos.tap(slot.id)), /¿La muevo\?/);
    assert.match(texts(await carlos.tap('yes')), /Tu cita quedó reprogramada/);
  });

  it('cancels by tapping and typing: the menu, the appointment by number, the confirmation', async () => {
    const diana = member('573157778899');
    await diana.type('hola');
    await diana.tap('yes');
    await diana.type('CC 5050505050');
    assert.match(texts(await diana.type('07/07/1999')), /Diana/);
    assert.match(texts(await diana.tap('cancel')), /¿Cuál cita quieres cancelar\?/);
    const confirm = await diana.type('1');
    assert.equal(last(confirm)?.type, 'buttons');
    assert.match(texts(await diana.tap('yes')), /cancelé la cita/);
  });

  it('answers a redelivered webhook once', async () => {
    const ana = member('573205556677');
    const { wamid } = await sim.type('573205556677', 'hola');
    await lina.whatsappCloud?.idle();
    const answered = sim.received('573205556677').length;
    assert.ok(answered > 0);
    for (let delivery = 0; delivery < 2; delivery++) {
      assert.equal((await sim.redeliver(wamid)).status, 200);
      await lina.whatsappCloud?.idle();
    }
    assert.equal(sim.received('573205556677').length, answered);
    // And the conversation goes on from where it was.
    assert.match(texts(await ana.tap('yes')), /autorización/);
  });

  it('keeps the conversation a member began on Baileys: the same person, by phone', async () => {
    // Baileys saw the member by LID and phone, and the engine answered her first message.
    const person = createPeopleStore(lina.runtime.db).resolve([
      { jid: '111222333444555@lid', kind: 'lid', user: '111222333444555' },
      { jid: '573006667788@s.whatsapp.net', kind: 'pn', user: '573006667788' },
    ]);
    const first = await lina.runtime.engine.handle({
      channel: 'whatsapp',
      userId: person.personId,
      messageId: 'baileys-1',
      text: 'hola',
      receivedAt: new Date(FAKE_NOW),
      phone: '+573006667788',
    });
    assert.match(first.map((reply) => reply.text).join('\n'), /autorizas/i);
    // The next message comes through the Cloud API: the consent is answered, no greeting again.
    const next = await member('573006667788').type('sí');
    assert.match(texts(next), /Quedó registrada tu autorización/);
    assert.doesNotMatch(texts(next), /Soy Lina/);
  });

  it('sends a template through the Cloud API, and its quick reply reaches the engine as its payload', async () => {
    const laura = member('573001112233');
    const wamid = await lina.whatsappCloud?.sendTemplate('573001112233', {
      name: 'recordatorio_cita',
      language: 'es_CO',
      parameters: { paciente: 'Laura' },
      quickReplies: ['consult'],
    });
    assert.match(wamid ?? '', /^wamid\./);
    assert.equal(sim.received('573001112233').at(-1)?.type, 'template');
    // Laura is at the main menu: the payload is its "Consultar citas" option.
    const answer = await laura.tap('consult');
    assert.match(texts(answer), /USS Kennedy/);
    assert.equal(lina.whatsappCloud?.windowOpen('573001112233'), true);
  });

  it('logged no phone number, document, name or message text, and no raw wamid', () => {
    const log = logged.join('\n');
    assert.ok(log.includes('WhatsApp'), 'the channel logged');
    for (const secret of [
      '573001112233',
      '3001112233',
      '573104445566',
      '1010101010',
      '2020202020',
      '5050505050',
      'Laura',
      'Carlos',
      'Diana',
      '07/07/1999',
      'quiero agendar',
      'wamid.',
    ]) {
      assert.ok(!log.includes(secret), `the logs hold ${secret}`);
    }
  });

  it('marks each member message read', async () => {
    const state = (await (await fetch(`${sim.url}/sim/phones/573001112233`)).json()) as { read: string[]; sent: Array<{ wamid: string }> };
    assert.ok(state.sent.length > 5);
    assert.deepEqual(new Set(state.read), new Set(state.sent.map((message) => message.wamid)));
  });

  it('records what became of each reply as the local Cloud API reports it, and shows it under the turn in the support console’s data', async () => {
    await sim.statusesPosted();
    await lina.whatsappCloud?.idle();
    const rows = lina.runtime.db
      .prepare(
        `SELECT d.status, COUNT(*) AS n FROM whatsapp_cloud_deliveries AS d
         JOIN transcript AS t ON t.message_id = d.answers AND t.direction = 'in' GROUP BY d.status`,
      )
      .all() as Array<{ status: string; n: number }>;
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    // Everything a member answered was read before they answered; what came last is delivered and not yet read.
    assert.ok(count('read') > 5, JSON.stringify(rows));
    assert.ok(count('delivered') > 0, JSON.stringify(rows));
    assert.equal(count('sent'), 0, 'every reply taken was reported delivered');
  });
});
