/**
 * Baileys' credentials and signal keys in Lina's SQLite database (`whatsapp_auth`), the way
 * Baileys' own `useMultiFileAuthState` keeps them in files: one row per key, values as JSON
 * through Baileys' `BufferJSON`. Unlike the files, a batch of keys is written in one
 * transaction, so a crash never leaves half a batch behind.
 */
import type { SqliteDatabase } from '../../data/database.js';
import type { AuthToolkit, AuthenticationState, SignalDataSet, SignalDataTypeMap } from './socket.js';

/** The row that holds the credentials; keys use their Baileys type as category. */
const CREDS = { category: 'creds', id: 'creds' } as const;

export interface SqliteAuthState {
  /** What the socket gets: `creds` is mutated in place by Baileys, then saved. */
  readonly state: AuthenticationState;
  /** Writes the current credentials (call on every `creds.update`). */
  saveCreds(): Promise<void>;
  /** Forgets everything (after a logout): the next socket pairs from scratch. */
  clear(): Promise<void>;
}

/** Loads (or starts) the auth state stored in `db`. */
export function createSqliteAuthState(params: { db: SqliteDatabase; toolkit: AuthToolkit }): SqliteAuthState {
  const { db, toolkit } = params;
  const { replacer, reviver } = toolkit.bufferJson;
  const encode = (value: unknown) => JSON.stringify(value, replacer);
  const decode = (text: string): unknown => JSON.parse(text, reviver);

  const selectOne = db.prepare<[string, string], { value: string }>('SELECT value FROM whatsapp_auth WHERE category = ? AND id = ?');
  const selectMany = db.prepare<[string, string], { id: string; value: string }>(
    'SELECT id, value FROM whatsapp_auth WHERE category = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO whatsapp_auth (category, id, value) VALUES (?, ?, ?) ON CONFLICT (category, id) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM whatsapp_auth WHERE category = ? AND id = ?');
  const removeAll = db.prepare('DELETE FROM whatsapp_auth');

  const writeBatch = db.transaction((data: SignalDataSet) => {
    for (const [category, values] of Object.entries(data)) {
      for (const [id, value] of Object.entries(values ?? {})) {
        if (value === null || value === undefined) remove.run(category, id);
        else upsert.run(category, id, encode(value));
      }
    }
  });

  const stored = selectOne.get(CREDS.category, CREDS.id);
  const state: { creds: AuthenticationState['creds']; keys: AuthenticationState['keys'] } = {
    creds: stored ? (decode(stored.value) as AuthenticationState['creds']) : toolkit.initAuthCreds(),
    keys: {
      get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const found: { [id: string]: SignalDataTypeMap[T] } = {};
        if (ids.length === 0) return found;
        for (const row of selectMany.all(type, JSON.stringify(ids))) {
          const value = decode(row.value);
          found[row.id] = (
            type === 'app-state-sync-key' && value && typeof value === 'object' ? toolkit.appStateSyncKey(value) : value
          ) as SignalDataTypeMap[T];
        }
        return found;
      },
      set(data: SignalDataSet) {
        writeBatch(data);
      },
    },
  };

  return {
    state,
    async saveCreds() {
      upsert.run(CREDS.category, CREDS.id, encode(state.creds));
    },
    async clear() {
      removeAll.run();
      state.creds = toolkit.initAuthCreds();
    },
  };
}
