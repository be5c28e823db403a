/**
 * The conversation's patient: whom the member books for (themself or a beneficiary, named in
 * their words or picked), a beneficiary Lina cannot serve, and another patient named in the
 * middle of an operation, confirmed before switching.
 */
import { and, assign, not, type EventObject } from 'xstate';
import type { Patient } from '../bot/domain.js';
import {
  answerIsYes,
  choicesOf,
  eligible,
  isSelfPatient,
  memberOption,
  narrowedTo,
  nextPatientName,
  onlySelfReply,
  patientResolution,
  withoutMentions,
  type ConversationContext,
} from './conversation-context.js';
import { DOCUMENT_AGAIN, OBJECTION, conversationSetup } from './conversation.setup.js';
import { YES_NO, ask, option, reply } from './replies.js';
import { choiceOf, detailsSaidAhead, entitiesOf, intentOf } from './understood.js';

/** Booking details said before the patient ("primera vez", "suba", "tarde"), in the form's order, as `booking.noted` lists them. */

/**
 * "No, para Sofía" at "¿Cambio la cita para Mateo?": the one person named besides the no, when
 * that is neither the patient proposed nor the current one.
 */
/** The same people, in any order. */
function sameIds(these: readonly string[] | undefined, those: readonly string[] | undefined): boolean {
  return these !== undefined && those !== undefined && these.length === those.length && these.every((id) => those.includes(id));
}

/** "Listo, ahora para Sofía": the patient switched to, said. */
const SAY_SWITCHED = {
  type: 'say',
  params: ({ context }: { context: ConversationContext }) =>
    reply('patient.switched', {
      name: context.proposedPatient?.firstName,
      context: context.proposedPatient?.id === context.member?.id && context.writer === undefined ? 'self' : undefined,
    }),
} as const;

function thirdPersonNamed(context: ConversationContext, event: EventObject): Patient | undefined {
  const resolution = patientResolution(context, event);
  if (resolution.kind !== 'one') return undefined;
  const named = resolution.choice.patient;
  return named.id === context.proposedPatient?.id || named.id === context.patient?.id ? undefined : named;
}

/** In the middle of an operation, another patient picked by number or position, not by name ("3", "la tercera"). */
function otherPatientByPosition(context: ConversationContext, event: EventObject): Patient | undefined {
  // ("1" to «¿Para cuál de ellos?», the people of the request Lina just listed: that one, with no yes asked.)
  if (!context.patient || !context.request?.operation || choiceOf(event) === undefined || entitiesOf(event).patients?.length || context.patientOptions) return undefined;
  const resolution = patientResolution(context, event);
  return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient.id ? resolution.choice.patient : undefined;
}

/** "Listo, primero para Mateo; después seguimos con Sofía" (with "ti" and "tu cita" for the member, who writes). */
function inOrderReply(context: ConversationContext) {
  const later = context.otherPatientLater;
  const laterIsMember = later?.kind === 'self' || (later === undefined && context.nextRequest?.patients?.[0]?.kind === 'self');
  const toMember = context.writer === undefined;
  const then = laterIsMember ? (toMember ? undefined : context.member?.firstName) : later?.kind === 'name' ? (later.written ?? later.name) : nextPatientName(context);
  const first = isSelfPatient(context) && toMember ? 'self' : undefined;
  const second = laterIsMember && toMember ? 'thenSelf' : undefined;
  return reply('patient.inOrder', { name: context.patient?.firstName, then, context: [first, second].filter(Boolean).join('_') || undefined });
}

