/**
 * The engine's ports: the agenda, the clock, the session store, the contingency switch and
 * the identification lockout. The stores the channels and the support console use have
 * their ports in bot/ports/; every store of data/ implements one of them.
 */
import type { Appointment, Cups, DocumentId, Franja, Member, RissCase, SiteCode, Slot, Specialty } from './domain.js';
import type { OutboundMessage } from './messages.js';

/**
 * The scheduling and RISS web services, as Lina needs them.
 * Every method rejects with an `AgendaError` (see `bot/agenda.errors.ts`).
 */
export interface AgendaService {
  /** Rejects with `NOT_FOUND` when no member has that document. */
  findMember(params: DocumentId): Promise<Member>;
  /** Free slots, earliest first. `franja` and `doctorId` narrow the search when given. */
  searchSlots(params: { cups: Cups; site: SiteCode; franja?: Franja; doctorId?: string; from: string; to: string; limit?: number }): Promise<Slot[]>;
  /**
   * The Bogotá days between `from` and `to` that have at least one free slot for the service at the
   * site (narrowed by `franja` and `doctorId` as searchSlots is), earliest first, with how many
   * free slots each has and when the first one starts.
   */
  availableDays(params: {
    cups: Cups;
    site: SiteCode;
    franja?: Franja;
    doctorId?: string;
    from: string;
    to: string;
    limit?: number;
  }): Promise<Array<{ day: string; slots: number; firstStart: string }>>;
  /** The same `idempotencyKey` always yields the same appointment. `SLOT_TAKEN` when gone. */
  book(params: { patientId: string; slotId: string; cups: Cups; idempotencyKey: string }): Promise<Appointment>;
  /** Upcoming booked appointments, earliest first. */
  listAppointments(params: { patientId: string }): Promise<Appointment[]>;
  cancel(params: { appointmentId: string }): Promise<Appointment>;
  /** Moves an appointment to another slot in one step: it never leaves two or none. */
  reschedule(params: { appointmentId: string; slotId: string; idempotencyKey: string }): Promise<Appointment>;
  createCase(params: { patientId: string; specialty: Specialty; cups: Cups; site: SiteCode; email: string; idempotencyKey: string }): Promise<RissCase>;
  /** The patient's open case for that specialty, or `null`. */
  findOpenCase(params: { patientId: string; specialty: Specialty }): Promise<RissCase | null>;
  closeCase(params: { radicado: string }): Promise<RissCase>;
  /**
   * Appointments still booked, per Bogotá day the booking was made, site, specialty and the
   * channel it was made through, for days `from` to `to` (`YYYY-MM-DD`, both included): the
   * program's goal metric is the digital share per site.
   */
  bookingStats(params: {
    from: string;
    to: string;
  }): Promise<Array<{ day: string; site: SiteCode; specialty: Specialty; channel: 'digital' | 'call_center' | 'in_person'; bookings: number }>>;
}

/** Where "now" comes from. Injected everywhere so tests and simulations control time. */
export interface Clock {
  now(): Date;
}

/** A conversation's saved state, as the engine left it after its last settled turn. */
export interface StoredSession {
  conversationId: string;
  machineVersion: number;
  /** The machine's persisted snapshot, as JSON. */
  snapshot: string;
  /** The options shown last, as JSON: what the next answer is matched against. */
  shownOptions: string | null;
  /** Epoch milliseconds of the last settled turn. */
  updatedAt: number;
}

export interface TranscriptLine {
  direction: 'in' | 'out';
  text: string;
  options?: string[];
  /** The dialog state once the turn settled, e.g. `booking.awaitingSlot`. */
  state?: string;
  messageId?: string;
}

/** Everything one turn changes, written in one transaction or not at all. */
export interface TurnCommit {
  sessionKey: string;
  conversationId: string;
  channel: string;
  userId: string;
  site?: string;
  /** This turn opened a new conversation (first contact, expiry, restart). */
  conversationStarted: boolean;
  /** The new state to resume from; `undefined` keeps the previous one untouched. */
  session?: Omit<StoredSession, 'conversationId' | 'updatedAt'>;
  messageId: string;
  /** What Lina answered, kept with the message id. */
  replies?: OutboundMessage[];
  transcript: TranscriptLine[];
  consents: Array<{ accepted: boolean; policyVersion: string; textShown: string }>;
  outcome?: string;
  events: Array<{ type: string; detail?: string }>;
  /** Who or what the conversation is about, for search: phone, document, radicado. */
  subjects?: Array<{ kind: 'phone' | 'document' | 'radicado'; value: string }>;
  at: number;
}

/** Where conversations live between turns. */
export interface SessionStore {
  load(sessionKey: string): Promise<StoredSession | undefined>;
  /** The answer already given to this message, or `undefined` if it was never processed. */
  answerTo(sessionKey: string, messageId: string): Promise<OutboundMessage[] | undefined>;
  /** Whether this sender accepted exactly this policy version, and did not withdraw since. */
  hasConsent(params: { channel: string; userId: string; policyVersion: string }): Promise<boolean>;
  commitTurn(turn: TurnCommit): Promise<void>;
}

/** The failure message of the contingency protocol while it is on for a channel. */
export interface FailureNotice {
  /** What the member reads instead of a flow. */
  text: string;
  since: Date;
  /** `manual`: an analyst switched it on; `agenda`: the agenda's circuit is open. */
  source: 'manual' | 'agenda';
}

/** Answers whether Lina must give the failure message instead of starting any flow. */
export interface ContingencySwitch {
  current(channel: string, now: Date): FailureNotice | undefined;
}

/**
 * Locks identification after repeated failed second factors, per document and per sender,
 * so nobody can try document after document, or date after date.
 */
export interface IdentityGuard {
  /** Whether identification must fail for this document or this sender right now. */
  isLocked(keys: { document: string; sender: string }, now: Date): boolean;
  recordFailure(keys: { document: string; sender: string }, now: Date): void;
}
