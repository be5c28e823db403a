/**
 * What every store shares: the SQLite connection, and the way a store declares the schema of
 * its tables next to its queries (data/database.ts gathers them and runs them in order).
 */
import type Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * One change to the schema: the SQL a store's tables need at one schema version. The
 * database's `user_version` says how many versions have run; data/database.ts runs the steps
 * of every store in version order, those of one version together in one transaction. A new
 * step takes the next version; a step that has shipped is never edited.
 */
export interface Migration {
  version: number;
  sql: string;
}
