/**
 * Lina on WhatsApp, over Baileys (a linked WhatsApp Web device): the connection loop, the
 * inbound and outbound mappers, pacing, and the operator's pairing page, wired together.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../bot/logger.js';
import type { Engine } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import type { PeopleStore, WhatsAppAuthStore } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';
import { createAuthState } from './auth-state.js';
import { startConnection, type WhatsAppStatus } from './connection.js';
import { createMessageHandler } from './message-handler.js';
import { createPacer } from './pacing.js';
import { createPairingPage } from './pairing-page.js';
import { createBaileysSocket, loadAuthToolkit, type AuthToolkit, type SocketFactory } from './socket.js';
import { systemTimers, type Timers } from './timers.js';

export type { WhatsAppStatus } from './connection.js';

export interface WhatsAppOptions {
  engine: Engine;
  /** Where the linked device's credentials and keys are kept. */
  authStore: WhatsAppAuthStore;
  /** The people behind the addresses members write from. */
  people: PeopleStore;
  renderer: Renderer;
  logger: Logger;
  clock: Clock;
  /** Least time between two messages to the same chat. */
  chatGapMs: number;
  /** Most messages per minute, all chats together. */
  maxPerMinute: number;
  /** Longest wait between reconnection attempts. */
  reconnectMaxMs: number;
  /** Pair by code for this phone (digits, country code first) instead of by QR. */
  pairingPhone?: string;
  /** Shows the terminal QR code or the pairing code to the operator. */
  printPairing?: (text: string) => void;
  /** Baileys' socket by default; tests inject a fake. */
  createSocket?: SocketFactory;
  /** Node's timers by default; tests inject a fake scheduler. */
  timers?: Timers;
  /** `Math.random` by default: the reconnection jitter. */
  random?: () => number;
  /** Baileys' own helpers by default (loaded on demand). */
  toolkit?: AuthToolkit;
}

export interface WhatsAppChannel {
  status(): WhatsAppStatus;
  /** The operator's pairing page: mount it at `/whatsapp` (answers this machine only). */
  handlePairingPage: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops reconnecting, drops unsent replies and closes the socket (the link stays paired). */
  close(): Promise<void>;
}

/** Starts the WhatsApp channel; it connects (and pairs, when needed) in the background. */
export async function startWhatsApp(options: WhatsAppOptions): Promise<WhatsAppChannel> {
  const { clock, logger } = options;
  const timers = options.timers ?? systemTimers;
  const toolkit = options.toolkit ?? (await loadAuthToolkit());
  const auth = createAuthState({ store: options.authStore, toolkit });
  const pacer = createPacer({ clock, timers, chatGapMs: options.chatGapMs, maxPerMinute: options.maxPerMinute });

  const handleUpsert = createMessageHandler({
    engine: options.engine,
    people: options.people,
    pacer,
    renderer: options.renderer,
    clock,
    logger,
    // Messages only arrive once a socket exists, so the connection below is set by then.
    whenOpen: () => connection.whenOpen(),
  });

  const connection = startConnection({
    createSocket: options.createSocket ?? createBaileysSocket,
    auth,
    logger,
    clock,
    timers,
    random: options.random ?? Math.random,
    reconnectMaxMs: options.reconnectMaxMs,
    ...(options.pairingPhone ? { pairingPhone: options.pairingPhone } : {}),
    ...(options.printPairing ? { printPairing: options.printPairing } : {}),
    onSocket: (socket) => socket.ev.on('messages.upsert', (upsert) => void handleUpsert(socket, upsert)),
  });

  return {
    status: connection.status,
    handlePairingPage: createPairingPage(connection.status),
    async close() {
      pacer.close();
      await connection.close();
    },
  };
}
