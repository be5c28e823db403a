import { v7 as uuidv7 } from 'uuid';
import { createActor, type AnyMachineSnapshot, type InspectionEvent, type Snapshot } from 'xstate';
import {
  CONVERSATION_MACHINE_VERSION,
  type ConversationInput,
  type ConversationRecord,
} from '../dialogs/conversation.machine.js';
import { errorCode } from '../dialogs/errors.js';
import { toDialogEvent } from '../dialogs/events.js';
import { describeState, isSettled } from '../dialogs/settled.js';
import { normalizeText } from '../dialogs/text.js';
import type { Reply } from '../dialogs/replies.js';
import { bogotaDate } from './calendar.js';
import type { Logger } from './logger.js';
import type { Engine, InboundMessage, OutboundMessage } from './messages.js';
import type { AgendaService, Clock, ContingencySwitch, IdentityGuard, SessionStore, TurnCommit } from './ports.js';
import type { Renderer } from './render.js';
import { createConversationMachine, type SearchRules } from './dialog-actors.js';
import type { Understand } from './understanding/understand.js';
import type { Expectation } from './understanding/types.js';
import { readSiteTag } from './site-tag.js';

export interface EngineOptions {
  store: SessionStore;
  agenda: AgendaService;
  clock: Clock;
  renderer: Renderer;
  /** Reads each message against the question the conversation waits on. */
  understand: Understand;
  /** How slots are searched (the least lead time of a slot offered). */
  searchRules?: SearchRules;
  logger: Logger;
  sessionTimeoutMs: number;
  turnTimeoutMs: number;
  maxMessageLength: number;
  policyVersion: string;
  /** The contingency protocol's failure message, when one is on. */
  contingency?: ContingencySwitch;
  /** Locks identification after repeated failed second factors. */
  identityGuard?: IdentityGuard;
  /** Messages one sender may send per minute; beyond, a polite answer and nothing else. */
  rateLimitPerMinute?: number;
  /**
   * How many conversations keep their actor alive between turns (least recently used go
   * first; 0 keeps none). The database stays the source of truth: a conversation not kept
   * is restored from its saved snapshot, as after a restart.
   */
  liveConversations?: number;
}

type MachineActor = ReturnType<typeof createActor<ReturnType<typeof createConversationMachine>>>;

/** What one turn collects from the actor while it runs. */
interface TurnHooks {
  replies: Reply[];
  records: ConversationRecord[];
  /** Codes of the agenda calls that failed during the turn. */
  actorErrors: string[];
  log: TurnLog;
}

type LogMethod = (fields: Record<string, unknown>, message: string) => void;
/** The log of one turn: what the engine writes, bound to the conversation. */
interface TurnLog {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}

const ignore: LogMethod = () => undefined;
const QUIET: TurnLog = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * A turn's log, bound to its channel and conversation. The child logger is made only when a
 * line is actually written at an enabled level: most turns write none.
 */
