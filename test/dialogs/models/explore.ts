/**
 * Model-based coverage of the dialog machines, with @xstate/graph 3.
 *
 * Each machine is explored on its own, as an abstract model: the machine itself, its invoked
 * actors replaced by stubs that never run. What drives it are the events it would receive:
 *
 * - the member's messages, as the engine makes them: a few representative texts per waiting
 *   state (`DialogModel.texts`), read by the REAL understanding step against the question
 *   pending (its options as rendered, the people the member may name) and turned into the
 *   events the engine sends (`toDialogEvent`, `WRITER`), so every event is one Lina could get;
 * - what its parent sends it (`REPEAT`), or what its children send it (`SAY`, `RECORD`);
 * - the answers of its invoked actors, `xstate.done.actor.<id>` / `xstate.error.actor.<id>`
 *   with representative outputs and errors (`DialogModel.outcomes`): agenda calls, and the
 *   outcomes of the child machines it runs (booking, taking a slot…), each modelled on its own.
 *
 * @xstate/graph's `TestModel` explores that model breadth first (`getShortestPaths` with
 * explicit `events`: `createTestModel` refuses machines that invoke actors). Its transitions
 * run in a scope whose actor system has a silent conversation (child machines speak to it).
 * States are abstract: the state value and the part of the context the guards read
 * (`DialogModel.fingerprint`), never the words said nor the misses counted. The exploration
 * is bounded: from each start (`DialogModel.starts`), at most `maxMessages` messages deep
 * (actors' answers are always explored, so no path stops half-way through an agenda call),
 * and `TRAVERSAL_LIMIT` states taken from the queue.
 *
 * The paths generated are the shortest path to every abstract state (those that are the
 * beginning of another left out), plus, for every machine transition an explored event takes
 * and those paths do not, the shortest path to where it is taken. Each path is replayed against
 * the REAL machine, its actors faked (no I/O): a fake answers only when the path says so, with
 * the output the path carries, so the machine must follow the path step by step (its state is
 * compared after every step). The replay checks, turn by turn (a turn is one event from the
 * member or the parent, and every actor answer it leads to, as the engine runs it):
 *
 * - every turn ends where the engine may persist the conversation: a state that waits for the
 *   member (tagged `awaitingInput`), a final state, or a state that runs a child machine (which
 *   holds the question; its own model checks it);
 * - every turn that ends waiting for the member said something (a new conversation waits for
 *   its first message in silence: the engine sends it at once);
 * - every text key said (replies, their options and items) exists in locales/es-CO/lina.json,
 *   resolved as i18next resolves it (`context`, plural forms).
 *
 * What the replays visit (every microstep, from XState's inspection) is the coverage: every
 * state node of the machine must be visited; the transitions taken are counted.
 */
import { readFileSync } from 'node:fs';
import { TestModel } from '@xstate/graph';
import {
  __unsafe_getAllOwnEventDescriptors,
  createActor,
  emit,
  fromCallback,
  fromPromise,
  sendTo,
  setup,
  type ActorLogic,
  type AnyActorLogic,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
  type InspectionEvent,
} from 'xstate';
import { loadUnderstanding } from '../../../bot/understanding/load.js';
import type { Understanding } from '../../../bot/understanding/types.js';
import { toDialogEvent, type DialogEvent } from '../../../dialogs/events.js';
import type { Reply, ReplyParams } from '../../../dialogs/replies.js';
import { CONVERSATION_SYSTEM_ID, type SayEvent } from '../../../dialogs/speech.js';
import { guardLabel } from '../../../scripts/diagrams.js';
import { NOW, expectationFor } from '../harness.js';

// ---- what a model says about its machine ----------------------------------------------------

/** What an invoked actor answers: its output, or an error. */
export type Outcome = { output: unknown; label: string } | { error: unknown; label: string };

/** An invoked actor's answer as the machine receives it (`label` only names it in a path). */
type ActorAnswer = { type: string; output: unknown; label: string } | { type: string; error: unknown; label: string };

/** Where the member's message is read against: the pending question, or the first message of a conversation. */
export type Pending = Reply | 'first message' | undefined;

