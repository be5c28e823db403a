/**
 * Tokens of Lina's own Direct Line: JWTs (HS256) bound to one conversation and one member id,
 * with an expiry. `conversation` tokens call the REST API and can be refreshed; `stream`
 * tokens only open that conversation's WebSocket and live minutes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SiteCode } from '../../../bot/domain.js';
import { isSiteCode } from '../../../data/catalog.js';

export type TokenScope = 'conversation' | 'stream';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  site?: SiteCode;
}

export interface VerifiedToken extends TokenClaims {
  scope: TokenScope;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface IssuedToken {
  token: string;
  /** Seconds, as Direct Line's `expires_in`. */
  expiresIn: number;
}

export interface DirectLineTokens {
  issue(claims: TokenClaims, scope: TokenScope): IssuedToken;
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
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const MAX_TOKEN_LENGTH = 2048;

export function createDirectLineTokens(options: DirectLineTokensOptions): DirectLineTokens {
  const key = options.secret ? Buffer.from(options.secret, 'utf8') : randomBytes(32);
  const lifetimeMs = options.lifetimeMs ?? 30 * 60_000;
  const streamLifetimeMs = options.streamLifetimeMs ?? 5 * 60_000;
  const sign = (data: string) => createHmac('sha256', key).update(data).digest();

  return {
    issue(claims, scope) {
      const now = options.now();
      const lifetime = scope === 'stream' ? streamLifetimeMs : lifetimeMs;
      const payload = base64url(
        JSON.stringify({
          conv: claims.conversationId,
          user: claims.userId,
          ...(claims.site ? { site: claims.site } : {}),
          scp: scope,
          iat: Math.floor(now / 1000),
          exp: Math.floor((now + lifetime) / 1000),
        }),
      );
      const body = `${HEADER}.${payload}`;
      return { token: `${body}.${sign(body).toString('base64url')}`, expiresIn: Math.floor(lifetime / 1000) };
    },

    verify(token, scope) {
      if (token.length > MAX_TOKEN_LENGTH) return undefined;
      const [header, payload, signature, ...rest] = token.split('.');
      if (header !== HEADER || !payload || !signature || rest.length > 0) return undefined;
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      let claims: { conv?: unknown; user?: unknown; site?: unknown; scp?: unknown; exp?: unknown };
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
      } catch {
        return undefined;
      }
      const { conv, user, site, scp, exp } = claims;
      if (typeof conv !== 'string' || typeof user !== 'string' || scp !== scope || typeof exp !== 'number') return undefined;
      const expiresAt = exp * 1000;
      if (expiresAt <= options.now()) return undefined;
      return {
        conversationId: conv,
        userId: user,
        ...(typeof site === 'string' && isSiteCode(site) ? { site } : {}),
        scope,
        expiresAt,
      };
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
