/**
 * The dialog scripts played through the terminal chat (`npm run chat`, `lina chat`) instead of
 * straight into the engine: each member line is typed into the chat's input as a line of text,
 * and Lina's answers are read back from what the chat printed. A script passes here as it
 * passes on the engine: the terminal changes nothing of the conversation.
 *
 * Which scripts: those with no `channel:` line, and any with `channel: console`. A script with no
 * `channel:` line is on WhatsApp (the scripts' default channel, `script.schema.ts`), from its
 * `from:` phone, the default one or its `given`'s; the terminal chat plays another channel's
 * member with `lina chat --channel whatsapp --from +57…`, the phone vouched for as WhatsApp
 * would. So each script's chat is started as `lina chat --channel <the script's channel> --from
 * <its sender> [--site <its site>]` starts it: the same options of `runConsoleChat`, with the
 * script's clock (a `ManualClock` at its `now`, moved by its `wait:` turns) for Lina and for the
 * chat's stamps. A script with `site:` (a member who scanned a clinic's QR code) gives its site
 * to the chat as `--site` does, and the chat sends it with the first message, as the runner does.
 *
 * The chat runs in this process on a stream in and a stream out (not a terminal, as when a chat
 * is replayed with `printf 'hola\n' | npm run chat`): one chat and one Lina per script.
 *
 * What the chat prints differs from the engine's plain rendering (`renderPlainText`, what the
 * runner compares) only by the terminal's own presentation, which is undone here and nothing
 * else:
 * - the prompt `tú › ` before each line the member types, and the line echoed after it (without
 *   a terminal nothing else shows what was typed);
 * - `Lina › ` before the first line of each reply, and the width of that prefix (seven spaces)
 *   before the reply's other lines;
 * - each line's trailing spaces dropped (so `Lina › ` before an empty first line prints
 *   `Lina ›`), which cannot be undone: replies are compared without them;
 * - an empty line after Lina's replies to each message.
 * There are no colours. Each reply's numbered lines at its end (`1. …`, `2. …`) are read back as
 * its options, the text above them as its text, so the runner renders them again as the engine's.
 * When the engine fails, the chat prints the locale's apology; here the failure is thrown
 * instead, so the runner reports it as it does on the engine.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { silentLogger } from '../../bot/logger.js';
import { startRuntime } from '../../bot/main/runtime.js';
import { renderPlainText, type ChannelName, type Engine, type OutboundMessage } from '../../bot/messages.js';
import type { StartConversation } from '../../bot/simulation/run-scripts.js';
import type { SiteCode } from '../../bot/domain.js';
import type { Clock } from '../../bot/ports.js';
import { runConsoleChat } from '../../adapters/console/console.adapter.js';
import { dialogScripts, playScripts, scriptConfig } from '../support/dialog-scripts.js';

const scripts = dialogScripts((source) => !/^channel:/m.test(source) || /^channel: console$/m.test(source));

/** The terminal's presentation (see the header). */
const PROMPT = 'tú › ';
const LINA = 'Lina ›';
const INDENT = ' '.repeat(`${LINA} `.length);

/** One reply's lines as the engine's reply: its numbered lines at the end (1. to n.) are its options. */
function asReply(lines: string[]): OutboundMessage {
  const last = /^(\d+)\. /.exec(lines.at(-1) ?? '');
  const count = last ? Number(last[1]) : 0;
  const numbered = lines.slice(lines.length - count);
  const isMenu = count > 0 && count < lines.length && numbered.every((line, index) => line.startsWith(`${index + 1}. `));
  if (!isMenu) return { text: lines.join('\n') };
  const options = numbered.map((line, index) => ({ label: line.slice(`${index + 1}. `.length), value: String(index + 1) }));
  return { text: lines.slice(0, -count).join('\n'), options };
}

/** What the chat printed for one typed line (echo, replies, empty line, next prompt), as the engine's replies. */
function readReplies(printed: string, typed: string): OutboundMessage[] {
  const echo = `${typed}\n`;
  const end = `\n${PROMPT}`;
  assert.ok(printed.startsWith(echo) && printed.endsWith(end), `the chat printed an unexpected turn: ${JSON.stringify(printed)}`);
  const body = printed.slice(echo.length, -end.length);
  if (body === '') return [];
  const replies: string[][] = [];
  for (const line of body.replace(/\n$/, '').split('\n')) {
    const current = replies.at(-1);
    if (line === LINA || line.startsWith(`${LINA} `)) replies.push([line.slice(`${LINA} `.length)]);
    else if (current && line === '') current.push('');
    else if (current && line.startsWith(INDENT)) current.push(line.slice(INDENT.length));
    else assert.fail(`the chat printed a line outside Lina's replies: ${JSON.stringify(line)} in ${JSON.stringify(printed)}`);
  }
  return replies.map(asReply);
}

