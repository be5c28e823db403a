/**
 * A test bench for the child dialog machines (slot finder, take slot, booking, cancel,
 * reschedule), and the reading step the engine runs before every event.
 *
 * Machines never see text: the engine reads each message with the understanding step against
 * the question the conversation waits on, then turns what it understood into an event. The
 * bench does exactly that. `say(text)` renders the pending prompt (the last reply with
 * `expects` the machine under test said) into the expectation the engine would build, adds the
 * names of the people the member may choose, runs the REAL understanding step, and sends
 * `toDialogEvent(understood, messageId)`. A test therefore reads like a conversation:
 *
 * ```ts
 * const chat = await startDialog(cancelMachine.provide({ actors }), { patient, patients });
 * await chat.say('la dos');
 * assert.deepEqual(chat.keys(), ['cancel.confirm']);
 * ```
 *
 * `send(event)` is the escape hatch: it sends an explicit event, unread, when a test needs one
 * the understanding step would not produce.
 *
 * Children send what they say to the conversation's root actor (`CONVERSATION_SYSTEM_ID`), so
 * they cannot run on their own: the bench invokes the child under a tiny root that plays the
 * conversation's part. It forwards messages and "atrás" to the child; answers "ayuda", greetings and thanks
 * itself and asks the child to repeat its question (`REPEAT`), as the conversation does; ends
 * the child on "menú" or "salir"; and collects every `SAY` and `RECORD`.
 *
 * Also here: `fakeActor` (a `fromPromise` that records its inputs), `scripted`, actors backed by
 * the in-memory fake agenda, and small domain fixtures.
 */
import { assign, createActor, emit, fromPromise, sendTo, setup, type AnyActorRef, type AnyMachineSnapshot, type AnyStateMachine, type InputFrom, type OutputFrom } from 'xstate';
import { AgendaError, type AgendaErrorCode } from '../../bot/agenda.errors.js';
import { bogotaInstant } from '../../bot/calendar.js';
import type { Appointment, Patient, RissCase, Slot, Specialty } from '../../bot/domain.js';
import { Renderer } from '../../bot/rendering/renderer.js';
import { availableDaysIn, bookingOf, moveOf, searchSlotsIn } from '../../bot/dialog-actors.js';
import { loadUnderstanding } from '../../bot/understanding/load.js';
import type { Expectation, Understanding } from '../../bot/understanding/types.js';
import type { BookingRestrictions } from '../../dialogs/booking.machine.js';
import { toDialogEvent, type DialogEvent } from '../../dialogs/events.js';
import type { PatientChoice } from '../../dialogs/patients.js';
import type { ConversationRecord, RecordEvent } from '../../dialogs/records.js';
import { reply, type Reply } from '../../dialogs/replies.js';
import { describeState, isSettled } from '../../dialogs/settled.js';
import type { AvailableDay, AvailableDaysInput, CreateCaseInput, SearchSlotsInput } from '../../dialogs/slot-finder.machine.js';
import { CONVERSATION_SYSTEM_ID, type RepeatEvent, type SayEvent } from '../../dialogs/speech.js';
import type { CommitInput } from '../../dialogs/take-slot.machine.js';
import { normalizeText } from '../../dialogs/text.js';
import type { FakeAgenda } from '../fakes/agenda.fake.js';

/** A turn that never settles is a bug in the machine or the test, not a slow machine. */
const SETTLE_TIMEOUT_MS = 2000;

export { describeState, isSettled };

// ---- reading a message, as the engine does ------------------------------------------------

/** The moment the tests live in: Monday 23 November 2026, 08:00 in Bogotá. */
export const NOW = new Date('2026-11-23T08:00:00-05:00');

/** The renderer the engine would use; its texts are what the understanding step compares answers with. */
export const renderer = new Renderer({ supportPhone: '601 4441234', supportHours: 'lunes a sábado' });

const understand = loadUnderstanding();

/**
 * What the engine hands the understanding step: the pending question with its options as
 * shown, and, once the member is known, the first names they may mention.
 */
