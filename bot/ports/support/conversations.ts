/**
 * Lina's conversations as the support console reads them (search, transcript, events, the
 * subjects they were about), as a port. Implemented by data/support/conversations.store.ts.
 */
import type { SiteCode } from '../../domain.js';
import type { ChannelName } from '../../messages.js';

/** Outcomes a conversation can end with, as the engine records them. */
export const OUTCOMES = ['booked', 'consulted', 'cancelled', 'rescheduled', 'case_filed', 'refused', 'abandoned', 'error'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type SubjectKind = 'phone' | 'document' | 'radicado';

/** What a search may narrow by. Every filter is optional; instants are epoch ms, `to` exclusive. */
export interface ConversationFilters {
  /** Any of these values (the spellings a phone may have been stored with). */
  phones?: string[];
  documents?: string[];
  radicado?: string;
  /** A site code, or `none` for conversations that came in without one. */
  site?: SiteCode | 'none';
  channel?: ChannelName;
  outcome?: Outcome;
  from?: number;
  to?: number;
}

/** Where the next page starts: the last row of the page before. */
export interface SearchCursor {
  startedAt: number;
  id: string;
}

export interface ConversationSummary {
  id: string;
  channel: string;
  userId: string;
  site: string | undefined;
  startedAt: number;
  updatedAt: number;
  outcome: string | undefined;
}

export interface TranscriptEntry {
  id: number;
  direction: 'in' | 'out';
  text: string;
  options: string[];
  state: string | undefined;
  at: number;
}

export interface ConversationEvent {
  id: number;
  type: string;
  detail: string | undefined;
  at: number;
}

/**
 * What became of Lina's replies to one member message on the WhatsApp Cloud API: a reply that
 * went out and its latest status, or replies that did not go and why (an error code such as
 * `WINDOW_CLOSED`).
 */
export interface ReplyDelivery {
  /** The transcript line of the member message the replies answered. */
  lineId: number;
  status: 'sent' | 'delivered' | 'read' | 'failed' | 'not_sent';
  /** Why replies did not go, or the error codes of a failure (comma-separated). */
  detail: string | undefined;
  /** How many replies did not go (`not_sent`); 1 otherwise. */
  count: number;
  /** When the status was last reported. */
  at: number;
}

export interface Subject {
  kind: SubjectKind;
  value: string;
}

export interface ConversationStore {
  /** Newest first; `rows` holds at most `limit`, `next` is set when there are more. */
  search(filters: ConversationFilters, page: { limit: number; after?: SearchCursor }): { rows: ConversationSummary[]; next: SearchCursor | undefined };
  get(id: string): ConversationSummary | undefined;
  transcript(id: string): TranscriptEntry[];
  events(id: string): ConversationEvent[];
  /** What became of Lina's replies on the WhatsApp Cloud API, in the order they were sent (none on other channels). */
  deliveries(id: string): ReplyDelivery[];
  subjects(id: string): Subject[];
  /** Subjects of many conversations at once (a result page), by conversation id. */
  subjectsOf(ids: string[]): Map<string, Subject[]>;
  /** Conversations about any of these documents or phones, newest first (an incident's member). */
  about(params: { documents: string[]; phones: string[]; limit: number }): ConversationSummary[];
}
