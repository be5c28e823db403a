/**
 * The conversation's XState `setup`: its child machines and agenda calls, and the guards and
 * actions its states share (identification, patient, menu and operations), with the record an
 * operation's ending leaves.
 */
import { emit, enqueueActions, fromPromise, sendTo, setup, assign, type EventObject } from 'xstate';
import { PEDIATRICS_MAX_AGE, serviceOf, type Member } from '../bot/domain.js';
import { yearsOld } from './parse.js';
import { listAppointments } from './appointment-choice.js';
import { bogotaParts, minuteAfter, namedParts } from './appointments.js';
import { bandOfTime } from './slot-search.js';
import { bookingMachine } from './booking.machine.js';
import { cancelMachine } from './cancel.machine.js';
import { normalizeText } from './text.js';
import { isOperation, type Operation } from './choices.js';
import {
  asPatient,
  choicesOf,
  consultedBy,
  eligible,
  idsOf,
  ineligibleReply,
  isSelfPatient,
  narrowedTo,
  nextIsMember,
  nextPatientName,
  nextRequestIn,
  bookingAfterYes,
  patientResolution,
  requestIn,
  requestedPatient,
  unknownPatientReply,
  refusedOf,
  documentAgainReply,
  notRegisteredReply,
  withoutMentions,
  type ConversationContext,
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationInput,
  type FindMemberInput,
  type OperationOutput,
  type PendingRequest,
} from './conversation-context.js';
import type { PatientMention, Understanding } from '../bot/understanding/types.js';
import { bookedReferred } from './operation.js';
import { errorCode } from './errors.js';
import { machineTypes } from './machine-types.js';
import type { ConversationRecord, Outcome } from './records.js';
import { reply, type Reply } from './replies.js';
import { rescheduleMachine } from './reschedule.machine.js';
import type { PatientChoice, PatientResolution } from './patients.js';
import { aboutOne, answerTo, missReplies, type RepeatEvent } from './speech.js';
import { answerOf, choiceOf, entitiesOf, intentOf, isMessage, messageGuards } from './understood.js';

/** Failed second factors before the conversation ends with the support line. */
const MAX_IDENTITY_FAILURES = 3;

/** The record an operation's ending leaves; none while the conversation goes on. */
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
    case 'cancelInstead':
    case 'moveInstead':
      // (The move given up for a cancellation, or the cancellation for a move: that one records its own outcome.)
      return { type: 'outcome', outcome: 'abandoned' };
    case 'cancelled':
    case 'abandoned':
    case 'error':
      return { type: 'outcome', outcome: output.outcome satisfies Outcome };
    default:
      // "back" and "revise" leave the conversation going: no outcome yet.
      return undefined;
  }
}

/**
 * The one cita an operation leaves spoken of (booked or moved; none once cancelled), for "¿a qué hora debo llegar?", and what it
 * did, for "¿ya quedó?".
 */
/** The date of birth a message gives: written whole, or its year alone ("1994") completing the day and month said before. */
function birthDateSaid(context: ConversationContext, event: EventObject): string | undefined {
  const { birthDate, birthYear } = entitiesOf(event);
  if (birthDate !== undefined) return birthDate;
  return birthYear !== undefined && context.birthDayMonth !== undefined ? `${birthYear}-${context.birthDayMonth}` : undefined;
}

function startSaidAfter(output: OperationOutput): Partial<Pick<ConversationContext, 'startSaid' | 'doctorSaid' | 'doneSaid'>> {
  if (output.outcome === 'booked' || output.outcome === 'rescheduled') {
    const { start, doctor } = output.appointment;
    return { startSaid: start, doctorSaid: doctor.name, doneSaid: { outcome: output.outcome, start, doctor: doctor.name } };
  }
  if (output.outcome === 'cancelled') return { startSaid: undefined, doctorSaid: undefined, doneSaid: { outcome: 'cancelled' } };
  if (output.outcome === 'case') return { doneSaid: { outcome: 'case' } };
  // ("No gracias, mejor la dejo" at «¿La cancelo?»: the cita just named stays, and it is the one spoken of.)
  if (output.outcome === 'abandoned' && 'kept' in output && output.kept) return { startSaid: output.kept.start, doctorSaid: output.kept.doctor.name };
  // (An operation given up, refused or only looked up leaves what was done before as it was.)
  return {};
}

/**
 * The refusal of someone Lina cannot serve ("para mi mamá"), never the same words twice in a row to a
 * member who insists on the same person: first who can be served, then a shorter way out («ayuda», the
 * options), then how a relative is registered, with the line, and so on in turn.
 */
