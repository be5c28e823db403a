import type { EvidenceType, Incident, IncidentCategory, IncidentChannel, IncidentStatus, IncidentStore, ServicePoint } from '../../bot/ports/support/incidents.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The console's incident reports, by schema version (see `Migration`). */
export const INCIDENTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    sql: `
  -- Support console: incident reports.
  CREATE TABLE support_incidents (
    id              INTEGER PRIMARY KEY,
    status          TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'closed')),
    channels        TEXT NOT NULL,
    category        TEXT NOT NULL,
    document_type   TEXT NOT NULL,
    document_number TEXT NOT NULL,
    member_name     TEXT NOT NULL,
    contact_phone   TEXT,
    contact_email   TEXT,
    occurred_at     INTEGER NOT NULL,
    served_via      TEXT NOT NULL,
    served_site     TEXT,
    registered_by   TEXT NOT NULL,
    description     TEXT NOT NULL,
    error_message   TEXT,
    browser         TEXT,
    app_version     TEXT,
    step            TEXT,
    evidence_type   TEXT,
    evidence        BLOB,
    conversation_id TEXT,
    authorised      INTEGER NOT NULL CHECK (authorised = 1),
    created_by      INTEGER NOT NULL REFERENCES support_users (id),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
  );
  CREATE INDEX support_incidents_by_status ON support_incidents (status, id);
  CREATE INDEX support_incidents_by_document ON support_incidents (document_number);
  CREATE INDEX support_incidents_by_phone ON support_incidents (contact_phone);
  CREATE INDEX support_incidents_by_conversation ON support_incidents (conversation_id);
  `,
  },
];

interface IncidentRow {
  id: number;
  status: IncidentStatus;
  channels: string;
  category: IncidentCategory;
  document_type: string;
  document_number: string;
  member_name: string;
  contact_phone: string | null;
  contact_email: string | null;
  occurred_at: number;
  served_via: ServicePoint;
  served_site: string | null;
  registered_by: string;
  description: string;
  error_message: string | null;
  browser: string | null;
  app_version: string | null;
  step: string | null;
  evidence_type: EvidenceType | null;
  conversation_id: string | null;
  authorised: number;
  created_by: number;
  created_by_name: string;
  created_at: number;
  updated_at: number;
}

const COLUMNS = `i.id, i.status, i.channels, i.category, i.document_type, i.document_number, i.member_name,
  i.contact_phone, i.contact_email, i.occurred_at, i.served_via, i.served_site, i.registered_by, i.description,
  i.error_message, i.browser, i.app_version, i.step, i.evidence_type, i.conversation_id, i.authorised,
  i.created_by, u.name AS created_by_name, i.created_at, i.updated_at
  FROM support_incidents i JOIN support_users u ON u.id = i.created_by`;

export function createIncidentStore(db: SqliteDatabase): IncidentStore {
  const insert = db.prepare(
    `INSERT INTO support_incidents (status, channels, category, document_type, document_number, member_name,
       contact_phone, contact_email, occurred_at, served_via, served_site, registered_by, description,
       error_message, browser, app_version, step, evidence_type, evidence, conversation_id, authorised,
       created_by, created_at, updated_at)
     VALUES ('new', @channels, @category, @documentType, @documentNumber, @memberName, @contactPhone,
       @contactEmail, @occurredAt, @servedVia, @servedSite, @registeredBy, @description, @errorMessage,
       @browser, @appVersion, @step, @evidenceType, @evidence, @conversationId, 1, @createdBy, @now, @now)`,
  );
  const byId = db.prepare<[number], IncidentRow>(`SELECT ${COLUMNS} WHERE i.id = ?`);
  const evidenceOf = db.prepare<[number], { evidence_type: EvidenceType | null; evidence: Buffer | null }>('SELECT evidence_type, evidence FROM support_incidents WHERE id = ?');
  const page = db.prepare<[number, number], IncidentRow>(`SELECT ${COLUMNS} WHERE i.id < ? ORDER BY i.id DESC LIMIT ?`);
  const pageByStatus = db.prepare<[string, number, number], IncidentRow>(`SELECT ${COLUMNS} WHERE i.status = ? AND i.id < ? ORDER BY i.id DESC LIMIT ?`);
  const related = db.prepare<[string, string, string], IncidentRow>(
    `SELECT ${COLUMNS} WHERE i.id IN (
       SELECT id FROM support_incidents WHERE conversation_id = ?
       UNION SELECT id FROM support_incidents WHERE document_number IN (SELECT value FROM json_each(?))
       UNION SELECT id FROM support_incidents WHERE contact_phone IN (SELECT value FROM json_each(?)))
     ORDER BY i.id DESC LIMIT 50`,
  );
  const updateStatus = db.prepare('UPDATE support_incidents SET status = ?, updated_at = ? WHERE id = ?');

  return {
    create(incident, now) {
      const { lastInsertRowid } = insert.run({
        channels: JSON.stringify(incident.channels),
        category: incident.category,
        documentType: incident.documentType,
        documentNumber: incident.documentNumber,
        memberName: incident.memberName,
        contactPhone: incident.contactPhone ?? null,
        contactEmail: incident.contactEmail ?? null,
        occurredAt: incident.occurredAt,
        servedVia: incident.servedVia,
        servedSite: incident.servedSite ?? null,
        registeredBy: incident.registeredBy,
        description: incident.description,
        errorMessage: incident.errorMessage ?? null,
        browser: incident.browser ?? null,
        appVersion: incident.appVersion ?? null,
        step: incident.step ?? null,
        evidenceType: incident.evidence?.type ?? null,
        evidence: incident.evidence?.data ?? null,
        conversationId: incident.conversationId ?? null,
        createdBy: incident.createdBy,
        now,
      });
      return toIncident(byId.get(Number(lastInsertRowid)) as IncidentRow);
    },
    get(id) {
      const row = byId.get(id);
      return row ? toIncident(row) : undefined;
    },
    evidence(id) {
      const row = evidenceOf.get(id);
      return row?.evidence && row.evidence_type ? { type: row.evidence_type, data: row.evidence } : undefined;
    },
    list({ status, beforeId, limit }) {
      const before = beforeId ?? Number.MAX_SAFE_INTEGER;
      return (status ? pageByStatus.all(status, before, limit) : page.all(before, limit)).map(toIncident);
    },
    forConversation({ conversationId, documents, phones }) {
      return related.all(conversationId, JSON.stringify(documents), JSON.stringify(phones)).map(toIncident);
    },
    setStatus({ id, status, now }) {
      if (updateStatus.run(status, now, id).changes === 0) return undefined;
      return toIncident(byId.get(id) as IncidentRow);
    },
  };
}

function toIncident(row: IncidentRow): Incident {
  const optional = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));
  return {
    id: row.id,
    status: row.status,
    channels: JSON.parse(row.channels) as IncidentChannel[],
    category: row.category,
    documentType: row.document_type,
    documentNumber: row.document_number,
    memberName: row.member_name,
    ...optional('contactPhone', row.contact_phone),
    ...optional('contactEmail', row.contact_email),
    occurredAt: row.occurred_at,
    servedVia: row.served_via,
    ...optional('servedSite', row.served_site),
    registeredBy: row.registered_by,
    description: row.description,
    ...optional('errorMessage', row.error_message),
    ...optional('browser', row.browser),
    ...optional('appVersion', row.app_version),
    ...optional('step', row.step),
    evidenceType: row.evidence_type ?? undefined,
    ...optional('conversationId', row.conversation_id),
    authorised: true,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
