import { and, assign, fromPromise, sendTo, setup } from 'xstate';
import type { AgendaService } from '../bot/ports.js';
import type { Appointment, Cups, Patient, RissCase, SiteCode, Slot, Specialty, VisitType } from '../bot/domain.js';
import { PEDIATRICS_MAX_AGE, SITES, cupsFor } from '../data/catalog.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { yearsOld } from './parse.js';
import { YES_NO, option, reply } from './replies.js';
import { slotFinderMachine, type FranjaChoice, type SlotFinderOutput } from './slot-finder.machine.js';
import { childSpeech, type SayEvent, type SpeakingContext } from './speech.js';

/** The agenda port's own parameters: machines name the call, the engine makes it. */
export type BookInput = Parameters<AgendaService['book']>[0];

/** What stands in the way of a new booking of a specialty for a patient (points 10, 11). */
export interface BookingRestrictions {
  openCase: RissCase | null;
  upcoming: Appointment | null;
}

export interface BookingInput {
  conversationId: string;
  patient: Patient;
  memberEmail?: string;
  today: string;
  /** Sites to list first: the QR code's, then the last one used. */
  preferredSites: SiteCode[];
}

export type BookingOutput =
  | { outcome: 'booked'; appointment: Appointment }
  | { outcome: 'case'; rissCase: RissCase }
  /** The patient already has an appointment of that specialty and chose to move or cancel it. */
  | { outcome: 'switch'; operation: 'reschedule' | 'cancel' }
  | { outcome: 'refused' | 'abandoned' | 'error' };

interface BookingContext extends BookingInput, SpeakingContext {
  specialty?: Specialty;
  visitType?: VisitType;
  site?: SiteCode;
  franja?: FranjaChoice;
  slot?: Slot;
  idempotencyKey?: string;
  existing?: Appointment;
  result?: BookingOutput;
}

function cupsOf(context: BookingContext): Cups {
  return cupsFor(context.specialty ?? 'medicina_general', context.visitType ?? 'primera_vez');
}

function appointmentParams(patient: Patient, appointment: Pick<Appointment, 'cups' | 'start' | 'site' | 'doctor'>) {
  return { patient: patient.firstName, service: appointment.cups, start: appointment.start, doctor: appointment.doctor.name, site: appointment.site };
}

const choiceOf = (event: DialogEvent) => (event.type === 'USER_MESSAGE' ? event.choice : undefined);

/**
 * Booking, from the specialty to the booked appointment (contract points 8-11). Invoked by the
 * conversation machine once the patient is known; slot search and the no-availability ladder
 * run in the slot finder.
 */
