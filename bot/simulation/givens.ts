/**
 * Known starting points for dialog scripts (`given: laura-at-menu`), defined once in a file
 * of givens (Lina's own: `givens.yaml`) and checked like any script's turns.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CHANNELS, type ChannelName } from '../messages.js';
import { problemsOf, readYaml, ScriptError } from './script-yaml.js';
import { text, TURN_KEYS, turnSchema, type ScriptTurn } from './turns.schema.js';

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

/** What a given may hold. */
const GIVEN_KEYS = ['description', 'channel', 'from', 'turns'];

const givenSchema = z.strictObject(
  {
    description: text.trim().min(1, 'required'),
    channel: z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` }).default('whatsapp'),
    from: text.trim().min(1, 'must not be empty'),
    turns: z.array(turnSchema, { error: 'expected a list of turns' }).min(1, 'a given needs at least one turn'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected a mapping with `description`, `from` and `turns`' : undefined) },
);

const givensSchema = z.record(z.string().regex(GIVEN_NAME, 'a given is named in lower case with dashes, e.g. laura-at-menu'), givenSchema, {
  error: (issue) => {
    if (issue.code === 'invalid_key') return 'a given is named in lower case with dashes, e.g. laura-at-menu';
    return issue.code === 'invalid_type' && issue.path === undefined ? 'expected a mapping of given names to givens' : undefined;
  },
});

/**
 * Parses the file of givens: a mapping from each name to its description, channel, sender
 * and turns.
 * @throws ScriptError listing every problem with its line.
 */
export function parseGivens(source: string, file: string): Map<string, Given> {
  const { data, lineOf } = readYaml(source, file);
  const result = givensSchema.safeParse(data);
  if (!result.success)
    throw new ScriptError(
      file,
      problemsOf(result.error.issues, lineOf, (path) => (path.length === 1 ? GIVEN_KEYS : TURN_KEYS)),
    );
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

const givensByFile = new Map<string, Promise<Map<string, Given>>>();

/** The givens of a file, read once per run. */
export function givensIn(file: string): Promise<Map<string, Given>> {
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
