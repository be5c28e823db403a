/**
 * The intent a message reads as (see `understand.ts`), before `settle.ts` weighs it against the
 * option picked and the entities read: a phrase of the lexicon, a yes or a no, a cue, small
 * talk, or for free sentences NLP.js's classifier; and the operation a cue names.
 */
import {
  citaAskedIn,
  ASKS_WHAT_FOR,
  BACK_CUE,
  BACK_HINT,
  GOODBYE_HINT,
  GOODBYE_WORDS,
  OPENS_WITH_NOTHING_ELSE,
  CALLING_INSTEAD,
  HELP_CUE,
  IF_POSSIBLE,
  KEEP_IT,
  NEGATED_OPERATION,
  MENU_CUE,
  OPERATION_CUES,
  OTHER_DAY_CUE,
  PATIENT_CHANGE_CUE,
  PERSON_WORDS,
  REQUEST,
  asksIfStillThere,
  kindWordsIn,
  WHERE_ARE_WE,
  WEAK_GOODBYE,
  WEAK_YES,
  WRITE_AGAIN,
  YES_HELD_BACK,
} from './cues.js';
import type { Found } from './lexicon.js';
import { numberFromWords, ordinalFromWord } from './numbers.js';
import { DAY_QUESTIONS, YES_NO_QUESTIONS, uncovered, type Reading } from './reading.js';
import type { Intent, Question } from './types.js';

/**
 * The greetings and thanks of a message: the lexicon's `phrases` found in its words, and the kind words said in too many ways
 * to list. When no kind word is kept, the phrases themselves come back.
 */
function withKindWords(phrases: ReadonlyArray<Found<'greet' | 'thanks'>>, words: readonly string[]): ReadonlyArray<Found<'greet' | 'thanks'>> {
  const kind = kindWordsIn(words);
  if (kind.length === 0) return phrases;
  // The longer of two spans that overlap: "que mi Dios me la bendiga y me la cuide" holds the phrase "dios me la bendiga".
  const spans = [...kind, ...phrases].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Array<Found<'greet' | 'thanks'>> = [];
  for (const span of spans) {
    const last = kept.at(-1);
    if (last && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) kept[kept.length - 1] = span;
    } else kept.push(span);
  }
  return kept;
}

/** Below this classifier score, a guess is too weak to act on: the message is `none`. */
const INTENT_THRESHOLD = 0.6;

/**
 * The intent read and its score. `ruled`: a rule read the whole message (a phrase of the lexicon,
 * a yes, a no, small talk alone, nothing at all), not a cue or the classifier.
 */
export interface IntentRead {
  intent: Intent;
  score: number;
  ruled: boolean;
}

