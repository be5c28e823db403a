/**
 * What a conversation holds: its input, context and events, what it emits to the engine, the
 * request the member made that is not done yet, and how the member's words are read against the
 * people they may choose as the patient.
 */
import type { EventObject } from 'xstate';
import type { Cups, DocumentType, Member, Patient, SiteCode } from '../bot/domain.js';
import type { ChannelName } from '../bot/messages.js';
import type { PatientMention, Understanding } from '../bot/understanding/types.js';
import type { Request } from './appointments.js';
import type { BookingOutput } from './booking.machine.js';
import type { CancelOutput } from './cancel.machine.js';
import { isOperation, type Operation } from './choices.js';
import type { DialogEvent } from './events.js';
import { resolvePatient, type PatientChoice, type PatientResolution } from './patients.js';
import type { ConversationRecord, RecordEvent } from './records.js';
import { option, reply, type Reply, type ReplyOption } from './replies.js';
import type { BookedHere } from './operation.js';
import type { RescheduleOutput } from './reschedule.machine.js';
import type { DoneSaid, RepeatEvent, SayEvent } from './speech.js';
import { choiceOf, entitiesOf } from './understood.js';

export interface ConversationInput {
  conversationId: string;
  channel: ChannelName;
  /** The sender's phone when the channel vouches for it: the WhatsApp second factor. */
  phone?: string;
  /** The site whose QR code brought the member in. */
  site?: SiteCode;
  /** The site of the member's last booking on this channel, listed first. */
  lastSite?: SiteCode;
  /** The RISS case filed last in this conversation: "¿y cuándo me responden?" is answered with its due date. */
  /** The last case filed here: its radicado, when its answer is due and the e-mail it goes to (said again when asked). */
  lastCase?: { radicado: string; dueDate: string; email?: string };
  /** The service and site of the cita booked (or the case filed) last: "y para Sofía, lo mismo" asks for it again. */
  lastBooked?: { cups: Cups; site: SiteCode; start?: string };
  /** The cita cancelled last in this conversation: "y sacar una nueva ese mismo día" is its day. */
  lastCancelled?: { start: string };
  /** The citas booked in this conversation, for a time asked relative to one ("seguidita después de la de Mateo"). */
  bookedHere?: BookedHere[];
  /** `YYYY-MM-DD` in Bogotá: ages and date choices are relative to it. */
  today: string;
  /** A document was written before the authorisation: not kept (Ley 1581), and said so when it is asked for. */
  documentBeforeConsent?: true;
  /** Whether this sender already accepted the current data policy. */
  consentCurrent: boolean;
  policyVersion: string;
  /** The previous conversation expired for inactivity: say so in the greeting. */
  previousExpired: boolean;
  /** It expired waiting for the yes of a booking, a cancellation or a move: say that nothing was done. */
  expiredUnconfirmed?: 'book' | 'cancel' | 'reschedule' | 'case';
  /** Who is writing (channel and user), for the identification lockout. */
  sender?: string;
}

/** What identifying a member needs: the document, and the sender for the lockout. */
export interface FindMemberInput {
  documentType: DocumentType;
  documentNumber: string;
  sender?: string;
}

export type ConversationEmitted = { type: 'reply'; reply: Reply } | { type: 'record'; record: ConversationRecord };

/** What the member asked for that is not done yet: acted on as soon as Lina can. */
export interface PendingRequest {
  operation?: Operation;
  fields: Request;
  /** Who the member said it is for, before Lina knew who may be chosen. */
  patients?: PatientMention[];
  /** "La misma para Sofía": the service and site of the cita booked just before, when it is taken up. */
  sameAsLast?: true;
}

