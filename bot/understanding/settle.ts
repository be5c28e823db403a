/**
 * The intent settled (see `understand.ts`): the intent read is weighed against the question
 * asked, the option picked and the entities read ("la 2" answers, "sí, confírmela" is the yes,
 * "no, es para Sofía" changes the patient), and the option a yes, a no or an operation
 * chooses is added.
 */
import {
  KEEP_IT,
  EITHER_WILL_DO,
  PERSON_WORDS,
  ANOTHER_REQUEST,
  ANYTHING_ELSE,
  A_NEW_ONE,
  citaAskedIn,
  ASKS_ARRIVAL,
  ASKS_BRING,
  ASKS_BY_EMAIL,
  ASKS_COST,
  ASKS_DOCTOR,
  ASKS_FOR_DAY,
  ASKS_OPENING_HOURS,
  ASKS_ABOUT_CONSENT,
  CONDITIONAL_IF,
  ASKS_ABOUT_MISSING,
  ASKS_CASE_ANSWER,
  ASKS_NOTICE,
  ASKS_CASE_LATE,
  ASKS_A_CALL,
  MISSED_SUPPOSITION,
  ASKS_WHAT_IT_IS,
  COMPLAINT,
  FRUSTRATION,
  ASKS_WHERE,
  CHECKS_SITE,
  BACK_CUE,
  ANNOYED,
  CORRECTION,
  LATER,
  MORE_TIMES_ASKED,
  ONLY_THOSE_ASKED,
  EARLIER,
  LATEST,
  MOVE_IT,
  NAMES_AN_APPOINTMENT,
  NONE_OF_THESE,
  OTHER_DAY_CUE,
  CANNOT_WAIT,
  PATIENT_CHANGE_CUE,
  TIME_BOUND,
  ANNOUNCED_QUESTION,
  YES_HELD_BACK,
} from './cues.js';
import { asksForHelp, operationCue, type IntentRead } from './intent.js';
import { ordinalFromWord } from './numbers.js';
import { optionValue, turnedDown, type Picked } from './options.js';
import { bogotaParts, IDENTITY_QUESTIONS, OPERATIONS_IN_MENU, YES_NO_QUESTIONS, type Message } from './reading.js';
import { ANSWER_ASKED_ABOUT } from './yes-no.js';
import { OTHER_DAY_ASKED_AT_OFFER } from './cues.js';
import type { Asked, Entities, Expectation, Intent, Question, Understanding } from './types.js';

/** An operation put aside for another: "en vez de cancelarla", "en lugar de moverla", "antes que cancelarla". */
const INSTEAD_OF = /\b(?:en vez de|envez de|en lugar de|antes que|antes de) (cancel\w*|anul\w*|mover\w*|muev\w*|reprogram\w*|cambiar\w*|pasar\w*|correr\w*)/;
const MOVE_WORD = /\b(?:mov\w*|muev\w*|reprogram\w*|cambi\w*|pas[aoe]\w*|corr[aoe]\w*|aplaz\w*|otro dia|otra fecha)\b/;
const CANCEL_WORD = /\b(?:cancel\w*|anul\w*)\b/;

/** Another day preferred: "mejor el miércoles", "más bien el lunes 30", "que sea el martes". */
const PREFERS_A_DAY =
  /\b(?:mejor|mas bien|prefiero|preferiria|que sea|mejor dicho) (?:(?:el|la|para el|pa(?:l)?|para) )?(?:lunes|martes|miercoles|jueves|viernes|sabado|manana|pasado manana|\d{1,2})\b/;

/** The supposition's first place in a message: `MISSED_SUPPOSITION` without its `g`, built once. */
const MISSED_SUPPOSITION_ONCE = new RegExp(MISSED_SUPPOSITION.source);
/** "Para la niña", "pa mi hijo": whom a request is for, said with it. */
const FOR_SOMEONE = /\b(para|pa) (mi|el|la|los|las|mis) (nin|hij|chin|pela|nen|bebe|mam|pap|abuel|espos|herman|niet)\w*/;

/** At the slots, other times asked for (after a no too): "¿hay más?", "¿no tiene algo temprano?", "otros horarios". */
const MORE_ASKED = /\b(hay|tiene|tienen|habra|habria) (mas|otros?|otras?|algo)\b|\b(otros|mas) (horarios|horas|cupos)\b|\bmuestr\w* mas\b/;

/** "Mejor vuelvo a escribir otro día", "lo intento otro día": the member will come back, no day is asked for. */
const COME_BACK_ANOTHER_DAY =
  /\b(escrib\w*|vuelvo|volvere|llamo|llamare|intento|regreso|miramos|vemos|hablamos|(?:lo|la|las|los) (?:saco|saque|saquen|sacamos|saca|pido|pida|pidan|pedimos))( a (escribir|intentar|llamar|mirar))?( mas bien| mejor)? (otro dia|mas tarde|luego|despues)\b/;

/**
 * A no at a confirmation or an offer that the classifier weighed as another day, which asks for
 * none: the member backs out ("ay no, mejor no, ese día tengo turno", "no no no, ese día no") or
 * will come back ("mejor vuelvo a escribir otro día"). "No es ese día, ese día no puedo", "no, cambie
 * el día", "¿tiene otro?" and a day named ask for another day.
 */
function refusesWithoutAnotherDay(normalized: string, entities: Entities): boolean {
  if (COME_BACK_ANOTHER_DAY.test(normalized) || /\bmejor no\b(?! (cambi|otr|pase|pasa|mueva))/.test(normalized)) return true;
  if (entities.day || entities.weekday !== undefined || normalized.includes('?') || OTHER_DAY_CUE.test(normalized)) return false;
  return !/\b(otr[oa]s?|cambi\w*|no puedo|no es|no me sirve|no me queda)\b/.test(normalized);
}

/** Other times asked for in so many words: "más horarios", "más temprano", "lo más tarde posible". */
function asksForTimes(text: string): boolean {
  return MORE_TIMES_ASKED.test(text) || EARLIER.test(text) || LATEST.test(text);
}

/** Questions of the form whose options are all there is: "lo más pronto posible" answers them. */
const FORM_CHOICES: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'band']);
/** Questions of the booking form: asking to book while answering one is just answering. */
/** How the patient is: "tiene fiebre", "amaneció con tos", "le duele el oído", "no quiere comer", "está enfermita". */
const UNWELL =
  /\b(?:tiene|tengo|tenia|esta con|estoy con|anda con|amanecio con|amaneci con|sigue con)(?: (?:mucha|muchisima|mucho|un poco de|algo de|como))? (?:fiebre|tos|gripa|gripe|mocos|dolor|diarrea|vomito|vomitos|brote|alergia|calentura|malestar|flema|temperatura)\b|\b(?:le|me) duele\b|\bno (?:quiere|ha querido) comer\b|\b(?:esta|anda|amanecio) (?:muy )?(?:enferm|malit|maluc)\w*|\bse (?:siente|sentia) mal\b/;
const BOOKING_QUESTIONS: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'band', 'slot', 'day']);
/** A message that opens with a booking verb ("agendarle una a Mateo…", "sacar una cita para la niña"): the request itself. */
const BOOKING_OPENS = /^(?:(?:y|ahora|bueno|entonces|mejor|no|pues|ok|listo) )*(?:agend|sac|saq|ped|pid|separ|reserv)[a-z]*\b/;
/** "No sé", "ay no sé cuál escoger", said alone at a list: a doubt about which. */
const NOT_SURE_WHICH = /^\W*(?:(?:ay|uy|mm+|hm+|eh+|pues|la verdad|bueno)\W+)*no (?:se|sabria|estoy segur[ao])(?: (?:cual|que)(?: (?:escoger|elegir|coger|tomar))?)?\W*$/;
/** "Espere no, no era para mí": the cita taken back from the member, said alone. */
const NOT_FOR_ME = /^\W*(?:(?:espere|espera|ay|ah|uy|no|perdon|disculpe|mejor|un momento|momento)\W+)*no (?:es|era|sera|seria) (?:para|pa) mi\W*$/;
const OPERATIONS: ReadonlySet<Intent> = new Set(['book', 'consult', 'cancel', 'reschedule']);
/** Questions by the way about what to know of a cita, which a request for an operation in the same message does not replace. */
const INFORMATION_ASKED: ReadonlySet<string> = new Set(['bring', 'cost', 'address', 'hours', 'arrival', 'duration', 'parking', 'noShow', 'byEmail', 'notice']);
/** Questions where a day to move something to can only mean moving an appointment. */
/** "Me la cambia", "me la pasa", "cambiármela", "cambiar mi cita": the cita the member has, moved. */
const MOVES_THE_CITA =
  /\b(?:me|nos|se|le) la (?:cambi|pas|corr|muev|mov)\w*|\b(?:cambi|pas|corr|mov)\w*(?:mela|sela|nosla)\b|\b(?:cambiar|mover|pasar|correr|reprogramar) (?:mi|la|su) cita\b/;
const MOVE_QUESTIONS: ReadonlySet<Question> = new Set(['start', 'menu', 'appointment', 'existing']);
/** Questions whose options Lina explains when asked what they mean. */
const EXPLAINED_QUESTIONS: ReadonlySet<Question> = new Set(['menu', 'specialty', 'visitType', 'band', 'offer', 'documentType']);

/** What was read of a message, up to the option picked: `intent` as read so far. */
export interface Reads {
  message: Message;
  expectation: Expectation;
  entities: Entities;
  yesNo: 'yes' | 'no' | undefined;
  intentRead: IntentRead;
  intent: Intent;
  picked: Picked | undefined;
}

/** What the intent is settled to before the option chosen is weighed, with what the choice then needs to know. */
interface FirstSettled {
  intent: Intent;
  /** The menu's booking is the option meant, by the words of the request. */
  pickedBook: boolean;
  /** A question about one of the citas listed, at the menu. */
  askedOfOne: boolean;
  /** Whether the member has citas, asked ("¿tengo alguna cita?") where the classifier weighed something else. */
  askedWhetherHas: boolean;
}

/**
 * The intent settled against the question, the entities and the option picked, before the choice is weighed. (A function
 * of its own, as is the rest of `settleIntent`: V8 compiles a function whole, and `settleIntent` whole, some 23 KB of
 * bytecode, took its optimising compiler about a second a time, again after each deoptimisation.)
 */
