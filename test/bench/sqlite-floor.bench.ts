/**
 * The persistence floor: what one turn's writes cost with nothing else around them. Raw
 * better-sqlite3 on a file database with Lina's settings (WAL, `synchronous=NORMAL`), prepared
 * statements, and per turn one transaction writing a snapshot-sized row and two transcript
 * rows (the member's line and Lina's answer). The row's figure reads the snapshot first, as
 * any engine that resumes a conversation must; `writeOnlyTurnsPerSecond` skips the read.
 * No engine of this design can beat it.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { TURNS_PER_CONVERSATION } from './booking-dialog.js';
import { LatencyRecorder, bytesWrittenSoFar, cpuMsSince, round } from './measure.js';
import { databaseBytes, roundLatencies } from './lina.bench.js';
import type { BenchRow } from './report.js';

export interface FloorOptions {
  conversations: number;
  folder: string;
  /** Bytes of the snapshot row: Lina's average, measured in the same run when it was. */
  snapshotBytes: number;
  /** Bytes of the member's line and of Lina's answer. */
  inLineBytes: number;
  outLineBytes: number;
}

export function benchSqliteFloor(options: FloorOptions): BenchRow {
  const folder = mkdtempSync(join(options.folder, 'floor-'));
  const readWrite = runFloor({ ...options, read: true, path: join(folder, 'read-write.db') });
  const writeOnly = runFloor({ ...options, read: false, path: join(folder, 'write-only.db') });
  return {
    name: 'sqlite-floor',
    concurrency: 1,
    conversations: options.conversations,
    turns: readWrite.turns,
    turnsPerSecond: readWrite.turnsPerSecond,
    ...roundLatencies(readWrite.latencies),
    cpuMsPerTurn: readWrite.cpuMsPerTurn,
    ...(readWrite.bytesWritten !== undefined ? { bytesWrittenPerConversation: Math.round(readWrite.bytesWritten / options.conversations) } : {}),
    bytesStoredPerConversation: Math.round(readWrite.bytesStored / options.conversations),
    writeOnlyTurnsPerSecond: writeOnly.turnsPerSecond,
    writeOnlyP99Ms: round(writeOnly.latencies.summary().p99Ms, 3),
    snapshotBytes: options.snapshotBytes,
    storage: `SQLite file (WAL, synchronous=NORMAL): read + upsert a ${options.snapshotBytes}-byte row, insert 2 transcript rows, one transaction per turn`,
  };
}

function runFloor(options: FloorOptions & { read: boolean; path: string }) {
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE sessions (session_key TEXT PRIMARY KEY, snapshot TEXT NOT NULL, updated_at INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE transcript (id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, direction TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL);
    CREATE INDEX transcript_by_conversation ON transcript (conversation_id, id);
  `);
  const select = db.prepare<[string], { snapshot: string }>('SELECT snapshot FROM sessions WHERE session_key = ?');
  const upsert = db.prepare(
    `INSERT INTO sessions (session_key, snapshot, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (session_key) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
  );
  const insertLine = db.prepare('INSERT INTO transcript (conversation_id, direction, text, at) VALUES (?, ?, ?, ?)');
  const commit = db.transaction((key: string, snapshot: string, inLine: string, outLine: string, at: number) => {
    upsert.run(key, snapshot, at);
    insertLine.run(key, 'in', inLine, at);
    insertLine.run(key, 'out', outLine, at);
  });

  const snapshotBase = '{"status":"active","value":"awaiting","context":{"note":"'.padEnd(options.snapshotBytes - 3, 'x');
  const inLine = 'x'.repeat(options.inLineBytes);
  const outLine = 'y'.repeat(options.outLineBytes);
  const turn = (conversation: number, step: number) => {
    const key = `whatsapp:+57315${String(conversation).padStart(7, '0')}`;
    if (options.read) select.get(key);
    // A different snapshot every turn, as a conversation's state changes.
    commit(key, `${snapshotBase}${step % 10}"}}`, inLine, outLine, Date.now());
  };

  for (let conversation = 0; conversation < 50; conversation++) {
    for (let step = 0; step < TURNS_PER_CONVERSATION; step++) turn(-1 - conversation, step);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const storedBefore = databaseBytes(db);
  const latencies = new LatencyRecorder(options.conversations * TURNS_PER_CONVERSATION);
  const writtenBefore = bytesWrittenSoFar();
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  for (let conversation = 0; conversation < options.conversations; conversation++) {
    for (let step = 0; step < TURNS_PER_CONVERSATION; step++) {
      const turnStartedAt = performance.now();
      turn(conversation, step);
      latencies.add(performance.now() - turnStartedAt);
    }
  }
  const elapsedMs = performance.now() - startedAt;
  const cpuMs = cpuMsSince(cpuBefore);
  const writtenAfter = bytesWrittenSoFar();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const bytesStored = databaseBytes(db) - storedBefore;
  db.close();
  const turns = latencies.count;
  return {
    turns,
    latencies,
    turnsPerSecond: round(turns / (elapsedMs / 1000), 0),
    cpuMsPerTurn: round(cpuMs / turns, 4),
    bytesWritten: writtenBefore !== undefined && writtenAfter !== undefined ? writtenAfter - writtenBefore : undefined,
    bytesStored,
  };
}