function refusalSaid(context: ConversationContext, resolution: PatientResolution): { said: Reply; refused: NonNullable<ConversationContext['refused']> } {
  const refused = context.refused;
  const person = refusedOf(resolution);
  const times = refused !== undefined && refused.name === person.name ? (refused.times ?? 0) : 0;
  if (times === 0) return { said: unknownPatientReply(context.member, resolution, context.writer), refused: { ...person, times: 1 } };
  if (times === 2) return { said: notRegisteredReply(refused, context.member, context.writer), refused: { ...person, times: 3 } };
  return { said: reply('patient.unknownAgain'), refused: { ...person, times: 2 } };
}

/**
 * The patient chosen among those named ("Mateo primero", or the first of "las dos"); with one other left of them and
 * an operation asked for, that one's comes next.
 */
function chosenWithOtherQueued(context: ConversationContext, choice: PatientChoice): Partial<ConversationContext> {
  // "Para mis dos hijos, pediatría", then "Mateo primero": the other one's booking (or cancellation, or move) comes next,
  // with what was said of both.
  const chosenId = choice.self ? 'self' : choice.patient.id;
  const others = (context.patientOptions ?? []).filter((id) => id !== chosenId);
  const other = others.length === 1 ? choicesOf(context.member).find((one) => (one.self ? 'self' : one.patient.id) === others[0]) : undefined;
  // ("Cancelar una de las citas de los niños", then "la de la niña": one was meant, the words fit both; nothing comes next.)
  const oneMeant = context.patientOptionsOneOf === true;
  const queued =
    other && !oneMeant && context.request?.operation !== undefined && context.request.operation !== 'consult' && !context.nextRequest
      ? {
          nextRequest: {
            operation: context.request.operation,
            fields: withoutMentions(context.request)?.fields ?? {},
            patients: [other.self ? { kind: 'self' as const } : { kind: 'name' as const, name: normalizeText(other.patient.firstName), written: other.patient.firstName }],
          },
          nextAnnounced: false,
        }
      : {};
  // (No operation said yet: the other one waits for the operation the member asks for.)
  const later =
    other && !oneMeant && !context.request?.operation && !context.nextRequest
      ? {
          otherPatientLater: other.self ? { kind: 'self' as const } : { kind: 'name' as const, name: normalizeText(other.patient.firstName), written: other.patient.firstName },
        }
      : {};
  return { patient: choice.patient, patientOptions: undefined, patientOptionsOneOf: undefined, request: withoutMentions(context.request), ...queued, ...later };
}

/** That the previous session expired, and what it left undone when it waited for a yes. */
function expiryNotice(context: ConversationContext): Reply {
  return reply(context.expiredUnconfirmed ? 'greeting.expiredUnconfirmed' : 'greeting.expired', context.expiredUnconfirmed ? { context: context.expiredUnconfirmed } : undefined);
}