export interface ConversationContext extends ConversationInput {
  documentType?: DocumentType;
  documentNumber?: string;
  /** A date of birth given before it was asked ("CC 1010101010, nací el 15/03/1994"). */
  birthDateGiven?: string;
  /** "El 15 de marzo" at the date-of-birth question: its day and month (`MM-DD`), kept for the year asked next. */
  birthDayMonth?: string;
  /** `null` when the lookup found nobody: the member is told nothing different. */
  member?: Member | null;
  identityFailures: number;
  /** The type of the document that last failed identification (a child's TI or RC gets its own hint). */
  failedDocumentType?: DocumentType;
  /** Passed the second factor and eligibility. */
  verified: boolean;
  patient?: Patient;
  request?: PendingRequest;
  /** A second request made in the same message as the one under way: taken up once that one ends. */
  nextRequest?: PendingRequest;
  /**
   * "Para los dos niños" at the patient question, before any operation was said: the one not chosen
   * first, whose turn comes with the operation the member then asks for.
   */
  otherPatientLater?: PatientMention;
  /** The member was told already that `otherPatientLater` comes next ("Listo, primero para Mateo; después seguimos con Sofía"). */
  otherPatientLaterSaid?: true;
  /** The member was told that the next request comes after the one under way. */
  nextAnnounced?: boolean;
  /** Whose cita comes now, just said with it ("Ahora la cita de pediatría para Sofía"): not said again as chosen. */
  nextNamed?: string;
  /** Who the patient question offers: everyone, or the few a member's words left open. */
  patientOptions?: string[];
  /** The words that left `patientOptions` open meant one of them ("una de las citas de los niños"): the others wait for nothing. */
  patientOptionsOneOf?: boolean;
  /** A patient named mid-flow, waiting for the member's yes. */
  proposedPatient?: Patient;
  /** Whose appointments a question asked in the middle of an operation lists ("¿y yo tengo alguna cita?"). */
  consulted?: Patient;
  /** Who is left to list when several people's appointments are asked about in the middle of an operation ("¿y qué citas tienen los niños?"). */
  consultQueue?: string[];
  /** The menu follows a consultation: "¿y Mateo?" asks the same for Mateo. */
  consultedLast?: boolean;
  /** The site of what Lina just did (booked, moved, filed, listed at one site): "¿y eso dónde queda?" at the menu. */
  siteSaid?: SiteCode;
  /** The start of the one cita Lina just spoke of (booked, moved, the only one listed): "¿a qué hora debo llegar?" at the menu. */
  startSaid?: string;
  /** The doctor of the one cita just listed, booked or moved: "¿y con qué doctor es?" at the menu after it. */
  doctorSaid?: string;
  /** What the last operation that did something did (and the cita it left), for "¿ya quedó?" at the menu after it. */
  doneSaid?: DoneSaid;
  lastPrompt?: Reply;
  /** Someone other than the member said they write for them ("le escribe la abuela"): their words are read as such. */
  writer?: string;
  /**
   * Someone Lina just said she cannot serve (no beneficiary: "No encuentro a Juan…"), with the name
   * said, until the conversation asks a new question: "pero si él es mi hijo" is about them.
   */
  refused?: { name?: string; times?: number };
  invalidAnswers: number;
  helpOffered?: boolean;
  /** Lina apologised for not understanding the pending question already (see `SpeakingContext`). */
  apologized?: boolean;
}

/** What any machine of the conversation sends to its root: a reply or a record (see `childSpeech`). */
export type SpokenEvent = SayEvent | RecordEvent;
export type ConversationEvent = DialogEvent | SpokenEvent | RepeatEvent;
export type OperationOutput = BookingOutput | CancelOutput | RescheduleOutput;

/**
 * The member as a patient: without their beneficiaries, phone and e-mail, which the
 * operations never read and which every saved snapshot would otherwise carry once more.
 */
export function asPatient({ beneficiaries: _beneficiaries, phone: _phone, email: _email, ...patient }: Member): Patient {
  return patient;
}

/** Everyone the member may choose: themself first, then their beneficiaries. */
export function choicesOf(member: Member | null | undefined): PatientChoice[] {
  if (!member) return [];
  return [{ patient: asPatient(member), self: true }, ...member.beneficiaries.map((patient) => ({ patient, self: false }))];
}

/** The patient an operation runs for: always chosen before an operation starts. */
export function chosenPatient(context: ConversationContext): Patient {
  if (!context.patient) throw new Error('an operation started before the patient was chosen');
  return context.patient;
}

