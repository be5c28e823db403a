import { fromPromise } from 'xstate';
import { SEARCH_HORIZON_DAYS, type Appointment, type Member, type Slot } from './domain.js';
import { AgendaError } from './agenda.errors.js';
import type { AgendaService, Clock, IdentityGuard } from './ports.js';
import { bookingMachine, type BookingRestrictions } from '../dialogs/booking.machine.js';
import { cancelMachine } from '../dialogs/cancel.machine.js';
import { conversationMachine, type FindMemberInput } from '../dialogs/conversation.machine.js';
import { rescheduleMachine } from '../dialogs/reschedule.machine.js';
import {
  DAYS_PER_PAGE,
  SLOTS_PER_PAGE,
  slotFinderMachine,
  type AvailableDay,
  type AvailableDaysInput,
  type CreateCaseInput,
  type SearchSlotsInput,
  type SearchWindow,
} from '../dialogs/slot-finder.machine.js';
import { takeSlotMachine, type CommitInput } from '../dialogs/take-slot.machine.js';
import type { RissCase, Specialty } from './domain.js';
import { addDays, bogotaDate, bogotaInstant, bogotaTime, nextBusinessDay } from './calendar.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** How the agenda is searched from the dialogs: the least time between now and a slot offered. */
export interface SearchRules {
  /** A slot is offered only when it starts at least this many minutes from now. */
  minLeadMinutes: number;
}

export const DEFAULT_SEARCH_RULES: SearchRules = { minLeadMinutes: 60 };

/**
 * The conversation machine with its side effects bound to a real agenda and clock. Machines
 * only name their actors; here each machine, child machines included, gets them with
 * `machine.provide({ actors })`.
 */
export function createConversationMachine(agenda: AgendaService, clock: Clock, identityGuard?: IdentityGuard, rules: SearchRules = DEFAULT_SEARCH_RULES) {
  const actors = createDialogActors(agenda, clock, identityGuard, rules);
  const slotFinder = slotFinderMachine.provide({ actors: { searchSlots: actors.searchSlots, availableDays: actors.availableDays, createCase: actors.createCase } });
  // Taking a slot is one sub-flow; what commits it is injected: a booking, or a move.
  const bookingSlot = takeSlotMachine.provide({ actors: { commit: actors.book, slotFinder } });
  const movingSlot = takeSlotMachine.provide({ actors: { commit: actors.move, slotFinder } });
  return conversationMachine.provide({
    actors: {
      findMember: actors.findMember,
      listAppointments: actors.listAppointments,
      booking: bookingMachine.provide({ actors: { checkRestrictions: actors.checkRestrictions, takeSlot: bookingSlot } }),
      cancel: cancelMachine.provide({ actors: { listAppointments: actors.listAppointments, cancel: actors.cancel } }),
      reschedule: rescheduleMachine.provide({ actors: { listAppointments: actors.listAppointments, takeSlot: movingSlot } }),
    },
  });
}

/**
 * The window a search covers, as instants: from the lead time on (never before `day` or
 * `fromTime`), to the end of the horizon, of the next working day (no programada), or of `day`,
 * and never on or after `before` (the day a child turns 18, for pediatrics).
 */
export function searchWindow(
  now: Date,
  rules: SearchRules,
  search: { window: SearchWindow; day?: string; fromTime?: string; toTime?: string; before?: string },
): { from: Date; to: Date } | undefined {
  const earliest = new Date(now.getTime() + rules.minLeadMinutes * MINUTE_MS);
  const windowEnd = search.window === 'todayAndNextWorkingDay' ? bogotaInstant(nextBusinessDay(bogotaDate(now)), '23:59') : new Date(now.getTime() + SEARCH_HORIZON_DAYS * DAY_MS);
  let from = earliest;
  let to = windowEnd;
  if (search.day) {
    const dayStart = bogotaInstant(search.day, search.fromTime ?? '00:00');
    const dayEnd = search.toTime ? new Date(bogotaInstant(search.day, search.toTime).getTime() - 1) : bogotaInstant(search.day, '23:59');
    if (dayStart > from) from = dayStart;
    if (dayEnd < to) to = dayEnd;
  }
  if (search.before) {
    const lastInstant = new Date(bogotaInstant(search.before, '00:00').getTime() - 1);
    if (lastInstant < to) to = lastInstant;
  }
  return from <= to ? { from, to } : undefined;
}

/**
 * One page of slots for the slot finder: the search window, the next page starting at the last
 * slot shown (the ones already shown at that minute left out), a time of day on every day.
 */
