/**
 * `lina`: the one command line. Every npm script calls a subcommand of it
 * (`npm start` → `lina start`, `npm run chat` → `lina chat`, ...).
 *
 * Each command imports what it runs when it runs (`await import(...)`): loading every
 * command's modules would slow `lina start` down by what `simulate`, `chat` or `transcript` use.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadEnvFile } from 'node:process';
import pino from 'pino';
import { registerSupportCommands } from '../../adapters/support/support.cli.js';
import { openDatabase } from '../../data/database.js';
import { createSupportUserStore } from '../../data/support/support-users.store.js';
import { ManualClock, systemClock } from '../clock.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { isSiteCode, type SiteCode } from '../domain.js';
import { createLogger, silentLogger, type Logger } from '../logger.js';
import { CHANNELS, type ChannelName } from '../messages.js';
import type { Clock } from '../ports.js';

/** A clock that starts at a chosen instant and then runs at wall-clock speed (demos). */
function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

function parseSite(value: string): SiteCode {
  const code = value.trim().toUpperCase();
  if (!isSiteCode(code)) throw new InvalidArgumentError(`unknown site code "${value}"`);
  return code;
}

function parseChannel(value: string): ChannelName {
  if (!(CHANNELS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`channel must be one of ${CHANNELS.join(', ')}`);
  }
  return value as ChannelName;
}

function parseInstant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`not a date: "${value}"`);
  return date;
}

/** In a terminal chat the screen is the member's: logs go to a file instead. */
function fileLogger(config: Config): Logger {
  mkdirSync('var', { recursive: true });
  return createLogger({ level: config.log.level, destination: pino.destination({ dest: 'var/lina.log', mkdir: true }) });
}

interface ChatFlags {
  channel: ChannelName;
  from?: string;
  site?: SiteCode;
  now?: Date;
}

async function chat(flags: ChatFlags): Promise<void> {
  const config = loadConfig();
  const clock = flags.now ? clockStartingAt(flags.now) : systemClock;
  const logger = fileLogger(config);
  const [{ startRuntime }, { runConsoleChat }] = await Promise.all([import('./runtime.js'), import('../../adapters/console/console.adapter.js')]);
  const runtime = await startRuntime({ config, clock, logger });
  const userId = flags.from ?? (flags.channel === 'whatsapp' ? '+570000000000' : 'terminal');
  process.stdout.write(`${runtime.renderer.text('cli.chatBanner', { agenda: runtime.agendaUrl })}\n\n`);
  try {
    await runConsoleChat({
      engine: runtime.engine,
      input: process.stdin,
      output: process.stdout,
      channel: flags.channel,
      userId,
      ...(flags.channel === 'whatsapp' ? { phone: userId } : {}),
      ...(flags.site ? { site: flags.site } : {}),
      clock,
      apology: runtime.renderer.text('errors.turnFailed'),
      onError: (error) => logger.error({ err: { name: (error as Error)?.name } }, 'console turn failed'),
    });
  } finally {
    await runtime.close();
  }
}

/** What `lina start` says of WhatsApp: the pairing page, the Cloud API's webhook, or how to turn it on. */
function whatsappLine(urls: { whatsappPairing?: string; whatsappWebhook?: string }, config: Config): string {
  if (urls.whatsappPairing) return `pairing page ${urls.whatsappPairing}`;
  if (urls.whatsappWebhook) return `Cloud API webhook ${urls.whatsappWebhook}${config.whatsapp.cloud.local ? `   (local Cloud API at ${config.whatsapp.cloud.apiUrl})` : ''}`;
  return 'off (set WHATSAPP_ENABLED=true in .env)';
}

// Settings from .env, when there is one; real environment variables win.
if (existsSync('.env')) loadEnvFile('.env');

const program = new Command().name('lina').description('Lina, the appointment assistant of the PBS plan').showHelpAfterError();

const chatOptions = (command: Command) =>
  command
    .addOption(new Option('--channel <channel>', 'channel to act as').default('console').argParser(parseChannel))
    .option('--from <id>', 'sender id; on whatsapp an E.164 phone such as +573001112233')
    .option('--site <code>', "start as if from this site's QR code (e.g. SUBA)", parseSite)
    .option('--now <instant>', 'start the clock at this instant (ISO-8601), then let it run', parseInstant);

