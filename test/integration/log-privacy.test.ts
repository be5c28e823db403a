/**
 * Privacy of the logs: every dialog script runs against the production runtime with a debug
 * logger, and the whole log output is scanned for the seed world's document numbers, phones,
 * emails and names. None may appear.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from '@jest/globals';
import { ManualClock } from '../../bot/clock.js';
import { loadConfig, type Config } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import { startRuntime } from '../../bot/main/runtime.js';
import { runScripts } from '../../bot/simulation/run-scripts.js';

const PERSONAL = [
  // documents
  '1010101010',
  '1100000001',
  '1200000002',
  '2020202020',
  '3030303030',
  '4040404040',
  '5050505050',
  '6060606060',
  // phones, with and without the country code
  '3001112233',
  '3002223344',
  '3004445566',
  '3005556677',
  '3007778899',
  '3008889900',
  '3109998877',
  // emails
  'laura.gomez@example.com',
  'carlos.perez@example.com',
  'diana.castro@example.com',
  'ana.torres@example.com',
  'jorge.ruiz@example.com',
  // names and surnames (as whole words)
  'Laura',
  'Mateo',
  'Sofía',
  'Carlos',
  'Diana',
  'Jorge',
  'Gómez',
  'Castro',
  'Torres',
  'Morales',
  'Pérez',
];

describe('logs carry no personal data', () => {
  it('a debug log of every dialog script names no document, phone, email or name', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination: sink });
    const base = loadConfig({});
    const config: Config = {
      ...base,
      database: { ...base.database, path: ':memory:' },
      conversation: { ...base.conversation, rateLimitPerMinute: 1_000_000 },
      agenda: { ...base.agenda, url: undefined, simulator: { host: '127.0.0.1', port: 0, databasePath: ':memory:' } },
    };
    const summary = await runScripts(['test/simulations'], {
      output: new Writable({ write: (_chunk, _encoding, done) => done() }),
      startConversation: async ({ now }) => {
        const clock = new ManualClock(now);
        const runtime = await startRuntime({ config, clock, logger });
        return { engine: runtime.engine, clock, close: () => runtime.close() };
      },
    });
    assert.equal(summary.failed, 0);
    const log = chunks.join('');
    assert.ok(log.split('\n').length > 100, 'the run did log');
    for (const value of PERSONAL) {
      const pattern = /^[\d@.]/.test(value) || value.includes('@') ? new RegExp(value.replace(/[.+]/g, '\\$&')) : new RegExp(`\\b${value}\\b`, 'u');
      const line = log.split('\n').find((entry) => pattern.test(entry));
      assert.equal(line, undefined, `"${value}" appears in the log: ${line}`);
    }
  }, 600_000);
});
