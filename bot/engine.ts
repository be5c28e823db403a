import type { AnyMachineSnapshot } from 'xstate';
import { CONVERSATION_MACHINE_VERSION } from '../dialogs/conversation.machine.js';
import { isOperation } from '../dialogs/choices.js';
import { toDialogEvent } from '../dialogs/events.js';
import { describeState } from '../dialogs/settled.js';
import { answerTo } from '../dialogs/speech.js';
import type { Logger } from './logger.js';
import type { Engine, InboundMessage, OutboundMessage } from './messages.js';
import type { AgendaService, Clock, ContingencySwitch, IdentityGuard, SessionStore, TurnCommit } from './ports.js';
import type { Renderer } from './rendering/renderer.js';
import { createConversationMachine, type SearchRules } from './dialog-actors.js';
import type { Understand } from './understanding/understand.js';
import { mentionsRedFlag, mentionsUrgency } from './understanding/red-flags.js';
import type { Expectation } from './understanding/types.js';
import { readSiteTag, withoutSiteGreeting } from './site-tag.js';
import { admit } from './turn/admit.js';
import { createRateLimiter, createRecentSet, withoutControlCharacters } from './turn/admission.js';
import { beginTurn, startConversationActor, waitUntilSettled, type ConversationActor } from './turn/conversation-actor.js';
import { createLiveConversations, type LiveConversation, type Resumable } from './turn/live-conversations.js';
import { decideFreshStart, loadSaved, newConversationId, newConversationInput, type FreshStart } from './turn/resume.js';
import { peopleOf, pendingOf, writerOf, type ResolvingLogic } from './turn/saved-snapshot.js';
import { baseCommit, recordsCommit, transcriptOf } from './turn/turn-commit.js';
import { errorSummary, turnLog, type TurnLog } from './turn/turn-log.js';

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

const DEFAULT_LIVE_CONVERSATIONS = 2_000;

/** A turn's shared facts (see `openTurn` in `createEngine`). */
interface Turn {
  sessionKey: string;
  answerKey: string;
  now: Date;
  /** The channel opened the conversation; there is no text. */
  opening: boolean;
  /** Why a new conversation starts with this turn; undefined when it goes on. */
  fresh: FreshStart | undefined;
  conversationId: string;
  /** The member's message as read: control characters dropped, the QR code's site added. */
  message: InboundMessage;
  log: TurnLog;
  base: ReturnType<typeof baseCommit>;
}

/** Where the machines settled: the snapshot, what is saved of it, and its state's name for the transcript. */
interface Settled {
  snapshot: AnyMachineSnapshot;
  persisted: unknown;
  state: string;
}

/**
 * The conversation engine. One turn = admit the message (or answer it without the machines)
 * → resume the saved conversation or start one → send the member's event, read against the
 * question pending → wait until every machine has settled in a state that waits for the
 * member → render the replies → store snapshot, transcript and the message id in one
 * transaction. Turns of one conversation run one at a time, in arrival order.
 */
