/**
 * The turns of a dialog script (a member's message with the replies it must and must not
 * get, or simulated time passing) and their schema, shared by scripts and givens.
 */
import { z } from 'zod';
import { parseReplyPattern, type ReplyPattern } from './match-replies.js';

/** A member message and what the replies to it must (`expect`) and must not (`reject`) match. */
export interface UserTurn {
  kind: 'user';
  text: string;
  expect: ReplyPattern[];
  reject: ReplyPattern[];
  /** Where the turn starts in the file, for failure reports. */
  line: number;
  /** The file the turn is written in, when it is not the script's own (a `given`'s turns). */
  file?: string;
}

/** Simulated time passing between two messages. */
export interface WaitTurn {
  kind: 'wait';
  /** As written, e.g. `PT30M`. */
  duration: string;
  milliseconds: number;
  line: number;
  file?: string;
}

export type ScriptTurn = UserTurn | WaitTurn;

const ISO_DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const MS_PER = { week: 604_800_000, day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

/**
 * Milliseconds in an ISO-8601 duration (`PT30M`, `P1D`, `PT1H30M`), or undefined when it is not
 * one. Years and months are refused: their length depends on the date, and a simulation only
 * ever needs to skip minutes or days.
 */
export function parseIsoDuration(text: string): number | undefined {
  const value = text.trim().toUpperCase();
  const match = ISO_DURATION.exec(value);
  if (!match || value.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match;
  if ([weeks, days, hours, minutes, seconds].every((part) => part === undefined)) return undefined;
  const amount = (part: string | undefined) => Number((part ?? '0').replace(',', '.'));
  return amount(weeks) * MS_PER.week + amount(days) * MS_PER.day + amount(hours) * MS_PER.hour + amount(minutes) * MS_PER.minute + amount(seconds) * MS_PER.second;
}

/** A text field: `required` when absent, `expected text` when it is something else. */
export const text = z.string({
  error: (issue) => (issue.input === undefined ? 'required' : 'expected text'),
});

const patternList = z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' }).transform((value, ctx) => {
  const sources = typeof value === 'string' ? [value] : value;
  const patterns: ReplyPattern[] = [];
  sources.forEach((source, index) => {
    const path = typeof value === 'string' ? [] : [index];
    if (source === '') {
      ctx.addIssue({ code: 'custom', path, message: 'an empty item would match any reply' });
      return;
    }
    try {
      patterns.push(parseReplyPattern(source));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const detail = reason.replace(/^Invalid regular expression: /, '');
      ctx.addIssue({ code: 'custom', path, message: `not a valid regular expression: ${detail}` });
    }
  });
  return patterns;
});

const duration = text.transform((value, ctx) => {
  const milliseconds = parseIsoDuration(value);
  if (milliseconds !== undefined) return { duration: value, milliseconds };
  ctx.addIssue({
    code: 'custom',
    message: 'not an ISO-8601 duration (weeks to seconds, e.g. PT30M, P1D, PT1H30M)',
  });
  return z.NEVER;
});

/** One turn as written: `user` (with its `expect` and `reject`) or `wait`. */
export const turnSchema = z
  .strictObject(
    {
      user: text.min(1, 'the message is empty').optional(),
      expect: patternList.optional(),
      reject: patternList.optional(),
      wait: duration.optional(),
    },
    { error: 'expected a turn: `user: ...` or `wait: ...`' },
  )
  .transform((turn, ctx): Omit<UserTurn, 'line'> | Omit<WaitTurn, 'line'> => {
    if (turn.user !== undefined && turn.wait !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'a turn has either `user` or `wait`, not both' });
    } else if (turn.wait !== undefined) {
      if (turn.expect || turn.reject) {
        const key = turn.expect ? 'expect' : 'reject';
        ctx.addIssue({ code: 'custom', path: [key], message: 'a `wait` turn has no replies to check' });
      }
      return { kind: 'wait', ...turn.wait };
    } else if (turn.user === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a turn needs `user` or `wait`' });
    }
    return { kind: 'user', text: turn.user ?? '', expect: turn.expect ?? [], reject: turn.reject ?? [] };
  });

/** What a turn may hold. */
export const TURN_KEYS = ['user', 'expect', 'reject', 'wait'] as const;