export interface DialogModel {
  /** The machine's name in the table and in messages. */
  name: string;
  /** The machine as Lina has it: its actors are the engine's to provide. */
  machine: AnyStateMachine;
  /**
   * `root`: the conversation, which emits its replies to the engine; `child`: a machine an
   * operation runs, which sends them to the conversation (`SAY`), its parent relaying the
   * member's messages, "atrás" and `REPEAT` to it.
   */
  kind: 'root' | 'child';
  /** Where its exploration starts, by a short name: each is explored and its paths replayed. */
  starts: Record<string, Start>;
  /** What the member may write while the machine is in `snapshot`; `running`: a child machine of its own holds the question. */
  texts(snapshot: AnyMachineSnapshot, running: boolean): readonly string[];
  /** Other events it may receive there (a parent's `REPEAT`, a child's `SAY`). */
  otherEvents?(snapshot: AnyMachineSnapshot, running: boolean): readonly EventObject[];
  /** The first names the member may mention (the engine's `people`). */
  people(snapshot: AnyMachineSnapshot): readonly string[];
  /** What the message is read against; by default the machine's own last question, or `childQuestion` while a child machine runs. */
  pending?(snapshot: AnyMachineSnapshot): Pending;
  /** The question that stands for a running child machine's (which holds the question), for reading the messages relayed to it. */
  childQuestion?: Reply;
  /** What each invoked actor (by `src`) may answer in `snapshot`. */
  outcomes: Record<string, (snapshot: AnyMachineSnapshot) => readonly Outcome[]>;
  /** The part of the context the machine's guards and later steps read: with the state value, the abstract state. */
  fingerprint(context: Record<string, unknown>): unknown;
}

/**
 * Where an exploration starts: the machine started with `input`, then (where the whole tree
 * is too wide to explore from the machine's start) the member's messages `after`, each turn
 * finished by its actors' first outcomes unless an answer is named; from there, `maxMessages`
 * messages deep.
 */
export interface Start {
  input: unknown;
  /** Messages, or an actor's answer (by its outcome's label) where the first would not do. */
  after?: ReadonlyArray<string | { answer: string }>;
  maxMessages: number;
}

// ---- the member's messages, read as the engine reads them -----------------------------------

const understand = loadUnderstanding();
const readings = new Map<string, Understanding>();

/** The real understanding step over `text`, as the engine runs it at `pending` (remembered: the exploration asks often). */
export function readMessage(text: string, pending: Pending, people: readonly string[]): Understanding {
  const key = JSON.stringify([text, pending, people]);
  const known = readings.get(key);
  if (known) return known;
  const understood = pending === 'first message' ? understand(text, { question: 'start', options: [] }, NOW) : understand(text, expectationFor(pending, [...people], NOW), NOW);
  readings.set(key, understood);
  return understood;
}

/** The id a message carries: what was written, so a failing path reads as the conversation it is. */
const SAID = 'said: ';

/** The events the engine sends for `text`: who writes (when the message says so), then the message's own. */
function eventsOfText(text: string, pending: Pending, people: readonly string[]): EventObject[] {
  const understood = readMessage(text, pending, people);
  const event = toDialogEvent(understood, `${SAID}${text}`);
  const writer: DialogEvent | undefined = understood.entities.writer ? { type: 'WRITER', writer: understood.entities.writer } : undefined;
  return writer ? [writer, event] : [event];
}

/** An event the member (or the parent) sends, as opposed to an actor's answer. */
const isActorEvent = (event: EventObject) => event.type.startsWith('xstate.done.actor.') || event.type.startsWith('xstate.error.actor.');

/** How an event reads in a path: the text written, or the event. */
export function describeEvent(event: EventObject): string {
  if (event.type === 'xstate.init') return 'start';
  if ('messageId' in event && typeof event.messageId === 'string' && event.messageId.startsWith(SAID)) return `"${event.messageId.slice(SAID.length)}" (${event.type})`;
  if (isActorEvent(event) && 'label' in event)
    return `${event.type.startsWith('xstate.done') ? 'answer' : 'failure'} of ${event.type.replace(/^xstate\.(done|error)\.actor\./, '')}: ${String(event.label)}`;
  const { type, ...rest } = event;
  return Object.keys(rest).length > 0 ? `${type} ${JSON.stringify(rest)}` : type;
}

// ---- the machine's structure ------------------------------------------------------------------

type StateNodeLike = AnyStateMachine['root'];
/** The scope a machine's own `transition` and `getInitialSnapshot` take. */
type MachineScope = Parameters<AnyStateMachine['transition']>[2];
/** A transition as the machine's state nodes hold it. */
type TransitionLike = StateNodeLike['transitions'] extends Map<string, Array<infer T>> ? T : never;

/** Every state node under the root (the root itself left out), in document order. */
export function stateNodesOf(machine: AnyStateMachine): StateNodeLike[] {
  const nodes: StateNodeLike[] = [];
  const walk = (node: StateNodeLike) => {
    for (const child of Object.values(node.states)) {
      nodes.push(child);
      walk(child);
    }
  };
  walk(machine.root);
  return nodes;
}

