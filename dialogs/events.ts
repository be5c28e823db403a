/** The events a conversation receives from the engine, and how what was understood becomes one. */
import type { SiteCode } from '../bot/domain.js';
import type { Asked, Understanding } from '../bot/understanding/types.js';

/** A member's message as machines receive it: what was understood, never the text itself. */
export interface UserMessage {
  type: 'USER_MESSAGE';
  /** The option of the pending question the message picked, if it picked one. */
  choice?: string;
  understood: Understanding;
  /** The channel's id of the message: the seed of idempotency keys. */
  messageId: string;
}

/**
 * Every event a conversation receives from the engine. Channel-neutral: WhatsApp, web chat
 * and the terminal all end up here.
 */
export type DialogEvent =
  | UserMessage
  /** "menú": back to the main menu once identified, otherwise start over. */
  | { type: 'MENU' }
  /** "salir", "chao": end the conversation politely. */
  | { type: 'EXIT' }
  /**
   * "ayuda", "asesor", "quiero hablar con una persona": the support line, then the pending question.
   * `asks`: a question Lina answers instead ("¿qué es no programada?", "¿dónde queda la sede de
   * Kennedy?", "¿cuánto vale la cuota moderadora?"); `site`: the site it names; `also`: a second question in
   * the same message ("¿con qué doctor es? ¿y eso dónde queda?"), answered after the first; `orConsult`: a check of what was
   * done ("¿sí quedó cancelada?") that, when nothing was done in this conversation, looks the citas up instead.
   */
  | { type: 'HELP'; asks?: Asked; site?: SiteCode; also?: Asked; here?: true; about?: string; orConsult?: true; several?: true }
  /** "hola" in the middle of a conversation: where we are, and the pending question. */
  | { type: 'GREET' }
  /** "gracias" with nothing else: a kind answer, and the pending question if there is one. */
  | { type: 'THANKS' }
  /** "atrás", "volver": the previous question. */
  | { type: 'BACK' }
  /** Sent before the message when it says someone else writes for the member: kept for the rest of the conversation. */
  | { type: 'WRITER'; writer: string };

/**
 * Turns what the understanding step read into the event a machine handles. Ways out and small
 * talk become their own events when the message says nothing else; anything that answers the
 * pending question stays a message.
 */
export function toDialogEvent(read: Understanding, messageId: string): DialogEvent {
  // ("Recuérdeme cuándo es la mía": the member's own citas, whoever the cita before was for.)
  const understood: Understanding = read.entities.mine && !read.entities.patients ? { ...read, entities: { ...read.entities, patients: [{ kind: 'self' }] } } : read;
  const { intent, choice, entities } = understood;
  // (Who writes, "le escribe la abuela", is kept apart: it says nothing of the pending question.)
  const saysMore = choice !== undefined || Object.keys(entities).some((key) => key !== 'yesNo' && key !== 'writer');
  if (intent === 'goodbye') return { type: 'EXIT' };
  if (intent === 'menu' && choice === undefined) return { type: 'MENU' };
  // A question asked by the way ("¿y eso dónde queda?", "gracias, ¿cuánto vale?") is answered, whatever else the message says.
  if (entities.asks && choice === undefined && (intent === 'help' || intent === 'none' || intent === 'greet' || intent === 'thanks')) {
    return {
      type: 'HELP',
      asks: entities.asks,
      ...(entities.site ? { site: entities.site } : {}),
      ...(entities.alsoAsks ? { also: entities.alsoAsks } : {}),
      ...(entities.hereSite ? { here: true as const } : {}),
      ...(entities.asksAbout !== undefined ? { about: entities.asksAbout } : {}),
      ...(entities.aboutSeveral ? { several: true as const } : {}),
    };
  }
  // "¿Sí quedó cancelada?" at the menu: what was just done, or, when nothing was, the citas looked up.
  if (entities.asks === 'done' && intent === 'consult') return { type: 'HELP', asks: 'done', orConsult: true };
  if (intent === 'help' && choice === undefined) return { type: 'HELP' };
  if (intent === 'back' && !saysMore) return { type: 'BACK' };
  if (intent === 'greet' && !saysMore) return { type: 'GREET' };
  if (intent === 'thanks' && !saysMore) return { type: 'THANKS' };
  return { type: 'USER_MESSAGE', understood, messageId, ...(choice !== undefined ? { choice } : {}) };
}
