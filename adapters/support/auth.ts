/**
 * Signing in and out, sessions and CSRF. Session ids are random, travel only in an HttpOnly
 * SameSite=Strict cookie scoped to `/support`, and are stored hashed. Every POST carries
 * the session's CSRF token (the sign-in form a pre-session one, double-submitted).
 * Failed sign-ins are limited per address (an address that keeps failing waits out the
 * window) and slowed per account: past a few failures an account answers one attempt at a
 * time, after a wait that doubles with each failure up to a minute, so guessing a password is
 * slow whatever the number of addresses. A known-good password from an address the account
 * signed in from before is never held back by that wait, so failures someone else causes
 * cannot lock staff out. Every failed and every held-back attempt on an account is audited.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

import type { SupportSession } from '../../bot/ports/support/sessions.js';
import { audit, field, sendMessage, type ConsoleContext } from './console-context.js';
import { MAX_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { homeOf } from './roles.js';
import { t } from './support-texts.js';
import { renderLogin } from './views/login.view.js';

export const SESSION_COOKIE = 'lina_support_session';
export const LOGIN_COOKIE = 'lina_support_login';
const COOKIE_PATH = '/support';

/** A session ends this long after sign-in, whatever happens. */
export const SESSION_MAX_MS = 10 * 60 * 60 * 1000;
/** ...or after this long unused. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** Failed sign-ins allowed per address within the window, and per account before it is slowed. */
export const MAX_LOGIN_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** The longest wait between two attempts on a slowed account. */
export const MAX_ACCOUNT_DELAY_MS = 60 * 1000;
/** How long an address an account signed in from stays known to it. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 60 * 60 * 1000;

/** The wait between attempts on an account with `failures` recent failures: 0, then 1 s doubling to a minute. */
export function accountDelayMs(failures: number): number {
  if (failures < MAX_LOGIN_FAILURES) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, 1000 * 2 ** Math.min(16, failures - MAX_LOGIN_FAILURES));
}

/** The hash stored for a session id: the id itself never reaches the database. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The request's cookies (first value of each name wins). */
export function readCookies(req: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie is as good as none.
    }
  }
  return cookies;
}

function cookie(name: string, value: string, secure: boolean, maxAgeSeconds?: number): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${COOKIE_PATH}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}

/** Only a path inside the console, never another site, may be the page to go back to. */
function safeNext(value: string): string | undefined {
  return /^\/support\/[^\\]*$/.test(value) && !value.startsWith('/support//') && !value.includes('://') ? value : undefined;
}

/**
 * Loads the session named by the cookie into `res.locals.session`. Without a valid one a
 * GET is sent to the sign-in page and anything else is refused with 401.
 */
