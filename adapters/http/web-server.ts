/**
 * Lina's HTTP server: the web chat page, Lina's own Direct Line 3.0 (REST and WebSocket),
 * the Bot Connector routes its replies come back through, the Bot Framework endpoint
 * `/api/messages` for Azure Bot Service, `/healthz`, the data-processing policy
 * (`/politica-de-datos`), and the pages other parts mount.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { createConnectorRouter } from '../webchat/directline/connector.routes.js';
import { createDirectLineRouter } from '../webchat/directline/directline.routes.js';
import { createDirectLineService } from '../webchat/directline/directline.service.js';
import { createDirectLineStream } from '../webchat/directline/directline.stream.js';
import { createDirectLineTokens } from '../webchat/directline/directline.tokens.js';
import { isLocalRequest, isLoopbackHost } from './local-request.js';
import { createWebChatPageRouter } from '../webchat/page.routes.js';
import { createPolicyRouter } from '../webchat/policy.routes.js';
import { AZURE_SERVICE_URLS, checkServiceUrl, effectivePort, LOCAL_SERVICE_URLS } from '../webchat/service-url.js';
import { ENTRY_POINT_STATE, type EntryPoint } from '../webchat/to-inbound-message.js';
import { webchatText } from '../webchat/webchat-texts.js';
import type { WebChatBot } from '../webchat/webchat.runtime.js';
import type { Config } from '../../bot/config.js';
import type { Logger } from '../../bot/logger.js';
import type { Engine } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import type { DirectLineStore } from '../../bot/ports/directline.js';

/** A page or API another part of Lina serves under a path of this server (`/whatsapp`, `/support`). */
export interface WebMount {
  path: string;
  /** Gets the request with its full original URL (the mount path is not stripped). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface WebServerOptions {
  config: Config;
  engine: Engine;
  /** Where Lina's Direct Line keeps its conversations and activities. */
  directLineStore: DirectLineStore;
  /** The engine's clock (a simulated one in tests); Direct Line timestamps use the wall clock. */
  clock: Clock;
  logger: Logger;
  mounts?: WebMount[];
  /**
   * Key that signs Lina's Direct Line tokens. Configured, a page reloaded after a restart
   * resumes its conversation; without it each process signs with a random key.
   */
  directLineTokenSecret?: string;
  /** Replaces the global fetch for the Azure token exchange (tests). */
  fetch?: typeof fetch;
}

export interface WebServer {
  /** Where the server listens, e.g. `http://127.0.0.1:3978` (the public address is config's). */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Starts listening at once. botbuilder, slow to import (~1 s of CPU, ~45 MB), loads when the
 * first request for the web chat or the Bot Framework endpoint comes (opening the page starts
 * it, so it is ready by the first message), and the routes that need the bot wait for it: a
 * Lina that only serves WhatsApp and the support console never loads it.
 *
 * The doors and what each trusts (docs/security.md):
 * - Lina's own Direct Line (`/v3/directline`): any client, with a token Lina signed, bound to
 *   one conversation and bounded in time, streams, posts and bytes.
 * - `/api/messages`: with Bot Framework credentials, callers with an Azure-signed JWT; without
 *   them, nobody, unless `LINA_LOCAL_BOT_SECRET` is set: then clients of this machine that
 *   present it (Bot Framework Emulator). Its conversations never share a session with the
 *   Direct Line's, and its replies go only to an allowed `serviceUrl`, never to Lina's own.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { config, logger } = options;
  const log = logger.child({ component: 'web' });
  const authEnabled = Boolean(config.web.botFramework.appId);
  const localSecret = config.web.localBotSecret;
  const botEndpoint: 'azure' | 'local' | 'off' = authEnabled ? 'azure' : localSecret ? 'local' : 'off';
  const serviceUrlRules = config.web.botServiceUrls ?? (authEnabled ? AZURE_SERVICE_URLS : LOCAL_SERVICE_URLS);
  const connectorSecret = randomBytes(32).toString('base64url');
  let serviceUrl = '';
  let bot: Promise<WebChatBot> | undefined;
  const loadBot = () => {
    bot ??= import('../webchat/webchat.runtime.js').then(({ createWebChatBot }) =>
      createWebChatBot({
        engine: options.engine,
        clock: options.clock,
        logger,
        botFramework: config.web.botFramework,
        connector: { baseUrl: () => serviceUrl, secret: connectorSecret },
        apology: webchatText('bot.apology'),
      }),
    );
    return bot;
  };