export function createEngine(options: EngineOptions): Engine {
  const { store, clock, renderer, logger } = options;
  const machine = createConversationMachine(options.agenda, clock, options.identityGuard, options.searchRules);
  const logic = machine as unknown as ResolvingLogic;
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
    const repeated = await answerGiven(sessionKey, received, answerKey);
    if (repeated) return repeated;
    // The live actor is taken out for the turn and put back only once the turn is stored: a
    // turn that fails leaves the next one to restore the saved snapshot.
    const current = live.take(sessionKey) ?? (await loadSaved(store, logic, sessionKey));
    const turn = openTurn(sessionKey, answerKey, received, current);
    const shortcut = await answerWithoutMachines(turn, current);
    if (shortcut) return shortcut;
    const conversation = await resume(turn, current);
    const hooks = beginTurn(conversation, turn.log);
    if (turn.fresh === 'machine-changed' || turn.fresh === 'unreadable') hooks.replies.push({ key: 'errors.restarted' });
    // "Le cuesta respirar", "fiebre de 40": before anything about appointments, where to go now.
    if (mentionsRedFlag(turn.message.text)) hooks.replies.push({ key: 'safety.emergency' });
    // "Necesito una cita urgente": urgencias if it is an emergency, and the no programada visit type.
    else if (mentionsUrgency(turn.message.text)) hooks.replies.push({ key: 'safety.urgent' });
    // The message is read as an answer to the question pending (none yet on a fresh start).
    const writer = turn.fresh || !current ? undefined : writerOf(current);
    const expectation: Expectation =
      turn.fresh || !current
        ? { question: 'start', options: [] }
        : { ...renderer.expectation(pendingOf(current), turn.now), people: peopleOf(current), ...(writer ? { writer } : {}) };
    // (The greeting a site's QR code prefilled names where the member is, not a site asked for.)
    const read = (turn.fresh || !current) && turn.message.site ? withoutSiteGreeting(turn.message.text, turn.message.site) : turn.message.text;
    const understood = options.understand(read, expectation, turn.now);
    // "Le escribe la abuela": the conversation keeps who writes, for the messages after this one.
    if (understood.entities.writer) conversation.actor.send({ type: 'WRITER', writer: understood.entities.writer });
    const event = toDialogEvent(understood, turn.message.messageId);
    // "Una cita de odontología": a service Lina does not book, said so with the line, before whatever follows.
    if (understood.entities.unservedSpecialty) hooks.replies.push({ key: 'help.unservedSpecialty', params: { specialty: understood.entities.unservedSpecialty } });
    // An answer with a question about it ("en Suba, ¿y dónde queda eso?"), or a request with one ("quiero pasarla para el jueves,
    // ¿y qué tengo que llevar?"): the question answered first, then the answer or the request taken.
    // ("No, mejor no radique nada, quiero hablar con una persona" at an offer: the line for a person first, then the no taken.)
    if (event.type === 'USER_MESSAGE' && understood.intent === 'help' && (event.choice === 'yes' || event.choice === 'no') && !understood.entities.asks && current && !turn.fresh) {
      hooks.replies.push(answerTo('person', pendingOf(current)));
    }
    if (event.type === 'USER_MESSAGE' && understood.entities.asks && ((event.choice !== undefined && current && !turn.fresh) || isOperation(understood.intent))) {
      hooks.replies.push(answerTo(understood.entities.asks, current && !turn.fresh ? pendingOf(current) : undefined, { site: understood.entities.site }));
    }
    const settled = await settle(conversation, event, turn.log);
    return finish(turn, conversation, settled);
  }

  /** What every step of a turn shares: when, who, which conversation, and the message as read. */
  function openTurn(sessionKey: string, answerKey: string, received: InboundMessage, current: Resumable | undefined) {
    const now = clock.now();
    const opening = received.kind === 'open';
    const text = opening ? '' : withoutControlCharacters(received.text ?? '');
    const fresh = decideFreshStart(current, now, options.sessionTimeoutMs);
    const conversationId = fresh || !current ? newConversationId() : current.conversationId;
    // The greeting a site's QR code prefills names the site: it counts when it opens a conversation.
    const taggedSite = fresh && !received.site ? readSiteTag(text) : undefined;
    const message: InboundMessage = { ...received, text, ...(taggedSite ? { site: taggedSite } : {}) };
    const log = turnLog(logger, { channel: received.channel, conversationId });
    return { sessionKey, answerKey, now, opening, fresh, conversationId, message, log, base: baseCommit(sessionKey, conversationId, message, now, fresh !== undefined) };
  }

  /** The answer of a turn the machines never see (see `admit`), stored; undefined when the machines must answer. */
  async function answerWithoutMachines(turn: Turn, current: Resumable | undefined): Promise<OutboundMessage[] | undefined> {
    const { now, message, opening } = turn;
    const shortcut = admit({
      channel: message.channel,
      text: message.text,
      now,
      opening,
      fresh: turn.fresh !== undefined,
      pending: () => (current ? pendingOf(current) : undefined),
      rate: () => rateLimiter?.take(turn.sessionKey, now.getTime()) ?? 'allowed',
      contingency: options.contingency,
      maxMessageLength: options.maxMessageLength,
      log: turn.log,
    });
    if (!shortcut) return undefined;
    const { messages } = renderer.render(shortcut.replies, now);
    // The conversation did not change: a live actor goes back as it was.
    const unchanged = current?.live ? { ...current.live, updatedAt: now.getTime() } : undefined;
    return commitTurn(turn, { ...turn.base, transcript: transcriptOf(message, opening, messages, options.maxMessageLength), events: shortcut.events }, messages, unchanged);
  }

  /** The actor the turn runs on: the conversation going on, or a new one (a live actor of an ended one is stopped). */
  async function resume(turn: Turn, current: Resumable | undefined): Promise<ConversationActor> {
    const { fresh } = turn;
    if (current && !fresh) return current.live ?? startConversationActor(machine, current.snapshot);
    const input = await newConversationInput(store, options.policyVersion, {
      conversationId: turn.conversationId,
      message: turn.message,
      now: turn.now,
      reason: fresh ?? 'first-contact',
      previous: current,
    });
    current?.live?.actor.stop();
    return startConversationActor(machine, undefined, input);
  }

  /** Renders what the machines said, stores the turn (and the actor, when it waits for the member), and records identity failures. */
  async function finish(turn: Turn, conversation: ConversationActor, settled: Settled | undefined): Promise<OutboundMessage[]> {
    const { now, message, fresh, log } = turn;
    const { hooks } = conversation;
    // "Me duele mucho el pecho y no puedo respirar": the emergency said, then the pending question; never "No te entendí" with it.
    const emergency = hooks.replies.some((said) => said.key === 'safety.emergency');
    const replies = emergency ? hooks.replies.filter((said) => !said.key.startsWith('common.notUnderstood')) : hooks.replies;
    const rendered = renderer.render(replies, now);
    // Only a healthy actor waiting for the member is worth keeping: anything else is stopped,
    // and the next turn starts from the row (or over, when the conversation has ended).
    const healthy = settled !== undefined && settled.snapshot.status !== 'error';
    const keep = healthy && settled.snapshot.status === 'active';
    if (!keep) conversation.actor.stop();
    const commit: TurnCommit = {
      ...turn.base,
      // What the next answer is read against comes from the snapshot's pending question.
      ...(healthy ? { session: { machineVersion: CONVERSATION_MACHINE_VERSION, snapshot: JSON.stringify(settled.persisted), shownOptions: null } } : {}),
      transcript: transcriptOf(message, turn.opening, rendered.messages, options.maxMessageLength, settled?.state),
      ...recordsCommit(hooks.records, {
        ...(fresh ? { startedBecause: fresh } : {}),
        ...(message.phone ? { phone: message.phone } : {}),
        actorErrors: hooks.actorErrors,
        consentText: (version) => renderer.text('consent.ask', { version }, now),
      }),
    };
    await commitTurn(turn, commit, rendered.messages, keep ? { ...conversation, conversationId: turn.conversationId, updatedAt: now.getTime() } : undefined);
    for (const record of hooks.records) {
      if (record.type === 'identity-failure') options.identityGuard?.recordFailure({ document: record.document, sender: turn.sessionKey }, now);
    }
    log.debug({ state: settled?.state, replies: rendered.messages.length, fresh }, 'turn settled');
    return rendered.messages;
  }

  /**
   * The answer already stored for this message, or undefined when it is new. Answered by this
   * process: the channel has it, a repeat gets nothing. Answered before a restart: the
   * process may have died before the channel sent it, so it is given again.
   */
  async function answerGiven(sessionKey: string, received: InboundMessage, answerKey: string): Promise<OutboundMessage[] | undefined> {
    const given = await store.answerTo(sessionKey, received.messageId);
    if (!given) return undefined;
    if (answeredHere.has(answerKey)) return [];
    answeredHere.add(answerKey);
    return given;
  }

  /** Stores the turn with its answer; from then on this process has given that answer. */
  async function commitTurn({ sessionKey, answerKey }: Turn, commit: TurnCommit, messages: OutboundMessage[], keep?: LiveConversation) {
    try {
      await store.commitTurn({ ...commit, replies: messages });
    } catch (error) {
      keep?.actor.stop();
      throw error;
    }
    answeredHere.add(answerKey);
    if (keep) live.put(sessionKey, keep);
    return messages;
  }

  /**
   * Sends the member's event and waits until every machine waits for the member: the settled
   * snapshot, its persisted form and its state's name; undefined when the turn failed (the
   * member is told, and the conversation is not saved).
   */
  async function settle({ actor, hooks }: ConversationActor, event: ReturnType<typeof toDialogEvent>, log: TurnLog): Promise<Settled | undefined> {
    try {
      actor.send(event);
      const snapshot = await waitUntilSettled(actor, options.turnTimeoutMs);
      return { snapshot, persisted: actor.getPersistedSnapshot(), state: describeState(snapshot) };
    } catch (error) {
      log.error({ err: errorSummary(error) }, 'turn failed');
      hooks.replies.push({ key: 'errors.turnFailed' });
      return undefined;
    }
  }

  return { handle };
}
