/**
 * The booking dialog written with BuilderBot (`@builderbot/bot`): one keyword flow with a
 * capture action per step, its per-member state in BuilderBot's state handler, its history in
 * the shipped `MemoryDB`, and a provider derived from BuilderBot's own `TestProvider` (the
 * Baileys provider does not install here). Each message goes through `handleMsg`, what the
 * provider's `message` event calls; a turn ends once BuilderBot has handled it and the provider
 * was asked to send the answer.
 *
 * BuilderBot as shipped also logs every message to `core.class.log` and `queue.class.log` in
 * the working directory at import: the import runs with the bench's temporary folder as the
 * working directory so those files land there.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { SimulatedAgenda } from '../../adapters/agenda-simulator/simulator.service.js';
import { SimulatorStore } from '../../adapters/agenda-simulator/simulator.store.js';
import { ManualClock } from '../../bot/clock.js';
import { TURNS_PER_CONVERSATION, bookingMessages, isBooked } from './booking-dialog.js';
import { createBookingSteps, type BookingValues } from './booking-steps.js';
import { createInProcessAgenda, type AgendaMeter } from './in-process-agenda.js';
import { BENCH_NOW, BENCH_POLICY_VERSION, BENCH_SEARCH_RULES, benchRenderer, roundLatencies } from './lina.bench.js';
import { LatencyRecorder, cpuMsSince, round } from './measure.js';
import type { BenchRow } from './report.js';
import { buildBenchWorld, writeBenchAgenda, type BenchMember } from './synthetic-world.js';

/**
 * The slice of BuilderBot's API the bench uses. Its bundled typings do not resolve under
 * `NodeNext` (extensionless relative imports), so the shapes are written out here.
 */
interface FlowContext {
  from: string;
  body: string;
}
interface FlowTools {
  flowDynamic: (text: string) => Promise<void>;
  state: { update(values: Record<string, unknown>): Promise<void>; get<T>(key: string): T };
}
type FlowAction = (ctx: FlowContext, tools: FlowTools) => Promise<void>;
interface FlowBuilder {
  addAction(action: FlowAction): FlowBuilder;
  addAction(options: { capture: boolean }, action: FlowAction): FlowBuilder;
}
type Provider = object;
/** The bot: `handleMsg` is what the provider's `message` event calls, and resolves once the message is handled. */
interface Bot {
  handleMsg(message: { from: string; body: string; name: string; host: string }): Promise<unknown>;
}
interface BuilderBot {
  addKeyword(keywords: string[]): FlowBuilder;
  createFlow(flows: FlowBuilder[]): unknown;
  createBot(parts: { flow: unknown; provider: Provider; database: unknown }): Promise<Bot>;
  MemoryDB: new () => unknown;
  TestTool: {
    TestProvider: new () => Provider & {
      sendMessage(userId: string, message: string): Promise<unknown>;
    };
  };
}

export interface BuilderBotOptions {
  conversations: number;
  warmupConversations: number;
  folder: string;
}

/** How long a turn may wait for BuilderBot's answer before the row fails. */
const ANSWER_TIMEOUT_MS = 30_000;

let loaded: Promise<BuilderBot> | undefined;

/** Imports BuilderBot once, from inside `folder`, so its log files are written there. */
function loadBuilderBot(folder: string): Promise<BuilderBot> {
  loaded ??= (async () => {
    const previous = process.cwd();
    const logs = join(folder, 'builderbot');
    mkdirSync(logs, { recursive: true });
    process.chdir(logs);
    try {
      return await import('@builderbot/bot');
    } finally {
      process.chdir(previous);
    }
  })();
  return loaded;
}