/** The document the member gave: both its type and number are known before the member is looked up. */
export function givenDocument(context: ConversationContext): { documentType: DocumentType; documentNumber: string } {
  if (!context.documentType || !context.documentNumber) throw new Error('the member is looked up before the document type and number were given');
  return { documentType: context.documentType, documentNumber: context.documentNumber };
}

export const eligible = (patient: Patient) => patient.plan === 'PBS' && patient.status === 'active';
export const isSelfPatient = (context: ConversationContext) => context.patient !== undefined && context.patient.id === context.member?.id;

/**
 * "Es para Mateo" when it already is: so it is. To someone who writes for the member, the member is named, never "ti"
 * ("no, es para Pedro, el titular", from his daughter).
 */
export function samePatientReply(context: ConversationContext): Reply {
  return reply('patient.same', { name: context.patient?.firstName, context: isSelfPatient(context) && context.writer === undefined ? 'self' : undefined });
}

/** "Cambiar paciente" from a member without beneficiaries: nobody else to choose; to someone who writes for the member, said of the member. */
export function onlySelfReply(context: ConversationContext): Reply {
  return context.writer !== undefined && context.member ? reply('patient.onlySelf', { context: 'writer', member: context.member.firstName }) : reply('patient.onlySelf');
}

/** Who the message names, against the people the member may choose (an option picked counts). */
export function patientResolution(context: ConversationContext, event: EventObject, mentions?: readonly PatientMention[]): PatientResolution {
  const choices = choicesOf(context.member);
  const choice = choiceOf(event);
  if (choice !== undefined) {
    const picked = choices.find((candidate) => (choice === 'self' ? candidate.self : candidate.patient.id === choice));
    if (picked) return { kind: 'one', choice: picked };
  }
  return resolvePatient(mentions ?? entitiesOf(event).patients, choices);
}

/**
 * Whose appointments a question asked in the middle of an operation is about: the one person it
 * names ("¿y yo tengo alguna cita?" while booking for Mateo is the member), else the patient.
 */
export function consultedBy(context: ConversationContext, event: EventObject): Patient {
  const resolution = patientResolution(context, event);
  return resolution.kind === 'one' ? resolution.choice.patient : chosenPatient(context);
}

/** The request without the people it named, once they are settled. */
export const withoutMentions = (request: PendingRequest | undefined): PendingRequest | undefined => (request ? { ...request, patients: undefined } : undefined);

/** Whose appointments a question about several people lists, in order ("¿qué citas tienen los niños?"). */
export function idsOf(resolution: PatientResolution): string[] {
  return resolution.kind === 'several' ? resolution.choices.map((choice) => choice.patient.id) : [];
}

/** The next of the people whose appointments are being listed (see `consultQueue`), and whether it is the member. */
export function queuedConsulted(context: ConversationContext): PatientChoice | undefined {
  const [first] = context.consultQueue ?? [];
  return first === undefined ? undefined : choicesOf(context.member).find((choice) => choice.patient.id === first);
}

/** The options the patient question narrows to when the words fit several people. */
export function narrowedTo(resolution: PatientResolution): Pick<ConversationContext, 'patientOptions' | 'patientOptionsOneOf'> {
  return resolution.kind === 'several'
    ? { patientOptions: resolution.choices.map((choice) => (choice.self ? 'self' : choice.patient.id)), patientOptionsOneOf: resolution.oneOf === true }
    : {};
}

/** Why a beneficiary cannot be booked for here: not PBS, or not active. */
export function ineligibleReply(patient: Patient | undefined): Reply {
  return reply(patient?.plan !== 'PBS' ? 'eligibility.beneficiaryNotPbs' : 'eligibility.beneficiaryInactive', { name: patient?.firstName });
}

/**
 * "Gracias" at the menu: the member thanked by first name, or, when someone else is known to write
 * for the member ("le escribe la abuela"), nobody named: the writer is not the member.
 */
