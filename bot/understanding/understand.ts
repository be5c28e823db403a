/**
 * The understanding step: one pure function from a member's message and the question Lina is
 * waiting on to an `Understanding` (intent, chosen option, entities). The engine calls it for
 * every message; machines decide on its result with guards.
 *
 * Offline and fast: rules and lookups built once from the lexicon, NLP.js's classifier for
 * the intent of free sentences, chrono-node (in `when.ts`) for days and times.
 */
import Fuse from 'fuse.js';
import { serviceOf, type Specialty } from '../domain.js';
import { isBusinessDay, isHoliday } from '../calendar.js';
import { readsAs, sameNormalizedName as sameName } from '../../dialogs/patients.js';
import { readBirthDate } from './birth-date.js';
import { documentTypesIn, readDocument } from './document.js';
import { readEmail } from './email.js';
import { stemOf, type IntentModel } from './intent-model.js';
import { PhraseIndex, type Found, type Lexicon } from './lexicon.js';
import { numberFromWords, ordinalFromWord } from './numbers.js';
import type { Entities, Expectation, Intent, PatientMention, Question, ShownOption, Understanding } from './types.js';
import {
  AFTER_AND_I,
  AFTER_SELF,
  AGREEING_WORDS,
  ANOTHER_REQUEST,
  ARTICLES,
  ASKS_FOR_A_CITA,
  ASKS_FOR_DAY,
  ASKS_WHAT_FOR,
  BACK_CUE,
  BEFORE_NAME,
  BEFORE_RELATION,
  BETWEEN_RELATION,
  CARE_VERBS,
  ACCOMPANYING,
  CHANGE_OF_MIND,
  CONSENTS,
  CORRECTION,
  ANYTHING_ELSE,
  ASKS_WHAT_IT_IS,
  COURTESY_FILLERS,
  DENYING_AFTER_NO,
  DIGITS,
  DOCUMENT_TYPE_NAMED,
  EARLIER,
  EARLIEST,
  EXPLICIT_BAND,
  FIRST_OF_ALL,
  GOODBYE_HINT,
  GOODBYE_WORDS,
  HELP_CUE,
  HOW_THEY_ARE,
  INTERJECTIONS,
  KEEP_IT,
  LATER,
  MAY_HOLD_A_DATE,
  MAY_HOLD_A_NUMBER,
  MENU_CUE,
  MORE_TIMES_ASKED,
  MOVE_TO,
  NONE_OF_THESE,
  NO_EMAIL_FIRST,
  OPENING_NUMBER,
  OPERATION_CUES,
  ORDINAL_ABBREVIATION,
  ORDINAL_OPENING,
  OTHER_DAY_CUE,
  PATIENT_CHANGE_CUE,
  PERSON_WORDS,
  PICKING_WORDS,
  PLACE_BEFORE_NAME,
  REFERRED_DAY,
  REQUEST,
  SAYING,
  STILL_THERE,
  TIME_BOUND,
  TWO_OF,
  UNSURE,
  WEAK_GOODBYE,
  WEAK_YES,
} from './cues.js';
import { readWhen } from './when.js';
import { Speller, normalizeMessage, wordsOf } from './words.js';

/** Characters of a message that are read: longer messages are refused by the engine anyway. */
const MAX_READ = 400;
/** Below this classifier score, a guess is too weak to act on: the message is `none`. */
const INTENT_THRESHOLD = 0.6;
/** Questions answered with yes or no. */
const YES_NO_QUESTIONS: ReadonlySet<Question> = new Set(['consent', 'confirm', 'offer']);
/** Questions about who the member is: a site named there is not one to book at. */
const IDENTITY_QUESTIONS: ReadonlySet<Question> = new Set(['document', 'documentType', 'birthDate', 'email']);
/** What a member says of a document or date as their own ("la mía", "soy yo"), not of a patient. */
const OWN_DOCUMENT: ReadonlySet<string> = new Set(['mia', 'es mia', 'la mia', 'soy yo', 'yo', 'y la mia']);
/** Questions where days are shown or a search is offered: "otro día" asks for another day there. */
const DAY_QUESTIONS: ReadonlySet<Question> = new Set(['slot', 'band', 'day', 'site', 'offer', 'confirm', 'visitType']);
/** Questions of the form whose options are all there is: "lo más pronto posible" answers them. */
const FORM_CHOICES: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'band']);
/** Questions of the booking form: asking to book while answering one is just answering. */
const BOOKING_QUESTIONS: ReadonlySet<Question> = new Set(['specialty', 'visitType', 'site', 'band', 'slot', 'day']);
/** Where a document number may be given: before and during identification. */
const DOCUMENT_QUESTIONS: ReadonlySet<Question> = new Set(['start', 'consent', 'document', 'documentType', 'birthDate']);
const OPERATIONS_IN_MENU: ReadonlySet<Intent> = new Set(['book', 'consult', 'cancel', 'reschedule', 'help']);
const OPERATIONS: ReadonlySet<Intent> = new Set(['book', 'consult', 'cancel', 'reschedule']);
/** Verbs that, after "mejor", do exactly what a yes/no offer proposed: "no, mejor radique el caso". */
const DOES_WHAT_WAS_OFFERED: ReadonlySet<string> = new Set(['radique', 'radiquelo', 'radicalo', 'radicar', 'hagalo', 'hagale', 'hazlo', 'dale', 'proceda']);
/** Questions where a day to move something to can only mean moving an appointment. */
const MOVE_QUESTIONS: ReadonlySet<Question> = new Set(['start', 'menu', 'appointment', 'existing']);
/** A message that opens with a "no" set apart by punctuation: "no, cámbiela para el viernes". */
const ANSWERING_NO = /^\s*(no|nop|nel)\s*[,.;:!]/;
const DOCTOR_TITLES: ReadonlySet<string> = new Set(['dr', 'dra', 'doctor', 'doctora', 'medico', 'medica']);
const BOGOTA_OFFSET_MS = -5 * 60 * 60 * 1000;
/** A capitalised word that does not open a sentence: "es para Sofía", "mi hijo Juan". */
const CAPITALISED = /(?<![.!?¿¡]\s*|^\s*)\b\p{Lu}\p{Ll}{2,}/gu;
const HAS_CAPITAL = /\p{Lu}/u;

/** What the understanding step needs: the lexicon, the trained classifier, the words to correct towards. */
export interface UnderstandingResources {
  lexicon: Lexicon;
  model: IntentModel;
  /** Every word Lina knows: the lexicon's and the training corpus's. */
  vocabulary: Iterable<string>;
  /** Words the training corpus uses as people's names: never "known" words that hide a name. */
  names?: Iterable<string>;
}

/** Reads one message, given what Lina asked and the moment it arrived. */
export type Understand = (text: string, expectation: Expectation, now: Date) => Understanding;

/** How an option was picked: by its position ("la 2"), or by what the message says. */
type Picked = { value: string; by: 'number' | 'words' };

const partsOfInstant = new Map<string, { day: string; time: string } | undefined>();

/** A Bogotá `YYYY-MM-DD` and `HH:MM` of an instant (slots come back turn after turn: remembered). */
function bogotaParts(instant: string): { day: string; time: string } | undefined {
  if (partsOfInstant.has(instant)) return partsOfInstant.get(instant);
  const time = Date.parse(instant);
  const parts = Number.isNaN(time) ? undefined : (() => {
    const iso = new Date(time + BOGOTA_OFFSET_MS).toISOString();
    return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
  })();
  if (partsOfInstant.size > 10_000) partsOfInstant.clear();
  partsOfInstant.set(instant, parts);
  return parts;
}

function lastValue<T>(found: ReadonlyArray<Found<T>>): T | undefined {
  return found.at(-1)?.value;
}

/** The words of `words` not covered by any of `found`. */
function uncovered(words: readonly string[], found: ReadonlyArray<Found<unknown>>): string[] {
  return words.filter((_, index) => !found.some((span) => index >= span.start && index < span.end));
}

