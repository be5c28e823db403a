/**
 * A test bench for the child dialog machines (slot finder, booking, cancel, reschedule).
 *
 * Children talk to their parent with `sendParent({ type: 'SAY', reply })`, so they cannot run
 * on their own. `startDialog` invokes the child under a tiny parent machine that forwards the
 * member's events to it, collects every `SAY` it receives, and keeps the child's output when it
 * finishes. A test then reads like a conversation:
 *
 * ```ts
 * const chat = await startDialog(cancelMachine.provide({ actors }), { patient });
 * await chat.say('1', 'apt-1');
 * assert.deepEqual(chat.keys(), ['cancel.confirm']);
 * ```
 *
 * Also here: `fakeActor` (a `fromPromise` that records its inputs) and small domain fixtures.
 */
import { describeState, isSettled } from '../../dialogs/settled.js';
import {
  assign,
  createActor,
  emit,
  fromPromise,
  sendTo,
  setup,
  type AnyActorRef,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type InputFrom,
  type OutputFrom,
} from 'xstate';
import { AgendaError, type AgendaErrorCode } from '../../bot/agenda.errors.js';
import type { Appointment, Cups, Patient, RissCase, SiteCode, Slot, Specialty } from '../../bot/domain.js';
import type { DialogEvent } from '../../dialogs/events.js';
import type { Reply } from '../../dialogs/replies.js';
import type { SayEvent } from '../../dialogs/speech.js';

/** A turn that never settles is a bug in the machine or the test, not a slow machine. */
const SETTLE_TIMEOUT_MS = 2000;

type BenchEvent = DialogEvent | SayEvent;

export { describeState, isSettled };

/** The bench's parent machine around one child machine. */
function createBench<TChild extends AnyStateMachine>(child: TChild, input: InputFrom<TChild>) {
  return setup({
    types: {
      context: {} as { output?: OutputFrom<TChild>; error?: unknown },
      events: {} as BenchEvent,
      emitted: {} as { type: 'reply'; reply: Reply },
    },
    actors: { child: child as AnyStateMachine },
  }).createMachine({
    id: 'bench',
    context: {},
    initial: 'running',
    states: {
      running: {
        invoke: {
          id: 'child',
          src: 'child',
          input: () => input,
          onDone: { target: 'finished', actions: assign({ output: ({ event }) => event.output as OutputFrom<TChild> }) },
          onError: { target: 'crashed', actions: assign({ error: ({ event }) => event.error }) },
        },
        on: {
          USER_MESSAGE: { actions: sendTo('child', ({ event }) => event) },
          HELP: { actions: sendTo('child', ({ event }) => event) },
          SAY: { actions: emit(({ event }) => ({ type: 'reply' as const, reply: event.reply })) },
        },
      },
      finished: { type: 'final' },
      crashed: { type: 'final' },
    },
  });
}

export interface DialogBench<TOutput> {
  /** The member writes `text`, `choice` being the option the engine matched it to; waits until settled. */
  say(text: string, choice?: string): Promise<Reply[]>;
  /** "ayuda": the `HELP` event; waits until settled. */
  help(): Promise<Reply[]>;
  /** Every reply since the start. */
  readonly replies: Reply[];
  /** The replies to the last step (the start counts as one). */
  lastReplies(): Reply[];
  /** The keys of the replies to the last step. */
  keys(): string[];
  /** The last reply of the last step that carried a question (options), or the last reply. */
  lastPrompt(): Reply | undefined;
  /** The last reply said with this key, in the whole dialog. */
  lastSaid(key: string): Reply | undefined;
  /** The child's output once it finished, otherwise undefined. */
  output(): TOutput | undefined;
  /** Whether the child has finished. */
  done(): boolean;
  /** The messageId sent with the last `say`. */
  lastMessageId(): string;
  /** The state path of the child under test, down its machine children (`findingSlot.awaitingSlot`). */
  state(): string;
  /** The context of the first machine actor with this id anywhere under the bench (e.g. `slotFinder`). */
  contextOf(id: string): Record<string, unknown> | undefined;
  stop(): void;
}

let benches = 0;

/**
 * Starts `child` (already given its fake actors with `provide`) under the bench parent and waits
 * for its first settled state. The replies said on the way make the first step.
 */