export function readIntent(
  reading: Reading,
  words: readonly string[],
  question: Question,
  yesNo: 'yes' | 'no' | undefined,
  courtesy: ReadonlyArray<Found<true>>,
  answeringNo = false,
  original: readonly string[] = words,
): IntentRead {
  const { lexicon, model, smallTalk } = reading;
  if (words.length === 0) return { intent: 'none', score: 1, ruled: true };
  const whole = words.join(' ');
  const phrase = uncovered(words, courtesy).join(' ') || whole;
  const ruled = lexicon.intentPhrases.get(whole) ?? lexicon.intentPhrases.get(phrase);
  // "Gracias, que tenga buen día": thanks, closed with a wish ("que tenga buen día" alone is a goodbye).
  if (ruled === 'goodbye' && WEAK_GOODBYE.test(phrase) && smallTalk.find(words).some((found) => found.value === 'thanks')) return { intent: 'thanks', score: 1, ruled: true };
  // ("Gracias, buen día" after what was done: the thanks, closed with a wish, no greeting.)
  if (ruled === 'greet' && question !== 'start' && /^(?:buen dia|buenos dias|buena tarde|buenas tardes|buenas noches|buena noche)$/.test(phrase) && /\bgracias\b/.test(whole))
    return { intent: 'thanks', score: 1, ruled: true };
  // "Listo, gracias" to a yes/no question is the yes.
  if (ruled === 'thanks' && YES_NO_QUESTIONS.has(question) && yesNo === 'yes') return { intent: 'affirm', score: 1, ruled: true };
  if (ruled) return { intent: ruled, score: 1, ruled: true };
  const yesNoQuestion = YES_NO_QUESTIONS.has(question);
  // "Perfecto, muchas gracias" after an answer is thanks, not a yes to a question nobody asked.
  // ("Ok listo gracias": weak yeses one after the other, likewise.)
  if (!yesNoQuestion && phrase.split(' ').every((word) => WEAK_YES.has(word)) && smallTalk.find(words).some((found) => found.value === 'thanks'))
    return { intent: 'thanks', score: 1, ruled: true };
  if (lexicon.yes.has(whole) || lexicon.yes.has(phrase) || (yesNoQuestion && (lexicon.yesVerbs.has(whole) || lexicon.yesVerbs.has(phrase)))) {
    return { intent: 'affirm', score: 1, ruled: true };
  }
  // "No más, gracias" at the menu ("¿algo más?"): nothing else, a goodbye.
  if (question === 'menu' && /^no mas,? (?:gracias|muchas gracias|mil gracias)\b/.test(whole)) return { intent: 'goodbye', score: 1, ruled: true };
  if (lexicon.no.has(whole) || lexicon.no.has(phrase)) return { intent: 'deny', score: 1, ruled: true };
  // ("Muchas gracias por la ayuda, chao": small talk only, so "ayuda" picks no option.)
  const goodbyes = GOODBYE_WORDS.find(words);
  if (goodbyes.length > 0) return { intent: 'goodbye', score: 1, ruled: uncovered(words, [...goodbyes, ...smallTalk.find(words), ...courtesy]).length === 0 };
  // "No entiendo nada, mija, yo solo quiero saber si tengo cita": what the member wants, said after the confusion.
  const onlyWants = /\b(?:solo|solamente|nada mas) (?:quiero|necesito|quisiera)\b/.test(whole) && PERSON_WORDS.find(words).length === 0 ? operationCue(whole) : undefined;
  if (onlyWants) return { intent: onlyWants, score: 0.9, ruled: false };
  if (asksForHelp(words)) return { intent: 'help', score: 1, ruled: false };
  if (MENU_CUE.test(whole)) return { intent: 'menu', score: 1, ruled: false };
  if (question !== 'start' && question !== 'menu' && BACK_CUE.test(whole)) return { intent: 'back', score: 1, ruled: false };
  if (PATIENT_CHANGE_CUE.test(whole)) return { intent: 'change_patient', score: 1, ruled: false };
  // "Nada más, mija, mil gracias, ya le aviso a Laura": closing the conversation.
  if (OPENS_WITH_NOTHING_ELSE.test(whole) && !REQUEST.test(whole) && !operationCue(whole)) return { intent: 'goodbye', score: 1, ruled: false };
  if ((question === 'menu' || question === 'start') && CALLING_INSTEAD.test(whole) && !operationCue(whole)) return { intent: 'goodbye', score: 1, ruled: false };
  // "¿Y eso para qué es?" to the authorisation: what it is for.
  if (question === 'consent' && ASKS_WHAT_FOR.test(whole)) return { intent: 'help', score: 1, ruled: false };
  // "Ah, no sabía que ya tenía cita, entonces déjela así": nothing to cancel.
  // "Así está bien, confírmela" asks for the confirmation: not this.
  // ("La del viernes déjela quieta, esa no la vaya a cancelar": the cancellation warned against, not asked for.)
  if (KEEP_IT.test(whole) && (!/\bcancel/.test(whole) || NEGATED_OPERATION.test(whole)) && !/\bconfirm/.test(whole) && !/\b(otra|nueva|otro)\b/.test(whole))
    return { intent: /\bgracias\b/.test(whole) ? 'thanks' : 'none', score: 1, ruled: false };
  // "Q pasó pues", "aló": where things stand, never "pasar" a cita.
  if (WHERE_ARE_WE.test(whole)) return { intent: 'greet', score: 1, ruled: false };
  // "Hola, perdón, ¿sigue ahí? Se me fue la señal": checking Lina is there.
  if (asksIfStillThere(whole) && words.length <= 14 && !operationCue(whole)) return { intent: 'greet', score: 1, ruled: false };
  // The cue is read as written too: the speller does not know every form of every verb ("la muevo" is not "la mueva").
  const cued = operationCue(whole, answeringNo) ?? operationCue(original.join(' '), answeringNo);
  // "Sí autorizo, es para sacarle la cita al niño": at the authorisation, what it is given for, said with the yes.
  if ((cued === 'book' || cued === 'consult') && question === 'consent' && yesNo && CONSENT_FOR_A_CITA.test(whole))
    return { intent: yesNo === 'yes' ? 'affirm' : 'deny', score: 0.9, ruled: false };
  if (cued) return { intent: cued, score: 0.9, ruled: false };
  // ("Mejor vuelvo a escribir otro día": when the member writes again, not another day for the cita.)
  if (DAY_QUESTIONS.has(question) && OTHER_DAY_CUE.test(whole) && !/\bno (quiero |es )?(otro dia|otra fecha)\b/.test(whole) && !WRITE_AGAIN.test(whole))
    return { intent: 'other_day', score: 0.9, ruled: false };

  // Greetings, thanks and courtesy around a request do not decide its intent.
  const talk = smallTalk.find(words);
  // (Kind words no list holds, "que tenga un día muy bendecido", are the message when nothing else is said; beside an answer,
  // "la de las 3, que tenga buen día", they are manners.)
  const allTalk = withKindWords(talk, words);
  const content = uncovered(words, [...allTalk, ...courtesy]);
  // ("No nada más, que tenga buen día": a phrase of the lexicon, with kind words after it.)
  const phraseBesideKindWords = allTalk.some((span) => !talk.includes(span)) ? lexicon.intentPhrases.get(content.join(' ')) : undefined;
  if (phraseBesideKindWords) return { intent: phraseBesideKindWords, score: 1, ruled: true };
  // "Hola ok 🙏" is small talk; "dos porfa 🙏" is an option picked politely.
  const lone = content.length === 1 ? (content[0] ?? '') : '';
  const loneNumber = /^\d+$/.test(lone) || numberFromWords(lone) !== undefined || ordinalFromWord(lone) !== undefined;
  if (content.length === 0 || (allTalk.length > 0 && content.length === 1 && lone.length <= 3 && !loneNumber)) {
    if (allTalk.length === 0) return { intent: 'none', score: 1, ruled: true };
    // "Sí, gracias, muy amable" to a yes/no question: the yes.
    if (yesNoQuestion && yesNo) return { intent: yesNo === 'yes' ? 'affirm' : 'deny', score: 1, ruled: true };
    // "Holaaa buenas noches 🙏": a greeting first is a greeting.
    const kind = allTalk[0]?.value === 'greet' ? 'greet' : allTalk.some((found) => found.value === 'thanks') ? 'thanks' : 'greet';
    return { intent: kind, score: 1, ruled: true };
  }
  const guess = model.classify(content);
  let intent: Intent = guess.score >= INTENT_THRESHOLD ? guess.intent : 'none';
  if (intent === 'greet' || intent === 'thanks') intent = 'none';
  // "Mmm bueno, pero solo para la cita, eh" to the authorisation: the answer, no booking the classifier weighed on "cita".
  // (Any operation the classifier alone weighed there, with no cue of one: "bueno sí, si toca pa la cita, sí autorizo".)
  if (question === 'consent' && (intent === 'book' || intent === 'consult' || intent === 'cancel' || intent === 'reschedule') && yesNo)
    intent = yesNo === 'yes' ? 'affirm' : 'deny';
  // ("Si es posible en la de Fontibón" at a confirmation: a wish on a condition; whatever the classifier weighed, no yes.)
  if (intent === 'affirm' && question !== 'offer' && IF_POSSIBLE.test(whole)) intent = 'none';
  // ("Sí pero espere le pregunto a mi esposo": a yes held back; neither the classifier's yes nor an operation it weighed
  // without a word of one.)
  if (
    (intent === 'affirm' || ((intent === 'book' || intent === 'consult' || intent === 'cancel' || intent === 'reschedule') && operationCue(whole) === undefined)) &&
    YES_HELD_BACK.test(whole)
  )
    intent = 'none';
  // ("No quiero cancelar", "esa no la vaya a cancelar": an operation refused or warned against, with no other asked for.)
  if ((intent === 'book' || intent === 'cancel' || intent === 'reschedule') && operationCue(whole) === undefined && NEGATED_OPERATION.test(whole)) intent = 'none';
  // "Me cancelaron la cita, necesito otra": what was done to the member's cita, no cancelling nor moving asked for.
  // (Only the operation done to it: "me cancelaron sin avisar, ahora quiero cambiar la de mi mamá" still moves one.)
  const doneToIt = DONE_TO_THE_CITA.exec(whole);
  if (doneToIt && intent === (/^(cancelaron|anularon|quitaron)$/.test(doneToIt[1] ?? '') ? 'cancel' : 'reschedule'))
    intent = /\b(otra|nueva|de nuevo|volver a|sacar|agendar|pedir)\b/.test(whole) ? 'book' : 'none';
  // "Prefiero hacer el trámite en persona": in person, no other patient. "Empecemos por la mía": where to begin, not the menu.
  if (intent === 'change_patient' && /\ben persona\b/.test(whole) && !PATIENT_CHANGE_CUE.test(whole)) intent = 'none';
  if (intent === 'menu' && /\bempe(z|c)\w* (por|con)\b/.test(whole)) intent = 'none';
  // ("Tiene tos y mocos desde hace como 4 días": how long the illness has lasted, no other day asked for.)
  if (
    intent === 'other_day' &&
    /\b(?:desde hace|hace) (?:como |unos |unas |ya |mas de )*(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|varios|varias|muchos) (?:dias|semanas|dia|semana)\b/.test(whole) &&
    !/\b(?:otro|otra|otros|otras) (?:dia|dias|fecha|fechas)\b/.test(whole)
  )
    intent = 'none';
  // ("Perdón, no había visto las opciones. Pediatría": the options missed, owned; no asking for the menu.)
  if (
    intent === 'menu' &&
    /\bno (?:vi|habia visto|he visto|alcance a ver|lei|habia leido|me fije en|me habia fijado en) (?:bien )?(?:las|los|el|la) (?:opciones|botones|menu|lista)\b/.test(whole)
  )
    intent = 'none';
  // ("No, mejor después miro": putting it off, not asking for more times.)
  if ((intent === 'other_day' || intent === 'more_times') && (WRITE_AGAIN.test(whole) || /\bdespues (miro|veo|reviso)\b/.test(whole))) intent = 'none';
  // "Ahí vive mi mamá y me ayuda con los niños": someone helps the member; Lina is not asked for help.
  if (intent === 'help' && /\b(me|nos|le|les) ayuda (con|a|en)\b/.test(whole)) intent = 'none';
  // "La bebé se llama Sofía": a name given, no call asked for.
  if (intent === 'help' && /\b(se|me|te) (llama|llamo|llaman)\b/.test(whole) && !asksForHelp(words)) intent = 'none';
  // A goodbye needs a goodbye word: "ya salieron los resultados" ends nothing.
  if (intent === 'goodbye' && !GOODBYE_HINT.test(whole) && !(words.length <= 3 && /\bsalir\b/.test(whole))) intent = 'none';
  // "Listo, esa" goes back nowhere: going back needs a word that says so.
  if (intent === 'back' && !BACK_HINT.test(whole)) intent = 'none';
  // "Muchas gracias por todo, Dios los bendiga", "buenas tardes, que tenga feliz día": thanks or a greeting, not a goodbye.
  const opensWith = talk.length > 0 && talk[0] !== undefined && uncovered(words.slice(0, talk[0].start), courtesy).length === 0 ? talk[0].value : undefined;
  if (intent === 'goodbye' && opensWith && (WEAK_GOODBYE.test(whole) || !GOODBYE_HINT.test(uncovered(words, talk).join(' ')))) intent = opensWith;
  // "Gracias por el recordatorio de la cita", "gracias por la paciencia, ya le digo": thanks, when nothing is asked.
  // ("Le agradezco infinitamente, ha sido muy amable": no help asked for without a word of help.)
  // ("Dios me la bendiga, buenos días. Quería saber cuándo es mi cita": a blessing in front is a greeting, not the thanks that
  // closes a conversation.)
  const blessingFirst = opensWith === 'thanks' && talk[0] !== undefined && /\b(bendig|bendicion|pague)/.test(words.slice(talk[0].start, talk[0].end).join(' '));
  if (
    opensWith === 'thanks' &&
    !blessingFirst &&
    !yesNo &&
    // (A cancellation or a move here is the classifier's guess alone: a cue would have been read above.)
    (intent === 'none' ||
      intent === 'book' ||
      intent === 'consult' ||
      intent === 'cancel' ||
      intent === 'reschedule' ||
      intent === 'goodbye' ||
      (intent === 'help' && !asksForHelp(words))) &&
    !REQUEST.test(whole)
  )
    intent = 'thanks';
  // ("Listo, ya le aviso a mi hija. Dios le pague", "entonces se lo anoto en el papelito. Muchas gracias, muy amable" at the
  // menu: what the member will do next, and thanks closing the conversation.)
  const last = talk.at(-1);
  const closesWithThanks = last?.value === 'thanks' && uncovered(words.slice(last.end), courtesy).length === 0;
  const thanksAndWillTell = talk.some((found) => found.value === 'thanks') && WILL_TELL.test(whole);
  if (
    question === 'menu' &&
    (closesWithThanks || thanksAndWillTell) &&
    (intent === 'none' || intent === 'cancel' || intent === 'reschedule' || intent === 'consult' || intent === 'affirm') &&
    !REQUEST.test(whole)
  )
    intent = 'thanks';
  if (intent === 'greet' || intent === 'thanks') return { intent, score: 1, ruled: false };
  if (intent === 'none' && asksIfStillThere(whole)) return { intent: 'greet', score: 1, ruled: false };
  // A yes or a no the classifier did not weigh, with nothing else asked: the answer it is.
  if (yesNo && intent === 'none') intent = yesNo === 'yes' ? 'affirm' : 'deny';
  if (intent === 'affirm' && yesNo === 'no') intent = 'deny';
  // ("Con el que haya" to an offer: the yes a rule read, not the help the classifier weighed.)
  if (intent === 'help' && yesNo && yesNoQuestion && !asksForHelp(words)) intent = yesNo === 'yes' ? 'affirm' : 'deny';
  if (intent === 'deny' && yesNo === 'yes') intent = 'affirm';
  if ((intent === 'affirm' || intent === 'deny') && !yesNo && !yesNoQuestion) intent = 'none';
  // A greeting or thanks with a few words Lina cannot act on is that greeting; a long story with "buenas tardes" in front is not.
  // ("Buenas. Cita para Mateo. Urgente" asks for a cita.)
  // ("Buenos días Lina, ¿cómo amaneció? 😊": a greeting first stays a greeting.)
  if (intent === 'none' && talk.length > 0 && content.length <= 5 && !citaAskedIn(whole))
    intent = talk[0]?.value !== 'greet' && talk.some((found) => found.value === 'thanks') ? 'thanks' : 'greet';
  return { intent, score: intent === guess.intent ? guess.score : 1 - guess.score, ruled: false };
}