export function createUnderstanding(resources: UnderstandingResources): Understand {
  const { lexicon, model } = resources;
  const names = new Set(resources.names ?? []);
  const vocabulary = new Set<string>();
  for (const word of resources.vocabulary) if (!names.has(word)) vocabulary.add(word);
  for (const word of lexicon.vocabulary) vocabulary.add(word);
  // A typo as near "cancela" as "cancelar" is still the verb: ties between words of one stem are no ties.
  const speller = new Speller(vocabulary, lexicon.protectedPairs, (word) => lexicon.meanings.get(word) ?? `stem:${stemOf(word)}`);
  const smallTalk = new PhraseIndex<'greet' | 'thanks'>();
  for (const intent of ['greet', 'thanks'] as const) for (const phrase of resourcesPhrases(intent)) smallTalk.add(phrase, intent);
  /** Option labels and aliases come back question after question: their words are worked out once. */
  const wordsOfLabel = new Map<string, string>();
  const labelWords = (text: string): string => {
    let known = wordsOfLabel.get(text);
    if (known === undefined) {
      known = wordsOf(normalizeMessage(text)).join(' ');
      if (wordsOfLabel.size > 5000) wordsOfLabel.clear();
      wordsOfLabel.set(text, known);
    }
    return known;
  };
  const fuzzyLabels = new Map<string, Fuse<ShownOption>>();

  function resourcesPhrases(intent: Intent): string[] {
    return [...lexicon.intentPhrases].filter(([, value]) => value === intent).map(([phrase]) => phrase);
  }

  /** A word that could be a person's first name: not a word Lina knows, not a typo of one. */
  /** A common first name as written, or with the letters doubled for emphasis single ("mateoo", "sofiia"). */
  const commonFirstName = (word: string): string | undefined => {
    if (lexicon.firstNames.has(word)) return word;
    const single = word.replace(/([a-z])\1+/g, '$1');
    if (single !== word && lexicon.firstNames.has(single)) return single;
    // "Mateito", "Sofiita", "Juanito": the name without its diminutive.
    const diminutive = /^([a-z]{3,}?)i?(it|ic)([oa])$/.exec(single);
    if (diminutive?.[1]) {
      for (const base of [`${diminutive[1]}${diminutive[3]}`, `${diminutive[1]}`, `${diminutive[1]}i${diminutive[3]}`]) if (lexicon.firstNames.has(base)) return base;
    }
    return undefined;
  };
  const mayBeName = (original: string): boolean =>
    /^[a-z]{3,}$/.test(original) &&
    !lexicon.notNames.has(original) &&
    !lexicon.vocabulary.has(original) &&
    !lexicon.relationWords.has(original) &&
    (names.has(original) || commonFirstName(original) !== undefined || (!speller.knows(original) && speller.correct(original) === original));

  return function understand(text, expectation, now) {
    const question = expectation.question;
    const read = text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
    const normalized = normalizeMessage(read);
    const original = wordsOf(normalized);
    const words = original.map((word) => speller.correct(word));
    const people = expectation.people ?? [];
    const entities: Entities = {};

    // Courtesy words ("por favor", "señorita") are set aside by several readings: found once.
    const courtesy = lexicon.courtesy.find(words);
    const specialties = lexicon.specialty.find(words);
    // "Es control, no primera vez": a visit type right after "no" is the one ruled out.
    // "Primera vez que uso esto": the member's first time here, not a first visit.
    const visitTypes = lexicon.visitType.find(words).filter((found) => words[found.start - 1] !== 'no' && !(words[found.end] === 'que' && CHANNEL_USE.test(words.slice(found.end + 1, found.end + 4).join(' '))));
    const sites = lexicon.sites.find(words);
    // "¿Le toca pediatra o médico general?" asks, and names neither.
    const alternatives = specialties.length > 1 && new Set(specialties.map((found) => found.value)).size > 1 && words.slice(specialties[0]?.end ?? 0, specialties.at(-1)?.start ?? 0).includes('o');
    const specialty = alternatives ? undefined : lastValue(specialties);
    if (specialty) entities.specialty = specialty;
    const visitType = lastValue(visitTypes);
    if (visitType) entities.visitType = visitType;
    const site = lastValue(sites);
    // "Nació en el hospital de Kennedy": where someone was born is no site to book at.
    if (site && !IDENTITY_QUESTIONS.has(question)) entities.site = site;

    // Days and times are read without the words that name a site ("Primero de Mayo", "la 26").
    const whenText = sites.length > 0 ? uncovered(words, sites).join(' ') : read;
    let when = readWhen(whenText, now, { mananaIsBand: question === 'band' });
    // "El juevs" where a day is expected: read again from the corrected words.
    if (!when.day && !when.time && DAY_QUESTIONS.has(question) && words.some((word, index) => word !== original[index])) {
      const corrected = readWhen(uncovered(words, sites).join(' '), now, { mananaIsBand: question === 'band' });
      if (corrected.day) when = corrected;
    }
    // "La de las 9, ay mejor la del miércoles a las 10:40": the day and time after a change of mind are the answer.
    const changed = CHANGE_OF_MIND.exec(normalizeMessage(whenText));
    if (changed && (when.day || when.time)) {
      const after = readWhen(normalizeMessage(whenText).slice(changed.index + changed[0].length), now, { mananaIsBand: question === 'band' });
      // The band said before the change of mind stays only when nothing after it names the time ("en la tarde… mejor el miércoles").
      if (after.day || after.time) when = { ...after, ...(after.band || !when.band || after.time ? {} : { band: when.band }) };
    }
    // A band the member asks for ("en la tarde", "temprano"), not a habit ("por las mañanas") nor the part of the day of an hour.
    if (when.band && (EXPLICIT_BAND.test(words.join(' ')) || (question === 'band' && !when.time))) entities.band = when.band;
    // "Me da igual, la que quede más cerca" at the site question is about the site, not the hour.
    if (entities.band === 'cualquiera' && question === 'site' && !/\b(hora|horas|horario|jornada|franja|manana|tarde)\b/.test(words.join(' '))) delete entities.band;
    if (when.day) {
      entities.day = when.day;
      // Holidays come from the project's calendar (Ley 51 de 1983 and Ley 2578 de 2026).
      if (!isBusinessDay(when.day)) entities.dayOff = isHoliday(when.day) ? 'holiday' : 'weekend';
    }
    if (when.weekday !== undefined && entities.day) entities.weekday = when.weekday;
    // "Tengo una cita el miércoles y necesito cambiarla pal jueves": the day after "cambiarla
    // para" is the new one; a day before it names the appointment.
    const moveTo = entities.day ? MOVE_TO.exec(normalizeMessage(whenText)) : null;
    if (moveTo) {
      const normalizedWhen = normalizeMessage(whenText);
      const target = readWhen(normalizedWhen.slice(moveTo.index + moveTo[0].length), now);
      const named = readWhen(normalizedWhen.slice(0, moveTo.index), now);
      if (target.day) {
        entities.newDay = target.day;
        if (named.day && named.day !== target.day) {
          entities.day = named.day;
          if (named.weekday !== undefined) entities.weekday = named.weekday;
          else delete entities.weekday;
        }
      }
    }
    // "Por la tarde, Sofi sale del jardín al mediodía": noon said as a reason beside the band asked for is no time.
    if (when.time === '12:00' && entities.band && /\b(medio ?dia)\b/.test(normalized) && !/\b12\b/.test(normalized)) delete when.time;
    if (when.time && question !== 'document') entities.time = when.time;
    // "¿Hay algo más temprano?" where slots are shown: earlier than those.
    if ((question === 'slot' || question === 'confirm') && EARLIER.test(words.join(' '))) entities.earlier = true;

    const today = bogotaParts(now.toISOString())?.day ?? '';
    // Most messages hold no date: the reader runs only on a digit, a month or a number word.
    // At its question, a date written with typos ("quinze de marso") is read from the corrected words too.
    const birthDate = MAY_HOLD_A_DATE.test(normalized) || question === 'birthDate' ? readBirthDate(read, today) ?? (question === 'birthDate' ? readBirthDate(words.join(' '), today) : undefined) : undefined;
    if (birthDate) {
      entities.birthDate = birthDate;
      delete entities.day;
      delete entities.weekday;
      delete entities.dayOff;
      delete entities.time;
    }
    // A document where one may be given: a number (or a number dictated in words), or the type alone.
    // Elsewhere, a document given with its type ("es para mí, cédula 1010101010") is read too.
    const documentHere = DOCUMENT_QUESTIONS.has(question) && (question === 'document' || question === 'documentType' || MAY_HOLD_A_NUMBER.test(normalized));
    if (documentHere || (/\d{5}/.test(normalized) && DOCUMENT_TYPE_NAMED.test(normalized))) {
      const document = readDocument(read);
      const typed = document.documentType !== undefined && document.documentNumber !== undefined;
      // "15 03 94", "15 de marzo de 1.994" at the date-of-birth question are the date, not a document.
      if (document.documentNumber && (documentHere || typed) && !(birthDate && !document.documentType && (question === 'birthDate' || isDateDigits(document.documentNumber, birthDate)))) {
        entities.documentNumber = document.documentNumber;
      }
      if (document.documentType && (typed || question === 'documentType' || question === 'document')) {
        entities.documentType = document.documentType;
      }
      // "El de la niña es registro civil, porque…": at the type question, the one type named is the answer.
      if (question === 'documentType' && !entities.documentType) {
        const named = documentTypesIn(read);
        if (named.length === 1 && named[0]) entities.documentType = named[0];
      }
      // "¡Ya le dije! 1010101010": at the document question, one long number is the number, whatever surrounds it.
      if (question === 'document' && !entities.documentNumber && !birthDate) {
        const numbers = normalized.match(/(?<![\d.])\d{1,3}(?:\.\d{3})+(?![\d.])|(?<!\d)\d{6,15}(?!\d)/g) ?? [];
        if (numbers.length === 1 && numbers[0]) entities.documentNumber = numbers[0].replace(/\./g, '');
      }
    }
    const email = readEmail(read);
    if (email.email) entities.email = email.email;
    // "No tengo" and "ninguno" answer the e-mail question; elsewhere only words about mail do.
    if (email.noEmail && (question === 'email' || /\b(correo|email|e mail|mail|gmail|hotmail)\b/.test(normalized))) entities.noEmail = true;
    // "No tengo, me pueden escribir por aquí?": the answer comes first, then the rest.
    if (question === 'email' && !entities.email && NO_EMAIL_FIRST.test(normalized)) entities.noEmail = true;

    // Words already read as an entity are not a yes or no ("no programada").
    const yesNo = readYesNo(words, question, visitTypes, normalized, courtesy);
    if (yesNo) entities.yesNo = yesNo;

    const capitalised = new Set<string>();
    if (HAS_CAPITAL.test(read)) for (const match of read.matchAll(CAPITALISED)) capitalised.add(normalizeMessage(match[0]));
    const patients = readPatients(original, words, question, expectation.options, question === 'email' ? [] : people, capitalised, () => clausesOf(normalized, original));
    if (patients.length > 0) entities.patients = patients.map((mention) => (mention.kind === 'name' ? withWrittenForm(mention, read) : mention));

    const intentRead = readIntent(words, question, yesNo, courtesy, ANSWERING_NO.test(normalized));
    let { intent } = intentRead;
    let score = intentRead.score;
    // "Holaaa pediatría pa Sofi el jueves x fa 🙏", "cita médico general pa mí": a first message of booking details is a booking, courtesy around it or not.
    if (question === 'start' && (intent === 'none' || intent === 'thanks' || intent === 'greet') && entities.specialty && (entities.visitType || entities.site || entities.day || entities.band || entities.patients?.length)) intent = 'book';
    // A phrase that is all small talk ("hasta mañana", "mil gracias") says nothing else.
    if (intentRead.ruled && (intent === 'greet' || intent === 'thanks' || intent === 'goodbye')) {
      for (const key of Object.keys(entities) as Array<keyof Entities>) if (key !== 'yesNo') delete entities[key];
    }
    // "Eso es todo por hoy", "gracias, hasta mañana": a goodbye names no day.
    if (intent === 'goodbye' || intent === 'thanks') {
      delete entities.day;
      delete entities.weekday;
      delete entities.dayOff;
      delete entities.time;
    }
    const smallTalkOnly = intentRead.ruled && (intent === 'greet' || intent === 'thanks' || intent === 'goodbye');
    // "Mover la del miércoles": the day that names the appointment, not the new one.
    const referring = question === 'appointment' ? REFERRED_DAY.exec(words.join(' ')) : null;
    const referredDay = referring?.[1] ? readWhen(referring[1], now).day : undefined;
    // "La de las 4, ay no, mejor la primera": the option after a change of mind is the one picked.
    const mindChange = words.findLastIndex((word, index) => word === 'mejor' || (word === 'bien' && words[index - 1] === 'mas'));
    const tail = mindChange > 0 ? words.slice(mindChange + 1) : [];
    const pickedAfterChange = !smallTalkOnly && tail.length > 0 ? pickOption(expectation, { words: tail, intent: 'none', entities, people, normalized: tail.join(' '), courtesy: [], referredDay }) : undefined;
    if (pickedAfterChange?.by === 'number') {
      // The hour of the option given up ("la de las 4") is no longer meant.
      delete entities.time;
      delete entities.day;
      delete entities.weekday;
      delete entities.dayOff;
    }
    const picked = smallTalkOnly ? undefined : pickedAfterChange ?? pickOption(expectation, { words, intent, entities, people, normalized, courtesy, referredDay });
    let pickedBook = false;
    // "El 2" at the patient question or the menu is the second option, not the 2nd of the month.
    // "El uno, para mi mamá": with no weekday, month or "hoy" said, the number is the option's too.
    if (picked?.by === 'number' && !DAY_QUESTIONS.has(question) && question !== 'appointment' && ((words.length <= 3 && !/\b(de|del)\b/.test(words.join(' '))) || !DAY_WORD.test(words.join(' ')))) {
      delete entities.day;
      delete entities.weekday;
      delete entities.dayOff;
    }

    // "La primera opción porfa, necesito sacar una cita": the number and the words agree.
    if (picked?.by === 'number' && !intentRead.ruled && intent !== 'goodbye' && intent !== 'reschedule' && intent !== 'cancel' && !(question === 'menu' && picked.value === intent)) intent = 'none';
    // An operation named at the menu ("agendar para mi hija") is that operation.
    if (picked?.by === 'words' && (question === 'menu' || question === 'existing') && intent === 'none' && OPERATIONS_IN_MENU.has(picked.value as Intent)) {
      intent = picked.value as Intent;
    }
    // A first message made of booking details ("medicina general control en Suba mañana a las 10") is a booking.
    if (intent === 'none' && question === 'start' && entities.specialty && (entities.visitType || entities.site || entities.day || entities.band)) intent = 'book';
    // At the menu, "una cita de pediatría, primera vez" or "necesito control" is a booking, whatever the classifier weighed.
    if (intent === 'none' && question === 'menu' && picked === undefined && (entities.specialty || entities.visitType) && optionValue(expectation.options, 'book')) {
      intent = 'book';
      pickedBook = true;
    }
    // A document, a date of birth or an e-mail where one is asked is the answer, whatever else the words suggest.
    // A question about why it is asked ("¿para qué necesitan mi cédula?") is help, unless the answer comes with it.
    const onlyAsksWhy = intent === 'help' && !entities.documentNumber && !entities.birthDate && !entities.email;
    // "Necesito cancelar una cita, mi cc es 1010101010": the operation a cue names is kept with the document, and acted on after
    // identification. Not a booking: "ojalá me den la cita pronto" with a date of birth is a wish, and booking is the default anyway.
    const namedOperation = IDENTITY_QUESTIONS.has(question) && OPERATIONS.has(intent) && intent !== 'book' && operationCue(words.join(' ')) === intent;
    if (!intentRead.ruled && answersQuestion(question, entities) && !['goodbye', 'menu', 'back'].includes(intent) && !onlyAsksWhy && !namedOperation) intent = 'none';
    // "En la tarde xq Mateo tiene colegio", "es de control porque ya la habían visto": an answer to the form with a story
    // around it, not another operation, unless a word of one says so.
    if ((BOOKING_QUESTIONS.has(question) || question === 'patient') && (intent === 'consult' || intent === 'cancel' || intent === 'reschedule') && !intentRead.ruled && (picked !== undefined || answersQuestion(question, entities)) && operationCue(words.join(' ')) === undefined) intent = 'none';
    // "¿Qué horarios hay pa Mateo el lunes?" before any slot is shown: a booking.
    if ((question === 'start' || question === 'menu') && (intent === 'more_times' || intent === 'other_day') && picked === undefined) {
      intent = 'book';
      if (question === 'menu' && optionValue(expectation.options, 'book')) pickedBook = true;
    }
    // Asking to book while answering a question of the booking form is answering it.
    if (intent === 'book' && BOOKING_QUESTIONS.has(question) && (picked !== undefined || hasBookingEntity(entities))) intent = 'none';
    // Small talk around an answer is politeness: "hola, la 2", "nací el 15/03/1994, bendiciones".
    if ((intent === 'greet' || intent === 'thanks') && !intentRead.ruled && question !== 'start' && (picked !== undefined || answersQuestion(question, entities))) {
      intent = yesNo === 'yes' ? 'affirm' : yesNo === 'no' ? 'deny' : 'none';
    }
    // "No, es para Sofía", "espere, es para mi hija" in the middle of a flow: another patient.
    if (
      entities.patients?.length &&
      !['start', 'patient', 'consent', 'document', 'documentType', 'birthDate'].includes(question) &&
      ['none', 'deny', 'affirm', 'back', 'book'].includes(intent) &&
      CORRECTION.test(normalized)
    ) {
      // "No, quiero otra cita aparte para Mateo" asks for another booking.
      intent = ANOTHER_REQUEST.test(normalized) ? 'book' : 'change_patient';
    }
    // At the consent question, "sí, necesito una cita" consents and asks: the request is kept.
    if ((question === 'confirm' || question === 'offer') && !intentRead.ruled) {
      // "Sí, y también quiero una para Mateo": the yes, and a new booking.
      if (yesNo === 'yes' && ANOTHER_REQUEST.test(normalized) && (entities.patients?.length || entities.specialty) && ['affirm', 'change_patient', 'book'].includes(intent)) intent = 'book';
      // "Sí, confírmela", "sí, cancélela", "sí gracias", "sí. ¿qué debo llevar?": the yes is the answer.
      else if (yesNo === 'yes' && (['book', 'consult', 'cancel', 'reschedule', 'thanks', 'more_times', 'none'].includes(intent) || (intent === 'back' && !BACK_CUE.test(normalized)))) intent = 'affirm';
      // "No, ya no la necesito": the no is the answer.
      else if (yesNo === 'no' && ['book', 'consult', 'cancel', 'thanks', 'none'].includes(intent)) intent = 'deny';
    }
    // "No, perdón, mejor en la 26": another site (or specialty, day…), not another patient.
    if (intent === 'change_patient' && !entities.patients?.length && !PATIENT_CHANGE_CUE.test(normalized) && !/\b(paciente|persona|otro hijo|otra hija)\b/.test(normalized) && (entities.site || entities.specialty || entities.visitType || entities.band || entities.day)) intent = 'none';
    // "No, quiero otra cita aparte para Mateo": another booking, not another patient for this one.
    if (intent === 'change_patient' && ANOTHER_REQUEST.test(normalized) && question !== 'patient') intent = 'book';
    // At the patient question, naming the patient is the answer, however it is put.
    if (question === 'patient' && entities.patients?.length && (intent === 'book' || intent === 'deny' || ((intent === 'change_patient' || intent === 'help') && !intentRead.ruled))) intent = 'none';
    // A change of patient the classifier weighed, with an answer picked and no word of correction, is the answer ("medicina general para mí").
    if (intent === 'change_patient' && !intentRead.ruled && picked !== undefined && !CORRECTION.test(normalized) && !PATIENT_CHANGE_CUE.test(normalized)) intent = 'none';
    // Another day needs a day: "¿hay en Soacha?" at the site question asks about a site.
    if (intent === 'other_day' && !entities.day && entities.weekday === undefined && !OTHER_DAY_CUE.test(normalized) && !/\b(dia|dias|fecha|fechas|semana|semanas|mes|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b/.test(normalized)) intent = 'none';
    if (question === 'patient' && entities.patients?.length && intent === 'other_day' && !entities.day) intent = 'none';
    // "Es urgente, lo más pronto posible" answers the form's question; it does not ask for more slots.
    // "¿No hay más horarios?" at the band question asks, and answers nothing: it stays.
    if (intent === 'more_times' && ((FORM_CHOICES.has(question) && (picked !== undefined || answersQuestion(question, entities) || !MORE_TIMES_ASKED.test(normalized))) || question === 'appointment' || (question === 'slot' && picked !== undefined))) intent = 'none';
    // "La de mi hijo, que ya se mejoró": which appointment, not a new booking.
    if (question === 'appointment' && intent === 'book' && !ASKS_FOR_A_CITA.test(words.join(' ')) && !/\b(nueva|nuevo|sacar|pedir|agendar)\b/.test(words.join(' '))) intent = 'none';
    // "¿Y el viernes?", "¿no tiene para el jueves?": asking for a day none of the slots or days shown is on.
    if ((question === 'slot' || question === 'day') && picked === undefined && entities.day && (intent === 'none' || intent === 'more_times') && !entities.time && ASKS_FOR_DAY.test(normalized) && !LATER.test(normalized)) intent = 'other_day';
    if ((question === 'day' || question === 'slot') && picked !== undefined && intent === 'other_day') intent = 'none';
    // "¿Hay algo después de las 4?": later than a time is more slots.
    if (question === 'slot' && picked === undefined && intent === 'none' && entities.time && TIME_BOUND.test(normalized)) intent = 'more_times';
    // "¿Algo más tardecito?", "ninguna de esas, necesito en la mañana": other times than those shown.
    if (question === 'slot' && picked === undefined && intent === 'none' && !entities.day && (LATER.test(normalized) || ANYTHING_ELSE.test(normalized) || (NONE_OF_THESE.test(normalized) && entities.band))) intent = 'more_times';
    // "¿No hay más tarde el miércoles?": later times that day.
    if (question === 'slot' && picked === undefined && intent === 'none' && entities.day && !entities.time && LATER.test(normalized)) intent = 'more_times';
    // "La 2 no me sirve": the slots shown do not suit, as "ninguna me sirve" says.
    if ((question === 'slot' || question === 'day') && picked === undefined && intent === 'none' && turnedDown(words)) {
      intent = 'deny';
      entities.yesNo = 'no';
    }
    let choice = picked?.value ?? (pickedBook ? 'book' : undefined);
    // "¿Y esa me la puede pasar pal jueves?" where no slot is being chosen: moving an appointment.
    if (entities.newDay && (intent === 'none' || intent === 'other_day') && MOVE_QUESTIONS.has(question) && (picked === undefined || question === 'appointment')) {
      intent = 'reschedule';
      if (question === 'menu' || question === 'existing') choice = optionValue(expectation.options, 'reschedule') ?? choice;
    }
    // "27" at the days shown: the day picked is the day said.
    if (question === 'day' && picked?.by === 'words' && !entities.day) entities.day = picked.value;
    // "Mañanaaa", "la última, el PPT": the option picked is also what the message says.
    if (question === 'band' && picked?.by === 'words' && !entities.band && !entities.time && (picked.value === 'manana' || picked.value === 'tarde' || picked.value === 'cualquiera')) entities.band = picked.value;
    if (question === 'documentType' && picked?.by === 'words' && !entities.documentType) entities.documentType = picked.value as NonNullable<Entities['documentType']>;
    // "Para mí y para Sofía una cita", "bns tardes una cita xfa": a first message about a cita asks for one
    // (naming patients there is no change of patient: nobody was chosen yet).
    if (question === 'start' && intent === 'change_patient' && !intentRead.ruled && !PATIENT_CHANGE_CUE.test(normalized) && !CORRECTION.test(normalized) && ASKS_FOR_A_CITA.test(words.join(' '))) intent = 'none';
    if (intent === 'none' && (question === 'start' || question === 'menu') && picked === undefined && ASKS_FOR_A_CITA.test(words.join(' ')) && !intentRead.ruled) {
      intent = 'book';
      if (question === 'menu' && optionValue(expectation.options, 'book')) choice = 'book';
    }
    // "Ok acepto, pero la cita no es para mí, es para Mateo": consent, with the patient said (kept for after identification).
    if (question === 'consent' && yesNo === 'yes' && intent === 'change_patient') intent = 'affirm';
    // "Sí señorita, con mucho gusto autorizo": consent and nothing asked for, whatever the classifier weighed.
    if (question === 'consent' && yesNo === 'yes' && OPERATIONS.has(intent) && !intentRead.ruled && operationCue(words.join(' ')) === undefined && !ASKS_FOR_A_CITA.test(words.join(' '))) intent = 'affirm';
    if (choice === undefined && YES_NO_QUESTIONS.has(question) && (intent === 'affirm' || intent === 'deny') && !(yesNo === undefined && intentRead.ruled === false && intent === 'deny' && entities.noEmail)) {
      choice = intent === 'affirm' ? optionValue(expectation.options, 'yes') : optionValue(expectation.options, 'no');
    }
    // "¿Qué es no programada?", "¿cuál es la diferencia?": what the options mean is asked, none is picked.
    if (EXPLAINED_QUESTIONS.has(question) && ASKS_WHAT_IT_IS.test(normalized) && !entities.patients?.length && !/\b(persona|asesor|asesora|humano|alguien|ayuda|ayudar|ayudame|ayudeme)\b/.test(normalized)) {
      intent = 'help';
      choice = undefined;
      delete entities.specialty;
      delete entities.visitType;
      delete entities.band;
      delete entities.yesNo;
      entities.asksWhatItIs = true;
    }
    if (intent !== intentRead.intent) score = 1;
    const result: Understanding = { intent, intentScore: score, entities };
    if (choice !== undefined) result.choice = choice;
    return result;
  };

  function readIntent(
    words: readonly string[],
    question: Question,
    yesNo: 'yes' | 'no' | undefined,
    courtesy: ReadonlyArray<Found<true>>,
    answeringNo = false,
  ): { intent: Intent; score: number; ruled: boolean } {
    if (words.length === 0) return { intent: 'none', score: 1, ruled: true };
    const whole = words.join(' ');
    const phrase = uncovered(words, courtesy).join(' ') || whole;
    const ruled = lexicon.intentPhrases.get(whole) ?? lexicon.intentPhrases.get(phrase);
    if (ruled) return { intent: ruled, score: 1, ruled: true };
    const yesNoQuestion = YES_NO_QUESTIONS.has(question);
    // "Perfecto, muchas gracias" after an answer is thanks, not a yes to a question nobody asked.
    if (!yesNoQuestion && WEAK_YES.has(phrase) && smallTalk.find(words).some((found) => found.value === 'thanks')) return { intent: 'thanks', score: 1, ruled: true };
    if (lexicon.yes.has(whole) || lexicon.yes.has(phrase) || (yesNoQuestion && (lexicon.yesVerbs.has(whole) || lexicon.yesVerbs.has(phrase)))) {
      return { intent: 'affirm', score: 1, ruled: true };
    }
    if (lexicon.no.has(whole) || lexicon.no.has(phrase)) return { intent: 'deny', score: 1, ruled: true };
    if (GOODBYE_WORDS.find(words).length > 0) return { intent: 'goodbye', score: 1, ruled: false };
    if (PERSON_WORDS.find(words).length > 0 || HELP_CUE.test(whole)) return { intent: 'help', score: 1, ruled: false };
    if (MENU_CUE.test(whole)) return { intent: 'menu', score: 1, ruled: false };
    if (question !== 'start' && question !== 'menu' && BACK_CUE.test(whole)) return { intent: 'back', score: 1, ruled: false };
    if (PATIENT_CHANGE_CUE.test(whole)) return { intent: 'change_patient', score: 1, ruled: false };
    // "¿Y eso para qué es?" to the authorisation: what it is for.
    if (question === 'consent' && ASKS_WHAT_FOR.test(whole)) return { intent: 'help', score: 1, ruled: false };
    // "Ah, no sabía que ya tenía cita, entonces déjela así": nothing to cancel.
    if (KEEP_IT.test(whole) && !/\bcancel/.test(whole) && !/\b(otra|nueva|otro)\b/.test(whole)) return { intent: /\bgracias\b/.test(whole) ? 'thanks' : 'none', score: 1, ruled: false };
    // "Hola, perdón, ¿sigue ahí? Se me fue la señal": checking Lina is there.
    if (STILL_THERE.test(whole) && words.length <= 14 && !operationCue(whole)) return { intent: 'greet', score: 1, ruled: false };
    const cued = operationCue(whole, answeringNo);
    if (cued) return { intent: cued, score: 0.9, ruled: false };
    if (DAY_QUESTIONS.has(question) && OTHER_DAY_CUE.test(whole) && !/\bno (quiero |es )?(otro dia|otra fecha)\b/.test(whole)) return { intent: 'other_day', score: 0.9, ruled: false };

    // Greetings, thanks and courtesy around a request do not decide its intent.
    const talk = smallTalk.find(words);
    const content = uncovered(words, [...talk, ...courtesy]);
    // "Hola ok 🙏" is small talk; "dos porfa 🙏" is an option picked politely.
    const lone = content.length === 1 ? content[0] ?? '' : '';
    const loneNumber = /^\d+$/.test(lone) || numberFromWords(lone) !== undefined || ordinalFromWord(lone) !== undefined;
    if (content.length === 0 || (talk.length > 0 && content.length === 1 && lone.length <= 3 && !loneNumber)) {
      if (talk.length === 0) return { intent: 'none', score: 1, ruled: true };
      // "Sí, gracias, muy amable" to a yes/no question: the yes.
      if (yesNoQuestion && yesNo) return { intent: yesNo === 'yes' ? 'affirm' : 'deny', score: 1, ruled: true };
      // "Holaaa buenas noches 🙏": a greeting first is a greeting.
      const kind = talk[0]?.value === 'greet' ? 'greet' : talk.some((found) => found.value === 'thanks') ? 'thanks' : 'greet';
      return { intent: kind, score: 1, ruled: true };
    }
    const guess = model.classify(content);
    let intent: Intent = guess.score >= INTENT_THRESHOLD ? guess.intent : 'none';
    if (intent === 'greet' || intent === 'thanks') intent = 'none';
    // A goodbye needs a goodbye word: "ya salieron los resultados" ends nothing.
    if (intent === 'goodbye' && !GOODBYE_HINT.test(whole) && !(words.length <= 3 && /\bsalir\b/.test(whole))) intent = 'none';
    // "Muchas gracias por todo, Dios los bendiga", "buenas tardes, que tenga feliz día": thanks or a greeting, not a goodbye.
    const opensWith = talk.length > 0 && talk[0] !== undefined && uncovered(words.slice(0, talk[0].start), courtesy).length === 0 ? talk[0].value : undefined;
    if (intent === 'goodbye' && opensWith && (WEAK_GOODBYE.test(whole) || !GOODBYE_HINT.test(uncovered(words, talk).join(' ')))) intent = opensWith;
    // "Gracias por el recordatorio de la cita", "gracias por la paciencia, ya le digo": thanks, when nothing is asked.
    if (opensWith === 'thanks' && !yesNo && (intent === 'none' || intent === 'book' || intent === 'consult' || intent === 'goodbye') && !REQUEST.test(whole)) intent = 'thanks';
    if (intent === 'greet' || intent === 'thanks') return { intent, score: 1, ruled: false };
    if (intent === 'none' && STILL_THERE.test(whole)) return { intent: 'greet', score: 1, ruled: false };
    // A yes or a no the classifier did not weigh, with nothing else asked: the answer it is.
    if (yesNo && intent === 'none') intent = yesNo === 'yes' ? 'affirm' : 'deny';
    if (intent === 'affirm' && yesNo === 'no') intent = 'deny';
    if (intent === 'deny' && yesNo === 'yes') intent = 'affirm';
    if ((intent === 'affirm' || intent === 'deny') && !yesNo && !yesNoQuestion) intent = 'none';
    // A greeting or thanks with a few words Lina cannot act on is that greeting; a long story with "buenas tardes" in front is not.
    if (intent === 'none' && talk.length > 0 && content.length <= 5) intent = talk.some((found) => found.value === 'thanks') ? 'thanks' : 'greet';
    return { intent, score: intent === guess.intent ? guess.score : 1 - guess.score, ruled: false };
  }

  /**
   * A yes or a no that answers: the first word that is not a greeting or courtesy, or the
   * whole message. "No sé", "no tengo correo" and "no programada" are not a no; "ok pero no
   * entiendo" is not a yes.
   */
  function readYesNo(
    words: readonly string[],
    question: Question,
    covered: ReadonlyArray<Found<unknown>>,
    normalized: string,
    courtesy: ReadonlyArray<Found<true>>,
  ): 'yes' | 'no' | undefined {
    if (words.length === 0) return undefined;
    const whole = words.join(' ');
    const yesNoQuestion = YES_NO_QUESTIONS.has(question);
    // "No, mejor radique el caso" to "¿Radico el caso?": the change of mind does what was offered.
    if (yesNoQuestion) {
      const mind = /\b(mejor|mas bien|pensandolo bien|pensandolo mejor)\b/.exec(whole);
      const after = mind ? words.slice(wordsOf(whole.slice(0, mind.index + mind[0].length)).length) : [];
      // Only a verb that does what was offered and names nothing else: "no, mejor cancélela" at "¿La muevo?"
      // and "no, mejor busque otra fecha" at "¿Busco en la tarde?" are other requests, not a yes.
      if (mind && after.length > 0 && DOES_WHAT_WAS_OFFERED.has(after[0] ?? '') && !after.includes('no') && !operationCue(after.join(' ')) && !OTHER_DAY_CUE.test(after.join(' '))) return 'yes';
    }
    // "No, es para Mateo": a no set apart by punctuation answers on its own.
    if (/^[^a-z0-9]*(no|nop|nel)\s*[,.;!]/.test(normalized)) return 'no';
    if (lexicon.no.has(whole)) return 'no';
    if (lexicon.yes.has(whole) || (yesNoQuestion && lexicon.yesVerbs.has(whole))) return 'yes';
    if (/^no (se|entiendo|entendi|le entiendo)\b/.test(whole)) return undefined;
    if (question === 'consent' && CONSENTS.test(whole)) return 'yes';
    if (yesNoQuestion && /^(esa|ese) no\b/.test(whole)) return 'no';
    // "Esa misma, la del miércoles" to "¿La cancelo?".
    if (yesNoQuestion && /^(si )?(esa|esa misma|esa es|la misma|esa misma es|ese mismo|ese)( |$)/.test(whole) && !/\bno\b/.test(whole) && !normalized.includes('?') && words.length <= 6) return 'yes';
    // "¿Otra vez? ¡Ya le dije que sí!"
    if (yesNoQuestion && /\b(ya )?(le|te|les) (dije|estoy diciendo|acabo de decir) que (si|no)\b/.test(whole)) return /que si\b/.test(whole) ? 'yes' : 'no';
    const skip = [...courtesy, ...lexicon.greetings.find(words)];
    let start = 0;
    // "Este… sí": at a yes/no question, "este" in front is a dictated pause.
    while (start < words.length && (INTERJECTIONS.has(words[start] ?? '') || (yesNoQuestion && (words[start] === 'este' || words[start] === 'aver')) || (skip.some((span) => start >= span.start && start < span.end) && !isYesNoWord(words[start] ?? '')))) start++;
    const first = /^no{2,}$/.test(words[start] ?? '') ? 'no' : words[start];
    if (first === undefined) return undefined;
    if (covered.some((span) => start >= span.start && start < span.end)) return undefined;
    // "Ninguna me sirve" refuses an offer; at a list it asks for something else.
    if ((first === 'ninguna' || first === 'ninguno') && !yesNoQuestion) return undefined;
    if (first === 'no' || first === 'nop' || first === 'nel' || first === 'ninguna' || first === 'ninguno' || first === 'negativo' || first === 'nooo') {
      const next = words[start + 1];
      const after = words[start + 2];
      if (first === 'no' && next !== undefined) {
        // At a yes/no question almost any "no …" refuses ("no me sirve", "no puedo ese día");
        // only not knowing or not understanding does not.
        if (yesNoQuestion ? UNSURE.has(next) || (next === 'me' && UNSURE.has(after ?? '')) : lexicon.notRefusal.has(next)) return undefined;
      }
      return 'no';
    }
    const two = `${first} ${words[start + 1] ?? ''}`;
    // "Me sirve la del martes" picks a slot; "me sirve" alone, or at a yes/no question, is a yes.
    if (!yesNoQuestion && (two === 'me sirve' || first === 'sirve') && words.length > start + (two === 'me sirve' ? 2 : 1)) return undefined;
    if ((lexicon.yes.has(two) || (yesNoQuestion && lexicon.yesVerbs.has(two))) && !WEAK_YES.has(first)) return 'yes';
    if (lexicon.yes.has(first) || (yesNoQuestion && lexicon.yesVerbs.has(first))) {
      if (!WEAK_YES.has(first)) return 'yes';
      // "Bueno, dale, en la tarde": a weak yes followed by a plain one.
      const next = words[start + 1];
      if (next !== undefined && lexicon.yes.has(next) && !WEAK_YES.has(next)) return 'yes';
      // "Listo", "bueno", "eso" say yes only with nothing but other yes or courtesy words: "eso cuánto cuesta" does not;
      // and "listo, gracias" where nothing was asked is thanks.
      if (!yesNoQuestion && words.slice(start + 1).some((word) => word === 'gracias')) return undefined;
      const rest = uncovered(words.slice(start + 1), lexicon.courtesy.find(words.slice(start + 1)));
      if (rest.every((word) => lexicon.yes.has(word) || (yesNoQuestion && lexicon.yesVerbs.has(word)))) return 'yes';
      // "Bueno, entonces en la tarde" to "¿Busco en la tarde?": a yes that repeats what was offered.
      if (yesNoQuestion && rest.length > 0 && rest.every((word) => lexicon.yes.has(word) || AGREEING_WORDS.has(word))) return 'yes';
    }
    return undefined;
  }

  /** The operation the last undenied cue names, if any. */
  /** `answeringNo`: the message opens with a "no" set apart ("no, cámbiela"), which answers and denies nothing after it. */
  function operationCue(whole: string, answeringNo = false): Intent | undefined {
    // Cancel, reschedule and consult outrank booking: their sentences also say "la cita de pediatría".
    let best: { intent: Intent; at: number } | undefined;
    let booking = false;
    for (const [intent, cue] of OPERATION_CUES) {
      cue.lastIndex = 0;
      for (let match = cue.exec(whole); match; match = cue.exec(whole)) {
        // "No quiero cancelar", "no es para cancelar": a denied cue names nothing.
        const before = whole.slice(Math.max(0, match.index - 14), match.index);
        if (/\bno (quiero |es para |era para |voy a |necesito )?$/.test(before) && !(answeringNo && match.index === 3)) continue;
        if (intent === 'book') booking = true;
        else if (!best || match.index > best.at) best = { intent, at: match.index };
      }
    }
    return best?.intent ?? (booking ? 'book' : undefined);
  }

  function isYesNoWord(word: string): boolean {
    return lexicon.yes.has(word) || lexicon.no.has(word);
  }

  /**
   * Who the member names: themself ("para mí", never "para mi hija"), relations ("mi hijo",
   * "la niña"), first names ("para Sofía", "mi hijo Mateo", or a name of the member's family
   * anywhere). A mention denied in its clause ("no es para mí, es para mi hijo") gives way to
   * the others.
   */
  function readPatients(
    original: readonly string[],
    words: readonly string[],
    question: Question,
    options: readonly ShownOption[],
    people: readonly string[],
    capitalised: ReadonlySet<string>,
    clausesOfWords: () => readonly number[],
  ): PatientMention[] {
    // "Mándelo al de Sofi: sofi.gomez@gmail.com": at the e-mail question, a person says whose address it is.
    if (question === 'email' && !/\bcita\b/.test(words.join(' '))) return [];
    let clauses: readonly number[] | undefined;
    /** `weak`: named only to say who the writer is ("soy la mamá de Sofía y Mateo"); it gives way to a patient named for the cita. */
    const mentions: Array<{ mention: PatientMention; at: number; denied: boolean; weak?: boolean }> = [];
    // The first of `people` is the member; common first names help before anyone is identified.
    const self = people[0];
    const known = [...people, ...(question === 'patient' ? namesInOptions(options) : [])];
    const knownOrCommon = (word: string) => known.some((name) => sameName(word, name)) || commonFirstName(word) !== undefined || [...lexicon.firstNames].some((name) => word.length >= 4 && name.startsWith(word) && name.length - word.length <= 2);
    /** "no es para mí", "no para los niños": a "no" up to three small words before the mention. */
    const deniedAt = (index: number) => {
      // "La de Mateo queda igual", "la de Sofía no la toque": kept as it is, not the one meant.
      let next = index + 1;
      while (next < words.length && (lexicon.relationWords.has(words[next] ?? '') || ['el', 'la', 'los', 'las'].includes(words[next] ?? ''))) next++;
      if (LEFT_AS_IT_IS.test(original.slice(next, next + 5).join(' '))) return true;
      let cursor = index - 1;
      while (cursor >= 0 && index - cursor <= 3 && (ARTICLES.has(words[cursor] ?? '') || words[cursor] === 'para' || words[cursor] === 'de' || words[cursor] === 'es' || words[cursor] === 'pa' || words[cursor] === 'los' || words[cursor] === 'las')) cursor--;
      // "No, es para Mateo": a "no" in the clause before denies nothing.
      // "Ninguno de los niños, es para mi esposo": none of them.
      if (cursor >= 0 && (words[cursor] === 'ninguno' || words[cursor] === 'ninguna' || words[cursor] === 'ni') && cursor < index - 1) {
        clauses ??= clausesOfWords();
        return clauses[cursor] === clauses[index];
      }
      if (!(cursor >= 0 && words[cursor] === 'no' && cursor < index - 1)) return false;
      clauses ??= clausesOfWords();
      return clauses[cursor] === clauses[index];
    };
    /** Where names were read, so that "Mateo y Sofía" reads the second joined to the first. */
    const namedWords = new Set<number>();
    const push = (mention: PatientMention, at: number, again = false, weak = false) => {
      const key = JSON.stringify(mention);
      if (!again && mentions.some((seen) => JSON.stringify(seen.mention) === key)) return;
      mentions.push({ mention, at, denied: deniedAt(at), ...(weak ? { weak } : {}) });
    };
    /** A name as the member's people spell it, or as a common first name ("mateoo", "Sofiia"): a letter doubled for emphasis is no other person. */
    const nameOf = (word: string) => known.find((name) => sameName(word, name)) ?? commonFirstName(word) ?? [...lexicon.firstNames].find((name) => word.length >= 4 && name.startsWith(word) && name.length - word.length <= 2) ?? word;
    /** The member's own name is the member: "para Laura, o sea yo". */
    const personOf = (word: string): PatientMention => (self !== undefined && sameName(word, self) ? { kind: 'self' } : { kind: 'name', name: nameOf(word) });

    for (const found of lexicon.self.find(words)) {
      const phrase = words.slice(found.start, found.end).join(' ');
      if ((phrase === 'yo' || phrase === 'personal') && (question !== 'patient' || words.length > 3)) continue;
      // "Cédula 1010101010, la mía": the document is the member's own; it says nothing of the patient.
      if (IDENTITY_QUESTIONS.has(question) && OWN_DOCUMENT.has(phrase)) continue;
      // "Mi hija y yo" is the member too; "y yo los llevo" is someone telling a story.
      if (phrase === 'y yo') {
        const next = words[found.end];
        const clauseEnds = next !== undefined && clausesOfWords()[found.end] !== clausesOfWords()[found.end - 1];
        if (next !== undefined && !clauseEnds && !AFTER_SELF.has(next) && !AFTER_AND_I.has(next) && lexicon.courtesy.find([next]).length === 0) continue;
      }
      if (phrase.endsWith('mi')) {
        // "para mi hija": "mi" is a possessive unless nothing, a word of a sentence, or the member's own name follows.
        const next = words[found.end];
        const ownName = next !== undefined && self !== undefined && sameName(next, self);
        // "Para mí, trabajo toda la semana": a comma ends the mention.
        const clauses = next !== undefined ? clausesOfWords() : [];
        const clauseEnds = next !== undefined && clauses[found.end] !== clauses[found.end - 1];
        if (next !== undefined && !ownName && !clauseEnds && !AFTER_SELF.has(next) && lexicon.courtesy.find([next]).length === 0) continue;
      }
      // "La mía no me la pidieron": the member, denied.
      if (words[found.end] === 'no' && DENYING_AFTER_NO.has(words[found.end + 1] ?? '') && phrase !== 'yo') continue;
      // "Yo misma llevo a Sofi": the member takes the patient.
      if (ACCOMPANYING.has(original[found.end] ?? '') || (original[found.end] === 'la' && ACCOMPANYING.has(original[found.end + 1] ?? ''))) continue;
      // "La mía, la del miércoles" to "¿Cuál cita?": my appointment, as "mi cita" is.
      if ((question === 'appointment' || question === 'existing' || question === 'menu') && OWN_DOCUMENT.has(phrase) && !/\bno (la|el) de\b/.test(words.join(' '))) continue;
      push({ kind: 'self' }, found.end - 1);
    }
    if (question === 'patient' && (words.join(' ') === 'mi' || words.join(' ') === 'yo')) push({ kind: 'self' }, 0);
    // "Mis citas, no las de los niños": the member's own, set against the others'.
    const ownSetApart = /\b(mi|mis) (propia |propias )?citas?\b.*\bno (la|las|el|los) de\b/.exec(words.join(' '));
    if (ownSetApart) push({ kind: 'self' }, words.join(' ').slice(0, ownSetApart.index).split(' ').length - 1);

    const relations = lexicon.relations.find(words);
    /** "El hijo de mi otra hija", "la niña de mi hermana": a child of a relative is someone else, and the relative is no patient. */
    const ofRelative = new Set<number>();
    const relativesNamed = new Set<number>();
    for (const found of relations) {
      if (words[found.end] !== 'de') continue;
      let cursor = found.end + 1;
      while (cursor < words.length && cursor - found.end <= 3 && (ARTICLES.has(words[cursor] ?? '') || ['mi', 'mis', 'su', 'sus', 'otra', 'otro'].includes(words[cursor] ?? ''))) cursor++;
      const relative = relations.find((other) => other.start === cursor && other !== found);
      if (relative === undefined) continue;
      ofRelative.add(found.start);
      relativesNamed.add(relative.start);
    }
    for (const found of relations) {
      if (relativesNamed.has(found.start)) continue;
      // "Me confundí de niño": the mistake, not a patient.
      if (words[found.start - 1] === 'de' && /^(confundi|equivoque|confundio|equivoco)$/.test(original[found.start - 2] ?? '')) continue;
      // "La de niños", "el médico de niños": pediatrics, not a patient.
      if (words[found.start] === 'ninos' && words[found.start - 1] === 'de' && CHILDREN_SERVICE.has(words[found.start - 2] ?? '')) continue;
      // "Para mi hijo", "la cita de la niña", "mi hijo Mateo", "mi hijo" said alone: a patient.
      // "Mi mamá dice que…", "soy la mamá de los niños": not one.
      let cursor = found.start - 1;
      while (cursor >= 0 && found.start - cursor <= 3 && (BETWEEN_RELATION.has(words[cursor] ?? '') || words[cursor] === 'mi' || words[cursor] === 'mis')) cursor--;
      const introducer = words[cursor];
      const next = original[found.end];
      const possessive = words[found.start - 1] === 'mi' || words[found.start - 1] === 'mis';
      const describesSpeaker =
        words[found.start - 2] === 'soy' ||
        words[found.start - 3] === 'soy' ||
        // "Autorizo yo, Laura, como mamá de Mateo", "le escribe la mamá de Mateo": the writer.
        (found.value === 'other' && (SPEAKER_BEFORE.has(words[found.start - 1] ?? '') || SPEAKER_BEFORE.has(words[found.start - 2] ?? ''))) ||
        (introducer === 'de' && lexicon.relations.find([words[cursor - 1] ?? '']).length > 0) ||
        // "La mamá de los niños", "el papá de Sofía": someone named by another, not a patient.
        // ("Para la esposa de mi hijo" is for her.)
        (found.value === 'other' && words[found.end] === 'de' && !(introducer === 'para' || introducer === 'pa') && (lexicon.relations.find(words.slice(found.end + 1, found.end + 3)).length > 0 || knownOrCommon(words[found.end + 1] ?? '')));
      // "La niña está con fiebre", "el niño tiene 13": the child the message is about.
      const described = found.value !== 'other' && HOW_THEY_ARE.has(words[found.end] ?? '') && (words[found.start - 1] === 'el' || words[found.start - 1] === 'la' || words[found.start] === 'el' || words[found.start] === 'la');
      const subjectOfSaying = next !== undefined && SAYING.has(next);
      const namedNext = next !== undefined && (known.some((name) => sameName(next, name)) || knownOrCommon(next));
      const introduced =
        namedNext ||
        (introducer !== undefined && BEFORE_RELATION.has(introducer) && introducer !== 'mi' && introducer !== 'mis') ||
        (possessive && !subjectOfSaying) ||
        described ||
        question === 'patient' ||
        words.length <= 4;
      // "Tengo que recoger a los niños", "no tengo quien me cuide a los niños": children in the member's day, not patients.
      const caredFor = CARE_VERBS.has(words[cursor - 1] ?? '') || CARE_VERBS.has(words[found.start - 2] ?? '') || (words[found.start - 1] === 'los' && /\b(porque|es que|que|pues)\b/.test(words.slice(Math.max(0, found.start - 8), found.start).join(' ')) && question !== 'patient');
      // "Mi mamá me lleva", "mi mamá solo me acompaña": a companion, not a patient.
      const companion = found.value === 'other' && ACCOMPANYING.has(original.slice(found.end, found.end + 4).find((word) => !['me', 'nos', 'solo', 'la', 'lo', 'los', 'las', 'es', 'quien'].includes(word)) ?? '');
      // "La vecina doña Gloria": a title between the relative and the name.
      const titled = next !== undefined && TITLES.has(next) && original[found.end + 1] !== undefined && (capitalised.has(original[found.end + 1] ?? '') || knownOrCommon(original[found.end + 1] ?? '')) ? original[found.end + 1] : undefined;
      // An adult relative is a patient only when the message says so: "para mi mamá", "la cita de mi esposo", "el paciente
      // es mi sobrino". "Mi esposo no me puede llevar", "le pregunto a mi esposo", "me ayuda mi suegra" tell of them.
      const forThem =
        question === 'patient' ||
        words.length <= 4 ||
        namedNext ||
        introducer === 'para' ||
        introducer === 'pa' ||
        introducer === 'pal' ||
        (introducer === 'de' && APPOINTMENT_OF.has(words[cursor - 1] ?? '')) ||
        (introducer === 'es' && (words[cursor - 1] === 'paciente' || words[cursor - 1] === 'cita')) ||
        // "Mi mamá necesita una cita", "mi esposo está enfermo": the one who needs it.
        NEEDS_CARE.test(original.slice(found.end, found.end + 3).join(' ')) ||
        // "Para mí y mi esposo": joined to a patient just named.
        ((introducer === 'y' || introducer === 'e') && mentions.some((seen) => seen.at >= cursor - 3 && seen.at < cursor));
      // "Mi hijo me dejó este número", "mi hija me acompaña": the relative does something for the member, and is no patient.
      const actsForMember = (original[found.end] === 'me' || original[found.end] === 'nos') && !['la', 'lo', 'las', 'los'].includes(original[found.end + 1] ?? '') && !(introducer === 'para' || introducer === 'pa' || introducer === 'pal');
      if (!introduced || describesSpeaker || caredFor || companion || actsForMember || (found.value === 'other' && !forThem)) continue;
      // "El paciente es Juan, mi sobrino": the name before "mi" says who the relative is.
      const before = words[found.start - 1] === 'mi' ? original[found.start - 2] : undefined;
      if (before !== undefined && mayBeName(before) && (capitalised.has(before) || knownOrCommon(before))) {
        push(personOf(before), found.start - 2);
        continue;
      }
      // A word after the relation is its name when it looks like one: "mi hijo Mateo", "mi nieto Brayan"; not "mi mamá jaja".
      if (next !== undefined && (namedNext || (mayBeName(next) && (capitalised.has(next) || names.has(next))) || (capitalised.has(next) && /^[a-z]{3,}$/.test(next) && !lexicon.vocabulary.has(next)))) {
        push(personOf(next), found.start);
        namedWords.add(found.end);
      } else if (titled !== undefined) {
        push(personOf(titled), found.start);
        namedWords.add(found.end + 1);
      }
      else if (ofRelative.has(found.start)) push({ kind: 'relation', relation: 'other' }, found.start);
      else {
        push({ kind: 'relation', relation: found.value }, found.start);
        // "Los dos niños", "mis dos hijas", "ambos niños": two of them.
        if (TWO_OF.has(words[found.start - 1] ?? '')) push({ kind: 'relation', relation: found.value }, found.start, true);
      }
    }
    for (let index = 0; index < original.length; index++) {
      const word = original[index] ?? '';
      if (relations.some((found) => index === found.end)) continue;
      // "Yo vivo en San Mateo": a place.
      if (PLACE_BEFORE_NAME.has(words[index - 1] ?? '')) continue;
      // "Yo soy la mamá de Laura" written for the member Laura, or while she is identified: the writer is her relative, and the
      // name says whose, not who the patient is ("soy la mamá de Mateo, quiero una cita" is about Mateo).
      // "Para la mamá de Sofía" is for the mother: her mention is read, and Sofía only says whose.
      const relativeOf = words[index - 1] === 'de' ? relations.find((found) => found.end === index - 1 && found.value === 'other') : undefined;
      if (relativeOf && ((self !== undefined && sameName(word, self)) || IDENTITY_QUESTIONS.has(question) || mentions.some((seen) => seen.at === relativeOf.start))) continue;
      // "La de Laura Gómez, la titular": the member, named as the plan's holder, not a patient.
      if (words.slice(index + 1, index + 4).includes('titular')) continue;
      // "Soy la mamá de Sofía y Mateo": named to say who writes; the patient, if the message names one for the cita, is that one.
      const joinedToWeak = (words[index - 1] === 'y' || words[index - 1] === 'e') && mentions.some((seen) => seen.at === index - 2 && seen.weak === true);
      if ((relativeOf || joinedToWeak) && knownOrCommon(word) && !lexicon.vocabulary.has(word)) {
        push(personOf(word), index, false, true);
        continue;
      }
      if (word.length >= 3 && known.some((name) => sameName(word, name))) {
        push(personOf(word), index);
        continue;
      }
      const before = words[index - 1];
      // "Sofía nació el 10 de enero": the one born then. "Sofi tiene fiebre": the one the message is about.
      if ((original[index + 1] === 'nacio' || words[index + 1] === 'nacio' || (HOW_THEY_ARE.has(original[index + 1] ?? '') && original[index + 1] !== 'se')) && knownOrCommon(word) && !lexicon.vocabulary.has(word)) {
        push({ kind: 'name', name: [...lexicon.firstNames].find((name) => sameName(word, name)) ?? nameOf(word) }, index);
        continue;
      }
      // "La cita de Sofi", "para mateho": a common first name (or a nickname or typo of one) after "de" or "para".
      // "Para Mateo y Sofía": a common first name joined to a name just read.
      const joined = (before === 'y' || before === 'e') && (namedWords.has(index - 2) || mentions.some((seen) => seen.at === index - 2 && seen.mention.kind === 'name'));
      // ("Se llama Valentina": the speller does not get to read "llama" as another word.)
      // "¿Qué citas tiene Sofi?": the one whose appointments are asked about.
      if (before !== undefined && (BEFORE_NAME.has(before) || BEFORE_NAME.has(original[index - 1] ?? '') || before === 'de' || before === 'a' || before === 'tiene' || joined) && knownOrCommon(word) && !lexicon.vocabulary.has(word)) {
        namedWords.add(index);
        push({ kind: 'name', name: [...lexicon.firstNames].find((name) => sameName(word, name)) ?? nameOf(word) }, index);
        continue;
      }
      if (!mayBeName(word)) continue;
      const introduced = before !== undefined && BEFORE_NAME.has(before) && (capitalised.has(word) || question === 'patient' || commonFirstName(word) !== undefined);
      // A lone word at the patient question is a name only if it looks like one: "zqzq" is not echoed back.
      const alone = question === 'patient' && original.length <= 2 && (capitalised.has(word) || commonFirstName(word) !== undefined || names.has(word));
      if (introduced || alone) push(personOf(word), index);
    }
    let affirmed = mentions.filter((seen) => !seen.denied);
    // The writer's children named to say who writes give way to the patient named for the cita; at the consent question nobody is one.
    const weakNames = affirmed.filter((seen) => seen.weak);
    const strong = affirmed.filter((seen) => !seen.weak);
    // "Soy la abuela de Sofía… sacarle la cita a la niña": the one child named is the niña.
    const childMeant = weakNames.length === 1 && strong.length === 1 && strong[0]?.mention.kind === 'relation' && strong[0].mention.relation !== 'other';
    if (childMeant) affirmed = weakNames.map((seen) => ({ ...seen, weak: false }));
    else if (question === 'consent' || strong.length > 0) affirmed = strong;
    // "Para mi nieta, que se llama Valentina": the name is who the relative is.
    for (const named of affirmed.filter((seen) => seen.mention.kind === 'name' && CALLED.has(original[seen.at - 1] ?? ''))) {
      affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'relation' && seen.at < named.at && named.at - seen.at <= 8));
    }
    // "Mateo… mentiras, es pa Sofi", "para Mateo, perdón, para Sofía": a correction between two mentions gives up the ones before it.
    const corrected = affirmed.length > 1 ? lastCorrectionAt(original) : -1;
    if (corrected > 0 && affirmed.some((seen) => seen.at < corrected) && affirmed.some((seen) => seen.at > corrected)) {
      affirmed = affirmed.filter((seen) => seen.at > corrected);
    }
    // A name says who the child is: "mi hijo Mateo, el grande" is Mateo, not Mateo and a son.
    // "Para mi hijo mayor Mateo y una a la niña": a daughter beside a boy's name is another child.
    const namedAs = affirmed.flatMap((seen) => (seen.mention.kind === 'name' ? [readsAs(seen.mention.name)] : []));
    if (namedAs.length > 0) {
      affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'relation' && seen.mention.relation !== 'other' && (seen.mention.relation === 'child' || namedAs.includes(seen.mention.relation) || namedAs.includes(undefined))));
    }
    // "Mi hija, la pequeña": a daughter, not a daughter and a child.
    if (affirmed.some((seen) => seen.mention.kind === 'relation' && (seen.mention.relation === 'son' || seen.mention.relation === 'daughter'))) {
      affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'relation' && seen.mention.relation === 'child'));
    }
    // "Para mí, Laura": the member's own name adds nobody.
    if (self !== undefined && affirmed.some((seen) => seen.mention.kind === 'self')) {
      affirmed = affirmed.filter((seen) => !(seen.mention.kind === 'name' && sameName(seen.mention.name, self)));
    }
    return affirmed.sort((a, b) => a.at - b.at).map((seen) => seen.mention);
  }

  /**
   * The option the message picks: by number, number word or ordinal; by its exact label or an
   * alias; by what the message says (a specialty, a site, a yes, an operation, a slot's day,
   * time or doctor); or by words of exactly one label. Never a guess between two.
   */
  function pickOption(
    expectation: Expectation,
    said: { words: readonly string[]; intent: Intent; entities: Entities; people: readonly string[]; normalized: string; courtesy: ReadonlyArray<Found<true>>; referredDay?: string | undefined },
  ): Picked | undefined {
    const { options, question } = expectation;
    if (options.length === 0) return undefined;
    const { words, entities, intent } = said;
    // "La 2 no me sirve", "no me queda bien la del martes": an option turned down, not picked (a yes/no question's "no" is its answer).
    if ((question === 'slot' || question === 'day') && turnedDown(words)) return undefined;
    // "Ninguna me sirve, ¿no hay más tarde el miércoles?": none of the slots or days shown.
    if ((question === 'slot' || question === 'day') && NONE_OF_THESE.test(said.normalized)) return undefined;
    const names = [...said.people, ...(question === 'patient' ? namesInOptions(options) : [])];
    // "Los dos", "ambos", or two people named: not an option number.
    const both = /\b(los dos|las dos|ambos|ambas)\b/.test(words.join(' ')) || (question === 'patient' && (entities.patients?.length ?? 0) > 1);
    // "La segunda, para cambiarle la fecha": a number that opens the message, set apart by a comma.
    const firstClause = said.normalized.split(/[,.;:!?]/)[0] ?? '';
    // At the patient question a name outweighs a number ("primero Sofía" is Sofía first).
    const named = question === 'patient' ? optionByMeaning(question, options, intent, entities, words) : undefined;
    if (named) return { value: named, by: 'words' };
    // "La 1 pa mi hija la pequeña…": a number that opens the message, when nothing makes it a time.
    // "Primero quiero ver mis citas": "primero" as in "first of all".
    const opening = FIRST_OF_ALL.test(said.normalized) ? null : OPENING_NUMBER.exec(said.normalized);
    const numbered = both
      ? undefined
      : (optionNumber(words, options.length, names) ??
        (firstClause.length < said.normalized.length ? optionNumber(wordsOf(firstClause), options.length, names) : undefined) ??
        (opening && ((question !== 'slot' && question !== 'day') || ORDINAL_OPENING.test(opening[0])) ? optionNumber(wordsOf(opening[0]), options.length, names) : undefined));
    if (numbered !== undefined) {
      const value = options[numbered - 1]?.value;
      return value === undefined ? undefined : { value, by: 'number' };
    }

    const whole = words.join(' ');
    const content = uncovered(words, said.courtesy).join(' ') || whole;
    const exact = options.filter((option) =>
      [option.value, option.label, ...option.aliases].some((candidate) => {
        const normalized = labelWords(candidate);
        return normalized === whole || normalized === content;
      }),
    );
    if (exact.length === 1 && exact[0]) return { value: exact[0].value, by: 'words' };

    // One option only ("¿cuál cita?" with one appointment): "sí", "esa", or what to do with it picks it.
    if (options.length === 1 && options[0] && question !== 'patient' && !YES_NO_QUESTIONS.has(question)) {
      const [only] = options;
      const agrees = !entities.earlier && (entities.yesNo === 'yes' || /\b(esa|ese|esta|este|la unica|el unico|la misma|esa misma)\b(?! (hora|horas|dia|dias|semana|fecha|mes|horario))/.test(whole));
      const saysWhen = question === 'appointment' && (entities.band !== undefined || entities.day !== undefined || entities.time !== undefined || intent === 'other_day' || intent === 'reschedule' || intent === 'cancel');
      // "La del viernes" when the only appointment is on Thursday names another one: no pick.
      const ownDay = only.start ? bogotaParts(only.start)?.day : undefined;
      const otherDay = entities.day !== undefined && ownDay !== undefined && entities.day !== ownDay && intent !== 'reschedule' && intent !== 'other_day';
      if (agrees || (saysWhen && !otherDay)) return { value: only.value, by: 'words' };
    }

    const byMeaning = optionByMeaning(question, options, intent, entities, words, said.referredDay);
    if (byMeaning !== undefined) return byMeaning === null ? undefined : { value: byMeaning, by: 'words' };
    if (question === 'patient' || YES_NO_QUESTIONS.has(question) || question === 'slot' || question === 'appointment' || question === 'day') return undefined;
    // A misspelt label is a short answer with nothing else in it: a sentence is not searched fuzzily.
    const fuzzy = intent === 'none' && words.length <= 4 ? optionByFuzzyLabel(options, content) : undefined;
    const loose = optionByWords(options, words) ?? fuzzy;
    return loose === undefined ? undefined : { value: loose, by: 'words' };
  }

  /** `undefined`: this question is not read by meaning; `null`: read, and nothing fits. */
  function optionByMeaning(question: Question, options: ShownOption[], intent: Intent, entities: Entities, words: readonly string[], referred?: string): string | null | undefined {
    const has = (value: string | undefined) => (value !== undefined ? optionValue(options, value) ?? null : null);
    switch (question) {
      case 'consent':
      case 'confirm':
      case 'offer':
        return entities.yesNo ? has(entities.yesNo) : null;
      case 'menu':
        return OPERATIONS_IN_MENU.has(intent) ? has(intent) : undefined;
      case 'existing':
        if (intent === 'reschedule' || intent === 'cancel') return has(intent);
        return intent === 'menu' || intent === 'back' ? has('menu') : undefined;
      case 'specialty':
        return entities.specialty ? has(entities.specialty) : undefined;
      case 'visitType':
        return entities.visitType ? has(entities.visitType) : undefined;
      case 'site':
        return entities.site ? has(entities.site) : undefined;
      case 'band':
        return entities.band ? has(entities.band) : undefined;
      case 'documentType':
        return entities.documentType ? has(entities.documentType) : undefined;
      case 'day': {
        if (entities.day) return has(entities.day);
        // "27" with the days shown: the one on the 27th.
        const rest = words.filter((word) => !PICKING_WORDS.has(word) && !COURTESY_FILLERS.has(word));
        const dayOfMonth = rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? '') ? Number(rest[0]) : undefined;
        const onThatDay = dayOfMonth === undefined ? [] : options.filter((option) => Number(option.value.slice(8, 10)) === dayOfMonth);
        return onThatDay.length === 1 ? onThatDay[0]?.value ?? null : null;
      }
      case 'patient': {
        const [only, ...others] = entities.patients ?? [];
        if (!only || others.length > 0) return null;
        if (only.kind === 'self') return has('self');
        if (only.kind !== 'name') return null;
        const matching = options.filter((option) => namesInOptions([option]).some((name) => sameName(only.name, name)));
        return matching.length === 1 ? matching[0]?.value ?? null : null;
      }
      case 'slot':
        // "La que sea más pronto": the earliest, the first shown.
        if (EARLIEST.test(words.join(' ')) && !entities.day && !entities.time) return options[0]?.value ?? null;
        // "¿Tiene después de las 3?" asks for later slots; it picks none.
        return optionByTime(options, TIME_BOUND.test(words.join(' ')) ? { ...entities, time: undefined } : entities, question, words);
      case 'appointment':
        // "La de medicina general, moverla para el jueves": the day is the new one, not the appointment's.
        return optionByTime(options, intent === 'reschedule' ? { ...entities, day: referred, weekday: undefined, time: undefined } : entities, question, words);
      default:
        return undefined;
    }
  }

  /** The one slot or appointment on the day, at the time, of the service or with the doctor named. */
  function optionByTime(options: ShownOption[], entities: Entities, question: Question, words: readonly string[]): string | null {
    const service = question === 'appointment' ? entities.specialty : undefined;
    const visitType = question === 'appointment' ? entities.visitType : undefined;
    const doctorWords = new Set(options.flatMap((option) => doctorWordsOf(option)));
    const doctorSaid = words.filter((word) => word.length >= 4 && doctorWords.has(word));
    if (!entities.day && !entities.time && !service && !visitType && doctorSaid.length === 0) return null;
    const matching = options.filter((option) => {
      const parts = option.start ? bogotaParts(option.start) : undefined;
      if (!parts) return false;
      if (entities.day && parts.day !== entities.day) return false;
      if (entities.time && parts.time !== entities.time) return false;
      if (entities.band && entities.band !== 'cualquiera' && (parts.time < '12:00' ? 'manana' : 'tarde') !== entities.band) return false;
      if (service && (!option.service || specialtyOf(option.service) !== service)) return false;
      if (visitType && (!option.service || visitTypeOf(option.service) !== visitType)) return false;
      const doctor = doctorWordsOf(option);
      if (doctorSaid.some((word) => !doctor.includes(word))) return false;
      return true;
    });
    return matching.length === 1 ? matching[0]?.value ?? null : null;
  }

  /** The option whose label's words the member wrote (or who wrote part of exactly one label). */
  function optionByWords(options: ShownOption[], words: readonly string[]): string | undefined {
    const said = ` ${words.join(' ')} `;
    const matching = options.filter((option) => {
      const labelText = ` ${labelWords(option.label)} `;
      if (labelText.trim().length >= 3 && said.includes(labelText)) return true;
      if (said.trim().length >= 3 && labelText.includes(said)) return true;
      return option.aliases.some((alias) => {
        const aliasText = ` ${labelWords(alias)} `;
        return aliasText.trim().length >= 3 && said.includes(aliasText);
      });
    });
    return matching.length === 1 ? matching[0]?.value : undefined;
  }

  /** A label written with typos across several words ("primero de mallo"): Fuse.js, strictly. */
  function optionByFuzzyLabel(options: ShownOption[], content: string): string | undefined {
    // A label is a few words: a sentence is not a misspelt label.
    if (content.length < 5 || content.length > 40) return undefined;
    const key = options.map((option) => `${option.value}\u0000${option.label}`).join('\u0001');
    let fuse = fuzzyLabels.get(key);
    if (!fuse) {
      fuse = new Fuse(options, { keys: ['label'], includeScore: true, threshold: 0.25, ignoreLocation: true, getFn: (option) => normalizeMessage(option.label) });
      if (fuzzyLabels.size > 500) fuzzyLabels.clear();
      fuzzyLabels.set(key, fuse);
    }
    const [best, second] = fuse.search(content);
    if (!best || (best.score ?? 1) > 0.25) return undefined;
    if (second && (second.score ?? 1) - (best.score ?? 1) < 0.1) return undefined;
    return best.item.value;
  }

  /** "2", "#2", "la 2", "la dos", "la segunda", "opción 3 por favor", "la última": its position. */
  function optionNumber(words: readonly string[], count: number, names: readonly string[]): number | undefined {
    // "La 4 para mi abuelita": who it is for is said beside the number.
    const rest = words.filter((word) => !PICKING_WORDS.has(word) && !COURTESY_FILLERS.has(word) && !lexicon.relationWords.has(word) && !names.some((name) => sameName(word, name)));
    if (rest.length !== 1) {
      // "uno" / "una" are picking words only when nothing else is said.
      if (rest.length === 0 && words.length <= 2 && (words.includes('uno') || words.includes('una'))) return 1;
      return undefined;
    }
    const [token] = rest as [string];
    let position: number | undefined;
    const digits = DIGITS.exec(token);
    if (digits) position = Number(digits[1]);
    const abbreviation = digits ? null : ORDINAL_ABBREVIATION.exec(token);
    if (abbreviation) position = Number(abbreviation[1]);
    if (position === undefined && (token === 'penultima' || token === 'penultimo')) position = count - 1;
    // "La del medio" of three.
    if (position === undefined && token === 'medio' && count % 2 === 1 && count > 1) position = (count + 1) / 2;
    if (position === undefined) {
      const ordinal = ordinalFromWord(token);
      if (ordinal !== undefined) position = ordinal === -1 ? count : ordinal;
    }
    if (position === undefined && /^[a-z]+$/.test(token)) position = numberFromWords(token);
    if (position === undefined || position < 1 || position > count) return undefined;
    return position;
  }
}