/** A transition's name for coverage: its source, its event ('always' for eventless) and its place among that source's. */
function transitionKey(transition: TransitionLike): string {
  const source = transition.source;
  const eventType = transition.eventType as string;
  const list = eventType === '' ? (source.always ?? []) : (source.transitions.get(eventType) ?? []);
  return `${source.id} ${eventType === '' ? 'always' : eventType} [${list.indexOf(transition)}]`;
}

/** Every transition of the machine, by `transitionKey`. */
export function transitionsOf(machine: AnyStateMachine): string[] {
  return [...describedTransitions(machine).keys()];
}

/** Every transition of the machine, by `transitionKey`, with its guard and target: `[guard] → target`. */
export function describedTransitions(machine: AnyStateMachine): Map<string, string> {
  const described = new Map<string, string>();
  for (const node of [machine.root, ...stateNodesOf(machine)]) {
    for (const transition of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) {
      const guardName = transition.guard === undefined ? '' : guardLabel(transition.guard);
      const targets = (transition.target ?? []).map((target: StateNodeLike) => target.id).join(', ') || 'stays';
      described.set(transitionKey(transition), `${guardName ? `[${guardName}] ` : ''}→ ${targets}`);
    }
  }
  return described;
}

/** The actor an invocation runs, by name: xstate gives every state node's invocation a string `src` (its key, or `xstate.invoke.<id>` for inline logic), whatever its type says. */
const srcOf = (invocation: { src: unknown }): string => invocation.src as string;

/** Whether `logic` is a state machine (a child machine), not a promise. */
const isMachineLogic = (logic: unknown): boolean => typeof logic === 'object' && logic !== null && 'getStateNodeById' in logic;

/** What the machine invokes: for each invocation id, its `src` and whether that is a child machine. */
function invocationsOf(machine: AnyStateMachine): Map<string, { src: string; machine: boolean }> {
  const invocations = new Map<string, { src: string; machine: boolean }>();
  const actors = machine.implementations.actors as Record<string, unknown>;
  for (const node of stateNodesOf(machine)) {
    for (const invocation of node.invoke) invocations.set(invocation.id, { src: srcOf(invocation), machine: isMachineLogic(actors[srcOf(invocation)]) });
  }
  return invocations;
}

/** The invocations active in `snapshot` (those of its active state nodes). */
function activeInvocations(snapshot: AnyMachineSnapshot) {
  return snapshot._nodes.flatMap((node) => node.invoke);
}

// ---- the abstract model explored by @xstate/graph -------------------------------------------

/** The machine as the model: every invoked actor a stub that never runs (the exploration starts nothing). */
function modelMachineOf(model: DialogModel): AnyStateMachine {
  const stub = fromPromise(() => new Promise<never>(() => undefined));
  const actors = Object.fromEntries(Object.keys(model.machine.implementations.actors).map((src) => [src, stub]));
  return model.machine.provide({ actors });
}

/**
 * The scope the model's transitions run in: @xstate/graph's own mock scope has an empty actor
 * system, where a child machine finds no conversation to speak to. Here a silent actor holds
 * the conversation's system id; nothing is executed, only resolved.
 */
function modelScope(): { scope: MachineScope; onMicrostep: (listener: ((snapshot: AnyMachineSnapshot, transitions: TransitionLike[]) => void) | undefined) => void } {
  const sink = createActor(
    fromCallback(() => undefined),
    { systemId: CONVERSATION_SYSTEM_ID },
  );
  sink.start();
  let listener: ((snapshot: AnyMachineSnapshot, transitions: TransitionLike[]) => void) | undefined;
  sink.system.inspect({
    next: (inspection: InspectionEvent) => {
      if (inspection.type === '@xstate.microstep') listener?.(inspection.snapshot as AnyMachineSnapshot, inspection._transitions as TransitionLike[]);
    },
  });
  const scope = {
    self: sink,
    id: 'model',
    sessionId: 'model',
    logger: () => undefined,
    defer: () => undefined,
    system: sink.system,
    stopChild: () => undefined,
    emit: () => undefined,
    actionExecutor: () => undefined,
  } satisfies Omit<AnyActorScope, 'self' | 'system'> & Pick<AnyActorScope, 'self' | 'system'>;
  // A stand-in (its `self` is the silent actor, not a machine): enough for a machine that only resolves against its system.
  return { scope: scope as AnyActorScope as MachineScope, onMicrostep: (next) => (listener = next) };
}

