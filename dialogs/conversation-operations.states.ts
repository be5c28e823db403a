/**
 * The conversation once the patient is known: the main menu and the operations it starts
 * (booking, consulting, cancelling, rescheduling), what the member may say while one runs
 * (greetings, thanks, help, another operation), and what an operation's ending leads to.
 */
import { and, assign, type EventObject } from 'xstate';
import { serviceOf, type Appointment, type Patient, type RissCase, type SiteCode } from '../bot/domain.js';
import { appointmentParams, patientParams } from './appointments.js';
import type { BookingOutput } from './booking.machine.js';
import { MENU_OPERATIONS, isOperation, type Operation } from './choices.js';
import {
  choicesOf,
  chosenPatient,
  consultedBy,
  eligible,
  ineligibleReply,
  isSelfPatient,
  onlySelfReply,
  patientResolution,
  samePatientReply,
  queuedConsulted,
  thanksAtMenuReply,
  withoutMentions,
  type ConversationContext,
  type OperationOutput,
  type PendingRequest,
} from './conversation-context.js';
import type { PatientChoice } from './patients.js';
import type { BookedHere } from './operation.js';
import { DOCUMENT_AGAIN, OBJECTION, conversationSetup } from './conversation.setup.js';
import { ask, option, reply, type Reply } from './replies.js';
import { namesAnotherPatient } from './patients.js';
import { asksAnotherTimeInstead, choiceOf, entitiesOf, intentOf, isMessage } from './understood.js';

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
  // ("No, mejor no la cancele, la quiero es correr para otro día", "mejor muévala" at «¿La cancelo?»: the cancellation answers
  // it, and hands the appointment chosen, if any, to its move.)
  if (running === 'cancel' && intent === 'reschedule' && (event.choice === 'no' || event.choice === undefined)) return undefined;
  // ("¿Y me puede dar otra mejor pa pasado mañana tipo diez y media?" at «¿La cancelo?»: another time instead, for the same
  // patient; the cancellation hands the cita to its move, see `asksAnotherTimeInstead`.)
  if (running === 'cancel' && asksAnotherTimeInstead(event)) return undefined;
  // ("Mejor cancélela" at a booking's «¿La confirmo?»: the booking given up, which the booking answers; no cita to cancel.
  // At «¿La muevo?» the move answers it too: the cita being moved, cancelled instead, with its own yes.)
  if ((running === 'booking' || running === 'reschedule') && intent === 'cancel' && event.understood.entities.cancelIt === true) return undefined;
  return intent === 'cancel' || intent === 'reschedule' || intent === 'consult' || (intent === 'book' && running !== 'booking') ? intent : undefined;
}

/** The message names someone other than the patient (or several, or someone Lina does not know). */
const namesSomeoneElse = (context: ConversationContext, event: EventObject): boolean =>
  context.patient !== undefined && namesAnotherPatient(entitiesOf(event).patients, choicesOf(context.member), context.patient);

/** A patient's upcoming appointments, or that there are none; `self`: the patient is the member. */
function appointmentsReply(patient: Patient | undefined, self: boolean, appointments: readonly Appointment[]): Reply {
  const who = patient ? patientParams(patient, self) : {};
  return appointments.length === 0
    ? reply('appointments.none', who)
    : reply(
        'appointments.list',
        { ...who, count: appointments.length },
        undefined,
        appointments.map((appointment) => ({ key: 'appointments.item', params: appointmentParams(appointment) })),
      );
}

/**
 * "¿Qué citas tengo?" in the middle of an operation: a question, not a change of mind. It is
 * answered aside and the operation goes on with its pending question (a "no" said with it, at a
 * confirmation, still leaves the operation for the consultation).
 */
const asksAside = (event: EventObject, running: 'booking' | 'cancel' | 'reschedule') => choiceOf(event) === undefined && otherOperationIn(event, running) === 'consult';

/** In an operation's `onDone`: the operation ended because the member named someone else. */
const revised = ({ event }: { event: { output: OperationOutput } }) => event.output.outcome === 'revise';
/** In an operation's `onDone`: its outcome recorded, with the operation's output. */
const FINISH_OPERATION = { type: 'finishOperation', params: ({ event }: { event: { output: OperationOutput } }) => event.output } as const;
/** In an operation's `onDone`: what the operation had is kept for the next one. */
const KEEP_REVISION = { type: 'keepRevision', params: ({ event }: { event: { output: OperationOutput } }) => event.output } as const;

