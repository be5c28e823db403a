import assert from 'node:assert/strict';
import { beforeAll, describe, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { ManualClock } from '../../../bot/clock.js';
import { openDatabase } from '../../../data/database.js';
import { createAuthState } from '../../../adapters/whatsapp/auth-state.js';
import { createWhatsAppAuthStore } from '../../../data/whatsapp/auth-state.store.js';
import { backoffDelay } from '../../../adapters/whatsapp/backoff.js';
import { startConnection, WhatsAppUnavailableError, type ConnectionOptions } from '../../../adapters/whatsapp/connection.js';
import { loadAuthToolkit, loadBaileys, type AuthToolkit, type AuthenticationState } from '../../../adapters/whatsapp/socket.js';
import { FakeTimers, flush, makeCapturingLogger, makeSocketFactory, runAll, runUntil } from './fakes.js';

/** What Baileys' `DisconnectReason` says (checked against the library below). */
const REASON = {
  loggedOut: 401,
  forbidden: 403,
  connectionLost: 408,
  timedOut: 408,
  multideviceMismatch: 411,
  connectionClosed: 428,
  connectionReplaced: 440,
  badSession: 500,
  unavailableService: 503,
  restartRequired: 515,
} as const;

// jsqr is a webpack bundle: depending on the loader, the decoder is the export or its `default`.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

const QR = '2@Lx8d0Yb3TqPz,x3xvYwq4Zs1Pn8s=,1Kx9Y0bT4v7QpR2s=,aGVsbG8gd29ybGQ=,1';
const CAP_MS = 8000;

let toolkit: AuthToolkit;
beforeAll(async () => {
  toolkit = await loadAuthToolkit();
});

async function setUp(options: Partial<ConnectionOptions> = {}) {
  const db = openDatabase(':memory:');
  const auth = createAuthState({ store: createWhatsAppAuthStore(db), toolkit });
  const clock = new ManualClock('2026-11-23T08:00:00-05:00');
  const timers = new FakeTimers(clock);
  const factory = makeSocketFactory(clock);
  const givenAuth: AuthenticationState[] = [];
  const printed: string[] = [];
  const capture = makeCapturingLogger();
  const connection = startConnection({
    createSocket: async (params) => {
      givenAuth.push({ creds: params.auth.creds, keys: params.auth.keys });
      return factory.create(params);
    },
    auth,
    logger: capture.logger,
    clock,
    timers,
    random: () => 0.5,
    reconnectMaxMs: CAP_MS,
    printPairing: (text) => printed.push(text),
    onSocket: () => {},
    ...options,
  });
  await flush();
  return { db, auth, clock, timers, factory, givenAuth, printed, capture, connection };
}

function readQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

function authRows(db: ReturnType<typeof openDatabase>): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM whatsapp_auth').get()?.n ?? 0;
}

