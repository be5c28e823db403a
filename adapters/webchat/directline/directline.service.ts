/**
 * Lina's own Direct Line 3.0: what Azure's Direct Line does for Web Chat, in-process.
 * Clients start conversations, post activities and read them by watermark (polling or a
 * WebSocket stream); the bot gets each activity through the CloudAdapter and answers through
 * botbuilder's ConnectorClient to Lina's Bot Connector routes, which land here too.
 * API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference
 */
import { randomBytes } from 'node:crypto';
import { isSiteCode } from '../../../bot/domain.js';
import type { DirectLineActivity, DirectLineConversation, StoredActivity } from '../../../bot/ports/directline.js';
import { createRateLimit } from '../rate-limit.js';
import { BOT_FIELDS, BotActivitySchema, ClientActivitySchema, TokenRequestSchema, activityIdFor, seqOfActivityId } from './directline.activities.js';
import type { ActivityGroup, ConversationResponse, DirectLineLimits, DirectLineService, DirectLineServiceOptions, LimitNotice, StreamListener } from './directline.contract.js';
import { DirectLineError } from './directline.errors.js';
import type { TokenClaims } from './directline.tokens.js';

/** Most activities one read returns; a client reads again from the new watermark. */
const PAGE_SIZE = 500;

export function createDirectLineService(options: DirectLineServiceOptions): DirectLineService {
  const { store, tokens, bot, logger } = options;
  const listeners = new Map<string, Set<StreamListener>>();
  const deliveries = new Map<string, Promise<void>>();
  const deliveryWaitMs = options.deliveryWaitMs ?? 15_000;
  const botAccount = { id: bot.id, name: bot.name, role: 'bot' };
  const limits: DirectLineLimits = { postsPerMinute: 20, maxConversationBytes: 512 * 1024, maxExtraBytes: 4096, ...options.limits };
  const clockMs = () => options.now().getTime();
  const withinPostRate = createRateLimit(limits.postsPerMinute, clockMs);
  const noticeDue = createRateLimit(1, clockMs);
  const endListeners = new Map<string, Set<() => void>>();
  let lastTimestamp = 0;

  /** Strictly increasing times, so clients that sort by timestamp keep the stored order. */
  function timestamp(): string {
    lastTimestamp = Math.max(options.now().getTime(), lastTimestamp + 1);
    return new Date(lastTimestamp).toISOString();
  }

  function conversationResponse(claims: TokenClaims, streamUrl?: string): ConversationResponse {
    const { token, expiresIn } = tokens.issue(
      {
        conversationId: claims.conversationId,
        userId: claims.userId,
        ...(claims.site ? { site: claims.site } : {}),
        ...(claims.sessionStart !== undefined ? { sessionStart: claims.sessionStart } : {}),
      },
      'conversation',
    );
    return { conversationId: claims.conversationId, token, expires_in: expiresIn, ...(streamUrl ? { streamUrl } : {}) };
  }

  function streamUrlFor(conversation: DirectLineConversation, claims: TokenClaims, watermark: number, origin: string): string {
    const { token } = tokens.issue(
      { conversationId: conversation.id, userId: conversation.userId, ...(claims.sessionStart !== undefined ? { sessionStart: claims.sessionStart } : {}) },
      'stream',
    );
    const query = new URLSearchParams({ watermark: watermark > 0 ? String(watermark) : '', t: token });
    return `${origin}/v3/directline/conversations/${encodeURIComponent(conversation.id)}/stream?${query.toString()}`;
  }

  function authorize(claims: TokenClaims, conversationId: string): DirectLineConversation {
    const conversation = store.findConversation(conversationId);
    if (!conversation) throw new DirectLineError('NotFound', 'Conversation not found');
    if (claims.conversationId !== conversationId || claims.userId !== conversation.userId) {
      throw new DirectLineError('TokenInvalid', 'Token not valid for this conversation');
    }
    if (conversation.endedAt !== undefined) throw new DirectLineError('Forbidden', 'The conversation has ended');
    return conversation;
  }

  /** Tells the member, in the chat, why a post was refused: once a minute per reason. */
  function notify(conversation: DirectLineConversation, kind: LimitNotice): void {
    const text = options.notices?.[kind];
    if (!text || !noticeDue(`${kind}|${conversation.id}`)) return;
    const stored = store.appendActivity(
      conversation.id,
      (seq) => ({
        type: 'message',
        id: activityIdFor(conversation.id, seq),
        timestamp: timestamp(),
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: botAccount,
        recipient: { id: conversation.userId, role: 'user' },
        text,
        textFormat: 'plain',
      }),
      clockMs(),
    );
    publishStored(conversation.id, stored);
  }

  function refuse(conversation: DirectLineConversation, kind: LimitNotice, error: DirectLineError): never {
    notify(conversation, kind);
    throw error;
  }

  function endConversation(claims: Pick<TokenClaims, 'conversationId' | 'userId'>): boolean {
    const ended = store.endConversation({ id: claims.conversationId, userId: claims.userId }, clockMs());
    const listeners = endListeners.get(claims.conversationId);
    endListeners.delete(claims.conversationId);
    for (const listener of listeners ?? []) {
      try {
        listener();
      } catch (error) {
        logger.warn({ err: { name: (error as Error)?.name } }, 'direct line end listener failed');
      }
    }
    return ended;
  }

  /** Bytes of JSON a value takes (0 when absent). */
  function jsonBytes(value: unknown): number {
    return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  }

  function publish(conversationId: string, group: ActivityGroup, ephemeral = false): void {
    for (const listener of listeners.get(conversationId) ?? []) {
      try {
        listener(group, { ephemeral });
      } catch (error) {
        logger.warn({ err: { name: (error as Error)?.name } }, 'direct line listener failed');
      }
    }
  }

  function publishStored(conversationId: string, stored: StoredActivity): void {
    publish(conversationId, { activities: [stored.activity], watermark: String(stored.seq) });
  }

  /** Runs bot turns of one conversation one at a time, in arrival order. */
  function enqueueDelivery(conversationId: string, activity: DirectLineActivity): Promise<void> {
    const previous = deliveries.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() =>
      options.deliver(activity).catch((error: unknown) => {
        logger.error({ err: { name: (error as Error)?.name }, activityType: activity.type }, 'direct line delivery to the bot failed');
      }),
    );
    deliveries.set(conversationId, turn);
    void turn.finally(() => {
      if (deliveries.get(conversationId) === turn) deliveries.delete(conversationId);
    });
    return turn;
  }

  /** Waits for the bot's turn, as Azure does before answering a post, but not forever. */
  async function awaitDelivery(turn: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([turn, new Promise<void>((resolve) => (timer = setTimeout(resolve, deliveryWaitMs)))]);
    clearTimeout(timer);
  }

  function toBotActivity(activity: DirectLineActivity, conversation: DirectLineConversation): DirectLineActivity {
    // The site is the one the conversation started with (its QR code's, checked when the token
    // was made): whatever site a client writes into a later activity is not believed.
    const channelData = { ...((activity.channelData as Record<string, unknown> | undefined) ?? {}) };
    delete channelData.site;
    if (conversation.site) channelData.site = conversation.site;
    return { ...activity, serviceUrl: options.serviceUrl(), recipient: botAccount, channelData };
  }

  function parseWatermark(value: unknown): number {
    if (value === undefined || value === '' || value === null) return 0;
    if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value);
    throw new DirectLineError('BadArgument', 'watermark must be a number');
  }

  return {
    generateToken(request) {
      const { site } = TokenRequestSchema.parse(request ?? {});
      const code = site?.trim().toUpperCase();
      return conversationResponse({
        conversationId: randomBytes(18).toString('base64url'),
        userId: `dl_${randomBytes(12).toString('base64url')}`,
        sessionStart: clockMs(),
        // An unknown code is ignored, as a mistyped site tag is: the chat starts without a site.
        ...(code && isSiteCode(code) ? { site: code } : {}),
      });
    },

    refreshToken(token) {
      // A conversation that ended (or was purged) gives no new tokens; one not started yet may.
      if (store.findConversation(token.conversationId)?.endedAt !== undefined) throw new DirectLineError('Forbidden', 'The conversation has ended');
      return conversationResponse(token);
    },

    async startConversation(token, streamOrigin) {
      const conversation: DirectLineConversation = {
        id: token.conversationId,
        userId: token.userId,
        ...(token.site ? { site: token.site } : {}),
        createdAt: options.now().getTime(),
      };
      const created = store.createConversation(conversation);
      const current = authorize(token, conversation.id);
      if (created) {
        // The member is in: the bot greets first, as Azure's conversationUpdate makes it.
        const joined: DirectLineActivity = {
          type: 'conversationUpdate',
          id: `${current.id}|join`,
          timestamp: timestamp(),
          channelId: 'directline',
          conversation: { id: current.id },
          from: { id: current.userId, role: 'user' },
          membersAdded: [{ id: bot.id, name: bot.name }, { id: current.userId }],
        };
        await awaitDelivery(enqueueDelivery(current.id, toBotActivity(joined, current)));
      }
      return conversationResponse(token, streamUrlFor(current, token, 0, streamOrigin));
    },

    reconnect(token, conversationId, watermark, streamOrigin) {
      const conversation = authorize(token, conversationId);
      return conversationResponse(token, streamUrlFor(conversation, token, parseWatermark(watermark), streamOrigin));
    },

    async postActivity(token, conversationId, body) {
      const conversation = authorize(token, conversationId);
      const parsed = ClientActivitySchema.safeParse(body);
      if (!parsed.success) {
        throw new DirectLineError('BadArgument', `Invalid activity: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message}`).join('; ')}`);
      }
      const input = parsed.data;
      if (input.type === 'endOfConversation') {
        // Direct Line's own way for a client to end its conversation: its tokens stop working.
        endConversation(token);
        return { id: `${conversation.id}|end` };
      }
      if (!withinPostRate(conversation.id)) {
        refuse(conversation, 'slowDown', new DirectLineError('TooManyRequests', `More than ${limits.postsPerMinute} posts a minute in this conversation`));
      }
      if ((input.text?.length ?? 0) > options.maxTextLength) {
        refuse(conversation, 'tooBig', new DirectLineError('MessageSizeTooBig', `Message text longer than ${options.maxTextLength} characters`));
      }
      // A button's value stands in for text, so it is bounded like text.
      if (input.value !== undefined && (JSON.stringify(input.value)?.length ?? 0) > options.maxTextLength) {
        refuse(conversation, 'tooBig', new DirectLineError('MessageSizeTooBig', `Activity value longer than ${options.maxTextLength} characters`));
      }
      const { text: _text, value: _value, ...extra } = input;
      if (jsonBytes(extra) > limits.maxExtraBytes) {
        refuse(conversation, 'tooBig', new DirectLineError('MessageSizeTooBig', `Activity fields besides text and value over ${limits.maxExtraBytes} bytes`));
      }
      const bytes = jsonBytes(input);
      if ((conversation.memberBytes ?? 0) + bytes > limits.maxConversationBytes) {
        refuse(conversation, 'conversationFull', new DirectLineError('MessageSizeTooBig', 'This conversation has stored all it may'));
      }
      const stored = store.appendActivity(
        conversation.id,
        (seq) => ({
          ...input,
          id: activityIdFor(conversation.id, seq),
          timestamp: timestamp(),
          channelId: 'directline',
          conversation: { id: conversation.id },
          from: { id: conversation.userId, role: 'user' },
        }),
        options.now().getTime(),
        bytes,
      );
      // The echo: Web Chat marks a message sent when it comes back with its clientActivityID.
      publishStored(conversation.id, stored);
      await awaitDelivery(enqueueDelivery(conversation.id, toBotActivity(stored.activity, conversation)));
      return { id: stored.activity.id };
    },

    activities(token, conversationId, watermark) {
      const conversation = authorize(token, conversationId);
      const after = parseWatermark(watermark);
      const page = store.activitiesAfter(conversation.id, after, PAGE_SIZE);
      const last = page.at(-1)?.seq ?? Math.min(after, store.lastSeq(conversation.id));
      return { activities: page.map((entry) => entry.activity), watermark: String(last) };
    },

    backlog(conversationId, watermark) {
      const page = store.activitiesAfter(conversationId, watermark, Number.MAX_SAFE_INTEGER);
      const last = page.at(-1);
      return last ? { activities: page.map((entry) => entry.activity), watermark: String(last.seq) } : undefined;
    },

    subscribe(conversationId, listener) {
      const set = listeners.get(conversationId) ?? new Set();
      set.add(listener);
      listeners.set(conversationId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(conversationId);
      };
    },

    receiveFromBot(conversationId, body, replyToId) {
      const conversation = store.findConversation(conversationId);
      if (!conversation) throw new DirectLineError('NotFound', 'Conversation not found');
      const parsed = BotActivitySchema.safeParse(body);
      if (!parsed.success) throw new DirectLineError('BadArgument', 'Invalid activity: a type is required');
      const raw = parsed.data as Record<string, unknown>;
      const fields = Object.fromEntries(BOT_FIELDS.filter((field) => raw[field] !== undefined).map((field) => [field, raw[field]]));
      const envelope = {
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: botAccount,
        recipient: { id: conversation.userId, role: 'user' },
      };

      if (raw.type === 'typing') {
        // "Lina is typing" only matters now: streamed, never stored nor replayed.
        const id = `${conversation.id}|typing-${randomBytes(6).toString('base64url')}`;
        const typing = { ...fields, ...envelope, type: 'typing', id, timestamp: timestamp() };
        publish(conversation.id, { activities: [typing], watermark: String(store.lastSeq(conversation.id)) }, true);
        return { id };
      }

      const target = typeof raw.replyToId === 'string' ? raw.replyToId : replyToId;
      // Web Chat holds a reply back until the activity it answers arrives: only keep real ones.
      const targetSeq = target ? seqOfActivityId(conversation.id, target) : undefined;
      const keepsReply = targetSeq !== undefined && targetSeq <= store.lastSeq(conversation.id);
      const stored = store.appendActivity(
        conversation.id,
        (seq) => ({
          ...fields,
          ...envelope,
          type: String(raw.type),
          id: activityIdFor(conversation.id, seq),
          timestamp: timestamp(),
          ...(keepsReply ? { replyToId: target } : {}),
        }),
        options.now().getTime(),
      );
      publishStored(conversation.id, stored);
      return { id: stored.activity.id };
    },

    authorize,

    async drain() {
      await Promise.all([...deliveries.values()]);
    },

    end: endConversation,

    onEnd(conversationId, onEnd) {
      const set = endListeners.get(conversationId) ?? new Set();
      set.add(onEnd);
      endListeners.set(conversationId, set);
      return () => {
        set.delete(onEnd);
        if (set.size === 0 && endListeners.get(conversationId) === set) endListeners.delete(conversationId);
      };
    },

    isOpen(conversationId) {
      const conversation = store.findConversation(conversationId);
      return conversation !== undefined && conversation.endedAt === undefined;
    },
  };
}