function optionValue(options: readonly ShownOption[], value: string): string | undefined {
  return options.some((option) => option.value === value) ? value : undefined;
}

function hasBookingEntity(entities: Entities): boolean {
  return Boolean(entities.specialty || entities.visitType || entities.site || entities.band || entities.day || entities.time);
}

function visitTypeOf(cups: string): string | undefined {
  try {
    return serviceOf(cups as Parameters<typeof serviceOf>[0]).visitType;
  } catch {
    return undefined;
  }
}

function specialtyOf(cups: string): Specialty | undefined {
  try {
    return serviceOf(cups as Parameters<typeof serviceOf>[0]).specialty;
  } catch {
    return undefined;
  }
}

/** The words of a slot's or appointment's doctor ("Dra. Marta Salazar" → marta, salazar). */
function doctorWordsOf(option: ShownOption): string[] {
  return option.doctor ? wordsOf(normalizeMessage(option.doctor)).filter((word) => !DOCTOR_TITLES.has(word) && word.length >= 3) : [];
}

/** The first names the patient options carry: "Para Sofía" → `sofia`. */
function namesInOptions(options: readonly ShownOption[]): string[] {
  return options
    .filter((option) => option.value !== 'self')
    .flatMap((option) => wordsOf(normalizeMessage(option.label)).filter((word) => word !== 'para').slice(0, 1));
}

