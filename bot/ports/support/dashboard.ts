/**
 * The migration dashboard's activity figures, as a port. Implemented by
 * data/support/dashboard.store.ts.
 */

/** Events the dashboard counts, by the type the engine records. */
export const COUNTED_EVENTS = {
  bookings: 'outcome:booked',
  consultations: 'outcome:consulted',
  cancellations: 'outcome:cancelled',
  reschedules: 'outcome:rescheduled',
  casesFiled: 'outcome:case_filed',
  abandoned: 'outcome:abandoned',
  errors: 'outcome:error',
  bookingsStarted: 'booking-started',
  noAvailability: 'no-availability',
  agendaErrors: 'agenda-error',
  failureNotices: 'failure-notice',
} as const;
export type CountedMetric = keyof typeof COUNTED_EVENTS;

/** One line of the activity table: a Bogotá day, a site (`''` when none) and a channel. */
export interface ActivityRow extends Record<CountedMetric, number> {
  day: string;
  site: string;
  channel: string;
  conversations: number;
}

export interface DashboardStore {
  /** Activity between two instants (epoch ms, `to` exclusive), by day, site and channel, sorted. */
  activity(params: { from: number; to: number }): ActivityRow[];
}
