/**
 * What both WhatsApp providers (Baileys and the Cloud API) do the same way with a member's
 * message: drop a redelivery seen lately, handle one person's messages one at a time in arrival
 * order (different people do not wait for each other), hand the engine the message as any
 * WhatsApp provider names it, and answer with the apology when the turn fails.
 */
import type { Engine, InboundMessage, OutboundMessage } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';
import type { WhatsAppPerson } from '../../bot/ports/whatsapp.js';
import type { Renderer } from '../../bot/rendering/renderer.js';

/** How many message ids a channel remembers having taken in (the engine remembers them all). */
const REMEMBERED_IDS = 5000;

/**
 * Whether a message id is new to the channel, remembering it: a redelivery while (or soon after)
 * its message is handled is dropped here already, the oldest ids forgotten first.
 */
export function recentIds(limit = REMEMBERED_IDS): (messageId: string) => boolean {
  const seen = new Set<string>();
  return (messageId) => {
    if (seen.has(messageId)) return false;
    seen.add(messageId);
    const oldest = seen.size > limit ? seen.values().next().value : undefined;
    if (oldest !== undefined) seen.delete(oldest);
    return true;
  };
}

/** Queues work after the person's previous turn, whatever became of it; a failure is reported, never thrown. */
export function turnsPerPerson(onError: (error: unknown) => void): (personId: string, work: () => Promise<void>) => Promise<void> {
  /** Per person, the end of the last queued turn. */
  const turns = new Map<string, Promise<void>>();
  return (personId, work) => {
    const previous = turns.get(personId) ?? Promise.resolve();
    const turn = previous.then(work).catch(onError);
    turns.set(personId, turn);
    return turn.finally(() => {
      if (turns.get(personId) === turn) turns.delete(personId);
    });
  };
}

/** The member's message as the engine takes it from any WhatsApp provider: one person, one conversation. */
export function inboundFrom(person: WhatsAppPerson, messageId: string, text: string, receivedAt: Date): InboundMessage {
  return { channel: 'whatsapp', userId: person.personId, messageId, text, receivedAt, ...(person.phone ? { phone: person.phone } : {}) };
}

/** The engine's replies, or the apology when the turn failed: the member is never left unanswered. */
export async function repliesOrApology(
  engine: Engine,
  message: InboundMessage,
  fallback: { renderer: Renderer; clock: Clock; onError: (error: unknown) => void },
): Promise<OutboundMessage[]> {
  try {
    return await engine.handle(message);
  } catch (error) {
    fallback.onError(error);
    return [{ text: fallback.renderer.text('errors.turnFailed', {}, fallback.clock.now()) }];
  }
}