/** Whether the message answers a question that shows no options (the date of birth, the document, the e-mail). */
function answersQuestion(question: Question, entities: Entities): boolean {
  switch (question) {
    case 'birthDate':
      return entities.birthDate !== undefined;
    case 'document':
    case 'documentType':
      return entities.documentNumber !== undefined || entities.documentType !== undefined;
    case 'email':
      return entities.email !== undefined || entities.noEmail === true;
    default:
      return false;
  }
}

/** Whether a number is a date of birth's digits ("150394", "15031994", "19940315"). */
function isDateDigits(number: string, birthDate: string): boolean {
  const [year = '', month = '', day = ''] = birthDate.split('-');
  return [`${day}${month}${year.slice(2)}`, `${day}${month}${year}`, `${year}${month}${day}`].includes(number);
}

/**
 * The clause of each word: commas, semicolons, question and exclamation marks, and a full stop
 * followed by a space, separate clauses ("no, es para Mateo" is two).
 */
function clausesOf(normalized: string, words: readonly string[]): number[] {
  const clauses: number[] = [];
  let position = 0;
  let clause = 0;
  for (const word of words) {
    const at = normalized.indexOf(word, position);
    if (at < 0) {
      clauses.push(clause);
      continue;
    }
    if (/[,;!?¡¿]|\.\s/.test(normalized.slice(position, at))) clause++;
    clauses.push(clause);
    position = at + word.length;
  }
  return clauses;
}

