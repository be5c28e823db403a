/**
 * Lina's replies as WhatsApp texts. Baileys cannot send buttons or lists to ordinary
 * accounts, so options become numbered lines (`renderPlainText`), which the engine matches by
 * number or by words.
 */
import { renderPlainText, type OutboundMessage } from '../../bot/messages.js';

/** WhatsApp's limit for one text message. */
export const MAX_TEXT_LENGTH = 4096;

/**
 * Emphasis is marked in the locale the Markdown way (`**radicado**`), which web chat renders
 * as is; WhatsApp writes bold with single asterisks. Nothing else is restyled.
 */
export function toWhatsAppEmphasis(text: string): string {
  return text.replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '*$1*');
}

/**
 * Where to cut `text` so the first piece fits: the last line break, unless it comes so early
 * that a later space makes a fuller piece.
 */
function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const lineBreak = window.lastIndexOf('\n');
  const space = window.search(/\s\S*$/);
  const best = lineBreak >= limit / 2 ? lineBreak : Math.max(lineBreak, space);
  if (best > 0) return best;
  // One unbroken word longer than a message: cut it, but never inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** `text` in pieces of at most `limit` characters, cut at line breaks, else between words. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece !== '') pieces.push(piece);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}

/**
 * The WhatsApp texts for a turn's replies, in order: one per reply, or several for a reply
 * longer than `MAX_TEXT_LENGTH`, cut at line breaks, else between words. Blank replies are
 * dropped (WhatsApp sends no empty message).
 */
export function toWhatsAppTexts(messages: OutboundMessage[], limit: number = MAX_TEXT_LENGTH): string[] {
  return messages.flatMap((message) => splitText(toWhatsAppEmphasis(renderPlainText(message)), limit));
}