/** One step of a path: the event taken, and the state it led to (the first step is the start). */
export interface PathStep {
  event: EventObject;
  state: AnyMachineSnapshot;
}

export interface ModelPath {
  /** Where the path was generated from: the start's name. */
  start: string;
  steps: PathStep[];
  /** Why it is replayed: the state it reaches, or the transition it takes. */
  reason: string;
}

/** What exploring one input found. */
export interface Exploration {
  paths: ModelPath[];
  /** Abstract states the model reached. */
  states: number;
  /** Abstract states at which a turn ends somewhere the engine could not persist: named, with how they are reached. */
  stuck: string[];
  /** The state nodes the model itself reached (in any microstep), by id. */
  reached: Set<string>;
}

/** Adds to `states` every state node a microstep was in or passed through: active, left (transient states), entered (history states). */
function noteVisit(states: Set<string>, snapshot: AnyMachineSnapshot | undefined, transitions: readonly TransitionLike[] = []): void {
  for (const node of snapshot?._nodes ?? []) if (node.parent) states.add(node.id);
  for (const transition of transitions) {
    if (transition.source.parent) states.add(transition.source.id);
    for (const target of transition.target ?? []) for (let node: StateNodeLike | undefined = target; node?.parent; node = node.parent) states.add(node.id);
  }
}

/** The abstract state: state value, status and what the guards read. */
function serializeWith(model: DialogModel) {
  return (snapshot: AnyMachineSnapshot) => JSON.stringify([snapshot.value, snapshot.status, model.fingerprint(snapshot.context as Record<string, unknown>)]);
}

/** Whether a turn may end in `snapshot`: waiting for the member, finished, or a child machine holds the question. */
function atRest(snapshot: AnyMachineSnapshot, invocations: Map<string, { src: string; machine: boolean }>): 'waiting' | 'final' | 'delegating' | 'busy' | 'stuck' {
  if (snapshot.status !== 'active') return 'final';
  const active = activeInvocations(snapshot);
  if (active.some((invocation) => invocations.get(invocation.id)?.machine === false)) return 'busy';
  if (snapshot.hasTag('awaitingInput')) return 'waiting';
  if (active.some((invocation) => invocations.get(invocation.id)?.machine === true)) return 'delegating';
  return 'stuck';
}

/** How many states @xstate/graph may take from its queue in one exploration (the largest takes about 3,300 today). */
const TRAVERSAL_LIMIT = 50_000;

