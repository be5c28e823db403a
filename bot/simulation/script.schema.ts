/**
 * Dialog scripts: the YAML format fixed by the shared dialog-scripts contract, read into typed
 * turns with compiled patterns. Every problem is reported as `file:line: path: message`, because
 * other teams write these files and must be able to find their mistake.
 */
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { SiteCode } from '../domain.js';
import { CHANNELS, type ChannelName } from '../messages.js';
import { isSiteCode, SITES } from '../../data/catalog.js';
import { parseReplyPattern, type ReplyPattern } from './match-replies.js';

/** The simulated clock at the first turn when a script does not say `now`. */
export const DEFAULT_SIMULATION_NOW = '2026-11-23T08:00:00-05:00';

/** The sender when a script does not say `from`; the phone is on file for no seeded member. */
export const DEFAULT_SIMULATION_FROM: Readonly<Record<ChannelName, string>> = {
  whatsapp: '+573000000000',
  webchat: 'simulation-webchat-user',
  console: 'simulation-console-user',
};

/** A member message and what the replies to it must (`expect`) and must not (`reject`) match. */
export interface UserTurn {
  kind: 'user';
  text: string;
  expect: ReplyPattern[];
  reject: ReplyPattern[];
  /** Where the turn starts in the file, for failure reports. */
  line: number;
}

/** Simulated time passing between two messages. */
export interface WaitTurn {
  kind: 'wait';
  /** As written, e.g. `PT30M`. */
  duration: string;
  milliseconds: number;
  line: number;
}

export type ScriptTurn = UserTurn | WaitTurn;

/** A validated dialog script, defaults applied. */
export interface SimulationScript {
  file: string;
  name: string;
  channel: ChannelName;
  from: string;
  site?: SiteCode;
  now: Date;
  turns: ScriptTurn[];
}

/** One thing wrong with a script, located in its file. */
export interface ScriptProblem {
  /** Absent when the file as a whole is the problem (it cannot be read). */
  line?: number;
  /** Where in the script, e.g. `turns[3].wait`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** A script that cannot be read or is not valid; the message lists every problem, one a line. */
export class ScriptError extends Error {
  override readonly name = 'ScriptError';

  constructor(
    readonly file: string,
    readonly problems: ScriptProblem[],
  ) {
    super(
      problems
        .map(({ line, path, message }) => {
          const where = line === undefined ? file : `${file}:${line}`;
          return `${where}: ${path ? `${path}: ` : ''}${message}`;
        })
        .join('\n'),
    );
  }
}

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
  return (
    amount(weeks) * MS_PER.week +
    amount(days) * MS_PER.day +
    amount(hours) * MS_PER.hour +
    amount(minutes) * MS_PER.minute +
    amount(seconds) * MS_PER.second
  );
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with its offset; a local time would make the simulation depend on TZ. */
function parseInstant(text: string): Date | undefined {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return undefined;
  const instant = new Date(text.trim());
  // `Date` rolls 30 February over to March; a script with that date has a typo.
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const calendarDay = new Date(Date.UTC(year, month - 1, day)).getUTCDate();
  return Number.isNaN(instant.getTime()) || calendarDay !== day ? undefined : instant;
}

const E164 = /^\+[1-9]\d{6,14}$/;

const text = z.string({
  error: (issue) => (issue.input === undefined ? 'required' : 'expected text'),
});

const patternList = z
  .union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' })
  .transform((value, ctx) => {
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

const turnSchema = z
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

const scriptSchema = z
  .strictObject(
    {
      name: text.trim().min(1, 'required'),
      channel: z
        .enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` })
        .default('whatsapp'),
      from: text.trim().min(1, 'must not be empty').optional(),
      site: text.transform((value, ctx): SiteCode => {
        const code = value.trim().toUpperCase();
        if (isSiteCode(code)) return code;
        const known = SITES.map((site) => site.code).join(', ');
        ctx.addIssue({ code: 'custom', message: `unknown site "${value}" (known: ${known})` });
        return z.NEVER;
      }).optional(),
      now: text.transform((value, ctx) => {
        const instant = parseInstant(value);
        if (instant) return instant;
        ctx.addIssue({
          code: 'custom',
          message: 'not an ISO-8601 instant with an offset (e.g. 2026-11-23T08:00:00-05:00)',
        });
        return z.NEVER;
      }).optional(),
      turns: z
        .array(turnSchema, { error: 'expected a list of turns' })
        .min(1, 'a script needs at least one turn'),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? 'expected a mapping with `name` and `turns`' : undefined,
    },
  )
  .superRefine((script, ctx) => {
    if (script.channel === 'whatsapp' && script.from !== undefined && !E164.test(script.from)) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'on whatsapp, an E.164 phone number in quotes, e.g. "+573001112233"',
      });
    }
  });

const KNOWN_KEYS = {
  script: ['name', 'channel', 'from', 'site', 'now', 'turns'],
  turn: ['user', 'expect', 'reject', 'wait'],
};

/**
 * Parses and validates a script's text. Scalars are read with the YAML failsafe schema, so
 * `user: 2` stays the text "2" and an unquoted `from: +57...` keeps its plus sign.
 * @throws ScriptError listing every problem with its line.
 */
export function parseScript(source: string, file: string): SimulationScript {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { schema: 'failsafe', lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new ScriptError(
      file,
      document.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: `invalid YAML: ${error.message}`,
      })),
    );
  }

  /** The line of the deepest node that exists along a path (a missing key points at its map). */
  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = document.contents;
    let offset = isMap(node) || isSeq(node) || isScalar(node) ? (node.range?.[0] ?? 0) : 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair || !isScalar(pair.key)) break;
        offset = pair.key.range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (!isMap(item) && !isSeq(item) && !isScalar(item)) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return lineCounter.linePos(offset).line;
  };

  const result = scriptSchema.safeParse(document.toJS());
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue): ScriptProblem[] => {
      if (issue.code !== 'unrecognized_keys') {
        return [{ line: lineOf(issue.path), path: formatPath(issue.path), message: issue.message }];
      }
      const known = issue.path.length === 0 ? KNOWN_KEYS.script : KNOWN_KEYS.turn;
      return issue.keys.map((key) => ({
        line: lineOf([...issue.path, key]),
        path: formatPath([...issue.path, key]),
        message: `unknown key (expected ${known.join(', ')})`,
      }));
    });
    throw new ScriptError(file, problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  }

  const script = result.data;
  return {
    file,
    name: script.name,
    channel: script.channel,
    from: script.from ?? DEFAULT_SIMULATION_FROM[script.channel],
    ...(script.site ? { site: script.site } : {}),
    now: script.now ?? new Date(DEFAULT_SIMULATION_NOW),
    turns: script.turns.map((turn, index) => ({ ...turn, line: lineOf(['turns', index]) })),
  };
}

/**
 * Reads and validates one script file.
 * @throws ScriptError when the file cannot be read or is not a valid script.
 */
export async function loadScript(file: string): Promise<SimulationScript> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScriptError(file, [{ path: '', message: `cannot read the file: ${reason}` }]);
  }
  return parseScript(source, file);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