describe('WhatsApp connection', () => {
  it('uses the codes of Baileys’ DisconnectReason', async () => {
    const { DisconnectReason } = await loadBaileys();
    for (const [name, code] of Object.entries(REASON)) assert.equal(DisconnectReason[name as keyof typeof REASON], code, name);
  });

  it('pairs by QR: prints it for the terminal and keeps it as a PNG for the page', async () => {
    const { factory, connection, printed, timers } = await setUp();
    assert.equal(connection.status().state, 'connecting');
    factory.latest().showQr(QR);
    await runUntil(timers, () => connection.status().state === 'pairing', 'pairing');
    const status = connection.status();
    assert.match(status.qrPng ?? '', /^data:image\/png;base64,/);
    assert.equal(readQr(status.qrPng ?? ''), QR, 'the PNG holds the QR WhatsApp gave');
    assert.equal(printed.length, 1);
    assert.match(printed[0] ?? '', /[▀▄█]/, 'a QR drawn with block characters');
    assert.match(printed[0] ?? '', /Linked devices/);

    factory.latest().open();
    assert.equal(connection.status().state, 'open');
    assert.equal(connection.status().qrPng, undefined);
  });

  it('pairs by code for the configured phone, once per socket, without a QR', async () => {
    const { factory, connection, printed } = await setUp({ pairingPhone: '+57 300 111 2233' });
    const socket = factory.latest();
    socket.showQr(QR);
    socket.showQr(`${QR}-next`);
    await flush();
    assert.deepEqual(socket.pairingCodeRequests, ['573001112233']);
    assert.equal(connection.status().state, 'pairing');
    assert.equal(connection.status().pairingCode, 'LINA2026');
    assert.equal(connection.status().qrPng, undefined);
    assert.equal(printed.length, 1);
    assert.match(printed[0] ?? '', /LINA-2026/);
  });

  it('reconnects at once when WhatsApp asks for a restart (after pairing)', async () => {
    const { factory, connection, timers } = await setUp();
    factory.latest().closeWith(REASON.restartRequired);
    await flush();
    assert.equal(factory.sockets.length, 2);
    assert.equal(timers.pending(), 0, 'no waiting');
    factory.latest().open();
    assert.equal(connection.status().state, 'open');
    assert.equal(connection.status().lastDisconnect?.reason, 'restartRequired');
  });

  for (const [name, code] of [
    ['connectionLost', REASON.connectionLost],
    ['connectionClosed', REASON.connectionClosed],
    ['badSession', REASON.badSession],
    ['unavailableService', REASON.unavailableService],
    ['unknown', undefined],
  ] as const) {
    it(`waits and reconnects after ${name}`, async () => {
      const { factory, connection, timers, auth } = await setUp();
      const creds = auth.state.creds;
      factory.latest().open();
      factory.latest().closeWith(code);
      await flush();
      assert.equal(factory.sockets.length, 1, 'not at once');
      assert.equal(connection.status().state, 'reconnecting');
      assert.equal(connection.status().lastDisconnect?.reason, name);
      assert.equal(connection.status().lastDisconnect?.code, code);
      assert.ok(connection.status().retryAt);
      await runUntil(timers, () => factory.sockets.length === 2, 'a new socket');
      assert.equal(connection.status().state, 'connecting');
      assert.equal(auth.state.creds, creds, 'the same credentials: no new pairing');
    });
  }

  it('backs off exponentially up to the cap, and starts over after a successful connection', async () => {
    const { factory, timers } = await setUp();
    for (let drop = 0; drop < 7; drop++) {
      factory.latest().closeWith(REASON.connectionLost);
      await runUntil(timers, () => factory.sockets.length === drop + 2, `socket ${drop + 2}`);
    }
    // random() = 0.5 puts each wait at three quarters of its ceiling.
    assert.deepEqual(timers.requested, [750, 1500, 3000, 6000, 6000, 6000, 6000]);
    assert.ok(timers.requested.every((delay) => delay <= CAP_MS));

    factory.latest().open();
    factory.latest().closeWith(REASON.timedOut);
    await flush();
    assert.equal(timers.requested.at(-1), 750);
  });

  it('has jitter between half and all of the capped ceiling', () => {
    for (const attempt of [1, 2, 5, 30, 1000]) {
      const ceiling = Math.min(CAP_MS, 1000 * 2 ** Math.min(attempt - 1, 30));
      assert.equal(backoffDelay(attempt, { maxMs: CAP_MS, random: () => 0 }), ceiling / 2);
      assert.equal(backoffDelay(attempt, { maxMs: CAP_MS, random: () => 0.999999 }), Math.round(ceiling / 2 + (ceiling / 2) * 0.999999));
      assert.ok(backoffDelay(attempt, { maxMs: CAP_MS, random: Math.random }) <= CAP_MS);
    }
  });

  it('retries later when the socket cannot even be built', async () => {
    let calls = 0;
    const clock = new ManualClock('2026-11-23T08:00:00-05:00');
    const factory = makeSocketFactory(clock);
    const { connection, timers } = await setUp({
      createSocket: async (params) => {
        calls += 1;
        if (calls === 1) throw new Error('whatsapp-rust-bridge failed to load');
        return factory.create(params);
      },
    });
    assert.equal(connection.status().state, 'reconnecting');
    await runUntil(timers, () => factory.sockets.length === 1, 'a socket on the second try');
  });

  it('forgets the credentials and pairs afresh when logged out from the phone', async () => {
    const { db, auth, factory, connection, givenAuth, timers } = await setUp();
    factory.latest().emit('creds.update', { registered: true, me: { id: '573001112233:9@s.whatsapp.net', name: 'Lina' } });
    await auth.state.keys.set({ session: { '573001112233.0': new Uint8Array([1, 2]) } });
    await flush();
    assert.ok(authRows(db) >= 2);
    factory.latest().open();

    factory.latest().closeWith(REASON.loggedOut);
    assert.equal(connection.status().state, 'loggedOut');
    await flush();
    assert.equal(authRows(db), 0, 'credentials and keys gone');
    assert.equal(factory.sockets.length, 2, 'a new pairing starts at once');
    assert.equal(timers.pending(), 0);
    assert.equal(givenAuth[1]?.creds.registered, false);
    assert.notDeepEqual(givenAuth[1]?.creds.noiseKey, givenAuth[0]?.creds.noiseKey);

    factory.latest().showQr(QR);
    await runUntil(timers, () => connection.status().state === 'pairing', 'pairing');
    assert.equal(connection.status().lastDisconnect?.reason, 'loggedOut');

    // Logged out again before any success: something is wrong, so it slows down.
    factory.latest().closeWith(REASON.loggedOut);
    await flush();
    assert.equal(factory.sockets.length, 2);
    assert.equal(timers.pending(), 1);
    await runUntil(timers, () => factory.sockets.length === 3, 'a third socket');
  });

  it('stops, without reconnecting, when another WhatsApp Web session replaces it', async () => {
    const { factory, connection, timers, capture } = await setUp();
    factory.latest().open();
    factory.latest().closeWith(REASON.connectionReplaced);
    await runAll(timers);
    assert.equal(factory.sockets.length, 1);
    assert.equal(connection.status().state, 'replaced');
    await assert.rejects(connection.whenOpen(), WhatsAppUnavailableError);
    const stopped = capture.lines.find((line) => line.state === 'replaced');
    assert.equal(stopped?.code, 440);
    assert.equal(stopped?.reason, 'connectionReplaced');
  });

  it('stops when WhatsApp forbids the account', async () => {
    const { factory, connection, timers } = await setUp();
    factory.latest().closeWith(REASON.forbidden);
    await runAll(timers);
    assert.equal(factory.sockets.length, 1);
    assert.equal(connection.status().state, 'stopped');
  });

  it('saves every credentials update', async () => {
    const { db, factory } = await setUp();
    factory.latest().emit('creds.update', { registered: true, platform: 'android' });
    await flush();
    const reloaded = createAuthState({ store: createWhatsAppAuthStore(db), toolkit }).state.creds;
    assert.equal(reloaded.registered, true);
    assert.equal(reloaded.platform, 'android');
  });

  it('hands out the open socket, waiting for it while the link is down', async () => {
    const { factory, connection, timers } = await setUp();
    const waiting = connection.whenOpen();
    factory.latest().closeWith(REASON.connectionLost);
    await runUntil(timers, () => factory.sockets.length === 2, 'a new socket');
    factory.latest().open();
    assert.equal(await waiting, factory.latest());
    assert.equal(await connection.whenOpen(), factory.latest());
  });

  it('ignores what an old socket says after it was replaced', async () => {
    const { factory, connection } = await setUp();
    const old = factory.latest();
    old.closeWith(REASON.restartRequired);
    await flush();
    factory.latest().open();
    old.closeWith(REASON.loggedOut);
    old.emit('creds.update', { registered: true });
    await flush();
    assert.equal(connection.status().state, 'open');
    assert.equal(factory.sockets.length, 2);
  });

  it('closes the socket and stops reconnecting on close()', async () => {
    const { factory, connection, timers } = await setUp();
    factory.latest().closeWith(REASON.connectionLost);
    await flush();
    await connection.close();
    await runAll(timers);
    assert.equal(factory.sockets.length, 1);
    assert.equal(connection.status().state, 'closed');

    const second = await setUp();
    second.factory.latest().open();
    await second.connection.close();
    assert.deepEqual(second.factory.latest().ended, [undefined]);
    second.factory.latest().closeWith(undefined);
    await runAll(second.timers);
    assert.equal(second.factory.sockets.length, 1);
    assert.equal(second.connection.status().state, 'closed');
  });

  it('logs every state change with its reason code and no personal data', async () => {
    const { factory, timers, capture } = await setUp();
    factory.latest().emit('creds.update', { me: { id: '573001112233:9@s.whatsapp.net', name: 'Laura Gómez' } });
    factory.latest().closeWith(REASON.connectionLost);
    await runUntil(timers, () => factory.sockets.length === 2, 'a new socket');
    factory.latest().open();
    const states = capture.lines.filter((line) => line.msg === 'WhatsApp connection state changed');
    assert.deepEqual(
      states.map((line) => [line.state, line.code]),
      [
        ['reconnecting', 408],
        ['connecting', 408],
        ['open', 408],
      ],
    );
    assert.doesNotMatch(capture.text(), /573001112233|Laura/);
  });
});
