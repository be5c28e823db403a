/**
 * Lina as `npm start` runs her: the runtime (database, agenda, engine), the web server (web
 * chat page, Direct Line, Bot Framework endpoint, support console) and, when enabled,
 * WhatsApp (Baileys or the Cloud API). The one place where every channel is put together.
 *
 * The support console's modules load on its first request and Baileys only when WhatsApp is
 * on, so neither delays the web server's start nor takes memory while unused.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import type { WhatsAppChannel } from '../../adapters/whatsapp/whatsapp.adapter.js';
import type { WhatsAppCloudChannel } from '../../adapters/whatsapp-cloud/whatsapp-cloud.adapter.js';
import { sharedFailureNoticeStore } from '../../data/support/failure-notice.store.js';
import { createDirectLineStore } from '../../data/webchat/directline.store.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../ports.js';
import { startRuntime, type Runtime } from './runtime.js';
import { startWebServer, type WebMount, type WebServer } from '../../adapters/http/web-server.js';

export interface RunningLina {
  runtime: Runtime;
  web: WebServer;
  whatsapp?: WhatsAppChannel;
  whatsappCloud?: WhatsAppCloudChannel;
  /** Addresses worth printing at start. */
  urls: { webChat: string; support: string; agenda: string; whatsappPairing?: string; whatsappWebhook?: string };
  close(): Promise<void>;
}

