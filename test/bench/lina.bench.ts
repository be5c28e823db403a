/**
 * Lina's rows: synthetic members each complete the booking dialog through the real engine
 * with its SQLite session store on a file database (WAL, `synchronous=NORMAL`; snapshot,
 * transcript and processed id per turn in one transaction), configured as `npm start`
 * configures it (identity guard, rate limit, defaults from `loadConfig`).
 *
 * - `lina`: the agenda simulator in the same process, called directly (no HTTP).
 * - `lina-http`: the composition root itself (`startRuntime`) with the agenda simulator in a
 *   process of its own, reached through the production client (`createAgendaClient` behind
 *   `createResilientAgenda`): CPU, memory and bytes of the row are Lina's side only.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { SimulatedAgenda } from '../../adapters/agenda-simulator/simulator.service.js';
import { SimulatorStore } from '../../adapters/agenda-simulator/simulator.store.js';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { createEngine } from '../../bot/engine.js';
import { silentLogger } from '../../bot/logger.js';
import { renderPlainText, type Engine } from '../../bot/messages.js';
import type { SearchRules } from '../../bot/dialog-actors.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import { rendererGlobals, startRuntime } from '../../bot/main/runtime.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import { startBackgroundCheckpoints } from '../../data/checkpointer.js';
import { openDatabase, type SqliteDatabase } from '../../data/database.js';
import { createSqliteIdentityGuard } from '../../data/identity-guard.store.js';
import { createSqliteSessionStore } from '../../data/session.store.js';
import { startAgendaProcess, type AgendaProcess } from './agenda-process.js';
import { SLOT_TAKEN, TURNS_PER_CONVERSATION, bookingMessages, isBooked } from './booking-dialog.js';
import { createInProcessAgenda, type AgendaMeter } from './in-process-agenda.js';
import { LatencyRecorder, bytesWrittenSoFar, cpuMsSince, round, runPool } from './measure.js';
import type { BenchRow } from './report.js';
import { buildBenchWorld, writeBenchAgenda, type BenchMember, type BenchWorld } from './synthetic-world.js';

/** Monday 23 November 2026, 08:00 in Bogotá: a working day with the whole horizon ahead. */
export const BENCH_NOW = '2026-11-23T08:00:00-05:00';

/**
 * Lina's defaults (the environment and `.env` are ignored, so every machine runs the same
 * bench), except two bounds: with 10,000 conversations in flight on one event loop a turn
 * waits its turn for seconds, and an agenda call as long, and that wait is what the row
 * reports, not a failure.
 */
export function benchConfig(databasePath: string): Config {
  const defaults = loadConfig({});
  return {
    ...defaults,
    database: { ...defaults.database, path: databasePath },
    conversation: { ...defaults.conversation, turnTimeoutMs: 120_000 },
    agenda: { ...defaults.agenda, timeoutMs: 60_000 },
  };
}

export const BENCH_POLICY_VERSION = benchConfig(':memory:').conversation.policyVersion;

/** The renderer `startRuntime` builds: every text with the lines and the policy link of the configuration. */
export function benchRenderer(config: Config = benchConfig(':memory:')): Renderer {
  return new Renderer(rendererGlobals(config));
}

/** Lina's default lead time: no slot less than this from now is offered, in every row. */
export const BENCH_SEARCH_RULES: SearchRules = { minLeadMinutes: benchConfig(':memory:').conversation.minLeadMinutes };

export interface LinaRowOptions {
  transport: 'in-process' | 'http';
  concurrency: number;
  conversations: number;
  /** Conversations run first, one at a time, and not measured: the JIT warms up. */
  warmupConversations: number;
  /** Where the database file goes. */
  folder: string;
}

/** A Lina engine over a fresh database file and a seeded agenda, ready to drive members. */
export interface LinaWorld {
  engine: Engine;
  db: SqliteDatabase;
  world: BenchWorld;
  clock: ManualClock;
  meter: AgendaMeter;
  agendaProcess?: AgendaProcess;
  close(): Promise<void>;
}