function turnLog(logger: Logger, bindings: { channel: string; conversationId: string }): TurnLog {
  let child: Logger | undefined;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error'): LogMethod =>
    (fields, message) => {
      if (!logger.isLevelEnabled(level)) return;
      child ??= logger.child(bindings);
      child[level](fields, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A conversation's actor, still running after its last settled turn, and what that turn saved. */
interface LiveConversation {
  actor: MachineActor;
  hooks: TurnHooks;
  conversationId: string;
  updatedAt: number;
}

/** Where a turn resumes from: a live actor of this process, or the saved row. */
interface Resumable {
  conversationId: string;
  updatedAt: number;
  machineVersion: number;
  live?: LiveConversation;
  /** The saved snapshot, parsed and proven to fit today's machines. */
  snapshot?: Snapshot<unknown>;
}

const DEFAULT_LIVE_CONVERSATIONS = 2_000;

/**
 * Conversation ids are time-ordered (UUIDv7): the rows and index entries of the conversations
 * running at the same time sit next to each other, so a turn's writes touch fewer pages.
 */
const newConversationId = (): string => uuidv7();

/** Why a turn could not resume the saved conversation. */
type FreshStart = 'first-contact' | 'expired' | 'finished' | 'machine-changed' | 'unreadable';

class TurnTimeoutError extends Error {
  override readonly name = 'TurnTimeoutError';
}

/**
 * The conversation engine. One turn = load the saved snapshot → send the member's event →
 * wait until every machine has settled in a state that waits for the member → render the
 * replies → store snapshot, transcript and the message id in one transaction.
 * Turns of one conversation run one at a time, in arrival order.
 */
export function createEngine(options: EngineOptions): Engine {
  const { store, clock, renderer, logger } = options;
  const machine = createConversationMachine(options.agenda, clock, options.identityGuard, options.searchRules);
  const rateLimiter = options.rateLimitPerMinute ? createRateLimiter(options.rateLimitPerMinute) : undefined;
  const queues = new Map<string, Promise<unknown>>();
  const answeredHere = createRecentSet(100_000);
  const live = createLiveConversations(options.liveConversations ?? DEFAULT_LIVE_CONVERSATIONS, options.sessionTimeoutMs);

  async function handle(message: InboundMessage): Promise<OutboundMessage[]> {
    const sessionKey = `${message.channel}:${message.userId}`;
    const previous = queues.get(sessionKey) ?? Promise.resolve();
    const turn = previous.then(
      () => runTurn(sessionKey, message),
      () => runTurn(sessionKey, message),
    );
    queues.set(sessionKey, turn);
    try {
      return await turn;
    } finally {
      if (queues.get(sessionKey) === turn) queues.delete(sessionKey);
    }
  }

  async function runTurn(sessionKey: string, received: InboundMessage): Promise<OutboundMessage[]> {
    const answerKey = `${sessionKey}\u0000${received.messageId}`;
    const given = await store.answerTo(sessionKey, received.messageId);
    if (given) {
      // Answered by this process: the channel has it, a repeat gets nothing. Answered before a
      // restart: the process may have died before the channel sent it, so it is given again.
      if (answeredHere.has(answerKey)) return [];
      answeredHere.add(answerKey);
      return given;
    }
    // The live actor is taken out for the turn and put back only once the turn is stored: a
    // turn that fails leaves the next one to restore the saved snapshot.
    const current = live.take(sessionKey) ?? (await loadSaved(sessionKey));
    /** Stores the turn with its answer; from then on this process has given that answer. */
    const commitTurn = async (commit: TurnCommit, messages: OutboundMessage[], keep?: LiveConversation) => {
      try {
        await store.commitTurn({ ...commit, replies: messages });
      } catch (error) {
        keep?.actor.stop();
        throw error;
      }
      answeredHere.add(answerKey);
      if (keep) live.put(sessionKey, keep);
      return messages;
    };
    /** The turn did not change the conversation's state: a live actor goes back as it was. */
    const unchanged = (at: Date) => (current?.live ? { ...current.live, updatedAt: at.getTime() } : undefined);
    const now = clock.now();
    const opening = received.kind === 'open';
    const text = opening ? '' : withoutControlCharacters(received.text ?? '');

    const fresh = decideFreshStart(current, now);
    const conversationId = fresh || !current ? newConversationId() : current.conversationId;
    const log = turnLog(logger, { channel: received.channel, conversationId });
    // The greeting a site's QR code prefills names the site: it counts when it opens a conversation.
    const taggedSite = fresh && !received.site ? readSiteTag(text) : undefined;
    const message: InboundMessage = { ...received, text, ...(taggedSite ? { site: taggedSite } : {}) };

    // A sender writing faster than any person gets one polite answer per minute, then silence;
    // the messages are still recorded and marked as processed.
    const limited = !opening && rateLimiter ? rateLimiter.take(sessionKey, now.getTime()) : 'allowed';
    if (limited !== 'allowed') {
      const { messages } = renderer.render(limited === 'warn' ? [{ key: 'errors.rateLimited' }] : [], now);
      return commitTurn(
        {
          ...baseCommit(sessionKey, conversationId, message, now, fresh !== undefined),
          transcript: [inLine(message, options.maxMessageLength), ...messages.map((m) => outLine(m))],
          events: [{ type: 'rate-limited' }],
        },
        messages,
        unchanged(now),
      );
    }

    // While the failure message is on, every message gets it and no flow starts; a running
    // conversation is left as it was, to go on once the service is back.
    const notice = options.contingency?.current(message.channel, now);
    if (notice) {
      const started = fresh !== undefined;
      const { messages } = renderer.render([{ key: 'contingency.notice', params: { text: notice.text } }], now);
      log.info({ source: notice.source }, 'failure message given');
      return commitTurn(
        {
          ...baseCommit(sessionKey, conversationId, message, now, started),
          transcript: [...(opening ? [] : [inLine(message, options.maxMessageLength)]), ...messages.map((m) => outLine(m))],
          events: [{ type: 'failure-notice', detail: notice.source }],
        },
        messages,
        unchanged(now),
      );
    }

    if (opening && !fresh) {
      // The channel reopened a conversation that is still going: repeat where it stands.
      const pending = current ? pendingOf(current) : undefined;
      const { messages } = renderer.render(pending ? [pending] : [], now);
      return commitTurn(
        { ...baseCommit(sessionKey, conversationId, message, now, false), transcript: messages.map((m) => outLine(m)) },
        messages,
        unchanged(now),
      );
    }

    // Texts that cannot be an answer are refused before the machine sees them: nothing is lost.
    const refusal = opening
      ? undefined
      : text.trim().length === 0
        ? 'errors.empty'
        : text.length > options.maxMessageLength
          ? 'errors.tooLong'
          : undefined;
    if (refusal && !fresh) {
      const pending = current ? pendingOf(current) : undefined;
      const { messages } = renderer.render([{ key: refusal }, ...(pending ? [pending] : [])], now);
      return commitTurn(
        {
          ...baseCommit(sessionKey, conversationId, message, now, false),
          transcript: [inLine(message, options.maxMessageLength), ...messages.map((m) => outLine(m))],
        },
        messages,
        unchanged(now),
      );
    }

    const input = fresh ? await newConversationInput(conversationId, message, now, fresh, current) : undefined;
    if (fresh) current?.live?.actor.stop();
    const conversation =
      current && !fresh
        ? (current.live ?? startActor(current.snapshot))
        : startActor(undefined, input);
    const { actor, hooks } = conversation;
    hooks.replies = [];
    hooks.records = [];
    hooks.actorErrors = [];
    hooks.log = log;
    const { replies, records, actorErrors } = hooks;
    if (fresh === 'machine-changed' || fresh === 'unreadable') replies.push({ key: 'errors.restarted' });

    let settledSnapshot: AnyMachineSnapshot | undefined;
    let persisted: unknown;
    let state: string | undefined;
    try {
      // The message is read as an answer to the question pending (none yet on a fresh start).
      const expectation: Expectation = fresh || !current ? { question: 'start', options: [] } : { ...renderer.expectation(pendingOf(current), now), people: peopleOf(current) };
      const understood = options.understand(text, expectation, now);
      actor.send(toDialogEvent(understood, message.messageId));
      settledSnapshot = await waitUntilSettled(actor, options.turnTimeoutMs);
      persisted = actor.getPersistedSnapshot();
      state = describeState(settledSnapshot);
    } catch (error) {
      log.error({ err: errorSummary(error) }, 'turn failed');
      replies.push({ key: 'errors.turnFailed' });
    }

    const rendered = renderer.render(replies, now);
    const healthy = settledSnapshot !== undefined && settledSnapshot.status !== 'error';
    // Only a healthy actor waiting for the member is worth keeping: anything else is stopped,
    // and the next turn starts from the row (or over, when the conversation has ended).
    const keep = healthy && settledSnapshot?.status === 'active';
    if (!keep) actor.stop();
    const commit: TurnCommit = {
      ...baseCommit(sessionKey, conversationId, message, now, fresh !== undefined),
      ...(healthy
        ? {
            session: {
              machineVersion: CONVERSATION_MACHINE_VERSION,
              snapshot: JSON.stringify(persisted),
              // What the next answer is read against comes from the snapshot's pending question.
              shownOptions: null,
            },
          }
        : {}),
      transcript: [
        ...(opening ? [] : [inLine(message, options.maxMessageLength)]),
        ...rendered.messages.map((m) => outLine(m, state)),
      ],
      consents: records.flatMap((record) =>
        record.type === 'consent'
          ? [{ accepted: record.accepted, policyVersion: record.policyVersion, textShown: renderer.text('consent.ask', { version: record.policyVersion }, now) }]
          : [],
      ),
      events: [
        ...(fresh ? [{ type: 'conversation-started', detail: fresh }] : []),
        ...records.flatMap(eventOf),
        // One event per kind of failure in the turn.
        ...[...new Set(actorErrors)].map((code) => ({ type: 'agenda-error', detail: code })),
      ],
      subjects: [
        ...(fresh && message.phone ? [{ kind: 'phone' as const, value: message.phone }] : []),
        ...records.flatMap((record) => (record.type === 'subject' && record.value ? [{ kind: record.kind, value: record.value }] : [])),
      ],
    };
    const outcome = [...records].reverse().find((record) => record.type === 'outcome');
    if (outcome?.type === 'outcome') commit.outcome = outcome.outcome;
    await commitTurn(
      commit,
      rendered.messages,
      keep ? { actor, hooks, conversationId, updatedAt: now.getTime() } : undefined,
    );
    for (const record of records) {
      if (record.type === 'identity-failure') options.identityGuard?.recordFailure({ document: record.document, sender: sessionKey }, now);
    }
    log.debug({ state, replies: rendered.messages.length, fresh }, 'turn settled');
    return rendered.messages;
  }

  /** An actor for a turn: restored from a saved snapshot, or a new conversation from `input`. */
  function startActor(snapshot: Snapshot<unknown> | undefined, input?: ConversationInput) {
    // Every turn sets its own log before it sends anything to the actor.
    const hooks: TurnHooks = { replies: [], records: [], actorErrors: [], log: QUIET };
    // Agenda failures reach the member as a message; operators see their codes here.
    const inspect = (inspection: InspectionEvent) => {
      if (inspection.type !== '@xstate.event' || !inspection.event.type.startsWith('xstate.error.actor')) return;
      const error = (inspection.event as { error?: unknown }).error;
      hooks.actorErrors.push(errorCode(error) ?? 'UNEXPECTED');
      hooks.log.warn({ err: errorSummary(error) }, 'dialog actor failed');
    };
    const actor = snapshot
      ? createActor(machine, { snapshot, input: undefined as never, inspect })
      : createActor(machine, { input: input as ConversationInput, inspect });
    actor.on('reply', (event) => hooks.replies.push(event.reply));
    actor.on('record', (event) => hooks.records.push(event.record));
    actor.start();
    return { actor, hooks };
  }

  async function loadSaved(sessionKey: string): Promise<Resumable | undefined> {
    const saved = await store.load(sessionKey);
    if (!saved) return undefined;
    const snapshot = saved.machineVersion === CONVERSATION_MACHINE_VERSION ? restore(saved.snapshot) : undefined;
    return {
      conversationId: saved.conversationId,
      updatedAt: saved.updatedAt,
      machineVersion: saved.machineVersion,
      ...(snapshot ? { snapshot } : {}),
    };
  }

  function restore(json: string): Snapshot<unknown> | undefined {
    try {
      const snapshot = JSON.parse(json) as Snapshot<unknown>;
      // Resolving proves the snapshot, and every operation running in it, still fits the
      // machines before any turn relies on it.
      assertFits(machine as unknown as ResolvingLogic, snapshot);
      return snapshot;
    } catch {
      return undefined;
    }
  }

  function decideFreshStart(current: Resumable | undefined, now: Date): FreshStart | undefined {
    if (!current) return 'first-contact';
    if (current.machineVersion !== CONVERSATION_MACHINE_VERSION) return 'machine-changed';
    const status = current.live ? current.live.actor.getSnapshot().status : current.snapshot?.status;
    if (!status) return 'unreadable';
    if (status !== 'active') return 'finished';
    if (now.getTime() - current.updatedAt > options.sessionTimeoutMs) return 'expired';
    return undefined;
  }

  async function newConversationInput(
    conversationId: string,
    message: InboundMessage,
    now: Date,
    reason: FreshStart,
    previous: Resumable | undefined,
  ): Promise<ConversationInput> {
    const context = (previous?.live ? previous.live.actor.getSnapshot().context : (previous?.snapshot as { context?: unknown } | undefined)?.context) as
      | { lastSite?: ConversationInput['lastSite'] }
      | undefined;
    const lastSite = context?.lastSite;
    return {
      conversationId,
      channel: message.channel,
      ...(message.phone ? { phone: message.phone } : {}),
      ...(message.site ? { site: message.site } : {}),
      ...(lastSite ? { lastSite } : {}),
      today: bogotaDate(now),
      consentCurrent: await store.hasConsent({
        channel: message.channel,
        userId: message.userId,
        policyVersion: options.policyVersion,
      }),
      policyVersion: options.policyVersion,
      previousExpired: reason === 'expired',
      sender: `${message.channel}:${message.userId}`,
    };
  }

  return { handle };
}

/** The question a resumable conversation waits on: the deepest running machine's last prompt. */
function pendingOf(current: Resumable): Reply | undefined {
  if (current.live) return livePrompt(current.live.actor.getSnapshot() as AnyMachineSnapshot);
  return current.snapshot ? pendingPrompt(current.snapshot) : undefined;
}

/**
 * The first names the member may mention: theirs first, then their beneficiaries', once
 * identified. The understanding step recognises them anywhere in a message.
 */
function peopleOf(current: Resumable): string[] {
  const context = (current.live ? current.live.actor.getSnapshot().context : (current.snapshot as { context?: unknown } | undefined)?.context) as
    | { member?: { firstName: string; beneficiaries: Array<{ firstName: string }> } | null }
    | undefined;
  const member = context?.member;
  return member ? [member.firstName, ...member.beneficiaries.map((patient) => patient.firstName)].map((name) => normalizeText(name)) : [];
}

/** `pendingPrompt` over a running actor's snapshot (its children are actors, not saved snapshots). */
function livePrompt(snapshot: AnyMachineSnapshot): Reply | undefined {
  for (const child of Object.values(snapshot.children as Record<string, { getSnapshot?: () => unknown } | undefined>)) {
    const childSnapshot = child?.getSnapshot?.() as AnyMachineSnapshot | undefined;
    if (childSnapshot && typeof childSnapshot.hasTag === 'function' && childSnapshot.status === 'active') {
      const deeper = livePrompt(childSnapshot);
      if (deeper) return deeper;
    }
  }
  return (snapshot.context as { lastPrompt?: Reply } | undefined)?.lastPrompt;
}

/**
 * Conversations whose actors stay alive between turns, least recently used first out. An
 * entry older than the idle timeout is worth nothing (its next turn starts over): such entries
 * leave as soon as a newer one comes in behind them.
 */
function createLiveConversations(capacity: number, idleMs: number) {
  const entries = new Map<string, LiveConversation>();
  return {
    take(sessionKey: string): Resumable | undefined {
      const entry = entries.get(sessionKey);
      if (!entry) return undefined;
      entries.delete(sessionKey);
      return {
        conversationId: entry.conversationId,
        updatedAt: entry.updatedAt,
        machineVersion: CONVERSATION_MACHINE_VERSION,
        live: entry,
      };
    },
    put(sessionKey: string, entry: LiveConversation) {
      if (capacity <= 0) return entry.actor.stop();
      entries.set(sessionKey, entry);
      for (const [key, oldest] of entries) {
        if (entries.size <= capacity && entry.updatedAt - oldest.updatedAt <= idleMs) break;
        entries.delete(key);
        oldest.actor.stop();
      }
    },
  };
}

function baseCommit(sessionKey: string, conversationId: string, message: InboundMessage, now: Date, started: boolean) {
  return {
    sessionKey,
    conversationId,
    channel: message.channel,
    userId: message.userId,
    ...(message.site ? { site: message.site } : {}),
    conversationStarted: started,
    messageId: message.messageId,
    transcript: [],
    consents: [],
    events: [],
    at: now.getTime(),
  } satisfies TurnCommit;
}

function inLine(message: InboundMessage, maxLength: number) {
  return { direction: 'in' as const, text: message.text.slice(0, maxLength), messageId: message.messageId };
}

function outLine(message: OutboundMessage, state?: string) {
  return {
    direction: 'out' as const,
    text: message.text,
    ...(message.options ? { options: message.options.map((o) => o.label) } : {}),
    ...(state ? { state } : {}),
  };
}

type SavedSnapshot = { children?: Record<string, { src?: unknown; snapshot?: unknown } | undefined> };
type ResolvingLogic = {
  resolveState: (snapshot: never) => unknown;
  implementations?: { actors?: Record<string, unknown> };
};

/** Throws unless a saved snapshot, children included, resolves against today's machines. */
function assertFits(logic: ResolvingLogic, snapshot: unknown): void {
  logic.resolveState(snapshot as never);
  for (const child of Object.values((snapshot as SavedSnapshot).children ?? {})) {
    const childLogic = typeof child?.src === 'string' ? logic.implementations?.actors?.[child.src] : undefined;
    if (childLogic && typeof (childLogic as ResolvingLogic).resolveState === 'function') {
      assertFits(childLogic as ResolvingLogic, child?.snapshot);
    }
  }
}

/**
 * The question the conversation is waiting on: the `lastPrompt` of the deepest running
 * machine in a saved snapshot, so a refused message can be followed by the question again.
 */
function pendingPrompt(snapshot: Snapshot<unknown>): Reply | undefined {
  type Saved = { context?: { lastPrompt?: Reply }; children?: Record<string, { snapshot?: Saved } | undefined> };
  const saved = snapshot as Saved;
  for (const child of Object.values(saved.children ?? {})) {
    const deeper = child?.snapshot ? pendingPrompt(child.snapshot as Snapshot<unknown>) : undefined;
    if (deeper) return deeper;
  }
  return saved.context?.lastPrompt;
}

function waitUntilSettled(actor: MachineActor, timeoutMs: number): Promise<AnyMachineSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const snapshot = actor.getSnapshot();
      if (isSettled(snapshot)) {
        cleanup();
        resolve(snapshot);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new TurnTimeoutError(`turn did not settle within ${timeoutMs} ms`));
    }, timeoutMs);
    // Child machines change without the root's snapshot changing: watch the whole system.
    const subscription = actor.system.inspect({ next: () => queueMicrotask(check) });
    const rootSubscription = actor.subscribe({ next: check, error: (error) => (cleanup(), reject(error)) });
    function cleanup() {
      clearTimeout(timer);
      subscription.unsubscribe();
      rootSubscription.unsubscribe();
    }
    check();
  });
}

