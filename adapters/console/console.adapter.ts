/**
 * A conversation with Lina in the terminal (`npm run chat`): each line typed is one member
 * message. Works with piped input too, so a chat can be replayed with `printf 'hola\nsí\n' |`.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import type { SiteCode } from '../../bot/domain.js';
import { renderPlainText, type ChannelName, type Engine, type InboundMessage } from '../../bot/messages.js';
import type { Clock } from '../../bot/ports.js';

export interface ConsoleChatOptions {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Which channel the engine believes it is serving; `console` unless testing another's flow. */
  channel?: ChannelName;
  userId: string;
  /** The phone the channel vouches for, as WhatsApp would. */
  phone?: string;
  /** The QR code's site: sent with the first message only, as a real scan would be. */
  site?: SiteCode;
  clock: Clock;
  /** What the member reads when the engine fails (from the locale). */
  apology: string;
  /** Told about engine failures (e.g. to log them); the member only sees the apology. */
  onError?: (error: unknown) => void;
}

const USER_PROMPT = 'tú › ';
const LINA_PREFIX = 'Lina › ';
const CONTINUATION = ' '.repeat(LINA_PREFIX.length);

/**
 * Runs the chat until the input ends (EOF, Ctrl-D) or Ctrl-C. An engine failure prints an
 * apology and the chat goes on, as it would for a member on any other channel.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { engine, input, output, clock, userId, phone, site } = options;
  const channel = options.channel ?? 'console';
  // Without a terminal readline neither echoes nor edits, so the transcript needs the echo.
  const terminal = Boolean((output as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output, terminal, prompt: USER_PROMPT });
  lines.on('SIGINT', () => lines.close());

  const write = (text: string) => void output.write(text);
  let isFirstMessage = true;

  lines.prompt();
  for await (const line of lines) {
    if (!terminal) write(`${line}\n`);
    const text = line.trim();
    if (text === '') {
      lines.prompt();
      continue;
    }

    const message: InboundMessage = {
      channel,
      userId,
      // Unique across runs: the engine answers a repeated id only once, even days later.
      messageId: `console-${randomUUID()}`,
      text,
      receivedAt: clock.now(),
      ...(phone ? { phone } : {}),
      ...(isFirstMessage && site ? { site } : {}),
    };
    isFirstMessage = false;

    try {
      const replies = await engine.handle(message);
      for (const reply of replies) write(formatReply(renderPlainText(reply)));
    } catch (error) {
      options.onError?.(error);
      write(formatReply(options.apology));
    }
    write('\n');
    lines.prompt();
  }
  // Leave the shell prompt on a line of its own after Ctrl-C or Ctrl-D.
  write('\n');
}

/** One reply as a block: the first line after `Lina › `, the rest aligned under it. */
function formatReply(text: string): string {
  return `${text
    .split('\n')
    .map((line, index) => (index === 0 ? LINA_PREFIX : CONTINUATION) + line)
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}
