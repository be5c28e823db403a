/**
 * Lina's Bot Connector: the two Bot Framework REST routes botbuilder's ConnectorClient calls
 * to send the bot's replies into a conversation of Lina's own Direct Line
 * (`POST /v3/conversations/:conversationId/activities[/:activityId]`). Only the bot, holding
 * the in-process secret, may call them.
 * API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
import express, { type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../../bot/logger.js';
import { DirectLineError } from './directline.errors.js';
import { directLineErrorHandler } from './directline.routes.js';
import type { DirectLineService } from './directline.contract.js';

export interface ConnectorRoutesOptions {
  service: DirectLineService;
  /** The bearer secret the bot's ConnectorClient presents. */
  secret: string;
  logger: Logger;
}

/** Mounted at `/v3/conversations`. */
export function createConnectorRouter(options: ConnectorRoutesOptions): Router {
  const router = express.Router();
  const expected = Buffer.from(`Bearer ${options.secret}`);
  const json = express.json({ limit: '256kb' });

  router.use((req, _res, next) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    next(valid ? undefined : new DirectLineError('Forbidden', 'Only the bot may post to this conversation'));
  });

  router.post(['/:conversationId/activities', '/:conversationId/activities/:activityId'], json, (req, res) => {
    const activityId = req.params.activityId ? String(req.params.activityId) : undefined;
    res.status(200).json(options.service.receiveFromBot(String(req.params.conversationId), req.body, activityId));
  });

  router.use((_req, _res, next) => next(new DirectLineError('NotFound', 'No such Bot Connector operation')));
  router.use(directLineErrorHandler(options.logger));
  return router;
}
