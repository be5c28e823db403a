/**
 * The understanding step: one pure function from a member's message and the question Lina is
 * waiting on to an `Understanding` (intent, chosen option, entities). The engine calls it for
 * every message; machines decide on its result with guards.
 *
 * Offline and fast: rules and lookups built once from the lexicon, NLP.js's classifier for
 * the intent of free sentences, chrono-node (in `when.ts`) for days and times.
 *
 * This module builds, once, the `Reading` the readers share (`reading.ts`), and runs each
 * message through the steps: its entities (`entities.ts`), a yes or a no (`yes-no.ts`), the
 * patients it names (`patient-mentions.ts`), its intent (`intent.ts`), the option it picks
 * (`options.ts`), and the intent settled against all of them (`settle.ts`).
 */
import type Fuse from 'fuse.js';
import { ANOTHERS_APPOINTMENT, citaAskedIn, ONLY_THOSE_ASKED, REFERRED_DAY, SAME_AGAIN } from './cues.js';
import { mentionsRedFlag } from './red-flags.js';
import { readEntities } from './entities.js';
import { BOOKED_AGAIN, listedRequests, splitRequests } from './follow-up.js';
import { asksForHelp, operationCue, readIntent } from './intent.js';
import { stemOf, type IntentModel } from './intent-model.js';
import { PhraseIndex, type Found, type Lexicon } from './lexicon.js';
import { numberFromWords, ordinalFromWord } from './numbers.js';
import { doctorAskedIn, doctorNamedIn, optionAfterRefusedTime, pickOption, type Picked } from './options.js';
import { sameNormalizedName, soundOf } from '../../dialogs/patients.js';
import { AT_A_SITE, BROUGHT_IN_NEED, readPatientMentions, writerIntroduction, writerOfDocument } from './patient-mentions.js';
import { BOOKING_QUESTIONS, bogotaParts, DAY_QUESTIONS, IDENTITY_QUESTIONS, YES_NO_QUESTIONS, type Message, type Reading } from './reading.js';
import { settleIntent } from './settle.js';
import type { Entities, Expectation, Intent, Question, ShownOption, Understanding } from './types.js';
import { readWhen } from './when.js';
import { Speller, normalizeMessage, wordsOf } from './words.js';
import { readYesNo, TURNED_DOUBT } from './yes-no.js';

/** Characters of a message that are read: longer messages are refused by the engine anyway. */
/** A day said as where something goes: "pa el jueves", "para mañana", "al viernes", "hasta el lunes". */
const DAY_AS_TARGET = /\b(?:pa|para|pal|al|a|hasta)(?: el| la| este| el proximo| la proxima| otro)? (?:lunes|martes|miercoles|jueves|viernes|sabado|hoy|manana|pasado|\d{1,2})\b/;
const MAX_READ = 400;
/** A message that opens with a "no" set apart by punctuation: "no, cámbiela para el viernes". */
const ANSWERING_NO = /^\s*(no|nop|nel)\s*[,.;:!]/;
/** Details said of both requests: "las dos primera vez", "ambas en Suba". */
const BOTH = /\b(?:(?:las|los) dos|ambas|ambos)\b/;
/** What two bookings may share, said once for both. */
const SHARED = ['visitType', 'site', 'band', 'day', 'weekday', 'dayOff', 'time'] as const satisfies ReadonlyArray<keyof Entities>;
/** Words that name a day beyond a bare number. */
const DAY_WORD =
  /\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|hoy|manana|pasado|semana|proximo|siguiente)\b/;

/** "No quiero cita para Mateo", "ya no necesito la cita", "a Mateo no le saque nada": no cita wanted after all. */
const NO_CITA_WANTED =
  /\b(?:ya )?no (?:le |me |les )?(?:quiero|queremos|necesito|necesitamos|ocupo) (?:la |una |ninguna |esa |esta )?(?:cita|consulta|turno)\b(?! (?:(?:para|pa|pal) )?(?:hoy|manana|el|la|las|los|esta|este|ese|esa|otro|otra|lunes|martes|miercoles|jueves|viernes|sabado|tan|en|a|de|con|por|tarde|temprano|sino)\b)|\b(?:a|para|pa) (?:el |la |mi )?[a-z]+ no (?:le |les )?(?:saque|saques|agende|agendes|pida|pidas|busque|busques)(?: nada| ninguna| cita| nada de cita)?\b|\bno (?:le |les |me )?(?:saque|agende|pida) (?:nada|ninguna)\b/;
/** What the understanding step needs: the lexicon, the trained classifier, the words to correct towards. */
export interface UnderstandingResources {
  lexicon: Lexicon;
  model: IntentModel;
  /** Every word Lina knows: the lexicon's and the training corpus's. */
  vocabulary: Iterable<string>;
  /** Words the training corpus uses as people's names: never "known" words that hide a name. */
  names?: Iterable<string>;
}

/** "Mejor la tres", "no, la 2", "la tercera": a position in the list shown before, said instead of a yes. */
const POSITION_INSTEAD =
  /\b(?:mejor|prefiero|quiero|era|no)[,.!]* (?:la|el) (?:opcion |numero )?([1-5]|uno|una|dos|tres|cuatro|cinco|primera|primero|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto|ultima|ultimo|penultima|penultimo)\b(?! (?:de la|del|de|y|am|pm|a m|p m|horas?|en punto))/;
/** "Perdón, era la tres", "disculpe, es la 3", "me equivoqué, era la tercera": another option of the list before, owned as a mistake. */
const MISTAKEN_POSITION =
  /^\W*(?:(?:ay|uy|ups|huy|perdon|perdone|disculpe|disculpa|excuse|me equivoque|me confundi|mentiras|que pena)[\s,.!…]*)*(?:(?:era|es|quise decir|queria|quiero|mejor) )?(?:la|el) (?:opcion |numero )?([1-5]|uno|una|dos|tres|cuatro|cinco|primera|primero|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto|ultima|ultimo|penultima|penultimo)\W*$/;