/**
 * In an operation's `onDone`: the operation given up for the other one on the same cita ("mejor cancélela" at «¿La muevo?»,
 * "mejor no la cancele, la quiero es correr" at «¿La cancelo?»): nothing done, said, and the cita handed over with what was
 * said of it.
 */
function handedOver(outcome: 'cancelInstead' | 'moveInstead', operation: 'cancel' | 'reschedule') {
  return {
    guard: ({ event }: { event: { output: OperationOutput } }) => event.output.outcome === outcome,
    target: SWITCH_TARGETS[operation],
    actions: [
      FINISH_OPERATION,
      { type: 'say', params: reply('common.switchOperation', { context: operation }) },
      { type: 'handOver', params: ({ event }: { event: { output: OperationOutput } }) => event.output },
    ],
  } as const;
}

/** Guard: "cambiar paciente". */
const SAID_CHANGE_PATIENT = { type: 'saidIntent', params: 'change_patient' } as const;
/** The state that runs each operation. */
const SWITCH_TARGETS = { book: 'booking', cancel: 'cancelling', reschedule: 'rescheduling', consult: 'consulting' } as const;

/**
 * How an operation's state handles the member while it runs: messages go to it (unless they ask
 * for another operation, which it gives way to); greetings, thanks and help are said here, then
 * it repeats its question.
 */
function runsChild(id: 'booking' | 'cancel' | 'reschedule') {
  const forward = { type: 'forwardTo', params: id } as const;
  const repeat = { type: 'repeatIn', params: id } as const;
  const switches = (['book', 'cancel', 'reschedule', 'consult'] as const).flatMap((operation) => {
    const actions = [
      { type: 'say', params: reply('common.switchOperation', { context: operation }) },
      { type: 'record', params: { type: 'outcome', outcome: 'abandoned' } },
      'requestAnew',
    ] as const;
    return [
      // "Ah, y la de la niña sí cancélela" while Mateo's cita is being moved or cancelled: the other operation, for the
      // person named, comes after this one (member testing: the move was dropped for it, and the member believed it done).
      {
        guard: ({ context, event }: { context: ConversationContext; event: EventObject }) =>
          id !== 'booking' &&
          operation !== 'consult' &&
          context.nextRequest?.operation === undefined &&
          otherOperationIn(event, id) === operation &&
          namesSomeoneElse(context, event) &&
          patientResolution(context, event).kind === 'one',
        actions: ['queueOtherOperation', repeat],
      },
      // "Cancele la del viernes de Sofía" while booking for Mateo: the other operation is for
      // the person named, settled as a first message's patient is, never for the current one.
      {
        guard: ({ context, event }: { context: ConversationContext; event: EventObject }) => otherOperationIn(event, id) === operation && namesSomeoneElse(context, event),
        target: 'choosingPatient',
        actions,
      },
      { guard: ({ event }: { event: EventObject }) => otherOperationIn(event, id) === operation, target: SWITCH_TARGETS[operation], actions },
    ] as const;
  });
  const aside = [
    {
      // "¿Y qué citas tienen los niños?": each one's, one after the other, then the pending question.
      guard: ({ context, event }: { context: ConversationContext; event: EventObject }) => asksAside(event, id) && patientResolution(context, event).kind === 'several',
      target: '.consultingAsideSeveral',
      actions: 'queueConsulted',
    },
    {
      // A beneficiary Lina cannot serve: why, and the pending question again.
      guard: ({ context, event }: { context: ConversationContext; event: EventObject }) => asksAside(event, id) && !eligible(consultedBy(context, event)),
      actions: [{ type: 'say', params: ({ context, event }: { context: ConversationContext; event: EventObject }) => ineligibleReply(consultedBy(context, event)) }, repeat],
    },
    {
      guard: ({ event }: { event: EventObject }) => asksAside(event, id),
      target: '.consultingAside',
      actions: 'noteConsulted',
    },
  ] as const;
  // "Es para Mateo" when it already is: said so, and the pending question again (never "¿para quién?").
  const restated = {
    guard: 'restatesPatient',
    actions: [{ type: 'say', params: ({ context }: { context: ConversationContext }) => samePatientReply(context) }, repeat],
  } as const;
  // "¿Y para mí?" from the grandmother who writes, "para mi mamá": someone Lina cannot serve, said so, and the
  // operation goes on with its pending question (never dropped for a "¿Para quién?").
  // (A member without beneficiaries is told how one is registered instead: see `revising`.)
  const unknown = { guard: and(['namesUnknownPatient', 'hasBeneficiaries']), actions: ['sayUnknownPatient', repeat] } as const;
  // "Pero si él es mi hijo" after that: not registered, how to register them, and the operation goes on.
  const objection = { guard: 'objectsToRefusal', actions: ['sayNotRegistered', repeat] } as const;
  // "1010101010" at any of its questions: the document typed again, acknowledged, and the question again.
  const documentAgain = { guard: 'givesDocumentAgain', actions: ['sayDocumentAgain', repeat] } as const;
  return {
    USER_MESSAGE: [objection, documentAgain, ...aside, restated, unknown, ...switches, { actions: ['noteNextRequest', forward] }],
    BACK: { actions: forward },
    HELP: [
      // "¿Qué es no programada?", "¿y eso dónde queda?": the operation's question answers it, then is asked again.
      { guard: ({ event }: { event: EventObject }) => 'asks' in event && event.asks !== undefined, actions: { type: 'answerIn', params: id } },
      { actions: [{ type: 'say', params: reply('help.support') }, repeat] },
    ],
    GREET: {
      actions: [
        {
          type: 'say',
          params: ({ context }: { context: ConversationContext }) =>
            reply('common.greetAgain', { patient: context.patient?.firstName, context: isSelfPatient(context) ? `${id}_self` : id }),
        },
        repeat,
      ],
    },
    // Thanks in the middle of an operation may mean the member thinks it is done: it is not, and Lina says so.
    THANKS: { actions: [{ type: 'say', params: reply('common.youAreWelcome', { context: id }) }, repeat] },
  } as const;
}

