/**
 * Lina's engine as a child process for the crash harness: one JSON message per stdin line
 * in, one JSON answer per stdout line out. It runs the production runtime (SQLite file, the
 * resilient agenda client over HTTP) against the agenda the harness serves, and is killed
 * with SIGKILL at random moments.
 */
import { createInterface } from 'node:readline';
import { systemClock } from '../../bot/clock.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/logger.js';
import { renderPlainText, type InboundMessage } from '../../bot/messages.js';
import { startRuntime } from '../../bot/main/runtime.js';

const config = loadConfig();
const runtime = await startRuntime({ config, clock: systemClock, logger: silentLogger });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const message = JSON.parse(line) as Omit<InboundMessage, 'receivedAt'>;
  // Turns of different members run concurrently, as they do behind a channel.
  void runtime.engine.handle({ ...message, receivedAt: new Date() }).then((replies) => {
    process.stdout.write(`${JSON.stringify({ messageId: message.messageId, userId: message.userId, replies: replies.map(renderPlainText) })}\n`);
  });
}