/** The name as the member wrote it ("josé" → "José"), to say it back; the first letter in capital. */
/** Using this chat: "(primera vez que) uso esto", "les escribo", "entro aquí". */
const CHANNEL_USE = /^(yo )?(le |les |me )?(uso|utilizo|escribo|entro|hablo|chateo|manejo|ingreso|comunico|pruebo)\b/;

/** Before "de" and a relative, words whose relative is the patient: "la cita de mi esposo", "la de mi mamá". */
const APPOINTMENT_OF: ReadonlySet<string> = new Set(['cita', 'citas', 'consulta', 'control', 'la', 'el', 'las', 'los', 'orden', 'turno']);
/** Between a relative and a name: "la vecina doña Gloria". */
const TITLES: ReadonlySet<string> = new Set(['dona', 'don', 'senora', 'senor', 'la', 'el']);
/** After a relative, what makes them the one who needs the cita: "mi mamá necesita", "mi esposo está enfermo". */
const NEEDS_CARE = /^(necesita|amanecio|(esta|anda|sigue) (enferm|mal|malit|malu|con|muy)|tiene (fiebre|dolor|gripa|tos|vomito|diarrea|una cita|cita|control)|se (siente|cayo|enfermo|golpeo|puso))/;
/** Before a relative, words that make the relative the writer: "como mamá de", "le escribe la mamá de". */
const SPEAKER_BEFORE: ReadonlySet<string> = new Set(['como', 'escribe', 'habla', 'saluda']);
/** Before a name, words that give it: "se llama Valentina", "de nombre Samuel". */
const CALLED: ReadonlySet<string> = new Set(['llama', 'llamado', 'llamada', 'nombre']);
/** After a patient, words that leave their appointment alone: "la de Mateo queda igual". */
const LEFT_AS_IT_IS = /^ya (tiene|tienen) (su |la |sus |las )?citas?\b|^ya (tiene|tienen) (la|las|su|sus) de (el|ella|ellos|ellas)\b|^ya (fue|fueron|la vieron|lo vieron|los vieron|la atendieron|lo atendieron)\b|^(queda|quedan|se queda|sigue|siguen) (igual|como esta|asi)\b|^no (la|lo|se la) (toque|cancele|mueva|cambie)\b|^(la|lo) (dejo|deja|dejamos) (igual|asi|como esta)\b/;