/** Explores `model` from its start `startName` and generates the paths to replay. */
export function explore(model: DialogModel, startName: string): Exploration {
  const start = model.starts[startName];
  if (!start) throw new Error(`${model.name}: no start "${startName}"`);
  const machine = modelMachineOf(model);
  const invocations = invocationsOf(model.machine);
  const { scope, onMicrostep } = modelScope();
  const serialize = serializeWith(model);
  /** Messages deep each snapshot was first reached at. */
  const depth = new WeakMap<object, number>();
  /** Every edge explored, with the machine transitions it took. */
  const edges: Array<{ from: AnyMachineSnapshot; event: EventObject; transitions: string[] }> = [];
  const reached = new Set<string>();

  const logic = {
    transition: (snapshot: AnyMachineSnapshot, event: EventObject): AnyMachineSnapshot => {
      const taken: string[] = [];
      onMicrostep((microstep, transitions) => {
        taken.push(...transitions.map(transitionKey));
        noteVisit(reached, microstep, transitions);
      });
      const next = machine.transition(snapshot, event, scope) as AnyMachineSnapshot;
      onMicrostep(undefined);
      edges.push({ from: snapshot, event, transitions: taken });
      if (!depth.has(next)) depth.set(next, (depth.get(snapshot) ?? 0) + (isActorEvent(event) ? 0 : 1));
      return next;
    },
    getInitialSnapshot: (_: unknown, input: unknown): AnyMachineSnapshot => machine.getInitialSnapshot(scope, input) as AnyMachineSnapshot,
    getPersistedSnapshot: (snapshot: AnyMachineSnapshot) => snapshot,
  } satisfies Pick<ActorLogic<AnyMachineSnapshot, EventObject, unknown>, 'transition' | 'getPersistedSnapshot'> & { getInitialSnapshot: unknown };

  const eventsAt = (snapshot: AnyMachineSnapshot): EventObject[] => {
    if (snapshot.status !== 'active') return [];
    const handled = new Set(__unsafe_getAllOwnEventDescriptors(snapshot));
    const events: EventObject[] = [];
    // The actors' answers, always explored.
    for (const invocation of activeInvocations(snapshot)) {
      const answers = model.outcomes[srcOf(invocation)];
      if (!answers) throw new Error(`${model.name}: no outcomes for the actor "${srcOf(invocation)}"`);
      for (const answer of answers(snapshot)) {
        const type = 'output' in answer ? `xstate.done.actor.${invocation.id}` : `xstate.error.actor.${invocation.id}`;
        const answered: ActorAnswer = 'output' in answer ? { type, output: answer.output, label: answer.label } : { type, error: answer.error, label: answer.label };
        if (handled.has(type)) events.push(answered);
      }
    }
    // Messages only where a turn may end (never in the middle of an agenda call), and only so deep.
    if (atRest(snapshot, invocations) === 'busy' || (depth.get(snapshot) ?? 0) >= start.maxMessages) return events;
    const pending = model.pending ? model.pending(snapshot) : defaultPending(model, snapshot, invocations);
    const people = model.people(snapshot);
    const running = runsChildMachine(snapshot, invocations);
    for (const text of model.texts(snapshot, running)) events.push(...eventsOfText(text, pending, people));
    events.push(...(model.otherEvents?.(snapshot, running) ?? []));
    const seen = new Set<string>();
    return events.filter((event) => {
      const key = JSON.stringify(event);
      if (!handled.has(event.type) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  // A bound on the traversal itself: a change that makes the abstract states explode fails here, instead of running on.
  const testModel = new TestModel(logic, { events: eventsAt, serializeState: serialize, limit: TRAVERSAL_LIMIT });
  const initial = logic.getInitialSnapshot(undefined, start.input);
  noteVisit(reached, initial);

  /**
   * A path's steps, the states computed again from the start: @xstate/graph keeps, for an
   * abstract state, the last concrete snapshot it met, not necessarily the one its events lead to.
   */
  const simulate = (events: readonly EventObject[]): PathStep[] => {
    const steps: PathStep[] = [{ event: { type: 'xstate.init' }, state: initial }];
    for (const event of events) steps.push({ event, state: machine.transition(steps.at(-1)!.state, event, scope) as AnyMachineSnapshot });
    return steps;
  };
  /** A path that ends in the middle of an agenda call goes on with the first answers the model has, until the turn ends. */
  const finished = (steps: PathStep[]): PathStep[] => {
    let last = steps.at(-1)!.state;
    for (let guard = 0; atRest(last, invocations) === 'busy' && guard < 10; guard += 1) {
      const answer = eventsAt(last).find(isActorEvent);
      if (!answer) break;
      last = machine.transition(last, answer, scope) as AnyMachineSnapshot;
      steps.push({ event: answer, state: last });
    }
    return steps;
  };

  // The start: the messages said first, each turn finished with the actors' first answers (or the answers named).
  let prefix = simulate([]);
  for (const said of start.after ?? []) {
    const at = prefix.at(-1)!.state;
    const events =
      typeof said === 'string'
        ? eventsOfText(said, model.pending ? model.pending(at) : defaultPending(model, at, invocations), model.people(at))
        : eventsAt(at)
            .filter((event) => isActorEvent(event) && 'label' in event && event.label === said.answer)
            .slice(0, 1);
    if (events.length === 0) throw new Error(`${model.name} [${startName}]: nothing answers "${typeof said === 'string' ? said : said.answer}" in ${describeValue(at.value)}`);
    prefix = simulate([...prefix.slice(1).map((step) => step.event), ...events]);
    if (typeof said === 'string') prefix = finished(prefix);
  }
  // (A machine's own start is left as it is: its first agenda call is what its exploration begins with.)
  if (prefix.length > 1) prefix = finished(prefix);
  const fromState = prefix.at(-1)!.state;
  depth.set(fromState, 0);
  const prefixEvents = prefix.slice(1).map((step) => step.event);

  /** A path's events from the machine's start: the start's own, then the path's. */
  const eventsOf = (path: { steps: Array<{ event: EventObject }> }) => [...prefixEvents, ...path.steps.slice(1).map((step) => step.event)];

  // Every abstract state, with the shortest path to it (one traversal: @xstate/graph's own deduplication would traverse again).
  const all = testModel.getShortestPaths({ fromState, allowDuplicatePaths: true });
  const toState = new Map(all.map((path) => [serialize(path.state), path]));
  // The paths replayed: the shortest paths not contained in another, each finishing its turn.
  const paths: ModelPath[] = withoutPrefixes(all.map(eventsOf)).map((events) => {
    const steps = finished(simulate(events));
    return { start: startName, steps, reason: `reaches ${describeValue(steps.at(-1)!.state.value)}` };
  });

  // The machine transitions those paths take, then one more path for each transition an explored event takes and they do not.
  const covered = new Set<string>();
  const takenBy = (from: AnyMachineSnapshot, event: EventObject): { next: AnyMachineSnapshot; taken: string[] } => {
    const taken: string[] = [];
    onMicrostep((_, transitions) => taken.push(...transitions.map(transitionKey)));
    const next = machine.transition(from, event, scope) as AnyMachineSnapshot;
    onMicrostep(undefined);
    return { next, taken };
  };
  for (const path of paths)
    for (const [index, step] of path.steps.entries()) if (index > 0) for (const key of takenBy(path.steps[index - 1]!.state, step.event).taken) covered.add(key);
  for (const edge of edges) {
    if (edge.transitions.every((key) => covered.has(key))) continue;
    const head = toState.get(serialize(edge.from));
    if (!head) continue;
    const steps = simulate(eventsOf(head));
    const { next, taken } = takenBy(steps.at(-1)!.state, edge.event);
    const fresh = taken.filter((key) => !covered.has(key));
    if (fresh.length === 0) continue;
    for (const key of fresh) covered.add(key);
    paths.push({ start: startName, steps: finished([...steps, { event: edge.event, state: next }]), reason: `takes ${fresh.join(', ')}` });
  }

  // Every abstract state where a turn may end must be one the engine can persist.
  const stuck = all
    .filter((path) => atRest(path.state, invocations) === 'stuck')
    .map((path) => `${describeValue(path.state.value)} (after ${eventsOf(path).map(describeEvent).join(' → ') || 'the start'})`);
  return { paths, states: all.length, stuck, reached };
}

/** The event sequences that are not the beginning of another (as `TestModel` deduplicates paths). */
function withoutPrefixes(sequences: readonly EventObject[][]): EventObject[][] {
  const ids = new Map<string, number>();
  const idsOf = (events: readonly EventObject[]) =>
    events.map((event) => {
      const key = JSON.stringify(event);
      if (!ids.has(key)) ids.set(key, ids.size);
      return ids.get(key)!;
    });
  const keyed = sequences.map((events) => ({ events, ids: idsOf(events) }));
  const prefixes = new Set<string>();
  for (const { ids: sequence } of keyed) for (let length = 0; length < sequence.length; length += 1) prefixes.add(sequence.slice(0, length).join(','));
  const seen = new Set<string>();
  return keyed
    .filter(({ ids: sequence }) => {
      const key = sequence.join(',');
      if (prefixes.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ events }) => events);
}

/** Whether a child machine of `snapshot`'s is running (it holds the question). */
function runsChildMachine(snapshot: AnyMachineSnapshot, invocations: Map<string, { src: string; machine: boolean }>): boolean {
  return activeInvocations(snapshot).some((invocation) => invocations.get(invocation.id)?.machine === true);
}

/** The machine's own last question, or the one standing for a running child machine's. */
function defaultPending(model: DialogModel, snapshot: AnyMachineSnapshot, invocations: Map<string, { src: string; machine: boolean }>): Pending {
  if (runsChildMachine(snapshot, invocations)) return model.childQuestion;
  return (snapshot.context as { lastPrompt?: Reply }).lastPrompt;
}

/** `form.awaitingSite` for `{ form: 'awaitingSite' }`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${key}.${describeValue(inner)}`)
    .join('+');
}

// ---- the texts Lina has -----------------------------------------------------------------------

const locale = JSON.parse(readFileSync(new URL('../../../locales/es-CO/lina.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const leaves = new Set<string>();
(function walk(node: Record<string, unknown>, prefix: string) {
  for (const [name, value] of Object.entries(node)) {
    if (typeof value === 'string') leaves.add(`${prefix}${name}`);
    else if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${prefix}${name}.`);
  }
})(locale, '');
const plural = new Intl.PluralRules('es-CO');

/** Whether i18next finds a text for `key` with `params`: the `context` variant or the key itself, each as such or in the plural form of `count`. */
export function hasText(key: string, params: ReplyParams | undefined): boolean {
  const context = typeof params?.context === 'string' && params.context !== '' ? params.context : undefined;
  const count = typeof params?.count === 'number' ? params.count : undefined;
  const found = (candidate: string) => leaves.has(candidate) || (count !== undefined && leaves.has(`${candidate}_${plural.select(count)}`));
  return (context !== undefined && found(`${key}_${context}`)) || found(key);
}

/** Every text key a reply says: its own, its options' and its items'. */
function keysOf(said: Reply): Array<{ key: string; params: ReplyParams | undefined }> {
  return [
    { key: said.key, params: said.params },
    ...(said.options ?? []).map((shown) => ({ key: shown.key, params: shown.params })),
    ...(said.items ?? []).map((item) => ({ key: item.key, params: item.params })),
  ];
}

// ---- replaying a path against the real machine -----------------------------------------------

/** What replaying the paths found. */
export interface Replay {
  states: Set<string>;
  transitions: Set<string>;
  /** Each problem once, with the first path that shows it and how many paths do. */
  problems: Map<string, { path: string; count: number }>;
  paths: number;
  steps: number;
}

export function emptyReplay(): Replay {
  return { states: new Set(), transitions: new Set(), problems: new Map(), paths: 0, steps: 0 };
}

/** The problems found, each with the first path that shows it. */
export function problemsOf(replay: Replay): string[] {
  return [...replay.problems].map(([message, { path, count }]) => `${message}\n    ${count === 1 ? 'path' : `first of ${count} paths`}: ${path}`);
}

/**
 * The parent a child machine runs under, registered as the conversation (children speak to it):
 * it relays the member's messages, "atrás" and `REPEAT` as the conversation does, and emits what
 * the child says. (Records are not checked here.)
 */
function benchFor(child: AnyStateMachine, input: unknown) {
  return setup({
    types: {
      events: {} as EventObject | SayEvent,
      emitted: {} as { type: 'reply'; reply: Reply },
    },
    actors: { child },
  }).createMachine({
    id: 'bench',
    initial: 'running',
    states: {
      running: {
        invoke: { id: 'child', src: 'child', input: () => input, onDone: 'finished', onError: 'finished' },
        on: {
          USER_MESSAGE: { actions: sendTo('child', ({ event }) => event) },
          BACK: { actions: sendTo('child', ({ event }) => event) },
          REPEAT: { actions: sendTo('child', ({ event }) => event) },
          SAY: { actions: emit(({ event }) => ({ type: 'reply' as const, reply: (event as SayEvent).reply })) },
        },
      },
      finished: { type: 'final' },
    },
  });
}

/** Lets a settled promise, and the events its actor then sends, run (a few microtasks; no timer). */
async function flush(): Promise<void> {
  for (let tick = 0; tick < 8; tick += 1) await Promise.resolve();
}

/** The actors the path being replayed started and not yet answered, by invocation id. */
let started = new Map<string, { resolve: (output: unknown) => void; reject: (error: unknown) => void }>();

/** Every actor of the machine faked: it answers when the path says so, with what the path carries. */
const fake = fromPromise<unknown, unknown>(
  ({ self }) =>
    new Promise((resolve, reject) => {
      started.set(self.id, { resolve, reject });
    }),
);

/** The real machine with its actors faked, and what it invokes: made once per model. */
const replayed = new WeakMap<DialogModel, { machine: AnyStateMachine; invocations: Map<string, { src: string; machine: boolean }>; benches: Map<string, AnyActorLogic> }>();
function replayedMachineOf(model: DialogModel) {
  let known = replayed.get(model);
  if (!known) {
    const machine = model.machine.provide({ actors: Object.fromEntries(Object.keys(model.machine.implementations.actors).map((src) => [src, fake])) });
    known = { machine, invocations: invocationsOf(model.machine), benches: new Map() };
    replayed.set(model, known);
  }
  return known;
}

/** Replays `path` against the real machine, its actors faked, into `replay`. */
export async function replayPath(model: DialogModel, path: ModelPath, replay: Replay): Promise<void> {
  const { machine, invocations, benches } = replayedMachineOf(model);
  started = new Map();
  const input = model.starts[path.start]?.input;
  const problem = (message: string) => {
    const key = `${model.name}: ${message}`;
    const known = replay.problems.get(key);
    if (known) known.count += 1;
    else replay.problems.set(key, { path: `[${path.start}] ${path.steps.map((step) => describeEvent(step.event)).join(' → ')}`, count: 1 });
  };

  let subject: unknown;
  let subjectSnapshot: AnyMachineSnapshot | undefined;
  const inspect = (inspection: InspectionEvent) => {
    // The machine under test: the root itself (the first actor of the system), or the bench's child.
    if (subject === undefined && inspection.type === '@xstate.actor' && (model.kind === 'root' || ('id' in inspection.actorRef && inspection.actorRef.id === 'child')))
      subject = inspection.actorRef;
    if (inspection.actorRef !== subject) return;
    if (inspection.type === '@xstate.microstep') {
      const transitions = inspection._transitions as TransitionLike[];
      for (const transition of transitions) replay.transitions.add(transitionKey(transition));
      noteVisit(replay.states, inspection.snapshot as AnyMachineSnapshot, transitions);
    }
    if (inspection.type === '@xstate.snapshot' && 'hasTag' in inspection.snapshot) {
      subjectSnapshot = inspection.snapshot as AnyMachineSnapshot;
      noteVisit(replay.states, subjectSnapshot);
    }
  };

  const replies: Reply[] = [];
  let logic: AnyActorLogic | undefined = model.kind === 'root' ? machine : benches.get(path.start);
  if (!logic) benches.set(path.start, (logic = benchFor(machine, input)));
  const actor = createActor(logic, { input, systemId: CONVERSATION_SYSTEM_ID, inspect });
  actor.on('reply', (event: { reply: Reply }) => replies.push(event.reply));
  actor.start();
  if (model.kind === 'root') subjectSnapshot = actor.getSnapshot() as AnyMachineSnapshot;
  replay.paths += 1;

  let turnStart = 0;
  let turnTrigger = 'the start';
  const endTurn = (index: number) => {
    const snapshot = subjectSnapshot;
    if (!snapshot) return problem(`no snapshot of the machine after ${turnTrigger}`);
    const rest = atRest(snapshot, invocations);
    if (rest === 'busy' || rest === 'stuck') {
      problem(`the turn of ${turnTrigger} ends in ${describeValue(snapshot.value)}, which neither waits for the member, nor is final, nor runs a child machine (${rest})`);
    }
    const said = replies.slice(turnStart);
    // A new conversation waits for its first message in silence: the engine sends it at once.
    const creation = index === 0 && model.kind === 'root';
    if (rest === 'waiting' && said.length === 0 && !creation) problem(`the turn of ${turnTrigger} ends waiting in ${describeValue(snapshot.value)} and said nothing`);
    for (const reply of said)
      for (const { key, params } of keysOf(reply))
        if (!hasText(key, params)) problem(`says "${key}"${params?.context ? ` (context ${String(params.context)})` : ''}, which locales/es-CO/lina.json does not have`);
    turnStart = replies.length;
  };

  try {
    await flush();
    for (const [index, step] of path.steps.entries()) {
      if (index > 0) {
        const event = step.event;
        replay.steps += 1;
        if (isActorEvent(event)) {
          const id = event.type.replace(/^xstate\.(done|error)\.actor\./, '');
          const call = started.get(id);
          if (!call) return void problem(`expected the actor "${id}" to be running before ${describeEvent(event)}, but the machine never invoked it`);
          started.delete(id);
          if ('output' in event) call.resolve(event.output);
          else call.reject((event as { error?: unknown }).error);
        } else {
          actor.send(event);
        }
        await flush();
      }
      const next = path.steps[index + 1];
      // A turn ends before the next event from the member or the parent ("who writes" goes with the message after it).
      const previousWasWriter = step.event.type === 'WRITER';
      if ((next === undefined || !isActorEvent(next.event)) && !previousWasWriter) endTurn(index);
      if (!previousWasWriter && next && !isActorEvent(next.event)) turnTrigger = describeEvent(next.event);
      const real = subjectSnapshot;
      if (!real || JSON.stringify(real.value) !== JSON.stringify(step.state.value) || real.status !== step.state.status) {
        return void problem(
          `after ${describeEvent(step.event)} the machine is in ${real ? `${describeValue(real.value)} (${real.status})` : 'nothing'}, the model in ${describeValue(step.state.value)} (${step.state.status})`,
        );
      }
    }
  } finally {
    actor.stop();
  }
}

// ---- the table --------------------------------------------------------------------------------

export interface CoverageRow {
  machine: string;
  states: number;
  statesTotal: number;
  transitions: number;
  transitionsTotal: number;
  modelStates: number;
  paths: number;
  steps: number;
  ms: number;
}

export function coverageTable(rows: readonly CoverageRow[]): string {
  const header = ['machine', 'states reached', 'transitions taken', 'abstract states', 'paths', 'steps', 'ms'];
  const lines = rows.map((row) => [
    row.machine,
    `${row.states} / ${row.statesTotal}`,
    `${row.transitions} / ${row.transitionsTotal} (${Math.round((100 * row.transitions) / row.transitionsTotal)} %)`,
    String(row.modelStates),
    String(row.paths),
    String(row.steps),
    String(row.ms),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}