export function expectationFor(pending: Reply | undefined, people: readonly string[] | undefined, now: Date = NOW): Expectation {
  return { ...renderer.expectation(pending, now), ...(people && people.length > 0 ? { people: [...people] } : {}) };
}

/** The real understanding step over `text`, read against `pending`. */
export function read(text: string, pending: Reply | undefined, people?: readonly string[], now: Date = NOW): Understanding {
  return understand(text, expectationFor(pending, people, now), now);
}

/** The first message of a conversation, read as the engine reads it: against nothing asked yet (`start`). */
export function readFirstMessage(text: string, now: Date = NOW): Understanding {
  return understand(text, { question: 'start', options: [] }, now);
}

/** The names the engine passes as `people`: the member first, then the beneficiaries, lower case without accents. */
export function peopleOf(patients: readonly PatientChoice[] | undefined): string[] {
  if (!patients) return [];
  const ordered = [...patients.filter((choice) => choice.self), ...patients.filter((choice) => !choice.self)];
  return ordered.map((choice) => normalizeText(choice.patient.firstName));
}

/** The last question among `replies`: what the next message is read against. */
export function pendingIn(replies: readonly Reply[]): Reply | undefined {
  return [...replies].reverse().find((said) => said.expects !== undefined);
}

// ---- the bench ------------------------------------------------------------------------------

type BenchEvent = DialogEvent | SayEvent | RecordEvent;

/** The bench's parent machine around one child machine: the conversation's part, and nothing more. */
function createBench<TChild extends AnyStateMachine>(child: TChild, input: InputFrom<TChild>) {
  return setup({
    types: {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion is what xstate infers the context type from; without it the context is `{}`
      context: {} as { output?: OutputFrom<TChild>; error?: unknown; left?: 'MENU' | 'EXIT' },
      events: {} as BenchEvent,
      emitted: {} as { type: 'reply'; reply: Reply } | { type: 'record'; record: ConversationRecord },
    },
    actors: { child: child as AnyStateMachine },
    actions: {
      sayHere: emit((_, said: Reply) => ({ type: 'reply' as const, reply: said })),
      repeat: sendTo('child', { type: 'REPEAT' } satisfies RepeatEvent),
    },
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
          BACK: { actions: sendTo('child', ({ event }) => event) },
          HELP: { actions: [{ type: 'sayHere', params: reply('help.support') }, 'repeat'] },
          GREET: { actions: [{ type: 'sayHere', params: reply('common.greetAgain') }, 'repeat'] },
          THANKS: { actions: [{ type: 'sayHere', params: reply('common.youAreWelcome') }, 'repeat'] },
          MENU: { target: 'finished', actions: assign({ left: 'MENU' as const }) },
          EXIT: { target: 'finished', actions: assign({ left: 'EXIT' as const }) },
          SAY: { actions: emit(({ event }) => ({ type: 'reply' as const, reply: event.reply })) },
          RECORD: { actions: emit(({ event }) => ({ type: 'record' as const, record: event.record })) },
        },
      },
      finished: { type: 'final' },
      crashed: { type: 'final' },
    },
  });
}

export interface DialogBench<TOutput> {
  /**
   * The member writes `text`: read by the real understanding step against the pending prompt
   * (with the people the member may choose), turned into the event the engine would send, and
   * sent. Waits until settled; returns the replies to it.
   */
  say(text: string): Promise<Reply[]>;
  /** The escape hatch: sends this event as it is, unread. Waits until settled. */
  send(event: DialogEvent): Promise<Reply[]>;
  /** What the understanding step read in the last `say`. */
  understood(): Understanding | undefined;
  /** The question the next message will be read against. */
  pending(): Reply | undefined;
  /** Every reply since the start. */
  readonly replies: Reply[];
  /** Every record (milestones, subjects) since the start. */
  readonly records: ConversationRecord[];
  /** The replies to the last step (the start counts as one). */
  lastReplies(): Reply[];
  /** The keys of the replies to the last step. */
  keys(): string[];
  /** The last question of the last step, or its last reply. */
  lastPrompt(): Reply | undefined;
  /** The last reply said with this key, in the whole dialog. */
  lastSaid(key: string): Reply | undefined;
  /** The child's output once it finished, otherwise undefined. */
  output(): TOutput | undefined;
  /** Whether the child has finished (or the member left with "menú" or "salir"). */
  done(): boolean;
  /** The messageId of the last message said or sent. */
  lastMessageId(): string;
  /** The state path of the child under test, down its machine children (`findingSlot.awaitingSlot`). */
  state(): string;
  /** The context of the first machine actor with this id anywhere under the bench (e.g. `slotFinder`). */
  contextOf(id: string): Record<string, unknown> | undefined;
  stop(): void;
}

