import { and, assign, enqueueActions, fromPromise, sendParent, setup } from 'xstate';
import type { Appointment, Cups, Franja, Patient, SiteCode, Slot, Specialty, VisitType } from '../bot/domain.js';
import type { AgendaErrorCode } from '../bot/agenda.errors.js';
import { PEDIATRICS_MAX_AGE, SITES, cupsFor } from '../data/catalog.js';
import type { DialogEvent } from './events.js';
import { yearsOld } from './parse.js';
import { YES_NO, option, reply, type Reply } from './replies.js';
import { errorCode } from './errors.js';

/** How far the agenda is searched: the 14-day horizon, or today and the next working day. */
export type SearchWindow = 'horizon' | 'todayAndNextWorkingDay';

export interface SearchSlotsInput {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  window: SearchWindow;
}

export interface BookInput {
  patientId: string;
  slotId: string;
  cups: Cups;
  idempotencyKey: string;
}

export interface BookingInput {
  conversationId: string;
  patient: Patient;
  today: string;
  /** Sites to list first: the QR code's, then the last one used. */
  preferredSites: SiteCode[];
}

export type BookingOutput = { outcome: 'booked'; appointment: Appointment } | { outcome: 'abandoned' | 'error' };

type FranjaChoice = Franja | 'cualquiera';

interface BookingContext extends BookingInput {
  specialty?: Specialty;
  visitType?: VisitType;
  site?: SiteCode;
  franja?: FranjaChoice;
  slots: Slot[];
  slot?: Slot;
  idempotencyKey?: string;
  appointment?: Appointment;
  lastPrompt?: Reply;
  invalidAnswers: number;
  /** Set when the agenda failed and the member was told so. */
  failed?: boolean;
}

const SLOTS_SHOWN = 5;

function cupsOf(context: BookingContext): Cups {
  return cupsFor(context.specialty ?? 'medicina_general', context.visitType ?? 'primera_vez');
}

function slotParams(slot: Slot): Record<string, string> {
  return { start: slot.start, doctor: slot.doctor.name, site: slot.site };
}

/**
 * Booking, from the specialty to the booked appointment (contract point 8). Invoked by the
 * conversation machine once the patient is known; it speaks through its parent.
 */