program
  .command('start')
  .description('start Lina: web chat page, support console and, when enabled, WhatsApp')
  .action(async () => {
    const startedAt = performance.now();
    const config = loadConfig();
    const logger = createLogger({ level: config.log.level });
    const { startLina } = await import('./server.js');
    const lina = await startLina({
      config,
      clock: systemClock,
      logger,
      printPairing: (text) => process.stdout.write(`${text}\n`),
    });
    const { urls } = lina;
    process.stdout.write(
      [
        `Lina is ready in ${Math.round(performance.now() - startedAt)} ms.`,
        `  Web chat:         ${urls.webChat}   (from a site's QR code: ${urls.webChat}?site=SUBA)`,
        `  Support console:  ${urls.support}   (users: npm run support -- add-user <name> --role agent)`,
        `  Agenda:           ${urls.agenda}${lina.runtime.simulator ? '   (embedded simulator)' : ''}`,
        `  WhatsApp:         ${whatsappLine(urls, config)}`,
        `  Bot Framework:    ${
          config.web.botFramework.appId
            ? `${lina.web.url}/api/messages   (Azure Bot Service)`
            : config.web.localBotSecret
              ? `${lina.web.url}/api/messages?secret=<LINA_LOCAL_BOT_SECRET>   (Bot Framework Emulator, this machine only)`
              : 'off (set LINA_LOCAL_BOT_SECRET for Bot Framework Emulator)'
        }`,
        'Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    const stop = () => void lina.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

chatOptions(program.command('chat').description('talk to Lina in the terminal, against the configured agenda')).action(chat);

const agenda = program.command('agenda').description('the embedded agenda simulator');

agenda
  .command('serve', { isDefault: true })
  .description('run the embedded agenda simulator alone')
  .option('--now <instant>', 'seed the world from this instant (ISO-8601)', parseInstant)
  .action(async (flags: { now?: Date }) => {
    const config = loadConfig();
    const logger = createLogger({ level: config.log.level });
    const clock = flags.now ? clockStartingAt(flags.now) : systemClock;
    const { startAgendaSimulator } = await import('../../adapters/agenda-simulator/simulator.server.js');
    const simulator = await startAgendaSimulator({
      clock,
      host: config.agenda.simulator.host,
      port: config.agenda.simulator.port,
      dbPath: config.agenda.simulator.databasePath,
      logger,
    });
    process.stdout.write(`Agenda simulator listening on ${simulator.url}/v1 (Ctrl-C to stop)\n`);
    const stop = () => void simulator.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

agenda
  .command('close-case')
  .description('close a RISS case by its radicado, through the agenda contract')
  .argument('<radicado>', 'e.g. RISS-2026-000101')
  .option('--url <url>', 'agenda base URL (default: AGENDA_URL or the local simulator)')
  .action(async (radicado: string, flags: { url?: string }) => {
    const config = loadConfig();
    const baseUrl = flags.url ?? config.agenda.url ?? `http://${config.agenda.simulator.host}:${config.agenda.simulator.port}`;
    const [{ createAgendaClient }, { isAgendaError }] = await Promise.all([import('../../adapters/agenda/agenda.client.js'), import('../agenda.errors.js')]);
    const client = createAgendaClient({ baseUrl, timeoutMs: config.agenda.timeoutMs });
    try {
      const closed = await client.closeCase({ radicado });
      process.stdout.write(`Closed ${closed.radicado} (status: ${closed.status})\n`);
    } catch (error) {
      const reason = isAgendaError(error) ? error.code : 'UNKNOWN';
      process.stderr.write(`Could not close ${radicado}: ${reason}\n`);
      process.exitCode = 1;
    }
  });

const cloudSim = program.command('whatsapp-cloud-sim').description('the local WhatsApp Cloud API: Lina sends to it, members type and tap on its page');

/** The local Cloud API's settings as Lina reads them with WHATSAPP_CLOUD_LOCAL=true: both sides agree. */
function localCloudSettings(): Config['whatsapp']['cloud'] & { webhookUrl: string } {
  const config = loadConfig({ ...process.env, WHATSAPP_CLOUD_LOCAL: 'true' });
  const host = ['0.0.0.0', '::'].includes(config.web.host) ? '127.0.0.1' : config.web.host;
  return { ...config.whatsapp.cloud, webhookUrl: `http://${host.includes(':') ? `[${host}]` : host}:${config.web.port}/webhooks/whatsapp` };
}

cloudSim
  .command('serve', { isDefault: true })
  .description('run the local Cloud API (this machine only)')
  .option('--port <port>', 'port to listen on (default: the one in WHATSAPP_CLOUD_API_URL, else 4020)', (value) => Number(value))
  .option('--webhook <url>', "Lina's webhook (default: http://LINA_HOST:LINA_PORT/webhooks/whatsapp)")
  .action(async (flags: { port?: number; webhook?: string }) => {
    const settings = localCloudSettings();
    const logger = createLogger({ level: loadConfig().log.level });
    const { startCloudSim } = await import('../../adapters/whatsapp-cloud-sim/sim.server.js');
    const sim = await startCloudSim({
      webhookUrl: flags.webhook ?? settings.webhookUrl,
      phoneNumberId: settings.phoneNumberId,
      accessToken: settings.accessToken,
      appSecret: settings.appSecret,
      port: flags.port ?? Number(new URL(settings.apiUrl).port || 4020),
      logger,
    });
    process.stdout.write(
      [
        `Local WhatsApp Cloud API on ${sim.url} (Ctrl-C to stop)`,
        `  Be a member:  ${sim.url}/   (or: npm run whatsapp-cloud-sim -- type 573001112233 hola)`,
        `  Webhooks to:  ${flags.webhook ?? settings.webhookUrl}`,
        `  Start Lina against it with WHATSAPP_CLOUD_LOCAL=true (in .env or: WHATSAPP_CLOUD_LOCAL=true npm start)`,
        '',
      ].join('\n'),
    );
    const stop = () => void sim.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/** Calls the running local Cloud API as a member would act, and prints its answer. */
async function simAction(path: string, body: Record<string, string>, flags: { url?: string }): Promise<void> {
  const base = flags.url ?? localCloudSettings().apiUrl;
  const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  process.stdout.write(`${await response.text()}\n`);
  if (!response.ok) process.exitCode = 1;
}

cloudSim
  .command('type')
  .description('a member writes to Lina through the running local Cloud API')
  .argument('<phone>', 'the member, digits with country code (573001112233)')
  .argument('<text...>', 'what they write')
  .option('--url <url>', 'the local Cloud API (default: WHATSAPP_CLOUD_API_URL or http://127.0.0.1:4020)')
  .action((phone: string, words: string[], flags: { url?: string }) => simAction(`/sim/phones/${encodeURIComponent(phone)}/type`, { text: words.join(' ') }, flags));

cloudSim
  .command('tap')
  .description('a member taps a button or list row Lina sent them (by its id)')
  .argument('<phone>', 'the member, digits with country code')
  .argument('<id>', "the option's id (see GET /sim/phones/<phone>)")
  .option('--url <url>', 'the local Cloud API (default: WHATSAPP_CLOUD_API_URL or http://127.0.0.1:4020)')
  .action((phone: string, id: string, flags: { url?: string }) => simAction(`/sim/phones/${encodeURIComponent(phone)}/tap`, { id }, flags));

registerSupportCommands(program, () => {
  const db = openDatabase(loadConfig().database.path);
  return { users: createSupportUserStore(db), close: () => db.close() };
});

program
  .command('transcript')
  .description('export a conversation (any channel) as a Bot Framework .transcript file')
  .argument('<conversation>', "the conversation's id (see the support console)")
  .option('--out <file>', 'write here instead of standard output')
  .action(async (conversationId: string, flags: { out?: string }) => {
    const config = loadConfig();
    const [{ exportTranscript, TranscriptExportError }, { createConversationStore }] = await Promise.all([
      import('../../adapters/webchat/transcript.exporter.js'),
      import('../../data/support/conversations.store.js'),
    ]);
    const db = openDatabase(config.database.path);
    try {
      const json = `${JSON.stringify(exportTranscript(createConversationStore(db), conversationId), null, 2)}\n`;
      if (flags.out) writeFileSync(flags.out, json);
      else process.stdout.write(json);
    } catch (error) {
      if (!(error instanceof TranscriptExportError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } finally {
      db.close();
    }
  });

program
  .command('purge')
  .description('delete conversations, transcripts and their data older than LINA_RETENTION_DAYS')
  .option('--days <n>', 'keep this many days instead', (value) => {
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1) throw new InvalidArgumentError('a whole number of days, at least 1');
    return days;
  })
  .action(async (flags: { days?: number }) => {
    const config = loadConfig();
    const days = flags.days ?? config.database.retentionDays;
    const { purgeBefore } = await import('../../data/retention.js');
    const db = openDatabase(config.database.path);
    try {
      const now = systemClock.now();
      const report = purgeBefore(db, new Date(now.getTime() - days * 24 * 60 * 60_000), now);
      process.stdout.write(`Purged what is older than ${days} days: ${JSON.stringify(report)}\n`);
    } finally {
      db.close();
    }
  });

program
  .command('backup')
  .description("copy Lina's database while she runs (SQLite online backup)")
  .argument('[file]', 'where to write the copy (default: var/backups/lina-<timestamp>.db)')
  .action(async (file?: string) => {
    const config = loadConfig();
    const destination = file ?? join('var', 'backups', `lina-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
    mkdirSync(dirname(destination), { recursive: true });
    const { backupTo } = await import('../../data/retention.js');
    const db = openDatabase(config.database.path);
    try {
      const { pages } = await backupTo(db, destination);
      process.stdout.write(`Backed up ${pages} pages to ${destination}\n`);
    } finally {
      db.close();
    }
  });

program
  .command('qr')
  .description("write each site's QR codes (WhatsApp and web chat) and printable A4 posters")
  .option('--out <dir>', 'output folder', 'var/qr')
  .option('--site <codes...>', 'only these sites (e.g. SUBA CHIA)')
  .action(async (flags: { out: string; site?: string[] }) => {
    const config = loadConfig();
    // pdfkit and qrcode load only for this command, not at every start.
    const { writeSiteMaterials } = await import('../../adapters/site-qr/write-site-materials.js');
    const { SiteQrInputError } = await import('../../adapters/site-qr/site-qr.errors.js');
    try {
      const { files, warnings } = await writeSiteMaterials({
        outDir: flags.out,
        ...(config.whatsapp.number ? { whatsappNumber: config.whatsapp.number } : {}),
        publicUrl: config.web.publicUrl,
        ...(flags.site ? { sites: flags.site.map(parseSite) } : {}),
      });
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(`${files.length} files written; open ${join(flags.out, 'index.html')}\n`);
    } catch (error) {
      if (!(error instanceof SiteQrInputError)) throw error;
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    }
  });

program
  .command('simulate')
  .description('run dialog scripts (YAML) against Lina, each in a fresh world')
  .argument('<paths...>', 'script files or folders')
  .action(async (paths: string[]) => {
    const base = loadConfig({});
    const config: Config = {
      ...base,
      database: { ...base.database, path: ':memory:' },
      // Scripts replay their turns instantly: no person could, so the rate limit stays out of the way.
      conversation: { ...base.conversation, rateLimitPerMinute: 1_000_000 },
      agenda: { ...base.agenda, url: undefined, simulator: { host: '127.0.0.1', port: 0, databasePath: ':memory:' } },
    };
    const [{ startRuntime }, { runScripts }] = await Promise.all([import('./runtime.js'), import('../simulation/run-scripts.js')]);
    const summary = await runScripts(paths, {
      output: process.stdout,
      startConversation: async ({ now }) => {
        const clock = new ManualClock(now);
        const runtime = await startRuntime({ config, clock, logger: silentLogger });
        return { engine: runtime.engine, clock, close: () => runtime.close() };
      },
    });
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
  } else {
    process.stderr.write(`lina: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 1;
}
