import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../../bot/clock.js';
import type { Engine, InboundMessage } from '../../bot/messages.js';
import { findUnmetPatterns, matchesReply, normalizeForMatch, parseReplyPattern } from '../../bot/simulation/match-replies.js';
import { runScripts, type StartConversation } from '../../bot/simulation/run-scripts.js';
import { GIVENS_FILE, parseGivens } from '../../bot/simulation/givens.js';
import { DEFAULT_SIMULATION_FROM, DEFAULT_SIMULATION_NOW, parseScript } from '../../bot/simulation/script.schema.js';
import { ScriptError } from '../../bot/simulation/script-yaml.js';
import { parseIsoDuration } from '../../bot/simulation/turns.schema.js';

// Relative, as a developer would type it, so the report's paths are predictable.
const FIXTURES = relative(process.cwd(), fileURLToPath(new URL('../fixtures/simulation/', import.meta.url)));
const fixture = (name: string) => join(FIXTURES, name);

/** Answers like a tiny Lina: a greeting with a menu, an error on "boom", an echo otherwise. */
function makeFakeEngine(received: InboundMessage[]): Engine {
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- a fake of an async port: async makes its scripted failures rejections, as the real one's
    async handle(message) {
      received.push(message);
      if (message.text === 'boom') throw new Error('database is locked');
      if (/^hola$/i.test(message.text)) {
        return [
          { text: '¡Hola! Soy Lina, tu asistente de citas.' },
          {
            text: '¿Qué quieres hacer?',
            options: [
              { label: 'Agendar cita', value: 'agendar' },
              { label: 'Pediatría', value: 'pediatria' },
            ],
          },
        ];
      }
      return [{ text: `Eco de ${message.text}` }];
    },
  };
}

/** A conversation factory that records what the runner asks of it. */
function makeHarness(overrides: { failStart?: boolean; failClose?: boolean } = {}) {
  const started: Array<Parameters<StartConversation>[0]> = [];
  const received: InboundMessage[][] = [];
  const closed: number[] = [];
  // eslint-disable-next-line @typescript-eslint/require-await -- a fake of an async port: async makes its scripted failures rejections, as the real one's
  const startConversation: StartConversation = async (script) => {
    if (overrides.failStart) throw new Error('no agenda');
    const index = started.push(script) - 1;
    const messages: InboundMessage[] = [];
    received.push(messages);
    return {
      engine: makeFakeEngine(messages),
      clock: new ManualClock(script.now),
      // eslint-disable-next-line @typescript-eslint/require-await -- a fake of an async port: async makes its scripted failures rejections, as the real one's
      close: async () => {
        closed.push(index);
        if (overrides.failClose) throw new Error('still open');
      },
    };
  };
  return { startConversation, started, received, closed };
}

async function run(paths: string[], harness = makeHarness()) {
  const lines: string[] = [];
  const summary = await runScripts(paths, {
    startConversation: harness.startConversation,
    output: (line) => lines.push(line),
  });
  return { summary, lines, harness };
}

describe('matching replies', () => {
  it('folds case, accents and runs of white space on both sides', () => {
    assert.equal(normalizeForMatch('  Pediatría\n\t CITA  Médica '), 'pediatria cita medica');
    assert.ok(matchesReply('Elige:\n1. Pediatría', 'PEDIATRIA'));
    assert.ok(matchesReply('Elige: 1. Pediatria', 'pediatría'));
    assert.ok(matchesReply('Tu cita es\n\n  el lunes', 'cita es el lunes'));
  });

  it('matches times written by Intl, which puts no-break spaces inside', () => {
    assert.ok(matchesReply('a las 2:40\u202fp.\u00a0m.', '2:40 p. m.'));
  });

  it('tests `/pattern/flags` items on the raw text', () => {
    const pattern = parseReplyPattern('/Pediatría/');
    assert.ok(pattern instanceof RegExp);
    assert.ok(matchesReply('1. Pediatría', pattern));
    assert.ok(!matchesReply('1. pediatria', pattern));
    assert.ok(matchesReply('1. PEDIATRÍA', parseReplyPattern('/pediatría/i')));
  });

  it('takes the flags after the last slash and leaves other slashes alone', () => {
    assert.deepEqual(parseReplyPattern('/a/b/i'), /a\/b/i);
    assert.equal(parseReplyPattern('1/2'), '1/2');
    assert.equal(parseReplyPattern('/'), '/');
  });

  it('refuses a regular expression that does not compile', () => {
    assert.throws(() => parseReplyPattern('/(unclosed/'), SyntaxError);
    assert.throws(() => parseReplyPattern('/ok/q'), SyntaxError);
  });

  it('gives the same answer twice for a global regular expression', () => {
    const pattern = parseReplyPattern('/cita/g');
    assert.ok(matchesReply('cita', pattern));
    assert.ok(matchesReply('cita', pattern));
  });

  it('reports unmet expect items and matched reject items', () => {
    const unmet = findUnmetPatterns('Hola, soy Lina', {
      expect: ['lina', /documento/i],
      reject: [/error/i, 'HOLA'],
    });
    assert.deepEqual(unmet, [
      { kind: 'expect', pattern: /documento/i },
      { kind: 'reject', pattern: 'HOLA' },
    ]);
  });
});

