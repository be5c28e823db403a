/**
 * A crash right after the webhook's 200, end to end: the local Cloud API in this process, and
 * Lina as `lina start` runs her, in a process of her own (WHATSAPP_CLOUD_LOCAL, pointed at the
 * local Cloud API, on SQLite files in a temporary folder). A member writes; Lina answers the
 * webhook 200 and sends her reply, which the local Cloud API holds (`holdSends`), so the process
 * is killed with SIGKILL at a known point: after the 200, before the reply reached the phone.
 * Lina is started again on the same files and must answer that message from her inbox: the
 * phone receives the answer once, a redelivery of the webhook is not answered again, and the
 * conversation goes on with the next message.
 *
 * When a turn is over is read from Lina's inbox (`whatsapp_cloud_inbox`, opened read-only): a
 * message is closed there once its replies have been sent, so waiting for that is waiting for
 * the whole answer, however many messages it takes.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { LOCAL_CLOUD_API } from '../../bot/config.js';
import { startCloudSim, type CloudSim, type ReceivedMessage } from '../../adapters/whatsapp-cloud-sim/sim.server.js';
import { createCloudInboxStore } from '../../data/whatsapp/cloud-inbox.store.js';

const PHONE = '573001112233';
/** Another member, to see what a 'hola' is answered when nothing went wrong. */
const OTHER_PHONE = '573104445566';

const directory = mkdtempSync(join(tmpdir(), 'lina-cloud-crash-'));
const databasePath = join(directory, 'lina.db');
/** Every Lina process started, killed in `afterAll` whatever became of the test. */
const running = new Set<ChildProcess>();
let sim: CloudSim;
let port: number;
let inbox: { db: Database.Database; pending: () => string[] } | undefined;

/** A port free on this machine now, for both of Lina's runs (the restarted one listens where the first did). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

beforeAll(async () => {
  port = await freePort();
  sim = await startCloudSim({
    webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    phoneNumberId: LOCAL_CLOUD_API.phoneNumberId,
    accessToken: LOCAL_CLOUD_API.accessToken,
    appSecret: LOCAL_CLOUD_API.appSecret,
  });
});

afterAll(async () => {
  await Promise.all([...running].map(kill));
  inbox?.db.close();
  await sim?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Lina's settings: this machine's, minus any of Lina's own a developer's shell may hold. */
function linaEnv(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(LINA|WHATSAPP|AGENDA)_/.test(name)));
  return {
    ...inherited,
    LINA_DATABASE_PATH: databasePath,
    LINA_HOST: '127.0.0.1',
    LINA_PORT: String(port),
    AGENDA_SIMULATOR_PORT: '0',
    AGENDA_SIMULATOR_DATABASE_PATH: join(directory, 'agenda.db'),
    WHATSAPP_CLOUD_LOCAL: 'true',
    WHATSAPP_CLOUD_API_URL: sim.url,
    // The local Cloud API's credentials, said outright: a developer's .env may hold real ones.
    WHATSAPP_CLOUD_PHONE_NUMBER_ID: LOCAL_CLOUD_API.phoneNumberId,
    WHATSAPP_CLOUD_ACCESS_TOKEN: LOCAL_CLOUD_API.accessToken,
    WHATSAPP_CLOUD_APP_SECRET: LOCAL_CLOUD_API.appSecret,
    WHATSAPP_CLOUD_VERIFY_TOKEN: LOCAL_CLOUD_API.verifyToken,
    WHATSAPP_CHAT_GAP_MS: '0',
    LOG_LEVEL: 'silent',
  };
}

/** `lina start` as its own process; settles once she says she is ready (her webhook listens). */
async function startLina(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main/cli.ts', 'start'], { env: linaEnv(), cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C to stop.')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`Lina stopped before she was ready (${signal ?? code}):\n${output}`)));
  });
  assert.match(output, new RegExp(`Cloud API webhook http://[^ ]+:${port}/webhooks/whatsapp`));
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Lina's inbox, read-only: the ids of the member messages recorded and not yet answered. */
function pendingInInbox(): string[] {
  if (!inbox) {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    const store = createCloudInboxStore(db);
    inbox = { db, pending: () => store.pending().map((entry) => entry.messageId) };
  }
  return inbox.pending();
}

/** `promise`, or a failure saying what never came: a broken Lina fails the test, she does not hang it. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} never came`)), 20_000);
  });
  try {
    return await Promise.race([promise, never]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until the member message `wamid`, recorded in the inbox before its 200, has been answered. */
async function answered(wamid: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (!pendingInInbox().includes(wamid)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('Lina did not answer the message');
}

/** The member writes on the local Cloud API; the webhook must be taken. */
async function type(phone: string, text: string): Promise<string> {
  const { wamid, status } = await sim.type(phone, text);
  assert.equal(status, 200, 'the webhook took the message');
  return wamid;
}

const shown = (messages: ReceivedMessage[]) => messages.map((message) => ({ type: message.type, text: message.text, options: message.options }));
const texts = (messages: ReceivedMessage[]) => messages.map((message) => message.text).join('\n');

describe('a Lina process killed after the webhook’s 200, before her reply reached the phone', () => {
  it('answers the message once after a restart, not again when Meta redelivers it, and goes on', async () => {
    const first = await startLina();
    sim.holdSends();
    const hola = await type(PHONE, 'hola');
    // The 200 came after the message was in the inbox; Lina's reply is now waiting at the Cloud API.
    assert.deepEqual(pendingInInbox(), [hola]);
    await within(sim.whenHeld(1), 'Lina’s reply');
    await kill(first);
    // The killed process's send is given up: it never reaches the phone.
    await within(sim.whenHeld(0), 'the end of the killed process’s send');
    assert.deepEqual(sim.received(PHONE), []);
    assert.deepEqual(pendingInInbox(), [hola]);

    await startLina();
    // Started, Lina answers what her inbox holds: her reply comes (held again), then goes.
    await within(sim.whenHeld(1), 'the restarted Lina’s reply');
    assert.equal(sim.releaseSends(), 1);
    await answered(hola);
    const answer = sim.received(PHONE);
    assert.ok(answer.length > 0);
    assert.equal(answer.filter((message) => /Soy Lina/.test(message.text)).length, 1, texts(answer));
    assert.deepEqual(
      answer.at(-1)?.options.map((option) => option.id),
      ['yes', 'no'],
    );
    // The answer is the one any member's 'hola' gets.
    await answered(await type(OTHER_PHONE, 'hola'));
    assert.deepEqual(shown(answer), shown(sim.received(OTHER_PHONE)));

    // Meta delivers the webhook again: taken (200), not answered again. The member's next
    // message is handled after anything of hers before it, so once it is answered a second
    // answer to 'hola' would have come already.
    assert.equal((await sim.redeliver(hola)).status, 200);
    await answered(await type(PHONE, 'sí'));
    const next = sim.received(PHONE).slice(answer.length);
    assert.match(texts(next), /Quedó registrada tu autorización/);
    assert.doesNotMatch(texts(next), /Soy Lina/);
    assert.deepEqual(pendingInInbox(), []);
  }, 60_000);
});
