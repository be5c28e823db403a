import { and, assign, emit, enqueueActions, fromPromise, or, sendTo, setup, type EventObject } from 'xstate';
import type { ChannelName } from '../bot/messages.js';
import type { Appointment, DocumentType, Member, Patient, SiteCode } from '../bot/domain.js';
import { DOCUMENT_TYPES } from '../bot/domain.js';
import type { PatientMention, Understanding } from '../bot/understanding/types.js';
import { appointmentParams, patientParams, type Request } from './appointments.js';
import { MENU_OPERATIONS, isOperation, type Operation } from './choices.js';
import { bookingMachine, type BookingOutput } from './booking.machine.js';
import { cancelMachine, type CancelOutput } from './cancel.machine.js';
import { rescheduleMachine, type RescheduleOutput } from './reschedule.machine.js';
import type { DialogEvent } from './events.js';
import type { ConversationRecord, Outcome, RecordEvent } from './records.js';
import { errorCode } from './errors.js';
import { resolvePatient, type PatientChoice, type PatientResolution } from './patients.js';
import { YES_NO, ask, option, reply, type Reply } from './replies.js';
import { explanationFor, missReplies, type RepeatEvent, type SayEvent } from './speech.js';
import { choiceOf, entitiesOf, intentOf, isMessage, messageGuards } from './understood.js';
import { machineTypes } from './machine-types.js';

/**
 * Bumped whenever a change makes older saved snapshots unsafe to resume: the engine then
 * starts those conversations over, politely, instead of restoring them.
 */
export const CONVERSATION_MACHINE_VERSION = 2;

/** Failed second factors before the conversation ends with the support line. */
const MAX_IDENTITY_FAILURES = 3;

export { MENU_OPERATIONS, type Operation } from './choices.js';

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

/** What the member asked for that is not done yet: acted on as soon as Lina can. */
interface PendingRequest {
  operation?: Operation;
  fields: Request;
  /** Who the member said it is for, before Lina knew who may be chosen. */
  patients?: PatientMention[];
}

interface ConversationContext extends ConversationInput {
  documentType?: DocumentType;
  documentNumber?: string;
  /** A date of birth given before it was asked ("CC 1010101010, nací el 15/03/1994"). */
  birthDateGiven?: string;
  /** `null` when the lookup found nobody: the member is told nothing different. */
  member?: Member | null;
  identityFailures: number;
  /** The type of the document that last failed identification (a child's TI or RC gets its own hint). */
  failedDocumentType?: DocumentType;
  /** Passed the second factor and eligibility. */
  verified: boolean;
  patient?: Patient;
  request?: PendingRequest;
  /** Who the patient question offers: everyone, or the few a member's words left open. */
  patientOptions?: string[];
  /** A patient named mid-flow, waiting for the member's yes. */
  proposedPatient?: Patient;
  lastPrompt?: Reply;
  invalidAnswers: number;
  helpOffered?: boolean;
}

/** What any machine of the conversation sends to its root: a reply or a record (see `childSpeech`). */
type SpokenEvent = SayEvent | RecordEvent;
type ConversationEvent = DialogEvent | SpokenEvent | RepeatEvent;
type OperationOutput = BookingOutput | CancelOutput | RescheduleOutput;

/**
 * The member as a patient: without their beneficiaries, phone and e-mail, which the
 * operations never read and which every saved snapshot would otherwise carry once more.
 */
function asPatient({ beneficiaries: _beneficiaries, phone: _phone, email: _email, ...patient }: Member): Patient {
  return patient;
}

/** Everyone the member may choose: themself first, then their beneficiaries. */
function choicesOf(member: Member | null | undefined): PatientChoice[] {
  if (!member) return [];
  return [{ patient: asPatient(member), self: true }, ...member.beneficiaries.map((patient) => ({ patient, self: false }))];
}

/** The patient an operation runs for: always chosen before an operation starts. */
function patientOf(context: ConversationContext): Patient {
  if (!context.patient) throw new Error('an operation started before the patient was chosen');
  return context.patient;
}

const eligible = (patient: Patient) => patient.plan === 'PBS' && patient.status === 'active';
const isSelfPatient = (context: ConversationContext) => context.patient !== undefined && context.patient.id === context.member?.id;

/** Who the message names, against the people the member may choose (an option picked counts). */
function patientResolution(context: ConversationContext, event: EventObject, mentions?: readonly PatientMention[]): PatientResolution {
  const choices = choicesOf(context.member);
  const choice = choiceOf(event);
  if (choice !== undefined) {
    const picked = choices.find((candidate) => (choice === 'self' ? candidate.self : candidate.patient.id === choice));
    if (picked) return { kind: 'one', choice: picked };
  }
  return resolvePatient(mentions ?? entitiesOf(event).patients, choices);
}

