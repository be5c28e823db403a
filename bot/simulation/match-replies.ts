/**
 * The matching rules of dialog scripts (see the shared dialog-scripts contract): a plain string
 * is a forgiving substring test, a `/pattern/flags` string is an exact regular expression.
 */
import { normalizeText } from '../../dialogs/text.js';

/** One `expect`/`reject` item, ready to test: plain text, or a compiled regular expression. */
export type ReplyPattern = string | RegExp;

/** An item of a turn that the replies did not honour. */
export interface UnmetPattern {
  kind: 'expect' | 'reject';
  pattern: ReplyPattern;
}

// Greedy body, so the flags are only what follows the LAST slash: `/a/b/i` is `a/b` with `i`.
const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

/**
 * Folds text the way members' eyes do: case, accents and spacing do not matter. `\s` covers
 * the no-break spaces that `Intl` puts inside times ("2:40 p. m."), so those match too.
 */
export function normalizeForMatch(text: string): string {
  return normalizeText(text);
}

/**
 * Reads one script item: `/pattern/flags` becomes a RegExp, anything else stays plain text.
 * @throws SyntaxError when the pattern or its flags are not a valid regular expression.
 */
export function parseReplyPattern(source: string): ReplyPattern {
  const literal = REGEX_LITERAL.exec(source);
  if (!literal) return source;
  return new RegExp(literal[1] ?? '', literal[2]);
}

/** Whether the joined replies of a turn match one item. */
export function matchesReply(replies: string, pattern: ReplyPattern): boolean {
  if (typeof pattern === 'string') {
    return normalizeForMatch(replies).includes(normalizeForMatch(pattern));
  }
  // A `g` or `y` flag makes `test` resume from the last match; each check must start afresh.
  pattern.lastIndex = 0;
  return pattern.test(replies);
}

/**
 * Every item a turn fails: `expect` items that do not match, then `reject` items that do.
 * An empty list means the turn passed.
 */
export function findUnmetPatterns(replies: string, checks: { expect: readonly ReplyPattern[]; reject: readonly ReplyPattern[] }): UnmetPattern[] {
  return [
    ...checks.expect.filter((pattern) => !matchesReply(replies, pattern)).map((pattern) => ({ kind: 'expect' as const, pattern })),
    ...checks.reject.filter((pattern) => matchesReply(replies, pattern)).map((pattern) => ({ kind: 'reject' as const, pattern })),
  ];
}

/** An item as the script author wrote it: `"texto"` or `/pattern/flags`. */
export function describePattern(pattern: ReplyPattern): string {
  return typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern);
}