export function thanksAtMenuReply(context: Pick<ConversationContext, 'member' | 'writer'>): Reply {
  return context.writer !== undefined ? reply('common.thanksAtMenu', { context: 'writer' }) : reply('common.thanksAtMenu', { name: context.member?.firstName });
}

/**
 * Nobody on the plan is called that: the name said, and who may be chosen. To someone who writes
 * for the member (`writer`), the member is spoken of by name ("las citas de Laura y de sus beneficiarios").
 */
export function unknownPatientReply(member: Member | null | undefined, resolution: PatientResolution, writer?: string): Reply {
  const name = unknownName(resolution);
  const others = (member?.beneficiaries ?? []).map((patient) => patient.firstName).join(' y ');
  // To someone who writes for the member, the member is named; a member without beneficiaries is said to have none.
  const forWriter = writer !== undefined && member;
  const context = [name ? 'named' : undefined, forWriter ? (others ? 'writer' : 'writerAlone') : undefined].filter(Boolean).join('_') || undefined;
  return reply('patient.unknown', { name, others, context, ...(forWriter ? { member: member.firstName } : {}) });
}

/** The name of someone nobody on the plan is called, as said back: a nickname read ("juanito" is juan) is "Juan". */
export function unknownName(resolution: PatientResolution): string | undefined {
  const said = resolution.kind === 'unknown' ? resolution.name : undefined;
  return said ? `${said.charAt(0).toUpperCase()}${said.slice(1)}` : undefined;
}

/**
 * A document typed again once the member is identified ("1010101010" at the menu): the member's
 * own is already verified; a beneficiary's is theirs (and "cambiar paciente" reaches them);
 * another is not the member's, and another member's citas need a new conversation. Never the
 * number said back.
 */
export function documentAgainReply(context: ConversationContext, documentNumber: string): Reply {
  const member = context.member;
  const writer = context.writer !== undefined ? 'writer' : undefined;
  if (!member || member.documentNumber === documentNumber) return reply('identify.alreadyVerified', { name: member?.firstName, context: writer });
  const beneficiary = member.beneficiaries.find((patient) => patient.documentNumber === documentNumber);
  if (beneficiary) {
    const current = context.patient?.id === beneficiary.id ? 'current' : undefined;
    return reply('identify.beneficiaryDocument', { name: beneficiary.firstName, member: member.firstName, context: current ?? writer });
  }
  const others = member.beneficiaries.map((patient) => patient.firstName).join(' y ');
  return reply('identify.notThisMember', { member: member.firstName, others, context: writer });
}

/** Whom a refusal was about: the name said, if any. */
export function refusedOf(resolution: PatientResolution): { name?: string } {
  const name = unknownName(resolution);
  return name ? { name } : {};
}

/**
 * "Pero si él es mi hijo" right after someone was said to be no beneficiary: honestly, that they
 * are not registered as the member's beneficiary in the plan, and how a relative is registered.
 */
export function notRegisteredReply(refused: { name?: string } | undefined, member: Member | null | undefined, writer?: string): Reply {
  const forWriter = writer !== undefined && member;
  const context = [refused?.name ? 'named' : undefined, forWriter ? 'writer' : undefined].filter(Boolean).join('_') || undefined;
  return reply('patient.notRegistered', { name: refused?.name, context, ...(forWriter ? { member: member.firstName } : {}) });
}

/** The patient question's option for the member: "Para mí", or "Para Laura" to someone who writes for her. */
export function memberOption(context: ConversationContext): ReplyOption {
  return context.writer !== undefined && context.member
    ? option('self', 'options.patient.beneficiary', { name: context.member.firstName })
    : option('self', 'options.patient.self');
}

/**
 * The question pending, as it reads to someone who has just said they write for the member: the patient question's "Para mí"
 * becomes "Para Laura" (the husband answering "1" to "Para mí" meant himself; the member's option is hers).
 */
