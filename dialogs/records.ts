/** What a conversation records for the engine besides its replies: outcomes, milestones, subjects. */
import type { SiteCode } from '../bot/domain.js';

/** How a conversation (or one operation in it) ended, for transcripts and metrics. */
export type Outcome = 'booked' | 'consulted' | 'cancelled' | 'rescheduled' | 'case_filed' | 'refused' | 'abandoned' | 'error' | 'ended';

/** Moments worth counting that are not an outcome. */
export type Milestone = 'booking-started' | 'no-availability';

/** What the engine records besides the replies: consent, outcomes, milestones, subjects. Never rendered. */
export type ConversationRecord =
  | { type: 'consent'; accepted: boolean; policyVersion: string }
  | { type: 'outcome'; outcome: Outcome; site?: SiteCode }
  | { type: 'milestone'; milestone: Milestone }
  /** Who or what the conversation is about, for the support console's search. */
  | { type: 'subject'; kind: 'document' | 'radicado'; value: string }
  /** A failed second factor for this document (`TYPE:number`): the engine counts them for the lockout. */
  | { type: 'identity-failure'; document: string };

/** A child's record travels up to the conversation machine as this event. */
export type RecordEvent = { type: 'RECORD'; record: ConversationRecord };
