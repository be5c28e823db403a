/**
 * Two requests in one message ("cancelar la cita del miércoles y sacar una nueva de medicina
 * general para el viernes"): the message is split where a connector ("y", "también", "luego",
 * "después"…) is followed by the cue of another operation, so that each clause is read on its
 * own. The first clause is the message Lina acts on now; the second is the request she takes up
 * once the first ends (`Understanding.next`). Two bookings are two requests too when their
 * clauses name different specialties ("medicina general para mí y también una de pediatría
 * para la niña"; where a booking is being asked for, the first may go without its verb: "una de
 * medicina general para mí y otra de pediatría para Mateo"): each is read with its own specialty
 * and person.
 */
import { operationCue } from './intent.js';
import type { OperationIntent } from './types.js';
import { normalizeMessage, wordsOf } from './words.js';

/** The connectors that may open a second request, as written (accents optional). */
const CONNECTOR = /(?:^|[\s,;.])((?:y|e)(?:\s+(?:tambi[eé]n|adem[aá]s|luego|despu[eé]s|de paso|aparte))?|tambi[eé]n|adem[aá]s|luego|despu[eé]s|aparte)(?=\s)/giu;
/** "…y me la saca en Fontibón": the cita just spoken of, booked again (somewhere else; "…para la otra semana" is a move). */
export const BOOKED_AGAIN =
  /\b(?:me|nos|le|les) la (?:saca|sacan|saque|saquen|agenda|agende|agenden|pide|pida|programa|programe|separa|separe)\b(?! (?:para|pa|pal|el|la otra|otro|mas)\b)/;
/** A new booking said as the second request: "sacar una nueva", "pedir otra", "agendar una", "me dan una nueva", "me saca la nueva", "sácale al niño una". */
// ("Yo le saqué una cita por teléfono": one the writer booked, told; no request.)
const NEW_BOOKING =
  /(?<!\b(?:yo|ya|ayer|yo ya)(?: le| les| me)? )\b(sac\w*|saq\w*|ped\w*|solicit\w*|separ\w*|reserv\w*|agend\w*|program\w*|dan|den|dame|deme|denme|regal\w*)(me|le|les)?(?: (?:al|a la|a el|a mi|a) [a-z]+)? (una|otra|la nueva)\b/;
/**
 * Another booking said after a first one, without a verb: "(y también) una de pediatría",
 * "otra para Mateo", "pediatría para la niña" (after a greeting too: "hola, buenos días, necesito una de…").
 */
const ANOTHER_BOOKING =
  /^(?:(?:hola|buenas|buenos|buen|dias|dia|tardes|noches|senorita|lina|ahora|bueno|listo|ok|entonces|ya|y|quiero|necesito|tambien) )*(?:(?:una|otra)(?: cita)?(?: mas)? (?:de|para|pa|con)\b|(?:(?:una|otra) )?(?:cita )?(?:de )?(?:pediatri\w*|medicina general|medico general)\b)/;
/** The connectors' words, as the understanding reads them. */
const CONNECTOR_WORDS: ReadonlySet<string> = new Set(['y', 'e', 'tambien', 'ademas', 'luego', 'despues', 'aparte']);
/** How near the connector the second operation's cue must be, in words. */
const CUE_WITHIN = 6;

/** The two requests of a message, each clause as written, with the operation each names. */
export interface SplitRequests {
  first: string;
  second: string;
  firstOperation: OperationIntent;
  secondOperation: OperationIntent;
}

/** The operation a clause names (read on its words as `words` gives them), if any. */
export function clauseOperation(words: string): OperationIntent | undefined {
  const cued = operationCue(words);
  if (cued === 'book' || cued === 'consult' || cued === 'cancel' || cued === 'reschedule') return cued;
  const booking = NEW_BOOKING.exec(words) ?? BOOKED_AGAIN.exec(words);
  // "No quiero agendar otra": a denied booking is none.
  return booking && !/\bno (quiero |necesito |voy a |es para )?$/.test(words.slice(0, booking.index)) ? 'book' : undefined;
}

