/**
 * Tokens of Lina's own Direct Line: JWTs (HS256) bound to one conversation and one member id,
 * with an expiry. `conversation` tokens call the REST API and can be refreshed; `stream`
 * tokens only open that conversation's WebSocket and live minutes. Every token carries the
 * start of its conversation's session (`ses`): however often it is refreshed, no token lives
 * past that start plus the maximum lifetime.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isSiteCode, type SiteCode } from '../../../bot/domain.js';
import { DirectLineError } from './directline.errors.js';

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  site?: SiteCode;
  /** Epoch milliseconds when the first token of this conversation was issued; now when absent. */
  sessionStart?: number;
}

export interface VerifiedToken extends TokenClaims {
  scope: TokenScope;
  /** Epoch milliseconds. */
  expiresAt: number;
  sessionStart: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds, as Direct Line's `expires_in`. */
  expiresIn: number;
}

export interface DirectLineTokens {
  /**
   * A token for the claims, expiring at its lifetime or at the session's end, whichever comes
   * first. @throws DirectLineError `TokenInvalid` once the session has ended
   */
  issue(claims: TokenClaims, scope: TokenScope): IssuedToken;
  /** When the session that started at `sessionStart` ends (epoch milliseconds). */
  sessionEnd(sessionStart: number): number;
  /** The token's claims when its signature, scope and expiry hold; `undefined` otherwise. */
  verify(token: string, scope: TokenScope): VerifiedToken | undefined;
}

export interface DirectLineTokensOptions {
  /**
   * The signing key. A configured one keeps tokens valid across restarts; without it a
   * random key per process makes every page start a new conversation after a restart.
   */
  secret?: string;
  now: () => number;
  /** Lifetime of conversation tokens; Web Chat refreshes them halfway. */
  lifetimeMs?: number;
  streamLifetimeMs?: number;
  /** The most a conversation's tokens may live, from its first, across refreshes. */
  maxLifetimeMs?: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const MAX_TOKEN_LENGTH = 2048;

export function createDirectLineTokens(options: DirectLineTokensOptions): DirectLineTokens {
  const key = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
  const lifetimeMs = options.lifetimeMs ?? 30 * 60_000;
  const streamLifetimeMs = options.streamLifetimeMs ?? 5 * 60_000;
  const maxLifetimeMs = options.maxLifetimeMs ?? 8 * 60 * 60_000;
  const sign = (data: string) => createHmac('sha256', key).update(data).digest();
  const sessionEnd = (sessionStart: number) => sessionStart + maxLifetimeMs;

  return {
    issue(claims, scope) {
      const now = options.now();
      const sessionStart = Math.min(claims.sessionStart ?? now, now);
      const expiresAt = Math.min(now + (scope === 'stream' ? streamLifetimeMs : lifetimeMs), sessionEnd(sessionStart));
      const exp = Math.floor(expiresAt / 1000);
      if (exp * 1000 <= now) throw new DirectLineError('TokenInvalid', 'The conversation has reached its maximum duration');
      const payload = base64url(
        JSON.stringify({
          conv: claims.conversationId,
          user: claims.userId,
          ...(claims.site ? { site: claims.site } : {}),
          scp: scope,
          iat: Math.floor(now / 1000),
          ses: Math.floor(sessionStart / 1000),
          exp,
        }),
      );
      const body = `${HEADER}.${payload}`;
      return { token: `${body}.${sign(body).toString('base64url')}`, expiresIn: Math.max(1, Math.floor((expiresAt - now) / 1000)) };
    },

    sessionEnd,

    verify(token, scope) {
      if (token.length > MAX_TOKEN_LENGTH) return undefined;
      const [header, payload, signature, ...rest] = token.split('.');
      if (header !== HEADER || !payload || !signature || rest.length > 0) return undefined;
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let claims: { conv?: unknown; user?: unknown; site?: unknown; scp?: unknown; exp?: unknown; iat?: unknown; ses?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
      } catch {
        return undefined;
      }
      const { conv, user, site, scp, exp, iat, ses } = claims;
      if (typeof conv !== 'string' || typeof user !== 'string' || scp !== scope || typeof exp !== 'number') return undefined;
      // Tokens from before sessions were bounded carry no `ses`: their own issue time stands in.
      const start = typeof ses === 'number' ? ses : typeof iat === 'number' ? iat : undefined;
      if (start === undefined) return undefined;
      const sessionStart = start * 1000;
      const expiresAt = Math.min(exp * 1000, sessionEnd(sessionStart));
      if (expiresAt <= options.now()) return undefined;
      return {
        conversationId: conv,
        userId: user,
        ...(typeof site === 'string' && isSiteCode(site) ? { site } : {}),
        sessionStart,
        scope,
        expiresAt,
      };
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