export async function searchSlotsIn(agenda: Pick<AgendaService, 'searchSlots'>, now: Date, rules: SearchRules, input: SearchSlotsInput): Promise<Slot[]> {
  const window = searchWindow(now, rules, input);
  if (!window) return [];
  if (input.latest) return latestSlotsIn(agenda, window, input);
  const after = input.after;
  const from = after && Date.parse(after.start) > window.from.getTime() ? new Date(after.start) : window.from;
  const skip = new Set(after?.ids ?? []);
  const kept = (slot: Slot) => !skip.has(slot.id) && atTimeOfDay(slot, input) && slot.doctor.id !== input.notDoctorId && !onDayLeftOut(slot, input);
  if (input.notDays?.length) return slotsBesideDays(agenda, input, { from, to: window.to }, kept);
  const slots = await agenda.searchSlots({
    ...searchedFor(input, from, window.to),
    // A time of day without a day, or a doctor left out, filters the slots here: ask for enough to fill a page.
    limit: ((input.fromTime || input.toTime) && !input.day) || input.notDoctorId ? 200 : SLOTS_PER_PAGE + skip.size,
  });
  return slots.filter(kept).slice(0, SLOTS_PER_PAGE);
}

/** Slots asked of the agenda at once when days are ruled out, and the rounds of them at most for one page. */
const BATCH_BESIDE_DAYS = 200;
const ROUNDS_BESIDE_DAYS = 20;

/**
 * A page of slots on days the member did not rule out ("cualquier día menos el lunes"): the days ruled out are stepped over
 * whole, and the agenda read on in batches until the page is full or the window ends.
 */
async function slotsBesideDays(
  agenda: Pick<AgendaService, 'searchSlots'>,
  input: SearchSlotsInput,
  window: { from: Date; to: Date },
  kept: (slot: Slot) => boolean,
): Promise<Slot[]> {
  const page: Slot[] = [];
  let cursor = window.from;
  for (let round = 0; round < ROUNDS_BESIDE_DAYS && page.length < SLOTS_PER_PAGE; round++) {
    while (input.notDays?.includes(bogotaDate(cursor))) cursor = bogotaInstant(addDays(bogotaDate(cursor), 1), '00:00');
    if (cursor > window.to) break;
    const batch = await agenda.searchSlots({ ...searchedFor(input, cursor, window.to), limit: BATCH_BESIDE_DAYS });
    page.push(...batch.filter((slot) => kept(slot) && !page.some((shown) => shown.id === slot.id)));
    const last = batch.at(-1);
    if (batch.length < BATCH_BESIDE_DAYS || !last) break;
    cursor = new Date(last.start);
  }
  return page.slice(0, SLOTS_PER_PAGE);
}

/** Whether a slot falls on a day the member ruled out ("cualquier día menos el lunes"). */
function onDayLeftOut(slot: Slot, input: Pick<SearchSlotsInput, 'notDays'>): boolean {
  return input.notDays !== undefined && input.notDays.includes(bogotaDate(new Date(slot.start)));
}

/** Whether a slot starts within the time of day searched: from `fromTime`, before `toTime`. */
function atTimeOfDay(slot: Slot, input: Pick<SearchSlotsInput, 'fromTime' | 'toTime'>): boolean {
  const time = bogotaTime(new Date(slot.start));
  return (!input.fromTime || time >= input.fromTime) && (!input.toTime || time < input.toTime);
}

/** Slots one day holds at most, asked at once when its latest come first. */
const SLOTS_OF_A_DAY = 500;

/**
 * "Lo más tarde posible": the slots of the first day that has any, the latest first, then the
 * next days' likewise; a next page (`after`) goes on from the last slot shown towards the
 * earlier times of its day. The agenda lists slots earliest first, so each day is read whole.
 */
async function latestSlotsIn(agenda: Pick<AgendaService, 'searchSlots'>, window: { from: Date; to: Date }, input: SearchSlotsInput): Promise<Slot[]> {
  const after = input.after;
  const skip = new Set(after?.ids ?? []);
  const afterDay = after ? bogotaDate(new Date(after.start)) : undefined;
  const page: Slot[] = [];
  let from = afterDay ? new Date(Math.max(window.from.getTime(), bogotaInstant(afterDay, '00:00').getTime())) : window.from;
  while (page.length < SLOTS_PER_PAGE && from <= window.to) {
    const [first] = await agenda.searchSlots({ ...searchedFor(input, from, window.to), limit: 1 });
    if (!first) break;
    const day = bogotaDate(new Date(first.start));
    // (A day ruled out is skipped whole.)
    if (input.notDays?.includes(day)) {
      from = bogotaInstant(addDays(day, 1), '00:00');
      continue;
    }
    const dayEnd = new Date(Math.min(window.to.getTime(), bogotaInstant(day, '23:59').getTime()));
    const ofDay = await agenda.searchSlots({ ...searchedFor(input, from, dayEnd), limit: SLOTS_OF_A_DAY });
    const latestFirst = ofDay
      .filter((slot) => atTimeOfDay(slot, input) && slot.doctor.id !== input.notDoctorId)
      // Stable: slots at the same minute keep the agenda's order, as the pages' `after` counts on.
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
      .filter((slot) => day !== afterDay || !after || Date.parse(slot.start) < Date.parse(after.start) || (slot.start === after.start && !skip.has(slot.id)));
    page.push(...latestFirst);
    from = bogotaInstant(addDays(day, 1), '00:00');
  }
  return page.slice(0, SLOTS_PER_PAGE);
}

