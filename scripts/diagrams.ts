/**
 * `npm run diagrams`: draws every dialog machine as a Mermaid `stateDiagram-v2` in
 * docs/machines/<machine>.md, from the machines' own definitions (their state nodes, initial
 * and final states, transitions with their events and guards, the actors they invoke).
 * `--check` writes nothing and fails when a committed diagram is out of date (the test
 * test/scripts/diagrams.test.ts does the same).
 *
 * TypeScript run with tsx: it imports the machines themselves.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { bookingMachine } from '../dialogs/booking.machine.js';
import { cancelMachine } from '../dialogs/cancel.machine.js';
import { conversationMachine } from '../dialogs/conversation.machine.js';
import { rescheduleMachine } from '../dialogs/reschedule.machine.js';
import { slotFinderMachine } from '../dialogs/slot-finder.machine.js';
import { takeSlotMachine } from '../dialogs/take-slot.machine.js';

type StateNode = AnyStateMachine['root'];
/** A transition as the machine's state nodes hold it. */
type Transition = StateNode['transitions'] extends Map<string, Array<infer T>> ? T : never;

/** Every machine Lina has: the file its diagram goes to, its export and source, and what it does. */
export const MACHINES: ReadonlyArray<{ name: string; machine: AnyStateMachine; exported: string; source: string; about: string }> = [
  {
    name: 'conversation',
    machine: conversationMachine,
    exported: 'conversationMachine',
    source: 'dialogs/conversation.machine.ts',
    about: 'The root of every conversation: greeting, authorisation, identification, patient, menu and the operations it runs.',
  },
  {
    name: 'booking',
    machine: bookingMachine,
    exported: 'bookingMachine',
    source: 'dialogs/booking.machine.ts',
    about: 'Booking: the form (specialty, visit type, site), the checks before a slot is sought, then taking a slot.',
  },
  {
    name: 'take-slot',
    machine: takeSlotMachine,
    exported: 'takeSlotMachine',
    source: 'dialogs/take-slot.machine.ts',
    about: 'Taking a slot, shared by booking and rescheduling: the band, the slot finder, the confirmation and the commit.',
  },
  {
    name: 'slot-finder',
    machine: slotFinderMachine,
    exported: 'slotFinderMachine',
    source: 'dialogs/slot-finder.machine.ts',
    about: 'Finding a slot: pages, days, a named day or time, and the no-availability ladder up to a RISS case.',
  },
  {
    name: 'cancel',
    machine: cancelMachine,
    exported: 'cancelMachine',
    source: 'dialogs/cancel.machine.ts',
    about: 'Cancelling an appointment: which one, a confirmation that names it, the cancellation.',
  },
  {
    name: 'reschedule',
    machine: rescheduleMachine,
    exported: 'rescheduleMachine',
    source: 'dialogs/reschedule.machine.ts',
    about: 'Rescheduling an appointment: which one, then taking a new slot, which moves it in one call.',
  },
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const diagramFile = (name: string) => `docs/machines/${name}.md`;

/** A guard as a label: its name (with its parameter), `a and b`, `not a`; an inline guard has none. */
export function guardLabel(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const combined = (guard as { guards?: unknown[] }).guards;
    if (Array.isArray(combined) && (guard.name === 'and' || guard.name === 'or')) return combined.map(guardLabel).join(` ${guard.name} `);
    if (Array.isArray(combined) && guard.name === 'not') return `not ${guardLabel(combined[0])}`;
    return guard.name && guard.name !== 'guard' ? guard.name : 'inline guard';
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const params = (guard as { params?: unknown }).params;
    return typeof params === 'string' || typeof params === 'number' ? `${String(guard.type)} ${String(params)}` : String(guard.type);
  }
  return 'guard';
}

/** Every state node under `node`, in document order. */
function descendantsOf(node: StateNode): StateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...descendantsOf(child)]);
}

/** A state's id in the diagram: its path, joined (state ids are global in a Mermaid diagram). */
const idOf = (node: StateNode) => node.path.join('_');

/** The actor an invocation runs, by name: xstate gives every state node's invocation a string `src` (its key, or `xstate.invoke.<id>` for inline logic), whatever its type says. */
const srcOf = (invocation: { src: unknown }): string => invocation.src as string;

/** The actor an invocation id names, among those of `node` and its ancestors. */
function invokedSrc(node: StateNode, id: string): string {
  for (let at: StateNode | undefined = node; at; at = at.parent) {
    const invocation = at.invoke.find((candidate) => candidate.id === id);
    if (invocation) return srcOf(invocation);
  }
  return id;
}