export const conversationSetup = setup({
  types: machineTypes<{ context: ConversationContext; events: ConversationEvent; input: ConversationInput; emitted: ConversationEmitted }>(),
  actors: {
    findMember: fromPromise<Member, FindMemberInput>(() => Promise.reject(new Error('findMember is provided by the engine'))),
    listAppointments,
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
    /**
     * A document other than the one being identified (a correction, at the date of birth): another number,
     * or the same one with another type ("CC 1010101010" after it was taken as a TI).
     */
    otherDocumentGiven: ({ context, event }) => {
      const { documentNumber: said, documentType: type } = entitiesOf(event);
      return said !== undefined && (said !== context.documentNumber || (type !== undefined && type !== context.documentType));
    },
    memberNotFound: ({ event }) => 'error' in event && errorCode(event.error) === 'NOT_FOUND',
    phoneMatches: ({ context }) => context.channel === 'whatsapp' && context.phone !== undefined && !!context.member?.phone && context.member.phone === context.phone,
    birthDateGivenMatches: ({ context }) => context.birthDateGiven !== undefined && !!context.member && context.member.birthDate === context.birthDateGiven,
    birthDateGivenWrong: ({ context }) => context.birthDateGiven !== undefined,
    birthDateReadable: ({ context, event }) => birthDateSaid(context, event) !== undefined,
    birthDateMatches: ({ context, event }) => !!context.member && context.member.birthDate === birthDateSaid(context, event),
    identityFailuresExhausted: ({ context }) => context.identityFailures >= MAX_IDENTITY_FAILURES,
    minorDocumentGiven: ({ context }) => context.failedDocumentType === 'TI' || context.failedDocumentType === 'RC',
    notPbs: ({ context }) => context.member?.plan !== 'PBS',
    inactive: ({ context }) => context.member?.status !== 'active',
    hasBeneficiaries: ({ context }) => (context.member?.beneficiaries.length ?? 0) > 0,
    requestNamesPatient: ({ context }) => (context.request?.patients?.length ?? 0) > 0,
    hasOperation: ({ context }) => context.request?.operation !== undefined,
    /** A second request waits for the operation under way to end. */
    hasNextRequest: ({ context }) => context.nextRequest?.operation !== undefined,
    /** The waiting second request names who it is for ("… y pedir otra para Sofía"). */
    nextNamesPatient: ({ context }) => context.nextRequest?.operation !== undefined && (context.nextRequest.patients?.length ?? 0) > 0,
    namesOnePatient: ({ context, event }) => patientResolution(context, event).kind === 'one',
    namesIneligiblePatient: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' && !eligible(resolution.choice.patient);
    },
    namesSeveralPatients: ({ context, event }) => patientResolution(context, event).kind === 'several',
    requestNamesOne: ({ context, event }) => requestedPatient(context, event).kind === 'one',
    requestNamesSeveral: ({ context, event }) => requestedPatient(context, event).kind === 'several',
    requestNamesUnknown: ({ context, event }) => requestedPatient(context, event).kind === 'unknown',
    /** "Cancele la del jueves" at Sofía's menu when the Thursday cita booked here is Mateo's (see `withBookedOwner`). */
    namesBookedOfOther: ({ context, event }) => isMessage(event) && (withBookedOwner(context, requestIn(event.understood, context.request))?.patients?.length ?? 0) > 0,
    /** The request names one person, who is not the patient (a switch mid-flow). */
    requestNamesOtherPatient: ({ context, event }) => {
      const resolution = requestedPatient(context, event);
      return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient?.id;
    },
    namesUnknownPatient: ({ context, event }) => patientResolution(context, event).kind === 'unknown',
    /** A document typed again once identified ("1010101010" at the menu, "cc 1010101010" at a question). */
    givesDocumentAgain: ({ context, event }) => context.verified && entitiesOf(event).documentNumber !== undefined && choiceOf(event) === undefined,
    /**
     * "Pero si él es mi hijo", "es mi hija" right after Lina said someone is no beneficiary: an
     * objection about that person, never a choice of another child (unless a beneficiary is named).
     */
    objectsToRefusal: ({ context, event }) => {
      if (!context.refused || entitiesOf(event).claimsKinship !== true || choiceOf(event) !== undefined) return false;
      const named = (entitiesOf(event).patients ?? []).some((mention) => mention.kind === 'name');
      return !named || patientResolution(context, event).kind === 'unknown';
    },
    namesOtherPatient: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient?.id;
    },
    /** The message only names the patient already chosen ("es para Mateo", "Mateo"): nothing for the question pending. */
    restatesPatient: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      if (resolution.kind !== 'one' || resolution.choice.patient.id !== context.patient?.id || choiceOf(event) !== undefined) return false;
      // ("No señorita, es para el niño Mateo" when it already is: the "no" corrects a misreading Lina did not make.)
      const { patients, yesNo, writer: _writer, ...said } = entitiesOf(event);
      const intent = intentOf(event);
      return (intent === 'none' || intent === 'change_patient') && yesNo !== 'yes' && Object.keys(said).length === 0 && patients !== undefined;
    },
    /** At a yes/no about the patient, an answer for the request instead ("control", "en Suba", "mañana en la mañana"), with no yes or no. */
    goesOnWithTheRequest: ({ context, event }) => {
      if (!context.request?.operation || answerOf(event) !== undefined || choiceOf(event) !== undefined || intentOf(event) !== 'none') return false;
      const said = entitiesOf(event);
      return Boolean(said.specialty || said.visitType || said.site || said.band || said.day || said.time);
    },
    /** "Para mí, medicina general": no operation named, but something only a request can mean. */
    carriesARequest: ({ event }) => isMessage(event) && requestIn(event.understood)?.operation !== undefined,
    /** The message asks for a new cita ("una cita de medicina general para…"). */
    carriesABooking: ({ event }) => isMessage(event) && requestIn(event.understood)?.operation === 'book',
    /** Right after a consultation, "¿y Mateo?" names someone else and no operation: the same question for them. */
    followsUpConsultation: ({ context, event }) => context.consultedLast === true && choiceOf(event) === undefined && !isOperation(intentOf(event)),
    /** The message names the patient already chosen ("para mí" when it is the member). */
    namesPatientAlreadyChosen: ({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' && resolution.choice.patient.id === context.patient?.id;
    },
    /** A question asked by the way that is not about the pending question: where a site is, what a cita costs, when sites open. */
    asksByTheWay: ({ event }) => event.type === 'HELP' && event.asks !== undefined && event.asks !== 'meaning',
    asksForOperation: ({ event }) => {
      const intent = intentOf(event);
      return isOperation(intent);
    },
  },
  actions: {
    say: emit((_, said: Reply) => ({ type: 'reply' as const, reply: said })),
    forwardTo: sendTo(
      (_, id: string) => id,
      ({ event }) => event,
    ),
    repeatIn: sendTo((_, id: string) => id, { type: 'REPEAT' }),
    /** "¿Qué es eso?", "¿y eso dónde queda?" while an operation runs: its pending question answers it, then is asked again. */
    answerIn: sendTo(
      (_, id: string) => id,
      ({ context, event }): RepeatEvent => {
        if (event.type !== 'HELP' || !event.asks) return { type: 'REPEAT' };
        const site = event.site ?? (event.here ? context.site : undefined);
        return {
          type: 'REPEAT',
          asks: event.asks,
          ...(site ? { site } : {}),
          ...(event.also ? { also: event.also } : {}),
          ...(event.about !== undefined ? { about: event.about } : {}),
        };
      },
    ),
    /** The answer to "ayuda" (the support lines) or to a question asked by the way, from the question pending here. */
    answerHelp: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'HELP') return enqueue.emit({ type: 'reply', reply: reply('help.support') });
      for (const asks of [event.asks, ...(event.also ? [event.also] : [])]) {
        const site = event.site ?? (event.here ? context.site : undefined);
        enqueue.emit({
          type: 'reply',
          reply: answerTo(asks, aboutOne(context.lastPrompt, event.about), {
            site,
            fallback: context.siteSaid,
            rissCase: context.lastCase,
            // ("¿A qué hora llego con ellos?": several citas, so the rule alone, never the last one's hour.)
            start: event.several ? undefined : context.startSaid,
            doctor: context.doctorSaid,
            done: context.doneSaid,
          }),
        });
      }
    }),
    record: emit((_, record: ConversationRecord) => ({ type: 'record' as const, record })),
    noteDocument: emit(({ context }) => ({
      type: 'record' as const,
      record: { type: 'subject' as const, kind: 'document' as const, value: context.documentNumber ?? '' },
    })),
    prompt: enqueueActions(({ context, enqueue }, prompt: Reply) => {
      // A new question: an objection to an earlier refusal no longer makes sense. (The patient question asked right after a
      // refusal keeps it: "¿y para mí?" said again gets other words, never the same refusal twice in a row.)
      const keepRefusal = prompt.expects === 'patient' && context.refused !== undefined;
      enqueue.assign({ lastPrompt: prompt, invalidAnswers: 0, helpOffered: false, apologized: false, refused: keepRefusal ? context.refused : undefined });
      enqueue.emit({ type: 'reply', reply: prompt });
    }),
    repeatPrompt: enqueueActions(({ context, enqueue }) => {
      if (context.lastPrompt) enqueue.emit({ type: 'reply', reply: context.lastPrompt });
    }),
    rejectAnswer: enqueueActions(({ context, event, enqueue }) => {
      const { replies, invalidAnswers, helpOffered, apologized } = missReplies(context, event);
      enqueue.assign({ invalidAnswers, helpOffered, apologized });
      for (const said of replies) enqueue.emit({ type: 'reply', reply: said });
    }),
    /**
     * "Ahora para la nieta, lo mismo", "¿y para Sofía en Chía en la mañana?" at the menu after a
     * booking: a booking of the same service (and site, unless another is said), with what was said.
     */
    sameAsLastBooked: assign(({ context, event }) => {
      const last = context.lastBooked;
      if (!last || !isMessage(event)) return {};
      const said = event.understood.entities;
      const details = said.sameAgain || said.site || said.band || said.day || said.time || said.sameDay;
      const operation = context.request?.operation;
      if (!details || (operation !== undefined && operation !== 'book')) return {};
      const { specialty, visitType } = serviceOf(last.cups);
      // Another specialty said ("una de pediatría"): its visit type is asked, not taken from the other one.
      const sameService = said.specialty === undefined || said.specialty === specialty;
      // ("Y también una para Sofi de control ese mismo día" after the mother's medicina general: a child's specialty is asked,
      // never taken from an adult's cita unless "lo mismo" is said; pediatría is never taken for an adult.)
      const minor = context.patient !== undefined && yearsOld(context.patient.birthDate, context.today) < PEDIATRICS_MAX_AGE;
      const fits = said.specialty !== undefined || (specialty === 'pediatria' ? minor : !minor || said.sameAgain === true);
      return {
        request: {
          operation: 'book' as const,
          // ("Y para Sofía lo mismo pero el jueves" after an afternoon cita: that day in the afternoon too, unless a band or
          // hour is said; without a day the band is asked, as for any booking.)
          fields: {
            ...(fits ? { specialty, ...(sameService ? { visitType } : {}) } : {}),
            site: last.site,
            ...(said.sameAgain && said.day && !said.band && !said.time && last.start ? { band: bandOfTime(bogotaParts(last.start).time) } : {}),
            ...sameDayAs(last.start, said),
            ...context.request?.fields,
          },
        },
      };
    }),
    /** A lone "gracias" on a fresh conversation: that the session expired (and what was not done), if it did, and a kind word. */
    thankFresh: enqueueActions(({ context, enqueue }) => {
      if (context.previousExpired) enqueue.emit({ type: 'reply', reply: expiryNotice(context) });
      enqueue.emit({ type: 'reply', reply: reply('common.thanksFresh') });
      enqueue.assign({ previousExpired: false, expiredUnconfirmed: undefined });
    }),
    greet: enqueueActions(({ context, enqueue }) => {
      if (context.previousExpired) enqueue.emit({ type: 'reply', reply: expiryNotice(context) });
      enqueue.emit({
        type: 'reply',
        reply: context.site ? reply('greeting.welcomeAtSite', { site: context.site }) : reply('greeting.welcome'),
      });
      if (context.request?.operation) enqueue.emit({ type: 'reply', reply: reply('greeting.requestNoted', { context: context.request.operation }) });
      enqueue.assign({ previousExpired: false, expiredUnconfirmed: undefined });
    }),
    /** Another document replaces the one given (its type too when said; a date of birth given with it is kept). */
    replaceDocument: assign(({ context, event }) => {
      const said = entitiesOf(event);
      return { documentType: said.documentType ?? context.documentType, documentNumber: said.documentNumber, birthDateGiven: said.birthDate, member: undefined };
    }),
    forgetIdentity: assign({
      verified: false,
      documentType: undefined,
      documentNumber: undefined,
      birthDateGiven: undefined,
      birthDayMonth: undefined,
      member: undefined,
      patient: undefined,
    }),
    /** Another operation asked for mid-flow: its request, nothing of the one left. */
    requestAnew: assign(({ context, event }) => ({
      request: isMessage(event) ? withBookedReferred(context, event.understood, requestIn(event.understood, undefined)) : undefined,
      nextRequest: isMessage(event) ? nextRequestIn(event.understood) : undefined,
      nextAnnounced: false,
    })),
    /**
     * "Ah, y la de la niña sí cancélela" while Mateo's cita is being moved: that request comes after this one, said so
     * (the move is never dropped for it).
     */
    queueOtherOperation: enqueueActions(({ context, event, enqueue }) => {
      if (!isMessage(event)) return;
      const next = requestIn(event.understood, undefined);
      const operation = next?.operation;
      if (!next || !operation) return;
      enqueue.assign({ nextRequest: next, nextAnnounced: true });
      const name = nextPatientName({ ...context, nextRequest: next });
      const forMember = nextIsMember({ ...context, nextRequest: next });
      enqueue.emit({ type: 'reply', reply: reply('common.nextLater', { name, context: forMember ? `${operation}_self` : name ? `${operation}_named` : operation }) });
    }),
    /** "Ahora sí, sáqueme una nueva…" said inside an operation: the request that comes after it. */
    noteNextRequest: assign(({ context, event }) => {
      // ("Sí, y de una la de 2:20 pa Sofía" at a confirmation: the yes answers, her booking comes next.)
      const next = isMessage(event) && !context.nextRequest ? (nextRequestIn(event.understood) ?? bookingAfterYes(event.understood)) : undefined;
      return next ? { nextRequest: next, nextAnnounced: false } : {};
    }),
    /** Keeps what the message asks for, on top of what was asked before. */
    rememberRequest: assign(({ context, event }) => {
      if (!isMessage(event)) return {};
      const next = nextRequestIn(event.understood);
      return { request: withBookedReferred(context, event.understood, requestIn(event.understood, context.request)), ...(next ? { nextRequest: next, nextAnnounced: false } : {}) };
    }),
    /** The document (and a date of birth given with it) the message carries. */
    rememberDocument: assign(({ context, event }) => {
      const said = entitiesOf(event);
      return {
        documentType: said.documentType ?? context.documentType,
        documentNumber: said.documentNumber ?? context.documentNumber,
        birthDateGiven: said.birthDate ?? context.birthDateGiven,
      };
    }),
    /** The one person the message names becomes the patient. */
    choosePatient: assign(({ context, event }) => {
      const resolution = patientResolution(context, event);
      return resolution.kind === 'one' ? chosenWithOtherQueued(context, resolution.choice) : {};
    }),
    /**
     * "Las dos" to "¿Para cuál de ellos?", the two named for one operation: the first of them now, the other one's
     * next (as when the member picks one).
     */
    chooseFirstOfBoth: assign(({ context }) => {
      const first = choicesOf(context.member).find((choice) => (choice.self ? 'self' : choice.patient.id) === context.patientOptions?.[0]);
      return first ? chosenWithOtherQueued(context, first) : {};
    }),
    /** The one person the request names, proposed as the patient. */
    proposeRequestedPatient: assign(({ context, event }) => {
      const resolution = requestedPatient(context, event);
      return resolution.kind === 'one' ? { proposedPatient: resolution.choice.patient } : {};
    }),
    /** The proposed patient becomes the patient. */
    takeProposedPatient: assign(({ context }) => ({ patient: context.proposedPatient, proposedPatient: undefined, request: withoutMentions(context.request) })),
    sayIneligible: emit(({ context, event }) => {
      const resolution = patientResolution(context, event);
      return { type: 'reply' as const, reply: ineligibleReply(resolution.kind === 'one' ? resolution.choice.patient : undefined) };
    }),
    /** The proposed patient cannot be booked for here: why, and no switch. */
    refuseProposedPatient: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'reply', reply: ineligibleReply(context.proposedPatient) });
      enqueue.assign({ proposedPatient: undefined });
    }),
    /** A consultation asked mid-operation: whose appointments it lists, while the operation waits. */
    noteConsulted: assign({ consulted: ({ context, event }) => consultedBy(context, event) }),
    forgetConsulted: assign({ consulted: undefined }),
    narrowPatients: assign(({ context, event }) => narrowedTo(patientResolution(context, event))),
    shiftConsultQueue: assign({ consultQueue: ({ context }) => context.consultQueue?.slice(1) }),
    clearConsultQueue: assign({ consultQueue: undefined }),
    /** "¿Qué citas tienen los niños?": whose appointments to list, in order (see `consultQueue`). */
    queueConsulted: assign(({ context, event }) => ({ consultQueue: idsOf(patientResolution(context, event)) })),
    /** The same, asked in the first message, before the patient was chosen. */
    queueRequested: assign(({ context, event }) => ({ consultQueue: idsOf(requestedPatient(context, event)) })),
    narrowToRequested: assign(({ context, event }) => narrowedTo(requestedPatient(context, event))),
    sayUnknownPatient: enqueueActions(({ context, event, enqueue }) => {
      const { said, refused } = refusalSaid(context, patientResolution(context, event));
      enqueue.emit({ type: 'reply', reply: said });
      enqueue.assign({ refused });
    }),
    /** A document typed again once identified: whose it is (already verified, a beneficiary's, or another's). */
    sayDocumentAgain: emit(({ context, event }) => ({ type: 'reply' as const, reply: documentAgainReply(context, entitiesOf(event).documentNumber ?? '') })),
    /** "Pero si él es mi hijo" after a refusal: not registered as a beneficiary, and how to register them. */
    sayNotRegistered: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'reply', reply: notRegisteredReply(context.refused, context.member, context.writer) });
      // Insisting on the same person after this explanation gets the shorter way out, not it again.
      if (context.refused) enqueue.assign({ refused: { ...context.refused, times: 3 } });
    }),
    acceptConsent: assign({ consentCurrent: true }),
    /** Without beneficiaries to choose from, the member is the patient. */
    takeMemberAsPatient: assign({ patient: ({ context }) => (context.member ? asPatient(context.member) : undefined), verified: true }),
    /** The request named someone who is not the member nor one of their beneficiaries ("para mi mamá"): said, with whom Lina can serve. */
    sayUnknownRequestedPatient: enqueueActions(({ context, event, enqueue }) => {
      const { said, refused } = refusalSaid(context, requestedPatient(context, event));
      enqueue.emit({ type: 'reply', reply: said });
      enqueue.assign({ refused });
    }),
    /** "Para la niña" going straight into an operation: who Lina understood, so the member can correct her. */
    sayWhoWhenImplicit: enqueueActions(({ context, enqueue }) => {
      // (Not right after "Ahora la cita para Sofía", which said it.)
      const justSaid = context.nextNamed !== undefined && context.nextNamed === context.patient?.firstName;
      if (context.request?.operation && context.patient && !isSelfPatient(context) && !justSaid) {
        enqueue.emit({ type: 'reply', reply: reply('patient.chosen', { name: context.patient.firstName }) });
      }
      if (context.nextNamed !== undefined) enqueue.assign({ nextNamed: undefined });
    }),
    /** The operation and what the member said, kept while it runs; restarted with it after a patient switch. */
    startOperation: enqueueActions(({ context, enqueue }, operation: Operation) => {
      enqueue.assign({
        request: { operation, fields: context.request?.fields ?? {} },
        consultedLast: false,
        // A new operation: a refusal is no longer repeated to the word (its person is kept for "pero si es mi hijo").
        refused: context.refused ? { ...(context.refused.name ? { name: context.refused.name } : {}) } : undefined,
      });
      // "Para los dos niños", then "Sofía", then "agendar": the same operation for the other one comes next.
      const later = context.otherPatientLater && !context.nextRequest && operation !== 'consult' ? { operation, fields: {}, patients: [context.otherPatientLater] } : undefined;
      // ("Primero para Mateo; después seguimos con Sofía" said already: not said again.)
      const laterSaid = later !== undefined && context.otherPatientLaterSaid === true;
      if (context.otherPatientLater)
        enqueue.assign({ otherPatientLater: undefined, otherPatientLaterSaid: undefined, ...(later ? { nextRequest: later, nextAnnounced: laterSaid } : {}) });
      // A second request made with this one: said once, in a short sentence, before the first question.
      const nextRequest = later ?? context.nextRequest;
      const next = nextRequest?.operation;
      if (next && !laterSaid && (later !== undefined || !context.nextAnnounced)) {
        const name = nextPatientName({ ...context, nextRequest });
        const forMember = nextIsMember({ ...context, nextRequest });
        // (After a look-up, the cita to cancel or move is one just shown, never "la otra".)
        const consulted = operation === 'consult' && (next === 'cancel' || next === 'reschedule') ? `${next}_consulted` : next;
        enqueue.emit({ type: 'reply', reply: reply('common.nextLater', { name, context: forMember ? `${next}_self` : name ? `${next}_named` : consulted }) });
        enqueue.assign({ nextAnnounced: true });
      }
    }),
    /** The operation under way ended: the request made with it is the request now. */
    takeNextRequest: enqueueActions(({ context, enqueue }) => {
      const next = context.nextRequest;
      if (!next?.operation) return;
      // ("La misma para Sofía": the service and site just booked, unless the request said others.)
      const last = next.sameAsLast ? context.lastBooked : undefined;
      const same = last ? (({ specialty, visitType }) => ({ specialty, visitType, site: last.site }))(serviceOf(last.cups)) : {};
      const { sameAsLast: _same, ...request } = next;
      // ("Cancelar mi cita y sacar una nueva ese mismo día": the day of the cita just cancelled.)
      const cancelledDay =
        next.operation === 'book' && next.fields.sameDay && !next.fields.day && context.lastCancelled ? { day: bogotaParts(context.lastCancelled.start).day } : {};
      const fields = { ...same, ...cancelledDay, ...next.fields };
      // "Ahora la cita de pediatría para Sofía": for whom and what, when the request said it.
      const name = nextPatientName(context);
      const specialty = fields.specialty;
      const forMember = nextIsMember(context) && next.operation === 'book';
      enqueue.emit({
        type: 'reply',
        reply: reply('common.nextNow', {
          context: forMember
            ? 'book_self'
            : name && next.operation !== 'consult'
              ? `${next.operation}_named`
              : (context.request?.operation === 'consult' || context.consultedLast === true) && (next.operation === 'cancel' || next.operation === 'reschedule')
                ? `${next.operation}_consulted`
                : next.operation,
          ...(name ? { name } : {}),
          ...(specialty ? { specialty } : {}),
        }),
      });
      enqueue.assign({ request: { ...request, fields }, nextRequest: undefined, nextAnnounced: false, nextNamed: name && next.operation !== 'consult' ? name : undefined });
    }),
    /** An operation ended (`params`: its output): its outcome recorded, its request dropped. */
    finishOperation: enqueueActions(({ enqueue }, output: OperationOutput) => {
      const record = operationOutcome(output);
      if (record) enqueue.emit({ type: 'record', record });
      enqueue.assign({ request: undefined, ...(record && 'site' in record && record.site ? { siteSaid: record.site } : {}), ...startSaidAfter(output) });
    }),
    /** An operation given up for the other one on the same cita (`params`: its output): that operation's request, its cita kept. */
    handOver: assign((_, output: OperationOutput) =>
      output.outcome === 'cancelInstead' || output.outcome === 'moveInstead'
        ? { request: { operation: output.outcome === 'cancelInstead' ? ('cancel' as const) : ('reschedule' as const), fields: output.request } }
        : {},
    ),
    /** An operation ended because the member named someone else (`params`: its output): what it had is kept. */
    keepRevision: assign(({ context }, output: OperationOutput) => {
      if (output.outcome !== 'revise') return {};
      return {
        request: {
          ...(context.request?.operation ? { operation: context.request.operation } : {}),
          // What the message says wins over what the operation had ("mejor una para mi hijo Mateo de pediatría": pediatrics).
          fields: { ...context.request?.fields, ...output.request, ...requestIn(output.understood)?.fields },
          ...(output.understood.entities.patients ? { patients: output.understood.entities.patients } : {}),
        },
      };
    }),
  },
});

