import type { AnyActorRef, AnyMachineSnapshot } from 'xstate';

/** The machine children of a snapshot that are still running. */
function runningMachineChildren(snapshot: AnyMachineSnapshot): AnyMachineSnapshot[] {
  return Object.values(snapshot.children as Record<string, AnyActorRef | undefined>)
    .map((ref) => ref?.getSnapshot() as AnyMachineSnapshot | undefined)
    .filter((child): child is AnyMachineSnapshot => typeof child?.hasTag === 'function' && child.status === 'active');
}

/**
 * Settled: the conversation (or the operation it runs) waits for the member, or has ended.
 * Anything else means an agenda call is still in flight. The engine persists only then.
 */
export function isSettled(snapshot: AnyMachineSnapshot): boolean {
  if (snapshot.status !== 'active') return true;
  if (snapshot.hasTag('awaitingInput')) return true;
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
