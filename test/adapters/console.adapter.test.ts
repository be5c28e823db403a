import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from '@jest/globals';
import { runConsoleChat, type ConsoleChatOptions } from '../../adapters/console/console.adapter.js';
import { ManualClock } from '../../bot/clock.js';
import type { Engine, InboundMessage } from '../../bot/messages.js';

/** Greets with a menu, fails on "boom", echoes anything else a little later, like real I/O. */
function makeFakeEngine(received: InboundMessage[]): Engine {
  return {
    async handle(message) {
      received.push(message);
      await delay(1);
      if (message.text === 'boom') throw new Error('database is locked');
      if (message.text === 'hola') {
        return [
          { text: '¡Hola! Soy Lina.' },
          {
            text: '¿Autorizas el tratamiento de tus datos?',
            options: [
              { label: 'Sí', value: 'si' },
              { label: 'No', value: 'no' },
            ],
          },
        ];
      }
      return [{ text: `Eco de ${message.text}` }];
    },
  };
}

/** Pipes the lines in at once, as `printf ... | npm run chat` would, and returns the transcript. */
async function chat(lines: string[], options: Partial<ConsoleChatOptions> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = '';
  output.on('data', (chunk: Buffer) => (transcript += chunk.toString()));
  const received: InboundMessage[] = [];
  const clock = new ManualClock('2026-11-23T08:00:00-05:00');
  const done = runConsoleChat({ engine: makeFakeEngine(received), input, output, userId: 'dev', clock, apology: 'Lo siento, tuve un problema.', ...options });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return { transcript, received };
}

describe('console chat', () => {
  it('shows each message and Lina’s replies as a conversation', async () => {
    const { transcript } = await chat(['hola', 'sí']);
    assert.equal(
      transcript,
      [
        'tú › hola',
        'Lina › ¡Hola! Soy Lina.',
        'Lina › ¿Autorizas el tratamiento de tus datos?',
        '       1. Sí',
        '       2. No',
        '',
        'tú › sí',
        'Lina › Eco de sí',
        '',
        'tú › ',
        '',
      ].join('\n'),
    );
  });

  it('apologises when the engine fails and keeps the chat going', async () => {
    const errors: unknown[] = [];
    const { transcript, received } = await chat(['boom', 'sigo aquí'], { onError: (error) => errors.push(error) });
    assert.match(transcript, /tú › boom\nLina › Lo siento, tuve un problema/);
    assert.match(transcript, /tú › sigo aquí\nLina › Eco de sigo aquí\n/);
    assert.equal(received.length, 2);
    assert.equal((errors[0] as Error).message, 'database is locked');
  });

  it('ignores empty lines', async () => {
    const { received } = await chat(['', '   ', 'hola']);
    assert.deepEqual(
      received.map((message) => message.text),
      ['hola'],
    );
  });

  it('builds messages for the console channel, the site on the first one only', async () => {
    const { received } = await chat(['hola', 'sí'], { site: 'KENNEDY', phone: '+573001112233' });
    const [first, second] = received;
    assert.ok(first && second);
    assert.equal(first.channel, 'console');
    assert.equal(first.userId, 'dev');
    assert.equal(first.site, 'KENNEDY');
    assert.equal(second.site, undefined);
    assert.equal(second.phone, '+573001112233');
    assert.notEqual(first.messageId, second.messageId);
    assert.equal(first.receivedAt.toISOString(), '2026-11-23T13:00:00.000Z');
  });

  it('can speak as another channel, without a phone unless given one', async () => {
    const { received } = await chat(['hola'], { channel: 'whatsapp' });
    assert.equal(received[0]?.channel, 'whatsapp');
    assert.equal(received[0]?.phone, undefined);
  });

  it('ends on Ctrl-C in a terminal, with the input still open', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    output.resume();
    const received: InboundMessage[] = [];
    const done = runConsoleChat({
      engine: makeFakeEngine(received),
      input,
      output,
      userId: 'dev',
      clock: new ManualClock('2026-11-23T08:00:00-05:00'),
      apology: 'Lo siento, tuve un problema.',
    });
    input.write('hola\r');
    while (received.length === 0) await delay(1);
    input.write('\x03');
    await done;
    assert.deepEqual(
      received.map((message) => message.text),
      ['hola'],
    );
  });

  it('ends quietly when the input ends without any message', async () => {
    const { transcript, received } = await chat([]);
    assert.equal(transcript, 'tú › \n');
    assert.equal(received.length, 0);
  });
});