/** An option's number said first, then words: "1 sí señora", "#1 confirmado", "la primera opción, o sea que sí". */
const NUMBER_FIRST = /^\W*(?:(?:la|el) )?(?:opcion |numero |#\s*)?(?<n>[12]|uno|dos|primera|primero|segunda|segundo)(?: opcion)?(?![:.]?\d)\b(?<rest>\W.*)$/;
/** An option's number alone: "2", "dos", "la segunda", "opción 1". */
const NUMBER_ALONE =
  /^\W*(?:(?:la|el) )?(?:opcion |numero |#\s*)?(?:[1-9]|uno|dos|tres|cuatro|cinco|primera|primero|segunda|segundo|tercera|tercero|cuarta|cuarto|quinta|quinto)\W*$/;
/** Words, then an option's number: "listo, 1", "ok 1", "✅ 1". */
const NUMBER_LAST = /^(?<rest>.*\W)(?:(?:la|el) )?(?:opcion |numero |#\s*)?(?<n>[12])\W*$/;
/** Positions in the list before; from its end when negative ("la última" -1, "la penúltima" -2). */
const POSITION_WORDS: Record<string, number> = {
  ultima: -1,
  ultimo: -1,
  penultima: -2,
  penultimo: -2,
  uno: 1,
  una: 1,
  primera: 1,
  primero: 1,
  dos: 2,
  segunda: 2,
  segundo: 2,
  tres: 3,
  tercera: 3,
  tercero: 3,
  cuatro: 4,
  cuarta: 4,
  cuarto: 4,
  cinco: 5,
  quinta: 5,
  quinto: 5,
};

/** Reads one message, given what Lina asked and the moment it arrived. */
export type Understand = (text: string, expectation: Expectation, now: Date) => Understanding;

/**
 * "Para ninguno es para mi mamá", "ninguno de ellos es pa mi esposo": none of the options, then who, dictated without the comma
 * that sets the "ninguno" apart (with it, the one named is read as such).
 */
const NONE_THEN_WHO = /^(\s*(?:(?:para|pa)\s+)?(?:ninguno|ninguna)(?:\s+de\s+(?:ellos|ellas|los\s+dos|las\s+dos|esos|esas|los\s+tres))?)\s+(?=(?:es|son|era)\s+(?:para|pa)\b)/i;
function withNoneSetApart(text: string): string {
  return NONE_THEN_WHO.test(text) ? text.replace(NONE_THEN_WHO, '$1, ') : text;
}

/** Words of a cita the member has or of when it is: "mis citas", "tengo", "¿cuándo es?", "a qué hora es". */
const HAS_OR_WHEN = /\b(?:mis?|tengo|tiene|tienen|tenemos|cuando|que dia|programad\w*|pendientes?|agendad\w*|asignad\w*)\b|\ba (?:que|q|k) hora\b/;

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

  /** A common first name as written, or with the letters doubled for emphasis single ("mateoo", "sofiia"). */
  // A name, a site or a specialty that voice-to-text split in two ("so fía", "ma teo", "fonti bon", "pedía tría", "su va").
  const joinable = new Set(
    [...lexicon.firstNames, 'pediatria', 'pediatra', 'fontibon', 'kennedy', 'suba', 'facatativa', 'autopista', 'medicina'].filter((word) => word.length >= 5).map(soundOf),
  );
  const joinDictated = (normalized: string): string =>
    normalized.replace(/\b([a-z]{2,6}) (?=([a-z]{2,5})\b)/g, (found, first: string, second: string) =>
      joinable.has(soundOf(first + second)) && !lexicon.firstNames.has(first) && !lexicon.firstNames.has(second) ? first : found,
    );
  const firstNamesBySound = new Map([...lexicon.firstNames].map((name) => [soundOf(name), name] as const));
  /** Words already read by `commonFirstName`, and the name each is (the lexicon does not change once loaded). */
  const firstNamesRead = new Map<string, string | undefined>();
  const commonFirstName = (word: string): string | undefined => {
    if (firstNamesRead.has(word)) return firstNamesRead.get(word);
    const name = commonFirstNameUncached(word);
    if (firstNamesRead.size >= 20_000) firstNamesRead.clear();
    firstNamesRead.set(word, name);
    return name;
  };
  const commonFirstNameUncached = (word: string): string | undefined => {
    if (lexicon.firstNames.has(word)) return word;
    // ("Pa mi Teo": a short form that does not start the name.)
    const nickname = lexicon.nicknames.get(word);
    if (nickname !== undefined) return nickname;
    const single = word.replace(/([a-z])\1+/g, '$1');
    if (single !== word && lexicon.firstNames.has(single)) return single;
    // "Zofía", "Matheo", "Sofy": spelled as it sounds.
    const sounded = soundOf(single);
    const bySound = firstNamesBySound.get(sounded) ?? (sounded.length >= 4 ? (firstNamesBySound.get(`${sounded}a`) ?? firstNamesBySound.get(`${sounded}o`)) : undefined);
    if (bySound !== undefined) return bySound;
    // "Mateito", "Sofiita", "Juanito", "Juanchito": the name without its diminutive.
    const diminutive = /^([a-z]{3,}?)i?(it|ic|chit|cit)([oa])$/.exec(single);
    if (diminutive?.[1]) {
      for (const base of [`${diminutive[1]}${diminutive[3]}`, `${diminutive[1]}`, `${diminutive[1]}i${diminutive[3]}`]) if (lexicon.firstNames.has(base)) return base;
    }
    return undefined;
  };
  /** A word that could be a person's first name: not a word Lina knows, not a typo of one. */
  const mayBeName = (original: string): boolean =>
    /^[a-z]{3,}$/.test(original) &&
    !lexicon.notNames.has(original) &&
    !lexicon.vocabulary.has(original) &&
    !lexicon.relationWords.has(original) &&
    (names.has(original) || commonFirstName(original) !== undefined || (!speller.knows(original) && speller.correct(original) === original));
  const reading: Reading = { lexicon, model, speller, names, smallTalk, labelWords, fuzzyLabels, commonFirstName, mayBeName };

  /** The readings of one message's texts, at one question: cleared for every message. */
  const readings = new Map<string, Understanding>();

  const clauseWords = (clause: string): string[] => wordsOf(normalizeMessage(clause)).map((word) => speller.correct(word));

  /**
   * A message with two requests ("cancelar la del miércoles y sacar una nueva"): its first
   * clause is read as the message, its second on its own, as the request that comes next.
   */
  return function understand(text, expectation, now) {
    return doctorOfSomeone(bookedElsewhere(aboutTheCase(understandRequests(text, expectation, now), text, expectation), text, expectation), expectation);
  };

  function understandRequests(text: string, expectation: Expectation, now: Date): Understanding {
    const whole = withShorthandTimes(withoutWordsToAChild(withNoneSetApart(text.length > MAX_READ ? text.slice(0, MAX_READ) : text), expectation), expectation);
    const asking = expectation.question === 'start' || expectation.question === 'menu' || expectation.question === 'patient';
    // "¿Cuál es la diferencia entre consultar y agendar?": what the options mean, asked; Lina explains them and asks again,
    // never doing either.
    if (expectation.options.length > 0 && DIFFERENCE_ASKED.test(normalizeMessage(whole)) && !/\b(?:ayuda|ayudeme|asesor\w*|persona|alguien)\b/.test(normalizeMessage(whole))) {
      readings.clear();
      const { choice: _choice, next: _next, ...asked } = readOnce(whole, expectation, now);
      const { yesNo: _yesNo, ...entities } = asked.entities;
      return { ...asked, intent: 'none', entities: { ...entities, asks: 'meaning' } };
    }
    // A list of the member's own ("1) cancelar… 2) pasar… 3) sacarle…"): its first item is read, its second comes next.
    const listed = asking ? listedRequests(whole, clauseWords, true) : undefined;
    const read = listed?.first ?? whole;
    const atMenu: Expectation = {
      question: 'menu',
      options: [],
      ...(expectation.people ? { people: expectation.people } : {}),
      ...(expectation.writer ? { writer: expectation.writer } : {}),
    };
    // Two bookings are two requests when each clause, read on its own, names another specialty.
    // (Or, said as one after the other, "…para mí y después una para la niña", each its own person.)
    const distinct = (firstClause: string, secondClause: string): boolean =>
      differentBookings(
        understandOne(firstClause, expectation, now).entities,
        understandOne(secondClause, atMenu, now).entities,
        /\b(?:despues|luego)\W*$/.test(normalizeMessage(read.slice(0, Math.max(0, read.lastIndexOf(secondClause))))),
      );
    const split = splitRequests(read, clauseWords, distinct, asking);
    if (!split) {
      // The readings below may read the same text (the whole message, a sentence) more than once: once is enough.
      readings.clear();
      const answer =
        answerBesideItsNumber(read, expectation, now) ??
        numberBeforeQuestion(read, expectation, now) ??
        answerAfterDoubt(read, expectation, now) ??
        answerBeforeQuestion(read, expectation, now) ??
        answerAmongKindWords(read, expectation, now) ??
        answerAfterCorrection(read, expectation, now) ??
        pickAfterQuestion(read, expectation, now) ??
        readOnce(read, expectation, now);
      const result = withTheAnswerSaid(checkedFirst(withNewBookingAfter(answer, read, expectation), read, expectation), read, expectation);
      if (listed?.secondOperation && !result.next) return { ...result, next: { intent: listed.secondOperation, entities: understandOne(listed.second, atMenu, now).entities } };
      return result;
    }
    const first = understandOne(split.first, expectation, now);
    const second = understandOne(split.second, atMenu, now);
    // "Cancele esa y me la saca en Fontibón": the cita cancelled, booked again (the same service) where said.
    if (split.firstOperation === 'cancel' && split.secondOperation === 'book' && BOOKED_AGAIN.test(normalizeMessage(split.second))) second.entities.sameAgain = true;
    // "Quiero pasar mi cita para el viernes y cancelar la del niño": "mi cita", set against someone else's, is the member's own.
    // ("…mover mi cita del miércoles y también sacar una para la niña": a new cita for someone else sets nothing against it.)
    if (
      !first.entities.patients &&
      (split.secondOperation === 'cancel' || split.secondOperation === 'reschedule') &&
      MY_OWN_CITA.test(normalizeMessage(split.first)) &&
      second.entities.patients?.some((mention) => mention.kind !== 'self')
    )
      first.entities.patients = [{ kind: 'self' }];
    // "…y otra de pediatría para Mateo, las dos primera vez en Suba": what is said of both goes with the first too.
    if (split.firstOperation === split.secondOperation && BOTH.test(normalizeMessage(split.second))) {
      for (const key of SHARED) if (first.entities[key] === undefined && second.entities[key] !== undefined) Object.assign(first.entities, { [key]: second.entities[key] });
    }
    return { ...first, next: { intent: split.secondOperation, entities: second.entities } };
  }

  /**
   * "Dos. ¿A qué hora toca llegar?", "1. Y otra pregunta, ¿esto demora mucho?": a first sentence
   * that is only an option's number, then a question by the way, picks that option; the question
   * is answered too. (At the slots, "la segunda. ¿con quién es?" asks about the slot, see `options.ts`.)
   */
  function numberBeforeQuestion(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (expectation.question === 'slot' || expectation.options.length === 0) return undefined;
    const parts = /^\s*([^.!?¿]+?)\s*[.!]+\s+(.*\?.*)$/s.exec(read);
    if (!parts?.[1] || !parts[2] || !NUMBER_ALONE.test(normalizeMessage(parts[1]))) return undefined;
    const first = readOnce(parts[1], expectation, now);
    const whole = readOnce(read, expectation, now);
    if (first.choice === undefined || whole.choice !== undefined) return undefined;
    const rest = readOnce(parts[2], expectation, now);
    // ("2. ¿Y puedo cancelar otra?": another request after it is read whole.)
    if (!['none', 'help'].includes(rest.intent) || (rest.intent === 'help' && asksForHelp(wordsOf(normalizeMessage(parts[2]))))) return undefined;
    const asked = rest.entities.asks;
    // ("2. ¿Qué es eso?": what the option means, asked before it is picked.)
    if (asked === 'meaning' || (asked === undefined && rest.intent !== 'help')) return undefined;
    const result: Understanding = { ...first, entities: { ...first.entities, ...(asked ? { asks: asked } : {}) } };
    if (YES_NO_QUESTIONS.has(expectation.question) && (first.choice === 'yes' || first.choice === 'no')) result.intent = 'none';
    return result;
  }

  /**
   * "1 sí señora", "listo, 1", "#1 confirmado", "la primera opción, o sea que sí", "2, no, es que
   * estamos en Chía": at a yes/no question, the option's number with a yes or a no in words beside
   * it says the answer twice. The words are read on their own; when they say the same as the
   * number, they are the answer (with what they add), the number its choice.
   */
  function answerBesideItsNumber(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (!YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    const normalized = normalizeMessage(read);
    const found = NUMBER_FIRST.exec(normalized) ?? NUMBER_LAST.exec(normalized);
    if (!found?.groups) return undefined;
    const position = POSITION_WORDS[found.groups.n ?? ''] ?? Number(found.groups.n);
    const option = expectation.options[position - 1];
    const rest = (found.groups.rest ?? '').trim();
    // ("Sí, a las 1", "sí, para el 2": an hour or a day, no option.)
    if (option === undefined || !/[a-z]/.test(rest) || /\b(?:a las?|las|la|de|del|el dia|para el|pa el|hasta el|antes del?)\W*$/.test(rest)) return undefined;
    const words = readOnce(rest, expectation, now);
    const said = option.value === 'yes' ? 'yes' : option.value === 'no' ? 'no' : undefined;
    if (said === undefined || words.choice !== said || words.intent !== (said === 'yes' ? 'affirm' : 'deny')) return undefined;
    return { ...words, entities: { ...words.entities, yesNo: said } };
  }

  /**
   * "¿Y eso qué es, señorita? Bueno, sí, autorizo", "¿Y no será muy tarde? Pues sí, busque a ver":
   * at a yes/no question, a message that asks or hesitates first and closes on a sentence that
   * is a plain yes or no is that answer: the question was the member thinking aloud, and the
   * last sentence settles it. A message that closes on its question stays a question; one that
   * said yes or no before its last sentence, other than in a question, is read whole.
   */
  /**
   * "¿A las 8 no hay? Bueno, la de las 7 y 40": at a list, a question, then an option picked with a word that settles it
   * ("bueno", "entonces", "listo"): the option settled on (the question is left, as the member did).
   */
  function pickAfterQuestion(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (expectation.options.length === 0 || YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    const asked = read.lastIndexOf('?');
    if (asked < 0) return undefined;
    const after = read.slice(asked + 1).trim();
    if (!SETTLED_PICK.test(normalizeMessage(after))) return undefined;
    const picked = readOnce(after, expectation, now);
    // (Whatever the question before it seemed to pick, "¿a las 8 no hay?" with 8:00 shown, the option settled on is the one.)
    return picked.choice === undefined ? undefined : picked;
  }

  function answerAfterDoubt(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (!YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    const final = finalSentence(read);
    if (final === undefined) return undefined;
    // ("¿Hoy a las 2? Uy no, no alcanzo. Mejor la de mañana a las 9": where the last sentence says no yes or no, all that
    // follows the question.)
    const afterQuestion = read.slice(read.lastIndexOf('?') + 1).trim();
    const last =
      read.includes('?') && afterQuestion !== final && readOnce(final, expectation, now).entities.yesNo === undefined && /[a-záéíóúñ]/i.test(afterQuestion) ? afterQuestion : final;
    // Before it, a question or words that answer nothing: "sí… ay no, bueno sí" takes back and says again, and Lina asks.
    const before = read.slice(0, read.lastIndexOf(last));
    if (!before.includes('?') && readOnce(before, expectation, now).entities.yesNo !== undefined) return undefined;
    // "…? No quiero que me cuenten como inasistencia": a wish about what happens, not the answer.
    if (/^\W*no (?:quiero|quisiera|me gustaria|me gusta|deseo) que\b/i.test(normalizeMessage(last))) return undefined;
    // ("Sí, pa Mateo, ¿cierto? No pa la niña": the last sentence sets a person aside; the whole is read.)
    if (/^\W*no (?:es )?(?:pa|para|pal)\b/i.test(normalizeMessage(last))) return undefined;
    // ("…ya le dije. Si me levanto a las 2 ya no me vuelvo a dormir…": a condition told, not a "sí".)
    if (/^\W*si (?:me|te|le|nos|lo|la|los|las|uno|yo|ella|el) [a-z]+/.test(normalizeMessage(last)) && normalizeMessage(last).split(' ').length > 5) return undefined;
    const answer = readOnce(last, expectation, now);
    const said = answer.entities.yesNo;
    if (said === undefined || answer.intent !== (said === 'yes' ? 'affirm' : 'deny')) return undefined;
    // "¿Y qué hacen con mis datos? No me gusta dar datos por acá": at the authorisation, a reluctance after a question about
    // the data is no refusal yet; the question is answered (only "no", "entonces no, gracias", "no autorizo" refuses).
    if (
      said === 'no' &&
      expectation.question === 'consent' &&
      DATA_ASKED.test(normalizeMessage(before)) &&
      !/^\W*(?:(?:entonces|pues|bueno|asi) )?(?:no\W*)+(?:autorizo|acepto|senora|senorita|gracias|muchas gracias)?\W*$/.test(normalizeMessage(last))
    )
      return undefined;
    const whole = readOnce(read, expectation, now);
    if (!SETTLED_BY_THE_LAST.has(whole.intent) || (whole.intent === (said === 'yes' ? 'affirm' : 'deny') && whole.entities.yesNo === said)) return undefined;
    const entities: Entities = { ...whole.entities, yesNo: said };
    delete entities.asks;
    delete entities.alsoAsks;
    const result: Understanding = { intent: answer.intent, intentScore: answer.intentScore, entities };
    if (answer.choice !== undefined) result.choice = answer.choice;
    return result;
  }

  /**
   * "Le agradezco mucho. Sí, por favor, confírmela. Que tenga un feliz día.": at a yes/no
   * question, one sentence that is a plain yes or no among sentences that only thank, greet or
   * take leave is that answer (the kind words are manners, not the message).
   */
  function answerAmongKindWords(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (!YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    const sentences = read
      .split(/[.!;…]+/u)
      .map((sentence) => sentence.trim())
      .filter((sentence) => /[a-záéíóúñ]/i.test(sentence));
    if (sentences.length < 2 || read.includes('?')) return undefined;
    const answers = sentences.map((sentence) => readOnce(sentence, expectation, now));
    const said = answers.filter((answer) => answer.entities.yesNo !== undefined);
    const answer = said[0];
    if (said.length !== 1 || answer === undefined || answer.intent !== (answer.entities.yesNo === 'yes' ? 'affirm' : 'deny')) return undefined;
    const manners = answers.filter((other) => other !== answer);
    const kind = (intent: Intent) => KIND_WORDS.has(intent) || (intent === 'goodbye' && answer.entities.yesNo === 'yes');
    if (!manners.every((other) => kind(other.intent) && Object.keys(other.entities).length === 0 && other.choice === undefined)) return undefined;
    return answer;
  }

  /**
   * "Para mí… no, para Sofía", "Kennedy.. no, mejor Primero de Mayo", "en la tarde… no, mañana
   * temprano mejor": away from a yes/no question, an answer taken back by a "no" set apart is
   * replaced by what follows it. The words after the last such "no" are read on their own; what
   * they say (the option, the day, the band, the person…) replaces what the whole said, and the
   * "no" is said as the correction it is.
   */
  function answerAfterCorrection(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    const normalized = normalizeMessage(read);
    // (Every correction holds its "no" and what follows it: without them, the costlier expression is not run.)
    // (A realisation at the slots, `REALISED`, holds "verdad", which the same cheap look lets through.)
    if (!MAY_CORRECT.test(normalized) && !(expectation.question === 'slot' && normalized.includes('verdad'))) return undefined;
    let cut: number | undefined;
    // ("…no espere, …", "no perdón", without a stop after the "no": a correction said on the way, which the writers of the
    // corpus mostly do not count as a no.)
    let setApart = false;
    for (const found of normalized.matchAll(CORRECTING_NO)) {
      cut = (found.index ?? 0) + found[0].length;
      setApart = /\bno\s*(?:,|\.{2,}|…|\.|;)/.test(found[0]);
    }
    // ("La del martes 9… ahh verdad q esa es la de Mateo, entonces la del miércoles 10:40": a realisation, then the answer.)
    if (cut === undefined && expectation.question === 'slot') {
      const realised = REALISED.exec(normalized);
      if (realised) cut = realised.index + realised[0].length;
    }
    if (cut === undefined) return undefined;
    const before = normalized.slice(0, cut).replace(CORRECTING_NO_AT_END, '');
    const after = normalized.slice(cut).trim();
    if (!/[a-z0-9]/.test(before) || !/[a-z0-9]/.test(after)) return undefined;
    // ("Ayy no espere, …": an interjection is no answer taken back; "ay no, es para Mateo" still says no.)
    if (!setApart && /^[\s,.…]*(?:(?:a+y+|u+y+|a+h+|m+|eh|bueno|pues|o)[\s,.…]*)+$/.test(before)) return undefined;
    const tail = readOnce(after, expectation, now);
    const said = Object.keys(tail.entities).filter((key) => CORRECTED.has(key as keyof Entities));
    if (tail.choice === undefined && said.length === 0 && !expectation.options.some((option) => option.value === tail.intent)) return undefined;
    const whole = readOnce(read, expectation, now);
    const entities: Entities = { ...whole.entities };
    for (const key of said) Object.assign(entities, { [key]: tail.entities[key as keyof Entities] });
    // What the whole read before the "no" and the tail does not say again is dropped when it is of a kind the tail replaced.
    if (tail.entities.day === undefined && said.includes('weekday')) delete entities.weekday;
    if (setApart) entities.yesNo = 'no';
    // ("Una cita para mi nieta Sofía, no, perdón, para Mateo": the person corrected, the operation asked before stays.)
    const personOnly = tail.intent === 'change_patient' && ['book', 'consult', 'cancel', 'reschedule'].includes(whole.intent);
    const intent = tail.intent !== 'none' && !personOnly ? tail.intent : whole.intent === 'deny' ? 'none' : whole.intent;
    const result: Understanding = { intent, intentScore: tail.intentScore, entities };
    // ("Agendar… no, primero consultar": the operation said after the no is the option.)
    // ("Una cita de medicina general para el jueves no perdón para el viernes" at the menu: only the day is taken back, the
    // booking picked stays.)
    const kept = expectation.question === 'menu' && whole.choice !== undefined && whole.choice === whole.intent ? whole.choice : undefined;
    const choice = tail.choice ?? (expectation.options.some((option) => option.value === tail.intent) ? tail.intent : kept);
    if (choice !== undefined) result.choice = choice;
    return result;
  }

  /**
   * "Sí, por favor confírmela. Antes de cerrar, ¿tiene cuota moderadora?", "Sí, muy amable. ¿Me
   * confirma la dirección?": at a confirmation or an offer, a first sentence that is a plain yes or
   * no, then a question by the way, is that answer. At the authorisation too ("Sí, autorizo. ¿Se
   * demora mucho esto?"): the yes is said plainly first, and the question is about something else;
   * a question about the data themselves ("¿y qué hacen con mis datos?") is asked alone, and answered.
   */
  function answerBeforeQuestion(read: string, expectation: Expectation, now: Date): Understanding | undefined {
    if (!YES_NO_QUESTIONS.has(expectation.question)) return undefined;
    // The answer is what comes before the sentence that asks ("…?" or "quisiera saber si…"): "Entiendo. En ese caso, sí,
    // radíquelo. ¿En cuánto tiempo me llaman?" answers with its second sentence.
    const asking = ASKING_SENTENCE.exec(read);
    if (!asking) return undefined;
    const cut = asking.index;
    if (cut <= 0) return undefined;
    const answerPart = read.slice(0, cut);
    // "Sí… bueno no sé, ¿y si no alcanzo a llegar?": the yes turned into a doubt before the question.
    if (TURNED_DOUBT.test(normalizeMessage(read))) return undefined;
    if (expectation.question === 'consent' && DATA_ASKED.test(normalizeMessage(read.slice(cut)))) return undefined;
    const first = answerAfterDoubt(answerPart, expectation, now) ?? readOnce(answerPart, expectation, now);
    const said = first.entities.yesNo;
    if (said === undefined || first.intent !== (said === 'yes' ? 'affirm' : 'deny')) return undefined;
    const whole = readOnce(read, expectation, now);
    // The rest asks for something to do ("¿podemos ver otra fecha?", "y quiero pedir otra para Mateo"): the whole is read.
    // (An operation named only inside a question — "¿la cita vieja se cancela sola o tengo que cancelarla yo?" — asks about it.)
    const unasked = read.replace(/[^.!;…?¿]*\?/g, ' ');
    const operationAsked = ['reschedule', 'cancel', 'consult'].includes(whole.intent) && operationCue(normalizeMessage(unasked)) !== undefined;
    if (['other_day', 'more_times', 'menu', 'back', 'change_patient', 'goodbye'].includes(whole.intent) || operationAsked) return undefined;
    if (whole.intent === 'book' && /\b(pedir|agendar|sacar|separar)\b/.test(normalizeMessage(read.slice(cut)))) return undefined;
    // ("Sí, confírmela. ¿Y eso dónde queda?": the question by the way is answered too, before the answer is acted on.)
    const asked = whole.entities.asks ?? readOnce(read.slice(cut), expectation, now).entities.asks;
    const byTheWay = asked && asked !== 'meaning' && asked !== 'wait' ? { asks: asked } : {};
    if (whole.intent === first.intent && whole.entities.yesNo === said) return { ...whole, entities: { ...whole.entities, ...byTheWay } };
    const entities: Entities = { ...whole.entities, yesNo: said, ...byTheWay };
    const result: Understanding = { intent: first.intent, intentScore: first.intentScore, entities };
    if (first.choice !== undefined) result.choice = first.choice;
    return result;
  }

  function readOnce(text: string, expectation: Expectation, now: Date): Understanding {
    let known = readings.get(text);
    if (known === undefined) {
      known = understandOne(text, expectation, now);
      readings.set(text, known);
    }
    return known;
  }

  function understandOne(read: string, expectation: Expectation, now: Date): Understanding {
    const question = expectation.question;
    const normalized = joinDictated(normalizeMessage(read));
    const original = wordsOf(normalized);
    const words = original.map((word) => speller.correct(word));
    const people = expectation.people ?? [];
    const message: Message = { read, normalized, original, words };
    const { entities, courtesy, visitTypes } = readEntities(reading, message, question, now);

    // Words already read as an entity are not a yes or no ("no programada").
    const yesNo = readYesNo(reading, words, question, visitTypes, normalized, courtesy);
    if (yesNo) entities.yesNo = yesNo;
    // "Sí, déjela así": a yes is no giving up.
    if (yesNo === 'yes') delete entities.leaveAsIs;
    // "Ay no, mejor la tres" at a confirmation: no, and the option of the list before it that the member wants instead.
    const instead = yesNo === 'no' && question === 'confirm' && !entities.time ? POSITION_INSTEAD.exec(normalized) : null;
    if (instead?.[1]) entities.position = POSITION_WORDS[instead[1]] ?? Number(instead[1]);
    // "Perdón, era la tres", "me equivoqué, era la 3": the same, said as a mistake owned rather than with a no.
    // (A bare "la primera", "la segunda", with nothing owned, picks the Sí or the No shown: the list before had them too.)
    const mistakenAt = !yesNo && question === 'confirm' && !entities.time ? MISTAKEN_POSITION.exec(normalized) : null;
    const bareOfShown =
      mistakenAt !== null && /^\W*(?:la|el) \S+\W*$/.test(normalized) && Math.abs(POSITION_WORDS[mistakenAt[1] ?? ''] ?? Number(mistakenAt[1])) <= expectation.options.length;
    const mistaken = bareOfShown ? null : mistakenAt;
    if (mistaken?.[1]) {
      entities.yesNo = 'no';
      entities.position = POSITION_WORDS[mistaken[1]] ?? Number(mistaken[1]);
    }

    const { patients, timeOf, writer } = readPatientMentions(reading, message, question, expectation.options, question === 'email' ? [] : people, expectation.writer);
    if (patients.length > 0) entities.patients = patients;
    // "Era la de Sofi la que toca mover, la de Mateo déjela quieta": what is left as it is is the other one's cita; the
    // operation goes on for the one named.
    if (
      entities.leaveAsIs &&
      patients.length > 0 &&
      /\b(?:la|el) (?:cita )?de \w+ (?:dejela|dejelo|dejala|dejalo|no la toque|no la mueva|no la cancele|queda igual|se queda igual)\b/.test(normalized)
    )
      delete entities.leaveAsIs;
    if (timeOf) entities.timeOf = timeOf;
    // "La más cerquita a la de Mateo", "el mismo día que la de la niña": Mateo's or the girl's appointment tells the time; they are no patient.
    const anchor = question === 'email' ? null : ANOTHERS_APPOINTMENT.exec(normalized);
    if (anchor && !entities.timeOf) {
      // Read with its "la de" ("…que la de Mateo"): a bare name, where nobody is known yet, names nobody.
      const tailRead = `la cita de${normalized.slice(anchor.index + anchor[0].length)}`;
      const tailOriginal = wordsOf(tailRead);
      const tail = readPatientMentions(
        reading,
        { read: tailRead, normalized: tailRead, original: tailOriginal, words: tailOriginal.map((word) => speller.correct(word)) },
        question,
        expectation.options,
        people,
        expectation.writer,
      );
      const [other] = tail.patients;
      if (other) {
        entities.timeOf = other;
        if (/\b(despues|luego)\b/.test(anchor[0])) entities.afterTimeOf = true;
        const rest = (entities.patients ?? []).filter((mention) => JSON.stringify(mention) !== JSON.stringify(other));
        if (rest.length > 0) entities.patients = rest;
        else delete entities.patients;
      }
    }
    if (writer) entities.writer = writer;
    // Where the member is being identified, the one whose cédula or adult date of birth is given is that member, not a
    // patient ("CC 1.022.334.190 (de Laura)", "Laura nació el 9 de agosto de 1988", "la de mi hija", from her mother); a
    // child's registro civil or tarjeta, or a date of birth of a child, still names the child, and so does a cita asked for.
    if (entities.patients?.length && IDENTITY_QUESTIONS.has(question) && identifiesAnAdult(entities, normalized, now) && !CITA_FOR.test(normalized)) delete entities.patients;
    // ("Es la de mi hija, CC 1010101010": her mother writes.)
    if (!entities.writer && !expectation.writer && IDENTITY_QUESTIONS.has(question) && identifiesAnAdult(entities, normalized, now)) {
      const documentOf = writerOfDocument(normalized);
      if (documentOf) entities.writer = documentOf;
    }

    // "Le escribe Jorge, el esposo de Laura": who writes says nothing of what is asked.
    const introduction = writer ? writerIntroduction(words) : undefined;
    const intentRead = readIntent(reading, words, question, yesNo, introduction ? [...courtesy, introduction] : courtesy, ANSWERING_NO.test(normalized), original);
    let { intent } = intentRead;
    // "Buenas tardes, soy Rosa, la mamá de Laura, le escribo del celular de ella porque el mío se dañó": a greeting, and who
    // writes; nothing asked yet.
    if (
      question === 'start' &&
      introduction !== undefined &&
      (intent === 'none' || (intent === 'help' && !asksForHelp(words))) &&
      smallTalk.find(words).some((found) => found.value === 'greet') &&
      !entities.specialty &&
      !entities.visitType &&
      !entities.day &&
      !entities.patients?.length &&
      operationCue(words.join(' ')) === undefined &&
      // (Nor a word of a cita or of help: "…me dijo que pidiera la cita por aquí", "esto cómo funciona, me ayuda".)
      !/\b(?:cita|citas|consulta|consultas|control|ayud\w*|funciona|explic\w*|entiendo)\b/.test(words.join(' '))
    )
      intent = 'greet';
    // "Estoy en la USS Suba con la niña, tiene fiebre muy alta": someone brought to a site in need, in a first message, is a cita
    // asked for them.
    if (question === 'start' && intent === 'none' && entities.patients?.length && AT_A_SITE.test(words.join(' ')) && BROUGHT_IN_NEED.test(words.join(' '))) intent = 'book';
    // "Holaaa pediatría pa Sofi el jueves x fa 🙏", "cita médico general pa mí": a first message of booking details is a booking, courtesy around it or not.
    // ("Necesito médico general en Facatativá, cualquier hora": a help the classifier weighed, with no word of help, is the booking too.)
    if (
      (question === 'start' || question === 'menu') &&
      (intent === 'none' ||
        intent === 'thanks' ||
        intent === 'greet' ||
        (intent === 'help' && !intentRead.ruled && !asksForHelp(words)) ||
        // ("Una cita por primera vez con médico general en Facatativá, a la hora que sea": a look-up the classifier weighed,
        // with no word of a cita the member has, is the booking too.)
        (intent === 'consult' && !intentRead.ruled && !normalized.includes('?') && !HAS_OR_WHEN.test(words.join(' ')) && operationCue(words.join(' ')) === undefined)) &&
      entities.specialty &&
      (entities.visitType ||
        entities.site ||
        entities.day ||
        entities.band ||
        entities.patients?.length ||
        /^(?:\w+ )?(?:necesito|quiero|quisiera|ocupo|necesitaria)\b/.test(words.join(' ')) ||
        // ("Pediatría urgente", "medicina general ya": a cita, now.)
        (words.length <= 4 && /\b(?:urgente|urgentemente|urgencia|ya|hoy mismo|pronto|rapido)\b/.test(words.join(' '))) ||
        // ("Hola, cita médico general, solo puedo a la hora del almuerzo": a cita, not one the member has.)
        /(?<!\b(?:la|mi|esa|su|las|mis) )\b(?:cita|consulta|turno) (?:de |con |con el |con la |para |pa )?(?:medic|pediatr|general)/.test(words.join(' ')))
    )
      intent = 'book';
    // A phrase that is all small talk ("hasta mañana", "mil gracias") says nothing else (but who writes, if they said so).
    if (intentRead.ruled && (intent === 'greet' || intent === 'thanks' || intent === 'goodbye')) {
      for (const key of Object.keys(entities) as Array<keyof Entities>) if (key !== 'yesNo' && key !== 'writer') delete entities[key];
    }
    // "Eso es todo por hoy", "gracias, hasta mañana": a goodbye names no day.
    if (intent === 'goodbye' || intent === 'thanks') {
      delete entities.day;
      delete entities.weekday;
      delete entities.dayOff;
      delete entities.time;
    }
    const smallTalkOnly = intentRead.ruled && (intent === 'greet' || intent === 'thanks' || intent === 'goodbye');
    const picked = pickAnswer(reading, message, expectation, { intent, entities, people, courtesy, smallTalkOnly }, now);
    const settled = settleIntent({ message, expectation, entities, yesNo, intentRead, intent, picked });
    // "Se le fue el aire al niño y está morado": signs of an emergency, which the engine answers first, are no booking unless
    // a cita is asked for in so many words.
    // ("El bebé se está poniendo azul" at the menu: the child told of is no patient asked for either.)
    if (
      (settled.intent === 'book' || settled.intent === 'change_patient' || (settled.intent === 'none' && settled.choice === undefined)) &&
      !intentRead.ruled &&
      mentionsRedFlag(read) &&
      !citaAskedIn(normalized) &&
      !/\b(agend\w*|cita|turno|consulta)\b|\b(?:que|q) (?:lo|la|le|los|las|me|nos) (?:vean|atiendan|revisen|vea|atienda|revise)\b/.test(normalized)
    ) {
      const { choice: _choice, ...rest } = settled;
      const { patients: _patients, ...entities } = rest.entities;
      return { ...rest, intent: 'none', entities: question === 'patient' ? rest.entities : entities };
    }
    // "NO QUIERO CITA PARA MATEO", "no no, a Mateo no le saque nada, ya está mejor" while his cita is being booked: the booking
    // given up (as "mejor dejemos así" gives it up); the one named is who it is not for, no patient.
    if (BOOKING_QUESTIONS.has(question) && settled.intent !== 'goodbye' && NO_CITA_WANTED.test(normalized) && !/\b(?:sino|mejor (?:para|pa)|es (?:para|pa))\b/.test(normalized)) {
      const { choice: _choice, ...rest } = settled;
      const { patients: _patients, yesNo: _no, ...entities } = rest.entities;
      return { ...rest, intent: 'none', entities: { ...entities, leaveAsIs: true } };
    }
    // (A mistake owned at a confirmation is the no, with the position: no other patient, no step back.)
    return mistaken ? { ...settled, intent: 'deny', choice: 'no' } : settled;
  }
}

/** The sentence of a message that asks: the one ending in "?" (from its "¿" or the end of the sentence before), or one that says it wants to know. */
/** A question about the data the authorisation covers: "¿y qué hacen con mis datos?", "¿para qué es eso?", "¿quién los ve?". */
const DATA_ASKED = /\b(?:datos|informacion|privacidad|para (?:que|q)|quien (?:los|las|la|lo) (?:ve|ven|usa|usan)|los (?:comparten|venden)|me van a llamar)\b/;

const ASKING_SENTENCE =
  /(?<=^|[.!;…]\s*)[^.!;…?]*\?|¿|(?<=^|[.!;…,]\s*)(?:antes de cerrar |y )?(?:quisiera|quiero|me gustaria|necesito) (?:saber|preguntar|consultar)\b|(?<=^|[.!;…,]\s*)(?:y )?le pido el favor de (?:recordarme|decirme|confirmarme|indicarme)\b/i;

/**
 * "Sí, confírmela. Sofía, ya le dije que no toque eso": at a yes/no question, a later sentence
 * that opens by calling one of the member's children by name speaks to the child in the room,
 * not to Lina; it is left out of the reading (its "no" is no answer, the child no patient).
 * A sentence that says more about the cita ("Mateo, el de 7 años") is kept.
 */
/**
 * "10 40", "la de las 2 20" among the times shown: an hour and its minutes typed with a space,
 * read as with a colon ("2 i 20" as "2 y 20"); "mar 3pm", "juev": a weekday cut short (only where days and times are
 * being chosen: elsewhere two numbers may be anything, and "mar" may be March).
 */
function withShorthandTimes(read: string, expectation: Expectation): string {
  if (expectation.question !== 'slot' && expectation.question !== 'confirm' && expectation.question !== 'day') return read;
  // ("Ok mar 3pm", "juev": a weekday cut short, where days are being chosen.)
  const days = read.replace(
    /(?<![\d/] ?)\b(lun|mar|mier|mie|jue|juev|vie|sab)\b(?=\.? ?\d|\W*$)/giu,
    (_found, short: string) =>
      ({ lun: 'lunes', mar: 'martes', mier: 'miércoles', mie: 'miércoles', jue: 'jueves', juev: 'jueves', vie: 'viernes', sab: 'sábado' })[short.toLowerCase()] ?? short,
  );
  if (expectation.question === 'day') return days;
  // ("La de las 2 i 20": "i" typed for "y" between an hour and its minutes.)
  return days
    .replace(/\b(1[0-2]|0?[1-9]) i ([0-5]0|[0-5]5)\b/g, '$1 y $2')
    .replace(/^(\D{0,16}?\b)(1[0-2]|0?[1-9]) ([0-5]0|[0-5]5)(\b\D{0,60})$/, (found, before: string, hour: string, minutes: string, after: string) =>
      /\d/.test(before + after) ? found : `${before}${hour}:${minutes}${after}`,
    );
}

function withoutWordsToAChild(read: string, expectation: Expectation): string {
  const children = (expectation.people ?? []).slice(1);
  if (!YES_NO_QUESTIONS.has(expectation.question) || children.length === 0) return read;
  const sentences = read.split(/(?<=[.!;…?])\s+/u);
  if (sentences.length < 2) return read;
  const kept = sentences.filter((sentence, index) => {
    if (index === 0) return true;
    const called = /^\W*([a-z]+)\s*,\s*(.*)$/.exec(normalizeMessage(sentence));
    if (!called || !children.some((child) => sameNormalizedName(called[1] ?? '', child))) return true;
    return /\b(?:cita|citas|para|pa|pal|anos|control|pediatr\w*|medic\w*)\b/.test(called[2] ?? '');
  });
  return kept.length === sentences.length ? read : kept.join(' ');
}

/** Sentences that only mind manners: thanks, greetings, and after a yes the wishes that take leave ("no, mejor no. chao" still ends the conversation). */
const KIND_WORDS: ReadonlySet<Intent> = new Set(['thanks', 'greet']);

/** What a message's first sentences may read as when its last sentence is a plain yes or no: thinking aloud, not a request. */
const SETTLED_BY_THE_LAST: ReadonlySet<Intent> = new Set(['none', 'help', 'book', 'other_day', 'greet', 'thanks', 'affirm', 'deny', 'more_times']);

/** The last "pero" or "pues" of a message, with what follows it. */
const LAST_TURN = /\s(?:pero|pues)\s(?!.*\s(?:pero|pues)\s)/i;

/**
 * The last sentence of a message of several that does not close on a question: what follows
 * the last "?", ".", "!" or "…" ("¿Y eso qué es? Entonces no, gracias" → "Entonces no, gracias").
 */
function finalSentence(text: string): string | undefined {
  const trimmed = text.trim().replace(/[\s.!…]+$/u, '');
  if (trimmed.endsWith('?')) return undefined;
  const cut = Math.max(trimmed.lastIndexOf('?'), trimmed.lastIndexOf('!'), trimmed.lastIndexOf('…'), trimmed.search(/\.(?=[^.]*$)(?!\d)/));
  // Without punctuation, "no sé qué es eso pero bueno sí", "ke es eso de datos pues sí dele": after the last "pero" or "pues".
  const joined = cut < 0 ? LAST_TURN.exec(trimmed) : null;
  const at = cut >= 0 ? cut + 1 : joined ? joined.index + joined[0].length : -1;
  if (at < 0) return undefined;
  const last = trimmed.slice(at).trim();
  return /[a-záéíóúñ]/i.test(last) ? last : undefined;
}

/** Someone a cita is asked for: "la cita es pal niño", "pa mí", "pa la cita de Sofi". */
const CITA_FOR = /\b(para|pa|pal)\b(?! que\b)/;

/** Whether the document or date of birth given is an adult's: a cédula (or any type but a child's), or a birth date 18 years back or more. */
function identifiesAnAdult(entities: Entities, normalized: string, now: Date): boolean {
  const childDocument = entities.documentType === 'RC' || entities.documentType === 'TI' || /\b(registro|tarjeta|ti|rc)\b/.test(normalized);
  if (entities.birthDate !== undefined) {
    const [year, month, day] = entities.birthDate.split('-').map(Number) as [number, number, number];
    const eighteenth = Date.UTC(year + 18, month - 1, day);
    return eighteenth <= now.getTime();
  }
  return !childDocument && (entities.documentNumber !== undefined || entities.documentType !== undefined);
}

/** "Mi cita", "la mía": the member's own, when the message sets it against someone else's. */
/** After a question at a list, the words that settle on an option: "bueno, (la de las 7 y 40)", "entonces (la 2)". */
const SETTLED_PICK = /^\W*(?:(?:ah|ay|ok|okey|bueno|listo|entonces|pues|dale|ya|mija|senorita)\W+)*(?:bueno|listo|entonces|dale|ok|okey)\b/;
const MY_OWN_CITA = /\b(?:mi (?:cita|consulta)|la mia)\b/;

/** "…y sáqueme una nueva", "ahora sí agéndeme otra": a new cita asked for besides the answer. */
const NEW_BOOKING =
  /\b(?:saque(?:me|le)?|sacarme|sacarle|agende(?:me|le)?|agendarme|pida(?:me)?|pideme|deme|dame|necesito|quiero|quisiera)(?: me)? (?:una|otra) (?:nueva|cita nueva|cita|consulta)\b|\buna (?:cita )?nueva\b|\b(?:saque(?:me|le)|sacarme|sacarle|agende(?:me|le)|agendarme|pidame)(?: me)? (?:una|otra)\b(?! (?:vez|hora|horario|dia|fecha)\b)/;
/** "…y sigamos con lo de Mateo", "y después lo de la niña": someone's matter, taken up after the one confirmed. */
const LATER_MATTER = /\b(?:sigamos|seguimos|sigo|despues|luego|ahora) (?:con )?(?:lo|eso|el tema) de\b/;
/** What a new booking asked for besides a yes keeps of the message. */
const BOOKING_KEYS = ['specialty', 'visitType', 'site', 'band', 'day', 'weekday', 'dayOff', 'time', 'patients'] as const satisfies ReadonlyArray<keyof Entities>;

/**
 * "Ahora sí, sáqueme una nueva para el 1 de diciembre en Kennedy" to "¿La cancelo?": the yes, and a
 * booking that comes next with what the message says of it (the operation under way ends first).
 */
/** The cita just booked was meant for someone else: "era para la niña, cancele esa", "me equivoqué, era pa Sofi, cancélela". */
const MEANT_FOR_THEN_CANCEL =
  /\b(?:era|es) (?:para|pa|pal) [a-z ]{2,30}?,? (?:entonces |mejor )?(?:cancel|anul)\w* (?:esa|esta|la|esa cita|la que)\b|\b(?:era|es) (?:para|pa|pal) [a-z ]{2,30}?,? (?:cancelela|cancelala|anulela|anulala)\b/;

/** After a yes, the other cita to cancel or move next: "sí, y cancele la otra", "y la otra me la cancela". */
/** After a yes, a new booking asked: "…pero me saca otra para el jueves", "…y me pide una para la niña". */
const ANOTHER_AFTER_YES =
  /(?:,|\b(?:pero|y|y de paso|y tambien|y ademas))\s+(?:me|le|nos)\s+(?:saca|sacas|saque|pide|pida|agenda|agende|separa|separe|consigue|consiga|da)\s+(?:una|otra)\b(?! (?:vez|pregunta|cosa|duda))|(?:,|\b(?:pero|y|y de paso|y tambien|y ademas))\s+(?:me|le|nos)\s+(?:la|lo)\s+(?:(?:puede|pueden|podria|podrian|puedes)\s+)?(?<again>volver|vuelve|vuelven|vuelves)\s+a\s+(?:dar|sacar|agendar|pedir|separar|programar)\b/;
const YES_AND_THE_OTHER =
  /\b(?:y|e) (?:(?:tambien|de una|de paso|ahora|de una vez) )?(cancel\w*|anul\w*|muev\w*|reprogram\w*|cambi\w*) (?:la|esa) otra\b(?! (?:hora|fecha|sede|dia|vez))|\b(?:y|e) (?:la|esa) otra (?:(?:me )?la )?(cancel\w*|anul\w*|muev\w*|reprogram\w*)/;

/**
 * "Dice Laura que sí", "ah bueno gracias. no, por ahora no, luego escribo": at a yes/no question, a
 * message read as that answer (its intent and the option it picks agree), with a "sí" or a "no"
 * written in it, says the yes or no, though the step that reads yes and no took it for no
 * answer. Done on the whole message's reading only, after every other step, so that the readings
 * of its parts stay as they are. ("Gracias 👍" away from a yes/no question loses the thumbs' yes.)
 */
function withTheAnswerSaid(result: Understanding, read: string, expectation: Expectation): Understanding {
  // ("Gracias 👍" at the menu: the thumbs go with the thanks; no question was asked for a yes.)
  if (!YES_NO_QUESTIONS.has(expectation.question) && result.intent === 'thanks' && result.entities.yesNo === 'yes' && !/\b(?:si|sii|sip)\b/.test(normalizeMessage(read))) {
    const { yesNo: _thumbs, ...entities } = result.entities;
    return { ...result, entities };
  }
  if (!YES_NO_QUESTIONS.has(expectation.question) || result.entities.yesNo !== undefined) return result;
  // (Only where a "sí" or a "no" is written: "déjela como estaba" refuses in other words.)
  // (Never where both are written, "sí… ay no. Bueno sí", nor in a doubt, "no sé si": the step found no answer there.)
  const normalized = normalizeMessage(read);
  const yes = /\b(?:si|sii|sip)\b/.test(normalized);
  const no = /\b(?:no|nop|nones|nel)\b/.test(normalized);
  if (yes === no || /\bno (?:se|sabria|sabe|estoy segur[ao])\b/.test(normalized)) return result;
  const said = result.intent === 'affirm' && result.choice === 'yes' ? 'yes' : result.intent === 'deny' && result.choice === 'no' ? 'no' : undefined;
  return said ? { ...result, entities: { ...result.entities, yesNo: said } } : result;
}

function withNewBookingAfter(answer: Understanding, read: string, expectation: Expectation): Understanding {
  const normalized = normalizeMessage(read);
  // "La 2, y de paso sáquele una a Sofi también" among the slots: this slot for the patient being booked, and a booking for
  // the one named after it, next (never the slot switched to her).
  if (
    (expectation.question === 'slot' || expectation.question === 'day' || expectation.question === 'band') &&
    answer.choice !== undefined &&
    !answer.next &&
    (answer.entities.patients?.length ?? 0) > 0 &&
    (ANOTHER_FOR.test(normalized) || NEW_BOOKING.test(normalized)) &&
    /\b(?:y|tambien|de paso|ademas)\b/.test(normalized)
  ) {
    const { patients, ...kept } = answer.entities;
    return { ...answer, entities: kept, next: { intent: 'book', entities: { ...(patients ? { patients } : {}) } } };
  }
  // "Sofía. Y de pronto después una pa Mateo también" at the patient question: the one named first is the answer, and a
  // booking for the one named after it comes next.
  const patients = answer.entities.patients ?? [];
  // ("Citas de pediatría para mis dos hijos Mateo y Sofi… primero la de Mateo": both stay named, the one to go first first, and
  // the dialog books them in that order with what was said for both.)
  const firstSaid = expectation.question === 'patient' && patients.length === 2 && !answer.next ? FIRST_ONE.exec(normalized)?.[1] : undefined;
  const goesFirst = firstSaid === undefined ? -1 : patients.findIndex((mention) => mention.kind === 'name' && sameNormalizedName(mention.name, firstSaid));
  if (goesFirst >= 0) {
    const inOrder = goesFirst === 1 ? [...patients].reverse() : patients;
    return { ...answer, entities: { ...answer.entities, patients: inOrder, inOrder: true } };
  }
  const [first, second] = patients;
  if (expectation.question === 'patient' && !answer.next && patients.length === 2 && first && second && PATIENT_THEN_ANOTHER.test(normalized)) {
    const chosen = expectation.options.filter((option) =>
      first.kind === 'self' ? option.value === 'self' : first.kind === 'name' ? option.value !== 'self' && sameNormalizedName(first.name, option.value) : false,
    );
    const result: Understanding = { ...answer, entities: { ...answer.entities, patients: [first] }, next: { intent: 'book', entities: { patients: [second] } } };
    if (chosen.length === 1 && chosen[0]) result.choice = chosen[0].value;
    return result;
  }
  // "Y la de la niña también cancélemela" at «¿La cancelo?»: this one (the yes), then the other person's, the same way.
  // ("Sí, y la del niño también pásela para el viernes" at «¿La muevo?»: the same, with the yes said and where it goes.)
  // ("Sí, muévala. Y la de Mateo también para el viernes": the verb said of this one goes for the other's too.)
  const confirming = expectation.question === 'confirm' && answer.entities.yesNo !== 'no' && (!answer.next || !answer.next.entities.patients);
  const direct = confirming ? (THE_OTHERS_TOO.exec(normalized) ?? VERB_THEN_THE_OTHERS_TOO.exec(normalized)) : null;
  const sameVerb = confirming && !direct ? THE_OTHERS_TOO_AFTER.exec(normalized) : null;
  const verbBefore = sameVerb ? /\b(cancel\w*|anul\w*|muev\w*|pas[ae]\w*|cambi\w*|corr[ae]\w*|reprogram\w*)/.exec(normalized.slice(0, sameVerb.index)) : null;
  const also = direct ? { verb: direct[1] ?? '', at: direct.index } : sameVerb && verbBefore ? { verb: verbBefore[1] ?? '', at: sameVerb.index } : undefined;
  if (also && (answer.entities.patients?.length ?? 0) > 0) {
    const operation = /^(cancel|anul)/.test(also.verb) ? 'cancel' : 'reschedule';
    // (What is said after it, "…para el viernes", is said of the other one's.)
    const after = saysWhenAfter(normalized, also.at);
    const { patients, newDay: _newDay, ...rest } = answer.entities;
    const kept: Entities = { ...rest };
    if (after) for (const key of ['day', 'weekday', 'time', 'band'] as const) delete kept[key];
    const said = answer.next?.intent === operation || answer.next?.intent === 'book' ? answer.next.entities : {};
    return {
      ...answer,
      intent: 'affirm',
      choice: 'yes',
      entities: { ...kept, yesNo: 'yes' },
      next: { intent: operation, entities: { ...said, ...(after ? pickWhen(answer.entities, operation === 'reschedule') : {}), ...(patients ? { patients } : {}) } },
    };
  }
  // "Listo. Y la de las 12 del 25 también cancélemela": this one (the yes), then the one its day and hour name, the same way.
  const alsoWhen = expectation.question === 'confirm' && !answer.next && !also ? THE_ONE_THEN_TOO.exec(normalized) : null;
  if (alsoWhen && (answer.entities.day !== undefined || answer.entities.time !== undefined)) {
    const { day, weekday, time, ...kept } = answer.entities;
    const operation = /^(cancel|anul)/.test(alsoWhen[1] ?? '') ? 'cancel' : 'reschedule';
    const named = { ...(day ? { day } : {}), ...(weekday !== undefined ? { weekday } : {}), ...(time ? { time } : {}) };
    return { ...answer, intent: 'affirm', choice: 'yes', entities: { ...kept, yesNo: 'yes' }, next: { intent: operation, entities: named } };
  }
  // "Ay no, me equivoqué, era para la niña, cancele esa" at the menu after a booking: the cita just booked is cancelled (it is
  // the patient's still), and the one it was meant for is booked next.
  if (expectation.question === 'menu' && answer.intent === 'cancel' && !answer.next && (answer.entities.patients?.length ?? 0) > 0 && MEANT_FOR_THEN_CANCEL.test(normalized)) {
    const { patients, yesNo: _correction, ...kept } = answer.entities;
    return { ...answer, entities: kept, next: { intent: 'book', entities: { ...(patients ? { patients } : {}) } } };
  }
  // "Cancélela pero me saca otra para el jueves", "sí, y me saca otra para la niña", "sí, ¿y me la puede volver a dar la otra
  // semana?" at a confirmation: this one (the yes), then a new booking, with what the words after it say.
  const anotherAfter = expectation.question === 'confirm' && answer.entities.yesNo === 'yes' && !answer.next ? ANOTHER_AFTER_YES.exec(normalized) : null;
  if (anotherAfter) {
    const { day, weekday, weekAsked, time, band, patients, ...kept } = answer.entities;
    const named: Entities = {
      ...(day ? { day } : {}),
      ...(weekAsked ? { weekAsked } : {}),
      ...(weekday !== undefined ? { weekday } : {}),
      ...(time ? { time } : {}),
      ...(band ? { band } : {}),
      ...(patients ? { patients } : {}),
    };
    // ("¿Y me la puede volver a dar la otra semana?": the same cita again, its service and site.)
    if (anotherAfter.groups?.again) named.sameAgain = true;
    return { ...answer, intent: 'affirm', choice: 'yes', entities: kept, next: { intent: 'book', entities: named } };
  }
  // "Sí, y cancele la otra" at a confirmation: this one (the yes), then the other cita, cancelled or moved next.
  const otherToo = expectation.question === 'confirm' && answer.entities.yesNo === 'yes' && !answer.next ? YES_AND_THE_OTHER.exec(normalized) : null;
  if (otherToo) {
    const { theOther: _other, ...kept } = answer.entities;
    const operation = /^(cancel|anul)/.test(otherToo[1] ?? otherToo[2] ?? '') ? 'cancel' : 'reschedule';
    return { ...answer, intent: 'affirm', choice: 'yes', entities: kept, next: { intent: operation, entities: {} } };
  }
  if (!YES_NO_QUESTIONS.has(expectation.question) || expectation.question === 'consent' || answer.entities.yesNo !== 'yes' || answer.next) return answer;
  // "Sí señora, y de una me saca la misma para Sofía": at a confirmation, a cita for someone else too, after this one.
  // ("Sí, y también quiero una para Mateo", read as a booking, is taken up by the dialogs as it is.)
  const forSomeoneElse = expectation.question === 'confirm' && answer.intent === 'affirm' && (answer.entities.patients?.length ?? 0) > 0 && ANOTHER_FOR.test(normalized);
  // "Sí, cancélela y sigamos con lo de Mateo": the yes to this one; Mateo's matter comes after, so he is no patient of it.
  if (!NEW_BOOKING.test(normalized) && !forSomeoneElse && expectation.question === 'confirm' && LATER_MATTER.test(normalized)) {
    const { patients: _later, ...kept } = answer.entities;
    return { ...answer, entities: kept };
  }
  if (!NEW_BOOKING.test(normalized) && !forSomeoneElse) return answer;
  const entities = bookingPart(answer.entities);
  if (SAME_AGAIN.test(normalized)) entities.sameAgain = true;
  // Whom the next cita is for is not a patient named for the one being confirmed.
  const { patients: _next, ...kept } = answer.entities;
  return { ...answer, entities: forSomeoneElse ? kept : answer.entities, next: { intent: 'book', entities } };
}

/** What a message says of a booking (see `BOOKING_KEYS`), for the booking that comes after what it asks first. */
function bookingPart(said: Entities): Entities {
  const entities: Entities = {};
  for (const key of BOOKING_KEYS) if (said[key] !== undefined) Object.assign(entities, { [key]: said[key] });
  return entities;
}

/**
 * "Quiero una cita pero no sé si ya tengo una, ¿me puede revisar?": the citas first, then the booking (with what the
 * message says of it), as two requests.
 */
function checkedFirst(answer: Understanding, read: string, expectation: Expectation): Understanding {
  if (answer.intent !== 'book' || answer.next || (expectation.question !== 'start' && expectation.question !== 'menu')) return answer;
  if (!CHECK_FIRST.test(normalizeMessage(read))) return answer;
  // (Whom it is for goes with both: their citas are looked up, and the booking is for them.)
  const entities = bookingPart(answer.entities);
  const kept: Entities = { ...answer.entities };
  for (const key of BOOKING_KEYS) if (key !== 'patients') delete kept[key];
  const result: Understanding = { ...answer, intent: 'consult', entities: kept, next: { intent: 'book', entities } };
  if (answer.choice === 'book') result.choice = 'consult';
  return result;
}
/** "No sé si ya tengo una, ¿me puede revisar?": whether there is a cita already, asked before booking. */
const CHECK_FIRST =
  /\bno (?:se|recuerdo|me acuerdo) si (?:ya )?(?:tengo|tiene|tenemos) (?:una|alguna|cita)\b.*\b(?:revis\w*|mir\w*|verific\w*|consult\w*|fij\w*)\b|\b(?:revis\w*|mir\w*|verific\w*|fij\w*) (?:primero )?si (?:ya )?(?:tengo|tiene|tenemos) (?:una|alguna|cita)\b/;

/** Someone else's appointment, the same operation too: "y la de la niña también cancélemela", "la del niño también me la cancela". */
/** "Listo. Y la de las 12 del 25 también cancélemela": the yes said first, then another cita, named by its day or hour, the same way. */
const THE_ONE_THEN_TOO =
  /^\W*(?:si|listo|dale|ok|okey|bueno|claro|de una|hagale)\b[^a-z0-9]+(?:[a-z]+ ){0,2}y (?:la|el) (?:cita )?(?:de|del) [a-z0-9: ]{1,30}? tambien (?:me |se )?(?:la |lo )?(cancel\w*|anul\w*|muev\w*|pase\w*|cambie\w*|reprogram\w*)/;
/** "Y cancele también todas las de los niños", "muévame también la de Sofi": the verb first, then whose citas besides this one. */
const VERB_THEN_THE_OTHERS_TOO =
  /\b(cancel\w*|anul\w*|muev\w*|pase\w*|cambie\w*|corra\w*|reprogram\w*) (?:me |se )?(?:la |las |lo |los )?tambien (?:(?:a )?todas |las dos |los dos )?(?:la|las|el|los) (?:citas? )?(?:de|del) (?:la |el |los |las |mis |mi )?\w+/;
/** The booking's questions before the slots, where a doctor asked for ("con la doctora Salazar") is part of the request. */
const DOCTOR_ASKED_AT: ReadonlySet<Question> = new Set(['patient', 'specialty', 'visitType', 'site', 'band']);
/** "Y la de Mateo también (para el viernes)": the other one's, the same way as this one, its verb said before. */
const THE_OTHERS_TOO_AFTER = /\by (?:la|el) (?:cita )?(?:de|del) (?:la |el |mi )?\w+ tambien\b/;
/** Whether a day, hour or band is said after `at` ("…y la del niño también pásela para el viernes"). */
function saysWhenAfter(normalized: string, at: number): boolean {
  return /\b(?:lunes|martes|miercoles|jueves|viernes|sabado|hoy|manana|\d{1,2}|tarde|temprano)\b/.test(normalized.slice(at));
}
/** The when of a reading: its day, weekday, hour and band; for a move, where it goes ("pásela para el viernes"). */
function pickWhen(entities: Entities, moved = false): Entities {
  const { day, weekday, time, band } = entities;
  if (moved) return { ...(day ? { newDay: day } : {}), ...(time ? { newTime: time } : {}), ...(band ? { band } : {}) };
  return { ...(day ? { day } : {}), ...(weekday !== undefined ? { weekday } : {}), ...(time ? { time } : {}), ...(band ? { band } : {}) };
}
const THE_OTHERS_TOO =
  /\b(?:la|el) (?:cita )?(?:de|del) (?:la |el |mi )?\w+ tambien (?:me |se )?(?:la |lo )?(cancel\w*|anul\w*|muev\w*|pase\w*|pasa\w*|cambie\w*|corra\w*|reprogram\w*)/;

/** "Primero la de Mateo", "empecemos por Sofi": who goes first, of two named. */
const FIRST_ONE =
  /\b(?:primero|primerito|empecemos por|empezamos por|comencemos por|arranquemos con|arrancamos con)(?: con| por)? (?:la de |el de |la cita de |a |para |pa |pal |por )?([a-z]+)\b/;
/** One person, then "y (de pronto) (después) una pa…": a booking for another one, after this one. */
const PATIENT_THEN_ANOTHER = /^\W*[a-z]+\W*(?:[.,;]|\by\b)\s*(?:y\s+)?(?:(?:de pronto|despues|luego|tambien|ademas|ahi si)\s+)*(?:una|otra)(?: cita)? (?:pa|para|pal|a)\b/;
/** A cita for someone named, besides the one confirmed: "la misma para Sofía", "y de una me saca otra pa Mateo", "le saco una a Sofi". */
const ANOTHER_FOR =
  /\b(?:la misma|lo mismo|una igual|otra igual|otra|una)(?: cita)? (?:para|pa|pal|a)\b|\b(?:saca|saque|saco|sacar|sacarle|agende|agenda|agendo|pida|pide|pido)(?:me|le)? (?:la misma|una|otra)\b|\btambien (?:para|pa) \w+/;

/** A "no" set apart that takes back what was just answered: "para mí… no, para Sofía", "Kennedy.. o no, mejor…", "el 30 no, que…". */
export const CORRECTING_NO =
  /(?<=[a-z0-9])\s*(?:\.{2,}|…|,|\.|;)?\s+(?:(?:ay|uy|ah|o|bueno|pues|mentiras|perdon)[\s,]+)*(?<!\bsi\s)no(?:\s*(?:,|\.{2,}|…|\.|;)|\s+(?:espere|espera|esperate|perdon)\b[\s,.…]*)\s*(?:mejor\s+|mas bien\s+|es\s+|era\s+)?/g;
/** The difference between options, asked: "¿cuál es la diferencia entre consultar y agendar?", "¿qué diferencia hay?". */
const DIFFERENCE_ASKED = /\b(?:cual es la|que|cual|hay alguna|y la) diferencia\b|\bdiferencia (?:hay )?entre\b/;
/** A realisation that undoes the answer before it: "…ahh verdad q esa es la de Mateo, entonces ". */
const REALISED = /(?<=[a-z0-9])\s*(?:\.{2,}|…|,|\.)?\s+(?:(?:ah+|ay|uy|a+y+)[\s,]+)*verdad (?:que|q) [^,.;?!]{1,40}?,?\s+entonces\s+/;
/** What every match of `CORRECTING_NO` holds: its "no", then a stop or a word taking it back. Keep the two together. */
export const MAY_CORRECT = /no(?:\s*[,.…;]|\s+(?:espere|espera|esperate|perdon)\b)/;
const CORRECTING_NO_AT_END = /\s*(?:\.{2,}|…|,|\.|;)?\s+(?:(?:ay|uy|ah|o|bueno|pues|mentiras|perdon)[\s,]+)*no\s*(?:,|\.{2,}|…|\.|;)\s*(?:mejor\s+|mas bien\s+|es\s+|era\s+)?$/;
/** What a correction after a "no" replaces. */
const CORRECTED: ReadonlySet<keyof Entities> = new Set([
  'site',
  'specialty',
  'visitType',
  'band',
  'day',
  'weekday',
  'time',
  'patients',
  'documentType',
  'documentNumber',
  'birthDate',
]);

/**
 * Two booking clauses ask for two appointments when each names a specialty and they differ
 * ("medicina general para mí y también una de pediatría para la niña"). Two people with one
 * specialty ("una cita para mí y otra para mi hijo") stay one request for two people, which the
 * dialogs take one person at a time.
 */
function differentBookings(first: Entities, second: Entities, saidAfter = false): boolean {
  if (first.specialty !== undefined && second.specialty !== undefined && first.specialty !== second.specialty) return true;
  if (!saidAfter) return false;
  // ("Medicina general para mí y después una para la niña": one booking each, the first with what it says.)
  const [firstPatient, ...firstOthers] = first.patients ?? [];
  const [secondPatient, ...secondOthers] = second.patients ?? [];
  return (
    first.specialty !== undefined &&
    second.specialty === undefined &&
    firstPatient !== undefined &&
    secondPatient !== undefined &&
    firstOthers.length === 0 &&
    secondOthers.length === 0 &&
    JSON.stringify(firstPatient) !== JSON.stringify(secondPatient)
  );
}

/**
 * The option the message picks, if any: after a change of mind, the one picked after it. A
 * number picked where no day is asked is the option's, not a day of the month.
 */
function pickAnswer(
  reading: Reading,
  message: Message,
  expectation: Expectation,
  said: { intent: Intent; entities: Entities; people: readonly string[]; courtesy: ReadonlyArray<Found<true>>; smallTalkOnly: boolean },
  now: Date,
): Picked | undefined {
  const { words, normalized } = message;
  const wordsText = words.join(' ');
  const question = expectation.question;
  const { intent, entities, people, courtesy, smallTalkOnly } = said;
  // "Mover la del miércoles": the day that names the appointment, not the new one.
  const referring = question === 'appointment' ? REFERRED_DAY.exec(wordsText) : null;
  // ("Ahh, el viernes 27. Ese día tiene izada de bandera, ¿la puedo pasar?": a move asked with only the listed cita's day said,
  // never as where it goes: that cita.)
  const listedDay =
    question === 'appointment' &&
    !referring &&
    (intent === 'reschedule' || intent === 'cancel') &&
    entities.day !== undefined &&
    !entities.newDay &&
    !DAY_AS_TARGET.test(wordsText) &&
    expectation.options.filter((option) => option.start !== undefined && bogotaParts(option.start)?.day === entities.day).length === 1
      ? entities.day
      : undefined;
  const referredDay = referring?.[1] ? readWhen(referring[1], now).day : listedDay;
  // "La del lunes a las 2" on a Monday, with today's slots shown: that Monday, today, not next week's.
  // ("El lunes 30" names its date.)
  const dateSaid = entities.day !== undefined && new RegExp(`\\b0?${Number(entities.day.slice(8))}\\b`).test(wordsText);
  if (
    question === 'slot' &&
    entities.weekday !== undefined &&
    entities.day !== undefined &&
    entities.band === undefined &&
    !dateSaid &&
    intent !== 'other_day' &&
    !/\b(que viene|proximo|siguiente|entrante|otro|hay|tiene|tendra|tendria|habra|habria)\b/.test(wordsText)
  ) {
    const shownThen = expectation.options
      .map((option) => (option.start ? bogotaParts(option.start)?.day : undefined))
      .filter((day): day is string => day !== undefined && day < (entities.day as string) && new Date(`${day}T12:00:00Z`).getUTCDay() === entities.weekday)
      .sort()[0];
    if (shownThen) entities.day = shownThen;
  }
  // "La de las 4 no puedo, la siguiente": the slot after those at the time refused, which is no longer meant.
  const afterRefused = question === 'slot' && !smallTalkOnly ? optionAfterRefusedTime(expectation.options, entities.time, words) : undefined;
  if (afterRefused !== undefined) {
    delete entities.time;
    return afterRefused === null ? undefined : { value: afterRefused, by: 'words' };
  }
  // "La de las 4, ay no, mejor la primera": the option after a change of mind is the one picked.
  // ("La segunda… digo, la tercera": "digo" corrects too.)
  const mindChange = words.findLastIndex((word, index) => word === 'mejor' || word === 'digo' || (word === 'bien' && words[index - 1] === 'mas'));
  const tail = mindChange > 0 ? words.slice(mindChange + 1) : [];
  const pickedAfterChange =
    !smallTalkOnly && tail.length > 0
      ? pickOption(reading, expectation, { words: tail, intent: 'none', entities, people, normalized: tail.join(' '), courtesy: [], referredDay })
      : undefined;
  if (pickedAfterChange?.by === 'number') {
    // The hour of the option given up ("la de las 4") is no longer meant.
    delete entities.time;
    delete entities.day;
    delete entities.weekday;
    delete entities.dayOff;
  }
  // ("¿Mañana solo a las 9?": whether that is the only time, asked; it picks none.)
  const onlyThoseAsked = question === 'slot' && ONLY_THOSE_ASKED.test(normalized);
  const picked =
    smallTalkOnly || onlyThoseAsked ? undefined : (pickedAfterChange ?? pickOption(reading, expectation, { words, intent, entities, people, normalized, courtesy, referredDay }));
  // "La del jueves" at the appointment question: the day names an appointment, never the day to move it to.
  if (question === 'appointment' && referredDay !== undefined && !entities.newDay && entities.day === referredDay) entities.appointmentDay = referredDay;
  // "5" where three options are shown: a number beyond the list, which the dialog says (never a bare "No te entendí").
  // ("2" where one appointment is listed: likewise; "el 2" there may be a date.)
  if (
    !picked &&
    (expectation.options.length > 1 || (question === 'appointment' && expectation.options.length === 1 && !/^el\b/.test(wordsText))) &&
    question !== 'day' &&
    // ("La 6", "la sexta" where five slots are shown: no slot, said so; "el 6" or "a las 6" are a day or an hour, and a bare "7"
    // may be one.)
    (question !== 'slot' || (!entities.time && !entities.day && !/^(?:el\b|\d+$)/.test(wordsText))) &&
    (question !== 'appointment' || !/^el\b/.test(wordsText))
  ) {
    // ("La cuarta", "la cinco" where three are shown: by ordinal or number word too.)
    const said = /^(?:(?:la|el|opcion|numero|#)\s*)?(\d{1,2}|[a-z]+)$/.exec(wordsText)?.[1];
    const number = said === undefined ? undefined : /^\d+$/.test(said) ? Number(said) : (ordinalFromWord(said) ?? numberFromWords(said));
    if (number !== undefined && (number > expectation.options.length || number === 0)) entities.outOfRange = number;
  }
  // "¿Y no hay con la dra Marta Salazar?", "¿no hay con mi médica?" at the slots: a doctor none of them is with, to look up.
  // ("Quiero cancelar la cita con el dr Cárdenas": at the start or the menu, the doctor names the appointment.)
  const asked =
    (question === 'slot' || question === 'start' || question === 'menu' || DOCTOR_ASKED_AT.has(question)) && !smallTalkOnly
      ? doctorAskedIn(reading, question === 'slot' ? expectation.options : [], message.original, normalized)
      : {};
  if (question !== 'slot') delete asked.ownDoctor;
  Object.assign(entities, asked);
  // "La de la doctora Paola" at the slots: the doctor, which settles a choice among slots at one time.
  const doctor = question === 'slot' && !smallTalkOnly && !asked.doctorName && !asked.ownDoctor ? doctorNamedIn(expectation.options, words) : undefined;
  if (doctor) entities.doctor = doctor;
  // Another doctor named: no slot of those shown is picked by the title alone ("con la dra Lucía" where Dra. Marta is listed).
  if (question === 'slot' && (asked.doctorName || asked.ownDoctor) && picked?.by === 'words' && !entities.time && !entities.day) return undefined;
  // "El 2" at the patient question or the menu is the second option, not the 2nd of the month.
  // "El uno, para mi mamá": with no weekday, month or "hoy" said, the number is the option's too.
  // "2 en la tarde", "1 en la mañana" at the band question: the option's number, and the band it stands for named after it;
  // no hour ("a las 2 en la tarde" is one).
  const bandNumber =
    question === 'band' && entities.band && entities.time ? /^\W*(?:(?:la|el|opcion) )?([1-3])\W+(?:en la|por la|de la|x la|en|por) (?:manana|tarde)\b/.exec(normalized) : null;
  if (bandNumber && expectation.options[Number(bandNumber[1]) - 1]?.value === entities.band) delete entities.time;
  // ("El 2, Mateo", "ay no, el 2 que mandé es Mateo": at the patient question, the number is the option's, whatever is picked.)
  const optionNumber = /\b(?:el|la) ([1-5])\b/.exec(normalized);
  if (
    (picked?.by === 'number' || (question === 'patient' && optionNumber !== null && Number(optionNumber[1]) <= expectation.options.length)) &&
    !DAY_QUESTIONS.has(question) &&
    question !== 'appointment' &&
    ((words.length <= 3 && !/\b(de|del)\b/.test(wordsText)) || !DAY_WORD.test(wordsText))
  ) {
    delete entities.day;
    delete entities.weekday;
    delete entities.dayOff;
  }
  return picked;
}

/** A RISS case named: "el radicado", "ese número RISS", "radicar", "el caso". */
const CASE_WORDS = /\b(?:radicad[oa]s?|radicar|radiquen|riss|caso|casos)\b/;
/** "¿Qué es un radicado?", "¿y ese número RISS qué es?": what a case is, asked. */
const ASKS_WHAT_CASE_IS =
  /\b(?:q|que) (?:es|son|significa|quiere decir)\b[^?]*\b(?:radicad[oa]s?|radicar|riss|caso)\b|\b(?:radicad[oa]s?|riss|caso)\b[^?]*\b(?:q|que) (?:es|significa)\b/;

/**
 * "¿Y qué es eso de radicado?", "¿el radicado me llega también al correo?": a question about the
 * case, wherever no case is being offered: what a case is (not what the options asked mean, nor the
 * support line as if help were asked), and where its answer goes (not whether citas are sent by
 * e-mail).
 */
function aboutTheCase(result: Understanding, text: string, expectation: Expectation): Understanding {
  const normalized = normalizeMessage(text);
  // (Where a case is offered or its e-mail asked, what the question means is what a case is: explained there already.)
  if (!CASE_WORDS.test(normalized) || expectation.question === 'offer' || expectation.question === 'email') return result;
  const { asks } = result.entities;
  if (asks === 'byEmail') return { ...result, entities: { ...result.entities, asks: 'caseAnswer' } };
  const asked = asks === 'meaning' || (asks === undefined && (result.intent === 'none' || result.intent === 'help') && ASKS_WHAT_CASE_IS.test(normalized));
  if (!asked) return result;
  if (result.intent !== 'help') return { ...result, entities: { ...result.entities, asks: 'caseMeaning' } };
  const { choice: _choice, ...rest } = result;
  return { ...rest, intent: 'none', entities: { ...result.entities, asks: 'caseMeaning' } };
}

/** "Yo le saqué una cita a Mateo por teléfono la semana pasada": a cita the member says was booked some other way. */
const BOOKED_ELSEWHERE =
  /\b(?:saque|pedi|agende|separe|programe)\b(?:(?! y (?:ahora|quiero|necesito)\b).)*\b(?:por telefono|por la linea|en la linea|llamando|en la sede|en ventanilla|presencial\w*|la semana pasada|el otro dia|ayer|antier|hace \w+ dias)\b/;

/**
 * At the menu, a cita the member says they booked by phone or in person ("¿cómo así? yo le saqué
 * una cita a Mateo para el jueves por teléfono"): a question about why it is not there, never a
 * new booking.
 */
function bookedElsewhere(result: Understanding, text: string, expectation: Expectation): Understanding {
  if ((expectation.question !== 'menu' && expectation.question !== 'start') || result.entities.asks || result.next) return result;
  // ("Yo pedí una por teléfono ayer, ¿a qué hora es?": looking it up answers that.)
  if (result.intent !== 'book' && result.intent !== 'none') return result;
  const normalized = normalizeMessage(text);
  if (!BOOKED_ELSEWHERE.test(normalized) || /\b(?:a que hora|cuando es|que dia|quiero saber|revis\w*|confirm\w*|consult\w*|mire|mirar|verific\w*)\b/.test(normalized))
    return result;
  const { choice: _choice, ...rest } = result;
  return { ...rest, intent: 'none', entities: { asks: 'bookedElsewhere' } };
}

/**
 * "¿Y a Sofía qué doctor le tocó? ¿y es seguro que sí quedó?" at the menu: that person's citas,
 * which say the doctor of each and that they are booked; never the doctor of the cita spoken of
 * last, which may be someone else's.
 */
function doctorOfSomeone(result: Understanding, expectation: Expectation): Understanding {
  if (expectation.question !== 'menu' || result.entities.asks !== 'doctor' || result.next) return result;
  const { patients } = result.entities;
  if (!patients?.length || patients.every((mention) => mention.kind === 'self')) return result;
  const choice = expectation.options.find((option) => option.value === 'consult')?.value;
  return { intent: 'consult', intentScore: result.intentScore, entities: { patients }, ...(choice ? { choice } : {}) };
}