interface TerminalChatOptions {
  engine: Engine;
  clock: Clock;
  channel: ChannelName;
  from: string;
  site?: SiteCode;
  apology: string;
}

/** The terminal chat as `lina chat` starts it, on streams: the engine as a member typing into it sees it. */
function startTerminalChat(options: TerminalChatOptions): { member: Engine; close(): Promise<void> } {
  const { channel, from, site } = options;
  const input = new PassThrough();
  let printed = '';
  let onPrinted = () => {};
  const output = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, callback) {
      printed += String(chunk);
      onPrinted();
      callback();
    },
  });
  /** What the engine threw on the current turn (the chat printed the apology instead). */
  const failures: unknown[] = [];
  let ended = false;
  const chat = runConsoleChat({
    engine: options.engine,
    input,
    output,
    channel,
    userId: from,
    ...(channel === 'whatsapp' ? { phone: from } : {}),
    ...(site ? { site } : {}),
    clock: options.clock,
    apology: options.apology,
    onError: (error) => failures.push(error),
  }).finally(() => {
    ended = true;
    onPrinted();
  });

  /** Waits until the chat has answered what was typed after `start` and prompts again. */
  const answered = (start: number) =>
    new Promise<void>((resolve, reject) => {
      onPrinted = () => {
        if (printed.length > start && printed.endsWith(`\n${PROMPT}`)) resolve();
        else if (ended) reject(new Error(`the terminal chat ended: ${JSON.stringify(printed.slice(start))}`));
      };
      onPrinted();
    });

  const member: Engine = {
    async handle(message) {
      // The runner's message stands for what the member types; the chat makes its own of it.
      const { text } = message;
      assert.ok(text !== '' && text === text.trim() && !text.includes('\n'), `not one line a member can type: ${JSON.stringify(text)}`);
      failures.length = 0;
      const start = printed.length;
      const done = answered(start);
      input.write(`${text}\n`);
      await done;
      if (failures.length > 0) throw failures[0];
      return readReplies(printed.slice(start), text);
    },
  };
  return {
    member,
    async close() {
      input.end();
      await chat;
    },
  };
}

describe('dialog scripts through the terminal chat', () => {
  it('read the chat’s printed turn back as the engine’s replies, menus as options', () => {
    const printed = [
      'hola',
      'Lina › ¡Hola!',
      '       Soy Lina.',
      '',
      '       ¿Qué necesitas?',
      '       1. Agendar',
      '       2. Cancelar',
      'Lina ›',
      '       3. no es un menú',
      '',
      PROMPT,
    ].join('\n');
    const replies = readReplies(printed, 'hola');
    assert.deepEqual(replies, [
      {
        text: '¡Hola!\nSoy Lina.\n\n¿Qué necesitas?',
        options: [
          { label: 'Agendar', value: '1' },
          { label: 'Cancelar', value: '2' },
        ],
      },
      { text: '\n3. no es un menú' },
    ]);
    assert.equal(replies.map(renderPlainText).join('\n'), '¡Hola!\nSoy Lina.\n\n¿Qué necesitas?\n1. Agendar\n2. Cancelar\n\n3. no es un menú');
    assert.deepEqual(readReplies(`sí\n\n${PROMPT}`, 'sí'), []);
  });

  it(`play the ${scripts.length} scripts without a channel through the terminal chat as on the engine, those from a QR code included`, async () => {
    assert.ok(scripts.length > 700);
    assert.ok(
      scripts.some((file) => /^site:/m.test(readFileSync(file, 'utf8'))),
      'a script starts from a site’s QR code',
    );
    const config = scriptConfig();
    const startConversation: StartConversation = async ({ now, channel, from, site }) => {
      const clock = new ManualClock(now);
      const runtime = await startRuntime({ config, clock, logger: silentLogger });
      const chat = startTerminalChat({ engine: runtime.engine, clock, channel, from, ...(site ? { site } : {}), apology: runtime.renderer.text('errors.turnFailed') });
      return {
        engine: chat.member,
        clock,
        async close() {
          await chat.close();
          await runtime.close();
        },
      };
    };
    await playScripts(scripts, startConversation);
  }, 900_000);
});
