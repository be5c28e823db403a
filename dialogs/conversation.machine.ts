import { assign, emit, enqueueActions, fromPromise, sendTo, setup } from 'xstate';
import type { ChannelName } from '../bot/messages.js';
import type { Appointment, DocumentType, Member, Patient, SiteCode } from '../bot/domain.js';
import { DOCUMENT_TYPES } from '../bot/domain.js';
import { bookingMachine, type BookingOutput } from './booking.machine.js';
import { appointmentParams, cancelMachine, type CancelOutput } from './cancel.machine.js';
import { rescheduleMachine, type RescheduleOutput } from './reschedule.machine.js';
import type { DialogEvent } from './events.js';
import type { ConversationRecord, Outcome, RecordEvent } from './records.js';
import { errorCode } from './errors.js';
import { parseBirthDate, parseDocument } from './parse.js';
import { YES_NO, option, reply, type Reply } from './replies.js';

/**
 * Bumped whenever a change makes older saved snapshots unsafe to resume: the engine then
 * starts those conversations over, politely, instead of restoring them.
 */
export const CONVERSATION_MACHINE_VERSION = 1;

/** Failed second factors before the conversation ends with the support line. */
const MAX_IDENTITY_FAILURES = 3;

export type Operation = 'book' | 'consult' | 'cancel' | 'reschedule';

/** Main-menu operations that work today, in the contract's order (point 7). */
export const MENU_OPERATIONS: readonly Operation[] = ['book', 'consult', 'cancel', 'reschedule'];

export interface ConversationInput {
  conversationId: string;
  channel: ChannelName;
  /** The sender's phone when the channel vouches for it: the WhatsApp second factor. */
  phone?: string;
  /** The site whose QR code brought the member in. */
  site?: SiteCode;
  /** The site of the member's last booking on this channel, listed first. */
  lastSite?: SiteCode;
  /** `YYYY-MM-DD` in Bogotá: ages and date choices are relative to it. */
  today: string;
  /** Whether this sender already accepted the current data policy. */
  consentCurrent: boolean;
  policyVersion: string;
  /** The previous conversation expired for inactivity: say so in the greeting. */
  previousExpired: boolean;
  /** Who is writing (channel and user), for the identification lockout. */
  sender?: string;
}

/** What identifying a member needs: the document, and the sender for the lockout. */
export interface FindMemberInput {
  documentType: DocumentType;
  documentNumber: string;
  sender?: string;
}

export type { ConversationRecord, Outcome } from './records.js';

export type ConversationEmitted = { type: 'reply'; reply: Reply } | { type: 'record'; record: ConversationRecord };

interface ConversationContext extends ConversationInput {
  documentType?: DocumentType;
  documentNumber?: string;
  /** `null` when the lookup found nobody: the member is told nothing different. */
  member?: Member | null;
  identityFailures: number;
  /** Passed the second factor and eligibility. */
  verified: boolean;
  patient?: Patient;
  lastPrompt?: Reply;
  invalidAnswers: number;
}

type ChildEvent = { type: 'SAY'; reply: Reply } | RecordEvent;

/** A running operation gets the member's messages and help requests; the root keeps MENU and EXIT. */
/**
 * The member as a patient: without their beneficiaries, phone and e-mail, which the
 * operations never read and which every saved snapshot would otherwise carry once more.
 */
function asPatient({ beneficiaries: _beneficiaries, phone: _phone, email: _email, ...patient }: Member): Patient {
  return patient;
}

/** The beneficiary the member's answer picked, if it picked one. */
function pickedBeneficiary(member: Member | null | undefined, event: DialogEvent | ChildEvent): Patient | undefined {
  const choice = isMessage(event) ? event.choice : undefined;
  return choice === undefined || choice === 'self' ? undefined : member?.beneficiaries.find((patient) => patient.id === choice);
}

function forwardTo(id: 'booking' | 'cancel' | 'reschedule') {
  const forward = { type: 'forward', params: id } as const;
  return { USER_MESSAGE: { actions: forward }, HELP: { actions: forward } };
}

function isSwitch(output: BookingOutput, operation: 'reschedule' | 'cancel'): boolean {
  return output.outcome === 'switch' && output.operation === operation;
}