/**
 * The states inside an operation's state: the operation runs, and a consultation asked in the
 * middle of it is answered aside (the operation's machine keeps its pending question, asked
 * again once the appointments are listed).
 */
function answersAside(id: 'booking' | 'cancel' | 'reschedule') {
  const resumed = [
    {
      type: 'say',
      params: ({ context }: { context: ConversationContext }) =>
        reply('common.resume', { patient: context.patient?.firstName, context: isSelfPatient(context) ? `${id}_self` : id }),
    },
    { type: 'repeatIn', params: id },
    'forgetConsulted',
  ] as const;
  return {
    initial: 'running',
    states: {
      running: {},
      consultingAsideSeveral: listingEach('consultingAsideSeveral', 'resumingAfterSeveral'),
      resumingAfterSeveral: { always: { target: 'running', actions: [...resumed, 'clearConsultQueue'] } },
      consultingAside: {
        invoke: {
          src: 'listAppointments',
          input: ({ context }: { context: ConversationContext }) => ({ patientId: context.consulted?.id ?? '' }),
          onDone: {
            target: 'running',
            actions: [
              {
                type: 'say',
                params: ({ context, event }: { context: ConversationContext; event: { output: Appointment[] } }) =>
                  appointmentsReply(context.consulted, context.consulted?.id === context.member?.id && context.writer === undefined, event.output),
              },
              ...resumed,
            ],
          },
          onError: { target: 'running', actions: [{ type: 'say', params: reply('errors.agendaUnavailable') }, ...resumed] },
        },
      },
    },
  } as const;
}

/**
 * The appointments of several people asked about at once ("¿y qué citas tienen los niños?"),
 * one after the other (`consultQueue` holds who is left); a beneficiary Lina cannot serve gets
 * why instead. `done`: where to go once everyone is listed, or when the agenda fails.
 */