/**
 * Splits a message that asks for two different operations, at the first connector where the
 * text before it names an operation and the text right after it names another one; or two
 * bookings, when `distinct` says the two clauses ask for different things (specialties).
 * `words`: the clause as the understanding reads it (normalised, spelling corrected), joined.
 */
export function splitRequests(
  text: string,
  words: (clause: string) => string[],
  distinct?: (first: string, second: string) => boolean,
  bookingImplied = false,
): SplitRequests | undefined {
  CONNECTOR.lastIndex = 0;
  for (let match = CONNECTOR.exec(text); match; match = CONNECTOR.exec(text)) {
    const connector = match[1] ?? '';
    const start = match.index + match[0].length - connector.length;
    const first = text.slice(0, start).replace(/[\s,;.]+$/u, '');
    const second = text.slice(start + connector.length).trim();
    if (first.length === 0 || second.length === 0) continue;
    // ("Una de medicina general para mí y otra de pediatría para Mateo", where a booking is being asked for: the first booking
    // said without its verb.)
    const firstOperation = clauseOperation(words(first).join(' ')) ?? (bookingImplied && ANOTHER_BOOKING.test(words(first).join(' ')) ? 'book' : undefined);
    if (!firstOperation) continue;
    // The cue of the second request comes right after its connector, before any other one.
    // ("…y la del martes sí me la cancela": the appointment named first, then its verb, a little further.)
    // ("…y la de Mateo me la pasas pal jueves": the cue read as written too, the speller does not know every form of every verb.)
    const cueOf = (secondWords: readonly string[]): string => {
      // ("…y cambiar la de mi nieto del viernes para otro día": likewise after the verb.)
      // ("…y que le averiguara a qué hora es la del niño": an errand passed on, its cita said after the question.)
      const opening = secondWords.slice(0, /^(\w+ )?(la|el|las|los) (del?|de la|de los)\b|^que (?:le|les|me|nos) /.test(secondWords.join(' ')) ? CUE_WITHIN + 3 : CUE_WITHIN);
      const until = opening.findIndex((word) => CONNECTOR_WORDS.has(word));
      return (until < 0 ? opening : opening.slice(0, until)).join(' ');
    };
    const cue = cueOf(words(second));
    const secondOperation =
      clauseOperation(cue) ?? clauseOperation(cueOf(wordsOf(normalizeMessage(second)))) ?? (firstOperation === 'book' && ANOTHER_BOOKING.test(cue) ? 'book' : undefined);
    if (!secondOperation) continue;
    // "Tengo cita el miércoles y necesito cambiarla pal jueves": the first clause only says which appointment the
    // second acts on ("-la"), so it is one request, not a consultation and then a move.
    if (
      firstOperation === 'consult' &&
      secondOperation !== 'book' &&
      /\b\w+(la|lo)\b/.test(cue) &&
      /\b(cambiar|mover|pasar|correr|cancelar|anular|reprogramar)(la|lo)\b|\b(cambie|muev[ae]|pas[ae]|corr[ae]|cancel[ae]|anul[ae]|reprogram[ae])(me)?(la|lo)\b/.test(cue) &&
      /^(yo )?(tengo|tenia|tiene|teniamos) (una )?cita\b/.test(words(first).join(' '))
    )
      continue;
    // "Yo tengo cita el miércoles en Kennedy y quiero sacarle a los niños ese mismo día": the member's cita told, to say when
    // the one asked for should be; one request, a booking.
    if (
      firstOperation === 'consult' &&
      secondOperation === 'book' &&
      !first.includes('?') &&
      /^(?:(?:hola|buenas|buenos dias|buenas tardes|buen dia|oiga|mire|senorita) )*(?:yo )?(?:ya )?(?:tengo|tenia) (?:una )?cita\b/.test(words(first).join(' '))
    )
      continue;
    // "Agendar medicina general para mí y una de pediatría para Mateo": two bookings, each its own.
    if (secondOperation === firstOperation && !(firstOperation === 'book' && distinct?.(first, second))) continue;
    return { first, second, firstOperation, secondOperation };
  }
  return undefined;
}