function bookingRecord(output: BookingOutput): ConversationRecord {
  switch (output.outcome) {
    case 'booked':
      return { type: 'outcome', outcome: 'booked', site: output.appointment.site };
    case 'case':
      return { type: 'outcome', outcome: 'case_filed', site: output.rissCase.site };
    case 'switch':
      return { type: 'outcome', outcome: 'refused' };
    default:
      return { type: 'outcome', outcome: output.outcome };
  }
}

function operationOutcome(outcome: CancelOutput['outcome'] | RescheduleOutput['outcome']): Outcome {
  switch (outcome) {
    case 'case':
      return 'case_filed';
    case 'none':
      return 'consulted';
    default:
      return outcome;
  }
}

const isMessage = (event: DialogEvent | ChildEvent): event is Extract<DialogEvent, { type: 'USER_MESSAGE' }> =>
  event.type === 'USER_MESSAGE';

/**
 * A whole conversation: greeting, Ley 1581 authorisation, identification with a second
 * factor, eligibility, patient, then the main menu and the operations it starts
 * (contract points 1-7, 12, 14).
 */
export const conversationMachine = setup({
  types: {
    context: {} as ConversationContext,
    events: {} as DialogEvent | ChildEvent,
    input: {} as ConversationInput,
    emitted: {} as ConversationEmitted,
  },
  actors: {
    findMember: fromPromise<Member, FindMemberInput>(async () => {
      throw new Error('findMember is provided by the engine');
    }),
    listAppointments: fromPromise<Appointment[], { patientId: string }>(async () => {
      throw new Error('listAppointments is provided by the engine');
    }),
    booking: bookingMachine,
    cancel: cancelMachine,
    reschedule: rescheduleMachine,
  },
  guards: {
    picked: ({ event }, value: string) => isMessage(event) && event.choice === value,
    pickedAny: ({ event }) => isMessage(event) && event.choice !== undefined,
    consentCurrent: ({ context }) => context.consentCurrent,
    identified: ({ context }) => context.patient !== undefined,
    /** Verified and eligible, but still choosing for whom: "menú" goes back to that question. */
    choosingPatient: ({ context }) => context.verified && context.patient === undefined,
    documentComplete: ({ event }) => {
      if (!isMessage(event)) return false;
      const parsed = parseDocument(event.text);
      return parsed.documentType !== undefined && parsed.documentNumber !== undefined;
    },
    documentNumberOnly: ({ event }) => isMessage(event) && parseDocument(event.text).documentNumber !== undefined,
    memberNotFound: ({ event }) => 'error' in event && errorCode(event.error) === 'NOT_FOUND',
    phoneMatches: ({ context }) =>
      context.channel === 'whatsapp' &&
      context.phone !== undefined &&
      !!context.member?.phone &&
      context.member.phone === context.phone,
    birthDateReadable: ({ event }) => isMessage(event) && parseBirthDate(event.text) !== undefined,
    birthDateMatches: ({ context, event }) =>
      isMessage(event) && !!context.member && context.member.birthDate === parseBirthDate(event.text),
    identityFailuresExhausted: ({ context }) => context.identityFailures >= MAX_IDENTITY_FAILURES,
    notPbs: ({ context }) => context.member?.plan !== 'PBS',
    inactive: ({ context }) => context.member?.status !== 'active',
    hasBeneficiaries: ({ context }) => (context.member?.beneficiaries.length ?? 0) > 0,
    pickedIneligibleBeneficiary: ({ context, event }) => {
      const picked = pickedBeneficiary(context.member, event);
      return picked !== undefined && (picked.plan !== 'PBS' || picked.status !== 'active');
    },
  },
  actions: {
    say: emit((_, said: Reply) => ({ type: 'reply' as const, reply: said })),
    forward: sendTo((_, id: string) => id, ({ event }) => event),
    relay: emit(({ event }) => ({ type: 'reply' as const, reply: (event as Extract<ChildEvent, { type: 'SAY' }>).reply })),
    noteDocument: emit(({ context }) => ({
      type: 'record' as const,
      record: { type: 'subject' as const, kind: 'document' as const, value: context.documentNumber ?? '' },
    })),
    relayRecord: emit(({ event }) => ({ type: 'record' as const, record: (event as RecordEvent).record })),
    record: emit((_, record: ConversationRecord) => ({ type: 'record' as const, record })),
    prompt: enqueueActions(({ enqueue }, prompt: Reply) => {
      enqueue.assign({ lastPrompt: prompt, invalidAnswers: 0 });
      enqueue.emit({ type: 'reply', reply: prompt });
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.lastPrompt) enqueue.emit({ type: 'reply', reply: context.lastPrompt });
    }),
    rejectAnswer: enqueueActions(({ context, enqueue }) => {
      const invalidAnswers = context.invalidAnswers + 1;
      enqueue.assign({ invalidAnswers });
      enqueue.emit({ type: 'reply', reply: reply('common.notUnderstood') });
      if (invalidAnswers >= 3) enqueue.emit({ type: 'reply', reply: reply('common.offerHelp') });
      if (context.lastPrompt) enqueue.emit({ type: 'reply', reply: context.lastPrompt });
    }),
    greet: enqueueActions(({ context, enqueue }) => {
      if (context.previousExpired) enqueue.emit({ type: 'reply', reply: reply('greeting.expired') });
      enqueue.emit({
        type: 'reply',
        reply: context.site ? reply('greeting.welcomeAtSite', { site: context.site }) : reply('greeting.welcome'),
      });
      enqueue.assign({ previousExpired: false });
    }),
    forgetIdentity: assign({
      verified: false,
      documentType: undefined,
      documentNumber: undefined,
      member: undefined,
      patient: undefined,
    }),
    rememberDocument: assign(({ event }) => {
      const parsed = isMessage(event) ? parseDocument(event.text) : {};
      return { documentType: parsed.documentType, documentNumber: parsed.documentNumber };
    }),
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => ({ ...input, identityFailures: 0, invalidAnswers: 0, verified: false }),
  initial: 'start',
  on: {
    SAY: { actions: 'relay' },
    RECORD: { actions: 'relayRecord' },
    HELP: { actions: [{ type: 'say', params: reply('help.support') }, 'repeatPrompt'] },
    MENU: [
      { guard: 'identified', target: '.menu' },
      { guard: 'choosingPatient', target: '.awaitingPatient' },
      { target: '.greeting', actions: 'forgetIdentity' },
    ],
    EXIT: {
      target: '.ended',
      actions: [
        { type: 'say', params: reply('common.goodbye') },
        { type: 'record', params: { type: 'outcome', outcome: 'ended' } },
      ],
    },
  },
  states: {
    /** Nothing said yet: whatever the first message is, Lina introduces herself. */
    start: {
      tags: ['awaitingInput'],
      on: {
        USER_MESSAGE: 'greeting',
        HELP: { target: 'greeting', actions: { type: 'say', params: reply('help.support') } },
      },
    },
    greeting: {
      entry: 'greet',
      always: [{ guard: 'consentCurrent', target: 'awaitingDocument' }, { target: 'awaitingConsent' }],
    },
    awaitingConsent: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => reply('consent.ask', { version: context.policyVersion }, YES_NO),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: { type: 'picked', params: 'yes' },
            target: 'awaitingDocument',
            actions: [
              { type: 'record', params: ({ context }) => ({ type: 'consent', accepted: true, policyVersion: context.policyVersion }) },
              assign({ consentCurrent: true }),
              { type: 'say', params: reply('consent.thanks') },
            ],
          },
          {
            guard: { type: 'picked', params: 'no' },
            target: 'ended',
            actions: [
              { type: 'record', params: ({ context }) => ({ type: 'consent', accepted: false, policyVersion: context.policyVersion }) },
              { type: 'say', params: reply('consent.declined') },
            ],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingDocument: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: reply('identify.askDocument') },
      on: {
        USER_MESSAGE: [
          { guard: 'documentComplete', target: 'lookingUpMember', actions: 'rememberDocument' },
          { guard: 'documentNumberOnly', target: 'awaitingDocumentType', actions: 'rememberDocument' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingDocumentType: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: reply(
          'identify.askDocumentType',
          undefined,
          DOCUMENT_TYPES.map((type) => option(type, `options.documentType.${type}`)),
        ),
      },
      on: {
        USER_MESSAGE: [
          {
            guard: 'pickedAny',
            target: 'lookingUpMember',
            actions: assign({ documentType: ({ event }) => (isMessage(event) ? event.choice : undefined) as DocumentType }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    lookingUpMember: {
      invoke: {
        src: 'findMember',
        input: ({ context }): FindMemberInput => ({
          documentType: context.documentType ?? 'CC',
          documentNumber: context.documentNumber ?? '',
          ...(context.sender ? { sender: context.sender } : {}),
        }),
        onDone: { target: 'choosingSecondFactor', actions: assign({ member: ({ event }) => event.output }) },
        onError: [
          // An unknown document is asked for the date of birth like any other, so nobody
          // can learn from Lina whether a document exists.
          { guard: 'memberNotFound', target: 'awaitingBirthDate', actions: assign({ member: null }) },
          { target: 'awaitingDocument', actions: { type: 'say', params: reply('errors.agendaUnavailable') } },
        ],
      },
    },
    choosingSecondFactor: {
      always: [{ guard: 'phoneMatches', target: 'checkingEligibility' }, { target: 'awaitingBirthDate' }],
    },
    awaitingBirthDate: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: reply('identify.askBirthDate') },
      on: {
        USER_MESSAGE: [
          { guard: 'birthDateMatches', target: 'checkingEligibility' },
          { guard: 'birthDateReadable', target: 'identityFailed' },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    identityFailed: {
      entry: [
        assign({ identityFailures: ({ context }) => context.identityFailures + 1 }),
        {
          type: 'record',
          params: ({ context }) => ({ type: 'identity-failure', document: `${context.documentType ?? 'CC'}:${context.documentNumber ?? ''}` }),
        },
        'forgetIdentity',
      ],
      always: [
        {
          guard: 'identityFailuresExhausted',
          target: 'ended',
          actions: [
            { type: 'say', params: reply('identify.tooManyFailures') },
            { type: 'record', params: { type: 'outcome', outcome: 'refused' } },
          ],
        },
        { target: 'awaitingDocument', actions: { type: 'say', params: reply('identify.failed') } },
      ],
    },
    checkingEligibility: {
      always: [
        {
          guard: 'notPbs',
          target: 'ended',
          actions: [
            { type: 'say', params: reply('eligibility.notPbs') },
            { type: 'record', params: { type: 'outcome', outcome: 'refused' } },
          ],
        },
        {
          guard: 'inactive',
          target: 'ended',
          actions: [
            { type: 'say', params: reply('eligibility.inactive') },
            { type: 'record', params: { type: 'outcome', outcome: 'refused' } },
          ],
        },
        {
          guard: 'hasBeneficiaries',
          target: 'awaitingPatient',
          actions: [
            { type: 'say', params: ({ context }) => reply('identify.welcome', { name: context.member?.firstName }) },
            assign({ verified: true }),
            'noteDocument',
          ],
        },
        {
          target: 'menu',
          actions: [
            { type: 'say', params: ({ context }) => reply('identify.welcome', { name: context.member?.firstName }) },
            assign({ patient: ({ context }) => (context.member ? asPatient(context.member) : undefined), verified: true }),
            'noteDocument',
          ],
        },
      ],
    },
    awaitingPatient: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply('patient.ask', undefined, [
            option('self', 'options.patient.self'),
            ...(context.member?.beneficiaries ?? []).map((patient) =>
              option(patient.id, 'options.patient.beneficiary', { name: patient.firstName }),
            ),
          ]),
      },
      on: {
        USER_MESSAGE: [
          {
            // A beneficiary whose affiliation is not active PBS cannot be booked for here:
            // the member hears why and where to go, and may choose someone else.
            guard: 'pickedIneligibleBeneficiary',
            target: 'awaitingPatient',
            reenter: true,
            actions: {
              type: 'say',
              params: ({ context, event }) => {
                const picked = pickedBeneficiary(context.member, event);
                return reply(picked?.plan !== 'PBS' ? 'eligibility.beneficiaryNotPbs' : 'eligibility.beneficiaryInactive', { name: picked?.firstName });
              },
            },
          },
          {
            guard: 'pickedAny',
            target: 'menu',
            actions: assign({
              patient: ({ context, event }) => {
                if (isMessage(event) && event.choice === 'self') return context.member ? asPatient(context.member) : undefined;
                return pickedBeneficiary(context.member, event);
              },
            }),
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    menu: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          reply(context.patient?.id === context.member?.id ? 'menu.askSelf' : 'menu.askFor', { patient: context.patient?.firstName }, [
            ...MENU_OPERATIONS.map((operation) => option(operation, `options.menu.${operation}`)),
            option('help', 'options.menu.help'),
          ]),
      },
      on: {
        USER_MESSAGE: [
          { guard: { type: 'picked', params: 'book' }, target: 'booking' },
          { guard: { type: 'picked', params: 'consult' }, target: 'consulting' },
          { guard: { type: 'picked', params: 'cancel' }, target: 'cancelling' },
          { guard: { type: 'picked', params: 'reschedule' }, target: 'rescheduling' },
          {
            guard: { type: 'picked', params: 'help' },
            actions: [{ type: 'say', params: reply('help.support') }, 'repeatPrompt'],
          },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    booking: {
      entry: { type: 'record', params: { type: 'milestone', milestone: 'booking-started' } },
      invoke: {
        id: 'booking',
        src: 'booking',
        input: ({ context }) => ({
          conversationId: context.conversationId,
          patient: context.patient as Patient,
          ...(context.member?.email ? { memberEmail: context.member.email } : {}),
          today: context.today,
          preferredSites: [context.site, context.lastSite].filter((site): site is SiteCode => site !== undefined),
        }),
        onDone: [
          {
            guard: ({ event }) => isSwitch(event.output, 'reschedule'),
            target: 'rescheduling',
          },
          {
            guard: ({ event }) => isSwitch(event.output, 'cancel'),
            target: 'cancelling',
          },
          {
            target: 'menu',
            actions: [
              { type: 'record', params: ({ event }) => bookingRecord(event.output) },
              assign({
                lastSite: ({ context, event }) =>
                  event.output.outcome === 'booked' ? event.output.appointment.site : context.lastSite,
              }),
            ],
          },
        ],
      },
      on: forwardTo('booking'),
    },
    consulting: {
      invoke: {
        src: 'listAppointments',
        input: ({ context }) => ({ patientId: context.patient?.id ?? '' }),
        onDone: {
          target: 'menu',
          actions: [
            {
              type: 'say',
              params: ({ context, event }) =>
                event.output.length === 0
                  ? reply('appointments.none', { patient: context.patient?.firstName })
                  : reply('appointments.list', { patient: context.patient?.firstName, count: event.output.length }, undefined, event.output.map((appointment) => ({ key: 'appointments.item', params: appointmentParams(appointment) }))),
            },
            { type: 'record', params: { type: 'outcome', outcome: 'consulted' } },
          ],
        },
        onError: {
          target: 'menu',
          actions: [
            { type: 'say', params: reply('errors.agendaUnavailable') },
            { type: 'record', params: { type: 'outcome', outcome: 'error' } },
          ],
        },
      },
    },
    cancelling: {
      invoke: {
        id: 'cancel',
        src: 'cancel',
        input: ({ context }) => ({ patient: context.patient as Patient }),
        onDone: {
          target: 'menu',
          actions: {
            type: 'record',
            params: ({ event }) => ({ type: 'outcome', outcome: operationOutcome((event.output as CancelOutput).outcome) }),
          },
        },
      },
      on: forwardTo('cancel'),
    },
    rescheduling: {
      invoke: {
        id: 'reschedule',
        src: 'reschedule',
        input: ({ context }) => ({
          conversationId: context.conversationId,
          patient: context.patient as Patient,
          ...(context.member?.email ? { memberEmail: context.member.email } : {}),
        }),
        onDone: {
          target: 'menu',
          actions: {
            type: 'record',
            params: ({ event }) => {
              const output = event.output as RescheduleOutput;
              return output.outcome === 'rescheduled'
                ? { type: 'outcome', outcome: 'rescheduled', site: output.appointment.site }
                : { type: 'outcome', outcome: operationOutcome(output.outcome) };
            },
          },
        },
      },
      on: forwardTo('reschedule'),
    },
    ended: { type: 'final' },
  },
});

