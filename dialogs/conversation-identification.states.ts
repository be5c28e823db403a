/**
 * The conversation until the member is identified: the greeting, the Ley 1581 authorisation,
 * the document, the lookup, the second factor (the WhatsApp phone or the date of birth), the
 * lockout after repeated failures, and eligibility, with the member Lina cannot serve.
 */
import { and, assign, or, type EventObject } from 'xstate';
import { DOCUMENT_TYPES } from '../bot/domain.js';
import { operationOf } from './choices.js';
import { givenDocument, type ConversationContext, type FindMemberInput } from './conversation-context.js';
import { conversationSetup } from './conversation.setup.js';
import type { ConversationRecord } from './records.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { choiceOf, detailsSaidAhead, entitiesOf, intentOf } from './understood.js';

/**
 * Whom a request already made is for, said while identifying ("primero para Mate" after "citas para mis dos hijos"): kept
 * for after identification, said, and the question stands (member testing: it was "No te entendí").
 */
const PATIENT_NOTED = {
  guard: ({ context, event }: { context: ConversationContext; event: EventObject }) =>
    context.request?.operation !== undefined && choiceOf(event) === undefined && (entitiesOf(event).patients?.length ?? 0) > 0 && entitiesOf(event).documentNumber === undefined,
  actions: ['rememberRequest', { type: 'say', params: reply('identify.requestNoted') }, 'repeatPrompt'],
} as const;

/** More details of a booking already asked for, said while identifying: kept, said back, and the question stands. */
const BOOKING_DETAILS_NOTED = {
  guard: ({ context, event }: { context: ConversationContext; event: EventObject }) =>
    context.request?.operation === 'book' && choiceOf(event) === undefined && detailsSaidAhead(event).length > 0,
  actions: [
    'rememberRequest',
    { type: 'say', params: ({ event }: { event: EventObject }) => reply('booking.noted', { noted: detailsSaidAhead(event).join(',') }) },
    'repeatPrompt',
  ],
} as const;

/** Identified: welcomed by name, the document noted. */
// To someone who said they write for the member ("le escribe la abuela"), the member is spoken of: "ya verifiqué los datos de Laura".
const WELCOME = [
  {
    type: 'say',
    params: ({ context }: { context: ConversationContext }) => reply('identify.welcome', { name: context.member?.firstName, ...(context.writer ? { context: 'writer' } : {}) }),
  },
  'noteDocument',
] as const;

/** The authorisation given: recorded, thanked, and what the message asks for kept. */
const CONSENT_GIVEN = [
  { type: 'record', params: ({ context }: { context: ConversationContext }): ConversationRecord => ({ type: 'consent', accepted: true, policyVersion: context.policyVersion }) },
  'acceptConsent',
  { type: 'say', params: reply('consent.thanks') },
  'rememberRequest',
] as const;