/**
 * "El mismo día" after a booking: the day of the cita just booked; "pero más tarde", from the
 * minute after its time (a time said wins, as the request's own fields come after).
 */
/**
 * "Pasar la de la niña para el mismo día que la del niño", "para Sofía a la misma hora que la del
 * niño": the day (and time) of that person's cita booked in this conversation, as the day and time
 * of the new cita (of the move, when moving).
 */
function withBookedReferred(context: ConversationContext, understood: Understanding, request: PendingRequest | undefined): PendingRequest | undefined {
  const referred = request ? bookedReferred({ bookedHere: context.bookedHere, patients: choicesOf(context.member) }, understood.entities) : undefined;
  if (!request || !referred) return withBookedOwner(context, request);
  const when =
    request.operation === 'reschedule'
      ? { newDay: referred.day, ...(referred.from ? { newTime: referred.from } : {}) }
      : { day: referred.day, ...(referred.from ? { time: referred.from } : {}) };
  return { ...request, fields: { ...request.fields, ...when } };
}

/**
 * "Cancele la del jueves" while Lina is on Sofía, when the Thursday cita booked in this conversation is Mateo's and
 * none of Sofía's booked here fits: Mateo's is meant. He is named in the request, so the switch is asked
 * ("¿Es una cita de Mateo la que quieres cancelar?") as when the member names him; citas of several people that fit
 * (both children on Thursday) or one of the patient's own leave the request as it is.
 */
