import { assign, enqueueActions, fromPromise, setup } from 'xstate';
import type { AgendaService } from '../bot/ports.js';
import type { Cups, Franja, Patient, RissCase, SiteCode, Slot, Specialty } from '../bot/domain.js';
import { errorCode } from './errors.js';
import type { DialogEvent } from './events.js';
import { parseEmail } from './parse.js';
import { YES_NO, option, reply } from './replies.js';
import { childSpeech, type SpeakingContext } from './speech.js';

/** How far the agenda is searched: the 14-day horizon, or today and the next working day. */
export type SearchWindow = 'horizon' | 'todayAndNextWorkingDay';

export interface SearchSlotsInput {
  cups: Cups;
  site: SiteCode;
  franja?: Franja;
  doctorId?: string;
  window: SearchWindow;
}

export type CreateCaseInput = Parameters<AgendaService['createCase']>[0];

export type FranjaChoice = Franja | 'cualquiera';

export interface SlotFinderInput {
  conversationId: string;
  patient: Patient;
  /** The account holder's email on file: where a RISS answer goes. */
  memberEmail?: string;
  cups: Cups;
  specialty: Specialty;
  site: SiteCode;
  franja: FranjaChoice;
  /** Set when the first search is limited to the patient's treating doctor (contract point 9). */
  treatingDoctor?: { id: string; name: string };
  window: SearchWindow;
}

export type SlotFinderOutput =
  /** `chosenBy`: the id of the message that picked the slot, the seed of the intent's key. */
  | { outcome: 'slot'; slot: Slot; chosenBy: string }
  | { outcome: 'case'; rissCase: RissCase }
  | { outcome: 'abandoned' | 'error' };

interface SlotFinderContext extends SlotFinderInput, SpeakingContext {
  doctorId?: string;
  triedOtherFranja: boolean;
  triedOtherDoctor: boolean;
  slots: Slot[];
  slot?: Slot;
  chosenBy?: string;
  email?: string;
  /** Fixed before anything is filed, so a retry or a crash never files twice. */
  caseKey: string;
  rissCase?: RissCase;
  failed: boolean;
}

const SLOTS_SHOWN = 5;

const otherFranja = (franja: FranjaChoice): Franja => (franja === 'manana' ? 'tarde' : 'manana');

/**
 * Finds a slot the member takes, or an honest way out: the no-availability ladder of contract
 * point 9 (other band, other doctor, then a RISS case). Used by booking and rescheduling.
 */