export const patientStates = {
  /** The first message may have said for whom ("para mi hijo Mateo"): then there is nothing to ask. */
  choosingPatient: conversationSetup.createStateConfig({
    always: [
      { guard: and(['requestNamesPatient', 'requestNamesOne']), target: 'checkingChosenPatient', actions: 'proposeRequestedPatient' },
      // "¿Qué citas tienen mis hijos?" asked first: each one's appointments, then for whom.
      {
        guard: and(['requestNamesPatient', 'requestNamesSeveral', ({ context }) => context.request?.operation === 'consult']),
        target: 'consultingSeveral',
        actions: 'queueRequested',
      },
      { guard: and(['requestNamesPatient', 'requestNamesSeveral']), target: 'awaitingPatient', actions: 'narrowToRequested' },
      // "Para mi mamá", who is no beneficiary: said before asking for whom, never silently dropped.
      { guard: and(['requestNamesPatient', 'requestNamesUnknown']), target: 'awaitingPatient', actions: 'sayUnknownRequestedPatient' },
      // "Quisiera saber si tengo alguna cita pendiente" asked first, nobody named: the citas of the member and of each
      // beneficiary, never «¿Para quién es la cita?» before any is shown (member testing).
      {
        guard: ({ context }) => context.request?.operation === 'consult' && choicesOf(context.member).length > 1,
        target: 'consultingSeveral',
        actions: assign(({ context }) => ({ consultQueue: choicesOf(context.member).map((choice) => choice.patient.id) })),
      },
      { target: 'awaitingPatient' },
    ],
  }),
  checkingChosenPatient: conversationSetup.createStateConfig({
    always: [
      {
        guard: ({ context }) => context.proposedPatient !== undefined && eligible(context.proposedPatient),
        target: 'afterPatient',
        actions: ['takeProposedPatient', 'sayWhoWhenImplicit'],
      },
      { target: 'awaitingPatient', actions: 'refuseProposedPatient' },
    ],
  }),
  awaitingPatient: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: {
      type: 'prompt',
      params: ({ context }) => {
        const choices = choicesOf(context.member).filter((choice) => !context.patientOptions || context.patientOptions.includes(choice.self ? 'self' : choice.patient.id));
        return ask(
          'patient',
          context.patientOptions ? 'patient.askWhich' : 'patient.ask',
          undefined,
          choices.map((choice) => (choice.self ? memberOption(context) : option(choice.patient.id, 'options.patient.beneficiary', { name: choice.patient.firstName }))),
        );
      },
    },
    on: {
      BACK: { actions: 'repeatPrompt' },
      USER_MESSAGE: [
        OBJECTION,
        DOCUMENT_AGAIN,
        {
          // A beneficiary whose affiliation is not active PBS cannot be booked for here:
          // the member hears why and where to go, and may choose someone else.
          guard: 'namesIneligiblePatient',
          target: 'awaitingPatient',
          reenter: true,
          actions: ['sayIneligible', 'rememberRequest', assign({ patientOptions: undefined })],
        },
        // Asked for whom again in the middle of an operation, a bare number ("3") may be the slot or option the member
        // meant from the list before: another patient picked by position is confirmed first, never switched to at once.
        {
          guard: ({ context, event }) => otherPatientByPosition(context, event) !== undefined,
          target: 'confirmingPatientSwitch',
          actions: assign({ proposedPatient: ({ context, event }) => otherPatientByPosition(context, event) }),
        },
        { guard: 'namesOnePatient', target: 'afterPatient', actions: ['rememberRequest', 'choosePatient', 'sayWhoWhenImplicit'] },
        // "¿Y los niños tienen citas?" to "¿Para quién es la cita?": each one's appointments, then for whom.
        {
          guard: and(['namesSeveralPatients', ({ event }) => intentOf(event) === 'consult']),
          target: 'consultingSeveral',
          actions: ['rememberRequest', 'queueConsulted'],
        },
        // "Las dos" to "¿Para cuál de ellos?" for the same two, with an operation asked for: the first now, the other one next.
        {
          guard: and([
            'namesSeveralPatients',
            ({ context, event }) =>
              context.patientOptions?.length === 2 &&
              context.request?.operation !== undefined &&
              context.request.operation !== 'consult' &&
              sameIds(narrowedTo(patientResolution(context, event)).patientOptions, context.patientOptions),
          ]),
          target: 'afterPatient',
          actions: ['rememberRequest', 'chooseFirstOfBoth'],
        },
        // "Primero para mí y después para Sofía": the first now, the other one's next, in the order said.
        {
          guard: and([
            'namesSeveralPatients',
            ({ context, event }) => entitiesOf(event).inOrder === true && narrowedTo(patientResolution(context, event)).patientOptions?.length === 2,
          ]),
          target: 'afterPatient',
          actions: [
            'rememberRequest',
            'narrowPatients',
            'chooseFirstOfBoth',
            {
              type: 'say',
              params: ({ context }) => inOrderReply(context),
            },
            // (What comes next is said with the order: not again when the operation starts.)
            assign(({ context }) => ({ otherPatientLaterSaid: true as const, ...(context.nextRequest ? { nextAnnounced: true } : {}) })),
          ],
        },
        { guard: 'namesSeveralPatients', target: 'awaitingPatient', reenter: true, actions: ['rememberRequest', 'narrowPatients'] },
        { guard: 'namesUnknownPatient', actions: ['sayUnknownPatient', 'repeatPrompt'] },
        // "Primera vez", "suba", "tarde", or "quiero una cita de medicina general", before saying for whom: kept and said
        // ("Anoté: medicina general."), and the question stands.
        {
          guard: ({ event }) => detailsSaidAhead(event).length > 0,
          actions: ['rememberRequest', { type: 'say', params: ({ event }) => reply('booking.noted', { noted: detailsSaidAhead(event).join(',') }) }, 'repeatPrompt'],
        },
        // "No, yo no quiero cita, es que necesito saber si tengo alguna cita pendiente" to «¿Para quién es la cita?», nobody
        // named: the citas of the member and of each beneficiary, as when asked first, never the question again (member testing).
        {
          guard: ({ context, event }) => intentOf(event) === 'consult' && choicesOf(context.member).length > 1,
          target: 'consultingSeveral',
          actions: ['rememberRequest', assign(({ context }) => ({ consultQueue: choicesOf(context.member).map((choice) => choice.patient.id) }))],
        },
        // "Quiero cancelar una cita" before saying for whom: kept, and the question stands.
        { guard: 'asksForOperation', actions: ['rememberRequest', 'repeatPrompt'] },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  /** The patient is known: what the member asked for, or the menu. */
  afterPatient: conversationSetup.createStateConfig({
    always: [
      { guard: ({ context }) => context.request?.operation === 'book', target: 'booking' },
      { guard: ({ context }) => context.request?.operation === 'consult', target: 'consulting' },
      { guard: ({ context }) => context.request?.operation === 'cancel', target: 'cancelling' },
      { guard: ({ context }) => context.request?.operation === 'reschedule', target: 'rescheduling' },
      { target: 'menu', actions: assign({ request: undefined }) },
    ],
  }),
  /** Mid-flow the member named another patient, or asked to change: ask before switching. */
  revising: conversationSetup.createStateConfig({
    always: [
      { guard: 'requestNamesOtherPatient', target: 'confirmingPatientSwitch', actions: 'proposeRequestedPatient' },
      {
        // "Es pa mi hijo Juanito" from a member without beneficiaries: no question with one option,
        // but plainly that Lina books only for them, how a relative is added, and on for them.
        guard: and(['requestNamesUnknown', not('hasBeneficiaries')]),
        target: 'afterPatient',
        actions: [
          'sayUnknownRequestedPatient',
          // To someone who writes for the member: another affiliate is served with their own document, and on with the member's cita.
          {
            type: 'say',
            params: ({ context }) =>
              reply('patient.onlyYouGoOn', context.writer !== undefined && context.member ? { context: 'writer', member: context.member.firstName } : undefined),
          },
          assign(({ context }) => ({ request: withoutMentions(context.request) })),
        ],
      },
      {
        guard: 'requestNamesUnknown',
        target: 'awaitingPatient',
        actions: ['sayUnknownRequestedPatient', assign({ patientOptions: undefined })],
      },
      { guard: 'requestNamesSeveral', target: 'awaitingPatient', actions: 'narrowToRequested' },
      // "Cambiar paciente" without a name, or the same patient named again: for whom, again.
      { guard: 'hasBeneficiaries', target: 'awaitingPatient', actions: assign({ patientOptions: undefined }) },
      { target: 'afterPatient', actions: { type: 'say', params: ({ context }) => onlySelfReply(context) } },
    ],
  }),
  confirmingPatientSwitch: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    // (The member, to themself: "¿Cambio la cita para ti?"; to someone who writes for them, named.)
    entry: {
      type: 'prompt',
      params: ({ context }) =>
        ask(
          'confirm',
          'patient.confirmSwitch',
          {
            name: context.proposedPatient?.firstName,
            // (While cancelling or moving, which cita is asked, in those words: "¿cambio la cita…?" would sound like moving it.)
            ...switchContext(context),
          },
          YES_NO,
        ),
    },
    on: {
      BACK: { target: 'afterPatient', actions: assign({ proposedPatient: undefined }) },
      USER_MESSAGE: [
        {
          guard: ({ context, event }) => answerIsYes(event) && context.proposedPatient !== undefined && !eligible(context.proposedPatient),
          target: 'afterPatient',
          actions: 'refuseProposedPatient',
        },
        {
          guard: 'saidYes',
          target: 'afterPatient',
          // ("Sí, pero en la tarde": what the yes says besides is kept for the new patient's operation.)
          actions: [SAY_SWITCHED, 'takeProposedPatient', 'rememberRequest'],
        },
        {
          // "Control", "en Suba" instead of a yes: the member goes on for the person they named; what they say is kept.
          guard: 'goesOnWithTheRequest',
          target: 'afterPatient',
          actions: [SAY_SWITCHED, 'takeProposedPatient', 'rememberRequest'],
        },
        {
          // "No, para Sofía": not the one asked about but a third person, named plainly: switched to, and said.
          guard: ({ context, event }) => {
            const named = thirdPersonNamed(context, event);
            return named !== undefined && eligible(named);
          },
          target: 'afterPatient',
          actions: [assign({ proposedPatient: ({ context, event }) => thirdPersonNamed(context, event) }), SAY_SWITCHED, 'takeProposedPatient'],
        },
        // A third person Lina cannot serve: why, and the same question.
        { guard: ({ context, event }) => thirdPersonNamed(context, event) !== undefined, actions: ['sayIneligible', 'repeatPrompt'] },
        // Not the other patient: the same operation goes on for the current one, with what it had.
        { guard: 'saidNo', target: 'afterPatient', actions: assign(({ context }) => ({ proposedPatient: undefined, request: withoutMentions(context.request) })) },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
};

/** The wording of the patient-switch question: for whom, and for which operation under way. */
function switchContext(context: ConversationContext): { context?: string } {
  const operation = context.request?.operation;
  const parts = [
    operation === 'cancel' || operation === 'reschedule' ? operation : undefined,
    context.proposedPatient?.id === context.member?.id && context.writer === undefined ? 'self' : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? { context: parts.join('_') } : {};
}
