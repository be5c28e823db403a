/**
 * Finding 4 of issue 15: a CSV cell a spreadsheet could read as a formula. The exports are
 * read back with a real CSV parser (Python's `csv` module: python3 is one of Lina's build
 * requirements) splitting on `,`, on `;` (Colombian spreadsheets) and on tabs, and no cell of
 * any reading may start with a formula sign once its leading whitespace is trimmed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import fc from 'fast-check';

import { toCsv } from '../../../adapters/support/csv.js';
import { seedConversation, signedIn, startConsole, type ConsoleHarness } from './console-harness.js';

const FORMULA_SIGNS = ['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/** Every cell of each file, as Python's csv module reads it with each delimiter. */
function parseWithPython(files: string[], delimiters: string[]): string[][][][] {
  const dir = mkdtempSync(join(tmpdir(), 'lina-csv-'));
  try {
    const paths = files.map((content, index) => {
      const path = join(dir, `${index}.csv`);
      writeFileSync(path, content, 'utf8');
      return path;
    });
    const script = [
      'import csv, json, sys',
      'paths = json.loads(sys.argv[1]); delimiters = json.loads(sys.argv[2])',
      'out = []',
      'for path in paths:',
      '    readings = []',
      '    for delimiter in delimiters:',
      "        with open(path, newline='', encoding='utf-8-sig') as handle:",
      '            readings.append([row for row in csv.reader(handle, delimiter=delimiter)])',
      '    out.append(readings)',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const output = execFileSync('python3', ['-c', script, JSON.stringify(paths), JSON.stringify(delimiters)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(output) as string[][][][];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Cells that start a formula once a spreadsheet trims their leading whitespace. */
function formulaCells(readings: string[][][]): string[] {
  return readings.flat(2).filter((cell) => FORMULA_SIGNS.includes(cell.trimStart().charAt(0)));
}

const HOSTILE = [
  '=1+1',
  ' =1+1',
  '\t=cmd',
  'hola;=HYPERLINK("http://x","clic")',
  'a,=1',
  'a\t@SUM(A1)',
  '\uFF1D1+1',
  'texto;\uFF0Bcmd',
  '  \uFF20SUM(1)',
  'x;"=cmd"',
  'x,"=1"',
  'línea\n-1+1',
  'a; ;+1',
  '"=1";"=2"',
  '\u00A0=1',
];

describe('CSV exports (issue 15, finding 4)', () => {
  it('leaves no cell that starts a formula, read with `,`, `;` or tab', () => {
    const csv = toCsv(
      ['texto', 'otro'],
      HOSTILE.map((text) => [text, `${text};${text}`]),
    );
    const readings = parseWithPython([csv], [',', ';', '\t'])[0] ?? [];
    assert.equal(readings.length, 3);
    assert.deepEqual(formulaCells(readings), []);
  });

  it('keeps every text readable: read with `,` each cell is the text, only apostrophes added', () => {
    const csv = toCsv(
      ['texto'],
      HOSTILE.map((text) => [text]),
    );
    const [byComma] = parseWithPython([csv], [','])[0] ?? [];
    assert.deepEqual(
      byComma?.slice(1).map((row) => row[0]?.replaceAll("'", '')),
      HOSTILE.map((text) => text.replaceAll("'", '')),
    );
    // Ordinary text is left alone.
    assert.equal(toCsv(['a'], [['Medicina general, primera vez'], ['09:00 a. m. – 10:00']]), '\uFEFFa\r\n"Medicina general, primera vez"\r\n09:00 a. m. – 10:00\r\n');
  });

  it('holds for any mix of separators, spaces, quotes, line breaks and formula signs', () => {
    const piece = fc.constantFrom(',', ';', '\t', ' ', '\u00A0', '"', "'", '\n', '\r', 'a', '1', ...FORMULA_SIGNS);
    const cell = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    const files = fc
      .sample(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), { numRuns: 300, seed: 15 })
      .map((rows) => toCsv(['c1', 'c2', 'c3'], rows));
    const parsed = parseWithPython(files, [',', ';', '\t']);
    parsed.forEach((readings, index) => assert.deepEqual(formulaCells(readings), [], `file ${index}: ${JSON.stringify(files[index])}`));
  });

  describe('through the console', () => {
    let harness: ConsoleHarness;
    beforeAll(async () => {
      harness = await startConsole();
      const now = harness.clock.now().getTime();
      seedConversation(harness.db, {
        id: 'conv-formulas',
        startedAt: now - 60_000,
        lines: HOSTILE.map((text, index) => ({ direction: index % 2 ? 'out' : 'in', text, options: index % 3 ? [] : [text, '-2'] })),
      });
    });
    afterAll(() => harness.close());

    it("a supervisor's export opens as text in a `;` or `,` spreadsheet, and it still holds the conversation", async () => {
      const supervisor = await signedIn(harness, 'supervisor');
      const csv = await supervisor.get('/support/conversations/conv-formulas/export.csv');
      assert.equal(csv.status, 200);
      const readings = parseWithPython([csv.body], [',', ';', '\t'])[0] ?? [];
      assert.deepEqual(formulaCells(readings), []);
      const byComma = readings[0] ?? [];
      assert.equal(byComma.length, HOSTILE.length + 1);
      assert.deepEqual(byComma[0], ['conversation_id', 'channel', 'site', 'at', 'direction', 'text', 'options', 'state']);
      assert.equal(byComma[4]?.[5]?.replaceAll("'", ''), HOSTILE[3]?.replaceAll("'", ''));
    });
  });
});