/**
 * Resolves once `actor` has settled as the engine waits for it (waiting for the member in it or
 * in the operation it runs, or finished); rejects when `failed` reports an error, or after
 * `SETTLE_TIMEOUT_MS`. Grandchildren change without the root's snapshot changing: the whole
 * system is watched.
 */
export function untilSettled(actor: AnyActorRef, failed: () => Error | undefined = () => undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const check = () => {
      if (finished) return;
      const error = failed();
      if (error) {
        finish();
        reject(error);
      } else if (isSettled(actor.getSnapshot() as AnyMachineSnapshot)) {
        finish();
        resolve();
      }
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`dialog did not settle; stuck in ${describeState(actor.getSnapshot() as AnyMachineSnapshot)}`));
    }, SETTLE_TIMEOUT_MS);
    const inspection = actor.system.inspect({ next: () => queueMicrotask(check) });
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the actor's own error, passed on as it is
    const subscription = actor.subscribe({ next: check, error: (error: unknown) => (finish(), reject(error)) });
    function finish() {
      finished = true;
      clearTimeout(timer);
      inspection.unsubscribe();
      subscription.unsubscribe();
    }
    check();
  });
}

let benches = 0;

export interface DialogOptions {
  /** The names the member may mention; by default those of `input.patients`, the member first. */
  people?: string[];
  /** When the member writes: dates are read relative to it. */
  now?: Date;
}

/**
 * Starts `child` (already given its fake actors with `provide`) under the bench parent and waits
 * for its first settled state. The replies said on the way make the first step.
 */
export async function startDialog<TChild extends AnyStateMachine>(child: TChild, input: InputFrom<TChild>, options: DialogOptions = {}): Promise<DialogBench<OutputFrom<TChild>>> {
  benches += 1;
  const bench = benches;
  const now = options.now ?? NOW;
  const people = options.people ?? peopleOf((input as { patients?: PatientChoice[] }).patients);
  const actor = createActor(createBench(child, input), { systemId: CONVERSATION_SYSTEM_ID });
  const replies: Reply[] = [];
  const records: ConversationRecord[] = [];
  let stepStart = 0;
  let messages = 0;
  let lastMessageId = '';
  let lastUnderstood: Understanding | undefined;
  actor.on('reply', (event) => replies.push(event.reply));
  actor.on('record', (event) => records.push(event.record));
  actor.start();

  const childSnapshot = (): AnyMachineSnapshot | undefined => {
    const ref = (actor.getSnapshot().children as Record<string, AnyActorRef | undefined>).child;
    return ref?.getSnapshot() as AnyMachineSnapshot | undefined;
  };

  const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
  const settle = () =>
    untilSettled(actor, () => {
      const error = actor.getSnapshot().context.error;
      return error === undefined ? undefined : asError(error);
    });

  async function step(event: DialogEvent): Promise<Reply[]> {
    if (actor.getSnapshot().status !== 'active') throw new Error('the dialog has already finished');
    stepStart = replies.length;
    actor.send(event);
    await settle();
    return replies.slice(stepStart);
  }

  const nextMessageId = () => {
    messages += 1;
    lastMessageId = `b${bench}-m${messages}`;
    return lastMessageId;
  };

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
    records,
    say(text) {
      lastUnderstood = read(text, pendingIn(replies), people, now);
      return step(toDialogEvent(lastUnderstood, nextMessageId()));
    },
    send(event) {
      if (event.type === 'USER_MESSAGE') lastMessageId = event.messageId;
      return step(event);
    },
    understood: () => lastUnderstood,
    pending: () => pendingIn(replies),
    lastReplies: () => replies.slice(stepStart),
    keys: () => replies.slice(stepStart).map((said) => said.key),
    lastPrompt() {
      const said = replies.slice(stepStart);
      return pendingIn(said) ?? said.at(-1);
    },
    lastSaid: (key) => [...replies].reverse().find((said) => said.key === key),
    output: () => actor.getSnapshot().context.output,
    done: () => actor.getSnapshot().status === 'done',
    lastMessageId: () => lastMessageId,
    state() {
      const snapshot = childSnapshot();
      return snapshot ? statePath(snapshot) : '(finished)';
    },
    contextOf: (id) => findContext(actor.getSnapshot() as AnyMachineSnapshot, id),
    stop: () => actor.stop(),
  };
}