/** Questions whose options Lina explains when asked what they mean. */
const EXPLAINED_QUESTIONS: ReadonlySet<Question> = new Set(['menu', 'specialty', 'visitType', 'band', 'offer']);

/** What "de niños" after it names as a service: "la de niños", "el médico de niños". */
const CHILDREN_SERVICE: ReadonlySet<string> = new Set(['la', 'medico', 'medica', 'doctor', 'doctora', 'cita', 'consulta', 'especialista']);

function turnedDown(words: readonly string[]): boolean {
  return words.some((word, index) => word === 'no' && words[index + 1] === 'me' && TURNED_DOWN.has(words[index + 2] ?? ''));
}

/** Words that name a day beyond a bare number. */
const DAY_WORD = /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|hoy|manana|pasado|semana|proximo|siguiente)\b/;

/** "No me sirve", "no me queda", "no me gusta": an option turned down. */
const TURNED_DOWN: ReadonlySet<string> = new Set(['sirve', 'queda', 'gusta', 'conviene']);

/** Words that take back what was just said: "mentiras", "perdón", "mejor dicho", "me equivoqué". */
const TAKING_BACK: ReadonlySet<string> = new Set(['mentiras', 'mentira', 'perdon', 'corrijo', 'equivoque', 'dicho', 'mejor', 'espere', 'espera', 'esperate']);

/** Where the last word that takes back what was said stands (-1 when none does). */
function lastCorrectionAt(words: readonly string[]): number {
  return words.findLastIndex(
    (word, index) => (TAKING_BACK.has(word) && !(word === 'dicho' && words[index - 1] !== 'mejor')) || (word === 'digo' && !['le', 'les', 'te', 'se', 'lo', 'que'].includes(words[index - 1] ?? '')),
  );
}

function withWrittenForm(mention: Extract<PatientMention, { kind: 'name' }>, text: string): PatientMention {
  for (const token of text.split(/[^\p{L}]+/u)) {
    if (token && normalizeMessage(token) === mention.name) {
      return { ...mention, written: token.charAt(0).toLocaleUpperCase('es-CO') + token.slice(1) };
    }
  }
  return mention;
}
