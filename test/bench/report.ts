/**
 * The bench's output: one row per engine and concurrency, the memory and start-up figures,
 * printed as a table and written as JSON (`npm run bench -- --json <file>`).
 */
import type { MachineInfo } from './measure.js';

export type RowName = 'lina' | 'lina-http' | 'sqlite-floor' | 'botbuilder' | 'botbuilder-sqlite' | 'builderbot';

export interface BenchRow {
  name: RowName;
  /** Conversations in flight at once. */
  concurrency: number;
  conversations: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** CPU time of this process (user + system) per turn: everything the turn cost here. */
  cpuMsPerTurn: number;
  /** Time inside the in-process agenda simulator per turn, part of `cpuMsPerTurn`. */
  agendaMsPerTurn?: number;
  /** CPU time of the agenda simulator's own process per turn (the HTTP row). */
  agendaProcessCpuMsPerTurn?: number;
  agendaCallsPerConversation?: number;
  /** Bytes handed to write/pwrite per conversation: WAL frames and checkpoints. */
  bytesWrittenPerConversation?: number;
  /** Growth of the database file per conversation once the WAL is checkpointed. */
  bytesStoredPerConversation?: number;
  /** The floor's turns per second without reading the snapshot first. */
  writeOnlyTurnsPerSecond?: number;
  writeOnlyP99Ms?: number;
  /** BuilderBot's history grows with every message: its speed over the first and last tenth of the run. */
  firstTenthTurnsPerSecond?: number;
  lastTenthTurnsPerSecond?: number;
  /** Conversations that did not end booked (an agenda call failed under load): counted, not fatal. */
  failedConversations?: number;
  /** Conversations that found their slot taken by another one and picked again (2 turns more each). */
  slotTakenRetries?: number;
  /** Average size of the stored conversation state, in bytes. */
  snapshotBytes?: number;
  /** Lina's turns per second (same concurrency, or 1) divided by this row's. */
  linaRatio?: number;
  /** What keeps the conversation between turns. */
  storage: string;
  notes?: string;
}

export interface MemoryReport {
  /** Lina's process with the engine open on `idleConversations` (100,000) idle conversations. */
  idle100kRssMb: number;
  idle100kHeapUsedMb: number;
  /** The same process on an empty database: the floor the others are compared to. */
  emptyRssMb: number;
  emptyHeapUsedMb: number;
  idleConversations: number;
  idleRssBytesPerConversation: number;
  idleDatabaseBytesPerConversation: number;
  /** On top of the idle ones, `midDialogConversations` (1,000; fewer with --quick) left mid-dialog, waiting for the member. */
  midDialogRssMb: number;
  midDialogHeapUsedMb: number;
  midDialogConversations: number;
  midDialogHeapBytesPerConversation: number;
  /** Highest RSS of the process while the mid-dialog ones were being driven, all at once. */
  peakRssMb: number;
}

export interface StartupReport {
  /** Median time from spawning `npm start` to the web endpoint answering. */
  startupMs: number | null;
  /** The same, spawning `node scripts/lina.mjs start` directly (no npm), the production command. */
  directStartupMs: number | null;
  endpoint: string | null;
  runs: number;
  notes?: string;
}

export interface BenchReport {
  machine: MachineInfo & { quick: boolean; startedAt: string; durationSeconds: number };
  rows: BenchRow[];
  memory: MemoryReport | null;
  startupMs: number | null;
  startup: StartupReport | null;
  /** The understanding step's cost per message, over the labelled corpus. */
  understanding: { messages: number; calls: number; perSecond: number; loadMs: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; longMessageMs: number } | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

const COLUMNS: Array<{ title: string; value: (row: BenchRow) => string }> = [
  { title: 'row', value: (row) => row.name },
  { title: 'conc.', value: (row) => String(row.concurrency) },
  { title: 'conv.', value: (row) => (row.failedConversations ? `${row.conversations} (${row.failedConversations} failed)` : String(row.conversations)) },
  { title: 'turns/s', value: (row) => row.turnsPerSecond.toFixed(0) },
  { title: 'p50 ms', value: (row) => row.p50Ms.toFixed(2) },
  { title: 'p95 ms', value: (row) => row.p95Ms.toFixed(2) },
  { title: 'p99 ms', value: (row) => row.p99Ms.toFixed(2) },
  { title: 'CPU ms/turn', value: (row) => row.cpuMsPerTurn.toFixed(3) },
  { title: 'agenda ms/turn', value: (row) => (row.agendaMsPerTurn === undefined ? '' : row.agendaMsPerTurn.toFixed(3)) },
  { title: 'KB written/conv.', value: (row) => (row.bytesWrittenPerConversation === undefined ? '' : (row.bytesWrittenPerConversation / 1024).toFixed(1)) },
  { title: 'Lina ÷ row', value: (row) => (row.linaRatio === undefined ? '' : `${row.linaRatio.toFixed(2)}×`) },
];

/** The rows as a Markdown table (it reads as well in a terminal as in BENCHMARKS.md). */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => COLUMNS.map((column) => column.value(row)));
  const widths = COLUMNS.map((column, index) => Math.max(column.title.length, ...cells.map((line) => line[index]?.length ?? 0)));
  const line = (values: string[]) => `| ${values.map((value, index) => (index === 0 ? value.padEnd(widths[index] ?? 0) : value.padStart(widths[index] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (index === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(COLUMNS.map((column) => column.title)), rule, ...cells.map(line)].join('\n');
}

export function formatMemory(memory: MemoryReport): string {
  return [
    `| memory | RSS MB | heap used MB |`,
    `|:--|--:|--:|`,
    `| engine open, empty database | ${memory.emptyRssMb} | ${memory.emptyHeapUsedMb} |`,
    `| engine open, ${memory.idleConversations.toLocaleString('en-US')} idle conversations | ${memory.idle100kRssMb} | ${memory.idle100kHeapUsedMb} |`,
    `| + ${memory.midDialogConversations.toLocaleString('en-US')} mid-dialog | ${memory.midDialogRssMb} | ${memory.midDialogHeapUsedMb} |`,
    `| peak while driving them | ${memory.peakRssMb} | |`,
    '',
    `Per idle conversation: ${memory.idleRssBytesPerConversation} B of RSS, ${memory.idleDatabaseBytesPerConversation} B on disk; ` +
      `per mid-dialog conversation: ${memory.midDialogHeapBytesPerConversation} B of heap.`,
  ].join('\n');
}

export function formatTargets(targets: readonly TargetCheck[]): string {
  return [
    '| target | measured | met |',
    '|:--|:--|:--|',
    ...targets.map((check) => `| ${check.target} | ${check.measured} | ${check.met === null ? 'not measured' : check.met ? 'yes' : 'no'} |`),
  ].join('\n');
}
