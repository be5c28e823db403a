/**
 * The booking dialog written with botbuilder (microsoft/botbuilder-js): one `WaterfallDialog`
 * of 11 steps with a `TextPrompt`, its state in `ConversationState`, driven through
 * `TestAdapter` as botbuilder's own tests do.
 *
 * - `botbuilder`: `MemoryStorage`, nothing on disk (state lost on restart).
 * - `botbuilder-sqlite`: a SQLite `Storage` (same file settings as Lina) and botbuilder's
 *   `TranscriptLoggerMiddleware` writing every activity to SQLite: what a team would write to
 *   keep state and a transcript across restarts.
 *
 * The step content (agenda calls, Spanish texts, option matching) is Lina's, shared with the
 * BuilderBot row through `booking-steps.ts`.
 */
import Database from 'better-sqlite3';
import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TranscriptLoggerMiddleware,
  type Activity,
  type Storage,
  type StoreItems,
  type TranscriptLogger,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type DialogState, type WaterfallStepContext } from 'botbuilder-dialogs';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { SimulatedAgenda } from '../../adapters/agenda-simulator/simulator.service.js';
import { SimulatorStore } from '../../adapters/agenda-simulator/simulator.store.js';
import { ManualClock } from '../../bot/clock.js';
import { TURNS_PER_CONVERSATION, bookingMessages, isBooked } from './booking-dialog.js';
import { createBookingSteps, type BookingValues } from './booking-steps.js';
import { createInProcessAgenda, type AgendaMeter } from './in-process-agenda.js';
import { BENCH_NOW, BENCH_POLICY_VERSION, BENCH_SEARCH_RULES, benchRenderer, databaseBytes, roundLatencies } from './lina.bench.js';
import { LatencyRecorder, bytesWrittenSoFar, cpuMsSince, round } from './measure.js';
import type { BenchRow } from './report.js';
import { buildBenchWorld, writeBenchAgenda, type BenchMember } from './synthetic-world.js';

export interface BotbuilderOptions {
  storage: 'memory' | 'sqlite';
  conversations: number;
  warmupConversations: number;
  folder: string;
}

