/**
 * What became of the replies Lina sent through the Cloud API (`CloudDeliveries`): one row per
 * reply that went out, with the latest status WhatsApp reported, and one row per group of
 * replies that did not go, with the reason. The support console shows them beside the turn
 * they answered; rows go with the retention purge.
 */
import { DELIVERY_STATUSES, type CloudDeliveries } from '../../bot/ports/whatsapp.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

export const WHATSAPP_CLOUD_DELIVERIES_MIGRATIONS: readonly Migration[] = [
  {
    version: 11,
    sql: `
  -- WhatsApp Cloud API: what became of Lina's replies. \`answers\` is the member message (wamid)
  -- a reply answered (NULL while a status came before the send's own answer); \`message_id\` is
  -- the reply's wamid (NULL for replies that did not go); \`status\` is sent, delivered, read,
  -- failed or not_sent; \`detail\` the error codes of a failure or why replies did not go;
  -- \`unsent\` how many replies did not go.
  CREATE TABLE whatsapp_cloud_deliveries (
    id          INTEGER PRIMARY KEY,
    answers     TEXT,
    message_id  TEXT UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed', 'not_sent')),
    detail      TEXT,
    unsent      INTEGER,
    at          INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
  );
  CREATE INDEX whatsapp_cloud_deliveries_by_answer ON whatsapp_cloud_deliveries (answers);
  CREATE INDEX whatsapp_cloud_deliveries_at ON whatsapp_cloud_deliveries (updated_at);
  `,
  },
];

/** A status's place in a message's life, as SQL: a report with a lower one changes nothing. */
const rank = (column: string) => `CASE ${column} ${DELIVERY_STATUSES.map((status, index) => `WHEN '${status}' THEN ${index + 1}`).join(' ')} ELSE 0 END`;

export function createCloudDeliveriesStore(db: SqliteDatabase): CloudDeliveries {
  // A status report may have come first: the send's answer then only names the turn.
  const insertSent = db.prepare<[string | null, string, number, number]>(
    `INSERT INTO whatsapp_cloud_deliveries (answers, message_id, status, at, updated_at) VALUES (?, ?, 'sent', ?, ?)
     ON CONFLICT (message_id) DO UPDATE SET answers = excluded.answers, at = excluded.at`,
  );
  const insertNotSent = db.prepare<[string, string, number, number, number]>(
    "INSERT INTO whatsapp_cloud_deliveries (answers, status, detail, unsent, at, updated_at) VALUES (?, 'not_sent', ?, ?, ?, ?)",
  );
  const upsertStatus = db.prepare<{ messageId: string; status: string; detail: string | null; at: number }>(
    `INSERT INTO whatsapp_cloud_deliveries (answers, message_id, status, detail, at, updated_at) VALUES (NULL, @messageId, @status, @detail, @at, @at)
     ON CONFLICT (message_id) DO UPDATE SET status = excluded.status, detail = excluded.detail, updated_at = excluded.updated_at
     WHERE ${rank('status')} < ${rank('excluded.status')}`,
  );
  return {
    sent(messageId, answers, at) {
      insertSent.run(answers, messageId, at.getTime(), at.getTime());
    },
    notSent(answers, count, reason, at) {
      insertNotSent.run(answers, reason, count, at.getTime(), at.getTime());
    },
    status(messageId, status, errorCodes, at) {
      upsertStatus.run({ messageId, status, detail: errorCodes.length > 0 ? errorCodes.join(',') : null, at: at.getTime() });
    },
  };
}