export const slotFinderMachine = setup({
  types: {
    context: {} as SlotFinderContext,
    events: {} as DialogEvent,
    input: {} as SlotFinderInput,
    output: {} as SlotFinderOutput,
  },
  actors: {
    searchSlots: fromPromise<Slot[], SearchSlotsInput>(async () => {
      throw new Error('searchSlots is provided by the engine');
    }),
    createCase: fromPromise<RissCase, CreateCaseInput>(async () => {
      throw new Error('createCase is provided by the engine');
    }),
  },
  guards: {
    picked: ({ event }, value: string) => event.type === 'USER_MESSAGE' && event.choice === value,
    foundSlots: ({ event }) => 'output' in event && Array.isArray(event.output) && event.output.length > 0,
    canOfferOtherFranja: ({ context }) => context.franja !== 'cualquiera' && !context.triedOtherFranja,
    canOfferOtherDoctor: ({ context }) => context.doctorId !== undefined && !context.triedOtherDoctor,
    hasEmail: ({ context }) => context.email !== undefined,
    emailReadable: ({ event }) => event.type === 'USER_MESSAGE' && parseEmail(event.text) !== undefined,
    caseAlreadyOpen: ({ event }) => 'error' in event && errorCode(event.error) === 'CONFLICT',
  },
  actions: childSpeech<SlotFinderContext, DialogEvent>(),
}).createMachine({
  id: 'slotFinder',
  context: ({ input }) => ({
    ...input,
    ...(input.treatingDoctor ? { doctorId: input.treatingDoctor.id } : {}),
    ...(input.memberEmail ? { email: input.memberEmail } : {}),
    caseKey: `${input.conversationId}:case:${input.patient.id}:${input.specialty}`,
    triedOtherFranja: false,
    triedOtherDoctor: false,
    slots: [],
    invalidAnswers: 0,
    failed: false,
  }),
  initial: 'searching',
  on: { HELP: { actions: ['sayHelp', 'repeatPrompt'] } },
  states: {
    searching: {
      invoke: {
        src: 'searchSlots',
        input: ({ context }) => ({
          cups: context.cups,
          site: context.site,
          ...(context.franja !== 'cualquiera' ? { franja: context.franja } : {}),
          ...(context.doctorId ? { doctorId: context.doctorId } : {}),
          window: context.window,
        }),
        onDone: [
          { guard: 'foundSlots', target: 'awaitingSlot', actions: assign({ slots: ({ event }) => event.output.slice(0, SLOTS_SHOWN) }) },
          { target: 'choosingNextStep' },
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
            context.slots.map((slot) =>
              option(slot.id, 'options.slot', { start: slot.start, doctor: slot.doctor.name, site: slot.site }),
            ),
          ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: ({ context, event }) => context.slots.some((slot) => slot.id === event.choice),
            target: 'chosen',
            actions: assign({
              slot: ({ context, event }) => context.slots.find((slot) => slot.id === (event as { choice?: string }).choice),
              chosenBy: ({ event }) => (event as { messageId: string }).messageId,
            }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** Nothing found: the next rung of the ladder that applies. */
    choosingNextStep: {
      // The first empty search is the one the no-availability rate counts.
      entry: enqueueActions(({ context, enqueue }) => {
        if (!context.triedOtherFranja && !context.triedOtherDoctor) {
          enqueue({ type: 'note', params: { type: 'milestone', milestone: 'no-availability' } });
        }
      }),
      always: [
        { guard: 'canOfferOtherFranja', target: 'offeringOtherFranja' },
        { guard: 'canOfferOtherDoctor', target: 'offeringOtherDoctor' },
        { target: 'offeringCase' },
      ],
    },
    offeringOtherFranja: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply(
            context.doctorId ? 'slots.offerOtherFranjaWithDoctor' : 'slots.offerOtherFranja',
            { franja: context.franja, other: otherFranja(context.franja), doctor: context.treatingDoctor?.name },
            YES_NO,
          ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: { type: 'picked', params: 'yes' },
            target: 'searching',
            actions: assign({ franja: ({ context }) => otherFranja(context.franja), triedOtherFranja: true }),
          },
          { guard: { type: 'picked', params: 'no' }, target: 'choosingNextStep', actions: assign({ triedOtherFranja: true }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    offeringOtherDoctor: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => reply('slots.offerOtherDoctor', { doctor: context.treatingDoctor?.name, site: context.site }, YES_NO),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: { type: 'picked', params: 'yes' },
            target: 'searching',
            // Any doctor of the site, in any band.
            actions: assign({ doctorId: undefined, franja: 'cualquiera' as FranjaChoice, triedOtherDoctor: true }),
          },
          { guard: { type: 'picked', params: 'no' }, target: 'choosingNextStep', actions: assign({ triedOtherDoctor: true }) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    offeringCase: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => reply('riss.offer', { site: context.site }, YES_NO) },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'yes' }, target: 'collectingEmail' },
          { guard: { type: 'picked', params: 'no' }, target: 'abandoned', actions: { type: 'say', params: reply('riss.declined') } },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    collectingEmail: {
      always: [{ guard: 'hasEmail', target: 'filingCase' }, { target: 'awaitingEmail' }],
    },
    awaitingEmail: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: reply('riss.askEmail') },
      on: {
        USER_MESSAGE: [
          {
            guard: 'emailReadable',
            target: 'filingCase',
            actions: assign({ email: ({ event }) => parseEmail((event as { text: string }).text) }),
          },
          { actions: [{ type: 'say', params: reply('riss.invalidEmail') }, 'repeatPrompt'] },
        ],
      },
    },
    filingCase: {
      invoke: {
        src: 'createCase',
        input: ({ context }) => ({
          patientId: context.patient.id,
          specialty: context.specialty,
          cups: context.cups,
          site: context.site,
          email: context.email ?? '',
          idempotencyKey: context.caseKey,
        }),
        onDone: {
          target: 'caseFiled',
          actions: [
            assign({ rissCase: ({ event }) => event.output }),
            { type: 'note', params: ({ event }) => ({ type: 'subject', kind: 'radicado', value: event.output.radicado }) },
            {
              type: 'say',
              params: ({ event }) =>
                reply('riss.filed', { radicado: event.output.radicado, dueDate: event.output.dueDate, email: event.output.email }),
            },
          ],
        },
        onError: [
          { guard: 'caseAlreadyOpen', target: 'abandoned', actions: { type: 'say', params: reply('riss.alreadyOpen') } },
          { target: 'failed' },
        ],
      },
    },
    failed: {
      entry: [{ type: 'say', params: reply('errors.agendaUnavailable') }, assign({ failed: true })],
      always: 'done',
    },
    chosen: { type: 'final' },
    caseFiled: { type: 'final' },
    abandoned: { type: 'final' },
    done: { type: 'final' },
  },
  output: ({ context }): SlotFinderOutput => {
    if (context.slot) return { outcome: 'slot', slot: context.slot, chosenBy: context.chosenBy ?? '' };
    if (context.rissCase) return { outcome: 'case', rissCase: context.rissCase };
    return { outcome: context.failed ? 'error' : 'abandoned' };
  },
});
