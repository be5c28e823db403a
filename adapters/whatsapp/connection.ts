/**
 * Keeps Lina linked to WhatsApp: builds a socket, pairs it (terminal QR, the local pairing
 * page, or a code for the configured phone), and rebuilds it when it drops. Reasons follow
 * Baileys' `DisconnectReason` (https://baileys.wiki/docs/api/enumerations/DisconnectReason):
 * a restart request reconnects at once; a logout forgets the credentials and pairs afresh;
 * another WhatsApp Web session taking over stops Lina (fighting it would loop forever);
 * anything else retries with capped, jittered exponential backoff.
 */
import QRCode from 'qrcode';
import type { Logger } from '../../bot/logger.js';
import type { Clock } from '../../bot/ports.js';
import type { StoredAuthState } from './auth-state.js';
import { backoffDelay } from './backoff.js';
import type { SocketFactory, WhatsAppSocket } from './socket.js';
import type { Timers } from './timers.js';

/** Baileys' `DisconnectReason` codes (408 is both `connectionLost` and `timedOut`). */
const DISCONNECT_REASONS: Readonly<Record<number, string>> = {
  401: 'loggedOut',
  403: 'forbidden',
  408: 'connectionLost',
  411: 'multideviceMismatch',
  428: 'connectionClosed',
  440: 'connectionReplaced',
  500: 'badSession',
  503: 'unavailableService',
  515: 'restartRequired',
};

type Policy = 'restart' | 'repair' | 'replaced' | 'stop' | 'retry';

/**
 * What each close means. `badSession` (500) is retried: WhatsApp also sends it for passing
 * server trouble, and forgetting the credentials would force a new scan for nothing.
 * `multideviceMismatch` (411) needs a new link, like a logout. `forbidden` (403) is a blocked
 * account: retrying cannot help.
 */
function policyOf(code: number | undefined): Policy {
  switch (code) {
    case 515:
      return 'restart';
    case 401:
    case 411:
      return 'repair';
    case 440:
      return 'replaced';
    case 403:
      return 'stop';
    default:
      return 'retry';
  }
}

export type WhatsAppState = 'connecting' | 'pairing' | 'open' | 'reconnecting' | 'loggedOut' | 'replaced' | 'stopped' | 'closed';

export interface WhatsAppDisconnect {
  /** Baileys' name for the reason (`connectionLost`), or `unknown`. */
  reason: string;
  code?: number;
  at: Date;
}

/** Where the link to WhatsApp stands: what the pairing page and the lead's health checks show. */
export interface WhatsAppStatus {
  state: WhatsAppState;
  since: Date;
  /** While pairing by QR: the QR code as a PNG data URL. */
  qrPng?: string;
  /** While pairing by phone number: the 8-character code to type on the phone. */
  pairingCode?: string;
  lastDisconnect?: WhatsAppDisconnect;
  /** While reconnecting: when the next attempt is due. */
  retryAt?: Date;
}

export class WhatsAppUnavailableError extends Error {
  override readonly name = 'WhatsAppUnavailableError';
  readonly code = 'WHATSAPP_UNAVAILABLE';
}

export interface ConnectionOptions {
  createSocket: SocketFactory;
  auth: StoredAuthState;
  logger: Logger;
  clock: Clock;
  timers: Timers;
  /** `Math.random` in production: the backoff's jitter. */
  random: () => number;
  reconnectMaxMs: number;
  /** Pair by code for this phone (digits, country code first) instead of by QR. */
  pairingPhone?: string;
  /** Shows pairing instructions to the operator (the CLI prints them). */
  printPairing?: (text: string) => void;
  /** Called with each new socket before it connects: where message handlers are attached. */
  onSocket(socket: WhatsAppSocket): void;
}

export interface Connection {
  status: () => WhatsAppStatus;
  /** The open socket, waiting for the link to come back when it is down. */
  whenOpen(): Promise<WhatsAppSocket>;
  close(): Promise<void>;
}

function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Errors are logged by name and code only: their messages may carry JIDs. */
function describeError(error: unknown): { name: string; code?: number } {
  const name = error instanceof Error ? error.name : typeof error;
  const code = statusCodeOf(error);
  return code === undefined ? { name } : { name, code };
}