export async function startDialog<TChild extends AnyStateMachine>(
  child: TChild,
  input: InputFrom<TChild>,
): Promise<DialogBench<OutputFrom<TChild>>> {
  benches += 1;
  const bench = benches;
  const actor = createActor(createBench(child, input));
  const replies: Reply[] = [];
  let stepStart = 0;
  let messages = 0;
  let lastMessageId = '';
  actor.on('reply', (event) => replies.push(event.reply));
  actor.start();

  const childSnapshot = (): AnyMachineSnapshot | undefined => {
    const ref = (actor.getSnapshot().children as Record<string, AnyActorRef | undefined>).child;
    return ref?.getSnapshot() as AnyMachineSnapshot | undefined;
  };

  function settle(): Promise<void> {
    return new Promise((resolve, reject) => {
      let finished = false;
      const check = () => {
        if (finished) return;
        const snapshot = actor.getSnapshot();
        if (snapshot.context.error !== undefined) {
          finish();
          reject(snapshot.context.error instanceof Error ? snapshot.context.error : new Error(String(snapshot.context.error)));
        } else if (isSettled(snapshot)) {
          finish();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`dialog did not settle; stuck in ${describeState(actor.getSnapshot())}`));
      }, SETTLE_TIMEOUT_MS);
      // Grandchildren change without the root's snapshot changing: watch the whole system.
      const inspection = actor.system.inspect({ next: () => queueMicrotask(check) });
      const subscription = actor.subscribe({ next: check, error: (error) => (finish(), reject(error)) });
      function finish() {
        finished = true;
        clearTimeout(timer);
        inspection.unsubscribe();
        subscription.unsubscribe();
      }
      check();
    });
  }

  async function step(event: DialogEvent): Promise<Reply[]> {
    if (actor.getSnapshot().status !== 'active') throw new Error('the dialog has already finished');
    stepStart = replies.length;
    actor.send(event);
    await settle();
    return replies.slice(stepStart);
  }

  await settle();

  const findContext = (snapshot: AnyMachineSnapshot | undefined, id: string): Record<string, unknown> | undefined => {
    if (!snapshot) return undefined;
    for (const [childId, ref] of Object.entries(snapshot.children as Record<string, AnyActorRef | undefined>)) {
      const nested = ref?.getSnapshot() as AnyMachineSnapshot | undefined;
      if (typeof nested?.hasTag !== 'function') continue;
      if (childId === id) return nested.context as Record<string, unknown>;
      const deeper = findContext(nested, id);
      if (deeper) return deeper;
    }
    return undefined;
  };

  return {
    replies,
    say(text, choice) {
      messages += 1;
      lastMessageId = `b${bench}-m${messages}`;
      return step({ type: 'USER_MESSAGE', text, messageId: lastMessageId, ...(choice !== undefined ? { choice } : {}) });
    },
    help: () => step({ type: 'HELP' }),
    lastReplies: () => replies.slice(stepStart),
    keys: () => replies.slice(stepStart).map((said) => said.key),
    lastPrompt() {
      const said = replies.slice(stepStart);
      return [...said].reverse().find((one) => one.options !== undefined) ?? said.at(-1);
    },
    lastSaid: (key) => [...replies].reverse().find((said) => said.key === key),
    output: () => actor.getSnapshot().context.output,
    done: () => actor.getSnapshot().status === 'done',
    lastMessageId: () => lastMessageId,
    state() {
      const snapshot = childSnapshot();
      return snapshot ? describeState(snapshot) : '(finished)';
    },
    contextOf: (id) => findContext(actor.getSnapshot() as AnyMachineSnapshot, id),
    stop: () => actor.stop(),
  };
}

/** A fake promise actor that records every input it is given and answers with `answer`. */
export function fakeActor<TOutput, TInput>(answer: (input: TInput, call: number) => TOutput | Promise<TOutput>) {
  const calls: TInput[] = [];
  const logic = fromPromise<TOutput, TInput>(async ({ input }) => {
    calls.push(input);
    return answer(input, calls.length);
  });
  return { logic, calls };
}

/** Answers from a script, one entry per call; the last entry repeats. An `Error` entry rejects. */
export function scripted<TOutput, TInput>(...answers: Array<TOutput | Error>) {
  return fakeActor<TOutput, TInput>((_, call) => {
    const answer = answers[Math.min(call, answers.length) - 1];
    if (answer instanceof Error) throw answer;
    return answer as TOutput;
  });
}

export function agendaError(code: AgendaErrorCode): AgendaError {
  return new AgendaError(code, `fake ${code}`);
}

// ---- fixtures ----------------------------------------------------------------------------

/** The day the tests live in: Monday 23 November 2026 in Bogotá. */
export const TODAY = '2026-11-23';

export function makePatient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: 'pat-1',
    documentType: 'CC',
    documentNumber: '1010101010',
    firstName: 'Laura',
    lastName: 'Gómez',
    birthDate: '1994-03-15',
    plan: 'PBS',
    status: 'active',
    treatingDoctors: [],
    ...overrides,
  };
}

let slotCounter = 0;

/** Slots 20 minutes apart from 24 Nov 2026 07:00, earliest first, at SUBA by default. */
export function makeSlots(count: number, overrides: Partial<Slot> = {}): Slot[] {
  return Array.from({ length: count }, () => {
    slotCounter += 1;
    const start = new Date(Date.parse('2026-11-24T12:00:00Z') + slotCounter * 20 * 60_000);
    return {
      id: `slot-${slotCounter}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 20 * 60_000).toISOString(),
      site: 'SUBA' as SiteCode,
      specialty: 'medicina_general' as Specialty,
      doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' },
      ...overrides,
    };
  });
}

export function makeAppointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'apt-1',
    patientId: 'pat-1',
    cups: '890201' as Cups,
    specialty: 'medicina_general',
    site: 'KENNEDY',
    start: '2026-11-26T14:00:00.000Z',
    end: '2026-11-26T14:20:00.000Z',
    doctor: { id: 'doc-kennedy-1', name: 'Dr. Andrés Rojas' },
    status: 'booked',
    ...overrides,
  };
}

export function makeRissCase(overrides: Partial<RissCase> = {}): RissCase {
  return {
    radicado: 'RISS-2026-000123',
    patientId: 'pat-1',
    specialty: 'medicina_general',
    cups: '890201',
    site: 'SUBA',
    email: 'laura.gomez@example.com',
    createdAt: '2026-11-23T13:00:00.000Z',
    dueDate: '2026-11-30',
    status: 'open',
    ...overrides,
  };
}
