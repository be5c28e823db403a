/**
 * What agents see of a member's personal data: document numbers, phones and emails keep
 * only their last characters. Supervisors see them in full.
 */
import { maskEmail } from '../../bot/rendering/mask-email.js';

const BULLET = '•';

/** Every digit but the last `visible` becomes a bullet; other characters stay. */
export function maskDigits(value: string, visible: number): string {
  const total = (value.match(/\d/g) ?? []).length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => (++seen > total - visible ? digit : BULLET));
}

/** `1010101010` → `•••••••010`. */
export function maskDocument(value: string): string {
  const masked = maskDigits(value, 3);
  // Letters count too in passports: hide all but the last three characters.
  return /[A-Za-z]/.test(masked) ? `${BULLET.repeat(Math.max(0, masked.length - 3))}${masked.slice(-3)}` : masked;
}

/** `+573001112233` → `+•••••••••233`. */
export function maskPhone(value: string): string {
  return maskDigits(value, 3);
}

export { maskEmail };

/**
 * A radicado is not personal and agents need it; an email (Lina's own masked form included:
 * the `*` keeps it stable); or a run of 6 or more digits, spaces, dots or dashes between them
 * allowed (documents and phones as members type them).
 */
const SENSITIVE = /(RISS-\d{4}-\d{6})|([A-Za-z0-9._%+*-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|(\+?\d(?:[ .-]?\d){5,})/g;

/** Free text with emails and long digit runs masked: what a member wrote, as an agent sees it. */
export function maskText(text: string): string {
  return text.replace(SENSITIVE, (match, radicado: string | undefined, email: string | undefined) => {
    if (radicado) return match;
    if (email) return maskEmail(match);
    return maskDigits(match, 2);
  });
}

const EMAIL = /[A-Za-z0-9._%+*-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Only the emails in a text masked: for Lina's own lines, whose digits are dates, versions and radicados. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (match) => maskEmail(match));
}
