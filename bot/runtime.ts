import { createAgendaClient } from '../adapters/agenda/agenda.client.js';
import { startAgendaSimulator, type AgendaSimulator } from '../adapters/agenda-simulator/simulator.server.js';
import { openDatabase, type SqliteDatabase } from '../data/database.js';
import { createSqliteSessionStore } from '../data/session.store.js';
import type { Config } from './config.js';
import { createEngine } from './engine.js';
import type { Logger } from './logger.js';
import type { Engine } from './messages.js';
import type { AgendaService, Clock } from './ports.js';
import { Renderer } from './render.js';

export interface Runtime {
  engine: Engine;
  agenda: AgendaService;
  /** Base URL of the agenda in use: the configured one or the embedded simulator's. */
  agendaUrl: string;
  /** Present when Lina runs the embedded agenda simulator herself. */
  simulator?: AgendaSimulator;
  renderer: Renderer;
  /** Lina's database, for the channels' own tables (WhatsApp auth, Direct Line). */
  db: SqliteDatabase;
  close(): Promise<void>;
}

/**
 * The composition root: builds the database, the agenda (starting the embedded simulator
 * when no agenda URL is configured), the renderer and the engine, and hands back plain
 * values for the channels.
 */
export async function startRuntime(options: { config: Config; clock: Clock; logger: Logger }): Promise<Runtime> {
  const { config, clock, logger } = options;
  const simulator = config.agenda.url
    ? undefined
    : await startAgendaSimulator({
        clock,
        host: config.agenda.simulator.host,
        port: config.agenda.simulator.port,
        dbPath: config.agenda.simulator.databasePath,
        logger: logger.child({ component: 'agenda-simulator' }),
      });
  const agendaUrl = config.agenda.url ?? simulator?.url ?? '';
  const db = openDatabase(config.database.path);
  const agenda = createAgendaClient({ baseUrl: agendaUrl, timeoutMs: config.agenda.timeoutMs });
  const renderer = new Renderer({
    supportPhone: config.conversation.supportPhone,
    supportHours: config.conversation.supportHours,
  });
  const engine = createEngine({
    store: createSqliteSessionStore(db),
    agenda,
    clock,
    renderer,
    logger,
    sessionTimeoutMs: config.conversation.sessionTimeoutMs,
    turnTimeoutMs: config.conversation.turnTimeoutMs,
    maxMessageLength: config.conversation.maxMessageLength,
    policyVersion: config.conversation.policyVersion,
  });
  return {
    engine,
    agenda,
    agendaUrl,
    ...(simulator ? { simulator } : {}),
    renderer,
    db,
    async close() {
      db.close();
      await simulator?.close();
    },
  };
}
