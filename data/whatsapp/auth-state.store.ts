/**
 * The WhatsApp channel's credentials and signal keys in Lina's SQLite database
 * (`whatsapp_auth`), one row per key, the way Baileys' own `useMultiFileAuthState` keeps them
 * in files. Values arrive encoded (adapters/whatsapp/auth-state.ts does Baileys' `BufferJSON`);
 * unlike the files, a batch of keys is written in one transaction, so a crash never leaves half
 * a batch behind.
 */
import type { AuthEntry, WhatsAppAuthStore } from '../../bot/ports/whatsapp.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The table of the linked device's credentials and keys, by schema version (see `Migration`). */
export const WHATSAPP_AUTH_MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    sql: `
  -- WhatsApp: Baileys' credentials and signal keys (values in BufferJSON), one row per key.
  CREATE TABLE whatsapp_auth (
    category TEXT NOT NULL,
    id       TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (category, id)
  ) WITHOUT ROWID;
  `,
  },
];

export function createWhatsAppAuthStore(db: SqliteDatabase): WhatsAppAuthStore {
  const selectOne = db.prepare<[string, string], { value: string }>('SELECT value FROM whatsapp_auth WHERE category = ? AND id = ?');
  const selectMany = db.prepare<[string, string], { id: string; value: string }>(
    'SELECT id, value FROM whatsapp_auth WHERE category = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO whatsapp_auth (category, id, value) VALUES (?, ?, ?) ON CONFLICT (category, id) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare<[string, string]>('DELETE FROM whatsapp_auth WHERE category = ? AND id = ?');
  const removeAll = db.prepare('DELETE FROM whatsapp_auth');

  const write = db.transaction((entries: AuthEntry[]) => {
    for (const { category, id, value } of entries) {
      if (value === null) remove.run(category, id);
      else upsert.run(category, id, value);
    }
  });

  return {
    get: (category, id) => selectOne.get(category, id)?.value,
    getMany: (category, ids) => (ids.length === 0 ? [] : selectMany.all(category, JSON.stringify(ids))),
    write: (entries) => write(entries),
    clear: () => void removeAll.run(),
  };
}
