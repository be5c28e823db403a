/**
 * Dialog scripts: the YAML format fixed by the shared dialog-scripts contract, read into typed
 * turns with compiled patterns. Every problem is reported as `file:line: path: message`, because
 * other teams write these files and must be able to find their mistake.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { isSiteCode, SITES, type SiteCode } from '../domain.js';
import { CHANNELS, type ChannelName } from '../messages.js';
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

/** A validated dialog script, defaults applied. */
export interface SimulationScript {
  file: string;
  name: string;
  channel: ChannelName;
  from: string;
  site?: SiteCode;
  now: Date;
  /** The starting point the script names (`given: laura-at-menu`), whose turns open `turns`. */
  given?: string;
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
      given: text.trim().min(1, 'must not be empty').optional(),
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
  script: ['name', 'channel', 'from', 'site', 'now', 'given', 'turns'],
  given: ['description', 'channel', 'from', 'turns'],
  turn: ['user', 'expect', 'reject', 'wait'],
};

/** A YAML document read with the failsafe schema, and the line of any path inside it. */
interface YamlSource {
  data: unknown;
  lineOf: (path: readonly PropertyKey[]) => number;
}

/**
 * Reads YAML with the failsafe schema, so `user: 2` stays the text "2" and an unquoted
 * `from: +57...` keeps its plus sign.
 * @throws ScriptError when the text is not YAML.
 */
function readYaml(source: string, file: string): YamlSource {
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
  return { data: document.toJS(), lineOf };
}

