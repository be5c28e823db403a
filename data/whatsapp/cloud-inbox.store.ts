/**
 * The Cloud API channel's inbox (`CloudInbox`): one row per member message Meta delivered, kept
 * with its content until it is handled, and then by id only, so a crash after the webhook's 200
 * loses nothing and a redelivery is recognised after a restart too; and each member's last
 * message time (`CustomerWindows`), for the 24-hour window. Rows go with the retention purge.
 */
import type { CloudInbox, CustomerWindows, InboxEntry } from '../../bot/ports/whatsapp.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

export const WHATSAPP_CLOUD_INBOX_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    sql: `
  -- WhatsApp Cloud API: member messages recorded before the webhook is answered. \`event\` (the
  -- sender and what they wrote) is cleared once the message is handled; the id stays.
  CREATE TABLE whatsapp_cloud_inbox (
    seq         INTEGER PRIMARY KEY,
    message_id  TEXT NOT NULL UNIQUE,
    received_at INTEGER NOT NULL,
    event       TEXT,
    handled_at  INTEGER
  );
  CREATE INDEX whatsapp_cloud_inbox_pending ON whatsapp_cloud_inbox (seq) WHERE handled_at IS NULL;
  CREATE INDEX whatsapp_cloud_inbox_received ON whatsapp_cloud_inbox (received_at);
  -- WhatsApp Cloud API: when each member (phone digits) last wrote, for the 24-hour window.
  CREATE TABLE whatsapp_cloud_windows (
    wa_id           TEXT PRIMARY KEY,
    last_inbound_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX whatsapp_cloud_windows_at ON whatsapp_cloud_windows (last_inbound_at);
  `,
  },
];

export function createCloudInboxStore(db: SqliteDatabase): CloudInbox {
  const insert = db.prepare<[string, number, string]>('INSERT INTO whatsapp_cloud_inbox (message_id, received_at, event) VALUES (?, ?, ?) ON CONFLICT (message_id) DO NOTHING');
  const selectPending = db.prepare<[], { message_id: string; event: string }>(
    'SELECT message_id, event FROM whatsapp_cloud_inbox WHERE handled_at IS NULL AND event IS NOT NULL ORDER BY seq',
  );
  const markHandled = db.prepare<[number, string]>('UPDATE whatsapp_cloud_inbox SET handled_at = ?, event = NULL WHERE message_id = ? AND handled_at IS NULL');

  const admit = db.transaction((entries: InboxEntry[], at: number): string[] =>
    entries.filter((entry) => insert.run(entry.messageId, at, entry.event).changes > 0).map((entry) => entry.messageId),
  );

  return {
    admit: (entries, at) => admit(entries, at.getTime()),
    pending: () => selectPending.all().map((row) => ({ messageId: row.message_id, event: row.event })),
    handled(messageId, at) {
      markHandled.run(at.getTime(), messageId);
    },
  };
}

export function createCustomerWindowStore(db: SqliteDatabase): CustomerWindows {
  const upsert = db.prepare<[string, number]>(
    `INSERT INTO whatsapp_cloud_windows (wa_id, last_inbound_at) VALUES (?, ?)
     ON CONFLICT (wa_id) DO UPDATE SET last_inbound_at = MAX(last_inbound_at, excluded.last_inbound_at)`,
  );
  const select = db.prepare<[string], { last_inbound_at: number }>('SELECT last_inbound_at FROM whatsapp_cloud_windows WHERE wa_id = ?');
  return {
    touch(waId, at) {
      upsert.run(waId, at.getTime());
    },
    lastInbound(waId) {
      const row = select.get(waId);
      return row ? new Date(row.last_inbound_at) : undefined;
    },
  };
}
