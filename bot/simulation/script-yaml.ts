/**
 * Reading a dialog script's YAML with the line of every node, and reporting what is wrong
 * with it as `file:line: path: message`, because other teams write these files and must be
 * able to find their mistake.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

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

/** A YAML document read with the failsafe schema, and the line of any path inside it. */
export interface YamlSource {
  data: unknown;
  lineOf: (path: readonly PropertyKey[]) => number;
}

/**
 * Reads YAML with the failsafe schema, so `user: 2` stays the text "2" and an unquoted
 * `from: +57...` keeps its plus sign.
 * @throws ScriptError when the text is not YAML.
 */
export function readYaml(source: string, file: string): YamlSource {
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
export function problemsOf(issues: readonly z.core.$ZodIssue[], lineOf: YamlSource['lineOf'], knownKeys: (path: readonly PropertyKey[]) => readonly string[]): ScriptProblem[] {
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

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}
