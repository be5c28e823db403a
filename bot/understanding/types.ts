/**
 * What Lina reads in a member's message: the one result type of the understanding step
 * (`understand.ts`). Machines receive it in their events and decide with guards; they never
 * read text themselves.
 */
import type { DocumentType, SiteCode, Specialty, VisitType } from '../domain.js';

/**
 * What the member wants beyond answering the question: an operation, a way out, small talk.
 * `none`: the message only answers the question, or says nothing Lina can act on.
 */
export const INTENTS = [
  'book',
  'consult',
  'cancel',
  'reschedule',
  'help',
  'greet',
  'thanks',
  'goodbye',
  'affirm',
  'deny',
  'change_patient',
  'more_times',
  'other_day',
  'menu',
  'back',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

/** The intents that start an operation of the main menu. */
export const OPERATION_INTENTS = ['book', 'consult', 'cancel', 'reschedule'] as const satisfies readonly Intent[];
export type OperationIntent = (typeof OPERATION_INTENTS)[number];

/**
 * The question Lina is waiting on, as the machine that asked it declares it with its prompt.
 * It decides how a message is read: "mañana" is the morning band at `band` and tomorrow
 * elsewhere; "2" is the second option where options are shown and nothing at `birthDate`.
 */
export const QUESTIONS = [
  /** Nothing asked yet: the first message of a conversation. */
  'start',
  'consent',
  'document',
  'documentType',
  'birthDate',
  'patient',
  'menu',
  'specialty',
  'visitType',
  'site',
  'band',
  'slot',
  'day',
  /** A yes/no confirmation: booking, cancelling, moving, switching patient. */
  'confirm',
  /** A yes/no offer of the no-availability ladder. */
  'offer',
  'appointment',
  /** The patient already has an appointment of that specialty: move it, cancel it or go back. */
  'existing',
  'email',
  /** Anything else: a choice between a few options that are none of the above. */
  'other',
] as const;
export type Question = (typeof QUESTIONS)[number];

/**
 * A question the member asks that Lina answers (or says she cannot) before asking the pending
 * question again: what the question or its options mean ("¿qué es no programada?"), where a
 * site is ("¿dónde queda la sede de Kennedy?"), whether the cita shown is at the site named ("¿es en
 * Kennedy, cierto?"), what a cita costs ("¿cuánto vale la cuota
 * moderadora?"), when the sites open ("¿a qué hora abren?"), who a cita shown is with ("¿con
 * qué doctor es?"), whether the cita is sent by e-mail ("¿me manda la confirmación al correo?"),
 * what happens when a cita is missed ("¿y si no llego qué pasa? ¿me cobran?"), when to arrive
 * ("¿a qué hora tengo que llegar?"); and what this chat does not do, with where to go for it: a
 * prescription renewed, exam results, vaccines, certificates and sick leave, authorisations and
 * specialists, laboratory tests ("necesito que me renueven la fórmula", "¿el pediatra le puede
 * poner la vacuna?"); any site, or either of two, at the site question ("cualquiera", "Kennedy o Suba,
 * la que tenga cita más rápido"), where Lina searches one site at a time; and how the patient
 * is, told where the booking asks something else ("es que tiene fiebre y no quiere comer").
 */
export const ASKED = [
  'meaning',
  'address',
  'siteCheck',
  'cost',
  'hours',
  'doctor',
  'byEmail',
  /** Whether anyone is sent word of the cita ("¿a la mamá le llega algún mensaje?"). */
  'notice',
  'complaint',
  'frustration',
  'caseAnswer',
  /** What a case (radicado) is, and how to follow it ("¿qué es eso de radicado?"). */
  'caseMeaning',
  /** A cita the member says was booked by phone or in person ("yo le saqué una por teléfono"), which Lina may not see. */
  'bookedElsewhere',
  'caseLate',
  'caseCancel',
  'duration',
  /** What Lina has no way of knowing: parking at a site, what a doctor is like. */
  'parking',
  'doctorOpinion',
  'noShow',
  'arrival',
  'bring',
  'person',
  'wait',
  'notYet',
  'forgotEmail',
  /** Whether there is nothing at all, asked at an offer of the no-availability ladder ("¿y con el doctor Rojas no hay nada?"). */
  'anyLeft',
  'done',
  'rebook',
  'doubt',
  'goOn',
  'prescription',
  'results',
  'vaccine',
  'certificate',
  'authorization',
  'lab',
  'anySite',
  'unwell',
] as const;
export type Asked = (typeof ASKED)[number];

/** The time bands a member can ask for; `cualquiera` is any time. */
export type Band = 'manana' | 'tarde' | 'cualquiera';

/**
 * Who the appointment is for, as the member said it: themself, a first name (lower case, no
 * accents), or a relation without a name. Resolving it against the member's beneficiaries is
 * the dialog's job (`dialogs/patients.ts`).
 */
export type PatientMention =
  | { kind: 'self' }
  /** `written`: the name as the member wrote it, capital and accents included ("José"), to say it back. */
  | { kind: 'name'; name: string; written?: string }
  | { kind: 'relation'; relation: 'son' | 'daughter' | 'child' | 'other' };

/** Everything a message says besides its intent. Keys a message does not say are absent. */
export interface Entities {
  yesNo?: 'yes' | 'no';
  /** One mention, or several when the member named more than one patient. */
  patients?: PatientMention[];
  specialty?: Specialty;
  visitType?: VisitType;
  site?: SiteCode;
  /** At the site question, the sites weighed with neither chosen ("en Suba o en Calle 26, la que tenga más temprano"), in the order said. */
  sitesWeighed?: SiteCode[];
  /** With `site`: the site of a cita the member has ("cancéleme la de Kennedy", "la que tengo en Suba"), which says which one. */
  citaSite?: SiteCode;
  band?: Band;
  /** The band of the cita to move, said with it ("la del jueves por la mañana me la pasa pal viernes"): which one, never where it goes. */
  citaBand?: 'manana' | 'tarde';
  /** A band the member rules out ("en la tarde no puedo", "no puedo en la mañana"): `band` is then the other one. */
  ruledOutBand?: 'manana' | 'tarde';
  /**
   * The Bogotá days (`YYYY-MM-DD`) the member rules out ("cualquier día menos el lunes", "no hoy ni mañana", "el 25 no"):
   * never the `day` asked for; the search leaves them out.
   */
  ruledOutDays?: string[];
  /** A Bogotá day, `YYYY-MM-DD`. */
  day?: string;
  /** 0 (Sunday) … 6 when the day was named by its weekday ("la cita del miércoles"). */
  weekday?: number;
  /** The day named is not a working day: the sites are closed. */
  dayOff?: 'holiday' | 'weekend';
  /** `HH:MM`, 24 hours. */
  time?: string;
  /** The person whose appointment's time is asked for ("a la misma hora de Mateito"): no patient. */
  timeOf?: PatientMention;
  /** With `timeOf`: right after that appointment ("seguidita después de la de Mateo"), not at its time. */
  afterTimeOf?: true;
  /** Another site than the one searched is asked for, without naming it ("¿no hay en otra sede cerquita?"). */
  otherSite?: true;
  /** A month named without a day ("¿y en enero?"), `YYYY-MM`: the next such month, this one included. */
  month?: string;
  /** The time said is a bound the slots must start before ("antes de las 8"), not the time of one. */
  beforeTime?: true;
  /** The time said is a bound the slots start from ("después de las 4", "a partir de las 2"), not the time of one. */
  afterTime?: true;
  /** At the site question, the site the member writes from ("aquí en esta sede", "la de acá"): a QR code's, which the dialog knows. */
  hereSite?: true;
  /** "La más cerca", "la que me quede más cerquita" at the site question: Lina cannot know where the member is. */
  nearestSite?: true;
  /** "La misma sede", "en la misma que la de Mateo" at the site question: the site of the member's last booking, which the dialog knows. */
  sameSite?: true;
  /** A bare number beyond the options shown ("5" with three): the dialog says which numbers there are. */
  outOfRange?: number;
  /** At the slots, the one doctor shown that the message names ("la de la doctora Paola"), as shown. */
  doctor?: string;
  /**
   * The message says someone is the member's relative ("pero si él es mi hijo", "es mi hija",
   * "pero es mi niño"), not whom a cita is for: after Lina said someone is no beneficiary, it
   * insists that they are family (the dialog knows whom it is about).
   */
  claimsKinship?: true;
  /** At the slots, a doctor none of the slots shown is with, by the name written ("¿no hay con la dra marta salazar?"). */
  doctorName?: string;
  /** At the slots, the patient's own doctor asked for ("¿no hay con mi médica?"). */
  ownDoctor?: true;
  /**
   * Another doctor is welcome, or the one searched is not wanted ("no quiero que sea con mi doctora", "con
   * cualquier médico"): at the offer of another doctor of the site, the yes it means.
   */
  anyDoctor?: true;
  /** At an offer, only the doctor searched is wanted ("con otro no, yo quiero con ella"): the other-doctor rung is skipped. */
  sameDoctorOnly?: true;
  /** At the e-mail for a case, the case given up ("mejor no, déjelo así", "olvídelo", "no radique nada, yo llamo"). */
  caseGivenUp?: true;
  /** At a confirmation, the slots or the band question, another doctor than the slot's ("sí, pero con otro médico", "que no sea con el doctor Restrepo"); with a move asked ("me la cambia con otro médico"), another than the appointment's. */
  otherDoctor?: true;
  /** "No tengo la cédula a la mano", "después le escribo" where the member is being identified: the document comes later. */
  documentLater?: true;
  /** "Lo mismo", "una igual": the same cita as the one just booked, for the person named. */
  sameAgain?: true;
  /** "Primero para mí y después para Sofía": the people named are to be taken in the order said. */
  inOrder?: true;
  /** A RISS case asked for in so many words ("radique el caso"), where a search is under way. */
  fileCase?: true;
  /** Times earlier than the ones shown are asked for ("¿hay algo más temprano?"). */
  earlier?: true;
  /** The latest times of the day are asked for ("lo más tarde posible", "a última hora"). */
  latest?: true;
  /** The earliest time at any hour is asked for with a request ("lo más pronto posible", "cuanto antes"): any band. */
  soonest?: true;
  /**
   * The day an appointment is to be moved to, when the message also names the appointment by
   * its day ("tengo cita el miércoles y necesito cambiarla pal jueves": `day` is the
   * Wednesday, `newDay` the Thursday); a single day said after "cambiarla para" is both.
   */
  newDay?: string;
  /** The time said with the new day of a move ("pásemela para el jueves a las 3"): the new time, not the appointment's. */
  newTime?: string;
  /** "Ese mismo día", "el mismo día": the day already under discussion (when moving, the appointment's own). */
  sameDay?: true;
  /** "El mismo día de la otra semana": with `sameDay`, that day's weekday a week later (when moving, the appointment's). */
  weekLater?: true;
  /** "A la misma hora", "a esa misma hora" with nobody named: the time already under discussion (when moving, the appointment's own). */
  sameTime?: true;
  /**
   * "¿Hay la otra semana?", "la semana que viene me queda mejor" where days or slots are shown:
   * another week asked for, with no day of it: the day before it (a `YYYY-MM-DD` Sunday), after
   * which the days that have slots are listed.
   */
  daysAfter?: string;
  /**
   * "Para la otra semana", "muévala pa la próxima semana": a week asked for, with no day of it; its Monday (`YYYY-MM-DD`),
   * which `day` or `newDay` then holds as the day searched from.
   */
  weekAsked?: string;
  /** "El mismo día pero más tarde": later than the time of the cita under discussion (said with `sameDay`, and no hour). */
  later?: true;
  /** With `later`, how much later, in minutes, when said: "una horita más tarde" is 60, "media hora más tarde" 30. */
  laterBy?: number;
  /** With `earlier`, how much earlier than the cita's own time, in minutes ("una hora más temprano": 60). */
  earlierBy?: number;
  /**
   * "La del jueves" where the member's appointments are listed: the day that names one of them,
   * `YYYY-MM-DD` (also `day`, as read), not a day to move it to; the dialog says when none listed
   * is on that day.
   */
  appointmentDay?: string;
  /** "No, mejor cancélela" at a confirmation, naming no appointment: what is being confirmed, called off. */
  cancelIt?: true;
  /** "Cancelar las dos citas de Mateo", "cancélemelas todas": every appointment of the patient, not one of them. */
  allAppointments?: true;
  /**
   * "Recuérdeme cuándo es la mía" at the menu: the member's own citas asked about, whoever the cita before was for. Whose the
   * cita is, as "mi cita" says (no patient named: the corpus reads it so); the dialogs take the member.
   */
  mine?: true;
  /** "No, la otra" where one of two appointments is being confirmed: the other one (not another site, day, hour or doctor). */
  theOther?: true;
  /**
   * The member leaves things as they are, or puts them off ("déjela así", "olvídelo", "ya no
   * quiero cambiarla", "déjeme lo pienso"): the change under way is given up. Read where a
   * slot, a day, a band, an appointment or a confirmation is asked, and never with a yes.
   */
  leaveAsIs?: true;
  /**
   * "Ya no la necesito", "ya no hace falta": the cita is no longer needed. Read at a confirmation,
   * with whatever yes or no is said: at «¿La cancelo?» it asks for the cancellation, even opened
   * with a "no" ("no pues, ya no la necesito"); elsewhere the "no" stands.
   */
  notNeeded?: true;
  /**
   * "Quiero agendar una cita para Mateo" at «¿Para quién es la cita?»: the patient is the answer (the intent is `none`), and a
   * booking was asked in words; the dialog books when no other request is pending.
   */
  bookingAsked?: true;
  /**
   * "¿Me puede dar otra mejor pa pasado mañana?", "mejor deme otra", "en cambio otra el jueves":
   * another cita instead of the one under discussion, read at a confirmation (at «¿La cancelo?»
   * it is the cita moved, not a new booking).
   */
  anotherInstead?: true;
  /**
   * "Así está bien", "así me sirve", with nothing else, where a slot or a yes is asked: no choice and no
   * yes (it may mean either way); Lina says nothing was taken or done yet and asks again, without a miss.
   */
  fineAsIs?: true;
  /**
   * A position in the list shown before the pending yes/no, said with the no ("ay no, mejor la tres" at a
   * booking's confirmation): that option instead of the one being confirmed.
   */
  position?: number;
  /** A service Lina does not book ("odontología", "ginecología"), as she names it back: said so, with the line. */
  unservedSpecialty?: string;
  documentType?: DocumentType;
  documentNumber?: string;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  /** "Es el 15 de marzo" where the date of birth is asked (or the document, after a failed check): no year, which is asked for. */
  birthDateNoYear?: true;
  /** With `birthDateNoYear`: the day and month said (`MM-DD`), which a year said next completes. */
  birthDayMonth?: string;
  /** "1994", "del 94" at the date-of-birth question: the year alone (`YYYY`), which completes a day and month said before. */
  birthYear?: string;
  /** "¿A qué hora llego con ellos?": a question by the way about several citas at once, so no one cita's hour answers it. */
  aboutSeveral?: true;
  email?: string;
  /** The address as it was surely meant, when its domain is a letter or two from a common provider's ("…@hotmial.com"). */
  emailMeant?: string;
  /** An address begun but not whole ("pedro arroba gmail", "pedro@gmail"): the member means to give one. */
  emailIncomplete?: true;
  /** The member said they have no e-mail. */
  noEmail?: true;
  /** "Sí, pero que me llegue al correo de mi hermana": the case's answer to another address than the one on file, not said yet. */
  anotherEmail?: true;
  /** "Sí, pero tengo un correo nuevo", "ya no uso ese correo": the member's own new address, not said yet (never the one on file). */
  newEmail?: true;
  /** "No tengo ni yo ni nadie": no e-mail, and nobody close has one (with `noEmail`); no relative's is asked for. */
  nobodyHasEmail?: true;
  /**
   * Someone other than the member says they write from the member's phone ("le escribe la
   * abuela", "yo soy el esposo"): who they are to the member's people. Kept for the rest of the
   * conversation, so their "mi esposa" or "mi nieto" in a later message is read as the member's.
   */
  writer?: string;
  /** A question Lina answers before the pending one (see `Asked`); `site` names the site asked about. */
  asks?: Asked;
  /**
   * The member is annoyed at not being understood ("ya le dije", "¿no me entiende?", "uff") and says
   * nothing else to act on: no miss of its own; Lina words the question's way out anew.
   */
  annoyed?: true;
  /** A second question by the way in the same message ("¿con qué doctor es? ¿y eso dónde queda?"): answered after `asks`. */
  alsoAsks?: Asked;
  /** The option shown that a question by the way is about ("¿con qué doctor es la primera?", "¿la de las 9 dónde es?"). */
  asksAbout?: string;
}

/** One option shown with the question, as the understanding step compares answers with it. */
export interface ShownOption {
  /** What the machine receives as `choice` when this option is picked. */
  value: string;
  label: string;
  aliases: string[];
  /** For slots and appointments: the instant it starts, so "la de las 3" can pick it. */
  start?: string;
  /** For appointments: the CUPS code of its service. */
  service?: string;
  /** For slots and appointments: the doctor's name, so "la de la doctora Marta" can pick it. */
  doctor?: string;
  /** For appointments: the site code, so "la de Kennedy" can pick it. */
  site?: string;
}

/** What the waiting state expects: the question and the options shown with it. */
export interface Expectation {
  question: Question;
  options: ShownOption[];
  /**
   * The first names of the member and of everyone they may choose as the patient, once known:
   * "cancelar la cita de Mateo" names Mateo wherever it is written.
   */
  people?: string[];
  /** Who said earlier in the conversation that they write for the member (see `Entities.writer`). */
  writer?: string;
  /** The option a question by the way was just answered about ("¿con qué doctor es la primera?"): "esa" picks it. */
  pointed?: string;
}

/** The result of understanding one message. */
export interface Understanding {
  intent: Intent;
  /** How sure the intent is, 0-1 (1 for a rule, the classifier's score otherwise). */
  intentScore: number;
  /** The option the message picked, when the question showed options and exactly one fits. */
  choice?: string;
  entities: Entities;
  /**
   * A second request in the same message ("… y sacar una nueva de medicina general para el
   * viernes"): its operation and what its clause says, taken up once the first is done.
   */
  next?: { intent: OperationIntent; entities: Entities };
}