export const identificationStates = {
  /** Nothing said yet: whatever the first message is, Lina introduces herself, keeping what it asks for. */
  start: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    on: {
      USER_MESSAGE: [
        // "Quiero hablar con una persona para cambiar mi cita": the line first, and the move kept for whoever goes on here.
        { guard: ({ event }) => entitiesOf(event).asks === 'person', target: 'greeting', actions: ['rememberRequest', 'answerHelp'] },
        // ("Soy Laura, CC 1010101010, necesito una cita": the document is not kept before the authorisation; that it was
        // written is, so that asking it again says why.)
        {
          guard: ({ context, event }) => !context.consentCurrent && entitiesOf(event).documentNumber !== undefined,
          target: 'greeting',
          actions: ['rememberRequest', assign({ documentBeforeConsent: true })],
        },
        { target: 'greeting', actions: 'rememberRequest' },
      ],
      HELP: { target: 'greeting', actions: 'answerHelp' },
      GREET: 'greeting',
      // A lone "gracias" on a fresh conversation (after "chao", or once the session expired): a kind word, not the identification.
      THANKS: { actions: 'thankFresh' },
      BACK: 'greeting',
    },
  }),
  greeting: conversationSetup.createStateConfig({
    entry: 'greet',
    always: [{ guard: 'consentCurrent', target: 'awaitingDocument' }, { target: 'awaitingConsent' }],
  }),
  awaitingConsent: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: { type: 'prompt', params: ({ context }) => ask('consent', 'consent.ask', { version: context.policyVersion }, YES_NO) },
    on: {
      // "¿Y eso para qué es?": why the authorisation is asked (and the line, for whoever prefers a person).
      HELP: [
        // "¿Dónde queda la sede de Kennedy?" asks nothing about the authorisation: answered, then the authorisation again.
        { guard: 'asksByTheWay', actions: ['answerHelp', 'repeatPrompt'] },
        { actions: [{ type: 'say', params: reply('consent.why') }, 'repeatPrompt'] },
      ],
      USER_MESSAGE: [
        { guard: 'saidYes', target: 'afterConsent', actions: CONSENT_GIVEN },
        {
          guard: 'saidNo',
          target: 'consentDeclined',
          actions: [
            { type: 'record', params: ({ context }) => ({ type: 'consent', accepted: false, policyVersion: context.policyVersion }) },
            { type: 'say', params: reply('consent.declined') },
          ],
        },
        // "Necesito pasar mi cita para otro día": kept, and the authorisation asked first.
        {
          guard: 'asksForOperation',
          actions: ['rememberRequest', { type: 'say', params: ({ event }) => reply('greeting.requestNoted', { context: operationOf(intentOf(event)) }) }, 'repeatPrompt'],
        },
        // A document before the authorisation is not read, nor kept (Ley 1581): it is asked again after.
        { guard: or(['documentNumberOnly', 'documentTypeGiven']), actions: [{ type: 'say', params: reply('consent.documentFirst') }, 'repeatPrompt'] },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  /**
   * The member declined: nothing is asked. A yes right after ("ay no, perdón, sí acepto") is the
   * authorisation; anything else starts over with the greeting, keeping what it asks for.
   */
  consentDeclined: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    on: {
      USER_MESSAGE: [
        { guard: 'saidYes', target: 'afterConsent', actions: CONSENT_GIVEN },
        { target: 'greeting', actions: 'rememberRequest' },
      ],
      GREET: 'greeting',
      THANKS: { target: 'ended', actions: { type: 'say', params: reply('common.goodbye') } },
      // "¿Y para qué necesitan mis datos?": why the authorisation is asked, and the question again.
      HELP: { target: 'awaitingConsent', actions: { type: 'say', params: reply('consent.why') } },
    },
  }),
  /** "Sí, CC 1010101010": a document given with the authorisation is used at once. */
  afterConsent: conversationSetup.createStateConfig({
    always: [{ guard: 'documentComplete', target: 'lookingUpMember', actions: 'rememberDocument' }, { target: 'awaitingDocument' }],
  }),
  awaitingDocument: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: {
      type: 'prompt',
      params: ({ context }) => ask('document', 'identify.askDocument', context.documentBeforeConsent ? { context: 'again' } : undefined),
    },
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
        { guard: or(['asksForOperation', 'carriesARequest']), actions: ['rememberRequest', { type: 'say', params: reply('identify.requestNoted') }, 'repeatPrompt'] },
        BOOKING_DETAILS_NOTED,
        PATIENT_NOTED,
        // "No tengo la cédula a la mano", "después le escribo": no hurry, said kindly; the question stays open.
        { guard: ({ event }) => entitiesOf(event).documentLater === true, actions: { type: 'say', params: reply('identify.documentLater') } },
        // "Es 15 de marzo del 94" after a failed check: the date is kept, and the document asked for again.
        {
          guard: 'birthDateReadable',
          actions: [assign({ birthDateGiven: ({ event }) => entitiesOf(event).birthDate }), { type: 'say', params: reply('identify.dateBeforeDocument') }],
        },
        {
          // "Ay perdón, es el 15 de marzo" after a failed check: the year is missing; the document comes first anyway.
          guard: ({ event }) => entitiesOf(event).birthDateNoYear === true,
          actions: { type: 'say', params: reply('identify.birthDateNoYear', { context: 'document' }) },
        },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  awaitingDocumentType: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: {
      type: 'prompt',
      params: ask(
        'documentType',
        'identify.askDocumentType',
        undefined,
        DOCUMENT_TYPES.map((type) => option(type, `options.documentType.${type}`)),
      ),
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
        // "07/07/1999" here, a date of birth corrected after a failure: kept for the lookup, said, and the type asked again.
        {
          guard: ({ event }) => entitiesOf(event).birthDate !== undefined,
          actions: [assign({ birthDateGiven: ({ event }) => entitiesOf(event).birthDate }), { type: 'say', params: reply('identify.birthDateNoted') }, 'repeatPrompt'],
        },
        // "Necesito cita de pediatría para la niña, es primera vez" while the type is asked: kept for after identification,
        // said, and the question stands (it was "No te entendí" and the request lost; member testing).
        { guard: or(['asksForOperation', 'carriesARequest']), actions: ['rememberRequest', { type: 'say', params: reply('identify.requestNoted') }, 'repeatPrompt'] },
        // ("En Chía en la mañana porfa" after the booking was asked for: more of it, kept and said, and the question stands.)
        BOOKING_DETAILS_NOTED,
        PATIENT_NOTED,
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  lookingUpMember: conversationSetup.createStateConfig({
    invoke: {
      src: 'findMember',
      input: ({ context }): FindMemberInput => ({
        ...givenDocument(context),
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
  }),
  choosingSecondFactor: conversationSetup.createStateConfig({
    always: [
      { guard: 'phoneMatches', target: 'checkingEligibility' },
      { guard: 'birthDateGivenMatches', target: 'checkingEligibility' },
      { guard: 'birthDateGivenWrong', target: 'identityFailed' },
      { target: 'awaitingBirthDate' },
    ],
  }),
  awaitingBirthDate: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: { type: 'prompt', params: ask('birthDate', 'identify.askBirthDate') },
    on: {
      USER_MESSAGE: [
        // "Perdón, me equivoqué, mi cédula es 1010101010": another document instead of the date, looked up anew.
        // A number alone keeps the type said before, which is said back so that a wrong one can be corrected
        // ("TI 1100000001", then "aquí me la dio, 1010101010": the member sees it is taken as a TI).
        {
          guard: 'otherDocumentGiven',
          target: 'lookingUpMember',
          actions: [
            'replaceDocument',
            {
              type: 'say',
              params: ({ context, event }: { context: ConversationContext; event: EventObject }) =>
                entitiesOf(event).documentType === undefined && context.documentType !== undefined
                  ? reply('identify.otherDocument', { type: context.documentType, context: 'typeKept' })
                  : reply('identify.otherDocument'),
            },
          ],
        },
        { guard: 'birthDateMatches', target: 'checkingEligibility' },
        { guard: 'birthDateReadable', target: 'identityFailed' },
        // "Es el 15 de marzo": the year is missing, asked for; the question stays open.
        {
          guard: ({ event }) => entitiesOf(event).birthDateNoYear === true,
          actions: [assign({ birthDayMonth: ({ event }) => entitiesOf(event).birthDayMonth }), { type: 'say', params: reply('identify.birthDateNoYear') }],
        },
        // "No me sé la fecha de ella, deme un segundo le pregunto": no hurry, said kindly; the question stays open.
        { guard: ({ event }) => entitiesOf(event).documentLater === true, actions: { type: 'say', params: reply('identify.birthDateLater') } },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  identityFailed: conversationSetup.createStateConfig({
    entry: [
      assign({ identityFailures: ({ context }) => context.identityFailures + 1, failedDocumentType: ({ context }) => context.documentType }),
      {
        type: 'record',
        params: ({ context }) => {
          const { documentType, documentNumber } = givenDocument(context);
          return { type: 'identity-failure', document: `${documentType}:${documentNumber}` };
        },
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
  }),
  checkingEligibility: conversationSetup.createStateConfig({
    always: [
      {
        guard: 'notPbs',
        target: 'notServed',
        actions: [
          { type: 'say', params: reply('eligibility.notPbs') },
          { type: 'record', params: { type: 'outcome', outcome: 'refused' } },
        ],
      },
      {
        guard: 'inactive',
        target: 'notServed',
        actions: [
          { type: 'say', params: reply('eligibility.inactive') },
          { type: 'record', params: { type: 'outcome', outcome: 'refused' } },
        ],
      },
      {
        guard: 'hasBeneficiaries',
        target: 'choosingPatient',
        actions: [...WELCOME, assign({ verified: true })],
      },
      {
        // No beneficiaries, and the first message asked for someone else ("para mi hija"): said,
        // and the menu instead of that request going on for the member.
        guard: and(['requestNamesPatient', 'requestNamesUnknown']),
        target: 'afterPatient',
        actions: [...WELCOME, 'takeMemberAsPatient', 'sayUnknownRequestedPatient', assign({ request: undefined })],
      },
      { target: 'afterPatient', actions: [...WELCOME, 'takeMemberAsPatient'] },
    ],
  }),
  /**
   * A member Lina cannot serve (not PBS, or not active): no menu. What they write next ("¿y
   * cómo hago para activarme?") gets the explanation and the line again; "menú" or "hola"
   * later start over; thanks and goodbyes end the conversation.
   */
  notServed: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    on: {
      USER_MESSAGE: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
      HELP: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
      BACK: { actions: { type: 'say', params: ({ context }) => reply(context.member?.plan !== 'PBS' ? 'eligibility.stillNotPbs' : 'eligibility.stillInactive') } },
      GREET: { target: 'greeting', actions: 'forgetIdentity' },
      THANKS: {
        target: 'ended',
        actions: [
          { type: 'say', params: reply('common.goodbye') },
          { type: 'record', params: { type: 'outcome', outcome: 'ended' } },
        ],
      },
    },
  }),
};