describe('ISO-8601 durations', () => {
  it('reads weeks to seconds', () => {
    assert.equal(parseIsoDuration('PT30M'), 30 * 60_000);
    assert.equal(parseIsoDuration('P1D'), 86_400_000);
    assert.equal(parseIsoDuration('PT1H30M'), 90 * 60_000);
    assert.equal(parseIsoDuration('P1W'), 7 * 86_400_000);
    assert.equal(parseIsoDuration('P1DT2H'), 26 * 3_600_000);
    assert.equal(parseIsoDuration('PT1.5S'), 1500);
  });

  it('refuses anything else, and months or years whose length varies', () => {
    for (const text of ['30m', 'P', 'PT', 'P1DT', 'PT-5M', 'P1M', 'P1Y', '']) {
      assert.equal(parseIsoDuration(text), undefined, text);
    }
  });
});

describe('reading a script', () => {
  it('applies the defaults', () => {
    const script = parseScript('name: Hola\nturns:\n  - user: hola\n', 'x.yaml');
    assert.equal(script.channel, 'whatsapp');
    assert.equal(script.from, DEFAULT_SIMULATION_FROM.whatsapp);
    assert.equal(script.now.getTime(), new Date(DEFAULT_SIMULATION_NOW).getTime());
    assert.equal(script.site, undefined);
    assert.deepEqual(script.turns, [{ kind: 'user', text: 'hola', expect: [], reject: [], line: 3 }]);
  });

  it('keeps every scalar as written: numbers, unquoted phones, yes and no', () => {
    const script = parseScript('name: 42\nfrom: +573001112233\nsite: suba\nturns:\n  - user: 2\n  - user: no\n', 'x.yaml');
    assert.equal(script.name, '42');
    assert.equal(script.from, '+573001112233');
    assert.equal(script.site, 'SUBA');
    assert.deepEqual(
      script.turns.map((turn) => turn.kind === 'user' && turn.text),
      ['2', 'no'],
    );
  });

  it('accepts a single item where a list is expected', () => {
    const script = parseScript('name: x\nturns:\n  - user: hola\n    expect: Lina\n    reject: /error/i\n', 'x.yaml');
    const [turn] = script.turns;
    assert.deepEqual(turn, { kind: 'user', text: 'hola', expect: ['Lina'], reject: [/error/i], line: 3 });
  });

  it('reads waits and picks the default sender of the channel', () => {
    const script = parseScript('name: x\nchannel: webchat\nturns:\n  - wait: PT1H30M\n', 'x.yaml');
    assert.equal(script.from, DEFAULT_SIMULATION_FROM.webchat);
    assert.deepEqual(script.turns, [{ kind: 'wait', duration: 'PT1H30M', milliseconds: 5_400_000, line: 4 }]);
  });

  const HOLA = 'turns:\n  - user: hola\n';
  const problems: Array<[string, string, RegExp]> = [
    ['a phone that is not E.164 on whatsapp', `name: x\nfrom: "3001112233"\n${HOLA}`, /^x\.yaml:2: from: on whatsapp, an E\.164/],
    ['an unknown key', `name: x\n${HOLA}    expects: Lina\n`, /^x\.yaml:4: turns\[0\]\.expects: unknown key/],
    ['a turn with both user and wait', `name: x\n${HOLA}    wait: PT1M\n`, /^x\.yaml:3: turns\[0\]: a turn has either/],
    ['a check on a wait turn', 'name: x\nturns:\n  - wait: PT1M\n    expect: hola\n', /^x\.yaml:4: turns\[0\]\.expect: a `wait`/],
    ['an empty item', `name: x\n${HOLA}    reject: [""]\n`, /^x\.yaml:4: turns\[0\]\.reject\[0\]: an empty item/],
    ['a 30th of February', `name: x\nnow: "2026-02-30T08:00:00-05:00"\n${HOLA}`, /^x\.yaml:2: now: not an ISO-8601/],
    ['an instant without offset', `name: x\nnow: "2026-11-23T08:00:00"\n${HOLA}`, /^x\.yaml:2: now: not an ISO-8601/],
    ['no turns', 'name: x\nturns: []\n', /^x\.yaml:2: turns: a script needs at least one turn/],
    ['an empty file', '', /^x\.yaml:1: expected a mapping/],
  ];
  for (const [problem, source, message] of problems) {
    it(`names the file and line of ${problem}`, () => {
      assert.throws(
        () => parseScript(source, 'x.yaml'),
        (error: unknown) => {
          assert.ok(error instanceof ScriptError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }
});

describe('running scripts', () => {
  it('runs every script of a folder, recursively and sorted, and ends with the counts', async () => {
    const { summary, lines, harness } = await run([fixture('pass')]);
    assert.deepEqual(lines, [
      `PASS  Greeting from the Suba QR code (${fixture('pass/greeting.yaml')})`,
      `PASS  Web chat with defaults (${fixture('pass/nested/webchat.yaml')})`,
      '2 passed, 0 failed',
    ]);
    assert.deepEqual(summary, { passed: 2, failed: 0 });
    assert.equal(harness.started.length, 2);
  });

  it('starts each script in its own conversation from its settings, and closes it', async () => {
    const { harness } = await run([fixture('pass/greeting.yaml'), fixture('pass/nested/webchat.yaml')]);
    assert.deepEqual(harness.started, [
      { now: new Date('2026-11-23T08:00:00-05:00'), channel: 'whatsapp', from: '+573001112233', site: 'SUBA' },
      { now: new Date(DEFAULT_SIMULATION_NOW), channel: 'webchat', from: DEFAULT_SIMULATION_FROM.webchat },
    ]);
    assert.deepEqual(harness.closed, [0, 1]);
  });

  it('sends the site on the first message only and the phone on every whatsapp message', async () => {
    const { harness } = await run([fixture('pass/greeting.yaml')]);
    const [first, second] = harness.received[0] ?? [];
    assert.ok(first && second);
    assert.equal(first.site, 'SUBA');
    assert.equal(second.site, undefined);
    assert.equal(first.phone, '+573001112233');
    assert.equal(second.phone, '+573001112233');
    assert.equal(first.userId, '+573001112233');
    assert.equal(first.channel, 'whatsapp');
    assert.notEqual(first.messageId, second.messageId);
  });

  it('moves the clock on a wait', async () => {
    const { harness } = await run([fixture('pass/greeting.yaml')]);
    const [first, second] = harness.received[0] ?? [];
    assert.equal(first?.receivedAt.toISOString(), '2026-11-23T13:00:00.000Z');
    assert.equal(second?.receivedAt.toISOString(), '2026-11-23T13:30:00.000Z');
  });

  it('sends no phone outside whatsapp', async () => {
    const { harness } = await run([fixture('pass/nested/webchat.yaml')]);
    const [message] = harness.received[0] ?? [];
    assert.equal(message?.phone, undefined);
    assert.equal(message?.userId, DEFAULT_SIMULATION_FROM.webchat);
  });

  it('shows the transcript up to the failing turn and every unmet item', async () => {
    const file = fixture('fail/expect-unmet.yaml');
    const { summary, lines } = await run([file]);
    assert.deepEqual(lines, [
      `FAIL  An expectation that is not met (${file})`,
      '  > Hola',
      '  < ¡Hola! Soy Lina, tu asistente de citas.',
      '  < ¿Qué quieres hacer?',
      '  < 1. Agendar cita',
      '  < 2. Pediatría',
      '  … wait PT1H',
      '  > pediatría',
      '  < Eco de pediatría',
      `  ${file}:7: turns[2]: expected to match: /medicina general/i`,
      `  ${file}:7: turns[2]: must not match: "Pediatría"`,
      '0 passed, 1 failed',
    ]);
    assert.deepEqual(summary, { passed: 0, failed: 1 });
  });

  it('counts an engine exception as a failure, with its message, and still closes', async () => {
    const file = fixture('fail/engine-throws.yaml');
    const { summary, lines, harness } = await run([file, fixture('pass/nested/webchat.yaml')]);
    assert.deepEqual(lines.slice(0, 3), [`FAIL  The engine throws (${file})`, '  > boom', `  ${file}:3: turns[0]: the engine threw: Error: database is locked`]);
    assert.deepEqual(summary, { passed: 1, failed: 1 });
    assert.deepEqual(harness.closed, [0, 1]);
    assert.equal(lines.at(-1), '1 passed, 1 failed');
  });

  const invalidScripts: Array<[string, string]> = [
    ['invalid-yaml.yaml', ':4: invalid YAML: '],
    ['missing-name.yaml', ':1: name: required'],
    ['bad-duration.yaml', ':4: turns[1].wait: not an ISO-8601 duration'],
    ['bad-channel.yaml', ':2: channel: expected one of whatsapp, webchat, console'],
    ['bad-regex.yaml', ':6: turns[0].expect[1]: not a valid regular expression: /(unclosed/i: Unterminated group'],
    ['unknown-site.yaml', ':2: site: unknown site "MARTE"'],
  ];
  for (const [name, error] of invalidScripts) {
    it(`fails ${name} with the file and line of the problem`, async () => {
      const file = fixture(`invalid/${name}`);
      const { summary, lines, harness } = await run([file]);
      assert.equal(lines[0], `FAIL  ${file}`);
      assert.ok(lines[1]?.startsWith(`  ${file}${error}`), lines[1]);
      assert.equal(lines.at(-1), '0 passed, 1 failed');
      assert.deepEqual(summary, { passed: 0, failed: 1 });
      assert.equal(harness.started.length, 0);
    });
  }

  it('keeps going after an invalid script', async () => {
    const { summary, lines } = await run([fixture('invalid'), fixture('pass')]);
    assert.deepEqual(summary, { passed: 2, failed: 6 });
    assert.equal(lines.at(-1), '2 passed, 6 failed');
  });

  it('fails a path that does not exist and a folder without scripts', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'lina-simulation-'));
    try {
      const { summary, lines } = await run([fixture('nowhere.yaml'), empty]);
      assert.deepEqual(summary, { passed: 0, failed: 2 });
      assert.equal(lines[0], `FAIL  ${fixture('nowhere.yaml')}`);
      assert.match(lines[1] ?? '', /cannot read: ENOENT/);
      assert.equal(lines[2], `FAIL  ${empty}`);
      assert.equal(lines[3], `  ${empty}: no *.yaml or *.yml scripts in this folder`);
    } finally {
      await rm(empty, { recursive: true });
    }
  });

  it('runs a script given twice only once', async () => {
    const { summary } = await run([fixture('pass'), fixture('pass/greeting.yaml')]);
    assert.deepEqual(summary, { passed: 2, failed: 0 });
  });

  it('fails a script whose conversation cannot start or close', async () => {
    const file = fixture('pass/nested/webchat.yaml');
    const notStarted = await run([file], makeHarness({ failStart: true }));
    assert.deepEqual(notStarted.lines.slice(0, 2), [`FAIL  Web chat with defaults (${file})`, '  could not start the conversation: Error: no agenda']);
    const notClosed = await run([file], makeHarness({ failClose: true }));
    assert.deepEqual(notClosed.summary, { passed: 0, failed: 1 });
    assert.equal(notClosed.lines.at(-2), '  could not close the conversation: Error: still open');
  });

  it('writes the report to a stream', async () => {
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await runScripts([fixture('pass/nested/webchat.yaml')], {
      startConversation: makeHarness().startConversation,
      output,
    });
    assert.equal(text, `PASS  Web chat with defaults (${fixture('pass/nested/webchat.yaml')})\n1 passed, 0 failed\n`);
  });
});

describe('starting from a given', () => {
  const givensFile = fixture('givens/givens.yaml');
  const runWithGivens = async (paths: string[], harness = makeHarness()) => {
    const lines: string[] = [];
    const summary = await runScripts(paths, { startConversation: harness.startConversation, output: (line) => lines.push(line), givensFile });
    return { summary, lines, harness };
  };

  it("plays the given's turns first, on the given's channel and sender, then the script's", async () => {
    const file = fixture('givens/uses-greeted.yaml');
    const { summary, lines, harness } = await runWithGivens([file]);
    assert.deepEqual(lines, [`PASS  Starts from the greeted member (${file})`, '1 passed, 0 failed']);
    assert.deepEqual(summary, { passed: 1, failed: 0 });
    assert.deepEqual(harness.started, [{ now: new Date(DEFAULT_SIMULATION_NOW), channel: 'webchat', from: 'web-user-1' }]);
    assert.deepEqual(
      harness.received[0]?.map((message) => message.text),
      ['hola', 'pediatría'],
    );
  });

  it("reports a given's failing turn at its line in the givens file, naming the given", async () => {
    const file = fixture('givens/uses-broken.yaml');
    const { summary, lines } = await runWithGivens([file]);
    assert.deepEqual(summary, { passed: 0, failed: 1 });
    assert.equal(lines.at(-2), `  ${givensFile}:15: given broken: expected to match: /documento/i`);
  });

  it('fails a script that names an unknown given, listing the known ones', async () => {
    const file = fixture('givens/unknown-given.yaml');
    const { lines } = await runWithGivens([file]);
    assert.equal(lines[0], `FAIL  ${file}`);
    assert.match(lines[1] ?? '', /given: unknown given "nadie-en-el-menu" \(known in .*givens\.yaml: greeted, broken\)/);
  });

  it('fails a script that sets another sender or channel than its given', async () => {
    const file = fixture('givens/other-sender.yaml');
    const { lines } = await runWithGivens([file]);
    assert.ok(
      lines.some((line) => /channel: the given "greeted" is on webchat/.test(line)),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((line) => /from: the given "greeted" writes from web-user-1/.test(line)),
      lines.join('\n'),
    );
  });

  it('refuses a givens file with a badly named or incomplete given, with the line', () => {
    assert.throws(() => parseGivens('Laura Menu:\n  description: x\n  from: "+573001112233"\n  turns:\n    - user: hola\n', 'g.yaml'), /g\.yaml:1: .*lower case with dashes/);
    assert.throws(() => parseGivens('laura:\n  from: "+573001112233"\n  turns:\n    - user: hola\n', 'g.yaml'), /g\.yaml:1: laura\.description: required/);
    assert.throws(
      () => parseGivens('laura:\n  description: x\n  from: "+57"\n  turns:\n    - user: hola\n  extra: 1\n', 'g.yaml'),
      /g\.yaml:6: laura\.extra: unknown key \(expected description, channel, from, turns\)/,
    );
  });

  it('ships givens that each describe their member and are each used by a script of the suite', async () => {
    const givens = parseGivens(await readFile(GIVENS_FILE, 'utf8'), 'givens.yaml');
    assert.ok(givens.size >= 5);
    const scripts = await readdir(new URL('../simulations/', import.meta.url));
    const used = new Set<string>();
    for (const name of scripts) {
      const given = /^given: (\S+)$/m.exec(await readFile(new URL(`../simulations/${name}`, import.meta.url), 'utf8'))?.[1];
      if (given) used.add(given);
    }
    for (const [name, given] of givens) {
      assert.ok(given.description.length > 20, name);
      assert.ok(used.has(name), `no script in test/simulations starts from ${name}`);
    }
  });
});
