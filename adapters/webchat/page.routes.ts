/**
 * The page members open (`/`, `/?site=CODE`) and its assets: the official Web Chat bundle
 * from node_modules (no CDN), the page's script, style and Lina's avatar. With Azure's Direct
 * Line configured, also `POST /webchat/token`, where the page gets its conversation token.
 */
import express, { type Request, type Response, type Router } from 'express';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { isSiteCode, type SiteCode } from '../../bot/domain.js';
import type { Logger } from '../../bot/logger.js';
import { exchangeDirectLineSecret } from './azure-directline.client.js';
import { DirectLineError } from './directline/directline.errors.js';
import { directLineErrorHandler, streamOrigin } from './directline/directline.routes.js';
import { renderWebChatPage, WEBCHAT_ASSETS, webChatPageCsp } from './page.html.js';
import { createRateLimit } from './rate-limit.js';

export interface WebChatPageRoutesOptions {
  /** Set: the page talks to Azure's Direct Line with tokens exchanged for this secret. */
  directLineSecret: string | undefined;
  publicUrl: string;
  maxTextLength: number;
  supportPhone: string;
  logger: Logger;
  /** For tests of the Azure exchange; the global fetch otherwise. */
  fetch?: typeof fetch;
}

const PAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'page');

/** `botframework-webchat`'s browser bundles, next to its CommonJS entry point. */
function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve('botframework-webchat');
  return join(dirname(entry), '..', 'dist', 'webchat-minimal.js');
}

export function createWebChatPageRouter(options: WebChatPageRoutesOptions): Router {
  const router = express.Router();
  const mode = options.directLineSecret ? 'azure' : 'lina';
  const bundle = lazyBundle();

  router.get('/', (req, res) => {
    const nonce = randomBytes(16).toString('base64');
    const site = readSite(req.query.site);
    res.set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': webChatPageCsp({ nonce, mode, streamOrigin: streamOrigin(req, options.publicUrl) }),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.send(
      renderWebChatPage({
        mode,
        nonce,
        maxTextLength: options.maxTextLength,
        supportPhone: options.supportPhone,
        ...(site ? { site } : {}),
      }),
    );
  });

  router.get(WEBCHAT_ASSETS.webChatBundle, async (req, res) => {
    const { plain, gzipped } = await bundle();
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.set({
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(acceptsGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.send(acceptsGzip ? gzipped : plain);
  });

  router.use(
    '/webchat',
    express.static(PAGE_DIR, {
      index: false,
      maxAge: '1h',
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );

  if (options.directLineSecret) {
    const secret = options.directLineSecret;
    const limitTokens = createRateLimit(30);
    router.post('/webchat/token', async (req: Request, res: Response) => {
      if (!limitTokens(req.ip ?? req.socket.remoteAddress ?? '')) throw new DirectLineError('TooManyRequests', 'Too many new conversations from this address');
      const token = await exchangeDirectLineSecret({ secret, ...(options.fetch ? { fetch: options.fetch } : {}) });
      res.set('Cache-Control', 'no-store').status(200).json(token);
    });
    router.use('/webchat/token', directLineErrorHandler(options.logger));
  } else {
    router.post('/webchat/token', () => {
      throw new DirectLineError('NotFound', 'This server runs its own Direct Line: use /v3/directline/tokens/generate');
    });
    router.use('/webchat/token', directLineErrorHandler(options.logger));
  }
  return router;
}

function readSite(value: unknown): SiteCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return isSiteCode(code) ? code : undefined;
}

/** The bundle is read and compressed at its first request, never at start-up. */
function lazyBundle(): () => Promise<{ plain: Buffer; gzipped: Buffer }> {
  let loading: Promise<{ plain: Buffer; gzipped: Buffer }> | undefined;
  return () => {
    loading ??= (async () => {
      const plain = await readFile(webChatBundlePath());
      return { plain, gzipped: await promisify(gzip)(plain) };
    })();
    loading.catch(() => (loading = undefined));
    return loading;
  };
}