/** What the member will do with what Lina said: "ya le aviso a mi hija", "se lo anoto", "ya quedó anotado". */
const WILL_TELL = /\b(?:ya )?(?:le|les) (?:aviso|digo|cuento|comento|escribo|paso el dato)\b|\b(?:lo|la|se lo|se la) anoto\b|\bquedo anotad[oa]\b/;

/** The member's cita cancelled or moved by someone else: "me cancelaron la cita", "nos la cambiaron sin avisar". */
const DONE_TO_THE_CITA = /\b(?:me|nos|le|les|se) (?:la |lo |las )?(cancelaron|movieron|cambiaron|quitaron|anularon|corrieron|pasaron|reprogramaron)\b/;

/** A word of help in the message: a person asked for, or trouble with the chat ("no entiendo", "¿me explica?"). */
export function asksForHelp(words: readonly string[]): boolean {
  return PERSON_WORDS.find(words).length > 0 || HELP_CUE.test(words.join(' '));
}

/**
 * The operation the last undenied cue names, if any. `answeringNo`: the message opens with a
 * "no" set apart ("no, cámbiela"), which answers and denies nothing after it.
 */
export function operationCue(whole: string, answeringNo = false): Intent | undefined {
  // (The same words are asked about several times a message, by the intent, the split into requests and the settling.)
  const key = answeringNo ? `1${whole}` : `0${whole}`;
  if (cuesRead.has(key)) return cuesRead.get(key);
  const cued = readOperationCue(whole, answeringNo);
  if (cuesRead.size >= CUES_READ_KEPT) cuesRead.clear();
  cuesRead.set(key, cued);
  return cued;
}
/** What the authorisation is given for, said beside it: "es para sacarle la cita al niño", "pa poder pedir la cita". */
const CONSENT_FOR_A_CITA =
  /\b(?:es |era )?(?:para|pa) (?:poder )?(?:sacar|sacarle|sacarles|pedir|pedirle|agendar|agendarle|dar|darme|darle|dar la) (?:la |una |su )?cita\b|\b(?:para|pa) (?:lo (?:relacionado|que tiene que ver) con|lo de) (?:la|las|mis|su|sus) citas?\b/;