/** The request a message carries: an operation and what it says about it. */
function requestIn(understood: Understanding, previous?: PendingRequest): PendingRequest | undefined {
  const { intent, entities } = understood;
  // "Para Mateo, necesito pediatría" names no operation, but a specialty or visit type only ever means booking.
  const named = isOperation(intent) ? intent : undefined;
  const operation = named ?? previous?.operation ?? (entities.specialty || entities.visitType ? 'book' : undefined);
  const fields: Request = {
    ...previous?.fields,
    ...(entities.specialty ? { specialty: entities.specialty } : {}),
    ...(entities.visitType ? { visitType: entities.visitType } : {}),
    ...(entities.site ? { site: entities.site } : {}),
    ...(entities.band ? { band: entities.band } : {}),
    ...(entities.day ? { day: entities.day } : {}),
    ...(entities.newDay ? { newDay: entities.newDay } : {}),
    ...(entities.dayOff ? { dayOff: entities.dayOff } : {}),
    ...(entities.weekday !== undefined ? { weekday: entities.weekday } : {}),
    ...(entities.time ? { time: entities.time } : {}),
  };
  const patients = entities.patients ?? previous?.patients;
  if (!operation && Object.keys(fields).length === 0 && !patients) return undefined;
  return { ...(operation ? { operation } : {}), fields, ...(patients ? { patients } : {}) };
}

function operationOutcome(output: OperationOutput): ConversationRecord | undefined {
  switch (output.outcome) {
    case 'booked':
      return { type: 'outcome', outcome: 'booked', site: output.appointment.site };
    case 'rescheduled':
      return { type: 'outcome', outcome: 'rescheduled', site: output.appointment.site };
    case 'case':
      return { type: 'outcome', outcome: 'case_filed', site: output.rissCase.site };
    case 'switch':
    case 'refused':
      return { type: 'outcome', outcome: 'refused' };
    case 'none':
      return { type: 'outcome', outcome: 'consulted' };
    case 'cancelled':
    case 'abandoned':
    case 'error':
      return { type: 'outcome', outcome: output.outcome satisfies Outcome };
    default:
      // "back" and "revise" leave the conversation going: no outcome yet.
      return undefined;
  }
}

/** How an operation's state handles the member while it runs: messages go to it; greetings, thanks and help are said here, then it repeats its question. */
/** The operation a message asks for in the middle of another: "no, más bien cancelarla" while rescheduling. */
function otherOperationIn(event: EventObject, running: 'booking' | 'cancel' | 'reschedule'): Operation | undefined {
  if (!isMessage(event)) return undefined;
  // An option picked along with another operation gives way to that operation only when it is
  // a "no" ("no, cámbiemela pal viernes" at "¿La cancelo?") or the appointment a cancellation
  // or a move asks about ("esa, pero para cambiarla"). A yes answers its confirmation first;
  // an option named after an operation ("Cancelar esa cita") is the running operation's own
  // answer; and a slot picked while booking ("la 2, y también cancelar la otra") is kept.
  if (event.choice !== undefined) {
    const operationOption = isOperation(event.choice) || event.choice === 'menu';
    const givesWay = event.choice === 'no' || (running !== 'booking' && event.choice !== 'yes' && !operationOption);
    if (!givesWay) return undefined;
  }
  const { intent, intentScore } = event.understood;
  // Only a clear request: the cue-read operations, not a weak guess.
  if (intentScore < 0.85) return undefined;
  const current: Operation = running === 'booking' ? 'book' : running;
  if (intent === current) return undefined;
  return intent === 'cancel' || intent === 'reschedule' || intent === 'consult' || (intent === 'book' && running !== 'booking') ? intent : undefined;
}

/** In an operation's `onDone`: the operation ended because the member named someone else. */
const revised = ({ event }: { event: { output: OperationOutput } }) => event.output.outcome === 'revise';
/** In an operation's `onDone`: its outcome recorded, with the operation's output. */
const FINISH_OPERATION = { type: 'finishOperation', params: ({ event }: { event: { output: OperationOutput } }) => event.output } as const;
/** In an operation's `onDone`: what the operation had is kept for the next one. */
const KEEP_REVISION = { type: 'keepRevision', params: ({ event }: { event: { output: OperationOutput } }) => event.output } as const;

const SWITCH_TARGETS = { book: 'booking', cancel: 'cancelling', reschedule: 'rescheduling', consult: 'consulting' } as const;

function runsChild(id: 'booking' | 'cancel' | 'reschedule') {
  const forward = { type: 'forwardTo', params: id } as const;
  const repeat = { type: 'repeatIn', params: id } as const;
  const switches = (['book', 'cancel', 'reschedule', 'consult'] as const).map(
    (operation) =>
      ({
        guard: ({ event }: { event: EventObject }) => otherOperationIn(event, id) === operation,
        target: SWITCH_TARGETS[operation],
        actions: [{ type: 'say', params: reply('common.switchOperation', { context: operation }) }, { type: 'record', params: { type: 'outcome', outcome: 'abandoned' } }, 'requestAnew'],
      }) as const,
  );
  return {
    USER_MESSAGE: [...switches, { actions: forward }],
    BACK: { actions: forward },
    HELP: [
      // "¿Qué es no programada?": the operation's question explained, then asked again.
      { guard: ({ event }: { event: EventObject }) => 'about' in event && event.about === true, actions: { type: 'explainIn', params: id } },
      { actions: [{ type: 'say', params: reply('help.support') }, repeat] },
    ],
    GREET: {
      actions: [
        { type: 'say', params: ({ context }: { context: ConversationContext }) => reply('common.greetAgain', { patient: context.patient?.firstName, context: isSelfPatient(context) ? `${id}_self` : id }) },
        repeat,
      ],
    },
    // Thanks in the middle of an operation may mean the member thinks it is done: it is not, and Lina says so.
    THANKS: { actions: [{ type: 'say', params: reply('common.youAreWelcome', { context: id }) }, repeat] },
  } as const;
}