export async function benchBotbuilder(options: BotbuilderOptions): Promise<BenchRow> {
  const clock = new ManualClock(BENCH_NOW);
  const world = buildBenchWorld({ memberCount: options.warmupConversations + options.conversations, maxConcurrency: 1 });
  const agendaFile = writeBenchAgenda(world, clock.now());
  const agendaStore = new SimulatorStore(agendaFile.path);
  const meter: AgendaMeter = { calls: 0, ms: 0 };
  const steps = createBookingSteps({
    agenda: createInProcessAgenda(new SimulatedAgenda(agendaStore, clock), meter),
    renderer: benchRenderer(),
    clock,
    policyVersion: BENCH_POLICY_VERSION,
    searchRules: BENCH_SEARCH_RULES,
  });

  const db = options.storage === 'sqlite' ? openSqlite(join(mkdtempSync(join(options.folder, 'botbuilder-')), 'state.db')) : undefined;
  const storage: Storage = db ? new SqliteStorage(db) : new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const dialogs = new DialogSet(dialogState);
  dialogs.add(new TextPrompt('text'));
  dialogs.add(
    new WaterfallDialog(
      'booking',
      Array.from({ length: steps.length }, (_, index) => async (step: WaterfallStepContext) => {
        const values = step.values as BookingValues;
        const activity = step.context.activity;
        if (index === 0) {
          delete values.pending;
          values.conversationId = activity.conversation.id;
          values.phone = activity.from.id;
        }
        const answer = index === 0 ? (activity.text ?? '') : String(step.result);
        const text = await steps.run(index, answer, values, activity.id ?? '');
        if (index === steps.length - 1) {
          await step.context.sendActivity(text);
          return step.endDialog();
        }
        return step.prompt('text', { prompt: text });
      }),
    ),
  );

  const adapter = new TestAdapter(() => Promise.resolve());
  if (db) adapter.use(new TranscriptLoggerMiddleware(new SqliteTranscriptLogger(db)));

  let lastAnswer = '';
  const onTurn = async (context: TurnContext) => {
    context.onSendActivities(async (_context, activities, next) => {
      lastAnswer = activities.map((sent) => sent.text ?? '').join('\n');
      return next();
    });
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('booking');
    await conversationState.saveChanges(context);
  };

  const converse = async (member: BenchMember, latencies?: LatencyRecorder) => {
    for (const [turn, text] of bookingMessages(member).entries()) {
      const startedAt = performance.now();
      await adapter.processActivity(
        {
          type: 'message',
          id: `bench-${member.index}-${turn}`,
          text,
          channelId: 'whatsapp',
          from: { id: member.phone, name: 'member' },
          conversation: { id: `whatsapp:${member.phone}`, isGroup: false, conversationType: 'personal', name: 'member' },
        },
        onTurn,
      );
      latencies?.add(performance.now() - startedAt);
      // TestAdapter queues every reply for assertions; a bench reads them as they are sent.
      adapter.activeQueue.length = 0;
    }
    if (!isBooked(lastAnswer)) {
      throw new Error(`botbuilder: member #${member.index} did not end booked:\n${lastAnswer.slice(0, 300)}`);
    }
  };

  try {
    const member = (index: number) => world.members[index] ?? missing(index);
    for (let index = 0; index < options.warmupConversations; index++) await converse(member(index));
    db?.pragma('wal_checkpoint(TRUNCATE)');
    const storedBefore = db ? databaseBytes(db) : 0;
    meter.calls = 0;
    meter.ms = 0;
    const latencies = new LatencyRecorder(options.conversations * TURNS_PER_CONVERSATION);
    const writtenBefore = bytesWrittenSoFar();
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    for (let index = 0; index < options.conversations; index++) {
      await converse(member(options.warmupConversations + index), latencies);
    }
    const elapsedMs = performance.now() - startedAt;
    const cpuMs = cpuMsSince(cpuBefore);
    const writtenAfter = bytesWrittenSoFar();
    db?.pragma('wal_checkpoint(TRUNCATE)');
    const turns = latencies.count;
    return {
      name: db ? 'botbuilder-sqlite' : 'botbuilder',
      concurrency: 1,
      conversations: options.conversations,
      turns,
      turnsPerSecond: round(turns / (elapsedMs / 1000), 0),
      ...roundLatencies(latencies),
      cpuMsPerTurn: round(cpuMs / turns, 3),
      agendaMsPerTurn: round(meter.ms / turns, 3),
      agendaCallsPerConversation: round(meter.calls / options.conversations, 1),
      ...(db && writtenBefore !== undefined && writtenAfter !== undefined
        ? { bytesWrittenPerConversation: Math.round((writtenAfter - writtenBefore) / options.conversations) }
        : {}),
      ...(db ? { bytesStoredPerConversation: Math.round((databaseBytes(db) - storedBefore) / options.conversations) } : {}),
      storage: db ? 'SQLite Storage (WAL, synchronous=NORMAL) + TranscriptLoggerMiddleware to SQLite' : 'MemoryStorage: nothing on disk, no transcript',
    };
  } finally {
    db?.close();
    agendaStore.close();
    agendaFile.remove();
  }
}

function missing(index: number): never {
  throw new Error(`no member #${index}`);
}

function openSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE transcript (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, role TEXT, text TEXT, at INTEGER NOT NULL);
    CREATE INDEX transcript_by_conversation ON transcript (conversation_id, id);
  `);
  return db;
}

/** botbuilder's `Storage` over SQLite, with the same optimistic concurrency as `MemoryStorage`. */
class SqliteStorage implements Storage {
  private readonly select;
  private readonly upsert;
  private readonly remove;
  private readonly writeAll;
  private etag = 1;

  constructor(db: Database.Database) {
    this.select = db.prepare<[string], { value: string; etag: number }>('SELECT value, etag FROM state WHERE key = ?');
    this.upsert = db.prepare('INSERT INTO state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag');
    this.remove = db.prepare('DELETE FROM state WHERE key = ?');
    this.writeAll = db.transaction((changes: StoreItems) => {
      for (const [key, item] of Object.entries(changes) as Array<[string, { eTag?: string }]>) {
        const stored = this.select.get(key);
        if (stored && item.eTag && item.eTag !== '*' && item.eTag !== String(stored.etag)) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const etag = this.etag++;
        this.upsert.run(key, JSON.stringify({ ...item, eTag: String(etag) }), etag);
      }
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.select.get(key);
      if (row) items[key] = JSON.parse(row.value) as unknown;
    }
    return Promise.resolve(items);
  }

  write(changes: StoreItems): Promise<void> {
    this.writeAll(changes);
    return Promise.resolve();
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
    return Promise.resolve();
  }
}

/** Every activity in and out, one row each, as `TranscriptLoggerMiddleware` hands them over. */
class SqliteTranscriptLogger implements TranscriptLogger {
  private readonly insert;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO transcript (conversation_id, role, text, at) VALUES (?, ?, ?, ?)');
  }

  logActivity(activity: Activity): void {
    if (activity.type !== 'message') return;
    this.insert.run(activity.conversation.id, activity.from.role ?? 'user', activity.text ?? '', Date.now());
  }
}
