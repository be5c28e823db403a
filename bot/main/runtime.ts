import { createAgendaClient } from '../../adapters/agenda/agenda.client.js';
import { createResilientAgenda, type CircuitState } from '../../adapters/agenda/resilient-agenda.js';
import { SEED_SITE_ADDRESSES } from '../../adapters/agenda-simulator/seed-world.js';
import { startAgendaSimulator, type AgendaSimulator } from '../../adapters/agenda-simulator/simulator.server.js';
import { startBackgroundCheckpoints } from '../../data/checkpointer.js';
import { openDatabase, type SqliteDatabase } from '../../data/database.js';
import { createSqliteIdentityGuard } from '../../data/identity-guard.store.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import type { Config } from '../config.js';
import { createEngine } from '../engine.js';
import type { Logger } from '../logger.js';
import type { Engine } from '../messages.js';
import type { AgendaService, Clock, ContingencySwitch } from '../ports.js';
import { Renderer } from '../rendering/renderer.js';
import { loadUnderstanding } from '../understanding/load.js';

export interface Runtime {
  engine: Engine;
  agenda: AgendaService;
  /** Base URL of the agenda in use: the configured one or the embedded simulator's. */
  agendaUrl: string;
  /** Present when Lina runs the embedded agenda simulator herself. */
  simulator?: AgendaSimulator;
  renderer: Renderer;
  /** Lina's database: the composition root builds the channels' and the console's stores over it. */
  db: SqliteDatabase;
  /** Whether the agenda's circuit is open (members get the failure message), and since when. */
  agendaCircuit: () => CircuitState;
  close(): Promise<void>;
}

/**
 * The composition root: builds the database, the agenda (starting the embedded simulator
 * when no agenda URL is configured), the renderer and the engine, and hands back plain
 * values for the channels.
 */
export interface RuntimeOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** The switch analysts turn on from the support console, built over Lina's database. */
  failureNotices?: (db: SqliteDatabase) => ContingencySwitch;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
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
  const checkpoints = startBackgroundCheckpoints(db, { logger });
  const resilient = createResilientAgenda(createAgendaClient({ baseUrl: agendaUrl, timeoutMs: config.agenda.timeoutMs }), {
    clock,
    logger,
    ...config.agenda.resilience,
  });
  const agenda = resilient.agenda;
  // Where the sites are: as configured, else the seed world's when the agenda is the embedded one.
  const siteAddresses = config.conversation.siteAddresses ?? (simulator ? SEED_SITE_ADDRESSES : {});
  const renderer = new Renderer(rendererGlobals(config), { siteAddresses });
  const failureNotices = options.failureNotices?.(db);
  const contingency: ContingencySwitch = {
    current(channel, now) {
      const manual = failureNotices?.current(channel, now);
      if (manual) return manual;
      const circuit = resilient.circuit();
      return circuit.open ? { text: renderer.text('contingency.agendaDown', {}, now), since: circuit.since ?? now, source: 'agenda' } : undefined;
    },
  };
  const engine = createEngine({
    store: createSqliteSessionStore(db),
    agenda,
    clock,
    renderer,
    understand: loadUnderstanding(),
    searchRules: { minLeadMinutes: config.conversation.minLeadMinutes },
    logger,
    sessionTimeoutMs: config.conversation.sessionTimeoutMs,
    turnTimeoutMs: config.conversation.turnTimeoutMs,
    maxMessageLength: config.conversation.maxMessageLength,
    policyVersion: config.conversation.policyVersion,
    contingency,
    identityGuard: createSqliteIdentityGuard(db, config.conversation.lockout),
    rateLimitPerMinute: config.conversation.rateLimitPerMinute,
    liveConversations: config.conversation.liveConversations,
  });
  return {
    engine,
    agenda,
    agendaUrl,
    ...(simulator ? { simulator } : {}),
    renderer,
    db,
    agendaCircuit: resilient.circuit,
    async close() {
      resilient.shutdown();
      await checkpoints.stop();
      db.close();
      await simulator?.close();
    },
  };
}

/** What every text may say from configuration: the lines Lina sends members to, and the policy. */
export function rendererGlobals(config: Config): Record<string, string> {
  const c = config.conversation;
  return {
    supportPhone: c.supportPhone,
    supportHours: c.supportHours,
    digitalSupportPhone: c.digitalSupportPhone,
    digitalSupportHours: c.digitalSupportHours,
    pacPhone: c.pacPhone,
    pacHours: c.pacHours,
    policyUrl: c.policyUrl,
  };
}
