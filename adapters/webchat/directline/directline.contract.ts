/**
 * Lina's Direct Line as its routes and stream see it: the operations of the service
 * (`directline.service.ts`), what they answer, and what the service is built with.
 */
import type { Logger } from '../../../bot/logger.js';
import type { DirectLineActivity, DirectLineConversation, DirectLineStore } from '../../../bot/ports/directline.js';
import type { DirectLineTokens, TokenClaims, VerifiedToken } from './directline.tokens.js';

/** What a client or stream receives: activities after a watermark, and the new watermark. */
export interface ActivityGroup {
  activities: DirectLineActivity[];
  watermark: string;
}

export interface ConversationResponse {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export type StreamListener = (group: ActivityGroup, delivery: { ephemeral: boolean }) => void;

export interface BotAccount {
  id: string;
  name: string;
}

export interface DirectLineServiceOptions {
  store: DirectLineStore;
  tokens: DirectLineTokens;
  /** Runs the bot's turn for an activity (the CloudAdapter); settles when the turn has ended. */
  deliver: (activity: DirectLineActivity) => Promise<void>;
  /** Base URL of Lina's Bot Connector routes, as the bot's ConnectorClient reaches them. */
  serviceUrl: () => string;
  bot: BotAccount;
  /** Longest message text accepted (the engine's limit). */
  maxTextLength: number;
  now: () => Date;
  logger: Logger;
  /** How long posting an activity waits for the bot's turn before answering anyway. */
  deliveryWaitMs?: number;
  /** Per-conversation bounds on what members post. */
  limits?: Partial<DirectLineLimits>;
  /** What the member reads in the chat when a post is refused for a limit (at most once a minute each). */
  notices?: Partial<Record<LimitNotice, string>>;
}

export interface DirectLineLimits {
  /** Posts (messages and events) one conversation may make per minute. */
  postsPerMinute: number;
  /** Bytes of member activities one conversation may store in all. */
  maxConversationBytes: number;
  /** Bytes of what an activity carries besides its text and value (channel data, entities…). */
  maxExtraBytes: number;
}

export type LimitNotice = 'slowDown' | 'tooBig' | 'conversationFull';

export interface DirectLineService {
  /** `POST /tokens/generate`: a token for a new conversation, optionally from a site's QR code. */
  generateToken(request: unknown): ConversationResponse;
  /** `POST /tokens/refresh`. */
  refreshToken(token: VerifiedToken): ConversationResponse;
  /** `POST /conversations`: starts the token's conversation (once) and greets the member. */
  startConversation(token: VerifiedToken, streamOrigin: string): Promise<ConversationResponse>;
  /** `GET /conversations/:id?watermark=`: a fresh token and stream URL for a reconnect. */
  reconnect(token: VerifiedToken, conversationId: string, watermark: unknown, streamOrigin: string): ConversationResponse;
  /** `POST /conversations/:id/activities`: stores the member's activity and runs the bot. */
  postActivity(token: VerifiedToken, conversationId: string, body: unknown): Promise<{ id: string }>;
  /** `GET /conversations/:id/activities?watermark=`. */
  activities(token: VerifiedToken, conversationId: string, watermark: unknown): ActivityGroup;
  /** The stream's first message: what a client at `watermark` has not seen yet. */
  backlog(conversationId: string, watermark: number): ActivityGroup | undefined;
  /**
   * Live activities of a conversation, as they are stored; `ephemeral` ones ("typing") are
   * never stored, so their watermark is only the current one.
   */
  subscribe(conversationId: string, listener: StreamListener): () => void;
  /** Bot Connector `POST /v3/conversations/:id/activities[/:replyToId]`: a reply from the bot. */
  receiveFromBot(conversationId: string, body: unknown, replyToId?: string): { id: string };
  /**
   * The conversation `conversationId` when the token's claims name it and its member.
   * @throws DirectLineError `NotFound` for an unknown conversation, `TokenInvalid` for another's
   */
  authorize(claims: TokenClaims, conversationId: string): DirectLineConversation;
  /** Settles when every bot turn under way has ended (for shutdown). */
  drain(): Promise<void>;
  /**
   * Ends a conversation: every token of it stops working, its streams close, and it cannot be
   * started again. `true` when it was open until now.
   */
  end(claims: Pick<TokenClaims, 'conversationId' | 'userId'>): boolean;
  /** Calls `onEnd` once when the conversation ends in this process; returns the unsubscriber. */
  onEnd(conversationId: string, onEnd: () => void): () => void;
  /** Whether the conversation exists and has not ended (it may have ended in another process, e.g. a purge). */
  isOpen(conversationId: string): boolean;
}