export const bookingMachine = setup({
  types: {
    context: {} as BookingContext,
    events: {} as DialogEvent,
    input: {} as BookingInput,
    output: {} as BookingOutput,
  },
  actors: {
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(async () => {
      throw new Error('searchSlots is provided by the engine');
    }),
    book: fromPromise<Appointment, BookInput>(async () => {
      throw new Error('book is provided by the engine');
    }),
  },
  guards: {
    picked: ({ event }, value: string) => event.type === 'USER_MESSAGE' && event.choice === value,
    pickedAny: ({ event }) => event.type === 'USER_MESSAGE' && event.choice !== undefined,
    patientTooOldForPediatrics: ({ context }) =>
      yearsOld(context.patient.birthDate, context.today) >= PEDIATRICS_MAX_AGE,
    foundSlots: ({ event }) => 'output' in event && Array.isArray(event.output) && event.output.length > 0,
    slotTaken: ({ event }) => 'error' in event && errorCode(event.error) === ('SLOT_TAKEN' satisfies AgendaErrorCode),
  },
  actions: {
    say: sendParent((_, reply: Reply) => ({ type: 'SAY', reply })),
    prompt: enqueueActions(({ enqueue }, prompt: Reply) => {
      enqueue.assign({ lastPrompt: prompt, invalidAnswers: 0 });
      enqueue.sendParent({ type: 'SAY', reply: prompt });
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.lastPrompt) enqueue.sendParent({ type: 'SAY', reply: context.lastPrompt });
    }),
    /** Anything that is not an answer: say so, ask again, and offer help after three in a row. */
    rejectAnswer: enqueueActions(({ context, enqueue }) => {
      const invalidAnswers = context.invalidAnswers + 1;
      enqueue.assign({ invalidAnswers });
      enqueue.sendParent({ type: 'SAY', reply: reply('common.notUnderstood') });
      if (invalidAnswers >= 3) enqueue.sendParent({ type: 'SAY', reply: reply('common.offerHelp') });
      if (context.lastPrompt) enqueue.sendParent({ type: 'SAY', reply: context.lastPrompt });
    }),
    sayHelp: sendParent({ type: 'SAY', reply: reply('help.support') }),
  },
}).createMachine({
  id: 'booking',
  context: ({ input }) => ({ ...input, slots: [], invalidAnswers: 0 }),
  initial: 'awaitingSpecialty',
  on: {
    HELP: { actions: ['sayHelp', 'repeatPrompt'] },
  },
  states: {
    awaitingSpecialty: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: reply('booking.askSpecialty', undefined, [
          option('medicina_general', 'options.specialty.medicina_general'),
          option('pediatria', 'options.specialty.pediatria'),
        ]),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: and([{ type: 'picked', params: 'pediatria' }, 'patientTooOldForPediatrics']),
            // Pediatrics serves only patients under 18: say why and offer the choice again.
            actions: [
              { type: 'say', params: ({ context }) => reply('booking.pediatricsUnder18', { name: context.patient.firstName }) },
              'repeatPrompt',
            ],
          },
          {
            guard: 'pickedAny',
            target: 'awaitingVisitType',
            actions: assign({ specialty: ({ event }) => (event.type === 'USER_MESSAGE' ? event.choice : undefined) as Specialty }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingVisitType: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: reply('booking.askVisitType', undefined, [
          option('primera_vez', 'options.visitType.primera_vez'),
          option('control', 'options.visitType.control'),
          option('no_programada', 'options.visitType.no_programada'),
        ]),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'pickedAny',
            target: 'awaitingSite',
            actions: assign({ visitType: ({ event }) => (event.type === 'USER_MESSAGE' ? event.choice : undefined) as VisitType }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingSite: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => {
          const preferred = context.preferredSites.filter((site, i, all) => all.indexOf(site) === i);
          const ordered = [...preferred, ...SITES.map((s) => s.code).filter((site) => !preferred.includes(site))];
          return reply(
            'booking.askSite',
            undefined,
            ordered.map((site) => option(site, 'options.site', { site })),
          );
        },
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'pickedAny',
            target: 'awaitingFranja',
            actions: assign({ site: ({ event }) => (event.type === 'USER_MESSAGE' ? event.choice : undefined) as SiteCode }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingFranja: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: reply('booking.askFranja', undefined, [
          option('manana', 'options.franja.manana'),
          option('tarde', 'options.franja.tarde'),
          option('cualquiera', 'options.franja.cualquiera'),
        ]),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'pickedAny',
            target: 'searchingSlots',
            actions: assign({ franja: ({ event }) => (event.type === 'USER_MESSAGE' ? event.choice : undefined) as FranjaChoice }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    searchingSlots: {
      invoke: {
        src: 'searchSlots',
        input: ({ context }) => ({
          cups: cupsOf(context),
          site: context.site ?? 'CALLE42',
          ...(context.franja && context.franja !== 'cualquiera' ? { franja: context.franja } : {}),
          window: context.visitType === 'no_programada' ? 'todayAndNextWorkingDay' : 'horizon',
        }),
        onDone: [
          {
            guard: 'foundSlots',
            target: 'awaitingSlot',
            actions: assign({ slots: ({ event }) => event.output.slice(0, SLOTS_SHOWN) }),
          },
          { target: 'noAvailability' },
        ],
        onError: { target: 'failed' },
      },
    },
    awaitingSlot: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply(
            'booking.askSlot',
            { count: context.slots.length },
            context.slots.map((slot) => option(slot.id, 'options.slot', slotParams(slot))),
          ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: ({ context, event }) => context.slots.some((slot) => slot.id === event.choice),
            target: 'awaitingConfirmation',
            actions: assign({
              slot: ({ context, event }) => context.slots.find((slot) => slot.id === (event as { choice?: string }).choice),
              // One key per intent: a retry of this booking, even after a crash, reuses it.
              idempotencyKey: ({ context, event }) =>
                `${context.conversationId}:${(event as { messageId: string }).messageId}`,
            }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply(
            'booking.confirm',
            {
              patient: context.patient.firstName,
              service: cupsOf(context),
              ...(context.slot ? slotParams(context.slot) : {}),
            },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'bookingAppointment' },
          {
            guard: { type: 'picked', params: 'no' },
            target: 'abandoned',
            actions: { type: 'say', params: reply('booking.notConfirmed') },
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    bookingAppointment: {
      invoke: {
        src: 'book',
        input: ({ context }) => ({
          patientId: context.patient.id,
          slotId: context.slot?.id ?? '',
          cups: cupsOf(context),
          idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:booking`,
        }),
        onDone: {
          target: 'booked',
          actions: assign({ appointment: ({ event }) => event.output }),
        },
        onError: [
          {
            guard: 'slotTaken',
            target: 'searchingSlots',
            actions: { type: 'say', params: reply('booking.slotTaken') },
          },
          { target: 'awaitingRetry' },
        ],
      },
    },
    /** The agenda did not answer the booking: the same key makes a retry safe. */
    awaitingRetry: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: reply('booking.askRetry', undefined, YES_NO) },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'bookingAppointment' },
          {
            guard: { type: 'picked', params: 'no' },
            target: 'abandoned',
            actions: { type: 'say', params: reply('booking.retryDeclined') },
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    noAvailability: {
      entry: {
        type: 'say',
        params: ({ context }) => reply('booking.noSlots', { site: context.site ?? '' }),
      },
      always: 'abandoned',
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ failed: true })],
      always: 'error',
    },
    booked: {
      type: 'final',
      entry: {
        type: 'say',
        params: ({ context }) =>
          reply('booking.booked', {
            patient: context.patient.firstName,
            service: cupsOf(context),
            ...(context.appointment
              ? { start: context.appointment.start, doctor: context.appointment.doctor.name, site: context.appointment.site }
              : {}),
          }),
      },
    },
    abandoned: { type: 'final' },
    error: { type: 'final' },
  },
  output: ({ context }): BookingOutput => {
    if (context.appointment) return { outcome: 'booked', appointment: context.appointment };
    return { outcome: context.failed ? 'error' : 'abandoned' };
  },
});
