/**
 * Memory: RSS and heap of a Lina process with the engine open on a database holding 100,000
 * idle conversations, then with 1,000 more left mid-dialog; compared with the same process
 * on an empty database, which gives the growth per conversation.
 *
 * The idle conversations are real ones: 11 members talk to Lina, stopping after 1, 2, … 11
 * messages, and their rows (session snapshot, conversation, transcript, processed ids,
 * consents, events, subjects) are copied under new keys until there are 100,000. Each figure
 * comes from a fresh child process (`memory-child.ts`), so the bench's own memory is not in it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TURNS_PER_CONVERSATION } from './booking-dialog.js';
import { REPO_ROOT, startAgendaProcess } from './agenda-process.js';
import { BENCH_NOW, assertBooked, openLinaWorld, talk } from './lina.bench.js';
import type { MemoryChildResult } from './memory-child.js';
import { round } from './measure.js';
import type { MemoryReport } from './report.js';
import { openDatabase } from '../../data/database.js';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

export interface MemoryOptions {
  idleConversations: number;
  midDialogConversations: number;
  folder: string;
}

export async function benchMemory(options: MemoryOptions): Promise<MemoryReport> {
  const folder = mkdtempSync(join(options.folder, 'memory-'));
  const templatePath = join(folder, 'templates.db');
  const idlePath = join(folder, 'idle.db');
  const emptyPath = join(folder, 'empty.db');
  const templates = await recordTemplates(templatePath);
  fillWithIdleConversations(idlePath, templatePath, templates, options.idleConversations);
  openDatabase(emptyPath).close();

  // Members: #0 and #1 warm the two processes up, the next ones are left mid-dialog.
  const memberCount = 2 + options.midDialogConversations;
  const agenda = await startAgendaProcess({ memberCount, maxConcurrency: options.midDialogConversations, now: new Date(BENCH_NOW) });
  try {
    const child = (db: string, warmupMember: number) =>
      runChild([
        '--db',
        db,
        '--agenda',
        agenda.url,
        '--members',
        String(memberCount),
        '--warmup-member',
        String(warmupMember),
        '--first-mid-member',
        '2',
        '--mid',
        String(options.midDialogConversations),
      ]);
    const empty = await child(emptyPath, 0);
    const idle = await child(idlePath, 1);
    const idleDatabaseBytes = statSync(idlePath).size - statSync(emptyPath).size;
    return {
      idle100kRssMb: round(idle.open.rssMb, 1),
      idle100kHeapUsedMb: round(idle.open.heapUsedMb, 1),
      emptyRssMb: round(empty.open.rssMb, 1),
      emptyHeapUsedMb: round(empty.open.heapUsedMb, 1),
      idleConversations: options.idleConversations,
      idleRssBytesPerConversation: Math.round(((idle.open.rssMb - empty.open.rssMb) * 1024 ** 2) / options.idleConversations),
      idleDatabaseBytesPerConversation: Math.round(idleDatabaseBytes / options.idleConversations),
      midDialogRssMb: round(idle.mid.rssMb, 1),
      midDialogHeapUsedMb: round(idle.mid.heapUsedMb, 1),
      midDialogConversations: options.midDialogConversations,
      midDialogHeapBytesPerConversation: Math.round(((idle.mid.heapUsedMb - idle.open.heapUsedMb) * 1024 ** 2) / options.midDialogConversations),
      peakRssMb: round(idle.peakRssMb, 1),
    };
  } finally {
    await agenda.stop();
  }
}

/** Conversations stopped after 1 … 11 messages, in their own database: the copies' models. */
async function recordTemplates(path: string): Promise<Array<{ sessionKey: string; conversationId: string }>> {
  const lina = await openLinaWorld({ transport: 'in-process', memberCount: TURNS_PER_CONVERSATION, maxConcurrency: 1, databasePath: path });
  try {
    for (let turns = 1; turns <= TURNS_PER_CONVERSATION; turns++) {
      const member = lina.world.members[turns - 1];
      if (!member) throw new Error('missing template member');
      const answer = await talk(lina.engine, lina.clock, member, { turns });
      if (turns === TURNS_PER_CONVERSATION) assertBooked(answer, member);
    }
    return lina.db.prepare<[], { sessionKey: string; conversationId: string }>('SELECT session_key AS sessionKey, conversation_id AS conversationId FROM sessions').all();
  } finally {
    await lina.close();
  }
}

