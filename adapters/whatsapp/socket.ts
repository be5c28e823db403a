/**
 * The WhatsApp socket as Lina needs it, and the one module that loads Baileys
 * (https://baileys.wiki, `@whiskeysockets/baileys` 7). Baileys is loaded lazily with a dynamic
 * import, so a Lina without WhatsApp never pays for it; everything else in this folder talks
 * to the narrow `WhatsAppSocket` below, which tests replace with a fake.
 */
import type { AuthenticationCreds, AuthenticationState, ConnectionState, SignalDataSet, SignalDataTypeMap, WAMessageKey, proto } from '@whiskeysockets/baileys';
import { REDACTED_PATHS, type Logger } from '../../bot/logger.js';

export type { AuthenticationCreds, AuthenticationState, ConnectionState, SignalDataSet, SignalDataTypeMap, WAMessageKey };

/** What a `messages.upsert` event carries; messages stay `unknown` until validated. */
export interface MessagesUpsert {
  messages: unknown[];
  type: string;
}

/** The socket events Lina listens to. */
export interface SocketEvents {
  'connection.update': Partial<ConnectionState>;
  'creds.update': Partial<AuthenticationCreds>;
  'messages.upsert': MessagesUpsert;
}

export type SocketEventName = keyof SocketEvents;
export type SocketListener<E extends SocketEventName> = (data: SocketEvents[E]) => void;

/** The part of a Baileys socket Lina uses. */
export interface WhatsAppSocket {
  ev: {
    on<E extends SocketEventName>(event: E, listener: SocketListener<E>): void;
    off<E extends SocketEventName>(event: E, listener: SocketListener<E>): void;
  };
  sendMessage(jid: string, content: { text: string }): Promise<unknown>;
  sendPresenceUpdate(type: 'composing' | 'paused', jid: string): Promise<void>;
  readMessages(keys: WAMessageKey[]): Promise<void>;
  /** Asks WhatsApp for an 8-character code to link this device to `phoneNumber` (digits only). */
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** Closes the connection; the socket then reports `connection: 'close'`. */
  end(error: Error | undefined): void;
}

/** Builds one socket over the given credentials. A new one is built for every reconnection. */
export type SocketFactory = (params: { auth: AuthenticationState; logger: Logger }) => Promise<WhatsAppSocket>;

/** The Baileys pieces the SQLite auth state needs to (de)serialise credentials and keys. */
export interface AuthToolkit {
  /** Baileys' JSON replacer/reviver, which keep Buffers and Uint8Arrays intact. */
  bufferJson: {
    replacer: (key: string, value: unknown) => unknown;
    reviver: (key: string, value: unknown) => unknown;
  };
  /** Fresh, unpaired credentials. */
  initAuthCreds(): AuthenticationCreds;
  /** Turns a stored app-state sync key back into the protobuf object Baileys expects. */
  appStateSyncKey(value: object): proto.Message.IAppStateSyncKeyData;
}

export type BaileysModule = typeof import('@whiskeysockets/baileys');

let baileys: Promise<BaileysModule> | undefined;

/** Loads Baileys once per process: the one way into the library (tests use it too). */
export function loadBaileys(): Promise<BaileysModule> {
  baileys ??= import('@whiskeysockets/baileys');
  return baileys;
}

/** The Baileys helpers the auth state needs, loaded through the one dynamic import. */
export async function loadAuthToolkit(): Promise<AuthToolkit> {
  const { BufferJSON, initAuthCreds, proto: protocol } = await loadBaileys();
  return {
    bufferJson: { replacer: BufferJSON.replacer, reviver: BufferJSON.reviver },
    initAuthCreds,
    appStateSyncKey: (value) => protocol.Message.AppStateSyncKeyData.fromObject(value),
  };
}

/**
 * Baileys logs JIDs and message ids at debug and info: it gets a child logger at `warn` at the
 * most, with JID-bearing fields blanked on top of Lina's usual redaction list.
 */
function quietLogger(logger: Logger): Logger {
  const warn = logger.levels.values.warn ?? 40;
  const level = logger.levelVal > warn ? logger.level : 'warn';
  return logger.child(
    { component: 'baileys' },
    {
      level,
      redact: {
        paths: [
          ...REDACTED_PATHS,
          ...['jid', 'jids', 'me', 'key', 'remoteJid', 'participant', 'from', 'to', 'recipient', 'lid', 'pn', 'attrs', 'node'].flatMap((path) => [path, `*.${path}`]),
        ],
        censor: '[redacted]',
      },
    },
  );
}

/**
 * The real socket: Baileys' `makeWASocket` with its built-in WhatsApp Web version (no
 * `fetchLatestBaileysVersion`, so starting needs no extra request), a signal-key cache over the
 * SQLite store, and a quiet logger. Pairing is Lina's job (terminal QR, local page or code),
 * so Baileys prints nothing itself.
 */
export const createBaileysSocket: SocketFactory = async ({ auth, logger }) => {
  const { makeWASocket, makeCacheableSignalKeyStore } = await loadBaileys();
  const baileysLogger = quietLogger(logger);
  const socket = makeWASocket({
    auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, baileysLogger) },
    logger: baileysLogger,
    printQRInTerminal: false,
    // Online, so that members see "typing…" while Lina works on an answer.
    markOnlineOnConnect: true,
    syncFullHistory: false,
  });
  return {
    ev: {
      on: (event, listener) => socket.ev.on(event, listener),
      off: (event, listener) => socket.ev.off(event, listener),
    },
    sendMessage: (jid, content) => socket.sendMessage(jid, content),
    sendPresenceUpdate: (type, jid) => socket.sendPresenceUpdate(type, jid),
    readMessages: (keys) => socket.readMessages(keys),
    requestPairingCode: (phoneNumber) => socket.requestPairingCode(phoneNumber),
    end: (error) => void socket.end(error),
  };
};
