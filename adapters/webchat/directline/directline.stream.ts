/**
 * The WebSocket stream of Lina's Direct Line: `GET /v3/directline/conversations/:id/stream`
 * upgraded, authenticated by the short-lived token in `t`. It first sends what the client has
 * not seen after `watermark`, then every activity as it is stored, as `{ activities, watermark }`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../../../bot/logger.js';
import type { DirectLineService } from './directline.contract.js';
import type { DirectLineTokens } from './directline.tokens.js';

export interface DirectLineStreamOptions {
  service: DirectLineService;
  tokens: DirectLineTokens;
  /** Whether this client may use the Direct Line at all (e.g. loopback only). */
  allowClient: (req: IncomingMessage) => boolean;
  logger: Logger;
  /** Ping period; a socket that misses a pong by the next one is closed, as is one whose conversation ended elsewhere. */
  heartbeatMs?: number;
  /** Streams one conversation may hold open; a new one closes the oldest. */
  maxStreamsPerConversation?: number;
  /** The clock the tokens use (epoch milliseconds). */
  now?: () => number;
}

export interface DirectLineStream {
  /** Handles the upgrade when the path is a Direct Line stream; `false` leaves it to others. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}

const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;

export function createDirectLineStream(options: DirectLineStreamOptions): DirectLineStream {
  const { service, tokens, logger } = options;
  // Members only receive: anything they send on the socket is a keep-alive and is ignored.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();
  const conversationOf = new WeakMap<WebSocket, string>();
  /** Open streams per conversation, oldest first. */
  const streams = new Map<string, WebSocket[]>();
  const maxStreams = options.maxStreamsPerConversation ?? 3;
  const now = options.now ?? Date.now;
  const heartbeat = setInterval(() => {
    for (const client of wss.clients) {
      const conversationId = conversationOf.get(client);
      // Ended in another process (a purge) or gone: nothing more to stream.
      if (alive.get(client) === false || (conversationId !== undefined && !service.isOpen(conversationId))) {
        client.terminate();
        continue;
      }
      alive.set(client, false);
      client.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  function track(conversationId: string, client: WebSocket): void {
    const open = (streams.get(conversationId) ?? []).filter((other) => other.readyState === other.OPEN || other.readyState === other.CONNECTING);
    open.push(client);
    // The newest wins: a page that reconnects before its old socket is noticed dead keeps working.
    while (open.length > maxStreams) open.shift()?.close(1008, 'Too many streams for this conversation');
    streams.set(conversationId, open);
    conversationOf.set(client, conversationId);
  }

  function untrack(conversationId: string, client: WebSocket): void {
    const open = (streams.get(conversationId) ?? []).filter((other) => other !== client);
    if (open.length > 0) streams.set(conversationId, open);
    else streams.delete(conversationId);
  }

  function refuse(socket: Duplex, status: number, reason: string): void {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 0\r\n\r\n`);
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://stream.invalid');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match?.[1]) return false;
      const conversationId = decodeURIComponent(match[1]);
      if (!options.allowClient(req)) return (refuse(socket, 403, 'Forbidden'), true);
      const claims = tokens.verify(url.searchParams.get('t') ?? '', 'stream');
      if (!claims || claims.conversationId !== conversationId) return (refuse(socket, 403, 'Forbidden'), true);
      const watermarkText = url.searchParams.get('watermark') ?? '';
      if (!/^\d{0,12}$/.test(watermarkText)) return (refuse(socket, 400, 'Bad Request'), true);
      let conversation;
      try {
        conversation = service.authorize(claims, conversationId);
      } catch {
        return (refuse(socket, 404, 'Not Found'), true);
      }

      wss.handleUpgrade(req, socket, head, (client) => {
        alive.set(client, true);
        track(conversation.id, client);
        // A stream lasts no longer than its conversation's tokens may, nor past its end.
        const sessionTimer = setTimeout(() => client.close(1000, 'Conversation session over'), Math.max(0, tokens.sessionEnd(claims.sessionStart) - now()));
        sessionTimer.unref();
        const stopWatchingEnd = service.onEnd(conversation.id, () => client.close(1000, 'Conversation ended'));
        client.on('pong', () => alive.set(client, true));
        client.on('error', (error) => logger.debug({ err: { name: error.name } }, 'direct line stream error'));
        let sent = watermarkText ? Number(watermarkText) : 0;
        const send = (group: { activities: unknown[]; watermark: string }) => {
          if (client.readyState === client.OPEN) client.send(JSON.stringify(group));
        };
        // Subscribing and reading the backlog in one synchronous step: nothing falls between.
        const unsubscribe = service.subscribe(conversation.id, (group, { ephemeral }) => {
          if (!ephemeral) {
            const seq = Number(group.watermark);
            if (seq <= sent) return;
            sent = seq;
          }
          send(group);
        });
        const backlog = service.backlog(conversation.id, sent);
        if (backlog) {
          sent = Number(backlog.watermark);
          send(backlog);
        }
        client.on('close', () => {
          unsubscribe();
          stopWatchingEnd();
          clearTimeout(sessionTimer);
          untrack(conversation.id, client);
        });
      });
      return true;
    },

    async close() {
      clearInterval(heartbeat);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