/** An error's name and code, never its message: messages may quote what the member typed. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Control characters (other than tab and line breaks) mean nothing in a chat: they are dropped. */
function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** The most recent `capacity` keys added; older ones are forgotten first. */
function createRecentSet(capacity: number) {
  const keys = new Set<string>();
  return {
    add(key: string) {
      keys.add(key);
      if (keys.size > capacity) keys.delete(keys.values().next().value as string);
    },
    has: (key: string) => keys.has(key),
  };
}

/**
 * A sliding one-minute window per sender. `warn` is the first message over the limit in a
 * window (it gets the polite answer); `drop` the ones after it.
 */
function createRateLimiter(perMinute: number) {
  const windows = new Map<string, { times: number[]; warned: boolean }>();
  let sweptAt = 0;
  return {
    take(sender: string, now: number): 'allowed' | 'warn' | 'drop' {
      if (now - sweptAt > 60_000) {
        for (const [key, window] of windows) if ((window.times.at(-1) ?? 0) <= now - 60_000) windows.delete(key);
        sweptAt = now;
      }
      const window = windows.get(sender) ?? { times: [], warned: false };
      windows.set(sender, window);
      while (window.times.length && (window.times[0] ?? 0) <= now - 60_000) window.times.shift();
      if (window.times.length < perMinute) {
        window.times.push(now);
        window.warned = false;
        return 'allowed';
      }
      if (window.warned) return 'drop';
      window.warned = true;
      return 'warn';
    },
  };
}

/** The metrics event a record stands for, if any. */
function eventOf(record: ConversationRecord): Array<{ type: string; detail?: string }> {
  switch (record.type) {
    case 'outcome':
      return [{ type: `outcome:${record.outcome}`, ...(record.site ? { detail: record.site } : {}) }];
    case 'milestone':
      return [{ type: record.milestone }];
    default:
      return [];
  }
}

function errorSummary(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { name: error.name, ...('code' in error ? { code: (error as { code: unknown }).code } : {}) };
  }
  return { name: typeof error };
}