/** A transition's label: its event (`done(actor)`, `error(actor)`, `always` for eventless ones) and its guard. */
function transitionLabel(transition: Transition): string {
  const type = transition.eventType as string;
  const event =
    type === ''
      ? 'always'
      : type.startsWith('xstate.done.actor.')
        ? `done(${invokedSrc(transition.source, type.slice('xstate.done.actor.'.length))})`
        : type.startsWith('xstate.error.actor.')
          ? `error(${invokedSrc(transition.source, type.slice('xstate.error.actor.'.length))})`
          : type;
  return transition.guard === undefined ? event : `${event} [${guardLabel(transition.guard)}]`;
}

/** What a state's box says besides its name: that it waits for the member, the actor it invokes. */
function descriptionsOf(machine: AnyStateMachine, node: StateNode): string[] {
  const actors = machine.implementations.actors as Record<string, unknown>;
  const invoked = node.invoke.map((invocation) => {
    const logic = actors[srcOf(invocation)];
    return typeof logic === 'object' && logic !== null && 'getStateNodeById' in logic ? `runs the ${srcOf(invocation)} machine` : `calls ${srcOf(invocation)}`;
  });
  return [...(node.tags.includes('awaitingInput') ? ['waits for the member'] : []), ...invoked, ...(node.type === 'history' ? ['the last state it was in'] : [])];
}

/** The machine as a Mermaid `stateDiagram-v2`: states (nested ones in their parent), initial and final states, then every transition that changes state. */
export function diagramOf(machine: AnyStateMachine): string {
  const lines = ['stateDiagram-v2'];
  const declare = (node: StateNode, indent: string) => {
    const id = idOf(node);
    const children = Object.values(node.states);
    if (children.length > 0) {
      // (A composite state shows its id; Mermaid gives it no other label nor description.)
      lines.push(`${indent}state ${id} {`);
      const initial = node.initial?.target[0];
      if (initial) lines.push(`${indent}  [*] --> ${idOf(initial)}`);
      for (const child of children) declare(child, `${indent}  `);
      lines.push(`${indent}}`);
      return;
    }
    const descriptions = descriptionsOf(machine, node);
    if (id !== node.key) lines.push(`${indent}state "${node.key}" as ${id}`);
    else if (descriptions.length === 0) lines.push(`${indent}${id}`);
    for (const description of descriptions) lines.push(`${indent}${id} : ${description}`);
    if (node.type === 'final') lines.push(`${indent}${id} --> [*]`);
  };
  const root = machine.root;
  const rootInitial = root.initial?.target[0];
  if (rootInitial) lines.push(`  [*] --> ${idOf(rootInitial)}`);
  for (const child of Object.values(root.states)) declare(child, '  ');
  // Transitions that only say something or remember it, staying in their state, are left out.
  const moves = (node: StateNode) => [...[...node.transitions.values()].flat(), ...(node.always ?? [])].filter((transition) => (transition.target ?? []).length > 0);
  const fromRoot = moves(root);
  if (fromRoot.length > 0) lines.push('  state "any state" as anyState');
  for (const transition of fromRoot) for (const target of transition.target ?? []) lines.push(`  anyState --> ${idOf(target)} : ${transitionLabel(transition)}`);
  for (const node of descendantsOf(root)) {
    for (const transition of moves(node)) for (const target of transition.target ?? []) lines.push(`  ${idOf(node)} --> ${idOf(target)} : ${transitionLabel(transition)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The Markdown file of one machine: a heading, a sentence, the diagram. */
export function markdownOf(entry: (typeof MACHINES)[number]): string {
  return [
    `# The ${entry.name} machine`,
    '',
    `${entry.about} \`${entry.exported}\` in [${entry.source}](../../${entry.source}), drawn from its definition by \`npm run diagrams\` (do not edit by hand): each label is the event and, in brackets, its guard; \`done(x)\` and \`error(x)\` are the answers of the invoked actor \`x\`; transitions that stay in their state (saying something, remembering something) are left out.`,
    '',
    '```mermaid',
    diagramOf(entry.machine).trimEnd(),
    '```',
    '',
  ].join('\n');
}

/** Each machine's file and what it should hold. */
export function machineDiagrams(): Array<{ file: string; text: string }> {
  return MACHINES.map((entry) => ({ file: diagramFile(entry.name), text: markdownOf(entry) }));
}

function main(args: readonly string[]) {
  const check = args.includes('--check');
  const stale: string[] = [];
  for (const { file, text } of machineDiagrams()) {
    const path = `${ROOT}${file}`;
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === text) continue;
    if (check) {
      stale.push(file);
      continue;
    }
    mkdirSync(`${ROOT}docs/machines`, { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${file}`);
  }
  if (stale.length > 0) {
    console.error(`out of date: ${stale.join(', ')}; run \`npm run diagrams\``);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