export async function benchBuilderBot(options: BuilderBotOptions): Promise<BenchRow> {
  const builderbot = await loadBuilderBot(options.folder);
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

  /** BuilderBot's test provider, telling the bench when BuilderBot sends an answer. */
  class BenchProvider extends builderbot.TestTool.TestProvider {
    private readonly waiting = new Map<string, { resolve: (text: string) => void; reject: (error: unknown) => void }>();

    answerTo(userId: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`builderbot: no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
        const settle =
          <T>(then: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            this.waiting.delete(userId);
            then(value);
          };
        this.waiting.set(userId, { resolve: settle(resolve), reject: settle(reject) });
      });
    }

    /** A step failed: BuilderBot would swallow the error, the bench must not. */
    fail(userId: string, error: unknown): void {
      this.waiting.get(userId)?.reject(error);
    }

    override sendMessage(userId: string, message: string): Promise<{ userId: string; message: string }> {
      this.waiting.get(userId)?.resolve(message);
      return Promise.resolve({ userId, message });
    }
  }
  const provider = new BenchProvider();
  /** Runs a step's work; an error fails the waiting turn instead of vanishing inside BuilderBot. */
  const guarded =
    (action: FlowAction): FlowAction =>
    async (ctx, tools) => {
      try {
        await action(ctx, tools);
      } catch (error) {
        provider.fail(ctx.from, error);
      }
    };

  // Step 0 answers the keyword; steps 1-10 each capture the member's next message.
  let flow = builderbot.addKeyword(['hola']).addAction(
    guarded(async (ctx, { flowDynamic, state }) => {
      const values: BookingValues = { conversationId: `whatsapp:${ctx.from}`, phone: `+${ctx.from}` };
      const text = await steps.run(0, ctx.body, values, `${ctx.from}-0`);
      await state.update({ values, turn: 1 });
      await flowDynamic(text);
    }),
  );
  for (let index = 1; index < steps.length; index++) {
    flow = flow.addAction(
      { capture: true },
      guarded(async (ctx, { flowDynamic, state }) => {
        const values = state.get<BookingValues>('values');
        const text = await steps.run(index, ctx.body, values, `${ctx.from}-${index}`);
        await state.update({ values, turn: index + 1 });
        await flowDynamic(text);
      }),
    );
  }

  const database = new builderbot.MemoryDB();
  const bot = await builderbot.createBot({ flow: builderbot.createFlow([flow]), provider, database });

  const converse = async (member: BenchMember, latencies?: LatencyRecorder) => {
    // BuilderBot knows a member by the number without "+", as WhatsApp gives it.
    const from = member.phone.replace('+', '');
    let last = '';
    for (const text of bookingMessages(member)) {
      const startedAt = performance.now();
      const answered = provider.answerTo(from);
      // What the provider's `message` event runs, awaited: BuilderBot records where the member
      // is after sending the answer, and a next message arriving before that would be lost.
      await bot.handleMsg({ from, body: text, name: 'member', host: 'bench' });
      last = await answered;
      latencies?.add(performance.now() - startedAt);
    }
    if (!isBooked(last)) throw new Error(`builderbot: member #${member.index} did not end booked:\n${last.slice(0, 300)}`);
  };

  try {
    const member = (index: number) => world.members[index] ?? missing(index);
    for (let index = 0; index < options.warmupConversations; index++) await converse(member(index));
    meter.calls = 0;
    meter.ms = 0;
    const latencies = new LatencyRecorder(options.conversations * TURNS_PER_CONVERSATION);
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const tenth = Math.max(1, Math.floor(options.conversations / 10));
    let firstTenthMs = 0;
    let lastTenthStartedAt = startedAt;
    for (let index = 0; index < options.conversations; index++) {
      if (index === tenth) firstTenthMs = performance.now() - startedAt;
      if (index === options.conversations - tenth) lastTenthStartedAt = performance.now();
      await converse(member(options.warmupConversations + index), latencies);
    }
    const endedAt = performance.now();
    const cpuMs = cpuMsSince(cpuBefore);
    const turns = latencies.count;
    const perSecond = (conversations: number, ms: number) => round((conversations * TURNS_PER_CONVERSATION) / (ms / 1000), 0);
    return {
      name: 'builderbot',
      concurrency: 1,
      conversations: options.conversations,
      turns,
      turnsPerSecond: round(turns / ((endedAt - startedAt) / 1000), 0),
      ...roundLatencies(latencies),
      cpuMsPerTurn: round(cpuMs / turns, 3),
      agendaMsPerTurn: round(meter.ms / turns, 3),
      agendaCallsPerConversation: round(meter.calls / options.conversations, 1),
      firstTenthTurnsPerSecond: perSecond(tenth, firstTenthMs),
      lastTenthTurnsPerSecond: perSecond(tenth, endedAt - lastTenthStartedAt),
      storage: 'MemoryDB (history in an array, nothing on disk) + in-memory state',
    };
  } finally {
    agendaStore.close();
    agendaFile.remove();
  }
}

function missing(index: number): never {
  throw new Error(`no member #${index}`);
}