/**
 * A whole conversation: greeting, Ley 1581 authorisation, identification with a second
 * factor, eligibility, patient, then the main menu and the operations it starts (contract
 * points 1-7, 12, 14, 16, 19). What the member asks for before Lina can act (in the first
 * message, or while choosing the patient) is kept and acted on once they are identified.
 */
export const conversationMachine = setup({
  types: machineTypes<{ context: ConversationContext; events: ConversationEvent; input: ConversationInput; emitted: ConversationEmitted }>(),
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
    ...messageGuards,
    consentCurrent: ({ context }) => context.consentCurrent,
    identified: ({ context }) => context.patient !== undefined,
    /** Verified and eligible, but still choosing for whom: "menú" goes back to that question. */
    choosingPatient: ({ context }) => context.verified && context.patient === undefined,
    documentComplete: ({ event }) => {
      const said = entitiesOf(event);
      return said.documentType !== undefined && said.documentNumber !== undefined;
    },
    documentNumberOnly: ({ event }) => entitiesOf(event).documentNumber !== undefined,
    documentTypeGiven: ({ event }) => choiceOf(event) !== undefined || entitiesOf(event).documentType !== undefined,
    documentTypeKnown: ({ context }) => context.documentType !== undefined,
    memberNotFound: ({ event }) => 'error' in event && errorCode(event.error) === 'NOT_FOUND',
    phoneMatches: ({ context }) =>
      context.channel === 'whatsapp' && context.phone !== undefined && !!context.member?.phone && context.member.phone === context.phone,
    birthDateGivenMatches: ({ context }) => context.birthDateGiven !== undefined && !!context.member && context.member.birthDate === context.birthDateGiven,
    birthDateGivenWrong: ({ context }) => context.birthDateGiven !== undefined,
    birthDateReadable: ({ event }) => entitiesOf(event).birthDate !== undefined,
    birthDateMatches: ({ context, event }) => !!context.member && context.member.birthDate === entitiesOf(event).birthDate,
    identityFailuresExhausted: ({ context }) => context.identityFailures >= MAX_IDENTITY_FAILURES,
    minorDocumentGiven: ({ context }) => context.failedDocumentType === 'TI' || context.failedDocumentType === 'RC',
    notPbs: ({ context }) => context.member?.plan !== 'PBS',
    inactive: ({ context }) => context.member?.status !== 'active',
    hasBeneficiaries: ({ context }) => (context.member?.beneficiaries.length ?? 0) > 0,
    requestNamesPatient: ({ context }) => (context.request?.patients?.length ?? 0) > 0,
    hasOperation: ({ context }) => context.request?.operation !== undefined,
    namesOnePatient: ({ context, event }) => patientResolution(context, event).kind === 'one',
    namesIneligiblePatient: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' && !eligible(resolution.choice.patient);
    },
    namesSeveralPatients: ({ context, event }) => patientResolution(context, event).kind === 'several',
    namesUnknownPatient: ({ context, event }) => patientResolution(context, event).kind === 'unknown',
    namesOtherPatient: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient?.id;
    },
    asksForOperation: ({ event }) => {
      const intent = intentOf(event);
      return isOperation(intent);
    },
  },
  actions: {
    say: emit((_, said: Reply) => ({ type: 'reply' as const, reply: said })),
    forwardTo: sendTo((_, id: string) => id, ({ event }) => event),
    repeatIn: sendTo((_, id: string) => id, { type: 'REPEAT' }),
    explainIn: sendTo((_, id: string) => id, { type: 'REPEAT', explain: true } satisfies RepeatEvent),
    record: emit((_, record: ConversationRecord) => ({ type: 'record' as const, record })),
    noteDocument: emit(({ context }) => ({
      type: 'record' as const,
      record: { type: 'subject' as const, kind: 'document' as const, value: context.documentNumber ?? '' },
    })),
    prompt: enqueueActions(({ enqueue }, prompt: Reply) => {
      enqueue.assign({ lastPrompt: prompt, invalidAnswers: 0, helpOffered: false });
      enqueue.emit({ type: 'reply', reply: prompt });
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.lastPrompt) enqueue.emit({ type: 'reply', reply: context.lastPrompt });
    }),
    rejectAnswer: enqueueActions(({ context, enqueue }) => {
      const { replies, invalidAnswers, helpOffered } = missReplies(context);
      enqueue.assign({ invalidAnswers, helpOffered });
      for (const said of replies) enqueue.emit({ type: 'reply', reply: said });
    }),
    greet: enqueueActions(({ context, enqueue }) => {
      if (context.previousExpired) enqueue.emit({ type: 'reply', reply: reply('greeting.expired') });
      enqueue.emit({
        type: 'reply',
        reply: context.site ? reply('greeting.welcomeAtSite', { site: context.site }) : reply('greeting.welcome'),
      });
      if (context.request?.operation) enqueue.emit({ type: 'reply', reply: reply('greeting.requestNoted', { context: context.request.operation }) });
      enqueue.assign({ previousExpired: false });
    }),
    forgetIdentity: assign({
      verified: false,
      documentType: undefined,
      documentNumber: undefined,
      birthDateGiven: undefined,
      member: undefined,
      patient: undefined,
    }),
    /** Keeps what the message asks for, on top of what was asked before. */
    /** Another operation asked for mid-flow: its request, nothing of the one left. */
    requestAnew: assign({ request: ({ event }) => (isMessage(event) ? requestIn(event.understood, undefined) : undefined) }),
    rememberRequest: assign({ request: ({ context, event }) => (isMessage(event) ? requestIn(event.understood, context.request) : context.request) }),
    /** The document (and a date of birth given with it) the message carries. */
    rememberDocument: assign(({ context, event }) => {
      const said = entitiesOf(event);
      return {
        documentType: said.documentType ?? context.documentType,
        documentNumber: said.documentNumber ?? context.documentNumber,
        birthDateGiven: said.birthDate,
      };
    }),
    choosePatient: assign(({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' ? { patient: resolution.choice.patient, patientOptions: undefined, request: context.request ? { ...context.request, patients: undefined } : undefined } : {};
    }),
    sayIneligible: emit(({ context, event }) => {
      const resolution = patientResolution(context, event);
      const patient = resolution.kind === 'one' ? resolution.choice.patient : undefined;
      return { type: 'reply' as const, reply: reply(patient?.plan !== 'PBS' ? 'eligibility.beneficiaryNotPbs' : 'eligibility.beneficiaryInactive', { name: patient?.firstName }) };
    }),
    narrowPatients: assign(({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'several' ? { patientOptions: resolution.choices.map((choice) => (choice.self ? 'self' : choice.patient.id)) } : {};
    }),
    sayUnknownPatient: emit(({ context, event }) => {
      const resolution = patientResolution(context, event);
      const others = (context.member?.beneficiaries ?? []).map((patient) => patient.firstName).join(' y ');
      return {
        type: 'reply' as const,
        reply: reply('patient.unknown', { name: resolution.kind === 'unknown' ? resolution.name : undefined, others, context: resolution.kind === 'unknown' && resolution.name ? 'named' : undefined }),
      };
    }),
    /** "Para la niña" going straight into an operation: who Lina understood, so the member can correct her. */
    sayWhoWhenImplicit: enqueueActions(({ context, enqueue }) => {
      if (context.request?.operation && context.patient && !isSelfPatient(context)) {
        enqueue.emit({ type: 'reply', reply: reply('patient.chosen', { name: context.patient.firstName }) });
      }
    }),
    /** The operation and what the member said, kept while it runs; restarted with it after a patient switch. */
    startOperation: assign({ request: ({ context }, operation: Operation) => ({ operation, fields: context.request?.fields ?? {} }) }),
    /** An operation ended (`params`: its output): its outcome recorded, its request dropped. */
    finishOperation: enqueueActions(({ enqueue }, output: OperationOutput) => {
      const record = operationOutcome(output);
      if (record) enqueue.emit({ type: 'record', record });
      enqueue.assign({ request: undefined });
    }),
    /** An operation ended because the member named someone else (`params`: its output): what it had is kept. */
    keepRevision: assign(({ context }, output: OperationOutput) => {
      if (output.outcome !== 'revise') return {};
      return {
        request: {
          ...(context.request?.operation ? { operation: context.request.operation } : {}),
          fields: { ...context.request?.fields, ...output.request },
          ...(output.understood.entities.patients ? { patients: output.understood.entities.patients } : {}),
        },
      };
    }),
  },
}).createMachine({
  id: 'conversation',
  context: ({ input }) => ({ ...input, identityFailures: 0, invalidAnswers: 0, verified: false }),
  initial: 'start',
  on: {
    // What any machine of the conversation says or records reaches the engine from here.
    SAY: { actions: emit(({ event }) => ({ type: 'reply' as const, reply: event.reply })) },
    RECORD: { actions: emit(({ event }) => ({ type: 'record' as const, record: event.record })) },
    HELP: {
      actions: [{ type: 'say', params: ({ context, event }) => ('about' in event && event.about === true ? explanationFor(context.lastPrompt) : reply('help.support')) }, 'repeatPrompt'],
    },
    GREET: { actions: [{ type: 'say', params: reply('common.greetAgain') }, 'repeatPrompt'] },
    THANKS: { actions: [{ type: 'say', params: reply('common.youAreWelcome') }, 'repeatPrompt'] },
    BACK: { actions: 'repeatPrompt' },
    MENU: [
      { guard: 'identified', target: '.menu', actions: assign({ request: undefined }) },
      { guard: 'choosingPatient', target: '.awaitingPatient', actions: assign({ request: undefined }) },
      { target: '.greeting', actions: ['forgetIdentity', assign({ request: undefined })] },
    ],
    EXIT: {
      target: '.ended',
      actions: [
        // Leaving in the middle of an operation says that nothing was done.
        { type: 'say', params: ({ context }) => reply('common.goodbye', { context: context.request?.operation !== undefined && context.request.operation !== 'consult' && context.verified ? context.request.operation : undefined }) },
        { type: 'record', params: { type: 'outcome', outcome: 'ended' } },
      ],
    },
  },
  states: {
    /** Nothing said yet: whatever the first message is, Lina introduces herself, keeping what it asks for. */
    start: {
      tags: ['awaitingInput'],
      on: {
        USER_MESSAGE: { target: 'greeting', actions: 'rememberRequest' },
        HELP: { target: 'greeting', actions: { type: 'say', params: reply('help.support') } },
        GREET: 'greeting',
        THANKS: 'greeting',
        BACK: 'greeting',
      },
    },
    greeting: {
      entry: 'greet',
      always: [{ guard: 'consentCurrent', target: 'awaitingDocument' }, { target: 'awaitingConsent' }],
    },
    awaitingConsent: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('consent', 'consent.ask', { version: context.policyVersion }, YES_NO) },
      on: {
        // "¿Y eso para qué es?": why the authorisation is asked (and the line, for whoever prefers a person).
        HELP: { actions: [{ type: 'say', params: reply('consent.why') }, 'repeatPrompt'] },
        USER_MESSAGE: [
          {
            guard: 'saidYes',
            target: 'afterConsent',
            actions: [
              { type: 'record', params: ({ context }) => ({ type: 'consent', accepted: true, policyVersion: context.policyVersion }) },
              assign({ consentCurrent: true }),
              { type: 'say', params: reply('consent.thanks') },
              'rememberRequest',
            ],
          },
          {
            guard: 'saidNo',
            target: 'ended',
            actions: [
              { type: 'record', params: ({ context }) => ({ type: 'consent', accepted: false, policyVersion: context.policyVersion }) },
              { type: 'say', params: reply('consent.declined') },
            ],
          },
          // "Necesito pasar mi cita para otro día": kept, and the authorisation asked first.
          {
            guard: 'asksForOperation',
            actions: ['rememberRequest', { type: 'say', params: ({ event }) => reply('greeting.requestNoted', { context: intentOf(event) }) }, 'repeatPrompt'],
          },
          // A document before the authorisation is not read, nor kept (Ley 1581): it is asked again after.
          { guard: or(['documentNumberOnly', 'documentTypeGiven']), actions: [{ type: 'say', params: reply('consent.documentFirst') }, 'repeatPrompt'] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** "Sí, CC 1010101010": a document given with the authorisation is used at once. */
    afterConsent: {
      always: [{ guard: 'documentComplete', target: 'lookingUpMember', actions: 'rememberDocument' }, { target: 'awaitingDocument' }],
    },
    awaitingDocument: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ask('document', 'identify.askDocument') },
      on: {
        USER_MESSAGE: [
          { guard: 'documentComplete', target: 'lookingUpMember', actions: ['rememberDocument', 'rememberRequest'] },
          // "Cédula", then the number: the type said first still counts.
          { guard: and(['documentNumberOnly', 'documentTypeKnown']), target: 'lookingUpMember', actions: ['rememberDocument', 'rememberRequest'] },
          { guard: 'documentNumberOnly', target: 'awaitingDocumentType', actions: ['rememberDocument', 'rememberRequest'] },
          {
            // "Cédula" alone: the number is what is missing.
            guard: 'documentTypeGiven',
            actions: [assign({ documentType: ({ event }) => entitiesOf(event).documentType }), { type: 'say', params: reply('identify.askNumber') }],
          },
          { guard: 'asksForOperation', actions: ['rememberRequest', { type: 'say', params: reply('identify.requestNoted') }, 'repeatPrompt'] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    awaitingDocumentType: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ask('documentType', 'identify.askDocumentType', undefined, DOCUMENT_TYPES.map((type) => option(type, `options.documentType.${type}`))),
      },
      on: {
        USER_MESSAGE: [
          { guard: 'documentComplete', target: 'lookingUpMember', actions: 'rememberDocument' },
          {
            guard: 'documentTypeGiven',
            target: 'lookingUpMember',
            actions: assign({
              documentType: ({ context, event }) => {
                const choice = choiceOf(event);
                return DOCUMENT_TYPES.find((type) => type === choice) ?? entitiesOf(event).documentType ?? context.documentType;
              },
            }),
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
          { guard: 'memberNotFound', target: 'choosingSecondFactor', actions: assign({ member: null }) },
          { target: 'awaitingDocument', actions: { type: 'say', params: reply('errors.agendaUnavailable') } },
        ],
      },
    },
    choosingSecondFactor: {
      always: [
        { guard: 'phoneMatches', target: 'checkingEligibility' },
        { guard: 'birthDateGivenMatches', target: 'checkingEligibility' },
        { guard: 'birthDateGivenWrong', target: 'identityFailed' },
        { target: 'awaitingBirthDate' },
      ],
    },
    awaitingBirthDate: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ask('birthDate', 'identify.askBirthDate') },
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
        assign({ identityFailures: ({ context }) => context.identityFailures + 1, failedDocumentType: ({ context }) => context.documentType }),
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
        // A child's document (TI, RC) is a common slip: the member is told whose document opens the door.
        // Said from the type written, so it tells nothing about whether that document exists.
        { guard: 'minorDocumentGiven', target: 'awaitingDocument', actions: { type: 'say', params: reply('identify.failedMinorDocument') } },
        { target: 'awaitingDocument', actions: { type: 'say', params: reply('identify.failed') } },
      ],
    },
    checkingEligibility: {
      always: [
        {
          guard: 'notPbs',
          target: 'notServed',
          actions: [{ type: 'say', params: reply('eligibility.notPbs') }, { type: 'record', params: { type: 'outcome', outcome: 'refused' } }],
        },
        {
          guard: 'inactive',
          target: 'notServed',
          actions: [{ type: 'say', params: reply('eligibility.inactive') }, { type: 'record', params: { type: 'outcome', outcome: 'refused' } }],
        },
        {
          guard: 'hasBeneficiaries',
          target: 'choosingPatient',
          actions: [{ type: 'say', params: ({ context }) => reply('identify.welcome', { name: context.member?.firstName }) }, assign({ verified: true }), 'noteDocument'],
        },
        {
          target: 'afterPatient',
          actions: [
            { type: 'say', params: ({ context }) => reply('identify.welcome', { name: context.member?.firstName }) },
            assign({ patient: ({ context }) => (context.member ? asPatient(context.member) : undefined), verified: true }),
            'noteDocument',
          ],
        },
      ],
    },
    /** The first message may have said for whom ("para mi hijo Mateo"): then there is nothing to ask. */
    choosingPatient: {
      always: [
        {
          guard: ({ context, event }) => (context.request?.patients?.length ?? 0) > 0 && patientResolution(context, event, context.request?.patients).kind === 'one',
          target: 'checkingChosenPatient',
          actions: assign(({ context, event }) => {
            const resolution = patientResolution(context, event, context.request?.patients);
            return resolution.kind === 'one' ? { proposedPatient: resolution.choice.patient } : {};
          }),
        },
        {
          guard: ({ context, event }) => (context.request?.patients?.length ?? 0) > 0 && patientResolution(context, event, context.request?.patients).kind === 'several',
          target: 'awaitingPatient',
          actions: assign(({ context, event }) => {
            const resolution = patientResolution(context, event, context.request?.patients);
            return resolution.kind === 'several' ? { patientOptions: resolution.choices.map((choice) => (choice.self ? 'self' : choice.patient.id)) } : {};
          }),
        },
        { target: 'awaitingPatient' },
      ],
    },
    checkingChosenPatient: {
      always: [
        {
          guard: ({ context }) => context.proposedPatient !== undefined && eligible(context.proposedPatient),
          target: 'afterPatient',
          actions: [
            assign(({ context }) => ({ patient: context.proposedPatient, proposedPatient: undefined, request: context.request ? { ...context.request, patients: undefined } : undefined })),
            'sayWhoWhenImplicit',
          ],
        },
        {
          target: 'awaitingPatient',
          actions: [
            emit(({ context }) => ({
              type: 'reply' as const,
              reply: reply(context.proposedPatient?.plan !== 'PBS' ? 'eligibility.beneficiaryNotPbs' : 'eligibility.beneficiaryInactive', { name: context.proposedPatient?.firstName }),
            })),
            assign({ proposedPatient: undefined }),
          ],
        },
      ],
    },
    awaitingPatient: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) => {
          const choices = choicesOf(context.member).filter((choice) => !context.patientOptions || context.patientOptions.includes(choice.self ? 'self' : choice.patient.id));
          return ask(
            'patient',
            context.patientOptions ? 'patient.askWhich' : 'patient.ask',
            undefined,
            choices.map((choice) => (choice.self ? option('self', 'options.patient.self') : option(choice.patient.id, 'options.patient.beneficiary', { name: choice.patient.firstName }))),
          );
        },
      },
      on: {
        BACK: { actions: 'repeatPrompt' },
        USER_MESSAGE: [
          {
            // A beneficiary whose affiliation is not active PBS cannot be booked for here:
            // the member hears why and where to go, and may choose someone else.
            guard: 'namesIneligiblePatient',
            target: 'awaitingPatient',
            reenter: true,
            actions: ['sayIneligible', 'rememberRequest', assign({ patientOptions: undefined })],
          },
          { guard: 'namesOnePatient', target: 'afterPatient', actions: ['rememberRequest', 'choosePatient', 'sayWhoWhenImplicit'] },
          { guard: 'namesSeveralPatients', target: 'awaitingPatient', reenter: true, actions: ['rememberRequest', 'narrowPatients'] },
          { guard: 'namesUnknownPatient', actions: ['sayUnknownPatient', 'repeatPrompt'] },
          // "Quiero cancelar una cita" before saying for whom: kept, and the question stands.
          { guard: 'asksForOperation', actions: ['rememberRequest', 'repeatPrompt'] },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /** The patient is known: what the member asked for, or the menu. */
    afterPatient: {
      always: [
        { guard: ({ context }) => context.request?.operation === 'book', target: 'booking' },
        { guard: ({ context }) => context.request?.operation === 'consult', target: 'consulting' },
        { guard: ({ context }) => context.request?.operation === 'cancel', target: 'cancelling' },
        { guard: ({ context }) => context.request?.operation === 'reschedule', target: 'rescheduling' },
        { target: 'menu', actions: assign({ request: undefined }) },
      ],
    },
    menu: {
      tags: ['awaitingInput'],
      entry: {
        type: 'prompt',
        params: ({ context }) =>
          ask('menu', isSelfPatient(context) ? 'menu.askSelf' : 'menu.askFor', { patient: context.patient?.firstName }, [
            ...MENU_OPERATIONS.map((operation) => option(operation, `options.menu.${operation}`)),
            option('help', 'options.menu.help'),
          ]),
      },
      on: {
        THANKS: { actions: { type: 'say', params: ({ context }) => reply('common.thanksAtMenu', { name: context.member?.firstName }) } },
        BACK: [{ guard: 'hasBeneficiaries', target: 'awaitingPatient', actions: assign({ patientOptions: undefined }) }, { actions: 'repeatPrompt' }],
        USER_MESSAGE: [
          { guard: 'namesIneligiblePatient', actions: ['sayIneligible', 'repeatPrompt'] },
          {
            // "Ahora para Sofía": the menu is not mid-flow, so no question before switching.
            guard: 'namesOtherPatient',
            target: 'afterPatient',
            actions: [
              'choosePatient',
              'rememberRequest',
              { type: 'say', params: ({ context }) => reply('patient.switched', { name: context.patient?.firstName }) },
            ],
          },
          { guard: 'namesSeveralPatients', target: 'awaitingPatient', actions: ['rememberRequest', 'narrowPatients'] },
          { guard: 'namesUnknownPatient', actions: ['sayUnknownPatient', 'repeatPrompt'] },
          {
            guard: { type: 'saidIntent', params: 'change_patient' },
            target: 'awaitingPatient',
            actions: assign({ patientOptions: undefined }),
          },
          { guard: { type: 'picked', params: 'book' }, target: 'booking', actions: 'rememberRequest' },
          { guard: { type: 'picked', params: 'consult' }, target: 'consulting', actions: 'rememberRequest' },
          { guard: { type: 'picked', params: 'cancel' }, target: 'cancelling', actions: 'rememberRequest' },
          { guard: { type: 'picked', params: 'reschedule' }, target: 'rescheduling', actions: 'rememberRequest' },
          { guard: { type: 'picked', params: 'help' }, actions: [{ type: 'say', params: reply('help.support') }, 'repeatPrompt'] },
          // "Ok", "👍" after an operation: an acknowledgement, not a miss.
          { guard: 'saidYes', actions: { type: 'say', params: ({ context }) => reply('common.thanksAtMenu', { name: context.member?.firstName }) } },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    booking: {
      entry: [{ type: 'record', params: { type: 'milestone', milestone: 'booking-started' } }, { type: 'startOperation', params: 'book' }],
      invoke: {
        id: 'booking',
        src: 'booking',
        input: ({ context }) => ({
          conversationId: context.conversationId,
          patient: patientOf(context),
          patients: choicesOf(context.member),
          ...(context.member?.email ? { memberEmail: context.member.email } : {}),
          today: context.today,
          preferredSites: [context.site, context.lastSite].filter((site): site is SiteCode => site !== undefined),
          ...(context.request ? { request: context.request.fields } : {}),
        }),
        onDone: [
          { guard: ({ event }) => switchedTo(event.output, 'reschedule'), target: 'rescheduling', actions: FINISH_OPERATION },
          { guard: ({ event }) => switchedTo(event.output, 'cancel'), target: 'cancelling', actions: FINISH_OPERATION },
          { guard: revised, target: 'revising', actions: KEEP_REVISION },
          {
            target: 'menu',
            actions: [
              FINISH_OPERATION,
              assign({ lastSite: ({ context, event }) => (event.output.outcome === 'booked' ? event.output.appointment.site : context.lastSite) }),
            ],
          },
        ],
      },
      on: runsChild('booking'),
    },
    consulting: {
      entry: { type: 'startOperation', params: 'consult' },
      invoke: {
        src: 'listAppointments',
        input: ({ context }) => ({ patientId: context.patient?.id ?? '' }),
        onDone: {
          target: 'menu',
          actions: [
            {
              type: 'say',
              params: ({ context, event }) => {
                const who = context.patient ? patientParams(context.patient, isSelfPatient(context)) : {};
                return event.output.length === 0
                  ? reply('appointments.none', who)
                  : reply('appointments.list', { ...who, count: event.output.length }, undefined, event.output.map((appointment) => ({ key: 'appointments.item', params: appointmentParams(appointment) })));
              },
            },
            { type: 'record', params: { type: 'outcome', outcome: 'consulted' } },
            assign({ request: undefined }),
          ],
        },
        onError: {
          target: 'menu',
          actions: [{ type: 'say', params: reply('errors.agendaUnavailable') }, { type: 'record', params: { type: 'outcome', outcome: 'error' } }, assign({ request: undefined })],
        },
      },
    },
    cancelling: {
      entry: { type: 'startOperation', params: 'cancel' },
      invoke: {
        id: 'cancel',
        src: 'cancel',
        input: ({ context }) => ({ patient: patientOf(context), patients: choicesOf(context.member), ...(context.request ? { request: context.request.fields } : {}) }),
        onDone: [{ guard: revised, target: 'revising', actions: KEEP_REVISION }, { target: 'menu', actions: FINISH_OPERATION }],
      },
      on: runsChild('cancel'),
    },
    rescheduling: {
      entry: { type: 'startOperation', params: 'reschedule' },
      invoke: {
        id: 'reschedule',
        src: 'reschedule',
        input: ({ context }) => ({
          conversationId: context.conversationId,
          patient: patientOf(context),
          patients: choicesOf(context.member),
          ...(context.member?.email ? { memberEmail: context.member.email } : {}),
          ...(context.request ? { request: context.request.fields } : {}),
        }),
        onDone: [{ guard: revised, target: 'revising', actions: KEEP_REVISION }, { target: 'menu', actions: FINISH_OPERATION }],
      },
      on: runsChild('reschedule'),
    },
    /** Mid-flow the member named another patient, or asked to change: ask before switching. */
    revising: {
      always: [
        {
          guard: ({ context, event }) => {
            const resolution = patientResolution(context, event, context.request?.patients);
            return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient?.id;
          },
          target: 'confirmingPatientSwitch',
          actions: assign(({ context, event }) => {
            const resolution = patientResolution(context, event, context.request?.patients);
            return resolution.kind === 'one' ? { proposedPatient: resolution.choice.patient } : {};
          }),
        },
        {
          guard: ({ context, event }) => patientResolution(context, event, context.request?.patients).kind === 'unknown',
          target: 'awaitingPatient',
          actions: [
            emit(({ context }) => {
              const resolution = resolvePatient(context.request?.patients, choicesOf(context.member));
              const others = (context.member?.beneficiaries ?? []).map((patient) => patient.firstName).join(' y ');
              const name = resolution.kind === 'unknown' ? resolution.name : undefined;
              return { type: 'reply' as const, reply: reply('patient.unknown', { name, others, context: name ? 'named' : undefined }) };
            }),
            assign({ patientOptions: undefined }),
          ],
        },
        {
          guard: ({ context, event }) => patientResolution(context, event, context.request?.patients).kind === 'several',
          target: 'awaitingPatient',
          actions: assign(({ context, event }) => {
            const resolution = patientResolution(context, event, context.request?.patients);
            return resolution.kind === 'several' ? { patientOptions: resolution.choices.map((choice) => (choice.self ? 'self' : choice.patient.id)) } : {};
          }),
        },
        // "Cambiar paciente" without a name, or the same patient named again: for whom, again.
        { guard: 'hasBeneficiaries', target: 'awaitingPatient', actions: assign({ patientOptions: undefined }) },
        { target: 'afterPatient', actions: { type: 'say', params: reply('patient.onlySelf') } },
      ],
    },
    confirmingPatientSwitch: {
      tags: ['awaitingInput'],
      entry: { type: 'prompt', params: ({ context }) => ask('confirm', 'patient.confirmSwitch', { name: context.proposedPatient?.firstName }, YES_NO) },
      on: {
        BACK: { target: 'afterPatient', actions: assign({ proposedPatient: undefined }) },
        USER_MESSAGE: [
          {
            guard: ({ context, event }) => answerIsYes(event) && context.proposedPatient !== undefined && !eligible(context.proposedPatient),
            target: 'afterPatient',
            actions: [
              emit(({ context }) => ({
                type: 'reply' as const,
                reply: reply(context.proposedPatient?.plan !== 'PBS' ? 'eligibility.beneficiaryNotPbs' : 'eligibility.beneficiaryInactive', { name: context.proposedPatient?.firstName }),
              })),
              assign({ proposedPatient: undefined }),
            ],
          },
          {
            guard: 'saidYes',
            target: 'afterPatient',
            actions: [
              { type: 'say', params: ({ context }) => reply('patient.switched', { name: context.proposedPatient?.firstName }) },
              assign(({ context }) => ({ patient: context.proposedPatient, proposedPatient: undefined, request: context.request ? { ...context.request, patients: undefined } : undefined })),
            ],
          },
          // Not the other patient: the same operation goes on for the current one, with what it had.
          { guard: 'saidNo', target: 'afterPatient', actions: assign(({ context }) => ({ proposedPatient: undefined, request: context.request ? { ...context.request, patients: undefined } : undefined })) },
          { actions: 'rejectAnswer' },
        ],
      },
    },
    /**
     * A member Lina cannot serve (not PBS, or not active): no menu. What they write next ("¿y
     * cómo hago para activarme?") gets the explanation and the line again; "menú" or "hola"
     * later start over; thanks and goodbyes end the conversation.
     */
    notServed: {
      tags: ['awaitingInput'],
      on: {
        USER_MESSAGE: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
        HELP: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
        BACK: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
        GREET: { target: 'greeting', actions: 'forgetIdentity' },
        THANKS: { target: 'ended', actions: [{ type: 'say', params: reply('common.goodbye') }, { type: 'record', params: { type: 'outcome', outcome: 'ended' } }] },
      },
    },
    ended: { type: 'final' },
  },
});

function answerIsYes(event: EventObject): boolean {
  return choiceOf(event) === 'yes' || entitiesOf(event).yesNo === 'yes';
}

function switchedTo(output: BookingOutput, operation: 'reschedule' | 'cancel'): boolean {
  return output.outcome === 'switch' && output.operation === operation;
}