export function requireSession(context: ConsoleContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const id = readCookies(req).get(SESSION_COOKIE);
    const session = id ? context.stores.sessions.use({ idHash: hashSessionId(id), now: context.now(), idleMs: SESSION_IDLE_MS }) : undefined;
    if (session) {
      (res.locals as { session?: SupportSession }).session = session;
      return next();
    }
    if (id) res.append('Set-Cookie', cookie(SESSION_COOKIE, '', context.options.secureCookies === true, 0));
    if (req.method === 'GET' || req.method === 'HEAD') {
      const next = safeNext(req.originalUrl);
      res.redirect(303, `/support/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      return;
    }
    sendMessage(context, res, 401, t('errors.signInFirst'), { href: '/support/login', label: t('auth.signIn') });
  };
}

/**
 * Refuses any POST whose form lacks the session's CSRF token, or that a browser says came
 * from another site. Runs after the body is parsed.
 */
export function requireCsrf(context: ConsoleContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const session = (res.locals as { session?: SupportSession }).session;
    const token = field(req.body, '_csrf');
    if (session && !crossSite(req) && sameToken(token, session.csrfToken)) return next();
    context.logger.warn({ route: req.path }, 'support console: form without a valid CSRF token refused');
    sendMessage(context, res, 403, t('errors.csrf'));
  };
}

/**
 * Whether the browser says the request came from another site: `Sec-Fetch-Site` when it
 * sends one (every current browser does), else `Origin` compared with `Host`. Requests
 * with neither (scripts, curl) still need the token.
 */
function crossSite(req: Request): boolean {
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

const urlencoded = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 50 });

/** `GET/POST /support/login` and `POST /support/logout`. */
export function mountAuthRoutes(router: Router, context: ConsoleContext): void {
  const secure = context.options.secureCookies === true;
  const { users, sessions, attempts } = context.stores;
  /** When a held-back attempt was last audited, per account and address: one entry a minute each, however hard someone hammers. */
  const throttledAudited = new Map<string, number>();

  const showLogin = (req: Request, res: Response, status: number, view: { error?: string; name?: string; next?: string }) => {
    // One token per browser, not per page: a second tab (or a favicon request sent to the
    // sign-in page) must not invalidate the form already shown.
    const current = readCookies(req).get(LOGIN_COOKIE) ?? '';
    const csrf = /^[\w-]{43}$/.test(current) ? current : newToken();
    if (csrf !== current) res.append('Set-Cookie', cookie(LOGIN_COOKIE, csrf, secure));
    res
      .status(status)
      .type('html')
      .send(renderLogin({ now: context.now(), csrf, ...view }));
  };

  router.get('/login', (req, res) => {
    const next = safeNext(field(req.query, 'next'));
    showLogin(req, res, 200, next ? { next } : {});
  });

  router.post('/login', urlencoded, async (req, res, nextHandler) => {
    try {
      const now = context.now();
      const name = field(req.body, 'name').slice(0, 64);
      const body = req.body as Record<string, unknown> | undefined;
      const password = typeof body?.password === 'string' ? body.password : '';
      const next = safeNext(field(req.body, 'next'));
      const view = { name, ...(next ? { next } : {}) };
      const loginToken = readCookies(req).get(LOGIN_COOKIE) ?? '';
      if (crossSite(req) || !sameToken(field(req.body, '_csrf'), loginToken)) {
        return showLogin(req, res, 403, { ...view, error: t('auth.expiredForm') });
      }
      if (!name || !password || password.length > MAX_PASSWORD_LENGTH) {
        return showLogin(req, res, 400, { ...view, error: t('auth.missing') });
      }

      const since = now - LOGIN_WINDOW_MS;
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const byIp = attempts.failuresSince({ scope: 'ip', key: ip, since });
      if (byIp.count >= MAX_LOGIN_FAILURES) {
        // This address keeps failing: it waits out the window, whatever name it tries.
        const freeAt = (byIp.oldest ?? now) + LOGIN_WINDOW_MS;
        const minutes = Math.max(1, Math.ceil((freeAt - now) / 60_000));
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil((freeAt - now) / 1000))));
        context.logger.warn({ scope: 'ip' }, 'support console: sign-in rate limited');
        return showLogin(req, res, 429, { ...view, error: t('auth.tooMany', { count: minutes }) });
      }

      const user = users.findByName(name);
      const auditAttempt = (action: 'sign-in-failed' | 'sign-in-throttled', detail: Record<string, unknown>) => {
        if (!user) return; // A name that is no account (perhaps a password typed in the wrong box) is not written down.
        context.stores.audit.record({ at: now, userId: user.id, userName: user.name, action, detail: JSON.stringify({ address: ip, ...detail }) });
      };
      // An account others have failed on answers one attempt at a time, except from an address
      // it signed in from before. Unknown names are slowed alike, so nothing tells them apart.
      const byUser = attempts.failuresSince({ scope: 'user', key: name, since });
      const delay = accountDelayMs(byUser.count);
      const knownAddress = user ? attempts.isKnownAddress({ userId: user.id, address: ip, since: now - KNOWN_ADDRESS_MS }) : false;
      const waitMs = (byUser.newest ?? now) + delay - now;
      if (delay > 0 && waitMs > 0 && !knownAddress) {
        const seconds = Math.max(1, Math.ceil(waitMs / 1000));
        res.setHeader('Retry-After', String(seconds));
        context.logger.warn({ scope: 'user' }, 'support console: sign-in slowed');
        const auditKey = `${user?.id ?? ''}|${ip}`;
        if (now - (throttledAudited.get(auditKey) ?? Number.NEGATIVE_INFINITY) >= 60_000) {
          if (throttledAudited.size >= 10_000) throttledAudited.clear();
          throttledAudited.set(auditKey, now);
          auditAttempt('sign-in-throttled', { failures: byUser.count, waitSeconds: seconds });
        }
        return showLogin(req, res, 429, { ...view, error: t('auth.slowDown', { count: seconds }) });
      }

      const matches = await verifyPassword(password, user?.passwordHash);
      if (!user || !matches || user.disabled) {
        attempts.recordFailure({ ip, userName: name, now });
        attempts.prune(since);
        auditAttempt('sign-in-failed', { knownAddress, failures: byUser.count + 1 });
        context.logger.info({ known: user !== undefined }, 'support console: sign-in failed');
        return showLogin(req, res, 401, { ...view, error: t('auth.failed') });
      }

      attempts.clearUser(name);
      attempts.rememberAddress({ userId: user.id, address: ip, now });
      sessions.prune(now);
      const id = newToken();
      const session: SupportSession = {
        idHash: hashSessionId(id),
        userId: user.id,
        userName: user.name,
        role: user.role,
        csrfToken: newToken(),
        createdAt: now,
        expiresAt: now + SESSION_MAX_MS,
      };
      sessions.create({ idHash: session.idHash, userId: user.id, csrfToken: session.csrfToken, now, expiresAt: session.expiresAt });
      (res.locals as { session?: SupportSession }).session = session;
      audit(context, res, 'sign-in');
      res.append('Set-Cookie', cookie(SESSION_COOKIE, id, secure));
      res.append('Set-Cookie', cookie(LOGIN_COOKIE, '', secure, 0));
      res.redirect(303, next ?? homeOf(user.role));
    } catch (error) {
      nextHandler(error);
    }
  });

  router.post('/logout', requireSession(context), urlencoded, requireCsrf(context), (req, res) => {
    const id = readCookies(req).get(SESSION_COOKIE);
    audit(context, res, 'sign-out');
    if (id) sessions.delete(hashSessionId(id));
    res.append('Set-Cookie', cookie(SESSION_COOKIE, '', secure, 0));
    res.redirect(303, '/support/login');
  });
}

export { urlencoded as parseForm };
