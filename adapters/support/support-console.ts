/**
 * The support console at `/support`: transcripts, incident reports, the failure-message
 * switch and the migration dashboard, for support agents, supervisors and the channels'
 * business analyst. Server-rendered pages (every value escaped), a little local script,
 * Chart.js from node_modules; no CDN, no inline script (the CSP forbids it).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

import { mountAuthRoutes, requireSession } from './auth.js';
import { sendMessage, sessionOf, type ConsoleContext, type SupportConsoleOptions } from './console-context.js';
import { homeOf } from './roles.js';
import { mountAuditRoutes } from './routes/audit.routes.js';
import { mountConversationRoutes } from './routes/conversations.routes.js';
import { mountDashboardRoutes } from './routes/dashboard.routes.js';
import { mountFailureRoutes } from './routes/failure.routes.js';
import { mountIncidentRoutes } from './routes/incidents.routes.js';
import { t } from './support-texts.js';
import type { BannerItem } from './views/layout.view.js';

export type { ConsoleStores, SupportConsoleOptions } from './console-context.js';

/** Where the console lives on the server. */
export const SUPPORT_BASE_PATH = '/support';

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function readAsset(name: string): Buffer {
  return readFileSync(new URL(`./assets/${name}`, import.meta.url));
}

/** Chart.js's browser build, from the installed package: resolved through its main entry. */
function readChartJs(): Buffer {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFileSync(join(dirname(main), 'chart.umd.min.js'));
}

/**
 * The console as one request handler, to mount at `/support` (it also accepts requests
 * whose `/support` prefix the server already stripped).
 *
 * @example
 * startWebServer({ mounts: [{ path: '/support', handler: createSupportConsole({ stores, clock, logger, agenda, exportTranscript, agendaCircuit }) }] });
 */
export function createSupportConsole(options: SupportConsoleOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const { stores } = options;
  const logger = options.logger.child({ component: 'support-console' });
  const context: ConsoleContext = {
    options,
    stores,
    logger,
    now: () => options.clock.now().getTime(),
    banner() {
      const now = this.now();
      const items: BannerItem[] = stores.notices.active(now).map((notice) => ({
        source: 'manual',
        channel: notice.channel,
        since: notice.startedAt,
        ...(notice.endsAt !== undefined ? { endsAt: notice.endsAt } : {}),
      }));
      const circuit = options.agendaCircuit();
      if (circuit.open) items.push({ source: 'agenda', since: circuit.since?.getTime() ?? now });
      return items;
    },
  };

  const assets = {
    css: readAsset('console.css'),
    js: readAsset('console.js'),
    chart: readChartJs(),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  const router = express.Router({ strict: false });
  app.use(SUPPORT_BASE_PATH, router);

  router.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    next();
  });

  // Public: the sign-in page and its style sheet. Everything after requires a session.
  router.get('/assets/console.css', (_req, res) => {
    res.status(200).type('text/css; charset=utf-8').send(assets.css);
  });
  mountAuthRoutes(router, context);
  router.use(requireSession(context));

  router.get('/assets/console.js', (_req, res) => {
    res.status(200).type('text/javascript; charset=utf-8').send(assets.js);
  });
  router.get('/assets/chart.umd.min.js', (_req, res) => {
    res.status(200).type('text/javascript; charset=utf-8').send(assets.chart);
  });
  router.get('/', (_req, res) => res.redirect(303, homeOf(sessionOf(res).role)));
  mountConversationRoutes(router, context);
  mountIncidentRoutes(router, context);
  mountFailureRoutes(router, context);
  mountDashboardRoutes(router, context);
  mountAuditRoutes(router, context);

  router.use((_req, res) => sendMessage(context, res, 404, t('errors.notFound'), { href: '/support/', label: t('app.home') }));
  // Bad bodies (too large, malformed) get a clear page; anything else is logged by name only.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) logger.error({ err: { name: (error as Error)?.name }, route: req.path }, 'support console request failed');
    if (res.headersSent) return res.end();
    const shown = status === 413 ? 413 : status >= 400 && status < 500 ? 400 : 500;
    sendMessage(context, res, shown, t(`errors.status${shown}`));
  });

  return (req, res) => {
    // Mounted at `/support`, or given requests with that prefix already removed.
    const url = req.url ?? '/';
    if (!/^\/support(?:[/?#]|$)/.test(url)) req.url = `${SUPPORT_BASE_PATH}${url === '/' ? '/' : url}`;
    app(req as Request, res as Response);
  };
}
