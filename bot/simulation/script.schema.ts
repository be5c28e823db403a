/**
 * Dialog scripts: the YAML format fixed by the shared dialog-scripts contract, read into typed
 * turns with compiled patterns (turns.schema.ts), a script's `given` applied (givens.ts). Every
 * problem is reported as `file:line: path: message` (script-yaml.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isSiteCode, SITES, type SiteCode } from '../domain.js';
import { CHANNELS, type ChannelName } from '../messages.js';
import { GIVENS_FILE, givensIn, type Given } from './givens.js';
import { problemsOf, readYaml, ScriptError, type ScriptProblem } from './script-yaml.js';
import { text, TURN_KEYS, turnSchema, type ScriptTurn } from './turns.schema.js';

/** The simulated clock at the first turn when a script does not say `now`. */
export const DEFAULT_SIMULATION_NOW = '2026-11-23T08:00:00-05:00';

/** The sender when a script does not say `from`; the phone is on file for no seeded member. */
export const DEFAULT_SIMULATION_FROM: Readonly<Record<ChannelName, string>> = {
  whatsapp: '+573000000000',
  webchat: 'simulation-webchat-user',
  console: 'simulation-console-user',
};

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

const scriptSchema = z
  .strictObject(
    {
      name: text.trim().min(1, 'required'),
      channel: z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` }).default('whatsapp'),
      from: text.trim().min(1, 'must not be empty').optional(),
      site: text
        .transform((value, ctx): SiteCode => {
          const code = value.trim().toUpperCase();
          if (isSiteCode(code)) return code;
          const known = SITES.map((site) => site.code).join(', ');
          ctx.addIssue({ code: 'custom', message: `unknown site "${value}" (known: ${known})` });
          return z.NEVER;
        })
        .optional(),
      now: text
        .transform((value, ctx) => {
          const instant = parseInstant(value);
          if (instant) return instant;
          ctx.addIssue({
            code: 'custom',
            message: 'not an ISO-8601 instant with an offset (e.g. 2026-11-23T08:00:00-05:00)',
          });
          return z.NEVER;
        })
        .optional(),
      given: text.trim().min(1, 'must not be empty').optional(),
      turns: z.array(turnSchema, { error: 'expected a list of turns' }).min(1, 'a script needs at least one turn'),
    },
    {
      error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping with `name` and `turns`' : undefined),
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

/** What a script may hold. */
const SCRIPT_KEYS = ['name', 'channel', 'from', 'site', 'now', 'given', 'turns'];

/** A script as written, before its `given` is applied: whether it set its channel and sender itself. */
interface ParsedScript extends SimulationScript {
  channelWritten: boolean;
  fromWritten: boolean;
}

function parseScriptSource(source: string, file: string): ParsedScript {
  const { data, lineOf } = readYaml(source, file);
  const result = scriptSchema.safeParse(data);
  if (!result.success) {
    throw new ScriptError(
      file,
      problemsOf(result.error.issues, lineOf, (path) => (path.length === 0 ? SCRIPT_KEYS : TURN_KEYS)),
    );
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
  if (channelWritten && script.channel !== given.channel)
    problems.push({ path: 'channel', message: `the given "${given.name}" is on ${given.channel}; leave channel out or set it to ${given.channel}` });
  if (fromWritten && script.from !== given.from) problems.push({ path: 'from', message: `the given "${given.name}" writes from ${given.from}; leave from out or set it to that` });
  if (problems.length > 0) throw new ScriptError(script.file, problems);
  return { ...rest, channel: given.channel, from: given.from, turns: [...given.turns, ...script.turns] };
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