function settleFirst(reads: Reads): FirstSettled {
  const { message, expectation, entities, yesNo, intentRead, picked } = reads;
  const { words, normalized } = message;
  const wordsText = words.join(' ');
  const question = expectation.question;
  let { intent } = reads;
  let pickedBook = false;
  // ("1010101010, 15 marzo 94" at the document question: the date of birth, never a day for a cita.)
  if (IDENTITY_QUESTIONS.has(question) && entities.birthDate && entities.day && entities.day.slice(5) === entities.birthDate.slice(5)) {
    delete entities.day;
    delete entities.weekday;
  }
  // "Mejor la muevo en vez de cancelarla", "cancélela en lugar de moverla": the operation put aside is never the one asked for.
  const insteadOf = INSTEAD_OF.exec(normalized);
  if (insteadOf && (intent === 'cancel' || intent === 'reschedule')) {
    const putAside: Intent = /^(?:cancel|anul)/.test(insteadOf[1] ?? '') ? 'cancel' : 'reschedule';
    const rest = normalized.replace(INSTEAD_OF, ' ');
    if (intent === putAside && putAside === 'cancel' && MOVE_WORD.test(rest)) intent = 'reschedule';
    else if (intent === putAside && putAside === 'reschedule' && CANCEL_WORD.test(rest)) intent = 'cancel';
  }
  // (A question about one of the citas listed, at the menu: the citas, looked up again, whatever option its words name.)
  let askedOfOne = false;
  // "La primera opción porfa, necesito sacar una cita": the number and the words agree.
  if (
    picked?.by === 'number' &&
    !intentRead.ruled &&
    intent !== 'goodbye' &&
    intent !== 'reschedule' &&
    intent !== 'cancel' &&
    !((question === 'menu' || question === 'existing') && picked.value === intent)
  )
    intent = 'none';
  // An operation named at the menu ("agendar para mi hija") is that operation.
  if (picked?.by === 'words' && (question === 'menu' || question === 'existing') && intent === 'none' && OPERATIONS_IN_MENU.has(picked.value as Intent)) {
    intent = picked.value as Intent;
  }
  // "¿Y Sofi ya tiene cita?", "¿la niña ya tiene cita?": whether someone has a cita, asked; never a cancellation the classifier
  // weighed on "ya" ("ya no la necesito").
  if (
    (question === 'start' || question === 'menu') &&
    (intent === 'cancel' || intent === 'book' || intent === 'none') &&
    !intentRead.ruled &&
    /\b(?:ya )?(?:tiene|tienen|tenemos|tengo) (?:alguna |una |su |sus )?citas?(?: (?:agendadas?|pendientes?|programadas?))?\s*\?+\W*$|\b(?:tiene|tienen) (?:alguna|algo pendiente)\s*\?|\b(?:no )?(?:tiene|tienen) (?:nada|algo) (?:agendad[oa]s?|pendientes?|programad[oa]s?)\s*\?/.test(
      normalized,
    ) &&
    operationCue(wordsText) === undefined
  )
    intent = 'consult';
  const askedWhetherHas = intent === 'consult' && reads.intent !== 'consult';
  // "La primera cita que haya de medicina general": the earliest cita asked for is a booking, whatever the classifier weighed.
  if (
    (question === 'start' || question === 'menu') &&
    intent === 'consult' &&
    entities.soonest &&
    operationCue(wordsText) !== 'consult' &&
    !/\b(?:saber|cual es|cuales son|agendad\w*|programad\w*|pendiente\w*|tengo|tiene)\b/.test(normalized)
  )
    intent = 'book';
  // A first message made of booking details ("medicina general control en Suba mañana a las 10", "la primera que tengan de
  // pediatría") is a booking.
  if (intent === 'none' && question === 'start' && entities.specialty && (entities.visitType || entities.site || entities.day || entities.band || entities.soonest))
    intent = 'book';
  // At the menu, "una cita de pediatría, primera vez" or "necesito control" is a booking, whatever the classifier weighed.
  if (intent === 'none' && question === 'menu' && picked === undefined && (entities.specialty || entities.visitType) && optionValue(expectation.options, 'book')) {
    intent = 'book';
    pickedBook = true;
  }
  // ("Ahora lo mismo pero para el niño" at the menu: the cita just booked, again, for someone else.)
  // ("Ahora lo mismo pa Mateo": the same again, for someone else, never a change of patient at the menu.)
  if ((intent === 'none' || intent === 'change_patient') && question === 'menu' && picked === undefined && entities.sameAgain && entities.patients?.length) intent = 'book';
  // ("Es que la niña tiene mucha tos y fiebre desde ayer" at the start or the menu: someone ill, told, and nothing else asked; a
  // cita is what the member came for. Member testing.)
  if (
    (question === 'start' || question === 'menu') &&
    intent === 'none' &&
    picked === undefined &&
    entities.patients?.length === 1 &&
    UNWELL.test(normalized) &&
    !normalized.includes('?') &&
    // ("…desde ayer, ¿qué hago?" asks what to do; "la niña sigue con fiebre" after her cita tells how she is.)
    !/\b(?:que (?:hago|hacemos|puedo hacer|le doy|le puedo dar)|sigue|siguen)\b/.test(wordsText) &&
    operationCue(wordsText) === undefined
  ) {
    intent = 'book';
    if (question === 'menu' && optionValue(expectation.options, 'book')) pickedBook = true;
  }
  // A document, a date of birth or an e-mail where one is asked is the answer, whatever else the words suggest.
  // A question about why it is asked ("¿para qué necesitan mi cédula?") is help, unless the answer comes with it.
  const onlyAsksWhy = intent === 'help' && !entities.documentNumber && !entities.birthDate && !entities.email;
  // "Necesito cancelar una cita, mi cc es 1010101010": the operation a cue names is kept with the document, and acted on after
  // identification. Not a booking: "ojalá me den la cita pronto" with a date of birth is a wish, and booking is the default anyway.
  const namedOperation = IDENTITY_QUESTIONS.has(question) && OPERATIONS.has(intent) && intent !== 'book' && operationCue(wordsText) === intent;
  if (!intentRead.ruled && answersQuestion(question, entities) && !['goodbye', 'menu', 'back'].includes(intent) && !onlyAsksWhy && !namedOperation) intent = 'none';
  // "No me sé la fecha de ella", "¿al correo me llega la cita?": where a document, a date of birth or an e-mail is asked, a move,
  // a cancellation, other days or more times only the classifier weighed, with no word of one, is none.
  if (
    IDENTITY_QUESTIONS.has(question) &&
    (intent === 'reschedule' || intent === 'cancel' || intent === 'other_day' || intent === 'more_times') &&
    !intentRead.ruled &&
    operationCue(wordsText) === undefined &&
    !OTHER_DAY_CUE.test(wordsText) &&
    !MORE_TIMES_ASKED.test(wordsText)
  )
    intent = 'none';
  // ("Primero Sofi y después Mateo" at the patient question: an order of people, no times asked for before any are shown.)
  if (
    (question === 'patient' || question === 'specialty' || question === 'visitType' || question === 'site') &&
    intent === 'more_times' &&
    !intentRead.ruled &&
    !asksForTimes(wordsText)
  )
    intent = 'none';
  // ("Sí, radíquelo, no puedo esperar hasta la otra semana", "es no programada… no quiero esperar hasta la otra semana": the
  // wait refused is the reason, not another day asked for.)
  if (intent === 'other_day' && !intentRead.ruled && CANNOT_WAIT.test(wordsText) && !OTHER_DAY_CUE.test(wordsText.replace(CANNOT_WAIT, ' ')))
    intent = entities.yesNo === 'yes' ? 'affirm' : entities.yesNo === 'no' ? 'deny' : 'none';
  // "Y la que cancelé era con el Dr. Cárdenas, ¿puede ser con él?" at the slots: a cancellation or move only the classifier
  // weighed, with no word of one, is no request to leave the search for.
  if (
    (question === 'slot' || question === 'day' || question === 'band' || question === 'site' || question === 'visitType' || question === 'specialty') &&
    (intent === 'cancel' || intent === 'reschedule') &&
    !intentRead.ruled &&
    operationCue(wordsText) === undefined
  )
    intent = 'none';
  // "¿Al decirle que sí ya queda asignada la cita?" at a confirmation: a question, not an operation the classifier weighed.
  // ("Hola buen día, ¿me pueden colaborar con una cita médica?" to the authorisation: a cita asked for all the same.)
  if (
    YES_NO_QUESTIONS.has(question) &&
    OPERATIONS.has(intent) &&
    !intentRead.ruled &&
    normalized.trimEnd().endsWith('?') &&
    operationCue(wordsText) === undefined &&
    !yesNo &&
    !(question === 'consent' && intent === 'book' && citaAskedIn(wordsText))
  )
    intent = 'none';
  // "Es cédula de ciudadanía. Disculpe, olvidé indicarlo en el mensaje anterior": an answer picked, with an apology, goes back nowhere.
  if (intent === 'back' && !intentRead.ruled && picked !== undefined && !BACK_CUE.test(normalized) && !/\bme (equivoque|confundi)\b/.test(normalized)) intent = 'none';
  // "En la tarde xq Mateo tiene colegio", "es de control porque ya la habían visto": an answer to the form with a story
  // around it, not another operation, unless a word of one says so.
  if (
    (BOOKING_QUESTIONS.has(question) || question === 'patient') &&
    (intent === 'consult' || intent === 'cancel' || intent === 'reschedule') &&
    !intentRead.ruled &&
    (picked !== undefined || answersQuestion(question, entities)) &&
    operationCue(wordsText) === undefined
  )
    intent = 'none';
  // "Uy no, a esa hora la niña está en el jardín, cámbiemela para después de las 3" at the slots: "it" is the
  // slot being chosen, and the time (day, band) said is the one wanted; an appointment named ("la cita del
  // miércoles", "la de Mateo") or a day it is on besides the new one is a move of that appointment.
  if (
    question === 'slot' &&
    intent === 'reschedule' &&
    picked === undefined &&
    (entities.time || entities.newTime || entities.day || entities.band) &&
    MOVE_IT.test(normalized) &&
    !NAMES_AN_APPOINTMENT.test(normalized) &&
    !entities.specialty &&
    (entities.newDay === undefined || entities.newDay === entities.day)
  ) {
    intent = 'none';
    if (entities.newTime && !entities.time) entities.time = entities.newTime;
    delete entities.newDay;
    delete entities.newTime;
    // Who was named before the move ("a esa hora la niña está en el jardín") is the reason, not whom it is for.
    const move = MOVE_IT.exec(normalized);
    const after = move ? normalized.slice(move.index + move[0].length) : '';
    if (!(expectation.people ?? []).some((name) => new RegExp(`\\b${name}\\b`).test(after)) && !FOR_SOMEONE.test(after)) delete entities.patients;
  }
  // "¿Qué horarios hay pa Mateo el lunes?" before any slot is shown: a booking.
  if ((question === 'start' || question === 'menu') && (intent === 'more_times' || intent === 'other_day') && picked === undefined) {
    intent = 'book';
    if (question === 'menu' && optionValue(expectation.options, 'book')) pickedBook = true;
  }
  // "¿A qué hora es la primera?" at the slots asks about a slot shown, not about the member's appointments.
  // ("¿Y la de Mateo cuándo es?" asks about Mateo's cita: a consultation, never a change of patient.)
  if (
    BOOKING_QUESTIONS.has(question) &&
    intent === 'consult' &&
    !/^(consultar|consultar citas|consultar mis citas)$|\b(mis citas|mi cita|tengo|tiene|tienen|tenemos|citas de|cita de|citas pendientes|citas programadas)\b|\b(la|el) (cita |consulta )?(de|del) [a-z]+ (cuando|a que hora|que dia)\b/.test(
      wordsText,
    )
  )
    intent = 'none';
  // Asking to book while answering a question of the booking form is answering it.
  if (intent === 'book' && BOOKING_QUESTIONS.has(question) && (picked !== undefined || hasBookingEntity(entities))) intent = 'none';
  // ("Medicina general, que le miren si es un esguince nada más": an option picked is no goodbye without a word of leaving.)
  if (intent === 'goodbye' && !intentRead.ruled && BOOKING_QUESTIONS.has(question) && picked !== undefined && !/\b(chao|chau|adios|bye|hasta luego|me despido)\b/.test(normalized))
    intent = 'none';
  // ("Sí señorita, muchas gracias, chao", "dale gracias chao" at «¿La confirmo?»: the yes, so what was asked is done before the
  // member leaves; a goodbye alone, or with a no, still ends the operation undone.)
  if (intent === 'goodbye' && (question === 'confirm' || question === 'offer') && yesNo === 'yes') intent = 'affirm';
  // Small talk around an answer is politeness: "hola, la 2", "nací el 15/03/1994, bendiciones".
  if ((intent === 'greet' || intent === 'thanks') && !intentRead.ruled && question !== 'start' && (picked !== undefined || answersQuestion(question, entities))) {
    intent = yesNo === 'yes' ? 'affirm' : yesNo === 'no' ? 'deny' : 'none';
  }
  // "No, es para Sofía", "espere, es para mi hija" in the middle of a flow: another patient. ("Ay no, mejor para mí, el niño
  // ya está bien": the reason given may look like another operation to the classifier; without a word of one, it is none.)
  const weighedOperation =
    (intent === 'cancel' || intent === 'consult' || intent === 'reschedule') && !intentRead.ruled && picked === undefined && operationCue(wordsText) === undefined;
  if (
    entities.patients?.length &&
    !['start', 'patient', 'consent', 'document', 'documentType', 'birthDate'].includes(question) &&
    (['none', 'deny', 'affirm', 'back', 'book'].includes(intent) || weighedOperation) &&
    CORRECTION.test(normalized)
  ) {
    // "No, quiero otra cita aparte para Mateo" asks for another booking.
    intent = ANOTHER_REQUEST.test(normalized) ? 'book' : 'change_patient';
  }
  // At the consent question, "sí, necesito una cita" consents and asks: the request is kept.
  if ((question === 'confirm' || question === 'offer') && !intentRead.ruled) {
    // "Sí, y también quiero una para Mateo": the yes, and a new booking.
    // ("Sí, y de una otra para Sofía el mismo día", "si, y para la niña también el mismo martes", "sí. Ahora la niña necesita
    // pediatría…": the same, with when or what it should be.)
    if (
      yesNo === 'yes' &&
      (ANOTHER_REQUEST.test(normalized) || (entities.patients?.length && NEXT_ONE_AFTER_YES.test(normalized))) &&
      (entities.patients?.length || entities.specialty) &&
      ['affirm', 'change_patient', 'book', 'other_day', 'more_times'].includes(intent)
    )
      intent = 'book';
    // "Sí, confírmela", "sí, cancélela", "sí gracias", "sí. ¿qué debo llevar?": the yes is the answer.
    else if (yesNo === 'yes' && (['book', 'consult', 'cancel', 'reschedule', 'thanks', 'more_times', 'none'].includes(intent) || (intent === 'back' && !BACK_CUE.test(normalized))))
      intent = 'affirm';
    // "No, ya no la necesito": the no is the answer. "No no no. Ese día no", "ay no, mejor no, ese día tengo turno": the day
    // refused is the reason for the no, not another day asked for; nor is "mejor vuelvo a escribir otro día".
    else if (
      yesNo === 'no' &&
      (['book', 'consult', 'cancel', 'thanks', 'none'].includes(intent) ||
        (intent === 'other_day' && refusesWithoutAnotherDay(normalized, entities)) ||
        (intent === 'more_times' && COME_BACK_ANOTHER_DAY.test(normalized)) ||
        // ("No, otra sede no, las demás me quedan lejísimos": a no with its reason, no other times asked for.)
        (intent === 'more_times' && question === 'offer' && !asksForTimes(normalized) && !/\b(?:hora|horas|horario|horarios|temprano|tarde)\b/.test(normalized)))
    )
      intent = 'deny';
  }
  // "No, perdón, mejor en la 26": another site (or specialty, day…), not another patient.
  if (
    intent === 'change_patient' &&
    !entities.patients?.length &&
    !PATIENT_CHANGE_CUE.test(normalized) &&
    !/\b(paciente|persona|otro hijo|otra hija)\b/.test(normalized) &&
    (entities.site || entities.specialty || entities.visitType || entities.band || entities.day)
  )
    intent = 'none';
  // "Me equivoqué, era primera vez" at the site question, "espere, me equivoqué, no era esa, era la otra": an earlier answer
  // given wrong, nobody named and no option of this question picked: going back ("ay no, pediatría, me confundí" answers).
  if (
    (intent === 'none' || (intent === 'change_patient' && !intentRead.ruled && !PATIENT_CHANGE_CUE.test(normalized))) &&
    !entities.patients?.length &&
    picked === undefined &&
    !['start', 'menu', 'patient', 'consent', 'document', 'documentType', 'birthDate'].includes(question) &&
    /\bme (equivoque|confundi)\b(?! de (paciente|persona|nino|nina|hijo|hija))/.test(normalized) &&
    !/\b(paciente|persona|para mi|pa mi)\b/.test(normalized)
  )
    intent = 'back';
  // "No, quiero otra cita aparte para Mateo": another booking, not another patient for this one.
  // ("Ah no tiene nada. Entonces agéndele el control a Mateo" among the citas listed: no booking is under way whose patient
  // could change; a booking asked for someone is a booking.)
  if (
    intent === 'change_patient' &&
    ((ANOTHER_REQUEST.test(normalized) && question !== 'patient') || (question === 'appointment' && !intentRead.ruled && operationCue(wordsText) === 'book'))
  )
    intent = 'book';
  // "Ahora una de pediatría pa Mateo", "ahora otra, para Sofía con médico general" at the menu: nothing is under way whose
  // patient could change; someone named with what only a booking asks for is a booking for them.
  if (
    intent === 'change_patient' &&
    (question === 'menu' || question === 'start') &&
    !intentRead.ruled &&
    !PATIENT_CHANGE_CUE.test(normalized) &&
    entities.patients?.length &&
    !/\bcambi/.test(normalized) &&
    (entities.specialty || entities.visitType || entities.site || /\b(?:una|otra|nueva)\b(?! (?:persona|paciente))/.test(normalized))
  ) {
    intent = 'book';
    if (question === 'menu' && picked === undefined && optionValue(expectation.options, 'book')) pickedBook = true;
  }
  // "Ahora Sofi", "ahora los niños, el mismo martes ojalá", "y ahora la de la niña" at the menu, one cita just booked: the next
  // one, for them.
  if (
    (intent === 'none' || intent === 'change_patient') &&
    question === 'menu' &&
    !intentRead.ruled &&
    picked === undefined &&
    entities.patients?.length &&
    operationCue(wordsText) === undefined &&
    !ANOTHER_REQUEST.test(normalized) &&
    !/\b(?:otro|otra) (?:hijo|hija|nino|nina)\b/.test(normalized) &&
    // (Someone alone, "ahora pal niño", switches to them and asks what to do; with a day, a band, a service or "también", the
    // next cita is asked for.)
    (entities.day || entities.band || entities.specialty || entities.visitType || entities.site || /\b(?:tambien|igual|lo mismo|otra|una)\b/.test(normalized)) &&
    /^\W*(?:(?:y|bueno|listo|ok|dale|perfecto|gracias)\W+)*(?:ahora|ahorita|sigue|seguimos con|continuamos con|continuemos con|vamos con|falta|faltan)\b(?! (?:no|si|que|como|cuando|donde|cual|la de|el de)\b)/.test(
      normalized,
    )
  ) {
    intent = 'book';
    if (question === 'menu' && picked === undefined && optionValue(expectation.options, 'book')) pickedBook = true;
  }
  // ("¿La del miércoles es con qué doctora?", "esa de pediatría del viernes es la de él?", "¿y la de pediatría es de cuál de
  // los niños?" at the menu, after the citas were listed: a question about one of them, answered by listing them again; no
  // booking of it.)
  if (
    question === 'menu' &&
    (intent === 'book' || intent === 'none' || intent === 'change_patient') &&
    !intentRead.ruled &&
    operationCue(wordsText) === undefined &&
    !citaAskedIn(wordsText) &&
    ONE_CITA_REFERRED.test(normalized) &&
    ASKED_OF_A_CITA.test(normalized) &&
    // ("Ahora la de Mateo, ¿se puede a la misma hora?": the next one's booking; "¿me recuerda la dirección de la de Kennedy?":
    // where it is, answered as such.)
    !/^\W*(?:y )?ahora (?:si )?(?:la|el) del?\b/.test(normalized) &&
    // ("¿Se puede volver a poner la misma? La del viernes a las 3": the same cita again, booked.)
    !entities.sameAgain &&
    outsideQuestion(normalized, question, entities) === undefined
  ) {
    intent = 'consult';
    // (The service it names picks no booking.)
    pickedBook = false;
    askedOfOne = true;
  }
  // ("No. La verdad no me gusta dar mis datos por WhatsApp, a mí ya una vez me clonaron el número" at the authorisation: the
  // answer; nobody's patient changes there.)
  if (question === 'consent' && intent === 'change_patient' && !intentRead.ruled && entities.yesNo) intent = entities.yesNo === 'yes' ? 'affirm' : 'deny';
  // ("Ahora sí la de Thiago, el gordo", "ahora la de Sofi" at the menu, after one was booked: the next one's booking.)
  if (
    question === 'menu' &&
    (intent === 'none' || intent === 'thanks' || intent === 'change_patient') &&
    !intentRead.ruled &&
    entities.patients?.length &&
    /^\W*(?:y )?ahora (?:si )?(?:la|el) del?\b/.test(normalized)
  )
    intent = 'book';
  // "¿Y no hay con la dra Marta Salazar? Ella es mi médica": a doctor asked for, never another patient.
  if (intent === 'change_patient' && (entities.doctor || entities.doctorName || entities.ownDoctor) && !entities.patients?.length) intent = 'none';
  // At the patient question, naming the patient is the answer, however it is put (a booking that opens the message,
  // "agendarle una a Mateo…", stays one: it replaces a look-up carried from the first message).
  // ("Cambie el paciente y póngala para mi nuera" says the change in words: it stays one.)
  if (
    question === 'patient' &&
    entities.patients?.length &&
    ((intent === 'book' && !(BOOKING_OPENS.test(wordsText) && operationCue(wordsText) === 'book')) ||
      intent === 'deny' ||
      (((intent === 'change_patient' && !PATIENT_CHANGE_CUE.test(normalized)) || intent === 'help') && !intentRead.ruled))
  ) {
    // ("Quiero agendar una cita para Mateo" where nothing was asked yet: the booking said is kept for the dialog.)
    if (intent === 'book' && operationCue(wordsText) === 'book') entities.bookingAsked = true;
    intent = 'none';
  }
  // A change of patient the classifier weighed, with an answer picked and no word of correction, is the answer ("medicina general para mí").
  if (intent === 'change_patient' && !intentRead.ruled && picked !== undefined && !CORRECTION.test(normalized) && !PATIENT_CHANGE_CUE.test(normalized)) intent = 'none';
  // Another day needs a day: "¿hay en Soacha?" at the site question asks about a site.
  if (
    intent === 'other_day' &&
    !entities.day &&
    entities.weekday === undefined &&
    !OTHER_DAY_CUE.test(normalized) &&
    !/\b(dia|dias|fecha|fechas|semana|semanas|mes|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b/.test(normalized)
  )
    intent = 'none';
  if (question === 'patient' && entities.patients?.length && intent === 'other_day' && !entities.day) intent = 'none';
  // "Es urgente, lo más pronto posible" answers the form's question; it does not ask for more slots.
  // "¿No hay más horarios?" at the band question asks, and answers nothing: it stays.
  if (
    intent === 'more_times' &&
    ((FORM_CHOICES.has(question) && (picked !== undefined || answersQuestion(question, entities) || !MORE_TIMES_ASKED.test(normalized))) ||
      question === 'appointment' ||
      (question === 'slot' && picked !== undefined))
  )
    intent = 'none';
  // "La de mi hijo, que ya se mejoró": which appointment, not a new booking.
  if (question === 'appointment' && intent === 'book' && !citaAskedIn(wordsText) && !/\b(nueva|nuevo|sacar|pedir|agendar|saq\w+|sacal\w*|agend[ae]l\w*|pidal\w*)\b/.test(wordsText))
    intent = 'none';
  // "¿Hay algo a las 3?", "a las tres y media hay?" at the band, slots or days: a time or day asked for, not help, unless a word of help says so.
  if (
    (question === 'slot' || question === 'day' || question === 'band') &&
    intent === 'help' &&
    !intentRead.ruled &&
    (entities.time || entities.day || entities.band) &&
    !asksForHelp(words)
  )
    intent = 'none';
  // "¿Y el viernes?", "¿no tiene para el jueves?": asking for a day none of the slots or days shown is on.
  // ("Mejor el miércoles", "más bien el lunes 30" at the slots: another day preferred.)
  if (
    (question === 'slot' || question === 'day') &&
    picked === undefined &&
    entities.day &&
    (intent === 'none' || intent === 'more_times' || (intent === 'deny' && question === 'slot' && PREFERS_A_DAY.test(normalized))) &&
    !entities.time &&
    (ASKS_FOR_DAY.test(normalized) || (question === 'slot' && PREFERS_A_DAY.test(normalized))) &&
    !LATER.test(normalized)
  )
    intent = 'other_day';
  if ((question === 'day' || question === 'slot') && picked !== undefined && intent === 'other_day') intent = 'none';
  // ("¿Hay algo más el miércoles?" where a slot of that Wednesday is shown: other times that day.)
  if (
    question === 'slot' &&
    picked === undefined &&
    intent === 'other_day' &&
    entities.day &&
    ANYTHING_ELSE.test(normalized) &&
    expectation.options.some((option) => option.start !== undefined && bogotaParts(option.start)?.day === entities.day)
  )
    intent = 'more_times';
  // "¿Hoy solo esas dos?", "¿mañana solo a las 9?": other times than those shown.
  if (question === 'slot' && picked === undefined && (intent === 'none' || intent === 'other_day') && ONLY_THOSE_ASKED.test(normalized)) intent = 'more_times';
  // "¿Hay algo después de las 4?": later than a time is more slots.
  if (question === 'slot' && picked === undefined && intent === 'none' && entities.time && TIME_BOUND.test(normalized)) intent = 'more_times';
  // "¿No hay 3:30?", "no hay a las 3 el miércoles?": other times asked for, from that time ("¿a las 3 y media hay?" asks for that time).
  if (
    question === 'slot' &&
    picked === undefined &&
    (intent === 'none' || (intent === 'other_day' && !OTHER_DAY_CUE.test(normalized))) &&
    entities.time &&
    /\bno (hay|habra|habria|tiene|tienen)\b/.test(normalized) &&
    normalized.includes('?')
  )
    intent = 'more_times';
  // "¿Algo más tardecito?", "ninguna de esas, necesito en la mañana": other times than those shown.
  if (
    question === 'slot' &&
    picked === undefined &&
    intent === 'none' &&
    !entities.day &&
    (LATER.test(normalized) || ANYTHING_ELSE.test(normalized) || MORE_ASKED.test(wordsText) || (NONE_OF_THESE.test(normalized) && entities.band))
  )
    intent = 'more_times';
  // "¿No hay más tarde el miércoles?": later times that day.
  if (question === 'slot' && picked === undefined && intent === 'none' && entities.day && !entities.time && LATER.test(normalized)) intent = 'more_times';
  // "¿No hay nada más temprano hoy?" where today's slots are shown: earlier times that day.
  if (
    question === 'slot' &&
    picked === undefined &&
    (intent === 'none' || intent === 'other_day') &&
    entities.earlier &&
    entities.day &&
    !entities.time &&
    expectation.options.some((option) => option.start !== undefined && bogotaParts(option.start)?.day === entities.day)
  )
    intent = 'more_times';
  // "¿No hay nada hoy en la mañana?", "¿no hay nada el miércoles por la tarde?" where that day's slots are shown: other times
  // that day, in that band.
  if (
    question === 'slot' &&
    picked === undefined &&
    (intent === 'none' || (intent === 'other_day' && !OTHER_DAY_CUE.test(normalized))) &&
    entities.band &&
    entities.day &&
    !entities.time &&
    /\b(?:no )?(?:hay|habra|habria|tiene|tienen|tendra|tendria)(?: (?:nada|algo|algun|alguna|mas|otra|otro))*\b/.test(normalized) &&
    expectation.options.some((option) => option.start !== undefined && bogotaParts(option.start)?.day === entities.day)
  )
    intent = 'more_times';
  // ("Espere no, no era para mí", "ay no, no es para mí": whom the cita is for taken back, nobody else named yet: another patient.)
  if (BOOKING_QUESTIONS.has(question) && intent === 'none' && picked === undefined && !entities.patients && NOT_FOR_ME.test(normalized)) {
    intent = 'change_patient';
    entities.yesNo = 'no';
  }
  // "La 2 no me sirve": the slots shown do not suit, as "ninguna me sirve" says.
  if ((question === 'slot' || question === 'day') && picked === undefined && intent === 'none' && turnedDown(words)) {
    intent = 'deny';
    entities.yesNo = 'no';
  }
  // "Ay no, esos no me sirven, ¿hay más?", "ay no, en la mañana mejor, ¿no tiene algo temprano?": turned down, and other times
  // asked for.
  if (question === 'slot' && picked === undefined && intent === 'deny' && !entities.day && MORE_ASKED.test(wordsText)) intent = 'more_times';
  return { intent, pickedBook, askedOfOne, askedWhetherHas };
}

/** The intent and the option chosen, settled before the questions asked by the way are weighed. */
interface ChoiceSettled {
  intent: Intent;
  choice: string | undefined;
}

/**
 * The intent settled further with the option chosen, before the questions asked by the way, the complaints and whose data are
 * weighed. (A function of its own: see `settleFirst`.)
 */
function settleChoice(reads: Reads): ChoiceSettled {
  const { message, expectation, entities, yesNo, intentRead, picked } = reads;
  const { words, normalized } = message;
  const wordsText = words.join(' ');
  const question = expectation.question;
  const first = settleFirst(reads);
  let { intent } = first;
  const { pickedBook, askedOfOne, askedWhetherHas } = first;
  let choice = askedOfOne && picked?.by !== 'number' ? optionValue(expectation.options, 'consult') : (picked?.value ?? (pickedBook ? 'book' : undefined));
  if (askedWhetherHas && question === 'menu') choice = optionValue(expectation.options, 'consult') ?? choice;
  // "¿Y esa me la puede pasar pal jueves?" where no slot is being chosen: moving an appointment.
  if (entities.newDay && (intent === 'none' || intent === 'other_day') && MOVE_QUESTIONS.has(question) && (picked === undefined || question === 'appointment')) {
    intent = 'reschedule';
    if (question === 'menu' || question === 'existing') choice = optionValue(expectation.options, 'reschedule') ?? choice;
  }
  // ("No me gusta ese médico, me la cambia con otro médico pero el mismo día": "me la cambia" moves the cita there is,
  // whatever a new doctor sounds like.)
  if (intent === 'book' && (question === 'menu' || question === 'start') && picked?.by !== 'number' && MOVES_THE_CITA.test(wordsText)) {
    intent = 'reschedule';
    choice = optionValue(expectation.options, 'reschedule') ?? (question === 'menu' ? choice : undefined);
  }
  // "Que me la cambien para otro día", "¿se puede cambiar solo la hora?" to «Ya tienes una cita de esta especialidad»: that
  // cita moved.
  if (
    question === 'existing' &&
    picked === undefined &&
    (intent === 'other_day' || intent === 'none') &&
    (intent === 'other_day' || /\b(cambi\w*|mover|muev\w*|pas\w*|corr\w*) (solo |solamente )?(la hora|el dia|la fecha|el horario)\b/.test(wordsText))
  ) {
    intent = 'reschedule';
    choice = optionValue(expectation.options, 'reschedule') ?? choice;
  }
  // "¿No puedo tener dos?", "¿por qué no puedo sacar otra?" at the one-per-specialty question: why, explained.
  if (question === 'existing' && picked === undefined && ONLY_ONE_ASKED.test(normalized)) {
    intent = 'help';
    choice = undefined;
    entities.asks = 'meaning';
  }
  // "¿Hay con la dra Patiño?" at the slots: a doctor asked for, never the line for a person.
  if (intent === 'help' && (entities.doctorName || entities.doctor) && PERSON_WORDS.find(words).length === 0 && !entities.asks) intent = 'none';
  // "Primero para mí y después para Sofía": the people in the order said.
  // ("Arranquemos por Sofi y después el niño", "empecemos con la niña, luego Mateo": likewise.)
  if (
    (entities.patients?.length ?? 0) >= 2 &&
    /\b(?:primero|(?:empecemos|empezamos|empiece|empieza|arranquemos|arrancamos|arranque|comencemos|comenzamos|comience) (?:por|x|con))\b.*\b(?:despues|dsps|dps|luego|y ya despues|y de ahi)\b/.test(
      normalized,
    )
  )
    entities.inOrder = true;
  // "La primera que haya" at the visit-type question: the earliest slot wished for, not the option "Primera vez" by its place.
  if (question === 'visitType' && entities.soonest && FIRST_AVAILABLE.test(normalized) && !/\bvez\b/.test(normalized)) {
    choice = undefined;
    delete entities.visitType;
  }
  // "La urgente, la de hoy", "hoy o el siguiente día, como dice ahí" at the visit type: what "no programada" is, not a day asked
  // for (the visit type already means today or the next working day).
  if (
    question === 'visitType' &&
    choice === 'no_programada' &&
    entities.day &&
    !entities.time &&
    /\b(?:la de hoy|hoy o (?:el )?(?:siguiente dia|dia siguiente|manana))\b/.test(normalized) &&
    !/\b(?:para|pa) (?:hoy|manana)\b|\b(?:lunes|martes|miercoles|jueves|viernes|sabado|\d{1,2} de)\b/.test(normalized)
  ) {
    delete entities.day;
    delete entities.weekday;
    entities.visitType = 'no_programada';
    if (intent === 'other_day') intent = 'none';
  }
  // "27" at the days shown: the day picked is the day said.
  if (question === 'day' && picked?.by === 'words' && !entities.day) entities.day = picked.value;
  // "Mañanaaa", "la última, el PPT": the option picked is also what the message says.
  if (question === 'band' && picked?.by === 'words' && !entities.band && !entities.time && (picked.value === 'manana' || picked.value === 'tarde' || picked.value === 'cualquiera'))
    entities.band = picked.value;
  // ("Primero Mayo" at the site question: the site it names, never the first option by "primero".)
  if (question === 'site' && picked?.by === 'number' && entities.site && choice !== entities.site && optionValue(expectation.options, entities.site)) choice = entities.site;
  // "La de los niños" at the specialty question: the specialty its words name.
  if (question === 'specialty' && picked?.by === 'words' && !entities.specialty && (picked.value === 'medicina_general' || picked.value === 'pediatria'))
    entities.specialty = picked.value;
  // ("Primera" at the visit-type question: the first words of "Primera vez"; "la primera" is the first option.)
  if (question === 'visitType' && !entities.visitType && picked?.value === 'primera_vez' && /^\W*primera\W*$/.test(normalized)) entities.visitType = 'primera_vez';
  if (question === 'documentType' && picked?.by === 'words' && !entities.documentType) entities.documentType = picked.value as NonNullable<Entities['documentType']>;
  // "Para mí y para Sofía una cita", "bns tardes una cita xfa": a first message about a cita asks for one
  // (naming patients there is no change of patient: nobody was chosen yet).
  if (question === 'start' && intent === 'change_patient' && !intentRead.ruled && !PATIENT_CHANGE_CUE.test(normalized) && !CORRECTION.test(normalized) && citaAskedIn(wordsText))
    intent = 'none';
  // "Q toca pa sacarle cita a mis sobrinos?", "cita pa mis nietos": a cita asked for, which the classifier may weigh as looking
  // one up; only a word of looking up ("tiene", "a qué hora") keeps it so.
  if (
    intent === 'consult' &&
    (question === 'start' || question === 'menu') &&
    picked === undefined &&
    !intentRead.ruled &&
    operationCue(wordsText) === undefined &&
    citaAskedIn(wordsText) &&
    (/\b(sac\w*|pedir|pido|agend\w*|separ\w*|apart\w*|vea|viera|revise|revisara)\b/.test(wordsText) ||
      (/\bcita (pa|para|pal)\b/.test(wordsText) && !/\b(cuando|hora|horas|dia|tiene|tengo|tienen|tenemos|quedo|quedó)\b/.test(wordsText)))
  )
    intent = 'none';
  // "Y ahora me saca una nueva en la misma sede", and at «¿La cancelo?» "y ahora una nueva para el viernes": a booking.
  const asksForACita = citaAskedIn(wordsText) || A_NEW_ONE.test(wordsText);
  // ("Ok, ninguno tiene, gracias. Sácale una a Mateo" at the patient question: Mateo, and a booking for him.)
  if (intent === 'none' && question === 'patient' && asksForACita && A_NEW_ONE.test(wordsText) && !intentRead.ruled) intent = 'book';
  // ("Déjeme la cita del miércoles como estaba": the cita kept, none asked for.)
  if (
    intent === 'none' &&
    (question === 'start' || question === 'menu' || (question === 'confirm' && asksForACita)) &&
    picked === undefined &&
    asksForACita &&
    !intentRead.ruled &&
    !KEEP_IT.test(wordsText)
  ) {
    intent = 'book';
    if (question === 'menu' && optionValue(expectation.options, 'book')) choice = 'book';
  }
  // "No señorita, a esa hora la niña está en el colegio", "mejor no, déjelo así, ya el niño amaneció mejor": at a confirmation
  // or an offer, a child said with how or where they are is the reason of the answer, never another patient.
  if (
    (question === 'confirm' || question === 'offer') &&
    (entities.yesNo !== undefined || entities.leaveAsIs) &&
    !PATIENT_CHANGE_CUE.test(normalized) &&
    // ("Ay no, mejor para Mateo, que es el que está enfermo": the one it is for, and why.)
    !/\b(?:para|pa|pal) (?:el |la |mi )?\w+ (?:(?:que|q) )?(?:(?:es|era) (?:el|la) (?:que|q) )?(?:esta|anda|amanecio|se siente|tiene)\b/.test(wordsText) &&
    // ("…mejor que sea para Mateo, que la niña ya se alivió y el que está enfermo es él": likewise, the one ill said apart.)
    !(
      /\b(?:para|pa|pal) (?:el |la |mi )?\w+\b/.test(wordsText) &&
      /\b(?:el|la) (?:que|q) (?:esta|anda|amanecio|sigue|se siente) (?:enferm[oa]|malit[oa]|mal|con fiebre|con tos|con gripa)\b/.test(wordsText)
    ) &&
    // ("Sí, gracias, Mateo se queda con la abuela mientras tanto": who stays with whom, said with the yes.)
    // ("No, espere, el viernes tengo que llevar a Sofi a la cita de ella; mejor el lunes 30": an errand with someone else.)
    ((intent === 'change_patient' && (REASON_ABOUT_SOMEONE.test(wordsText) || ERRAND_WITH.test(wordsText))) ||
      // ("No, en la tarde no puedo q recojo a Mateo del colegio": a change of patient weighed where nobody is named for the cita.)
      // ("No no, el paciente es Juan mi sobrino" is the change, whoever is read.)
      (intent === 'change_patient' && !intentRead.ruled && !entities.patients?.length && !/\b(?:paciente|para|pa|pal)\b/.test(wordsText)) ||
      ((intent === 'affirm' || intent === 'deny') && entities.patients?.length && (STAYS_WITH.test(wordsText) || ERRAND_WITH.test(wordsText) || HAS_AN_EVENT.test(wordsText))))
  ) {
    intent = entities.yesNo === 'yes' ? 'affirm' : entities.yesNo === 'no' ? 'deny' : 'none';
    delete entities.patients;
  }
  // "Buenas tardes, le escribe la abuela de Mateo desde el celular de mi hija Laura": who writes, and from whose phone; nobody
  // named for a cita, so no change of patient (a greeting, when it opens with one).
  // ("Hola, soy la hermana de Laura, le escribo del cel de ella" at any later question: a greeting too, never a miss.)
  const greets = /^\W*(?:hola|ola|buenas|buenos dias|buen dia|buenas tardes|buenas noches|saludos)\b/.test(normalized);
  if (
    (question === 'start' || (greets && choice === undefined && !YES_NO_QUESTIONS.has(question) && !IDENTITY_QUESTIONS.has(question))) &&
    (intent === 'change_patient' || (intent === 'none' && question !== 'start')) &&
    !intentRead.ruled &&
    entities.writer !== undefined &&
    !entities.patients?.length &&
    !PATIENT_CHANGE_CUE.test(normalized) &&
    operationCue(wordsText) === undefined
  )
    intent = greets ? 'greet' : 'none';
  // "Ok acepto, pero la cita no es para mí, es para Mateo": consent, with the patient said (kept for after identification).
  if (question === 'consent' && yesNo === 'yes' && intent === 'change_patient') intent = 'affirm';
  // "Sí señorita, con mucho gusto autorizo": consent and nothing asked for, whatever the classifier weighed.
  if (question === 'consent' && yesNo === 'yes' && OPERATIONS.has(intent) && !intentRead.ruled && operationCue(wordsText) === undefined && !citaAskedIn(wordsText))
    intent = 'affirm';
  // "¿Q es eso de autorizar?", "sí, pero ¿para qué es?", "¿y si no acepto?": a question about the authorisation is no answer
  // to it (Ley 1581 asks for a clear yes): what it is for is explained, and the question asked again.
  if (question === 'consent' && asksAboutConsent(normalized, words, intent, entities)) {
    intent = 'help';
    choice = undefined;
    delete entities.yesNo;
  }
  // "¿Para qué necesita mi fecha de nacimiento?", "¿para qué piden la cédula?" where the member is being identified: why.
  if (
    IDENTITY_QUESTIONS.has(question) &&
    !entities.documentNumber &&
    !entities.birthDate &&
    /\b(para|pa|por) (que|q) (me |le |nos )?(necesita|necesitan|piden|pide|quiere|quieren|es|son|sirve)\b|\b(para|pa|por) (que|q) (el|mi|su) (correo|email|mail)\b/.test(normalized)
  ) {
    intent = 'help';
    choice = undefined;
    entities.asks = 'meaning';
  }
  // "No me acuerdo del correo", "el correo no me lo sé" at the e-mail question: they have one, not at hand; where else one can come from.
  if (question === 'email' && !entities.email && !entities.noEmail && FORGOT_EMAIL.test(normalized)) {
    intent = 'none';
    choice = undefined;
    entities.asks = 'forgotEmail';
  }
  // "¿Se lo puedo mandar después?" at the e-mail question: why it is needed now, explained.
  if (question === 'email' && !entities.email && /\b(?:mand|envi|dar|d|pas|escrib)\w* (?:despues|mas tarde|luego|otro dia|ahorita no)\b/.test(normalized)) {
    intent = 'help';
    choice = undefined;
    entities.asks = 'meaning';
  }
  // "¿Y no me pueden mandar la respuesta por WhatsApp?" at the e-mail question: why it has to be an e-mail.
  if (
    question === 'email' &&
    !entities.email &&
    !entities.noEmail &&
    /\b(mand|envi|escrib|respond|contest)\w* (la respuesta |eso |el caso )?(por|al|a mi|a este) (whatsapp|wasap|guasap|aca|aqui|este chat|el chat|mensaje|celular|numero)\b/.test(
      normalized,
    )
  ) {
    intent = 'help';
    choice = undefined;
    entities.asks = 'meaning';
  }
  // "Espéreme le pregunto a mi esposo si puede llevarme": away to ask someone first; Lina waits (the one asked is no patient).
  if (YES_NO_QUESTIONS.has(question) && ASKING_SOMEONE_FIRST.test(normalized) && entities.yesNo === undefined) {
    intent = 'none';
    choice = undefined;
    delete entities.patients;
    entities.asks = 'wait';
  }
  // "Espere un momento", "un segundito, ya le digo", "el de mi hija, ya se lo pregunto, espéreme un momentico": the member is away
  // for a moment; Lina waits, never a miss.
  if (
    (WAIT_A_MOMENT.test(normalized) ||
      // ("Ya vuelvo que la niña me está llamando": away for a moment, and why; nobody is asked for.)
      BACK_SOON.test(normalized) ||
      (WAIT_AT_THE_END.test(normalized) &&
        choice === undefined &&
        !OPERATIONS.has(intent) &&
        !normalized.includes('?') &&
        !hasBookingEntity(entities) &&
        !entities.patients?.length &&
        !entities.documentNumber &&
        !entities.birthDate &&
        !entities.email)) &&
    !YES_NO_ANSWERED.test(normalized)
  ) {
    intent = 'none';
    choice = undefined;
    entities.asks = 'wait';
  }
  // "Sí… bueno, no sé" at the authorisation or an offer: a doubt, no answer (never the no the classifier may weigh it as, which
  // would end the conversation or skip a rung; at a confirmation it only goes back to the list, as before).
  if (
    (question === 'consent' || question === 'offer') &&
    yesNo === undefined &&
    !intentRead.ruled &&
    (intent === 'affirm' || intent === 'deny') &&
    /\bno (?:se|sabria|estoy segur[oa])\b/.test(normalized)
  ) {
    intent = 'none';
    choice = undefined;
  }
  if (
    choice === undefined &&
    YES_NO_QUESTIONS.has(question) &&
    (intent === 'affirm' || intent === 'deny') &&
    !(yesNo === undefined && intentRead.ruled === false && intent === 'deny' && entities.noEmail)
  ) {
    choice = intent === 'affirm' ? optionValue(expectation.options, 'yes') : optionValue(expectation.options, 'no');
  }
  // "¿Qué es no programada?", "¿cuál es la diferencia?": what the options mean is asked, none is picked.
  if (
    EXPLAINED_QUESTIONS.has(question) &&
    ASKS_WHAT_IT_IS.test(normalized) &&
    !entities.patients?.length &&
    !/\b(persona|asesor|asesora|humano|alguien|ayuda|ayudar|ayudame|ayudeme)\b/.test(normalized) &&
    // ("No entiendo nada, mija, yo solo quiero saber si tengo cita": what the member wants, said after the confusion.)
    operationCue(normalized) !== 'consult'
  ) {
    intent = 'help';
    choice = undefined;
    delete entities.specialty;
    delete entities.visitType;
    delete entities.band;
    delete entities.yesNo;
    entities.asks = 'meaning';
  }
  // "¿Y eso qué es?" at any other question with options: what the question means, explained, nothing picked.
  if (!EXPLAINED_QUESTIONS.has(question) && WHAT_IS_THIS.test(normalized) && !entities.asks) {
    intent = 'help';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'meaning';
  }
  // "¿Y con qué doctor es?" at the offer of another doctor, "¿y si radico el caso me dan la cita con la doctora Marta?" at the
  // case offer: what a yes does (each slot says its doctor; the team looks for a cita and answers by e-mail).
  if (
    question === 'offer' &&
    !entities.asks &&
    (ASKS_DOCTOR.test(normalized) || (/\b(?:y )?si (?:lo |la )?radic\w*\b/.test(normalized) && normalized.includes('?'))) &&
    entities.yesNo === undefined
  ) {
    intent = 'help';
    choice = undefined;
    entities.asks = 'meaning';
  }
  // "No tengo correo, mejor llámenme" at the e-mail question: no e-mail, which that question's answers cover.
  if (question === 'email' && entities.noEmail && intent === 'help' && PERSON_WORDS.find(words).length === 0) intent = 'none';
  // "No tengo la cédula a la mano", "después le escribo" where the member is being identified: put off, said kindly, never a miss.
  if (
    IDENTITY_QUESTIONS.has(question) &&
    !entities.documentNumber &&
    !entities.birthDate &&
    /\b(no tengo (la|mi|el) (cedula|documento|tarjeta|registro)( a la mano| aqui| conmigo| ahorita)?|(despues|luego|mas tarde|ahorita) (le |te |les )?(escribo|vuelvo a escribir)|(no me (la )?se|no se) (la|su) fecha[\w ,.]* (le|te) pregunto|(ya |dejeme |espereme |espere |un momento |un segundo )?(la |lo )?(busco|voy a buscar|saco|miro|reviso) (la|mi|el|su) (cedula|documento|tarjeta|registro|fecha|papel))\b/.test(
      normalized,
    )
  ) {
    entities.documentLater = true;
    choice = undefined;
  }
  // "¿Hay alguna persona que me atienda?", "me pasa con un humano" first or at the authorisation: the line, never the
  // reason for the authorisation nor a booking.
  if ((question === 'start' || question === 'consent') && PERSON_WORDS.find(words).length > 0 && entities.yesNo === undefined && !entities.documentNumber) {
    // ("Quiero hablar con una persona para cambiar mi cita del miércoles": the line, and the move kept for after.)
    // ("¿Hay alguna persona que me atienda?": that is the person, no booking.)
    const cued = question === 'start' ? operationCue(normalized) : undefined;
    // ("Es por una cita de Sofía" names no booking either: only a verb of booking does.)
    // ("…el sistema no me deja sacar cita": the trouble the member has booking, told to the person asked for.)
    const operation =
      cued === 'book' &&
      (!/\b(sacar|sacarle|agendar|agendarle|pedir|pedirle|separar|separarle|reservar)\b/.test(normalized) ||
        /\bno (?:me |nos )?(?:deja|dejo|dejan|pude|puedo|he podido|hemos podido|logro|logre)\s+(?:\w+\s+)?(?:sacar|agendar|pedir|separar|reservar)/.test(normalized))
        ? undefined
        : cued;
    intent = operation ?? 'help';
    choice = undefined;
    entities.asks = 'person';
  }
  return { intent, choice };
}

/** The understanding of a message: the intent settled, the option chosen, the entities. */
export function settleIntent(reads: Reads): Understanding {
  const { message, expectation, entities, yesNo, intentRead, picked } = reads;
  const { words, normalized } = message;
  const wordsText = words.join(' ');
  const question = expectation.question;
  let { intent, choice } = settleChoice(reads);
  let score = intentRead.score;
  /** What the question means is asked ("¿qué es USS?", "¿la fecha de quién?"): explained before it is asked again; nothing picked. */
  const explainQuestion = (): void => {
    intent = 'none';
    choice = undefined;
    entities.asks = 'meaning';
  };
  // "¿Dónde queda la sede de Kennedy?", "¿cuánto vale la cuota moderadora?": a question Lina answers (or says she
  // cannot) before asking the pending one again. Nothing is picked: "la de Kennedy, ¿dónde queda?" at the site question
  // asks where it is, it does not choose it yet.
  const answersIdentity = entities.documentNumber || entities.birthDate || entities.email;
  // "¿Y si no llego a la cita qué pasa? ¿Me cobran?": a question, whatever its words look like ("si" is no yes, "no
  // puedo ir a la cita" said as a supposition cancels nothing); only an operation asked besides it is acted on.
  // ("Sí, porfa. ¿Y si llego tarde me la cancelan?" at a confirmation: the yes said first, set apart, is the answer. "Si no
  // voy a la cita, ¿me cobran?" says no yes: its "si" opens the supposition.)
  const supposedAt = normalized.search(MISSED_SUPPOSITION_ONCE);
  const answeredFirst = YES_NO_QUESTIONS.has(question) && yesNo !== undefined && supposedAt > 0 && /[a-z].*[.!,;]\s*(y\s*)?[¿]?\s*(y\s+)?$/.test(normalized.slice(0, supposedAt));
  // (Whatever `ASKS_ABOUT_MISSING` matches holds a supposition or one of the parts both expressions share: without one found,
  // the costlier expression, `.*` on both sides, is not run.)
  if (
    !answersIdentity &&
    !entities.asks &&
    !answeredFirst &&
    supposedAt >= 0 &&
    ASKS_ABOUT_MISSING.test(normalized) &&
    operationCue(normalized.replace(MISSED_SUPPOSITION, ' ')) === undefined
  ) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'noShow';
  }
  // "La cita del miércoles" at the list of appointments to move or cancel: which one, never a new booking.
  if (question === 'appointment' && intent === 'book' && !intentRead.ruled && !/\b(agend|sac|saq|pid|ped|separ|reserv|nuev)\w*/.test(normalized)) intent = 'none';
  // ("Entonces agéndele el control a Mateo": a new cita asked for; the visit named picks none of the citas listed.)
  else if (question === 'appointment' && intent === 'book' && picked?.by === 'words' && operationCue(wordsText) === 'book') choice = undefined;
  // "¿Ya quedó la cita?", "¿sí quedó cancelada?" at the menu: a check of what was just done (the citas looked up when nothing
  // was), never a booking ("la cita" read as one) nor a cancellation.
  if (question === 'menu' && !entities.asks && asksIfDone(normalized)) {
    intent = 'consult';
    choice = optionValue(expectation.options, 'consult');
    entities.asks = 'done';
  }
  // "¿Y si la cancelo la puedo volver a sacar?" at «¿La cancelo?»: whether another can be booked afterwards; nothing cancelled.
  if (
    question === 'confirm' &&
    !entities.asks &&
    REBOOK_ASKED.test(normalized) &&
    !entities.day &&
    !entities.time &&
    !entities.band &&
    // ("Sí, ¿y después la puedo volver a sacar?" says yes with its question; "si la cancelo…" is an "if", and "sí, pero si la
    // cancelo… ¿cierto?" holds the yes back until it is answered.)
    !(entities.yesNo === 'yes' && YES_OPENING.test(normalized) && !IF_DONE.test(normalized) && !YES_BUT.test(normalized))
  ) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'rebook';
  }
  // "Pues… sí, o no sé, déjeme pensarlo" at «¿La cancelo?» or «¿La confirmo?»: a yes taken back into a doubt is no yes; nothing is
  // done, and the question is asked again.
  if ((question === 'confirm' || question === 'offer') && entities.yesNo === 'yes' && !entities.asks && DOUBT_AFTER_YES.test(normalized) && operationCue(wordsText) === undefined) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'doubt';
  }
  // "No sé, es que de pronto sí puedo ir" at «¿La cancelo?», "ay no sé, mi hija es la que sabe" at the authorisation: a doubt,
  // no answer, and no request the classifier may weigh it as; the question is explained or asked again.
  if (
    YES_NO_QUESTIONS.has(question) &&
    entities.yesNo === undefined &&
    !intentRead.ruled &&
    !entities.asks &&
    DOUBT_OPENING.test(normalized) &&
    // ("Mmm no sé, déjela, lo pienso" at «¿La cancelo?»: left as it is, which ends it; see `leaveAsIs`.)
    (!entities.leaveAsIs || question === 'offer') &&
    intent !== 'menu' &&
    intent !== 'back' &&
    // (A question after the doubt, "no sé, ¿será que alcanzo a llegar?", is answered as such.)
    (question === 'consent' || !normalized.includes('?')) &&
    operationCue(wordsText) === undefined
  ) {
    intent = question === 'consent' ? 'help' : 'none';
    choice = undefined;
    delete entities.patients;
    entities.asks = question === 'consent' ? 'meaning' : 'doubt';
    delete entities.leaveAsIs;
  }
  // ("No sé", "ay no sé cuál" at the slots or the days: a doubt, no miss; the list stays, with no hurry said.)
  if ((question === 'slot' || question === 'day') && intent === 'none' && picked === undefined && !entities.asks && NOT_SURE_WHICH.test(normalized)) {
    choice = undefined;
    entities.asks = 'doubt';
  }
  // "Sí pero espere le pregunto a mi esposo", "pues sí pero no sé si mejor la dejo": a yes held back (no yes, see `YES_HELD_BACK`);
  // Lina waits, or hears the doubt, and asks again; nothing is done.
  if (YES_NO_QUESTIONS.has(question) && entities.yesNo === undefined && !entities.asks && intent === 'none' && YES_HELD_BACK.test(wordsText)) {
    choice = undefined;
    entities.asks = /\bpero (?:(?:es que|pues|mejor|primero|ay|este) )*no (?:se|estoy segur)/.test(wordsText) ? 'doubt' : 'wait';
  }
  // "No, no es tan grave, yo prefiero la cita" after the warning about urgencias, while booking: go on with the question.
  if (
    BOOKING_QUESTIONS.has(question) &&
    !entities.asks &&
    choice === undefined &&
    !hasBookingEntity(entities) &&
    !entities.patients?.length &&
    GO_ON_WITH_THE_CITA.test(normalized)
  ) {
    intent = 'none';
    delete entities.yesNo;
    entities.asks = 'goOn';
  }
  // "Cancele el caso que radiqué": a RISS case, which this chat cannot withdraw; never an appointment cancelled.
  if (!answersIdentity && !entities.asks && CANCEL_CASE.test(normalized)) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'caseCancel';
  }
  // "¿A qué hora tengo que llegar?": when to arrive, not a cita asked for or looked up ("tengo" reads like one); only an
  // operation named besides it is acted on.
  if (!answersIdentity && !entities.asks && ASKS_ARRIVAL.test(normalized) && operationCue(normalized) === undefined) {
    // ("Sí, ¿y a qué hora tengo que llegar?" at a confirmation: the yes said first stands, answered with when to arrive.)
    const yesFirst = YES_NO_QUESTIONS.has(question) && entities.yesNo === 'yes' && YES_OPENING.test(normalized);
    // ("Suba, ¿y a qué hora toca llegar?": the answer said first stands too.)
    const answerFirst = choice !== undefined && picked?.by === 'words' && !YES_NO_QUESTIONS.has(question) && /^[^?¿]*[,.]/.test(normalized);
    if (!yesFirst && !answerFirst) {
      intent = 'none';
      choice = undefined;
      delete entities.yesNo;
    }
    entities.asks = 'arrival';
  }
  // "¿El pediatra le puede poner la vacuna ahí mismo?", "necesito que me renueven la fórmula", "¿ya salieron los resultados de
  // los exámenes?": something this chat does not do, asked with no cita asked for: where to go for it (and the cita that
  // leads there, where one does), then the pending question again; neither a booking nor a miss.
  // (Anywhere but where the member is identified or authorises the data.)
  const elsewhere = !answersIdentity && !entities.asks && !IDENTITY_QUESTIONS.has(question) && question !== 'consent' ? servedElsewhere(normalized) : undefined;
  // ("Control, es pa llevarle los resultados", "Chía; ¿cuáles sedes tienen laboratorio?": the pending question answered, the
  // rest is why or by the way.)
  if (
    elsewhere &&
    // (At the menu an operation only weighed from the words, none of them naming one, is no pick: "…la fórmula que ya se me
    // acabó" read as a cancellation.)
    // ("Ayuda, una persona que me explique lo de la autorización": help asked for stays help.)
    (picked === undefined || ((question === 'menu' || question === 'start') && picked.by === 'words' && ['book', 'consult', 'cancel', 'reschedule'].includes(picked.value))) &&
    // ("Buenos días, el médico me dejó un control de medicina general para revisar unos exámenes": a cita described.)
    !hasBookingEntity({ ...entities, ...(question === 'menu' || question === 'start' ? { specialty: undefined } : {}) }) &&
    !/\bcupos?\b/.test(normalized) &&
    !(question === 'patient' && entities.patients?.length) &&
    !entities.yesNo &&
    ((operationCue(wordsText) === undefined &&
      // ("¿El certificado se lo da el pediatra en la cita?": the cita spoken of, not asked for.)
      !citaAskedIn(wordsText.replace(/\ben (?:la|una|esa) (?:cita|consulta)\b/g, ' ')) &&
      !/\b(?:cita|citas|consulta|turno) (?:para|pa|de|con)\b/.test(normalized)) ||
      // ("Quiero agendar la vacuna de Sofía", "una cita para tomarme unos exámenes de sangre": what is asked to be booked is
      // itself what this chat does not book, with no service of its own named.)
      (operationCue(wordsText) === 'book' &&
        !entities.specialty &&
        !entities.visitType &&
        (elsewhere === 'vaccine' || elsewhere === 'lab') &&
        BOOKING_WHAT_IS_ELSEWHERE.test(normalized)))
  ) {
    intent = 'none';
    choice = undefined;
    delete entities.specialty;
    delete entities.visitType;
    entities.asks = elsewhere;
  }
  // "Cualquiera", "la que tenga cita más rápido", "Calle 42 o la 26, cualquiera de las dos" at the site question: any site, or
  // either, where Lina searches one at a time: she says so and asks for one (no miss).
  if (
    question === 'site' &&
    !entities.asks &&
    choice === undefined &&
    entities.site === undefined &&
    // ("La más cerca a mi casa": which is nearest, answered on its own.)
    !entities.nearestSite &&
    !entities.yesNo &&
    (intent === 'none' || intent === 'help' || intent === 'thanks') &&
    EITHER_WILL_DO.test(wordsText)
  ) {
    intent = 'none';
    // (Two sites weighed, "en Suba o en Calle 26": the dialog asks which of those two first.)
    if (!entities.sitesWeighed) entities.asks = 'anySite';
  }
  // (An operation only the classifier weighed, with no word of one, is no request: "pero ya le dije otra vez", "¿qué papeles
  // llevo?" read as a booking.)
  const onlyWeighed = OPERATIONS.has(intent) && !intentRead.ruled && operationCue(wordsText) === undefined && !citaAskedIn(wordsText);
  // "El correo no me lo sé, mi hija sí tiene", "gracias por todo, ya me llegó el correo con la cita": a move or a cancellation
  // only the classifier weighed, with no word of moving or cancelling, no option picked and nothing said of when, is none.
  if (
    onlyWeighed &&
    (intent === 'reschedule' || intent === 'cancel') &&
    picked === undefined &&
    choice === undefined &&
    !entities.day &&
    !entities.time &&
    !entities.band &&
    !entities.appointmentDay
  )
    intent = /\bgracias\b/.test(normalized) ? 'thanks' : 'none';
  // ("¿Cuánto cuesta una cita con médico general?": what it costs is asked, whatever service it names; no booking is asked.)
  const costAsked =
    ASKS_COST.test(normalized) &&
    /\b(?:cuanto|cnto|qto) (?:me |nos |le )?(?:vale|valen|cuesta|cuestan|sale|salen|cobran|(?:va|van) a (?:costar|valer|salir|cobrar))\b/.test(normalized) &&
    !OPERATION_VERB.test(normalized);
  // ("¿Qué papeles llevo de la niña?": what to bring is asked, whoever it names; no booking.)
  const bringAsked =
    ASKS_BRING.test(normalized) &&
    !IDENTITY_QUESTIONS.has(question) &&
    entities.yesNo === undefined &&
    !/\b(?:agend\w*|sacar\w*|saque\w*|pedir\w*|cancel\w*|reprogram\w*)\b/.test(normalized);
  // ("¿Y la cita es con el doctor Restrepo, cierto?": who it is with, checked; no booking.)
  const doctorChecked = DOCTOR_SHOWN.has(question) && /\bes con (el|la) (doctor|doctora|dr|dra|medico|medica)\b/.test(normalized) && /\b(cierto|verdad)\b/.test(normalized);
  // ("¿A qué hora abren en la sede de Suba?": when a site opens, asked; no booking there.)
  const hoursAsked =
    ASKS_OPENING_HOURS.test(normalized) && /\b(?:abren|abre|cierran|cierra)\b/.test(normalized) && !OPERATION_VERB.test(normalized) && !/\bcitas?\b/.test(normalized);
  // ("¿Y la cita con quién es?" right after a cita is shown: its doctor, asked; no booking.)
  const doctorAsked = DOCTOR_SHOWN.has(question) && ASKS_DOCTOR.test(normalized) && normalized.includes('?') && !OPERATION_VERB.test(normalized);
  // ("¿Y a la mamá le llega algún mensaje de la cita?": whether word of it is sent, asked; no booking.)
  // ("Sí, y me mandan recordatorio porfa": a yes with a wish, not a question.)
  const noticeAsked = ASKS_NOTICE.test(normalized) && !OPERATION_VERB.test(normalized) && !(entities.yesNo === 'yes' && !normalized.includes('?'));
  const byTheWay =
    ANSWERED_BY_THE_WAY.has(intent) ||
    costAsked ||
    noticeAsked ||
    hoursAsked ||
    doctorAsked ||
    bringAsked ||
    doctorChecked ||
    // ("¿Sí quedó?" at the slots of a move: whether it is done, the whole message; never a yes.)
    asksIfDone(normalized) ||
    (onlyWeighed && picked?.by !== 'number' && !hasBookingEntity(entities) && !entities.patients?.length);
  // "Sí, ¿y a qué hora tengo que llegar?", "sí señorita, autorizo, ¿y eso no tiene costo?": a yes said first, then a question
  // by the way: the yes stands, and the question is answered with it.
  const yesThenQuestion = YES_NO_QUESTIONS.has(question) && entities.yesNo === 'yes' && intent === 'affirm' && YES_OPENING.test(normalized) && normalized.includes('?');
  const asked = entities.asks || answersIdentity || !(byTheWay || yesThenQuestion) ? undefined : outsideQuestion(normalized, question, entities);
  // ("¿Qué tengo que llevar a la cita del miércoles? Y de paso quiero pasarla para el jueves", "quiero una cita de control…, ¿y qué
  // documentos llevo?": an operation asked for in words of its own, besides the question, stands; the question is answered first.)
  const operationToo = asked !== undefined && OPERATIONS.has(intent) && INFORMATION_ASKED.has(asked) && operationCue(wordsText) === intent && OPERATION_VERB.test(normalized);
  if (asked && !ANSWERED_BY_THE_WAY.has(intent) && !yesThenQuestion && !operationToo) intent = 'none';
  if (asked === 'bring') delete entities.patients;
  // "¿Y con qué doctor es? ¿Y eso dónde queda?": two questions by the way, both answered, in the order asked.
  const other = asked ? secondQuestion(normalized, question, entities, asked) : undefined;
  // "¿Con qué doctor es la primera?", "¿la de las 9 dónde es?": the option asked about, answered about it, not picked.
  const optionAskedAbout = (): string | undefined => {
    if (question !== 'slot' && question !== 'appointment') return undefined;
    const position = words.map((word) => ordinalFromWord(word)).find((found) => found !== undefined);
    const byPosition = position === undefined ? undefined : expectation.options[position === -1 ? expectation.options.length - 1 : position - 1]?.value;
    return choice ?? byPosition;
  };
  if (asked && other) {
    const [first, second] = other.before ? [other.asks, asked] : [asked, other.asks];
    // ("¿Y la tercera con qué doctor es? ¿Y eso dónde queda?": both about the third.)
    const about = ABOUT_ONE_OPTION.has(first) || ABOUT_ONE_OPTION.has(second) ? optionAskedAbout() : undefined;
    if (about !== undefined) entities.asksAbout = about;
    choice = undefined;
    entities.asks = first;
    entities.alsoAsks = second;
  } else if (asked) {
    // "En Suba, ¿y dónde queda eso?" at the site question: the site said before the question about it is the answer too.
    // ("Pediatría, ¿y eso tiene algún costo?": the answer said first, then what it costs or what to bring, asked of it.)
    const answersToo =
      (asked === 'address' && question === 'site' && choice !== undefined && entities.site === choice && answersBeforeAskingWhere(normalized)) ||
      // ("Fontibón, ¿a qué horas abren allá?", "temprano, ¿a qué hora abren?", "pediatría y eso ¿cuánto vale?", "martes 9 am.
      // ¿Con cuánto tiempo tengo que llegar?": likewise, for when the sites open and when to arrive.)
      (choice !== undefined &&
        // ("La primera porfa, ¿y qué tengo que llevar?": an option by its place, likewise.)
        (picked?.by === 'words' || (picked !== undefined && (asked === 'cost' || asked === 'bring'))) &&
        !YES_NO_QUESTIONS.has(question) &&
        (asked === 'cost' || asked === 'bring' || asked === 'hours' || asked === 'arrival') &&
        /^[^?¿]*(?:[,.]|\by (?:eso|esto|otra pregunt\w*|otra cosa|una pregunt\w*)\b)/.test(normalized) &&
        // ("Una preguntica, ¿hay que llevar algún papel?": the question announced, no answer before it.)
        !ANNOUNCED_QUESTION.test(normalized)) ||
      // ("La de las 3 con la doctora Marta, ¿esa también es en Kennedy?": the option taken; what comes next shows its site.)
      // ("Pediatría. ¿La pediatra de aquí es buena?", "la doctora Salazar es buena? la de ella el martes": likewise for what Lina
      // cannot know, before or after the option.)
      ((asked === 'siteCheck' || asked === 'parking' || asked === 'doctorOpinion') && choice !== undefined && picked?.by === 'words' && !YES_NO_QUESTIONS.has(question));
    const about = ABOUT_ONE_OPTION.has(asked) && !answersToo ? optionAskedAbout() : undefined;
    if (about !== undefined) entities.asksAbout = about;
    // ("¿Y la de Autopista Sur dónde queda?" at the site question: that site, which "bueno, en esa" then takes.)
    if (asked === 'address' && question === 'site' && !answersToo && entities.site && optionValue(expectation.options, entities.site)) entities.asksAbout = entities.site;
    if (!answersToo && !yesThenQuestion && !operationToo) choice = undefined;
    entities.asks = asked;
  }
  // "¿Y la mía con quién es?" after someone else's cita: the member's own citas, looked up (they show the doctor).
  if ((question === 'menu' || question === 'start') && entities.asks && /\b(?:y )?(?:la|las) mi[ao]s?\b/.test(normalized) && !entities.patients?.length) {
    delete entities.asks;
    delete entities.alsoAsks;
    intent = 'consult';
    choice = optionValue(expectation.options, 'consult') ?? choice;
    entities.patients = [{ kind: 'self' }];
  }
  // "Recuérdeme cuándo es la mía": the member's own citas, whoever the cita before was for.
  // ("¿Qué día es la cita mía?", "¿qué día era lo del médico mío?": likewise; "y cancele la mía del jueves también", "la mía me
  // la pasa para el viernes": the member's own cita cancelled or moved, even where a child's menu is shown.)
  if (
    (question === 'menu' || question === 'start') &&
    (intent === 'consult' || intent === 'cancel' || intent === 'reschedule') &&
    !entities.patients?.length &&
    /\b(?:la|las) mi[ao]s?\b|\b(?:cita|citas|consulta|consultas|medico|medica|doctor|doctora|turno|control) mi[ao]s?\b/.test(normalized)
  )
    entities.mine = true;
  // "¿La de Mateo sí está confirmada?" at the menu: that one's citas, looked up (the last operation may have been someone else's).
  if ((question === 'menu' || question === 'start') && entities.asks === 'done' && entities.patients?.some((mention) => mention.kind !== 'self')) {
    delete entities.asks;
    delete entities.alsoAsks;
    intent = 'consult';
    choice = optionValue(expectation.options, 'consult') ?? choice;
  }
  // "¿Esta sede dónde queda?" from a clinic's QR code: where this site is ("¿y eso es aquí mismo?" asks about the cita's).
  if (entities.asks === 'address') {
    if (THIS_SITE_ASKED.test(normalized) && !entities.site) entities.hereSite = true;
    else delete entities.hereSite;
  }
  // "Voy a poner una queja en la Supersalud", "este bot no sirve para nada", an insult, with nothing else to act on:
  // a calm answer (where to complain, the line), then the pending question. "Ush, medicina general" is still the answer.
  const upset = COMPLAINT.test(normalized) ? 'complaint' : FRUSTRATION.test(normalized) ? 'frustration' : undefined;
  // ("Uy no, qué demora, llevo media hora en esto" where no yes or no is asked: the "no" is the sigh, not an answer.)
  const sighedNo = !YES_NO_QUESTIONS.has(question) && entities.yesNo === 'no';
  // ("Quiero poner un reclamo" at the menu: a complaint the classifier may weigh as a booking, with no word of one.)
  const complaintOnly = upset === 'complaint' && OPERATIONS.has(intent) && !intentRead.ruled && operationCue(wordsText) === undefined && !citaAskedIn(wordsText);
  if (complaintOnly && question === 'menu') choice = undefined;
  if (
    upset &&
    !entities.asks &&
    // ("Uff, qué servicio tan malo 😤 no, déjela así como está": the offer given up, said in anger; the answer stands.)
    !entities.leaveAsIs &&
    choice === undefined &&
    // ("Ninguno de esos horarios me sirve, quiero poner una queja": the complaint, not the next slots.)
    (ANSWERED_BY_THE_WAY.has(intent) || complaintOnly || (intent === 'deny' && sighedNo) || (intent === 'more_times' && upset === 'complaint')) &&
    !hasBookingEntity(entities) &&
    !entities.patients?.length &&
    !answersIdentity &&
    (!entities.yesNo || sighedNo)
  ) {
    intent = 'help';
    entities.asks = upset;
    delete entities.yesNo;
  }
  // "Es que tiene fiebre y no quiere comer", "la niña amaneció con mucha tos" where the booking asks something else, with
  // nothing else to act on: how the patient is, answered (sorry to hear it; at the specialty question, which one is for
  // children), then the question again, never a miss.
  if (
    !entities.asks &&
    BOOKING_QUESTIONS.has(question) &&
    choice === undefined &&
    // ("No sé si es primera vez o control, la niña amaneció con fiebre y quiere que la vean prontico": no booking asked
    // anew, however much "que la vean" sounds like one.)
    (ANSWERED_BY_THE_WAY.has(intent) || (intent === 'book' && question === 'visitType' && !/\b(?:agend\w*|sacar\w*|saque\w*|pedir\w*|pido|pida\w*)\b/.test(normalized))) &&
    !hasBookingEntity(entities) &&
    !entities.yesNo &&
    UNWELL.test(normalized)
  ) {
    entities.asks = 'unwell';
    if (intent === 'book') intent = 'none';
  }
  // "Ya le dije", "¿no me entiende?", "uff", with nothing else to act on: annoyance at not being understood, not a
  // request for the line nor a miss of its own; the question's way out is worded anew.
  if (
    !upset &&
    !entities.asks &&
    (choice === undefined || (onlyWeighed && picked?.by !== 'number')) &&
    (ANSWERED_BY_THE_WAY.has(intent) || onlyWeighed) &&
    !hasBookingEntity(entities) &&
    !entities.patients?.length &&
    !answersIdentity &&
    !entities.yesNo &&
    ANNOYED.test(
      normalized
        .replace(/[^a-z ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
  ) {
    intent = 'none';
    choice = undefined;
    entities.annoyed = true;
  }
  // "¿Y después?", "¿y qué más hay?" at the days or slots shown: the next page of them (never help, never "No te entendí").
  if (
    (question === 'slot' || question === 'day') &&
    picked === undefined &&
    /^\W*(?:y )?(?:despues|luego|que mas|q mas|cuales mas|que otros|que otras)(?: (?:hay|tiene|tienen|me da|me ofrece))?\W*$/.test(normalized)
  )
    intent = question === 'day' ? 'other_day' : 'more_times';
  // ("Y ahora la de la niña, seguidita después de la de Mateo" at the slots: someone's cita as the time, the booking under way
  // going on; a change of patient only the classifier weighed is none.)
  if ((question === 'slot' || question === 'day') && intent === 'change_patient' && entities.timeOf && !intentRead.ruled && !PATIENT_CHANGE_CUE.test(normalized)) intent = 'none';
  // "¿Me la puede pasar pal jueves?" at the slots or days shown: another day for the cita being chosen, not a move of
  // one already booked ("reprogramar la de Sofía" still is one).
  if (
    (question === 'slot' || question === 'day') &&
    intent === 'reschedule' &&
    // ("¿Me la pone más tarde?": later slots.)
    (entities.day || entities.time || entities.band || LATER.test(normalized) || /\bmas (?:temprano|tempranito)\b/.test(normalized)) &&
    !/\b(reprogram\w*|reagend\w*|la cita de|la de (mi|la|el) |mis citas)\b/.test(normalized)
  ) {
    // ("El miércoles el niño tiene evaluación, me la pasa pal jueves": the day it goes to.)
    if (entities.newDay) {
      entities.day = entities.newDay;
      delete entities.weekday;
      delete entities.newDay;
    }
    intent = entities.day ? 'other_day' : 'more_times';
    choice = undefined;
  }
  // "Bien, gracias a Dios, ¿y usted?" to the authorisation: how the member is, never a yes (Ley 1581 wants it clear).
  if (
    question === 'consent' &&
    /^\W*(?:(?:muy|pues|todo|super|re) )?bien\b(?:[\s,.!]*(?:gracias|gracias a dios|a dios gracias|bendito sea dios|por suerte))?(?:[\s,.!]*(?:y )?(?:usted|tu|vos|sumerce|ud)\s*(?:que tal|como esta|como estas)?)?[\s?!.]*$/.test(
      normalized,
    )
  ) {
    intent = 'greet';
    choice = undefined;
    delete entities.yesNo;
  }
  // "No, ese no, el de las 2 y 20" at a list: the no corrects, and the option after it is the answer.
  if ((question === 'slot' || question === 'day') && intent === 'deny' && choice !== undefined) intent = 'none';
  // At a yes/no question the option never says the opposite of the yes or no read ("no, mejor la penúltima": the
  // ordinal is a slot of the list before, not the second option "No"… nor the first, "Sí").
  if (YES_NO_QUESTIONS.has(question) && entities.yesNo && (choice === 'yes' || choice === 'no') && choice !== entities.yesNo)
    choice = optionValue(expectation.options, entities.yesNo);
  // "La semana entrante", "esta semana no puedo" where slots or days are shown: other days, from next week.
  if ((question === 'slot' || question === 'day') && intent === 'none' && choice === undefined && entities.daysAfter) intent = 'other_day';
  // "No, ¿y el viernes en la tarde?", "¿y el lunes 30?" at an offer: another day asked (the dialog searches it).
  if (
    question === 'offer' &&
    (intent === 'none' || intent === 'deny') &&
    choice !== 'yes' &&
    entities.day !== undefined &&
    !entities.ruledOutDays?.includes(entities.day) &&
    OTHER_DAY_ASKED_AT_OFFER.test(normalized)
  )
    intent = 'other_day';
  // "Esa", "ese mismo" at the slots or days, with nothing that points at one: a yes to one of them, which the dialog asks
  // to say by its number (as "esa me sirve" already is), never "No te entendí".
  if (
    (question === 'slot' || question === 'day') &&
    choice === undefined &&
    intent === 'none' &&
    /^\W*(?:esa|ese|esa misma|ese mismo|esa pues|esa si|ese si)(?: (?:porfa|por favor|gracias))?\W*$/.test(normalized)
  ) {
    intent = 'affirm';
    entities.yesNo = 'yes';
  }
  // "Ninguno", "ninguno de esos" at the list of days: none suits, more days asked.
  if (question === 'day' && choice === undefined && /^\W*(?:no,? )?ningun[oa](?: de (?:esos|esas|estos|estas))?(?: me sirve)?\W*$/.test(normalized)) {
    intent = 'other_day';
    delete entities.yesNo;
  }
  // "Al medio día" at the slots: noon, never other days for its "día".
  if (question === 'slot' && intent === 'other_day' && entities.time && !entities.day && !entities.daysAfter && /\bmedio dia\b/.test(normalized)) intent = 'none';
  // "Más temprano ese día" at the slots: that day's other times, never other days for its "día".
  if (question === 'slot' && intent === 'other_day' && entities.sameDay && !entities.day && !entities.daysAfter) intent = entities.earlier ? 'more_times' : 'none';
  // "No sé, después escribo, chao" at the authorisation: the member will write later; a goodbye, never the question explained.
  if (
    question === 'consent' &&
    entities.asks === 'meaning' &&
    /\b(?:despues|luego|mas tarde|otro dia) (?:le |les )?(?:escribo|escribimos|vuelvo|miro)\b.*\b(?:chao|adios|bye|hasta luego)\b/.test(normalized)
  ) {
    intent = 'goodbye';
    delete entities.asks;
  }
  // "¿La fecha de nacimiento de quién? ¿Mía o de la niña?", "¿qué tipo de documento pongo?" where who the member is is asked:
  // whose, asked; explained (the titular's), nobody named a patient.
  if (
    (question === 'document' || question === 'birthDate') &&
    !entities.asks &&
    !entities.documentNumber &&
    !entities.birthDate &&
    normalized.includes('?') &&
    /\b(?:de quien|(?:mi[ao]|la mia|el mio) o (?:la|el|de)|que (?:tipo de )?documento|cual documento|cual de los documentos)\b/.test(normalized)
  ) {
    explainQuestion();
    delete entities.patients;
  }
  // "Cancele las de los dos", "¿qué citas tenemos todos?", "las citas de toda la familia" at the start or the menu: both
  // children, or the member and both children.
  if ((question === 'menu' || question === 'start') && !entities.patients?.length && OPERATIONS.has(intent)) {
    if (/\b(?:las|los) (?:citas? )?de (?:los|las) (?:dos|2)(?: ninos| ninas| hijos| hijas)?\b/.test(normalized))
      entities.patients = [
        { kind: 'relation', relation: 'child' },
        { kind: 'relation', relation: 'child' },
      ];
    // ("¿Qué citas tenemos en la familia?", "¿cuáles citas tenemos?": the family's, said in the first person plural.)
    else if (
      intent === 'consult' &&
      (/\b(?:tenemos todos|todos tenemos|(?:de|en) (?:toda la familia|la familia|todos(?: nosotros)?))\b/.test(normalized) ||
        // (At the start, where nobody is chosen yet, a look-up shows everyone's anyway: "qué citas tenemos" names no one there.)
        (question === 'menu' && /\b(?:que|cuales) citas (?:tenemos|nos quedan)\b/.test(normalized)))
    )
      entities.patients = [{ kind: 'self' }, { kind: 'relation', relation: 'child' }, { kind: 'relation', relation: 'child' }];
  }
  // "¿Qué citas tienen los dos?", "para ambos" at the patient question: both children, as "los dos niños" is.
  if (
    question === 'patient' &&
    !entities.patients?.length &&
    choice === undefined &&
    // ("La de las 2 y 20 porfa", "a las 2": an hour, read as one.)
    !(entities.time !== undefined && /\b(?:a|de) las (?:dos|2)\b/.test(normalized) && !/\blos (?:dos|2)\b|\bamb[oa]s\b/.test(normalized)) &&
    /(?<!\b(?:cual|cuales|quien|uno|una|ninguno|ninguna) de )\b(?:los|las) (?:dos|2)\b(?! (?:de la|horas?|citas?|primeras?|ultimas?|cual))|\bamb[oa]s\b/.test(normalized)
  )
    entities.patients = [
      { kind: 'relation', relation: 'child' },
      { kind: 'relation', relation: 'child' },
    ];
  // "¿A qué hora tengo que llegar con ellos?": when to arrive, asked of several citas; no one cita's hour answers it.
  if (entities.asks === 'arrival' && /\b(?:ellos|ellas|los dos|las dos|ambos|ambas|los ninos|las ninas|los 2|las 2|las citas)\b/.test(normalized)) entities.aboutSeveral = true;
  // "La del viernes es de quién? ¿De Sofía o de Mateo?": whose cita it is, asked; nobody named is a patient chosen.
  // ("¿La de pediatría es la de Sofi o la de Mateo?", "¿esa es mía o de Mateo?": whose, asked between two; neither is chosen.)
  // ("El que tenga pediatría, no me acuerdo si es Mateo o Sofi": whose, not remembered.)
  const whoseForgotten =
    (entities.patients?.length ?? 0) >= 2 &&
    /\bno (?:me acuerdo|recuerdo|se) si (?:es|era|son|eran) (?:la |el )?(?:de |del )?[a-z]+ o (?:la |el )?(?:de |del )?[a-z]+\b/.test(normalized);
  if (whoseForgotten) {
    delete entities.patients;
    if (question === 'patient' && intent === 'consult') intent = 'none';
  }
  const whoseAsked =
    question !== 'patient' &&
    entities.patients?.length &&
    normalized.includes('?') &&
    (/\b(?:es|son|era|eran) de quien\b|\bde quien (?:es|son|era|eran)\b/.test(normalized) ||
      (entities.patients.length >= 2 && /\b(?:es|son|era|eran) (?:la |el )?(?:de |del )?[a-z]+ o (?:la |el )?(?:de |del )?[a-z]+\W*\?/.test(normalized)));
  if (whoseAsked) {
    delete entities.patients;
    if ((question === 'menu' || question === 'start') && (intent === 'change_patient' || intent === 'none' || intent === 'book')) intent = 'consult';
  }
  // ("Nada, solo era pa ver. Menú": the menu, asked for in a sentence of its own after the rest.)
  if (intent === 'none' && /[.!?;]\s*(?:el )?menu\W*$/.test(normalized)) {
    intent = 'menu';
    choice = optionValue(expectation.options, 'menu') ?? choice;
  }
  // "¿Q significa eso de cancelar, se pierde?" among the citas: what the operation means, asked; nothing picked.
  if (
    (question === 'appointment' || question === 'confirm' || question === 'existing') &&
    !entities.asks &&
    /\b(?:que|q|k) (?:significa|quiere decir|es) (?:eso de |lo de )?(?:cancelar|reprogramar|mover|anular)\b/.test(normalized)
  )
    explainQuestion();
  // "¿La de Suba o la de Fontibón, cuál tiene algo hoy?": which site has room, asked before choosing; how the search goes, explained.
  if (
    question === 'site' &&
    !entities.asks &&
    choice === undefined &&
    !entities.site &&
    /\?\W*$/.test(normalized) &&
    /\bcual(?:es)?\b/.test(normalized) &&
    /\b[a-z0-9]+ o (?:la de |la |el |en )*[a-z0-9]+\b/.test(normalized)
  )
    explainQuestion();
  // "¿Qué es USS?" at the site question: what the sites are, explained.
  if (question === 'site' && !entities.asks && /\b(?:que|q|k) (?:es|son|significa|quiere decir) (?:una |la |las |eso de )?(?:uss|u s s)\b/.test(normalized)) explainQuestion();
  // "¿Q es beneficiario?" at the patient question: who may be chosen, explained.
  if (question === 'patient' && !entities.asks && /\b(?:que|q|k) (?:es|son|significa|quiere decir) (?:un |una |el |los |eso de )?(?:beneficiari[oa]s?|titular)\b/.test(normalized))
    explainQuestion();
  // "1994" after "me falta el año": the year of the date of birth, never a document number.
  if (entities.birthYear) {
    delete entities.documentNumber;
    delete entities.documentType;
  }
  // "Para mañana", "pa mañana" at the band question: tomorrow, the day it is for, never the option "Mañana".
  if (
    question === 'band' &&
    entities.day &&
    /^\W*(?:(?:y|es|seria|que sea) )?(?:para|pa) manana\b(?! (?:en la|por la) manana)/.test(normalized) &&
    !/\b(?:en|por) la manana\b|\btemprano\b/.test(normalized)
  ) {
    if (choice === optionValue(expectation.options, 'manana')) choice = undefined;
    if (entities.band === 'manana') delete entities.band;
  }
  // "El mismo que le di al principio, laura…@hotmail.com" at the e-mail question: the address, never the menu.
  if (question === 'email' && entities.email && intent === 'menu') intent = 'none';
  // "Para mí igual", "y pa mí también" at the patient question: the member, the same as before.
  if (question === 'patient' && choice === undefined && /^\W*(?:y )?(?:para|pa) mi (?:igual|tambien|tb|tmb|tambn)\W*$/.test(normalized)) {
    choice = optionValue(expectation.options, 'self');
    entities.patients = [{ kind: 'self' }];
  }
  // "No sé si es primera vez o control", "¿medicina general o pediatría? no sé": both options weighed, neither picked; what they
  // mean is explained before the question again.
  if (
    intent === 'none' &&
    choice === undefined &&
    !entities.asks &&
    ((question === 'visitType' && /\b(?:primera vez|control|no programada) o (?:(?:es|una|la|de) )?(?:primera vez|control|no programada)\b/.test(normalized)) ||
      (question === 'specialty' && /\b(?:general|medic[oa]|medicina|pediatr\w*) o (?:(?:es|el|la|de|con) )*(?:general|medic[oa]|medicina|pediatr\w*)\b/.test(normalized)))
  )
    entities.asks = 'meaning';
  // "No quiero robot, quiero un asesor humano" at a yes/no question: the robot refused, never the question (at the
  // authorisation that no would end the conversation); a person asked for, whose line is given before the question again.
  if (YES_NO_QUESTIONS.has(question) && entities.yesNo === 'no' && NO_ROBOT.test(normalized) && !/\bno (?:autorizo|acepto)\b/.test(normalized)) {
    delete entities.yesNo;
    choice = undefined;
    intent = 'help';
    entities.asks = 'person';
  }
  // "¿Sí quedó?" at «¿La cancelo?»: whether it is done, asked; the "sí" belongs to the question, never a yes that would do it.
  if (entities.asks === 'notYet' && YES_NO_QUESTIONS.has(question) && asksIfDone(normalized)) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
  }
  // ("¿Sí quedó cancelada?" at the menu: the "sí" asks; it answers nothing.)
  if (
    !YES_NO_QUESTIONS.has(question) &&
    entities.yesNo === 'yes' &&
    (asksIfDone(normalized) || /^\W*(?:(?:hola|y|ok|listo|entonces|bueno|buenas)\W+)*si (?:me |nos |le )?(?:quedo|quedaron)\b/.test(normalized)) &&
    /^\W*(?:(?:hola|y|ok|listo|entonces|bueno|buenas)\W+)*si\b/.test(normalized)
  )
    delete entities.yesNo;
  // "Espere, mejor no la cancele", "entonces déjela como estaba" at a confirmation or an offer: the cita left as it is, which is
  // the no (and a "no" said is the yes/no too).
  if (
    (question === 'confirm' || question === 'offer') &&
    entities.leaveAsIs &&
    entities.yesNo !== 'yes' &&
    !entities.asks &&
    // ("Mejor déjela como estaba", read as a booking by the classifier alone: no word asks for one.)
    (intent === 'none' || intent === 'deny' || intent === 'cancel' || (OPERATIONS.has(intent) && !intentRead.ruled && operationCue(normalized) === undefined)) &&
    // ("No sé 🤔, déjeme pensar": a doubt, asked again.)
    !/^\W*(?:\w+\W+)?no se\b/.test(normalized)
  ) {
    intent = 'deny';
    choice = optionValue(expectation.options, 'no');
    if (/\bno\b/.test(normalized)) entities.yesNo = 'no';
    // ("Déjela el viernes como estaba": the day said is the cita's own.)
    delete entities.day;
    delete entities.weekday;
    delete entities.time;
  }
  // "Ah, a las 10; bueno, volvamos al menú", "ya tengo la del miércoles, devuélvame al menú": the menu, whatever day or hour the
  // member read aloud before it.
  if (intent === 'menu') {
    delete entities.day;
    delete entities.weekday;
    delete entities.time;
  }
  // "¿Qué es radicar un caso?", "no entendí qué me pide", "¿y eso pa qué es?": what the question means, which Lina explains
  // before asking it again; no operation and no request for a person ("ayuda", "un asesor" are help itself).
  if (
    intent === 'help' &&
    choice === undefined &&
    question !== 'start' &&
    (entities.asks === 'meaning' || (!entities.asks && ASKS_WHAT_IS_ASKED.test(normalized))) &&
    !HELP_ITSELF.test(normalized) &&
    PERSON_WORDS.find(words).length === 0
  ) {
    intent = 'none';
    entities.asks = 'meaning';
  }
  // What a yes or a no would do, or how to answer, asked at a yes/no question ("¿y qué pasa si no autorizo?", "¿qué debo hacer?
  // ¿Escribo sí?"); or, at the authorisation, what it costs or whether it can be withdrawn ("¿qué es eso de autorizar? ¿eso me
  // cobran algo?", "¿después puedo quitar la autorización?"; the explanation says it is free and can be withdrawn): Lina explains
  // and asks again, never taking a yes or a no from the question, nor answering the cita's cost.
  const answerAsked = YES_NO_QUESTIONS.has(question) && ANSWER_ASKED_ABOUT.test(wordsText);
  const consentAsked =
    question === 'consent' &&
    /\b(?:autoriz\w*|tratamiento de (?:mis |los )?datos)\b/.test(normalized) &&
    (entities.asks === 'cost' || /\b(?:quitar|retirar|revocar|cancelar|anular|echar para atras|arrepentir\w*)\b/.test(normalized)) &&
    entities.yesNo !== 'yes';
  if ((answerAsked || consentAsked) && normalized.includes('?') && !HELP_ITSELF.test(normalized)) {
    intent = 'none';
    choice = undefined;
    delete entities.yesNo;
    entities.asks = 'meaning';
  }
  // "Jueves 26 a la 1, sí, perfecto", "8 y 40 está muy temprano, no alcanzo, no" at a yes/no question: the answer, said in a
  // last clause of its own after what the member read aloud or the reason.
  // ("Si es con el mismo doctor sí, si no, no": a condition, answered both ways, is neither.)
  if (
    YES_NO_QUESTIONS.has(question) &&
    !entities.yesNo &&
    !entities.asks &&
    (intent === 'none' || intent === 'affirm' || intent === 'deny') &&
    !/\bsi no\b|^\W*si (?:es|hay|puede|pueden|tiene|tienen|queda|sale|me|le)\b/.test(normalized)
  ) {
    const last = normalized
      .split(/[,.;!?…]+/)
      .map((clause) => clause.trim())
      .filter(Boolean)
      .at(-1);
    const closing = /^(?:(?:pues|entonces|bueno|ok|listo|ah)\s+)?(si|no)(?:\s+(?:perfecto|senora|senorita|senor|gracias|mija|porfa|por favor|de una|dale|senor))*$/.exec(
      last ?? '',
    );
    const answer = closing?.[1] === 'si' ? 'yes' : closing?.[1] === 'no' ? 'no' : undefined;
    if (answer && (choice === undefined || choice === answer) && !(answer === 'yes' && intent === 'deny') && !(answer === 'no' && intent === 'affirm')) {
      entities.yesNo = answer;
      choice = optionValue(expectation.options, answer) ?? choice;
      intent = answer === 'yes' ? 'affirm' : 'deny';
    }
  }
  // "¿No hay nada?", "¿y con el doctor Rojas no hay nada?" at an offer or a confirmation: whether there is any, asked; the
  // classifier's no is no refusal of what was offered (member testing).
  if (
    YES_NO_QUESTIONS.has(question) &&
    intent === 'deny' &&
    !intentRead.ruled &&
    !entities.yesNo &&
    /\bno (?:hay|habra|habria|tiene|tienen|queda|quedan)\b[^?]*\?/.test(normalized)
  ) {
    intent = 'none';
    choice = undefined;
    if (question === 'offer' && !entities.asks) entities.asks = 'anyLeft';
  }
  // ("De una, acepto": a yes in words the classifier weighed as nothing is still the answer.)
  if (YES_NO_QUESTIONS.has(question) && intent === 'none' && !entities.asks && entities.yesNo !== undefined && (choice === undefined || choice === entities.yesNo))
    intent = entities.yesNo === 'yes' ? 'affirm' : 'deny';
  if (intent !== intentRead.intent) score = 1;
  const result: Understanding = { intent, intentScore: score, entities };
  if (choice !== undefined) result.choice = choice;
  return result;
}

/**
 * "En Suba, y dónde queda eso?", "la de Kennedy, ¿eso dónde es?": something is said before the
 * question of where, and the question refers back to it ("y…", "eso", "esa", "ahí") instead of
 * only asking about the place ("¿dónde queda Suba?", "la de Suba, ¿dónde queda?" choose nothing).
 */
function answersBeforeAskingWhere(normalized: string): boolean {
  const where = ASKS_WHERE.exec(normalized);
  if (!where) return false;
  const before = normalized
    .slice(0, where.index)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .trim();
  const after = normalized.slice(where.index + where[0].length);
  if (/^(?:y ?)?(?:que|cual|en que)?$/.test(before)) return false;
  // ("Kennedy, ¿y qué dirección tiene?": the question word before the address asked.)
  return /(^|\s)(y|pero|eso|esa|ese)( que| cual| en que)?$/.test(before) || /\b(eso|esa|ese|ahi|alla)\b/.test(after);
}

/** Intents a question asked by the way may come with: an operation, a yes or a no is acted on instead. */
const ANSWERED_BY_THE_WAY: ReadonlySet<Intent> = new Set(['none', 'help', 'greet', 'thanks']);
/** A verb that asks for an operation: beside a question by the way (what it costs, when a site opens, who the doctor is), the request stands. */
const OPERATION_VERB = /\b(?:agend\w*|sacar\w*|saque\w*|pedir\w*|pido|pida\w*|separ\w*|reserv\w*|necesit\w*|quier\w*|cancel\w*|mover\w*|muev\w*|reprogram\w*)\b/;
/** Questions where "¿qué horarios tienen?" asks for the times of the citas, not when the sites open. */
const TIME_QUESTIONS: ReadonlySet<Question> = new Set(['band', 'slot', 'day']);

/** Why only one pending cita per specialty: "¿no puedo tener dos?", "¿por qué no puedo sacar otra?". */
const ONLY_ONE_ASKED =
  /\b(?:no puedo|no se puede|no podria|por que no puedo|porque no puedo|xq no puedo|no me deja) (?:tener|sacar|pedir|agendar|separar) (?:dos|2|otra|mas de una|las dos)\b/;

/** "La primera que haya", "la primera disponible": the earliest slot. */
const FIRST_AVAILABLE = /\b(?:la )?primera (?:que (?:haya|tenga|tengan|salga|este|encuentre|aparezca)|q (?:haya|tenga|salga)|disponible|libre)\b/;

/** Where the site written from is: "¿esta sede dónde queda?", "¿cuál es la dirección de aquí?". */
const THIS_SITE_ASKED =
  /\b(esta sede|este sitio|este centro|este lugar|esta clinica)\b.*\b(donde|dnd|direccion|ubica\w*)\b|\b(donde|dnd|direccion|ubica\w*)\b.*\b(esta sede|este sitio|este centro|este lugar|esta clinica)\b|\bdireccion de (aqui|aca)\b/;

/** A message that only asks Lina to wait: "espere un momento", "un segundito porfa", "ya le digo". */
/** Withdrawing a RISS case: "cancele el caso que radiqué", "quiero anular el radicado", "ya no necesito el caso". */
const CANCEL_CASE = /\b(cancel|anul|retir|quit|desist|borr)\w* (el|mi|ese|un|del|la) (caso|radicado|solicitud)\b|\bya no (necesito|quiero) (el|mi|ese) (caso|radicado)\b/;
/** "¿Y eso qué es?", "¿eso qué significa?": what is being asked, with nothing else in the message. */
const WHAT_IS_THIS =
  /^\W*(?:(?:y|pero|oiga|senorita|mija|disculpe|perdon|ay|uy|mmm|no|que pena|q pena|que pesar)[\s,]+)*(?:(?:que|k) (?:es|significa) (?:eso|esto)|(?:eso|esto) (?:que|k) (?:es|significa)|(?:eso|el caso|radicar(?: el caso)?) (?:si )?(?:sirve|serviria) (?:de|para) (?:algo|que|q))(?:[\s,]+(?:senorita|mija|porfa|por favor))?\W*$/;
/** "No quiero robot", "no me gusta hablar con máquinas": the assistant refused, not what it asked. */
const NO_ROBOT =
  /^\W*(?:(?:ay|uy|ah|pues|mire|oiga)\W+)*no (?:quiero|me gusta|me gustan|deseo|voy a) (?:hablar|chatear|escribir|escribirle|tratar) ?(?:con |a )?(?:un |una |el |la |los |las )?(?:robot|robots|maquina|maquinas|bot|bots|chatbot|contestadora|grabacion|sistema)\b|^\W*(?:(?:ay|uy|ah|pues|mire|oiga)\W+)*no (?:quiero|me gusta|deseo) (?:un |una |el |la |los |las )?(?:robot|robots|maquina|maquinas|bot|bots|chatbot|contestadora|grabacion)\b/;
/** What the question asks, asked back: "no entendí", "no entiendo qué me pide", "¿y eso pa qué es?", "¿y si no acepto?". */
const ASKS_WHAT_IS_ASKED =
  /\bno (?:le |les )?entend\w*\b|\bno (?:le |les )?entiendo\b|^\W*(?:como|como asi|ah|mande|que|q)\W*$|\b(?:pa|para|por) (?:q|que) (?:es|sirve|seria)\b|\b(?:que|q|k) (?:es|significa|quiere decir)\b|\b(?:que pasa|que sucede|que pasaria|y) si no (?:acepto|autorizo|doy|firmo)\b|\bdiferencia\b/;
/** Help asked for itself, or a person: never only a question about what is asked. */
const HELP_ITSELF = /\b(?:ayuda|ayudita|ayudar|ayudame|ayudeme|ayudenme|colabora\w*|asesor\w*|persona|humano|alguien|orient\w*)\b/;
/** "No me acuerdo del correo", "no recuerdo mi correo", "el correo no me lo sé": one they have, not remembered. */
const FORGOT_EMAIL =
  /\bno (?:me acuerdo|recuerdo|me se|me lo se|lo se|se|encuentro) (?:del|de mi|el|mi|cual es (?:el|mi)) (?:correo|email|mail|gmail|hotmail)\b|\b(?:correo|email|mail) no me (?:lo )?(?:acuerdo|se)\b|\bse me olvido (?:el|mi) (?:correo|email|mail)\b/;
/** A wait asked at the end of a message: "…ya se lo pregunto, espéreme un momentico", "…no encuentro los lentes, un momentico". */
const WAIT_AT_THE_END =
  /^\W*(?:(?:ay|uy|ok|bueno|listo|ya|oiga|senorita|mija)[\s,]+)*(?:(?:espere(?:me)?|deme|regaleme|dame)\W+)?un\W+(?:momento|momentico|momentito|segundo|segundito|minuto|minutico)\W+(?:que|mientras|porque|es que|ya)\b|(?:\b(?:espere(?:me)?|espera(?:me)?|aguarde(?:me)?|deme|regaleme|dame)\W+(?:un\W+)?|(?:^|[,.;!?]\s*)un\W+)(?:momento|momentico|momentito|segundo|segundito|minuto|minutico)(?:\W+(?:porfa|por favor|senorita|mija|que ya vuelvo|ya vuelvo))*\W*$/;
/** "Espéreme le pregunto a mi esposo…", "déjeme le pregunto a mi mamá": away to ask someone before answering. */
const ASKING_SOMEONE_FIRST =
  /^\W*(?:(?:ay|ok|bueno|listo|ya|oiga|senorita|mija|mmm*)[\s,.]+)*(?:espere(?:me)?|espera(?:me)?|un (?:momento|momentico|segundo)|dejeme|dejame|deje|deme un (?:momento|segundo))[\s,.]+(?:que |y )?(?:le|les) (?:pregunto|consulto|pregunte|consulte|marco|escribo)\b[^?]*$/;
const BACK_SOON = /^\W*(?:(?:ay|ok|bueno|listo|oiga|senorita|mija)[\s,]+)*ya (?:vuelvo|regreso|vengo|le escribo)\b[\s,.]+(?:que|porque|xq|pq|es que)\b[^?]*$/;
const WAIT_A_MOMENT =
  /^\W*(?:(?:ay|ok|bueno|listo|ya|oiga|senorita|mija)[\s,]+)*(?:espere(?:me)?|espera(?:me)?|aguarde|un (?:momento|momentico|momentito|segundo|segundito|minuto|minutico)|deme un (?:momento|segundo|minuto)|regaleme un (?:momento|segundo|minuto)|dame un (?:momento|segundo|minuto)|ya le digo|ya le confirmo|ya vuelvo|ahorita le digo)(?:[\s,.]+(?:un (?:momento|momentico|momentito|segundo|segundito|minuto|minutico)|porfa|por favor|senorita|mija|mijo|senora|que ya|ya le digo|ya vuelvo|ya|que (?:estoy|voy|busco|reviso|miro|le pregunto)[a-z ]*))*\W*$/;
/** A yes or no said with it ("sí, un momento"): the answer, not a wait. */
const YES_NO_ANSWERED = /^\W*(?:si|no|dale|claro)\b/;

/** Questions that show a cita, or the slots of one site, with its site. */
const SITE_SHOWN: ReadonlySet<Question> = new Set(['slot', 'confirm', 'appointment', 'existing']);

/** Questions that show citas with their doctor, or follow them (the menu after a consultation or a booking): "¿con qué doctor es?" is about them there. */
const DOCTOR_SHOWN: ReadonlySet<Question> = new Set(['slot', 'confirm', 'appointment', 'menu']);

/** "¿Hay parqueadero?", "¿dónde parqueo?", "¿tienen parqueo?": parking at the site. */
const ASKS_PARKING = /\b(?:parqueadero|parqueaderos|parqueo|parquear|estacionamiento|donde dejo el carro|donde dejo la moto)\b/;
/** "¿Esa doctora es buena?", "¿qué tal es el doctor?", "¿es bravo ese médico?": what a doctor is like, asked. */
const ASKS_DOCTOR_OPINION =
  /(?=.*\b(?:doctor|doctora|doctores|doctoras|medico|medica|medicos|pediatra|profesional)\b)\b(?:es|sera|son) (?:buen[oa]s?|amables?|brav[oa]s?|regan[oa]n[oa]s?|chever[ea]s?|queridos?|querida)\b[^.!]*\?|\bque tal (?:es |son )?(?:el|la|los|las|ese|esa) (?:doctor|doctora|doctores|medico|medica|medicos|pediatra)\b|\b(?:el|la|ese|esa) (?:doctor|doctora|medico|medica|pediatra)\b[^.!?]* (?:es|sera) (?:buen[oa]|bien|amable|brav[oa])\b/;

/** How long a visit lasts: "¿cuánto dura la consulta?", "¿cuánto se demora la cita?". */
const ASKS_DURATION = /\bcuanto (tiempo )?(dura|demora|se demora|tarda|se tarda|duran) (la consulta|la cita|la atencion|el control|cada cita|cada consulta)\b/;

/** The pattern of each question asked by the way that a message may hold beside another one. */
const ASKED_PATTERNS: ReadonlyArray<[Asked, RegExp]> = [
  ['cost', ASKS_COST],
  ['hours', ASKS_OPENING_HOURS],
  ['address', ASKS_WHERE],
  ['bring', ASKS_BRING],
  ['doctor', ASKS_DOCTOR],
];

/**
 * A second question by the way in the same message, other than `asked`: read in what is left once
 * `asked`'s words are taken out; `before` when it comes first in the message.
 */
function secondQuestion(normalized: string, question: Question, entities: Entities, asked: Asked): { asks: Asked; before: boolean } | undefined {
  const pattern = ASKED_PATTERNS.find(([kind]) => kind === asked)?.[1];
  const match = pattern?.exec(normalized);
  if (!match) return undefined;
  const rest = `${normalized.slice(0, match.index)} | ${normalized.slice(match.index + match[0].length)}`;
  const other = outsideQuestion(rest, question, entities);
  if (!other || other === asked) return undefined;
  const otherAt = ASKED_PATTERNS.find(([kind]) => kind === other)?.[1]?.exec(normalized)?.index;
  return otherAt === undefined ? undefined : { asks: other, before: otherAt < match.index };
}

/** Where a site is, what a cita costs, when the sites open or who a cita shown is with, asked in the message. */
function outsideQuestion(normalized: string, question: Question, entities: Entities): Asked | undefined {
  if (ASKS_COST.test(normalized)) return 'cost';
  // "¿Qué tengo que llevar?": what to bring (a document spoken of at the identity questions is no such question).
  if (ASKS_BRING.test(normalized) && !IDENTITY_QUESTIONS.has(question)) return 'bring';
  // Where times are chosen, "¿atienden los sábados?" asks whether there are citas that day: the day answers it.
  const namesADay = TIME_QUESTIONS.has(question) && (entities.day !== undefined || entities.dayOff !== undefined);
  if (
    ASKS_OPENING_HOURS.test(normalized) &&
    !namesADay &&
    (!TIME_QUESTIONS.has(question) || /\b(abren|abre|cierran|cierra|atienden|atiende|atencion|sede|sedes)\b/.test(normalized))
  )
    return 'hours';
  // "¿Es en Kennedy, cierto?" where a cita or its slots are shown: whether it is there (where it is, when it is not).
  if (SITE_SHOWN.has(question) && entities.site && CHECKS_SITE.test(normalized) && !ASKS_WHERE.test(normalized)) return 'siteCheck';
  if (ASKS_WHERE.test(normalized)) return 'address';
  if (DOCTOR_SHOWN.has(question) && ASKS_DOCTOR.test(normalized)) return 'doctor';
  if (question !== 'email' && ASKS_BY_EMAIL.test(normalized)) return 'byEmail';
  if (ASKS_CASE_LATE.test(normalized)) return 'caseLate';
  if ((question === 'offer' || question === 'email') && ASKS_A_CALL.test(normalized)) return 'caseAnswer';
  if (ASKS_CASE_ANSWER.test(normalized)) return 'caseAnswer';
  // "¿Y a la mamá le llega algún mensaje de la cita?": whether anyone is sent word of it.
  if (question !== 'email' && ASKS_NOTICE.test(normalized)) return 'notice';
  // "¿Y cuánto dura la consulta?": how long a visit lasts.
  if (ASKS_DURATION.test(normalized)) return 'duration';
  // "¿Hay parqueadero?", "¿esa doctora es buena?": what Lina has no way of knowing, said so, with the line that may.
  if (ASKS_PARKING.test(normalized)) return 'parking';
  if (ASKS_DOCTOR_OPINION.test(normalized)) return 'doctorOpinion';
  // "¿Ya quedó?", "¿ya quedó cancelada?" while the operation still waits for an answer: not yet.
  if (PENDING_QUESTIONS.has(question) && asksIfDone(normalized)) return 'notYet';
  // "¿Ya quedó?" at the menu, once an operation has ended: whether what was just done is done.
  if (question === 'menu' && asksIfDone(normalized)) return 'done';
  return undefined;
}

/** What this chat does not do, by what a member asks for instead, in the order they are looked for. */
const SERVED_ELSEWHERE: ReadonlyArray<readonly [Asked, RegExp]> = [
  // "Que me renueven la fórmula", "la receta del inhalador".
  [
    'prescription',
    /\b(?:formula|formulas|receta|recetas|formulacion)\b|\b(?:renov\w*|repet\w*|repit\w*|transcrib\w*) (?:la |el |los |las |mi |mis )?(?:medicamento|medicamentos|remedio|remedios|medicina|medicinas)\b/,
  ],
  // "¿Ya salieron los resultados de los exámenes?"
  ['results', /\bresultados?\b/],
  // "¿Dónde me ponen la vacuna de la influenza?"
  ['vaccine', /\bvacun\w*/],
  // "Un certificado médico para el colegio", "la incapacidad".
  ['certificate', /\b(?:certificado|certificados|certificacion|constancia|incapacidad|incapacidades|incapacitad\w*)\b/],
  // "Una orden de resonancia que me la autoricen", "la remisión al dermatólogo", "un especialista".
  [
    'authorization',
    /\b(?:autoricen|autorice|autorizen|autorizacion|autorizaciones|remision|remisiones|remit\w*|especialista|especialistas)\b|\bautoriz\w* (?:la|el|una|mi|su|esa|esta|las|los) (?:orden|ordenes|examen|examenes|resonancia|procedimiento|cirugia|medicamento)\b/,
  ],
  // "Exámenes de sangre", "el laboratorio".
  ['lab', /\b(?:laboratorio|examen(?:es)? de (?:sangre|orina|laboratorio|materia fecal|heces)|toma de muestras?)\b/],
];

/** A booking whose object is a vaccine or a laboratory test: "agendar la vacuna", "cita para tomarme unos exámenes". */
const BOOKING_WHAT_IS_ELSEWHERE =
  /\b(?:agend|sac|ped|separ)\w* (?:la |una |las |unas )?(?:cita (?:de |para )(?:la |las |unas |tomarme |hacerme )?(?:unos )?)?(?:vacun\w*|examen\w*|laboratorio)\b|\bla vacuna\b.*\bme la (?:pueden|puede|podrian) agendar\b/;

/** The thing this chat does not do that a message asks for, if any (see `SERVED_ELSEWHERE`). */
function servedElsewhere(normalized: string): Asked | undefined {
  return SERVED_ELSEWHERE.find(([, pattern]) => pattern.test(normalized))?.[0];
}

/** A cita pointed at among those listed: "la del miércoles", "esa de pediatría", "la de medicina general del 25", "esa es la de". */
/**
 * After a yes, someone's cita asked for next: "y de una otra para", "y otra pa", "y para la niña también", "ahora la niña
 * necesita", "y luego hacemos la de la niña".
 */
const NEXT_ONE_AFTER_YES =
  /\by (?:de una |tambien |ademas )?otra (?:para|pa|pal|de)\b|\by (?:para|pa|pal) (?:la |el |mi )?[a-z]+ tambien\b|\b(?:ahora|luego|despues) (?:la|el|mi) [a-z]+ (?:necesita|ocupa|quiere|tiene que ir)\b|\b(?:luego|despues|ahora) (?:hacemos|sacamos|seguimos con|vamos con|pedimos) (?:la|el) (?:de|del)\b/;
const ONE_CITA_REFERRED =
  /\b(?:la|esa|esta) (?:cita |consulta )?(?:de|del) (?:[a-z0-9]+ ){0,3}|\b(?:esa|esta) es la (?:de|del)\b|\b(?:esa|esta) (?:cita|consulta) (?:es|era) (?:de|del|para)\b/;
/** What is asked of it: who it is with, where, when, whose, what kind, or only checked. */
const ASKED_OF_A_CITA =
  /\?|\b(?:verdad|cierto|con quien|con que|con cual|que doctor\w*|que medic\w*|en que sede|donde es|a que hora|de cual|cual de|es la de|es el de|es de (?:el|ella|mi|la|mateo|sofi\w*)|o con otro|o con otra|de control o|primera vez o|tambien es)\b/;

/** Questions of an operation not done yet. */
const PENDING_QUESTIONS: ReadonlySet<Question> = new Set([
  'patient',
  'specialty',
  'visitType',
  'site',
  'band',
  'day',
  'slot',
  'confirm',
  'offer',
  'appointment',
  'email',
  'existing',
]);
/** Whether it is done, asked ("¿ya quedó cancelada? 🙏", the thanks an emoji reads as set aside). */
function asksIfDone(normalized: string): boolean {
  return ASKS_IF_DONE.test(normalized.replace(/[\s,.!]*\b(?:muchas gracias|mil gracias|gracias|porfa|por favor|porfis|please)[\s.!]*$/, ''));
}
/** "¿Ya quedó?", "¿ya quedó cancelada?", "¿ya está lista?", "¿ya se movió?", "¿ya canceló o no?": whether it is done. */
const ASKS_IF_DONE =
  /^\W*(?:y )?(?:quedo|quedaron|kedo)\s*\?[\s?!]*$|^\W*(?:(?:y|ok|entonces|bueno|pero)\W+)*(?:ya|si) (?:cancelo|cancelaron|movio|movieron|agendo|agendaron|reprogramo|reprogramaron)(?: (?:la|mi) cita)?\W+o no\W*$|^\W*(?:cancelada|cancelado|canceladas|movida|agendada|agendado|reprogramada|cambiada) (?:entonces|ya|cierto|verdad)\W*$|^\W*(?:(?:y|ok|listo|entonces|bueno)\W+)*(?:a que hora|para cuando|para que dia) (?:me |nos |le )?(?:quedo|quedaron|quedamos)(?: (?:la|mi) cita)?\W*$|^\W*(?:(?:y|ok|listo|entonces|bueno)\W+)*(?:si|ya|y si ya|si ya) (?:me |nos |le )?(?:quedo|quedaron) para (?:el|la|las) [a-z0-9:]+\W*$|^\W*(?:(?:y|ok|listo|entonces|bueno|senorita|mija|o sea)\W+)*(?:(?:la|el) (?:cita )?(?:de|del) (?:la |el |mi )?[a-z]+\W+)?(?:ya|si) (?:(?:me |la |lo |las |los )?(?:quedo|quedaron)|esta|estan|estaria|se hizo|se hicieron|se movio|se movieron|se cancelo|se cancelaron|me la (?:cancelo|movio|agendo|cambio)|la (?:cancelo|movio|agendo|cambio))(?: (?:la|mi) (?:cita|consulta)| el caso| mi caso)?(?: (?:lista|listo|listas|listos|cancelada|canceladas|movida|movidas|agendada|agendadas|confirmada|confirmadas|reprogramada|cambiada|hecho|hecha|hechas|radicado|radicada))?(?: (?:las dos|los dos|ambas|ambos|las 2|los 2|todas)(?: (?:cosas|citas|vueltas))?)?(?:\W+(?:cierto|verdad|o no|senorita|mija))*\W*$/;

/** A question about the authorisation at the consent question, not a request said with it ("sí, ¿me ayudas con una cita?"). */
/** Someone said with how or where they are: "la niña está en el colegio", "ya el niño amaneció mejor", "Mateo sigue con tos". */
const REASON_ABOUT_SOMEONE =
  /\b(?:el|la|mi) \w+ (?:ya )?(?:esta|estan|anda|amanecio|amanecieron|se siente|sigue|entra|sale|se marea|se mareo|se cansa|se aburre|se asusta|se pone)\b|\bya (?:el|la) \w+ (?:esta|amanecio|se siente)\b/;
/** An errand with someone that day: "tengo que llevar a Sofi a la cita de ella", "me toca recoger al niño en el colegio". */
const ERRAND_WITH =
  /\b(?:tengo|toca|me toca|debo) (?:que |q )?(?:llevar|recoger|acompanar|buscar) (?:a |al )?(?:la |el |mi )?(?:otro |otra |mayor |menor )?\w+ (?:a (?:la|su) (?:cita|consulta|control|vacuna|terapia)|al? (?:colegio|jardin|medico|control|odontologo|vacunar|natacion|terapia|clase)|en el (?:colegio|jardin))\b/;
/** Someone's event on the day: "ese día Sofía tiene un acto en el preescolar", "Sofía has a school thing that day". */
const HAS_AN_EVENT =
  /\b\w+ (?:tiene|tienen|has) (?:un|una|el|la|a) (?:acto|evento|presentacion|izada|reunion|cumpleanos|paseo|clase|examen|ensayo|partido|torneo|salida|actividad|school thing|thing)\b/;
/** Someone looked after meanwhile: "Mateo se queda con la abuela", "los niños se quedan donde mi mamá", "me lo cuida mi hermana". */
const STAYS_WITH = /\b\w+ (?:se queda|se quedan|se va a quedar|se van a quedar) (?:con|en|donde)\b|\b(?:me|nos) (?:lo|la|los|las) (?:cuida|cuidan|recoge|recogen)\b/;

/** The authorisation named: what a question about it says. */
const CONSENT_WORDS = /\b(?:autoriz\w*|acept\w*|consentimiento|datos|politica|ley|tratamiento|privacidad)\b/;

function asksAboutConsent(normalized: string, words: readonly string[], intent: Intent, entities: Entities): boolean {
  const { asked, about, yesIdiom } = ASKS_ABOUT_CONSENT;
  // "Si no lo hago, ¿qué pasa?", "si no acepto puedo agendar?": what happens without the authorisation.
  if (CONDITIONAL_IF.test(normalized) && !entities.documentNumber) return true;
  // The sentence asked, where a question mark closes one: "autorizo, ¿qué sigue?" consents, and asks nothing about it.
  const end = normalized.lastIndexOf('?');
  const sentence =
    end < 0
      ? normalized
      : (
          normalized
            .slice(0, end)
            .split(/[.,;:!¡¿]/)
            .filter((part) => part.trim() !== '')
            .pop() ?? ''
        ).trim() + '?';
  if (!asked.test(sentence) || !about.test(sentence) || yesIdiom.test(normalized)) return false;
  // ("Hola buen día, ¿me pueden colaborar con una cita médica?": a cita asked for, not a question about the authorisation.)
  if (!CONSENT_WORDS.test(sentence) && citaAskedIn(sentence)) return false;
  // ("Sí señorita, autorizo, ¿y cuánto se demora esto?": the authorisation given in so many words, then what it costs or how long
  // it takes, asked by the way.)
  if (
    end >= 0 &&
    /\b(?:autorizo|acepto)\b/.test(normalized.slice(0, end)) &&
    (ASKS_COST.test(sentence) || ASKS_DURATION.test(sentence) || /\bcuanto (?:se )?(?:demora|tarda)\b/.test(sentence))
  )
    return false;
  if (entities.documentNumber || entities.asks) return false;
  const whole = words.join(' ');
  return !(OPERATIONS.has(intent) && operationCue(whole) !== undefined) && !citaAskedIn(whole);
}

function hasBookingEntity(entities: Entities): boolean {
  return Boolean(entities.specialty || entities.visitType || entities.site || entities.band || entities.day || entities.time);
}

/** Whether the message answers a question that shows no options (the date of birth, the document, the e-mail). */
function answersQuestion(question: Question, entities: Entities): boolean {
  switch (question) {
    case 'birthDate':
      // ("Ay perdón, me faltó un número, es 1010101010": the document again, corrected, is an answer there too.)
      return entities.birthDate !== undefined || entities.documentNumber !== undefined;
    case 'document':
    case 'documentType':
      return entities.documentNumber !== undefined || entities.documentType !== undefined;
    case 'email':
      return entities.email !== undefined || entities.noEmail === true;
    default:
      return false;
  }
}

/** "¿Y si la cancelo la puedo volver a sacar?", "¿después puedo pedir otra?": whether a cita can be booked again. */
const REBOOK_ASKED =
  /\b(?:la|lo) (?:puedo|podria|puede|podemos) volver a (?:sacar|pedir|agendar)\b|\b(?:despues|luego) (?:puedo|podria|podemos) (?:sacar|pedir|agendar) (?:otra|una nueva)\b|\bme (?:la )?(?:vuelven|volverian) a dar\b/;
/** "No es tan grave, prefiero la cita", "no es una emergencia, sigamos con la cita": the cita, rather than urgencias. */
const GO_ON_WITH_THE_CITA =
  /\b(?:(?:yo )?prefiero|prefiere|preferimos|sigamos con|seguimos con|sigo con) (?:la|una) (?:cita|consulta)\b|\bno (?:es|era) (?:tan |muy |nada )?(?:grave|urgente|emergencia|de urgencias)\b/;
/** A message that opens with a doubt: "no sé…", "ay no sé…", "mmm no sé, es que…". */
/** After a yes, a doubt that takes it back: "…o no sé", "…no sé, déjeme pensarlo", "…no estoy segura". */
const DOUBT_AFTER_YES =
  /\b(?:o no se|no se\W*$|no se\W+(?:dejeme|deme|dejame|mejor|todavia|la verdad|lo pienso|pensandolo)|no estoy segur[ao]|(?:dejeme|deme|dejame) (?:lo )?pensar(?:lo)?|lo (?:pienso|voy a pensar|tengo que pensar))\b/;
const DOUBT_OPENING =
  /^\W*(?:(?:ay|uy|m+|hm+|eh+|pues|bueno|es que|la verdad)\W+)*(?:dejeme|deme|dejame) (?:lo )?(?:pienso|pensar|pensarlo)\b|^\W*(?:(?:ay|uy|m+|hm+|eh+|pues|bueno|es que|la verdad)\W+)*(?:lo )?(?:voy a|tengo que|tendria que) pensar(?:lo)?\b|^\W*(?:(?:ay|uy|m+|hm+|eh+|pues|es que|la verdad)\W+)*no se\b(?! (?:si|que|como|cual|cuando|donde|nada)\b\s*\W*$)(?!\W+(?:moleste|molesta|preocupe|preocupa|afane|afana|angustie|ponga|olvide|puede|pudo|ha|han|me|le|la|lo|nos|te|haga)\b)/;
/** A message that opens with a yes: "sí, …", "claro que sí, …", "dale, …". */
const YES_OPENING = /^\W*(?:si|claro|dale|listo|ok|okey|bueno|perfecto|de una|con mucho gusto)\b/;
/** An "if" about the operation, not a yes: "si la cancelo…", "y si la muevo…". */
const IF_DONE = /^\W*(?:y )?si (?:la |lo |me la |se la )?(?:cancel|anul|muev|mov|pas|cambi|corr)\w*/;
/** A yes followed by "pero": "sí, pero…", "bueno pero…". */
const YES_BUT = /^\W*(?:si|sii|claro|dale|listo|ok|okey|bueno)\W+pero\b/;

/** Questions by the way that may be about one option shown: who it is with, where, when to arrive. */
const ABOUT_ONE_OPTION: ReadonlySet<Asked> = new Set(['doctor', 'address', 'arrival']);
