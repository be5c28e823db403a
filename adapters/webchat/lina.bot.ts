/**
 * Lina as a Bot Framework bot: the bridge between activities and the engine. Azure Bot
 * Service (through `/api/messages`) and Lina's own Direct Line both run their turns here.
 */
import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../bot/logger.js';
import type { Engine, InboundMessage } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import { toActivities } from './to-activities.js';
import { ENTRY_POINT_STATE, toInboundMessage, type EntryPoint } from './to-inbound-message.js';

export interface LinaBotOptions {
  engine: Engine;
  clock: Clock;
  logger: Logger;
  /** How often "Lina is typing" is repeated while a long turn runs (Web Chat hides it after 5 s). */
  typingEveryMs?: number;
}

/**
 * Message activities (typed text, or the value of a button) go to the engine; the replies go
 * back as message activities with suggested actions. A conversation opening (the member added,
 * or the page's join event) makes Lina greet first. While the engine works the member sees
 * "Lina is typing".
 */
export class LinaBot extends ActivityHandler {
  private readonly options: LinaBotOptions;

  constructor(options: LinaBotOptions) {
    super();
    this.options = options;
    this.onMessage(async (context, next) => {
      // Every channel gives ids; one that did not still gets an answer, never a duplicate.
      context.activity.id ||= randomUUID();
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    // A turn the web server did not mark came through no door Lina vouches for.
    const entry: EntryPoint = context.turnState.get(ENTRY_POINT_STATE) === 'directline' ? 'directline' : 'botframework';
    const message = toInboundMessage(context.activity, this.options.clock.now(), entry);
    if (!message) return;
    const replies = await this.withTyping(context, () => this.options.engine.handle(message));
    if (replies.length > 0) await context.sendActivities(toActivities(replies));
    this.log(context, message).debug({ replies: replies.length, kind: message.kind ?? 'text' }, 'web chat turn answered');
  }

  private async withTyping<T>(context: TurnContext, work: () => Promise<T>): Promise<T> {
    const sendTyping = () =>
      context.sendActivity({ type: ActivityTypes.Typing }).then(
        () => undefined,
        (error: unknown) => this.options.logger.debug({ err: { name: (error as Error)?.name } }, 'typing indicator not delivered'),
      );
    let typing = sendTyping();
    const timer = setInterval(() => {
      typing = sendTyping();
    }, this.options.typingEveryMs ?? 3000);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
      // A late "typing" after the replies would show the indicator under them.
      await typing;
    }
  }

  private log(context: TurnContext, message: InboundMessage): Logger {
    return this.options.logger.child({ channel: message.channel, channelId: context.activity.channelId });
  }
}
