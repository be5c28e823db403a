/**
 * The HTTP face of Lina's Direct Line 3.0, mounted at `/v3/directline`.
 * API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Logger } from '../../../bot/logger.js';
import { createRateLimit } from '../rate-limit.js';
import { DirectLineError } from './directline.errors.js';
import type { DirectLineService } from './directline.contract.js';
import type { DirectLineTokens, VerifiedToken } from './directline.tokens.js';

export interface DirectLineRoutesOptions {
  service: DirectLineService;
  tokens: DirectLineTokens;
  /** The address members reach; decides ws or wss for stream URLs behind a TLS proxy. */
  publicUrl: string;
  /** Largest request body; larger ones get 413. */
  maxBodyBytes: number;
  /** New conversations one address may start per minute. */
  tokensPerMinute?: number;
  logger: Logger;
}

/** The REST routes: tokens, conversations, activities (polling). */
export function createDirectLineRouter(options: DirectLineRoutesOptions): Router {
  const { service } = options;
  const router = express.Router();
  const json = express.json({ limit: options.maxBodyBytes });
  const limitTokens = createRateLimit(options.tokensPerMinute ?? 30);
  const token = (req: Request) => readToken(options.tokens, req);

  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/tokens/generate', json, (req, res) => {
    if (!limitTokens(req.ip ?? req.socket.remoteAddress ?? '')) throw new DirectLineError('TooManyRequests', 'Too many new conversations from this address');
    res.status(200).json(service.generateToken(req.body));
  });

  router.post('/tokens/refresh', (req, res) => {
    res.status(200).json(service.refreshToken(token(req)));
  });

  router.post('/conversations', json, async (req, res) => {
    res.status(201).json(await service.startConversation(token(req), streamOrigin(req, options.publicUrl)));
  });

  router.get('/conversations/:conversationId', (req, res) => {
    const conversationId = String(req.params.conversationId);
    res.status(200).json(service.reconnect(token(req), conversationId, req.query.watermark, streamOrigin(req, options.publicUrl)));
  });

  router.post('/conversations/:conversationId/activities', json, async (req, res) => {
    const caller = token(req);
    const conversationId = String(req.params.conversationId);
    if (req.body === undefined) throw new DirectLineError('BadArgument', 'Expected a JSON activity (Content-Type: application/json)');
    res.status(200).json(await service.postActivity(caller, conversationId, req.body));
  });

  router.get('/conversations/:conversationId/activities', (req, res) => {
    res.status(200).json(service.activities(token(req), String(req.params.conversationId), req.query.watermark));
  });

  router.use((_req, _res, next) => next(new DirectLineError('NotFound', 'No such Direct Line operation')));
  router.use(directLineErrorHandler(options.logger));
  return router;
}

/** The bearer token of a request, verified, or a 403. */
export function readToken(tokens: DirectLineTokens, req: IncomingMessage): VerifiedToken {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const verified = match?.[1] ? tokens.verify(match[1], 'conversation') : undefined;
  if (!verified) throw new DirectLineError('TokenInvalid', 'Missing, invalid or expired token');
  return verified;
}

/**
 * The origin a stream URL should use: the host the client called (so the page and its socket
 * share an origin), over wss when that host is the public one and it is https.
 */
export function streamOrigin(req: IncomingMessage, publicUrl: string): string {
  const configured = new URL(publicUrl);
  const host = req.headers.host ?? '';
  const plausibleHost = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(host);
  if (!plausibleHost) return `${configured.protocol === 'https:' ? 'wss' : 'ws'}://${configured.host}`;
  const secure = host === configured.host ? configured.protocol === 'https:' : Boolean((req.socket as TLSSocket).encrypted);
  return `${secure ? 'wss' : 'ws'}://${host}`;
}

/** JSON errors as Azure's Direct Line sends them; body-parser's own errors translated. */
export function directLineErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const failure = toDirectLineError(error);
    if (failure.status >= 500) logger.error({ err: { name: (error as Error)?.name } }, 'direct line request failed');
    if (res.headersSent) return void res.end();
    res.status(failure.status).json(failure.toJSON());
  };
}

function toDirectLineError(error: unknown): DirectLineError {
  if (error instanceof DirectLineError) return error;
  const type = (error as { type?: unknown } | undefined)?.type;
  if (type === 'entity.too.large') return new DirectLineError('MessageSizeTooBig', 'Request body too large');
  if (type === 'entity.parse.failed') return new DirectLineError('BadArgument', 'Malformed JSON');
  const status = (error as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return new DirectLineError('BadArgument', 'Unreadable request');
  return new DirectLineError('ServiceError', 'Direct Line could not complete the request');
}
