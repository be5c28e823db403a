/**
 * One conversation per person, whichever address WhatsApp shows. A member may write from a
 * phone JID (`573001112233@s.whatsapp.net`) or a LID (`123…@lid`), and WhatsApp moves chats
 * from one to the other; every address ever seen maps to one person id in `whatsapp_people`.
 */
import type { PeopleStore, WhatsAppAddress, WhatsAppPerson } from '../../bot/ports/whatsapp.js';
import type { Migration, SqliteDatabase } from '../sqlite.js';

/** The table of WhatsApp addresses and their people, by schema version (see `Migration`). */
export const WHATSAPP_PEOPLE_MIGRATIONS: readonly Migration[] = [
  {
    version: 2,
    sql: `
  -- WhatsApp: every JID a person has written from (phone or LID) maps to one person id, so
  -- a member who shows up under either keeps one conversation.
  CREATE TABLE whatsapp_people (
    jid       TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    phone     TEXT
  ) WITHOUT ROWID;
  `,
  },
];

interface PersonRow {
  jid: string;
  person_id: string;
  phone: string | null;
}

export function createPeopleStore(db: SqliteDatabase): PeopleStore {
  const selectByJids = db.prepare<[string], PersonRow>('SELECT jid, person_id, phone FROM whatsapp_people WHERE jid IN (SELECT value FROM json_each(?))');
  const selectPhone = db.prepare<[string], { phone: string }>('SELECT phone FROM whatsapp_people WHERE person_id = ? AND phone IS NOT NULL LIMIT 1');
  const upsert = db.prepare<[string, string, string | null]>(
    `INSERT INTO whatsapp_people (jid, person_id, phone) VALUES (?, ?, ?)
     ON CONFLICT (jid) DO UPDATE SET person_id = excluded.person_id, phone = COALESCE(excluded.phone, whatsapp_people.phone)`,
  );

  const resolve = db.transaction((addresses: WhatsAppAddress[]): WhatsAppPerson => {
    if (addresses.length === 0) throw new RangeError('A person needs at least one address');
    const known = new Map(selectByJids.all(JSON.stringify(addresses.map((address) => address.jid))).map((row) => [row.jid, row]));
    const phoneAddress = addresses.find((address) => address.kind === 'pn');
    const lidAddress = addresses.find((address) => address.kind === 'lid');
    // The chat's own address wins when the two were known apart: it is the thread the member
    // is writing in now.
    const existing = addresses.map((address) => known.get(address.jid)).find((row) => row !== undefined);
    const personId = existing?.person_id ?? (phoneAddress ? phoneAddress.user : `lid:${lidAddress?.user ?? addresses[0]?.user}`);
    const phoneDigits = phoneAddress?.user;
    const phone = phoneDigits ? `+${phoneDigits}` : (selectPhone.get(personId)?.phone ?? undefined);
    for (const address of addresses) upsert.run(address.jid, personId, phone ?? null);
    return phone ? { personId, phone } : { personId };
  });

  return { resolve: (addresses) => resolve(addresses) };
}