function listingEach<State extends string, Done extends string>(state: State, done: Done) {
  const shown = ({ context }: { context: ConversationContext }) => queuedConsulted(context);
  return {
    always: [
      { guard: ({ context }: { context: ConversationContext }) => shown({ context }) === undefined, target: done },
      {
        guard: ({ context }: { context: ConversationContext }) => !eligible((shown({ context }) as PatientChoice).patient),
        target: state,
        reenter: true,
        actions: [{ type: 'say', params: ({ context }: { context: ConversationContext }) => ineligibleReply(shown({ context })?.patient) }, 'shiftConsultQueue'],
      },
    ],
    invoke: {
      src: 'listAppointments',
      input: ({ context }: { context: ConversationContext }) => ({ patientId: shown({ context })?.patient.id ?? '' }),
      onDone: {
        target: state,
        reenter: true,
        actions: [
          {
            type: 'say',
            params: ({ context, event }: { context: ConversationContext; event: { output: Appointment[] } }) =>
              appointmentsReply(shown({ context })?.patient, (shown({ context })?.self ?? false) && context.writer === undefined, event.output),
          },
          'shiftConsultQueue',
        ],
      },
      onError: { target: done, actions: { type: 'say', params: reply('errors.agendaUnavailable') } },
    },
  } as const;
}

/** The one site every appointment listed is at, if they share one. */
function onlySiteOf(appointments: ReadonlyArray<{ site: SiteCode }>): SiteCode | undefined {
  const sites = new Set(appointments.map((appointment) => appointment.site));
  return sites.size === 1 ? appointments[0]?.site : undefined;
}

/** A booking ended because the patient already has an appointment of the specialty, to move or cancel instead. */
function switchedTo(output: BookingOutput, operation: 'reschedule' | 'cancel'): boolean {
  return output.outcome === 'switch' && output.operation === operation;
}

/** The appointment a booking switched to moving or cancelling, and when to move it to, for that operation. */
const switchedRequest = (output: BookingOutput): ConversationContext['request'] =>
  output.outcome === 'switch' ? { operation: output.operation, fields: output.request } : undefined;

/**
 * The request waiting after a cancellation, when it asks for the same cita again ("sí, ¿y me la
 * puede volver a dar la otra semana?"): a booking of the service and site of the cita just
 * cancelled, with what the member said of it (the day, the band) kept.
 */
function sameAsCancelled(next: PendingRequest | undefined, output: OperationOutput): PendingRequest | undefined {
  if (!next?.sameAsLast || next.operation !== 'book' || output.outcome !== 'cancelled' || !('appointment' in output) || !output.appointment) return next;
  const { sameAsLast: _same, ...request } = next;
  const { specialty, visitType } = serviceOf(output.appointment.cups);
  return { ...request, fields: { specialty, visitType, site: output.appointment.site, ...request.fields } };
}

/** The case an operation ended with filing, as "¿y cuándo me responden?" is answered, or the one filed before. */
function caseAfter(context: ConversationContext, output: { outcome: string; rissCase?: RissCase }): ConversationContext['lastCase'] {
  return output.outcome === 'case' && output.rissCase ? { radicado: output.rissCase.radicado, dueDate: output.rissCase.dueDate, email: output.rissCase.email } : context.lastCase;
}

/** The citas booked (or moved) in this conversation, with one more. */
function bookedHereWith(context: ConversationContext, appointment: Appointment): BookedHere[] {
  return [...(context.bookedHere ?? []), { patientId: appointment.patientId, start: appointment.start, end: appointment.end }];
}

/** Guard: the message asks for the appointments of several people at once ("¿y mis hijos tienen alguna cita pendiente?"). */
const consultsSeveral = ({ context, event }: { context: ConversationContext; event: EventObject }): boolean =>
  isMessage(event) && (event.understood.intent === 'consult' || choiceOf(event) === 'consult') && patientResolution(context, event).kind === 'several';

/**
 * Guard: "no mejor no la cancele" at the menu right after a cancellation: the cancellation taken back, which
 * cannot be; a "no" with a cancellation (or a bare "no la cancele") that names no one and no other cita.
 */
const takesBackCancellation = ({ context, event }: { context: ConversationContext; event: EventObject }): boolean => {
  if (!isMessage(event) || context.doneSaid?.outcome !== 'cancelled') return false;
  const { yesNo, leaveAsIs: _leaveAsIs, ...said } = event.understood.entities;
  const intent = event.understood.intent;
  return yesNo === 'no' && (intent === 'cancel' || intent === 'deny') && Object.keys(said).length === 0;
};

