/**
 * What the WhatsApp channel keeps in Lina's database, as ports: the linked device's
 * credentials and keys (opaque text to the store: the channel encodes and decodes them), and
 * the people behind the addresses members write from. Implemented by data/whatsapp/.
 */

/** One of a person's WhatsApp addresses: a phone JID or a LID, without device suffix. */
export interface WhatsAppAddress {
  jid: string;
  kind: 'pn' | 'lid';
  /** The digits before the `@`: the phone number (country code first) for `pn`. */
  user: string;
}

export interface WhatsAppPerson {
  /** The engine's user id on WhatsApp: personal data, never logged. */
  personId: string;
  /** The phone in E.164 (`+573001112233`), when any of the person's addresses revealed it. */
  phone?: string;
}

export interface PeopleStore {
  /**
   * The person behind a message's addresses (the chat's own first), recording them all.
   * A known address keeps its person; a new person is named by the phone digits when a phone
   * JID is present, else by the LID (`lid:<digits>`).
   */
  resolve(addresses: WhatsAppAddress[]): WhatsAppPerson;
}

/** One stored value of the auth state: the credentials, or one signal key of a category. */
export interface AuthEntry {
  category: string;
  id: string;
  /** The encoded value; `null` deletes the entry. */
  value: string | null;
}

/**
 * The linked device's credentials and signal keys, one entry per (category, id), values
 * already encoded as text. A batch is written whole or not at all.
 */
export interface WhatsAppAuthStore {
  get(category: string, id: string): string | undefined;
  /** The entries of a category among `ids` that exist (a missing one is simply absent). */
  getMany(category: string, ids: string[]): Array<{ id: string; value: string }>;
  /** Writes and deletes (`value: null`) in one transaction. */
  write(entries: AuthEntry[]): void;
  /** Forgets every entry (after a logout). */
  clear(): void;
}

/** One member message the Cloud API delivered, as the channel encoded it (opaque to the store). */
export interface InboxEntry {
  /** The `wamid`. */
  messageId: string;
  /** The message as the channel will read it back: personal data until it is handled. */
  event: string;
}

/**
 * The Cloud API channel's inbox: each member message is recorded before the webhook is
 * answered 200 (Meta does not deliver an answered webhook again), so one that a crash
 * interrupted is handled after the restart, and one delivered again is recognised by its id.
 */
export interface CloudInbox {
  /** Records the entries whose ids were never recorded, in one transaction; their ids. */
  admit(entries: InboxEntry[], at: Date): string[];
  /** Entries recorded and not yet handled, oldest first. */
  pending(): InboxEntry[];
  /** The message was handled: its content is forgotten, its id kept to recognise a redelivery. */
  handled(messageId: string, at: Date): void;
}

/**
 * When each member last wrote through the Cloud API. WhatsApp lets a business send free-form
 * messages for 24 hours after a member's last message; after that, only approved templates.
 */
export interface CustomerWindows {
  /** The member `waId` (phone digits) wrote at `at`; an earlier time never moves it back. */
  touch(waId: string, at: Date): void;
  /** When the member last wrote, if ever. */
  lastInbound(waId: string): Date | undefined;
}

/** What WhatsApp reported of a message Lina sent, from least to most final. */
export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * What became of the replies Lina sent through the Cloud API, for support to see beside the
 * transcript: each reply's status as WhatsApp reports it, and the replies that could not go
 * (the 24-hour window closed, an error) with the reason.
 */
export interface CloudDeliveries {
  /** A reply to the member message `answers` went out and WhatsApp named it `messageId`. */
  sent(messageId: string, answers: string, at: Date): void;
  /** `count` replies to the member message `answers` did not go, for `reason` (an error code). */
  notSent(answers: string, count: number, reason: string, at: Date): void;
  /**
   * WhatsApp reported `status` for the message `messageId`. Reports come out of order and
   * twice: a status never moves back (a late `sent` after `read` changes nothing), and one
   * that arrives before the send's own answer is kept for it.
   */
  status(messageId: string, status: DeliveryStatus, errorCodes: number[], at: Date): void;
}