/** `takingSlot.findingSlot.awaitingSlot`: the state path, nested states and running machine children joined by dots. */
export function statePath(snapshot: AnyMachineSnapshot): string {
  const own = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Object.entries(value as Record<string, unknown>)
          .map(([key, nested]) => `${key}.${own(nested)}`)
          .join(',');
  const child = Object.values(snapshot.children as Record<string, AnyActorRef | undefined>)
    .map((ref) => ref?.getSnapshot() as AnyMachineSnapshot | undefined)
    .find((nested) => typeof nested?.hasTag === 'function' && nested.status === 'active');
  return child ? `${own(snapshot.value)}.${statePath(child)}` : own(snapshot.value);
}

/** A message event with an explicit understanding, for `send`: what the step would not produce. */
export function message(understood: Partial<Understanding> & { choice?: string }, messageId = 'explicit'): DialogEvent {
  const { choice, ...rest } = understood;
  return {
    type: 'USER_MESSAGE',
    understood: { intent: 'none', intentScore: 1, entities: {}, ...rest, ...(choice !== undefined ? { choice } : {}) },
    messageId,
    ...(choice !== undefined ? { choice } : {}),
  };
}

// ---- fake actors ----------------------------------------------------------------------------

/** A fake promise actor that records every input it is given and answers with `answer`. */
export function fakeActor<TOutput, TInput>(answer: (input: TInput, call: number) => TOutput | Promise<TOutput>) {
  const calls: TInput[] = [];
  const logic = fromPromise<TOutput, TInput>(async ({ input }) => {
    calls.push(input);
    return answer(input, calls.length);
  });
  return { logic, calls };
}

/**
 * A fake of the `commit` a take-slot machine is given, recording what it asks the agenda: the
 * booking (`bookingOf`) or the move (`moveOf`) the engine makes of the commit's input.
 */
