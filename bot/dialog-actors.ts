import { fromPromise } from 'xstate';
import type { Appointment, DocumentId, Member, Slot } from './domain.js';
import type { AgendaService, Clock } from './ports.js';
import { bookingMachine, type BookInput, type SearchSlotsInput } from '../dialogs/booking.machine.js';
import { conversationMachine } from '../dialogs/conversation.machine.js';
import { bogotaDate, bogotaInstant, nextBusinessDay } from './calendar.js';

const HORIZON_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The conversation machine with its side effects bound to a real agenda and clock. Machines
 * only name their actors; here each machine, child machines included, gets them with
 * `machine.provide({ actors })`.
 */
export function createConversationMachine(agenda: AgendaService, clock: Clock) {
  const actors = createDialogActors(agenda, clock);
  return conversationMachine.provide({
    actors: {
      findMember: actors.findMember,
      booking: bookingMachine.provide({ actors: { searchSlots: actors.searchSlots, book: actors.book } }),
    },
  });
}

function createDialogActors(agenda: AgendaService, clock: Clock) {
  return {
    findMember: fromPromise<Member, DocumentId>(({ input }) => agenda.findMember(input)),
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
  };
}