  const tokens = createDirectLineTokens({
    now: () => Date.now(),
    maxLifetimeMs: config.web.directLine.maxTokenLifetimeMs,
    ...(options.directLineTokenSecret ? { secret: options.directLineTokenSecret } : {}),
  });
  const directLine = createDirectLineService({
    store: options.directLineStore,
    tokens,
    deliver: async (activity) => {
      const { adapter, bot: lina } = await loadBot();
      await adapter.processTrusted(activity as unknown as Activity, (context) => {
        context.turnState.set(ENTRY_POINT_STATE, 'directline' satisfies EntryPoint);
        return lina.run(context);
      });
    },
    serviceUrl: () => serviceUrl,
    bot: { id: config.web.botFramework.appId ?? 'lina', name: 'Lina' },
    maxTextLength: config.conversation.maxMessageLength,
    now: () => new Date(),
    logger: log,
    limits: { postsPerMinute: config.web.directLine.postsPerMinute, maxConversationBytes: config.web.directLine.maxConversationBytes },
    notices: {
      slowDown: webchatText('directLine.slowDown'),
      tooBig: webchatText('directLine.tooBig'),
      conversationFull: webchatText('directLine.conversationFull'),
    },
  });
  // The Direct Line is the page's own API: every call carries a token signed by Lina and bound
  // to one conversation, and token generation is rate-limited, so members' phones may use it.
  const anyClient = () => true;
  const stream = createDirectLineStream({
    service: directLine,
    tokens,
    allowClient: anyClient,
    logger: log,
    maxStreamsPerConversation: config.web.directLine.streamsPerConversation,
  });

  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy the limits per address count the member's address, not the proxy's.
  app.set('trust proxy', config.web.trustProxy);
  // No response of Lina's is ever to be read as another type than the one it says.
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  /** Who may call `/api/messages`, by the mode Lina runs in. */
  const botEndpointGate = (req: Request, res: Response, next: NextFunction) => {
    if (botEndpoint === 'azure') {
      // Unsigned calls are answered here: botbuilder would print each refusal to the console.
      if (!req.headers.authorization) return void res.status(401).json({ error: { code: 'Unauthorized', message: 'Bot Framework token required' } });
      return next();
    }
    if (botEndpoint === 'off') {
      return void res.status(403).json({
        error: { code: 'Forbidden', message: 'The Bot Framework endpoint is off: configure Bot Framework credentials, or LINA_LOCAL_BOT_SECRET for a local client' },
      });
    }
    if (!isLocalRequest(req)) return void res.status(403).json({ error: { code: 'Forbidden', message: 'Only clients on this machine are served' } });
    if (!presentsLocalSecret(req, localSecret ?? '')) {
      return void res.status(401).json({ error: { code: 'Unauthorized', message: 'The local bot secret is missing or wrong' } });
    }
    // botbuilder, with authentication off, would try to read the secret as a Bot Framework token.
    delete req.headers.authorization;
    next();
  };
  /** Lina's own Bot Connector, by any spelling of its origin. */
  const isOwnServiceUrl = (url: URL) => {
    const listening = serviceUrl ? new URL(serviceUrl) : undefined;
    const port = effectivePort(url);
    const ownPort = listening ? effectivePort(listening) : String(config.web.port);
    const host = url.hostname.toLowerCase();
    const ownHost = isLoopbackHost(host) || ['0.0.0.0', '[::]', config.web.host.toLowerCase(), listening?.hostname.toLowerCase()].includes(host);
    return (ownHost && port === ownPort) || url.origin === new URL(config.web.publicUrl).origin;
  };

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').status(200).json({ status: 'ok' });
  });

  // The data-processing policy the consent message links to: a static page, no bot needed.
  app.use(
    createPolicyRouter({
      version: config.conversation.policyVersion,
      supportPhone: config.conversation.supportPhone,
      supportHours: config.conversation.supportHours,
      retentionDays: config.database.retentionDays,
    }),
  );

  for (const mount of options.mounts ?? []) {
    app.use(mount.path, (req, res) => {
      req.url = req.originalUrl;
      mount.handler(req, res);
    });
  }

  // Everything below is the web chat's or the Bot Framework's.
  app.use((_req, _res, next) => {
    if (!bot) void loadBot().catch((error: unknown) => log.error({ err: { name: (error as Error)?.name } }, 'web chat bot failed to load'));
    next();
  });

  app.post('/api/messages', botEndpointGate, express.json({ limit: '256kb' }), async (req, res) => {
    const activity = req.body as { type?: unknown; serviceUrl?: unknown } | undefined;
    if (!activity || typeof activity !== 'object' || Array.isArray(activity) || typeof activity.type !== 'string') {
      res.status(400).json({ error: { code: 'BadArgument', message: 'Expected a JSON activity with a type' } });
      return;
    }
    // Replies go to the serviceUrl: an allowed origin, compared parsed, and never Lina's own
    // connector, whose calls carry her secret into the members' Direct Line conversations.
    const verdict = checkServiceUrl(activity.serviceUrl, serviceUrlRules, isOwnServiceUrl);
    if (!verdict.ok) {
      const message = verdict.reason === 'malformed' ? 'serviceUrl must be an http(s) URL' : 'serviceUrl not allowed';
      res.status(400).json({ error: { code: 'BadArgument', message } });
      return;
    }
    const { adapter, bot: lina } = await loadBot();
    try {
      await adapter.process(req, res, (context) => {
        context.turnState.set(ENTRY_POINT_STATE, 'botframework' satisfies EntryPoint);
        return lina.run(context);
      });
    } catch (error) {
      // botbuilder validates the activity's shape itself and throws when it does not fit.
      if (res.headersSent) return;
      const unreadable = (error as Error)?.name === 'ZodError';
      if (!unreadable) log.error({ err: { name: (error as Error)?.name } }, 'bot endpoint failed');
      res.status(unreadable ? 400 : 500).json({ error: { code: unreadable ? 'BadArgument' : 'ServiceError', message: unreadable ? 'Unreadable activity' : 'Internal error' } });
    }
  });

  app.use(
    '/v3/directline',
    createDirectLineRouter({
      service: directLine,
      tokens,
      publicUrl: config.web.publicUrl,
      maxBodyBytes: Math.max(32 * 1024, config.conversation.maxMessageLength * 4 + 4096),
      logger: log,
    }),
  );
  app.use('/v3/conversations', createConnectorRouter({ service: directLine, secret: connectorSecret, logger: log }));
  app.use(
    createWebChatPageRouter({
      directLineSecret: config.web.directLineSecret,
      publicUrl: config.web.publicUrl,
      maxTextLength: config.conversation.maxMessageLength,
      supportPhone: config.conversation.supportPhone,
      logger: log,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  );
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown })?.status;
    const clientError = typeof status === 'number' && status >= 400 && status < 500;
    if (!clientError) log.error({ err: { name: (error as Error)?.name } }, 'web request failed');
    if (res.headersSent) return void res.end();
    res.status(clientError ? status : 500).json({ error: { code: clientError ? 'BadArgument' : 'ServiceError', message: clientError ? 'Bad request' : 'Internal error' } });
  });

  const server = createServer(app);
  server.on('upgrade', (req, socket, head) => {
    if (stream.handleUpgrade(req, socket, head)) return;
    // Other parts may listen for their own upgrades; alone, an unknown path is refused.
    if (server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.web.port, config.web.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(address.address)}:${address.port}`;
  serviceUrl = url;
  log.info({ url, directLine: config.web.directLineSecret ? 'azure' : 'lina', botEndpoint }, 'web server listening');

  return {
    url,
    server,
    async close() {
      await stream.close();
      // Turns under way still post their replies to this server: let them finish first.
      await directLine.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Whether the request carries the local bot secret: `Authorization: Bearer <secret>`, or `?secret=` (the Emulator's endpoint URL). */
function presentsLocalSecret(req: Request, secret: string): boolean {
  if (!secret) return false;
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const query = typeof req.query.secret === 'string' ? req.query.secret : undefined;
  const given = Buffer.from(bearer ?? query ?? '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The host part of a URL reaching this server from the machine itself. */
function urlHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
}