export function fakeCommit<TAsked>(asked: (input: CommitInput) => TAsked, answer: (asked: TAsked, call: number) => Appointment | Promise<Appointment>) {
  const calls: TAsked[] = [];
  const logic = fromPromise<Appointment, CommitInput>(async ({ input }) => {
    calls.push(asked(input));
    return answer(asked(input), calls.length);
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

/** The instants a search covers, as the engine computes them (without its lead time). */
const NO_LEAD_TIME = { minLeadMinutes: 0 };

/**
 * The actors of the slot finder and of taking a slot, backed by the in-memory fake agenda, the
 * way the engine binds them to the real one: pages that leave out what was shown, a time of day,
 * the days that have slots. Every call is also recorded with the machine's own input.
 */
export function agendaActors(agenda: FakeAgenda, now: Date = NOW) {
  // The engine's own paging, without the lead time: tests pick their slots' times freely.
  const searchSlots = fakeActor<Slot[], SearchSlotsInput>((input) => searchSlotsIn(agenda, now, NO_LEAD_TIME, input));
  const availableDays = fakeActor<AvailableDay[], AvailableDaysInput>((input) => availableDaysIn(agenda, now, NO_LEAD_TIME, input));
  const createCase = fakeActor<RissCase, CreateCaseInput>((input) => agenda.createCase(input));
  const book = fakeCommit(bookingOf, (asked) => agenda.book(asked));
  const move = fakeCommit(moveOf, (asked) => agenda.reschedule(asked));
  const listAppointments = fakeActor<Appointment[], { patientId: string }>((input) => agenda.listAppointments(input));
  const cancel = fakeActor<Appointment, { appointmentId: string }>((input) => agenda.cancel(input));
  const checkRestrictions = fakeActor<BookingRestrictions, { patientId: string; specialty: Specialty }>(async (input) => {
    const [openCase, appointments] = await Promise.all([agenda.findOpenCase(input), agenda.listAppointments(input)]);
    return { openCase, upcoming: appointments.find((appointment) => appointment.specialty === input.specialty) ?? null };
  });
  return { searchSlots, availableDays, createCase, book, move, listAppointments, cancel, checkRestrictions };
}

// ---- fixtures ----------------------------------------------------------------------------

/** The day the tests live in: Monday 23 November 2026 in Bogotá. */
export const TODAY = '2026-11-23';

/** Days of the week the tests name: Tuesday 24 to Friday 27 November 2026. */
export const TUESDAY = '2026-11-24';
export const WEDNESDAY = '2026-11-25';
export const THURSDAY = '2026-11-26';
export const FRIDAY = '2026-11-27';

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

/** Laura's children, her beneficiaries. */
export const mateo = makePatient({ id: 'ben-mateo', documentType: 'TI', documentNumber: '1100000001', firstName: 'Mateo', birthDate: '2013-06-01' });
export const sofia = makePatient({ id: 'ben-sofia', documentType: 'RC', documentNumber: '1200000002', firstName: 'Sofía', birthDate: '2021-09-10' });

/** Everyone Laura may choose: herself (`member`), then Mateo and Sofía. */
export function family(member: Patient = makePatient()): PatientChoice[] {
  return [
    { patient: member, self: true },
    { patient: mateo, self: false },
    { patient: sofia, self: false },
  ];
}

let slotCounter = 0;

let slotCalls = 0;

/**
 * Slots 20 minutes apart on Tuesday 24 Nov 2026 from about 07:00 (each call a few minutes
 * later than the last, so lists differ), earliest first, at SUBA by default. They stay on
 * Tuesday whatever ran before: a test that names another day names a day none of them is on.
 */
export function makeSlots(count: number, overrides: Partial<Slot> = {}): Slot[] {
  slotCalls += 1;
  const first = Date.parse('2026-11-24T12:00:00Z') + (slotCalls % 20) * 60_000;
  return Array.from({ length: count }, (_, index) => {
    slotCounter += 1;
    const start = new Date(first + index * 20 * 60_000);
    return {
      id: `slot-${slotCounter}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 20 * 60_000).toISOString(),
      site: 'SUBA',
      specialty: 'medicina_general',
      doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' },
      ...overrides,
    };
  });
}

/** One slot per time (`HH:MM`, Bogotá) on `day`, at SUBA by default. */
export function slotsOn(day: string, times: readonly string[], overrides: Partial<Slot> = {}): Slot[] {
  return times.map((time) => {
    slotCounter += 1;
    const start = bogotaInstant(day, time);
    return {
      id: `slot-${day}-${time.replace(':', '')}-${slotCounter}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 20 * 60_000).toISOString(),
      site: 'SUBA',
      specialty: 'medicina_general',
      doctor: { id: 'doc-suba-1', name: 'Dra. Marta Salazar' },
      ...overrides,
    };
  });
}

export function makeAppointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'apt-1',
    patientId: 'pat-1',
    cups: '890201',
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