export async function openLinaWorld(options: { transport: 'in-process' | 'http'; memberCount: number; maxConcurrency: number; databasePath: string }): Promise<LinaWorld> {
  const clock = new ManualClock(BENCH_NOW);
  const world = buildBenchWorld({ memberCount: options.memberCount, maxConcurrency: options.maxConcurrency });
  const config = benchConfig(options.databasePath);
  const meter: AgendaMeter = { calls: 0, ms: 0 };

  if (options.transport === 'http') {
    const agendaProcess = await startAgendaProcess({ memberCount: options.memberCount, maxConcurrency: options.maxConcurrency, now: clock.now() });
    try {
      const runtime = await startRuntime({ config: { ...config, agenda: { ...config.agenda, url: agendaProcess.url } }, clock, logger: silentLogger });
      return {
        engine: runtime.engine,
        db: runtime.db,
        world,
        clock,
        meter,
        agendaProcess,
        async close() {
          await runtime.close();
          await agendaProcess.stop();
        },
      };
    } catch (error) {
      await agendaProcess.stop();
      throw error;
    }
  }

  const file = writeBenchAgenda(world, clock.now());
  const store = new SimulatorStore(file.path);
  const db = openDatabase(options.databasePath);
  const checkpoints = startBackgroundCheckpoints(db);
  // What `startRuntime` gives the engine, with the agenda called in process instead of over HTTP.
  const engine = createEngine({
    store: createSqliteSessionStore(db),
    agenda: createInProcessAgenda(new SimulatedAgenda(store, clock), meter),
    clock,
    renderer: benchRenderer(config),
    understand: loadUnderstanding(),
    searchRules: { minLeadMinutes: config.conversation.minLeadMinutes },
    logger: silentLogger,
    sessionTimeoutMs: config.conversation.sessionTimeoutMs,
    turnTimeoutMs: config.conversation.turnTimeoutMs,
    maxMessageLength: config.conversation.maxMessageLength,
    policyVersion: config.conversation.policyVersion,
    identityGuard: createSqliteIdentityGuard(db, config.conversation.lockout),
    rateLimitPerMinute: config.conversation.rateLimitPerMinute,
    liveConversations: config.conversation.liveConversations,
  });
  return {
    engine,
    db,
    world,
    clock,
    meter,
    async close() {
      await checkpoints.stop();
      if (db.open) db.close();
      store.close();
      file.remove();
    },
  };
}

/** Times one member may find their slot taken by another conversation before the row fails. */
const MAX_SLOT_RETRIES = 3;

/**
 * Sends `member` the booking dialog's first `turns` messages, one after the other, recording
 * each turn's latency; returns the last answer as plain text. When the whole dialog runs and
 * another conversation took the chosen slot first, the member picks the first slot Lina
 * offers next and confirms it (`retries` counts those detours).
 */
export async function talk(
  engine: Engine,
  clock: ManualClock,
  member: BenchMember,
  { turns = TURNS_PER_CONVERSATION, latencies, retries }: { turns?: number; latencies?: LatencyRecorder; retries?: { count: number } } = {},
): Promise<string> {
  let sent = 0;
  const say = async (text: string) => {
    const startedAt = performance.now();
    const replies = await engine.handle({
      channel: 'whatsapp',
      userId: member.phone,
      phone: member.phone,
      messageId: `bench-${member.index}-${sent++}`,
      text,
      receivedAt: clock.now(),
    });
    latencies?.add(performance.now() - startedAt);
    return replies.map(renderPlainText).join('\n');
  };
  let last = '';
  for (const text of bookingMessages(member).slice(0, turns)) last = await say(text);
  for (let retry = 0; turns >= TURNS_PER_CONVERSATION && retry < MAX_SLOT_RETRIES && last.includes(SLOT_TAKEN); retry++) {
    if (retries) retries.count += 1;
    await say('1');
    last = await say('sí');
  }
  return last;
}

/** Throws unless the answer is Lina's "booked" message: the row measured the whole dialog. */
export function assertBooked(answer: string, member: BenchMember): void {
  if (!isBooked(answer)) {
    throw new Error(`member #${member.index} did not end booked; the last answer was:\n${answer.slice(0, 400)}`);
  }
}

/** What Lina stored per turn in the measured run: the floor writes rows of these sizes. */
export interface StoredSizes {
  snapshotBytes: number;
  inLineBytes: number;
  outLineBytes: number;
}