/** What both agenda searches are asked for: the service, the site, the band and doctor when given, and the window. */
function searchedFor(input: Pick<SearchSlotsInput, 'cups' | 'site' | 'franja' | 'doctorId'>, from: Date, to: Date) {
  return {
    cups: input.cups,
    site: input.site,
    ...(input.franja ? { franja: input.franja } : {}),
    ...(input.doctorId ? { doctorId: input.doctorId } : {}),
    from: from.toISOString(),
    to: to.toISOString(),
  };
}

/** More days than any window holds (14 days ahead, or today and the next working day). */
const ALL_DAYS = 31;

/** One page of the days that have slots, after `afterDay` when the member asked for more. */
export async function availableDaysIn(agenda: Pick<AgendaService, 'availableDays'>, now: Date, rules: SearchRules, input: AvailableDaysInput): Promise<AvailableDay[]> {
  const window = searchWindow(now, rules, { window: input.window, ...(input.before ? { before: input.before } : {}) });
  if (!window) return [];
  const from = input.afterDay ? new Date(Math.max(window.from.getTime(), bogotaInstant(addDays(input.afterDay, 1), '00:00').getTime())) : window.from;
  if (from > window.to) return [];
  // "Para dentro de tres semanas": a day beyond the window is answered with the window's last days that have slots
  // (the agenda's window: a day after a child's 18th birthday but within it is no day beyond the agenda).
  const agendaWindow = input.before ? searchWindow(now, rules, { window: input.window }) : window;
  const beyond = input.askedDay !== undefined && agendaWindow !== undefined && bogotaInstant(input.askedDay, '00:00') > agendaWindow.to;
  const days = await agenda.availableDays({
    ...searchedFor(input, from, window.to),
    // One more than a page: whether more days follow; every day of the window when its last ones are wanted.
    // (With days ruled out, every day of the window: those are left out here.)
    limit: beyond || input.notDays?.length ? ALL_DAYS : DAYS_PER_PAGE + 1,
  });
  const kept = input.notDays?.length ? days.filter(({ day }) => !input.notDays?.includes(day)) : days;
  if (beyond) return kept.slice(-DAYS_PER_PAGE).map(({ day, slots }) => ({ day, slots, beyondWindow: true as const }));
  return kept.slice(0, input.notDays?.length ? DAYS_PER_PAGE + 1 : kept.length).map(({ day, slots }) => ({ day, slots }));
}

/** The agenda's booking of the slot confirmed. */
export function bookingOf({ patientId, slotId, cups, idempotencyKey }: CommitInput) {
  return { patientId, slotId, cups, idempotencyKey };
}

/** The agenda's move of the appointment being rescheduled to the slot confirmed. */
export function moveOf({ appointmentId, slotId, idempotencyKey }: CommitInput) {
  if (appointmentId === undefined) throw new Error('a move names the appointment it moves');
  return { appointmentId, slotId, idempotencyKey };
}

function createDialogActors(agenda: AgendaService, clock: Clock, identityGuard: IdentityGuard | undefined, rules: SearchRules) {
  return {
    findMember: fromPromise<Member, FindMemberInput>(async ({ input }) => {
      const { documentType, documentNumber, sender } = input;
      // A locked document or sender looks exactly like an unknown document to the member.
      if (identityGuard?.isLocked({ document: `${documentType}:${documentNumber}`, sender: sender ?? '' }, clock.now())) {
        throw new AgendaError('NOT_FOUND', 'identification is locked', { operation: 'findMember' });
      }
      return agenda.findMember({ documentType, documentNumber });
    }),
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(({ input }) => searchSlotsIn(agenda, clock.now(), rules, input)),
    availableDays: fromPromise<AvailableDay[], AvailableDaysInput>(({ input }) => availableDaysIn(agenda, clock.now(), rules, input)),
    book: fromPromise<Appointment, CommitInput>(({ input }) => agenda.book(bookingOf(input))),
    move: fromPromise<Appointment, CommitInput>(async ({ input }) => agenda.reschedule(moveOf(input))),
    listAppointments: fromPromise<Appointment[], { patientId: string }>(({ input }) => agenda.listAppointments(input)),
    cancel: fromPromise<Appointment, { appointmentId: string }>(({ input }) => agenda.cancel(input)),
    createCase: fromPromise<RissCase, CreateCaseInput>(({ input }) => agenda.createCase(input)),
    checkRestrictions: fromPromise<BookingRestrictions, { patientId: string; specialty: Specialty }>(async ({ input }) => {
      const [openCase, appointments] = await Promise.all([agenda.findOpenCase(input), agenda.listAppointments(input)]);
      return { openCase, upcoming: appointments.find((appointment) => appointment.specialty === input.specialty) ?? null };
    }),
  };
}
