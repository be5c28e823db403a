import { fromPromise } from 'xstate';
import type { Appointment, DocumentId, Member, Slot } from './domain.js';
import { AgendaError } from './agenda.errors.js';
import type { AgendaService, Clock, IdentityGuard } from './ports.js';
import { bookingMachine, type BookInput, type BookingRestrictions } from '../dialogs/booking.machine.js';
import { cancelMachine } from '../dialogs/cancel.machine.js';
import { conversationMachine, type FindMemberInput } from '../dialogs/conversation.machine.js';
import { rescheduleMachine } from '../dialogs/reschedule.machine.js';
import { slotFinderMachine, type CreateCaseInput, type SearchSlotsInput } from '../dialogs/slot-finder.machine.js';
import type { RissCase, Specialty } from './domain.js';
import { bogotaDate, bogotaInstant, nextBusinessDay } from './calendar.js';

const HORIZON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The conversation machine with its side effects bound to a real agenda and clock. Machines
 * only name their actors; here each machine, child machines included, gets them with
 * `machine.provide({ actors })`.
 */
export function createConversationMachine(agenda: AgendaService, clock: Clock, identityGuard?: IdentityGuard) {
  const actors = createDialogActors(agenda, clock, identityGuard);
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: actors.searchSlots, createCase: actors.createCase } });
  return conversationMachine.provide({
    actors: {
      findMember: actors.findMember,
      listAppointments: actors.listAppointments,
      booking: bookingMachine.provide({
        actors: { checkRestrictions: actors.checkRestrictions, book: actors.book, slotFinder },
      }),
      cancel: cancelMachine.provide({ actors: { listAppointments: actors.listAppointments, cancel: actors.cancel } }),
      reschedule: rescheduleMachine.provide({
        actors: { listAppointments: actors.listAppointments, reschedule: actors.reschedule, slotFinder },
      }),
    },
  });
}

function createDialogActors(agenda: AgendaService, clock: Clock, identityGuard: IdentityGuard | undefined) {
  return {
    findMember: fromPromise<Member, FindMemberInput>(async ({ input }) => {
      const { documentType, documentNumber, sender } = input;
      // A locked document or sender looks exactly like an unknown document to the member.
      if (identityGuard?.isLocked({ document: `${documentType}:${documentNumber}`, sender: sender ?? '' }, clock.now())) {
        throw new AgendaError('NOT_FOUND', 'identification is locked', { operation: 'findMember' });
      }
      return agenda.findMember({ documentType, documentNumber });
    }),
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(({ input }) => {
      const now = clock.now();
      const to =
        input.window === 'todayAndNextWorkingDay'
          ? bogotaInstant(nextBusinessDay(bogotaDate(now)), '23:59')
          : new Date(now.getTime() + HORIZON_DAYS * DAY_MS);
      return agenda.searchSlots({
        cups: input.cups,
        site: input.site,
        ...(input.franja ? { franja: input.franja } : {}),
        ...(input.doctorId ? { doctorId: input.doctorId } : {}),
        from: now.toISOString(),
        to: to.toISOString(),
        limit: 5,
      });
    }),
    book: fromPromise<Appointment, BookInput>(({ input }) => agenda.book(input)),
    listAppointments: fromPromise<Appointment[], { patientId: string }>(({ input }) => agenda.listAppointments(input)),
    cancel: fromPromise<Appointment, { appointmentId: string }>(({ input }) => agenda.cancel(input)),
    reschedule: fromPromise<Appointment, { appointmentId: string; slotId: string; idempotencyKey: string }>(({ input }) =>
      agenda.reschedule(input),
    ),
    createCase: fromPromise<RissCase, CreateCaseInput>(({ input }) => agenda.createCase(input)),
    checkRestrictions: fromPromise<BookingRestrictions, { patientId: string; specialty: Specialty }>(async ({ input }) => {
      const [openCase, appointments] = await Promise.all([agenda.findOpenCase(input), agenda.listAppointments(input)]);
      return { openCase, upcoming: appointments.find((appointment) => appointment.specialty === input.specialty) ?? null };
    }),
  };
}
