/**
 * Saved conversations read back: a snapshot is trusted only once it, and every operation
 * running in it, resolves against today's machines; and what a conversation, live or saved,
 * says about itself (the question it waits on, the people it knows, the last site used).
 */
import type { AnyMachineSnapshot, Snapshot } from 'xstate';
import type { ConversationInput } from '../../dialogs/conversation.machine.js';
import type { Reply } from '../../dialogs/replies.js';
import { normalizeText } from '../../dialogs/text.js';
import type { Resumable } from './live-conversations.js';

type SavedSnapshot = { children?: Record<string, { src?: unknown; snapshot?: unknown } | undefined> };

/** What resolving a snapshot needs of a machine: its `resolveState` and the actors it invokes by name. */
export type ResolvingLogic = {
  resolveState: (snapshot: never) => unknown;
  implementations?: { actors?: Record<string, unknown> };
};

/** Throws unless a saved snapshot, children included, resolves against today's machines. */
export function assertFits(logic: ResolvingLogic, snapshot: unknown): void {
  logic.resolveState(snapshot as never);
  for (const child of Object.values((snapshot as SavedSnapshot).children ?? {})) {
    const childLogic = typeof child?.src === 'string' ? logic.implementations?.actors?.[child.src] : undefined;
    if (childLogic && typeof (childLogic as ResolvingLogic).resolveState === 'function') {
      assertFits(childLogic as ResolvingLogic, child?.snapshot);
    }
  }
}

/** A saved snapshot parsed and proven to fit `logic`, or undefined when it does not. */
export function restoreSnapshot(logic: ResolvingLogic, json: string): Snapshot<unknown> | undefined {
  try {
    const snapshot = JSON.parse(json) as Snapshot<unknown>;
    // Resolving proves the snapshot, and every operation running in it, still fits the
    // machines before any turn relies on it.
    assertFits(logic, snapshot);
    return snapshot;
  } catch {
    return undefined;
  }
}

/**
 * The question a saved conversation is waiting on: the `lastPrompt` of the deepest running
 * machine, so a refused message can be followed by the question again.
 */
export function pendingPrompt(snapshot: Snapshot<unknown>): Reply | undefined {
  type Saved = { context?: { lastPrompt?: Reply }; children?: Record<string, { snapshot?: Saved } | undefined> };
  const saved = snapshot as Saved;
  for (const child of Object.values(saved.children ?? {})) {
    const deeper = child?.snapshot ? pendingPrompt(child.snapshot as Snapshot<unknown>) : undefined;
    if (deeper) return deeper;
  }
  return saved.context?.lastPrompt;
}

/** `pendingPrompt` over a running actor's snapshot (its children are actors, not saved snapshots). */
export function livePrompt(snapshot: AnyMachineSnapshot): Reply | undefined {
  for (const child of Object.values(snapshot.children as Record<string, { getSnapshot?: () => unknown } | undefined>)) {
    const childSnapshot = child?.getSnapshot?.() as AnyMachineSnapshot | undefined;
    if (childSnapshot && typeof childSnapshot.hasTag === 'function' && childSnapshot.status === 'active') {
      const deeper = livePrompt(childSnapshot);
      if (deeper) return deeper;
    }
  }
  return (snapshot.context as { lastPrompt?: Reply } | undefined)?.lastPrompt;
}

/** The question a resumable conversation waits on. */
export function pendingOf(current: Resumable): Reply | undefined {
  if (current.live) return livePrompt(current.live.actor.getSnapshot() as AnyMachineSnapshot);
  return current.snapshot ? pendingPrompt(current.snapshot) : undefined;
}

/** The root machine's context of a resumable conversation, live or saved. */
function contextOf(current: Resumable | undefined): unknown {
  return current?.live ? current.live.actor.getSnapshot().context : (current?.snapshot as { context?: unknown } | undefined)?.context;
}

/**
 * The first names the member may mention: theirs first, then their beneficiaries', once
 * identified. The understanding step recognises them anywhere in a message.
 */
export function peopleOf(current: Resumable): string[] {
  const context = contextOf(current) as { member?: { firstName: string; beneficiaries: Array<{ firstName: string }> } | null } | undefined;
  const member = context?.member;
  return member ? [member.firstName, ...member.beneficiaries.map((patient) => patient.firstName)].map((name) => normalizeText(name)) : [];
}

/** Who said they write for the member (see `ConversationContext.writer`), if anyone did. */
export function writerOf(current: Resumable): string | undefined {
  return (contextOf(current) as { writer?: string } | undefined)?.writer;
}

/** The confirmations a conversation may wait at, by the key of their question. */
const CONFIRMATIONS: Readonly<Record<string, 'book' | 'cancel' | 'reschedule' | 'case'>> = {
  'booking.confirm': 'book',
  'booking.confirm_self': 'book',
  'cancel.confirm': 'cancel',
  'cancel.confirm_self': 'cancel',
  'reschedule.confirm': 'reschedule',
  'reschedule.confirm_self': 'reschedule',
  // A case offered, or its e-mail asked: not filed.
  'riss.offer': 'case',
  'riss.offer_declined': 'case',
  'riss.offer_urgent': 'case',
  'riss.askEmail': 'case',
  'riss.offerRelativeEmail': 'case',
  'riss.askRelativeEmail': 'case',
};

/** What the conversation was waiting to have confirmed when it stopped (a booking, a cancellation, a move, a case): its pending question's. */
export function unconfirmedOf(current: Resumable | undefined): ConversationInput['expiredUnconfirmed'] {
  const key = current ? pendingOf(current)?.key : undefined;
  return key === undefined ? undefined : CONFIRMATIONS[key];
}

/** The site the conversation last used, carried into the next one. */
export function lastSiteOf(current: Resumable | undefined): ConversationInput['lastSite'] | undefined {
  return (contextOf(current) as { lastSite?: ConversationInput['lastSite'] } | undefined)?.lastSite;
}