function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** Starts connecting at once; never throws (failures are retried and shown in the status). */
export function startConnection(options: ConnectionOptions): Connection {
  const { auth, clock, timers } = options;
  const log = options.logger.child({ component: 'whatsapp' });
  let status: WhatsAppStatus = { state: 'connecting', since: clock.now() };
  let current: WhatsAppSocket | undefined;
  /** Drops in a row without the link opening in between. */
  let failures = 0;
  /** Fresh pairings in a row without the link opening in between. */
  let repairs = 0;
  let retryTimer: unknown;
  let finished = false;
  const waiters: Array<{ resolve: (socket: WhatsAppSocket) => void; reject: (error: Error) => void }> = [];

  function setStatus(next: Omit<WhatsAppStatus, 'since' | 'lastDisconnect'>, lastDisconnect = status.lastDisconnect) {
    const changed = next.state !== status.state;
    status = { ...next, since: changed ? clock.now() : status.since, ...(lastDisconnect ? { lastDisconnect } : {}) };
    if (!changed) return;
    const fields = { state: next.state, reason: lastDisconnect?.reason, code: lastDisconnect?.code };
    if (next.state === 'replaced' || next.state === 'stopped') log.error(fields, 'WhatsApp stopped');
    else log.info(fields, 'WhatsApp connection state changed');
  }

  function settleWaiters(socket: WhatsAppSocket | undefined) {
    for (const waiter of waiters.splice(0)) {
      if (socket) waiter.resolve(socket);
      else waiter.reject(new WhatsAppUnavailableError(`WhatsApp is ${status.state}`));
    }
  }

  function connectAfter(delayMs: number) {
    if (delayMs <= 0) return void connect();
    retryTimer = timers.setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delayMs);
  }

  async function connect(): Promise<void> {
    if (finished) return;
    if (status.state !== 'loggedOut') setStatus({ state: 'connecting' });
    let socket: WhatsAppSocket;
    try {
      socket = await options.createSocket({ auth: auth.state, logger: options.logger });
    } catch (error) {
      log.error({ err: describeError(error) }, 'WhatsApp socket could not be created');
      return retry(undefined);
    }
    if (finished) return socket.end(undefined);
    current = socket;
    let pairingRequested = false;

    socket.ev.on('creds.update', (update) => {
      if (socket !== current) return;
      Object.assign(auth.state.creds, update);
      auth.saveCreds().catch((error: unknown) => log.error({ err: describeError(error) }, 'WhatsApp credentials not saved'));
    });

    const showQr = async (qr: string) => {
      if (options.pairingPhone && !auth.state.creds.registered) {
        if (pairingRequested) return;
        pairingRequested = true;
        try {
          const code = await socket.requestPairingCode(options.pairingPhone.replace(/\D/g, ''));
          if (socket !== current) return;
          setStatus({ state: 'pairing', pairingCode: code });
          options.printPairing?.(
            `WhatsApp pairing code: ${formatPairingCode(code)}\n` + "On Lina's phone: WhatsApp → Linked devices → Link a device → Link with phone number instead.\n",
          );
          return;
        } catch (error) {
          log.warn({ err: describeError(error) }, 'WhatsApp pairing code not issued; showing the QR code instead');
        }
      }
      try {
        const [terminal, png] = await Promise.all([QRCode.toString(qr, { type: 'terminal', small: true }), QRCode.toDataURL(qr)]);
        if (socket !== current) return;
        setStatus({ state: 'pairing', qrPng: png });
        options.printPairing?.(`${terminal}\nScan this QR code on Lina's phone: WhatsApp → Linked devices → Link a device.\n`);
      } catch (error) {
        log.error({ err: describeError(error) }, 'WhatsApp QR code not rendered');
      }
    };

    socket.ev.on('connection.update', (update) => {
      if (socket !== current) return;
      if (update.qr) void showQr(update.qr);
      if (update.connection === 'open') {
        failures = 0;
        repairs = 0;
        setStatus({ state: 'open' });
        settleWaiters(socket);
      } else if (update.connection === 'close') {
        onClose(update.lastDisconnect?.error);
      }
    });

    options.onSocket(socket);
  }

  function retry(lastDisconnect: WhatsAppDisconnect | undefined) {
    failures += 1;
    const delay = backoffDelay(failures, { maxMs: options.reconnectMaxMs, random: options.random });
    setStatus({ state: 'reconnecting', retryAt: new Date(clock.now().getTime() + delay) }, lastDisconnect ?? status.lastDisconnect);
    connectAfter(delay);
  }

  function onClose(error: unknown) {
    current = undefined;
    const code = statusCodeOf(error);
    const lastDisconnect: WhatsAppDisconnect = {
      reason: code === undefined ? 'unknown' : (DISCONNECT_REASONS[code] ?? 'unknown'),
      ...(code === undefined ? {} : { code }),
      at: clock.now(),
    };
    switch (policyOf(code)) {
      case 'restart':
        setStatus({ state: 'connecting' }, lastDisconnect);
        return void connect();
      case 'repair': {
        repairs += 1;
        setStatus({ state: 'loggedOut' }, lastDisconnect);
        // A logout right after a fresh pairing means something else is wrong: slow down.
        const delay = repairs <= 1 ? 0 : backoffDelay(repairs - 1, { maxMs: options.reconnectMaxMs, random: options.random });
        auth.clear().then(
          () => connectAfter(delay),
          (clearError: unknown) => {
            log.error({ err: describeError(clearError) }, 'WhatsApp credentials not cleared');
            connectAfter(delay);
          },
        );
        return;
      }
      case 'replaced':
        finished = true;
        setStatus({ state: 'replaced' }, lastDisconnect);
        return settleWaiters(undefined);
      case 'stop':
        finished = true;
        setStatus({ state: 'stopped' }, lastDisconnect);
        return settleWaiters(undefined);
      case 'retry':
        return retry(lastDisconnect);
    }
  }

  void connect();

  return {
    status: () => status,
    whenOpen() {
      if (current && status.state === 'open') return Promise.resolve(current);
      if (finished) return Promise.reject(new WhatsAppUnavailableError(`WhatsApp is ${status.state}`));
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
    close() {
      if (status.state === 'closed') return Promise.resolve();
      finished = true;
      if (retryTimer !== undefined) timers.clearTimeout(retryTimer);
      retryTimer = undefined;
      const socket = current;
      current = undefined;
      socket?.end(undefined);
      setStatus({ state: 'closed' });
      settleWaiters(undefined);
      return Promise.resolve();
    },
  };
}