/** The operations read lately, by the text read and whether it answers a no: `operationCue` depends on them alone. */
const cuesRead = new Map<string, Intent | undefined>();
const CUES_READ_KEPT = 500;

/** A consultation cue that only tells of a cita the member has: "(yo) tengo cita". */
const CITA_TOLD = /^tengo (?:una )?cita$/;
function readOperationCue(whole: string, answeringNo: boolean): Intent | undefined {
  // Cancel, reschedule and consult outrank booking: their sentences also say "la cita de pediatría".
  let best: { intent: Intent; at: number; told: boolean } | undefined;
  let bookingAt = -1;
  for (const [intent, cue] of OPERATION_CUES) {
    cue.lastIndex = 0;
    for (let match = cue.exec(whole); match; match = cue.exec(whole)) {
      // "No quiero cancelar", "no es para cancelar": a denied cue names nothing.
      const before = whole.slice(Math.max(0, match.index - 24), match.index);
      // ("Pero no me la vaya a cancelar": a warning, not a request.)
      // ("No, cámbiemela pal viernes", the comma lost: an affirmative command with its pronoun is never what a "no" negates;
      // the negated one is "no me la cambie".)
      const command = /^(?:cambi|muev|corr|pas|cancel|anul|agend|reprogram|reagend)\w*?(?:[ae]mela|[ae]mele|[ae]melo|[ae]la|[ae]lo|[ae]le|[ae]me)$/.test(
        match[0].split(' ')[0] ?? '',
      );
      if (
        !command &&
        /\bno (quiero |queria |quise |quisiera |deseo |deseaba |es para |era para |voy a |iba a |necesito |necesitaba |(me |se |nos )?(la |lo )?(vaya|vayan|vayas|valla|vallan) a )?$/.test(
          before,
        ) &&
        !(answeringNo && match.index === 3)
      )
        continue;
      // ("Mejor moverla, cancelarla no porque después no consigo": the operation refused right after it.)
      if ((intent === 'cancel' || intent === 'reschedule') && /^ no(?:$|,| porque| pq| xq| que\b| mejor\b)/.test(whole.slice(match.index + match[0].length))) continue;
      // ("¿La del viernes sigue igual? ¿No se me cancela?": a worry that it be cancelled, not a cancellation asked for.)
      if (intent === 'cancel' && /\bno se (?:me |le |nos |les )?$/.test(before)) continue;
      // ("¿Ya me la quitaron o tengo que cancelarla yo?": whether it must be done, asked, not asked for.)
      // ("¿Se borró sola al moverla?": when it was moved, said of what was done.)
      if (intent !== 'consult' && /\bo (?:tengo|toca|hay|debo|tendria|toco) que $|\bal $/.test(before)) continue;
      // ("Ayer cambié mi cita por teléfono y no sé si quedó": what the member did before, told; nothing asked of Lina.)
      if ((intent === 'reschedule' || intent === 'cancel') && /\b(?:ayer|anoche|antier|antes de ayer|el otro dia|la semana pasada)(?: yo| ya| la| me| lo)* $/.test(before))
        continue;
      if (intent === 'book') bookingAt = Math.max(bookingAt, match.index);
      else if (!best || match.index > best.at)
        best = {
          intent,
          at: match.index,
          told: intent === 'consult' && CITA_TOLD.test(match[0]) && !/\b(?:si|que|sera que)(?: yo)? $/.test(before) && !/^\w/.test(whole.slice(match.index + match[0].length)),
        };
    }
  }
  // ("Yo tengo cita el miércoles en Kennedy y quiero sacarle a los niños ese mismo día": the member's cita told, then one asked for.)
  if (best?.told && bookingAt > best.at) return 'book';
  return best?.intent ?? (bookingAt >= 0 ? 'book' : undefined);
}
