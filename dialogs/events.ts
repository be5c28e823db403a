import { normalizeText } from './text.js';

/**
 * Every event a conversation receives from the engine. Channel-neutral: WhatsApp, web chat
 * and the terminal all end up here.
 */
export type DialogEvent =
  | {
      type: 'USER_MESSAGE';
      text: string;
      /** The option the member picked from the last list shown, if the text picked one. */
      choice?: string;
      messageId: string;
    }
  /** "menú": back to the main menu once identified, otherwise start over. */
  | { type: 'MENU' }
  /** "salir": end the conversation politely. */
  | { type: 'EXIT' }
  /** "ayuda" / "asesor": the support line, then the question that was pending. */
  | { type: 'HELP' };

/** A Map, not an object: a member's words must never reach `constructor` or `__proto__`. */
const GLOBAL_WORDS: ReadonlyMap<string, 'MENU' | 'EXIT' | 'HELP'> = new Map([
  ['menu', 'MENU'],
  ['menu principal', 'MENU'],
  ['inicio', 'MENU'],
  ['salir', 'EXIT'],
  ['ayuda', 'HELP'],
  ['asesor', 'HELP'],
]);

/** Turns what the member wrote into the event a machine understands. */
export function toDialogEvent(message: { text: string; choice?: string; messageId: string }): DialogEvent {
  const word = GLOBAL_WORDS.get(normalizeText(message.text).replace(/[.!¡¿?]/g, '').trim());
  if (word) return { type: word };
  return {
    type: 'USER_MESSAGE',
    text: message.text,
    messageId: message.messageId,
    ...(message.choice !== undefined ? { choice: message.choice } : {}),
  };
}