export function promptForWriter(prompt: Reply | undefined, member: Member | null | undefined): Reply | undefined {
  if (!prompt?.options || !member) return prompt;
  return {
    ...prompt,
    options: prompt.options.map((shown) =>
      shown.value === 'self' && shown.key === 'options.patient.self' ? option('self', 'options.patient.beneficiary', { name: member.firstName }) : shown,
    ),
  };
}

/** Who the request names (the people the member mentioned before), or else the message. */
export function requestedPatient(context: ConversationContext, event: EventObject): PatientResolution {
  return patientResolution(context, event, context.request?.patients);
}

/** The request a message carries: an operation and what it says about it. */
export function requestIn(understood: Understanding, previous?: PendingRequest): PendingRequest | undefined {
  const { intent, entities } = understood;
  // "Para Mateo, necesito pediatría" names no operation, but a specialty or visit type only ever means booking; so do a site
  // and a band said together ("…para Mateo mañana en la tarde en Kennedy" to «¿Para quién es la cita?»).
  // ("El martes de la otra semana en la mañana" while identifying, a move asked before it: when to move it to, not a
  // booking, however much a day and a band sound like one.)
  const onlyWhen =
    intent === 'book' &&
    previous?.operation !== undefined &&
    previous.operation !== 'book' &&
    !entities.bookingAsked &&
    !entities.specialty &&
    !entities.visitType &&
    !entities.site &&
    (entities.day !== undefined || entities.band !== undefined || entities.time !== undefined);
  const named = isOperation(intent) && !onlyWhen ? intent : undefined;
  // ("Quiero agendar una cita para Mateo" to that question, nothing asked before it: the booking said with the answer.)
  const operation = named ?? previous?.operation ?? (entities.bookingAsked || entities.specialty || entities.visitType || (entities.site && entities.band) ? 'book' : undefined);
  const fields: Request = {
    ...previous?.fields,
    ...(entities.specialty ? { specialty: entities.specialty } : {}),
    ...(entities.visitType ? { visitType: entities.visitType } : {}),
    ...(entities.site ? { site: entities.site } : entities.hereSite ? { hereSite: true as const } : {}),
    ...(entities.citaSite ? { citaSite: entities.citaSite } : {}),
    ...(entities.citaBand ? { citaBand: entities.citaBand } : {}),
    ...(entities.otherDoctor && operation === 'reschedule' ? { otherDoctor: true as const } : {}),
    ...(entities.band ? { band: entities.band } : entities.soonest ? { band: 'cualquiera' as const } : {}),
    ...(entities.ruledOutBand ? { ruledOutBand: entities.ruledOutBand } : {}),
    // ("Cualquier día menos el lunes": kept with those said before, but a day asked for by name.)
    ...(entities.ruledOutDays || (entities.day && previous?.fields.ruledOutDays)
      ? {
          ruledOutDays: [...(previous?.fields.ruledOutDays ?? []), ...(entities.ruledOutDays ?? [])].filter(
            (day, index, all) => all.indexOf(day) === index && day !== entities.day,
          ),
        }
      : {}),
    ...(entities.day ? { day: entities.day } : {}),
    ...(entities.newDay ? { newDay: entities.newDay } : {}),
    ...(entities.newTime ? { newTime: entities.newTime } : {}),
    // "La del miércoles, ese mismo día después de las 2": the hour is where it moves to.
    // ("El mismo día que la de la niña" is the girl's day, not the appointment's own: not kept.)
    ...(entities.sameDay && !entities.timeOf
      ? {
          sameDay: true as const,
          ...(entities.weekLater ? { weekLater: true as const } : {}),
          ...((entities.newTime ?? entities.time) && !entities.earlier ? { newTime: entities.newTime ?? entities.time } : {}),
          ...(entities.later ? { later: true as const, ...(entities.laterBy ? { laterBy: entities.laterBy } : {}) } : {}),
          ...(entities.earlier ? { earlier: true as const, ...(entities.earlierBy ? { earlierBy: entities.earlierBy } : {}) } : {}),
        }
      : {}),
    ...(entities.sameTime && !entities.timeOf ? { sameTime: true as const } : {}),
    ...(entities.dayOff ? { dayOff: entities.dayOff } : {}),
    ...(entities.weekday !== undefined ? { weekday: entities.weekday } : {}),
    ...(entities.time ? { time: entities.time } : {}),
    // ("Pal viernes antes de las 10": a bound, with the time said or the new time of a move.)
    ...(entities.time || entities.newTime ? (entities.beforeTime ? { beforeTime: true as const } : { beforeTime: undefined }) : {}),
    ...(entities.time ? (entities.afterTime ? { afterTime: true as const } : { afterTime: undefined }) : {}),
    ...(entities.latest ? { latest: true as const } : {}),
    ...(entities.allAppointments && (named === 'cancel' || previous?.operation === 'cancel') ? { all: true as const } : {}),
    ...(entities.doctorName && (named === 'cancel' || named === 'reschedule' || named === 'consult') ? { doctor: entities.doctorName } : {}),
    // ("Una cita de medicina general con la doctora Marta Salazar", "con mi médico": the doctor a booking asks for.)
    ...(operation === 'book' && entities.doctorName ? { doctor: entities.doctorName } : {}),
    ...(operation === 'book' && entities.ownDoctor ? { ownDoctor: true as const } : {}),
  };
  // (For a move, the day and hour said alone are where it goes: the cita is named by what was said before, if anything.)
  if (onlyWhen && previous?.operation === 'reschedule') {
    // (A day that was itself where it goes, "para la otra semana", names no cita.)
    const named = previous.fields.day !== undefined && previous.fields.day !== previous.fields.newDay;
    Object.assign(fields, {
      day: named ? previous.fields.day : undefined,
      weekday: named ? previous.fields.weekday : undefined,
      time: previous.fields.time !== previous.fields.newTime ? previous.fields.time : undefined,
      ...(entities.day ? { newDay: entities.day } : {}),
      ...(entities.time ? { newTime: entities.time } : {}),
    });
  }
  const patients = entities.patients ?? previous?.patients;
  if (!operation && Object.keys(fields).length === 0 && !patients) return undefined;
  return { ...(operation ? { operation } : {}), fields, ...(patients ? { patients } : {}) };
}