export const bookingMachine = setup({
  types: {
    context: {} as BookingContext,
    events: {} as DialogEvent | SayEvent,
    input: {} as BookingInput,
    output: {} as BookingOutput,
  },
  actors: {
    checkRestrictions: fromPromise<BookingRestrictions, { patientId: string; specialty: Specialty }>(async () => {
      throw new Error('checkRestrictions is provided by the engine');
    }),
    book: fromPromise<Appointment, BookInput>(async () => {
      throw new Error('book is provided by the engine');
    }),
    slotFinder: slotFinderMachine,
  },
  guards: {
    picked: ({ event }, value: string) => event.type === 'USER_MESSAGE' && event.choice === value,
    pickedAny: ({ event }) => event.type === 'USER_MESSAGE' && event.choice !== undefined,
    patientTooOldForPediatrics: ({ context }) => yearsOld(context.patient.birthDate, context.today) >= PEDIATRICS_MAX_AGE,
    slotTaken: ({ event }) => 'error' in event && errorCode(event.error) === 'SLOT_TAKEN',
  },
  actions: childSpeech<BookingContext, DialogEvent | SayEvent>(),
}).createMachine({
  id: 'booking',
  context: ({ input }) => ({ ...input, invalidAnswers: 0 }),
  initial: 'awaitingSpecialty',
  on: { HELP: { actions: ['sayHelp', 'repeatPrompt'] } },
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
            // Pediatrics serves only patients under 18: say why and offer the choice again.
            guard: and([{ type: 'picked', params: 'pediatria' }, 'patientTooOldForPediatrics']),
            actions: [
              { type: 'say', params: ({ context }) => reply('booking.pediatricsUnder18', { name: context.patient.firstName }) },
              'repeatPrompt',
            ],
          },
          {
            guard: 'pickedAny',
            target: 'checkingRestrictions',
            actions: assign({ specialty: ({ event }) => choiceOf(event as DialogEvent) as Specialty }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    checkingRestrictions: {
      invoke: {
        src: 'checkRestrictions',
        input: ({ context }) => ({ patientId: context.patient.id, specialty: context.specialty ?? 'medicina_general' }),
        onDone: [
          {
            guard: ({ event }) => event.output.openCase !== null,
            target: 'refused',
            actions: {
              type: 'say',
              params: ({ event }) =>
                reply('booking.caseOpen', { radicado: event.output.openCase?.radicado, dueDate: event.output.openCase?.dueDate }),
            },
          },
          {
            guard: ({ event }) => event.output.upcoming !== null,
            target: 'awaitingExistingChoice',
            actions: assign({ existing: ({ event }) => event.output.upcoming ?? undefined }),
          },
          { target: 'awaitingVisitType' },
        ],
        onError: { target: 'failed' },
      },
    },
    /** One upcoming appointment per patient and specialty: offer to move or cancel it instead. */
    awaitingExistingChoice: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply('booking.alreadyHasOne', context.existing ? appointmentParams(context.patient, context.existing) : {}, [
            option('reschedule', 'options.existing.reschedule'),
            option('cancel', 'options.existing.cancel'),
            option('menu', 'options.existing.menu'),
          ]),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'reschedule' }, target: 'done', actions: assign({ result: { outcome: 'switch', operation: 'reschedule' } }) },
          { guard: { type: 'picked', params: 'cancel' }, target: 'done', actions: assign({ result: { outcome: 'switch', operation: 'cancel' } }) },
          { guard: { type: 'picked', params: 'menu' }, target: 'done', actions: assign({ result: { outcome: 'refused' } }) },
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
          { guard: 'pickedAny', target: 'awaitingSite', actions: assign({ visitType: ({ event }) => choiceOf(event as DialogEvent) as VisitType }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingSite: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => {
          const preferred = context.preferredSites.filter((site, index, all) => all.indexOf(site) === index);
          const ordered = [...preferred, ...SITES.map((site) => site.code).filter((code) => !preferred.includes(code))];
          return reply('booking.askSite', undefined, ordered.map((site) => option(site, 'options.site', { site })));
        },
      },
      on: {
        USER_MESSAGE: [
          { guard: 'pickedAny', target: 'awaitingFranja', actions: assign({ site: ({ event }) => choiceOf(event as DialogEvent) as SiteCode }) },
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
          { guard: 'pickedAny', target: 'findingSlot', actions: assign({ franja: ({ event }) => choiceOf(event as DialogEvent) as FranjaChoice }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    findingSlot: {
      invoke: {
        id: 'slotFinder',
        src: 'slotFinder',
        input: ({ context }) => {
          const treating = context.patient.treatingDoctors.find(
            (doctor) => doctor.specialty === context.specialty && doctor.site === context.site,
          );
          return {
            conversationId: context.conversationId,
            patient: context.patient,
            ...(context.memberEmail ? { memberEmail: context.memberEmail } : {}),
            cups: cupsOf(context),
            specialty: context.specialty ?? 'medicina_general',
            site: context.site ?? 'CALLE42',
            franja: context.franja ?? 'cualquiera',
            // "Control" starts with the treating doctor when they work at the chosen site.
            ...(context.visitType === 'control' && treating
              ? { treatingDoctor: { id: treating.doctorId, name: treating.doctorName } }
              : {}),
            window: context.visitType === 'no_programada' ? 'todayAndNextWorkingDay' : 'horizon',
          };
        },
        onDone: [
          {
            guard: ({ event }) => (event.output as SlotFinderOutput).outcome === 'slot',
            target: 'awaitingConfirmation',
            // One key per intent, saved before the call: a retry, or a new "sí" after a crash,
            // replays this booking instead of making another.
            actions: assign(({ context, event }) => {
              const output = event.output as Extract<SlotFinderOutput, { outcome: 'slot' }>;
              return { slot: output.slot, idempotencyKey: `${context.conversationId}:book:${output.chosenBy}` };
            }),
          },
          {
            target: 'done',
            actions: assign({
              result: ({ event }) => {
                const output = event.output as SlotFinderOutput;
                if (output.outcome === 'case') return { outcome: 'case', rissCase: output.rissCase };
                return { outcome: output.outcome === 'error' ? 'error' : 'abandoned' };
              },
            }),
          },
        ],
      },
      on: {
        USER_MESSAGE: { actions: sendTo('slotFinder', ({ event }) => event) },
        HELP: { actions: sendTo('slotFinder', ({ event }) => event) },
        SAY: { actions: 'relay' },
        RECORD: { actions: 'relay' },
      },
    },
    awaitingConfirmation: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply('booking.confirm', context.slot ? appointmentParams(context.patient, { ...context.slot, cups: cupsOf(context) }) : {}, YES_NO),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'bookingAppointment' },
          { guard: { type: 'picked', params: 'no' }, target: 'done', actions: [{ type: 'say', params: reply('booking.notConfirmed') }, assign({ result: { outcome: 'abandoned' } })] },
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
          idempotencyKey: context.idempotencyKey ?? `${context.conversationId}:book`,
        }),
        onDone: {
          target: 'done',
          actions: [
            assign({ result: ({ event }) => ({ outcome: 'booked', appointment: event.output }) }),
            { type: 'say', params: ({ context, event }) => reply('booking.booked', appointmentParams(context.patient, event.output)) },
          ],
        },
        onError: [
          // Someone took the slot between offer and confirmation: fresh slots, same search.
          { guard: 'slotTaken', target: 'findingSlot', actions: { type: 'say', params: reply('booking.slotTaken') } },
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
          { guard: { type: 'picked', params: 'no' }, target: 'done', actions: [{ type: 'say', params: reply('booking.retryDeclined') }, assign({ result: { outcome: 'abandoned' } })] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    refused: {
      entry: assign({ result: { outcome: 'refused' } }),
      always: 'done',
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ result: { outcome: 'error' } })],
      always: 'done',
    },
    done: { type: 'final' },
  },
  output: ({ context }): BookingOutput => context.result ?? { outcome: 'abandoned' },
});