export async function startLina(options: {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Where WhatsApp's pairing QR code (terminal art) or pairing code is shown. */
  printPairing?: (text: string) => void;
}): Promise<RunningLina> {
  const { config, clock, logger } = options;
  // One failure-message switch per database: the engine reads it, the console changes it.
  const runtime = await startRuntime({ config, clock, logger, failureNotices: sharedFailureNoticeStore });
  const mounts: WebMount[] = [
    {
      path: '/support',
      handler: loadedOnFirstRequest('support console', logger, async () => {
        const [{ createSupportConsole }, { exportTranscript }, { createConsoleStores }] = await Promise.all([
          import('../../adapters/support/support-console.js'),
          import('../../adapters/webchat/transcript.exporter.js'),
          import('./support-stores.js'),
        ]);
        const stores = createConsoleStores(runtime.db, sharedFailureNoticeStore(runtime.db));
        return createSupportConsole({
          stores,
          clock,
          logger,
          agenda: runtime.agenda,
          exportTranscript: (conversationId) => exportTranscript(stores.conversations, conversationId),
          agendaCircuit: runtime.agendaCircuit,
          secureCookies: config.web.publicUrl.startsWith('https:'),
          trustProxy: config.web.trustProxy,
          supportPhone: config.conversation.supportPhone,
          supportHours: config.conversation.supportHours,
        });
      }),
    },
  ];

  let whatsapp: WhatsAppChannel | undefined;
  let whatsappCloud: WhatsAppCloudChannel | undefined;
  if (config.whatsapp.enabled && config.whatsapp.provider === 'cloud') {
    const [{ startWhatsAppCloud, WEBHOOK_PATH }, { createPeopleStore }, { createCloudInboxStore, createCustomerWindowStore }, { createCloudDeliveriesStore }] = await Promise.all([
      import('../../adapters/whatsapp-cloud/whatsapp-cloud.adapter.js'),
      import('../../data/whatsapp/people.store.js'),
      import('../../data/whatsapp/cloud-inbox.store.js'),
      import('../../data/whatsapp/cloud-deliveries.store.js'),
    ]);
    const { cloud } = config.whatsapp;
    whatsappCloud = startWhatsAppCloud({
      engine: runtime.engine,
      // The same people as Baileys': a member keeps their conversation when the provider changes.
      people: createPeopleStore(runtime.db),
      // Member messages recorded before the webhook's 200: a crash loses none.
      inbox: createCloudInboxStore(runtime.db),
      // When each member last wrote: replies outside the 24-hour window are logged, not attempted.
      windows: createCustomerWindowStore(runtime.db),
      // What became of each reply (statuses, replies that did not go): shown in the support console.
      deliveries: createCloudDeliveriesStore(runtime.db),
      renderer: runtime.renderer,
      logger,
      clock,
      apiUrl: cloud.apiUrl,
      apiVersion: cloud.apiVersion,
      phoneNumberId: cloud.phoneNumberId,
      accessToken: cloud.accessToken,
      appSecret: cloud.appSecret,
      verifyToken: cloud.verifyToken,
      chatGapMs: config.whatsapp.chatGapMs,
      maxPerMinute: config.whatsapp.maxPerMinute,
    });
    mounts.push({ path: WEBHOOK_PATH, handler: whatsappCloud.handleWebhook });
  } else if (config.whatsapp.enabled) {
    const [{ startWhatsApp }, { createWhatsAppAuthStore }, { createPeopleStore }] = await Promise.all([
      import('../../adapters/whatsapp/whatsapp.adapter.js'),
      import('../../data/whatsapp/auth-state.store.js'),
      import('../../data/whatsapp/people.store.js'),
    ]);
    whatsapp = await startWhatsApp({
      engine: runtime.engine,
      authStore: createWhatsAppAuthStore(runtime.db),
      people: createPeopleStore(runtime.db),
      renderer: runtime.renderer,
      logger,
      clock,
      chatGapMs: config.whatsapp.chatGapMs,
      maxPerMinute: config.whatsapp.maxPerMinute,
      reconnectMaxMs: config.whatsapp.reconnectMaxMs,
      ...(config.whatsapp.pairingPhone ? { pairingPhone: config.whatsapp.pairingPhone } : {}),
      ...(options.printPairing ? { printPairing: options.printPairing } : {}),
    });
    mounts.push({ path: '/whatsapp', handler: whatsapp.handlePairingPage });
  }

  const web = await startWebServer({
    config,
    engine: runtime.engine,
    directLineStore: createDirectLineStore(runtime.db),
    clock,
    logger,
    mounts,
    directLineTokenSecret: config.web.directLineTokenSecret ?? persistedSecret(config.database.path),
  });
  const base = config.web.publicUrl;
  return {
    runtime,
    web,
    ...(whatsapp ? { whatsapp } : {}),
    ...(whatsappCloud ? { whatsappCloud } : {}),
    urls: {
      webChat: `${base}/`,
      support: `${base}/support`,
      agenda: `${runtime.agendaUrl}/v1`,
      ...(whatsapp ? { whatsappPairing: `http://localhost:${new URL(web.url).port}/whatsapp` } : {}),
      ...(whatsappCloud ? { whatsappWebhook: `${base}/webhooks/whatsapp` } : {}),
    },
    async close() {
      await whatsapp?.close();
      await whatsappCloud?.close();
      await web.close();
      await runtime.close();
    },
  };
}

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A handler built by `load` when its first request comes; later requests wait for the same
 * build. A failure (to load, or thrown by the handler) is logged and answered with a 500.
 */
function loadedOnFirstRequest(name: string, logger: Logger, load: () => Promise<RequestHandler>): RequestHandler {
  let handler: Promise<RequestHandler> | undefined;
  return (req, res) => {
    handler ??= load();
    handler
      .then((handle) => handle(req, res))
      .catch((error: unknown) => {
        logger.error({ err: { name: (error as Error)?.name } }, `${name} failed`);
        if (res.headersSent) return void res.end();
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error');
      });
  };
}

/**
 * The key that signs web chat tokens, kept next to the database so a page reloaded after a
 * restart still resumes its conversation. An in-memory database gets a key per process.
 */
function persistedSecret(databasePath: string): string {
  if (databasePath === ':memory:') return randomBytes(32).toString('base64url');
  const file = join(dirname(databasePath), 'directline.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