/**
 * Copies the templates' rows under new keys until `count` idle conversations exist: copy `i`
 * is template `i % templates`, with its own session key, member and conversation id. One
 * set-based statement per table and batch keeps 100,000 copies to seconds.
 */
function fillWithIdleConversations(path: string, templatePath: string, templates: ReadonlyArray<{ sessionKey: string; conversationId: string }>, count: number): void {
  const db = openDatabase(path);
  try {
    // Seeding only: no journal while copying (a crash here just means running the bench
    // again); the database is back in WAL mode before Lina opens it.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -65536');
    db.prepare('ATTACH DATABASE ? AS template').run(templatePath);
    db.exec('CREATE TEMP TABLE models (k INTEGER PRIMARY KEY, session_key TEXT NOT NULL, conversation_id TEXT NOT NULL)');
    const addModel = db.prepare('INSERT INTO models (k, session_key, conversation_id) VALUES (?, ?, ?)');
    templates.forEach((template, k) => addModel.run(k, template.sessionKey, template.conversationId));

    // Copy i: its template m, and the keys it gets.
    const copiesOf = `
      WITH RECURSIVE n(i) AS (SELECT @from UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @to),
      copy AS (
        SELECT n.i,
               '+57320' || printf('%07d', n.i) AS user_id,
               'whatsapp:+57320' || printf('%07d', n.i) AS session_key,
               '00000000-0000-4000-8000-' || printf('%012d', n.i) AS conversation_id,
               m.session_key AS model_key, m.conversation_id AS model_id
        FROM n JOIN models m ON m.k = n.i % ${templates.length}
      )`;
    const statements = [
      `INSERT INTO sessions (session_key, conversation_id, machine_version, snapshot, shown_options, updated_at)
       ${copiesOf} SELECT c.session_key, c.conversation_id, s.machine_version, s.snapshot, s.shown_options, s.updated_at
       FROM copy c JOIN template.sessions s ON s.session_key = c.model_key ORDER BY c.i`,
      `INSERT INTO conversations (id, channel, user_id, site, started_at, updated_at, outcome)
       ${copiesOf} SELECT c.conversation_id, v.channel, c.user_id, v.site, v.started_at, v.updated_at, v.outcome
       FROM copy c JOIN template.conversations v ON v.id = c.model_id ORDER BY c.i`,
      `INSERT INTO transcript (conversation_id, direction, text, options, state, message_id, at)
       ${copiesOf} SELECT c.conversation_id, t.direction, t.text, t.options, t.state, t.message_id, t.at
       FROM copy c JOIN template.transcript t ON t.conversation_id = c.model_id ORDER BY c.i, t.id`,
      `INSERT INTO processed_messages (session_key, message_id, at)
       ${copiesOf} SELECT c.session_key, p.message_id, p.at
       FROM copy c JOIN template.processed_messages p ON p.session_key = c.model_key`,
      `INSERT INTO consents (channel, user_id, conversation_id, accepted, policy_version, text_shown, recorded_at)
       ${copiesOf} SELECT k.channel, c.user_id, c.conversation_id, k.accepted, k.policy_version, k.text_shown, k.recorded_at
       FROM copy c JOIN template.consents k ON k.conversation_id = c.model_id ORDER BY c.i, k.id`,
      `INSERT INTO conversation_events (conversation_id, type, detail, at)
       ${copiesOf} SELECT c.conversation_id, e.type, e.detail, e.at
       FROM copy c JOIN template.conversation_events e ON e.conversation_id = c.model_id ORDER BY c.i, e.id`,
      `INSERT INTO conversation_subjects (conversation_id, kind, value)
       ${copiesOf} SELECT c.conversation_id, j.kind, j.value
       FROM copy c JOIN template.conversation_subjects j ON j.conversation_id = c.model_id`,
    ].map((sql) => db.prepare(sql));
    const copyBatch = db.transaction((from: number, to: number) => {
      for (const statement of statements) statement.run({ from, to });
    });
    const batch = 20_000;
    for (let from = 0; from < count; from += batch) copyBatch(from, Math.min(count, from + batch));
    db.prepare('DETACH DATABASE template').run();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

function runChild(args: string[]): Promise<MemoryChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`the memory process exited with ${code ?? 'a signal'}`));
      try {
        resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '') as MemoryChildResult);
      } catch (error) {
        reject(new Error(`the memory process printed no result`, { cause: error }));
      }
    });
  });
}
