/** Whether a conversation waits for the member (safe to persist), and the path of states it is in. */
import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';

/** The machine children of a snapshot that are still running. */
function runningMachineChildren(snapshot: AnyMachineSnapshot): AnyMachineSnapshot[] {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  return Object.values(children)
    .map((ref): unknown => ref?.getSnapshot())
    .filter(isRunningMachine);
}

/** A child's snapshot that is a machine's (it has tags) and still active; promise actors have no tags. */
function isRunningMachine(child: unknown): child is AnyMachineSnapshot {
  return typeof child === 'object' && child !== null && 'hasTag' in child && typeof child.hasTag === 'function' && 'status' in child && child.status === 'active';
}

/** An agenda call of this machine still in flight: a child that is no machine and has not finished. */
function callInFlight(snapshot: AnyMachineSnapshot): boolean {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  return Object.values(children).some((ref) => {
    const child: unknown = ref?.getSnapshot();
    return !isRunningMachine(child) && typeof child === 'object' && child !== null && 'status' in child && child.status === 'active';
  });
}

/**
 * Settled: the conversation (or the operation it runs) waits for the member, or has ended.
 * Anything else means an agenda call is still in flight (a question asked aside while an
 * operation waits on its own is one). The engine persists only then.
 */
export function isSettled(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return true;
  if (snapshot.hasTag('awaitingInput')) return true;
  if (callInFlight(snapshot)) return false;
  return runningMachineChildren(snapshot).some(isSettled);
}

/** `booking.findingSlot.awaitingSlot`: the state path down the running machine children. */
export function describeState(snapshot: AnyMachineSnapshot): string {
  const own = pathOf(snapshot.value);
  const child = runningMachineChildren(snapshot)[0];
  return child ? `${own}.${describeState(child)}` : own;
}

/** `{ form: 'awaitingSpecialty' }` → `form.awaitingSpecialty` (parallel regions joined with `+`). */
function pathOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  return Object.entries(value)
    .map(([key, inner]) => `${key}.${pathOf(inner)}`)
    .join('+');
}
