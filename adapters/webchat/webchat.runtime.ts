/**
 * The web chat's bot half: the CloudAdapter and Lina's bot, built together. This is the only
 * module the web server loads that imports botbuilder, and it loads it after it listens,
 * since botbuilder takes over a second to import.
 */
import type { Config } from '../../bot/config.js';
import type { Logger } from '../../bot/logger.js';
import type { Engine } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import { createCloudAdapter, type LinaCloudAdapter, type LinaConnector } from './cloud.adapter.js';
import { LinaBot } from './lina.bot.js';

export interface WebChatBot {
  adapter: LinaCloudAdapter;
  bot: LinaBot;
}

export function createWebChatBot(options: {
  engine: Engine;
  clock: Clock;
  logger: Logger;
  botFramework: Config['web']['botFramework'];
  connector: LinaConnector;
  apology: string;
}): WebChatBot {
  const logger = options.logger.child({ component: 'webchat' });
  return {
    adapter: createCloudAdapter({ botFramework: options.botFramework, connector: options.connector, logger, apology: options.apology }),
    bot: new LinaBot({ engine: options.engine, clock: options.clock, logger }),
  };
}