export async function benchLina(options: LinaRowOptions): Promise<{ row: BenchRow; sizes: StoredSizes }> {
  const { transport, concurrency, conversations, warmupConversations } = options;
  const name = transport === 'in-process' ? 'lina' : 'lina-http';
  const lina = await openLinaWorld({
    transport,
    memberCount: warmupConversations + conversations,
    maxConcurrency: concurrency,
    // A fresh file every time: a database that saw these members would answer from its records.
    databasePath: join(mkdtempSync(join(options.folder, `${name}-c${concurrency}-`)), 'lina.db'),
  });
  const { engine, db, world, clock, meter } = lina;
  const member = (index: number): BenchMember => {
    const found = world.members[index];
    if (!found) throw new Error(`no member #${index}`);
    return found;
  };

  try {
    for (let index = 0; index < warmupConversations; index++) {
      assertBooked(await talk(engine, clock, member(index)), member(index));
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const storedBefore = databaseBytes(db);
    const latencies = new LatencyRecorder(conversations * TURNS_PER_CONVERSATION);
    const retries = { count: 0 };
    meter.calls = 0;
    meter.ms = 0;
    const agendaCpuBefore = await lina.agendaProcess?.cpuMs();
    const writtenBefore = bytesWrittenSoFar();
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();

    // A conversation that does not end booked is counted, not fatal: over HTTP, 1,000 at once
    // make some agenda calls fail, and how many is part of the result.
    const failures: string[] = [];
    await runPool(conversations, concurrency, async (index) => {
      const answer = await talk(engine, clock, member(warmupConversations + index), { latencies, retries });
      if (!isBooked(answer)) failures.push(answer);
    });

    const elapsedMs = performance.now() - startedAt;
    const cpuMs = cpuMsSince(cpuBefore);
    const writtenAfter = bytesWrittenSoFar();
    const agendaCpuAfter = await lina.agendaProcess?.cpuMs();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const storedAfter = databaseBytes(db);

    const sizes = storedSizes(db);
    const turns = latencies.count;
    const agendaCpuMs = agendaCpuBefore !== undefined && agendaCpuAfter !== undefined ? agendaCpuAfter - agendaCpuBefore : undefined;
    const row: BenchRow = {
      name,
      concurrency,
      conversations,
      turns,
      turnsPerSecond: round(turns / (elapsedMs / 1000), 0),
      ...roundLatencies(latencies),
      cpuMsPerTurn: round(cpuMs / turns, 3),
      ...(transport === 'in-process' ? { agendaMsPerTurn: round(meter.ms / turns, 3), agendaCallsPerConversation: round(meter.calls / conversations, 1) } : {}),
      ...(agendaCpuMs !== undefined ? { agendaProcessCpuMsPerTurn: round(agendaCpuMs / turns, 3) } : {}),
      ...(writtenBefore !== undefined && writtenAfter !== undefined ? { bytesWrittenPerConversation: Math.round((writtenAfter - writtenBefore) / conversations) } : {}),
      bytesStoredPerConversation: Math.round((storedAfter - storedBefore) / conversations),
      snapshotBytes: sizes.snapshotBytes,
      ...(retries.count > 0 ? { slotTakenRetries: retries.count } : {}),
      ...(failures.length > 0
        ? {
            failedConversations: failures.length,
            notes: `${failures.length} conversation(s) did not end booked; the first ended on: "${(failures[0] ?? '').split('\n')[0]}"`,
          }
        : {}),
      storage: 'SQLite file (WAL, synchronous=NORMAL): snapshot, transcript, processed id per turn',
    };
    return { row, sizes };
  } finally {
    await lina.close();
  }
}

export function roundLatencies(latencies: LatencyRecorder) {
  const { p50Ms, p95Ms, p99Ms, maxMs } = latencies.summary();
  return { p50Ms: round(p50Ms, 3), p95Ms: round(p95Ms, 3), p99Ms: round(p99Ms, 3), maxMs: round(maxMs, 1) };
}

function storedSizes(db: SqliteDatabase): StoredSizes {
  const average = (sql: string) => Math.round(db.prepare<[], { bytes: number | null }>(sql).get()?.bytes ?? 0);
  return {
    snapshotBytes: average('SELECT AVG(LENGTH(CAST(snapshot AS BLOB))) AS bytes FROM sessions'),
    inLineBytes: average(`SELECT AVG(LENGTH(CAST(text AS BLOB))) AS bytes FROM transcript WHERE direction = 'in'`),
    // Lina's answers to one member message, together: what the floor writes as one row.
    outLineBytes: average(
      `SELECT SUM(LENGTH(CAST(text AS BLOB)) + COALESCE(LENGTH(CAST(options AS BLOB)), 0)) * 1.0
         / (SELECT COUNT(*) FROM transcript WHERE direction = 'in') AS bytes
       FROM transcript WHERE direction = 'out'`,
    ),
  };
}

/** The main database file's size in bytes, from SQLite's page count. */
export function databaseBytes(db: SqliteDatabase): number {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  return pages * pageSize;
}