/** What every operation is given: the patient, who else may be named, and what the member asked for. */
function operationInput(context: ConversationContext) {
  return {
    patient: chosenPatient(context),
    patients: choicesOf(context.member),
    ...(context.request ? { request: context.request.fields } : {}),
    ...(context.bookedHere ? { bookedHere: context.bookedHere } : {}),
    // Someone else writes for the member: the operation names the member, never "tu cita".
    ...(context.writer !== undefined ? { writerKnown: true as const } : {}),
  };
}

/** What an operation that takes a slot is given besides: the conversation (for its keys) and the e-mail on file (for a RISS case). */
function slotTakingInput(context: ConversationContext) {
  return { conversationId: context.conversationId, today: context.today, ...operationInput(context), ...(context.member?.email ? { memberEmail: context.member.email } : {}) };
}

export const operationStates = {
  menu: conversationSetup.createStateConfig({
    tags: ['awaitingInput'],
    entry: {
      type: 'prompt',
      params: ({ context }) =>
        // To someone who writes for the member, the member is named: "¿Qué quieres hacer para Laura?".
        // ("Cambiar paciente" is offered only when there is someone else to change to.)
        ask(
          'menu',
          isSelfPatient(context) && context.writer === undefined ? 'menu.askSelf' : 'menu.askFor',
          { patient: context.patient?.firstName, ...((context.member?.beneficiaries.length ?? 0) === 0 ? { context: 'only' } : {}) },
          [...MENU_OPERATIONS.map((operation) => option(operation, `options.menu.${operation}`)), option('help', 'options.menu.help')],
        ),
    },
    on: {
      THANKS: { actions: { type: 'say', params: ({ context }) => thanksAtMenuReply(context) } },
      BACK: [{ guard: 'hasBeneficiaries', target: 'awaitingPatient', actions: assign({ patientOptions: undefined }) }, { actions: 'repeatPrompt' }],
      // "¿Sí quedó cancelada?" with nothing done in this conversation (it was yesterday, or by phone): the citas, which tell.
      HELP: [
        { guard: ({ context, event }) => event.orConsult === true && context.doneSaid === undefined, target: 'consulting' },
        // "¿Y la otra con quién es?" with no one cita just spoken of (after a cancellation, say): the patient's citas, each
        // with its doctor, day and hour, never the support line as if Lina could not tell.
        { guard: ({ context, event }) => event.asks === 'doctor' && event.about === undefined && context.doctorSaid === undefined, target: 'consulting' },
      ],
      USER_MESSAGE: [
        OBJECTION,
        DOCUMENT_AGAIN,
        // "Sí, radíquelo" at the menu right after a case was filed (its e-mail corrected, say): it is filed, with its number.
        {
          guard: ({ context, event }) => context.lastCase !== undefined && entitiesOf(event).fileCase === true && choiceOf(event) === undefined && !isOperation(intentOf(event)),
          actions: [
            {
              type: 'say',
              params: ({ context }) =>
                reply('riss.alreadyFiled', {
                  radicado: context.lastCase?.radicado,
                  dueDate: context.lastCase?.dueDate,
                  email: context.lastCase?.email,
                  ...(context.lastCase?.email ? { context: 'email' } : {}),
                }),
            },
            'repeatPrompt',
          ],
        },
        // "Sí, radíquelo" at the menu, once the case offer is over (declined, or never made): no case is filed from here,
        // and the way to one is said, never a thanks that sounds like it was filed.
        {
          guard: ({ event }) => entitiesOf(event).fileCase === true && choiceOf(event) === undefined && !isOperation(intentOf(event)),
          actions: [{ type: 'say', params: reply('riss.notFromMenu') }, 'repeatPrompt'],
        },
        { guard: 'namesIneligiblePatient', actions: ['sayIneligible', 'repeatPrompt'] },
        // "No mejor no la cancele" right after the cancellation: it is already cancelled, said plainly, with the way to
        // book it again (never a new cancellation that finds nothing to cancel).
        { guard: takesBackCancellation, actions: [{ type: 'say', params: reply('cancel.alreadyDone') }, 'repeatPrompt'] },
        {
          // "¿Y Mateo tiene alguna?" right after a consultation: Mateo's appointments.
          guard: and(['namesOtherPatient', 'followsUpConsultation']),
          target: 'afterPatient',
          actions: ['choosePatient', assign({ request: { operation: 'consult', fields: {} } })],
        },
        {
          // "¿Y Mateo tiene alguna?" after anything else: his appointments, which name him; no switch to announce first.
          guard: and(['namesOtherPatient', { type: 'picked', params: 'consult' }]),
          target: 'afterPatient',
          actions: ['choosePatient', 'rememberRequest'],
        },
        {
          // "Ahora para Sofía": the menu is not mid-flow, so no question before switching.
          guard: 'namesOtherPatient',
          target: 'afterPatient',
          actions: [
            'choosePatient',
            'rememberRequest',
            'sameAsLastBooked',
            {
              type: 'say',
              params: ({ context }) =>
                reply('patient.switched', { name: context.patient?.firstName, context: isSelfPatient(context) && context.writer === undefined ? 'self' : undefined }),
            },
          ],
        },
        // "¿Y mis hijos tienen alguna cita?": a question about both, answered for each, not "¿para cuál?".
        { guard: consultsSeveral, target: 'consultingSeveral', actions: 'queueConsulted' },
        // "¿Y los niños?" right after a consultation: the same for each of them.
        { guard: and(['followsUpConsultation', 'namesSeveralPatients']), target: 'consultingSeveral', actions: 'queueConsulted' },
        { guard: 'namesSeveralPatients', target: 'awaitingPatient', actions: ['rememberRequest', 'narrowPatients'] },
        // "Quiero sacarle una cita a mi mamá, medicina general": who Lina can serve is said, and the request, without that
        // person, waits for whom it is ("ah bueno, entonces para mí" books medicina general for the member).
        {
          guard: and(['namesUnknownPatient', 'carriesABooking', 'hasBeneficiaries']),
          target: 'awaitingPatient',
          actions: ['sayUnknownPatient', 'rememberRequest', assign(({ context }) => ({ request: withoutMentions(context.request), patientOptions: undefined }))],
        },
        { guard: 'namesUnknownPatient', actions: ['sayUnknownPatient', 'repeatPrompt'] },
        // "Una de medicina general para mí": the patient already chosen, and something only an operation can mean.
        { guard: and(['namesPatientAlreadyChosen', 'carriesARequest']), target: 'afterPatient', actions: 'rememberRequest' },
        // "No, es para Pedro, el titular", or "Mateo" at Mateo's menu, when it already is: so it is, and the menu again
        // (never "¿Para quién es la cita?" for a name read as a change of patient).
        { guard: 'restatesPatient', actions: [{ type: 'say', params: ({ context }) => samePatientReply(context) }, 'repeatPrompt'] },
        {
          guard: and([SAID_CHANGE_PATIENT, 'hasBeneficiaries']),
          target: 'awaitingPatient',
          actions: assign({ patientOptions: undefined }),
        },
        // "Cambiar paciente" from a member without beneficiaries: nobody else to choose.
        { guard: SAID_CHANGE_PATIENT, actions: [{ type: 'say', params: ({ context }) => onlySelfReply(context) }, 'repeatPrompt'] },
        { guard: { type: 'picked', params: 'book' }, target: 'booking', actions: 'rememberRequest' },
        { guard: { type: 'picked', params: 'consult' }, target: 'consulting', actions: 'rememberRequest' },
        // "Cancele la del jueves" at Sofía's menu when the Thursday cita booked here is Mateo's: whether it is his, asked.
        { guard: 'namesBookedOfOther', target: 'revising', actions: 'rememberRequest' },
        { guard: { type: 'picked', params: 'cancel' }, target: 'cancelling', actions: 'rememberRequest' },
        { guard: { type: 'picked', params: 'reschedule' }, target: 'rescheduling', actions: 'rememberRequest' },
        { guard: { type: 'picked', params: 'help' }, actions: [{ type: 'say', params: reply('help.support') }, 'repeatPrompt'] },
        // "Ok", "👍" after an operation: an acknowledgement, not a miss.
        { guard: 'saidYes', actions: { type: 'say', params: ({ context }) => thanksAtMenuReply(context) } },
        // "Ese correo ya no lo uso, mándela a laura94@gmail.com" after a case was filed here: the case keeps the address it was
        // filed with, said, and where to change it (never "No te entendí").
        {
          guard: ({ context, event }) => context.lastCase?.email !== undefined && entitiesOf(event).email !== undefined && choiceOf(event) === undefined,
          actions: [
            {
              type: 'say',
              params: ({ context }) => reply('riss.emailAfterFiling', { radicado: context.lastCase?.radicado, email: context.lastCase?.email }),
            },
            'repeatPrompt',
          ],
        },
        // "Esa del miércoles no la vaya a cancelar", "déjeme la cita como estaba": nothing is done, and it is said.
        { guard: 'leavesAsIs', actions: [{ type: 'say', params: reply('menu.keptAsIs') }, 'repeatPrompt'] },
        { actions: 'rejectAnswer' },
      ],
    },
  }),
  booking: conversationSetup.createStateConfig({
    entry: [
      { type: 'record', params: { type: 'milestone', milestone: 'booking-started' } },
      { type: 'startOperation', params: 'book' },
    ],
    invoke: {
      id: 'booking',
      src: 'booking',
      input: ({ context }) => ({
        ...slotTakingInput(context),
        preferredSites: [context.site, context.lastSite].filter((site): site is SiteCode => site !== undefined),
        ...(context.site ? { entrySite: context.site } : {}),
        ...(context.lastSite ? { lastBookedSite: context.lastSite } : {}),
      }),
      onDone: [
        {
          guard: ({ event }) => switchedTo(event.output, 'reschedule'),
          target: 'rescheduling',
          actions: [FINISH_OPERATION, assign({ request: ({ event }) => switchedRequest(event.output) })],
        },
        {
          guard: ({ event }) => switchedTo(event.output, 'cancel'),
          target: 'cancelling',
          actions: [
            FINISH_OPERATION,
            // ("Entonces cancele esa y me saca la nueva aquí": the new booking is the one asked before, with what it had.)
            assign({
              request: ({ event }) => switchedRequest(event.output),
              nextRequest: ({ context, event }) =>
                context.nextRequest?.operation === 'book' && event.output.outcome === 'switch'
                  ? { ...context.nextRequest, fields: { ...event.output.booking, ...context.nextRequest.fields } }
                  : context.nextRequest,
            }),
          ],
        },
        { guard: revised, target: 'revising', actions: KEEP_REVISION },
        {
          target: 'afterOperation',
          actions: [
            FINISH_OPERATION,
            assign({
              lastSite: ({ context, event }) => (event.output.outcome === 'booked' ? event.output.appointment.site : context.lastSite),
              lastCase: ({ context, event }) => caseAfter(context, event.output),
              bookedHere: ({ context, event }) => (event.output.outcome === 'booked' ? bookedHereWith(context, event.output.appointment) : context.bookedHere),
              lastBooked: ({ context, event }) =>
                event.output.outcome === 'booked'
                  ? { cups: event.output.appointment.cups, site: event.output.appointment.site, start: event.output.appointment.start }
                  : event.output.outcome === 'case'
                    ? { cups: event.output.rissCase.cups, site: event.output.rissCase.site }
                    : context.lastBooked,
            }),
          ],
        },
      ],
    },
    on: runsChild('booking'),
    ...answersAside('booking'),
  }),
  consulting: conversationSetup.createStateConfig({
    entry: { type: 'startOperation', params: 'consult' },
    invoke: {
      src: 'listAppointments',
      input: ({ context }) => ({ patientId: context.patient?.id ?? '' }),
      onDone: {
        target: 'afterOperation',
        actions: [
          {
            type: 'say',
            params: ({ context, event }) => appointmentsReply(context.patient, isSelfPatient(context) && context.writer === undefined, event.output),
          },
          { type: 'record', params: { type: 'outcome', outcome: 'consulted' } },
          // "¿Y eso dónde queda?" after the list: the site, when every appointment listed is at the same one.
          assign({
            request: undefined,
            consultedLast: true,
            siteSaid: ({ context, event }) => onlySiteOf(event.output) ?? context.siteSaid,
            // "¿A qué hora tengo que llegar?" after the list: the time, when one appointment is listed.
            startSaid: ({ event }) => (event.output.length === 1 ? event.output[0]?.start : undefined),
            // "¿Y con qué doctor es?" after the list: the doctor, when one appointment is listed.
            doctorSaid: ({ event }) => (event.output.length === 1 ? event.output[0]?.doctor.name : undefined),
          }),
        ],
      },
      onError: {
        target: 'afterOperation',
        actions: [{ type: 'say', params: reply('errors.agendaUnavailable') }, { type: 'record', params: { type: 'outcome', outcome: 'error' } }, assign({ request: undefined })],
      },
    },
  }),
  /**
   * The appointments of several people asked about at once, one after the other (`patientOptions`
   * holds who is left); a beneficiary Lina cannot serve gets why instead. Then the menu, for the
   * patient already chosen, or the patient question when there is none yet.
   */
  consultingSeveral: conversationSetup.createStateConfig(listingEach('consultingSeveral', 'afterConsultingSeveral')),
  afterConsultingSeveral: conversationSetup.createStateConfig({
    entry: [
      { type: 'record', params: { type: 'outcome', outcome: 'consulted' } },
      assign({ patientOptions: undefined, request: undefined, consultedLast: true, consultQueue: undefined }),
    ],
    always: [{ guard: ({ context }) => context.patient !== undefined, target: 'menu' }, { target: 'awaitingPatient' }],
  }),
  /**
   * An operation ended: the second request of the same message, if one waits ("… y sacar una
   * nueva para el viernes"), for whom it names (as the patient question settles it) or for the
   * same patient; else the menu.
   */
  afterOperation: conversationSetup.createStateConfig({
    always: [
      { guard: 'nextNamesPatient', target: 'choosingPatient', actions: 'takeNextRequest' },
      { guard: 'hasNextRequest', target: 'afterPatient', actions: 'takeNextRequest' },
      { target: 'menu' },
    ],
  }),
  cancelling: conversationSetup.createStateConfig({
    entry: { type: 'startOperation', params: 'cancel' },
    invoke: {
      id: 'cancel',
      src: 'cancel',
      input: ({ context }) => operationInput(context),
      onDone: [
        // "Mejor no la cancele, la quiero es correr para otro día" at «¿La cancelo?»: that cita goes to its move, with when to.
        handedOver('moveInstead', 'reschedule'),
        { guard: revised, target: 'revising', actions: KEEP_REVISION },
        {
          target: 'afterOperation',
          actions: [
            FINISH_OPERATION,
            assign({
              lastCancelled: ({ context, event }) =>
                event.output.outcome === 'cancelled' && event.output.appointment ? { start: event.output.appointment.start } : context.lastCancelled,
              // ("Sí, ¿y me la puede volver a dar la otra semana?": the new booking is the cita just cancelled, its service and site.)
              nextRequest: ({ context, event }) => sameAsCancelled(context.nextRequest, event.output),
            }),
          ],
        },
      ],
    },
    on: runsChild('cancel'),
    ...answersAside('cancel'),
  }),
  rescheduling: conversationSetup.createStateConfig({
    entry: { type: 'startOperation', params: 'reschedule' },
    invoke: {
      id: 'reschedule',
      src: 'reschedule',
      input: ({ context }) => slotTakingInput(context),
      // ("¿Y cuándo me responden?" after a case filed while moving: that case; "a la misma hora que la de Sofía" after her
      // cita moved: its new time.)
      onDone: [
        // "No sabe q, mejor cancélela" at «¿La muevo?»: that cita goes to its own «¿La cancelo?».
        handedOver('cancelInstead', 'cancel'),
        { guard: revised, target: 'revising', actions: KEEP_REVISION },
        {
          target: 'afterOperation',
          actions: [
            FINISH_OPERATION,
            assign({
              lastCase: ({ context, event }) => caseAfter(context, event.output),
              bookedHere: ({ context, event }) => (event.output.outcome === 'rescheduled' ? bookedHereWith(context, event.output.appointment) : context.bookedHere),
            }),
          ],
        },
      ],
    },
    on: runsChild('reschedule'),
    ...answersAside('reschedule'),
  }),
};