/** Every issue of a failed validation as a located problem; `knownKeys` names what a mapping at a path may hold. */
function problemsOf(issues: readonly z.core.$ZodIssue[], lineOf: YamlSource['lineOf'], knownKeys: (path: readonly PropertyKey[]) => readonly string[]): ScriptProblem[] {
  const problems = issues.flatMap((issue): ScriptProblem[] => {
    if (issue.code !== 'unrecognized_keys') {
      return [{ line: lineOf(issue.path), path: formatPath(issue.path), message: issue.message }];
    }
    return issue.keys.map((key) => ({
      line: lineOf([...issue.path, key]),
      path: formatPath([...issue.path, key]),
      message: `unknown key (expected ${knownKeys(issue.path).join(', ')})`,
    }));
  });
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** A script as written, before its `given` is applied: whether it set its channel and sender itself. */
interface ParsedScript extends SimulationScript {
  channelWritten: boolean;
  fromWritten: boolean;
}

function parseScriptSource(source: string, file: string): ParsedScript {
  const { data, lineOf } = readYaml(source, file);
  const result = scriptSchema.safeParse(data);
  if (!result.success) {
    throw new ScriptError(file, problemsOf(result.error.issues, lineOf, (path) => (path.length === 0 ? KNOWN_KEYS.script : KNOWN_KEYS.turn)));
  }
  const script = result.data;
  const written = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return {
    file,
    name: script.name,
    channel: script.channel,
    from: script.from ?? DEFAULT_SIMULATION_FROM[script.channel],
    ...(script.site ? { site: script.site } : {}),
    now: script.now ?? new Date(DEFAULT_SIMULATION_NOW),
    ...(script.given ? { given: script.given } : {}),
    turns: script.turns.map((turn, index) => ({ ...turn, line: lineOf(['turns', index]) })),
    channelWritten: 'channel' in written,
    fromWritten: 'from' in written,
  };
}

/**
 * Parses and validates a script's text (scalars read as written: see `readYaml`). A script
 * that names a `given` is returned as written; `loadScript` applies the given.
 * @throws ScriptError listing every problem with its line.
 */
export function parseScript(source: string, file: string): SimulationScript {
  const { channelWritten: _channel, fromWritten: _from, ...script } = parseScriptSource(source, file);
  return script;
}

/**
 * A known starting point for scripts (`given: laura-at-menu`): who writes, on which channel,
 * and the turns that bring the conversation there, checked like any script's turns.
 */
export interface Given {
  name: string;
  description: string;
  channel: ChannelName;
  from: string;
  turns: ScriptTurn[];
}

/** The starting points Lina's own scripts use, in the seed world; other teams may name them too. */
export const GIVENS_FILE = new URL('./givens.yaml', import.meta.url);

const GIVEN_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const givenSchema = z.strictObject(
  {
    description: text.trim().min(1, 'required'),
    channel: z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` }).default('whatsapp'),
    from: text.trim().min(1, 'must not be empty'),
    turns: z.array(turnSchema, { error: 'expected a list of turns' }).min(1, 'a given needs at least one turn'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping with `description`, `from` and `turns`' : undefined) },
);

const givensSchema = z.record(
  z.string().regex(GIVEN_NAME, 'a given is named in lower case with dashes, e.g. laura-at-menu'),
  givenSchema,
  {
    error: (issue) => {
      if (issue.code === 'invalid_key') return 'a given is named in lower case with dashes, e.g. laura-at-menu';
      return issue.code === 'invalid_type' && issue.path === undefined ? 'expected a mapping of given names to givens' : undefined;
    },
  },
);

/**
 * Parses the file of givens: a mapping from each name to its description, channel, sender
 * and turns.
 * @throws ScriptError listing every problem with its line.
 */
export function parseGivens(source: string, file: string): Map<string, Given> {
  const { data, lineOf } = readYaml(source, file);
  const result = givensSchema.safeParse(data);
  if (!result.success) throw new ScriptError(file, problemsOf(result.error.issues, lineOf, (path) => (path.length === 1 ? KNOWN_KEYS.given : KNOWN_KEYS.turn)));
  const givens = new Map<string, Given>();
  for (const [name, given] of Object.entries(result.data)) {
    givens.set(name, {
      name,
      description: given.description,
      channel: given.channel,
      from: given.from,
      turns: given.turns.map((turn, index) => ({ ...turn, line: lineOf([name, 'turns', index]), file })),
    });
  }
  return givens;
}

/**
 * The script with its given's turns first, on the given's channel and sender. A script that
 * sets another channel or sender than its given's is refused: the given's turns were written
 * for that member.
 * @throws ScriptError when the given is unknown or does not fit the script.
 */
function applyGiven(script: ParsedScript, givens: ReadonlyMap<string, Given>, givensFile: string): SimulationScript {
  const { channelWritten, fromWritten, ...rest } = script;
  if (script.given === undefined) return rest;
  const given = givens.get(script.given);
  if (!given) {
    const known = [...givens.keys()].join(', ') || 'none';
    throw new ScriptError(script.file, [{ path: 'given', message: `unknown given "${script.given}" (known in ${givensFile}: ${known})` }]);
  }
  const problems: ScriptProblem[] = [];
  if (channelWritten && script.channel !== given.channel) problems.push({ path: 'channel', message: `the given "${given.name}" is on ${given.channel}; leave channel out or set it to ${given.channel}` });
  if (fromWritten && script.from !== given.from) problems.push({ path: 'from', message: `the given "${given.name}" writes from ${given.from}; leave from out or set it to that` });
  if (problems.length > 0) throw new ScriptError(script.file, problems);
  return { ...rest, channel: given.channel, from: given.from, turns: [...given.turns, ...script.turns] };
}

const givensByFile = new Map<string, Promise<Map<string, Given>>>();

/** The givens of a file, read once per run. */
function givensIn(file: string): Promise<Map<string, Given>> {
  let givens = givensByFile.get(file);
  if (!givens) {
    givens = readFile(file, 'utf8').then(
      (source) => parseGivens(source, file),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ScriptError(file, [{ path: '', message: `cannot read the givens: ${reason}` }]);
      },
    );
    givensByFile.set(file, givens);
    // A failed read is not remembered: the next script gets the same error from a fresh read.
    givens.catch(() => givensByFile.delete(file));
  }
  return givens;
}

/**
 * Reads and validates one script file, its `given` applied from `givensFile` (default: the
 * givens Lina ships, `bot/simulation/givens.yaml`).
 * @throws ScriptError when the file cannot be read or is not a valid script.
 */
export async function loadScript(file: string, givensFile: string = fileURLToPath(GIVENS_FILE)): Promise<SimulationScript> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ScriptError(file, [{ path: '', message: `cannot read the file: ${reason}` }]);
  }
  const script = parseScriptSource(source, file);
  if (script.given === undefined) {
    const { channelWritten: _channel, fromWritten: _from, ...rest } = script;
    return rest;
  }
  return applyGiven(script, await givensIn(givensFile), givensFile);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