/**
 * A yes that also asks for a cita for someone ("sí, confírmela, y de una la de 2:20 pa Sofía", "sí, y también quiero una
 * para Mateo"): the booking for them, to take up once the one being answered ends.
 */
export function bookingAfterYes(understood: Understanding): PendingRequest | undefined {
  const { entities } = understood;
  if (understood.intent !== 'book' || entities.yesNo !== 'yes' || !entities.patients?.length) return undefined;
  // (What else it says is said of that booking: "la de 2:20 pa Sofía".)
  const { yesNo: _yes, ...said } = entities;
  return requestIn({ intent: 'book', intentScore: 1, entities: said });
}

/** The second request a message carries ("… y sacar una nueva para el viernes"), if any. */
export function nextRequestIn(understood: Understanding): PendingRequest | undefined {
  if (!understood.next) return undefined;
  const request = requestIn({ intent: understood.next.intent, intentScore: 1, entities: understood.next.entities });
  return request && understood.next.entities.sameAgain ? { ...request, sameAsLast: true } : request;
}

/** The next request is for the member, who writes: texts say "tu cita", never their name. */
export function nextIsMember(context: ConversationContext): boolean {
  const resolution = resolvePatient(context.nextRequest?.patients, choicesOf(context.member));
  return context.writer === undefined && resolution.kind === 'one' && resolution.choice.self === true && resolution.choice.patient.id !== context.patient?.id;
}

/** The first name of the one person other than the patient the next request names, to say it. */
export function nextPatientName(context: ConversationContext): string | undefined {
  const resolution = resolvePatient(context.nextRequest?.patients, choicesOf(context.member));
  return resolution.kind === 'one' && resolution.choice.patient.id !== context.patient?.id ? resolution.choice.patient.firstName : undefined;
}

/** A yes, picked or said. */
export function answerIsYes(event: EventObject): boolean {
  return choiceOf(event) === 'yes' || entitiesOf(event).yesNo === 'yes';
}
