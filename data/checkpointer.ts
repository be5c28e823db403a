import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../bot/logger.js';
import type { SqliteDatabase } from './sqlite.js';

export interface BackgroundCheckpointOptions {
  /** How often the worker copies committed WAL frames into the database file. */
  intervalMs?: number;
  /**
   * WAL pages after which the serving connection checkpoints by itself at commit, as SQLite
   * does by default at 1,000: a backstop for a worker that falls behind or dies. Since the
   * worker has already copied nearly everything by then, that checkpoint is short.
   */
  backstopPages?: number;
  logger?: Logger;
}

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

/** The worker's code: its own connection, PASSIVE checkpoints on a timer, nothing else. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: error && (error.code || error.name) || 'unknown' });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Takes WAL checkpoints off the turn path. By default SQLite checkpoints inside the commit
 * that crosses 1,000 WAL pages: that commit copies up to 4 MB into the database file and
 * calls fsync, and the member whose turn it was waits for it. Here a worker thread with its
 * own connection runs PASSIVE checkpoints (they never block the writer) every `intervalMs`,
 * and the serving connection keeps only a distant automatic checkpoint as a backstop.
 * Durability is unchanged: WAL with `synchronous=NORMAL` either way.
 */
export function startBackgroundCheckpoints(db: SqliteDatabase, options: BackgroundCheckpointOptions = {}): BackgroundCheckpoints {
  const { intervalMs = 200, backstopPages = 4_000, logger } = options;
  if (db.memory || db.pragma('journal_mode', { simple: true }) !== 'wal') {
    return { stop: () => Promise.resolve() };
  }
  db.pragma(`wal_autocheckpoint = ${backstopPages}`);
  // Once checkpointed, a WAL grown by a burst is cut back to this size rather than kept.
  db.pragma(`journal_size_limit = ${backstopPages * 4096 * 2}`);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path: db.name, intervalMs },
    // The worker runs plain JavaScript: no TypeScript loader needed there.
    execArgv: [],
  });
  worker.unref();
  let stopped = false;
  const restoreDefault = () => {
    // Without the worker, SQLite's own checkpoint at commit takes over again.
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (message: { failed?: string }) => logger?.warn({ code: message.failed }, 'background checkpoint failed'));
  worker.on('error', (error) => {
    logger?.error({ err: { name: error.name } }, 'checkpoint worker stopped');
    restoreDefault();
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      if (stopped) return exited;
      stopped = true;
      // Held until the worker has closed its connection: an unreferenced worker would let the
      // process end in the middle of that wait.
      worker.ref();
      worker.postMessage('stop');
      await exited;
      restoreDefault();
    },
  };
}