/** A list's items, one a line: "- cancelar…", "• sacar…", "2) pasar…", "3. pediatría…". */
const LINE_ITEM = /\n\s*(?:[-•*·–]|\d{1,2}\s*[.)-]|[a-c]\))\s*/u;
/** The first and second items of a list written on one line: "1) cancelar… 2) pasar…", "1. medicina general… 2. pediatría…". */
const INLINE_FIRST = /(?:^|[\s:;,])1\s*[.)]\s+(?=[a-záéíóúñ¿])/iu;
const INLINE_SECOND = /[\s,;]2\s*[.)]\s+(?=[a-záéíóúñ¿])/iu;
const INLINE_THIRD = /[\s,;]3\s*[.)]\s+(?=[a-záéíóúñ¿])/iu;
/** "Primero, cambiar…; segundo, sacarle…; y tercero, saber…": the items counted in words. */
const WORDS_FIRST = /(?:^|[\s:;,.])(?:lo )?primero(?: es)?\s*[,:]\s+/iu;
const WORDS_SECOND = /[;,.]\s*(?:y\s+)?(?:lo )?segundo(?: es)?\s*[,:]\s+/iu;
const WORDS_THIRD = /[;,.]\s*(?:y\s+)?(?:lo )?tercero(?: es)?\s*[,:]\s+/iu;

/** A message that lists what the member needs, split: what comes before the list with its first item, and the second item. */
export interface ListedRequests {
  first: string;
  second: string;
  /** The operation of the second item, when it names one. */
  secondOperation?: OperationIntent;
}

/**
 * "Tengo varias cosas: 1) cancelar la cita de Sofi del viernes 2) pasar la mía para otro día
 * 3) sacarle una a Mateo", "Necesito 3 cosas:\n- cita de medicina general pa mí\n- cancelar la
 * de pediatría": a list of the member's own, inside one message. Its first item (with what
 * comes before the list: "quiero sacar 3 citas:") is the request Lina acts on now, read on its
 * own so that the people, days and specialties of the other items do not leak into it; the
 * second is the one she takes up next, as with two requests.
 */
export function listedRequests(text: string, words: (clause: string) => string[], bookingImplied = false): ListedRequests | undefined {
  const items = listItems(text);
  if (!items) return undefined;
  const [preamble, firstItem, secondItem] = items;
  const first = `${preamble} ${firstItem}`.trim();
  const secondWords = words(secondItem).join(' ');
  const secondOperation = clauseOperation(secondWords) ?? (bookingImplied && ANOTHER_BOOKING.test(secondWords) ? 'book' : undefined);
  return { first, second: secondItem, ...(secondOperation ? { secondOperation } : {}) };
}

/** The text before a list, its first item and its second, when the message holds a list of two or more. */
function listItems(text: string): [string, string, string] | undefined {
  if (LINE_ITEM.test(text)) {
    const [preamble = '', ...items] = text.split(new RegExp(LINE_ITEM.source, 'gu'));
    const said = items.map((item) => item.trim()).filter((item) => /[a-záéíóúñ]/iu.test(item));
    if (said.length >= 2) return [preamble.trim(), said[0] ?? '', said[1] ?? ''];
  }
  for (const [opening, second, third] of [
    [INLINE_FIRST, INLINE_SECOND, INLINE_THIRD],
    [WORDS_FIRST, WORDS_SECOND, WORDS_THIRD],
  ] as const) {
    const start = opening.exec(text);
    if (!start) continue;
    const afterFirst = start.index + start[0].length;
    const next = second.exec(text.slice(afterFirst));
    if (!next) continue;
    const secondStart = afterFirst + next.index + next[0].length;
    const end = third.exec(text.slice(secondStart));
    return [text.slice(0, start.index).trim(), text.slice(afterFirst, afterFirst + next.index).trim(), text.slice(secondStart, end ? secondStart + end.index : undefined).trim()];
  }
  return undefined;
}