function withBookedOwner(context: ConversationContext, request: PendingRequest | undefined): PendingRequest | undefined {
  if (!request || (request.operation !== 'cancel' && request.operation !== 'reschedule') || request.patients?.length || !context.patient) return request;
  const named = namedParts(request.fields);
  // (For a cancellation the band said is the cita's: "la del jueves por la mañana"; for a move it is where it goes.)
  const band = request.operation === 'cancel' && request.fields.band !== 'cualquiera' ? request.fields.band : named.citaBand;
  if (named.day === undefined && named.weekday === undefined && named.time === undefined && band === undefined) return request;
  const fits = (context.bookedHere ?? []).filter((cita) => {
    if (cita.start === context.lastCancelled?.start) return false;
    const parts = bogotaParts(cita.start);
    if (named.weekday !== undefined ? parts.weekday !== named.weekday : named.day !== undefined && parts.day !== named.day) return false;
    if (named.time !== undefined && parts.time !== named.time) return false;
    return band === undefined || bandOfTime(parts.time) === band;
  });
  const owners = new Set(fits.map((cita) => cita.patientId));
  const patient = context.patient;
  if (owners.size !== 1 || owners.has(patient.id)) return request;
  const owner = choicesOf(context.member).find((choice) => owners.has(choice.patient.id));
  if (!owner) return request;
  const mention: PatientMention = owner.self ? { kind: 'self' } : { kind: 'name', name: normalizeText(owner.patient.firstName), written: owner.patient.firstName };
  return { ...request, patients: [mention] };
}

function sameDayAs(start: string | undefined, said: { sameDay?: true; later?: true; day?: string }): { day?: string; time?: string } {
  if (!start || !said.sameDay || said.day) return {};
  const { day, time } = bogotaParts(start);
  return { day, ...(said.later ? { time: minuteAfter(time) } : {}) };
}

/** "Pero si él es mi hijo" right after Lina said someone is no beneficiary: the honest answer, and the question again. */
export const OBJECTION = { guard: 'objectsToRefusal', actions: ['sayNotRegistered', 'repeatPrompt'] } as const;

/** A document typed again once identified ("1010101010" at the menu): acknowledged, never a miss, and the question again. */
export const DOCUMENT_AGAIN = { guard: 'givesDocumentAgain', actions: ['sayDocumentAgain', 'repeatPrompt'] } as const;
