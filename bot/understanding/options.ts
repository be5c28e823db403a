/**
 * The option a message picks among those shown (see `understand.ts`): `pickOption` and the ways
 * it tries in turn (a number, the meaning, a slot's time, a label's words, a misspelt label), and
 * what the other steps ask of the options shown (a value among them, the names they carry, an
 * option turned down).
 */
import Fuse from 'fuse.js';
import { readsAs, sameNormalizedName as sameName } from '../../dialogs/patients.js';
import { serviceOf, type Specialty } from '../domain.js';
import {
  COURTESY_FILLERS,
  DIGITS,
  EARLIER,
  EARLIEST,
  FIRST_OF_ALL,
  OWN_LIST_COUNT,
  ANNOUNCED_QUESTION,
  LATER,
  NONE_OF_THESE,
  answerAfterRefusal,
  OPENING_NUMBER,
  ORDINAL_ABBREVIATION,
  ORDINAL_OPENING,
  PICKING_WORDS,
  TIME_BOUND,
  ANYTHING_ELSE,
  DENIED_BEFORE,
} from './cues.js';
import type { Found } from './lexicon.js';
import { numberFromWords, ordinalFromWord } from './numbers.js';
import { OPERATIONS_IN_MENU, YES_NO_QUESTIONS, bogotaParts, uncovered, type Reading } from './reading.js';
import type { Entities, Expectation, Intent, Question, ShownOption } from './types.js';
import { inflectionStems, normalizeMessage, wordsOf } from './words.js';

/** How an option was picked: by its position ("la 2"), or by what the message says. */
export type Picked = { value: string; by: 'number' | 'words' };

/** "Esa", "bueno esa", "esa entonces", "listo, con esa", "esa me sirve", "ese mismo": the option just spoken of. */
const THAT_ONE =
  /^(?:(?:bueno|listo|ok|okey|ah|ay|entonces|pues|si|dale|ya|perfecto|vale|de una|gracias) )*(?:con |en )?(?:esa|ese|esa misma|ese mismo|esa opcion|ese horario|esa cita|esa hora|esa sede|la misma)(?: (?:entonces|porfa|por favor|gracias|me sirve|me queda bien|esta bien|de una|pues|mija))*$/;

/** A yes and nothing else: "sí", "sí señora, agéndela", "listo, me sirve". */
const ONLY_YES =
  /^(?:(?:si|sii|sip|claro|listo|dale|ok|okey|perfecto|de una|bueno|vale|hagale|confirmo|confirmela|agendela|agendemela|esa|senora|senorita|senor|mija|por favor|porfa|gracias|esta bien|me sirve|me queda bien|super|genial)\b\s*)+$/;

const DOCTOR_TITLES: ReadonlySet<string> = new Set(['dr', 'dra', 'doctor', 'doctora', 'medico', 'medica']);

/**
 * The option the message picks: by number, number word or ordinal; by its exact label or an
 * alias; by what the message says (a specialty, a site, a yes, an operation, a slot's day,
 * time or doctor); or by words of exactly one label. Never a guess between two.
 */
export function pickOption(
  reading: Reading,
  expectation: Expectation,
  said: {
    words: readonly string[];
    intent: Intent;
    entities: Entities;
    people: readonly string[];
    normalized: string;
    courtesy: ReadonlyArray<Found<true>>;
    referredDay?: string | undefined;
  },
): Picked | undefined {
  const { labelWords } = reading;
  const { options, question } = expectation;
  if (options.length === 0) return undefined;
  const { words, entities, intent } = said;
  const wordsText = words.join(' ');
  // "Ese mismo día pero más tarde" at the band question: later than a cita, not the option "Tarde".
  if (question === 'band' && entities.later && !entities.band) return undefined;
  // "La 2 no me sirve", "no me queda bien la del martes": an option turned down, not picked (a yes/no question's "no" is its answer).
  if ((question === 'slot' || question === 'day') && turnedDown(words)) return undefined;
  // "Bueno, esa", "esa entonces", "listo, con esa" right after a question about one option ("¿con qué doctor es la primera?"): that one.
  if (expectation.pointed !== undefined && THAT_ONE.test(wordsText) && options.some((option) => option.value === expectation.pointed))
    return { value: expectation.pointed, by: 'words' };
  // ("A las 3:00 p. m. hay cupo con la Dra. Salazar… responde «sí»": "sí", "listo, agéndela", the one offered by name.)
  if (
    question === 'slot' &&
    expectation.pointed !== undefined &&
    entities.yesNo === 'yes' &&
    ONLY_YES.test(wordsText) &&
    options.some((option) => option.value === expectation.pointed)
  )
    return { value: expectation.pointed, by: 'words' };
  // "¿Cuál es la diferencia entre la de las 2 y la de 2 y 20?", "el martes ¿hay otra hora aparte de las 9?": asking about
  // the slots shown, not picking one.
  // ("¿Solo hay hasta el lunes 30? Bueno, el lunes 30 entonces": a day or hour said after the question picks.)
  const afterQuestion = said.normalized.slice(said.normalized.lastIndexOf('?') + 1);
  if (
    (question === 'slot' || question === 'day') &&
    said.normalized.includes('?') &&
    ASKING_ABOUT_SHOWN.test(said.normalized) &&
    !/\d|\b(lunes|martes|miercoles|jueves|viernes|sabado|hoy|manana|primera|segunda|tercera|ultima)\b|^\W*(esa|ese)\b/.test(afterQuestion)
  )
    return undefined;
  // "Ninguna me sirve, ¿no hay más tarde el miércoles?": none of the slots or days shown.
  // ("Ninguna del viernes, pues el martes a las 3": one picked after those turned down.)
  if ((question === 'slot' || question === 'day') && NONE_OF_THESE.test(said.normalized) && answerAfterRefusal(said.normalized) === undefined) return undefined;
  const names = [...said.people, ...(question === 'patient' ? namesInOptions(options) : [])];
  // "Los dos", "ambos", or two people named: not an option number.
  // ("La 4 o la 1, la que tenga pa hoy", "5?? o la 4, ¿cuál es más temprano?": two numbers weighed, none picked yet.)
  const both =
    /\b(los dos|las dos|ambos|ambas)\b/.test(wordsText) ||
    (question === 'patient' && (entities.patients?.length ?? 0) > 1) ||
    /(?:^|\W)(?:(?:la|el) )?\d\b[\s?!.,]* o (?:la |el |sino la |sino el )?\d(?!\d|:)/.test(said.normalized);
  // "La segunda, para cambiarle la fecha": a number that opens the message, set apart by a comma.
  const firstClause = said.normalized.split(/[,.;:!?]/)[0] ?? '';
  // At the patient question a name outweighs a number ("primero Sofía" is Sofía first).
  const named = question === 'patient' ? optionByMeaning(question, options, intent, entities, words) : undefined;
  if (named) return { value: named, by: 'words' };
  // "La única que tengo", "pero si solo tengo una": the one option shown, whatever it is.
  const [onlyOption, ...moreOptions] = options;
  if (onlyOption && moreOptions.length === 0 && ONLY_ONE.test(wordsText)) return { value: onlyOption.value, by: 'words' };
  // "La 1 pa mi hija la pequeña…": a number that opens the message, when nothing makes it a time.
  // "Primero quiero ver mis citas": "primero" as in "first of all".
  const opening =
    FIRST_OF_ALL.test(said.normalized) || OWN_LIST_COUNT.test(said.normalized) || ANNOUNCED_QUESTION.test(said.normalized) ? null : OPENING_NUMBER.exec(said.normalized);
  // "La de la 1", "la de la una": one o'clock, not the first option.
  const oneOClock = entities.time !== undefined && /\b(de|a) la (1|una)\b/.test(wordsText);
  // "1.010.101.010": a document typed again, not option 1.
  // "Primero el niño": first of all the boy, not the first option.
  const firstOfAll = FIRST_OF_ALL.test(said.normalized) && (entities.patients?.length ?? 0) > 0;
  // ("Por último, ¿…?", "lo segundo, …": the member's own count, see `OWN_LIST_COUNT`.)
  const ownCount = OWN_LIST_COUNT.test(said.normalized) || ANNOUNCED_QUESTION.test(said.normalized);
  // "2:20 con la doctora Adriana", "2.20": a time, not option 2.
  const clockTime = entities.time !== undefined && /^(?:(?:la|el|las|a las|la de|la de las) )?\d{1,2}:\d{2}\b/.test(said.normalized);
  // "Primera bes" at the site question: the visit type, however spelt, not the first site.
  const firstTime = question !== 'visitType' && entities.visitType === 'primera_vez' && /\bprimer/.test(wordsText);
  // "No es la primera vez, ya ha ido": the first visit type ruled out, not the first option picked.
  const firstRuledOut = question === 'visitType' && /\bno (es|era|sea|fue) (la |su |mi )?primer/.test(wordsText);
  if (firstRuledOut && (entities.visitType === undefined || entities.visitType === 'primera_vez')) return undefined;
  // "La primera del martes", "la segunda de hoy", "la última del miércoles": the position among that day's slots shown,
  // unless the position in the whole list is on that day already ("la tercera, la del martes"); the last position said wins.
  const dayOf = (option: ShownOption | undefined) => (option?.start ? bogotaParts(option.start)?.day : undefined);
  const ofDay = question === 'slot' && entities.day && !entities.time ? options.filter((option) => dayOf(option) === entities.day) : [];
  const dayOrdinal = ofDay.length > 0 ? words.map((word) => ordinalFromWord(word)).findLast((ordinal) => ordinal !== undefined) : undefined;
  if (dayOrdinal !== undefined && !firstTimeSaid(entities, words)) {
    const inList = options[dayOrdinal === -1 ? options.length - 1 : dayOrdinal - 1];
    const picked = dayOf(inList) === entities.day ? inList : ofDay[dayOrdinal === -1 ? ofDay.length - 1 : dayOrdinal - 1];
    return picked ? { value: picked.value, by: 'number' } : undefined;
  }
  // "Bueno, el último día que haya", "el primer día disponible" at the days shown: that position, the day said with it.
  const dayPosition = question === 'day' ? DAY_POSITION.exec(wordsText) : null;
  const numbered =
    dayPosition !== null
      ? optionNumber(reading, [dayPosition[1] ?? ''], options.length, names)
      : both || oneOClock || firstOfAll || ownCount || clockTime || firstTime || firstRuledOut || entities.documentNumber !== undefined
        ? undefined
        : (optionNumber(reading, words, options.length, names) ??
          (firstClause.length < said.normalized.length ? optionNumber(reading, wordsOf(firstClause), options.length, names) : undefined) ??
          (opening && ((question !== 'slot' && question !== 'day') || ORDINAL_OPENING.test(opening[0]))
            ? optionNumber(reading, wordsOf(opening[0]), options.length, names)
            : undefined));
  // "La dos con la doctora Adriana": the number and the doctor of that slot, which agree (two slots of hers are no doubt then).
  if (numbered === undefined && question === 'slot' && !both && !clockTime && !oneOClock) {
    const doctorWords = new Set(options.flatMap((option) => doctorWordsOf(option)));
    const saidOfDoctor = words.filter((word) => doctorWords.has(word));
    if (saidOfDoctor.length > 0) {
      const rest = words.filter((word) => !doctorWords.has(word) && !DOCTOR_TITLES.has(word) && word !== 'con' && word !== 'de' && word !== 'la' && word !== 'el');
      const position = rest.length > 0 ? optionNumber(reading, rest, options.length, names) : undefined;
      const option = position !== undefined ? options[position - 1] : undefined;
      if (option && saidOfDoctor.every((word) => doctorWordsOf(option).includes(word))) return { value: option.value, by: 'number' };
    }
  }
  if (numbered !== undefined) {
    const value = options[numbered - 1]?.value;
    // ("Primero mi nieto", "primero el niño" to «¿Para quién?»: the order of the people named, never the first option, "Para mí".)
    if (value !== undefined && question === 'patient' && (entities.patients?.length ?? 0) > 0 && !agreesWithPeople(value, entities)) return undefined;
    return value === undefined ? undefined : { value, by: 'number' };
  }
  // "Para mi sobrina, la 3", "la que sea, la 1", "ah ok son dos, la 1 ¿en qué consultorio es?": one clause that is only an
  // option's number picks it, whatever the others tell. ("La 4 pero si ya no está, la 1": the first, the other a fallback.)
  // (At the days shown, "el 4" is the 4th of the month.)
  if (!both && !ownCount && !clockTime && !firstTime && entities.documentNumber === undefined && question !== 'documentType' && question !== 'day') {
    const fallback = FALLBACK.exec(said.normalized);
    const clauses = (fallback?.[1] !== undefined ? [fallback[1]] : said.normalized.split(/[,;!?¿…]+|[.:](?!\d)/))
      .map((clause) => clause.trim())
      .filter((clause) => NUMBER_CLAUSE.test(clause));
    const positions = [...new Set(clauses.map((clause) => optionNumber(reading, wordsOf(clause), options.length, names)))];
    const value = positions.length === 1 && positions[0] !== undefined ? options[positions[0] - 1]?.value : undefined;
    if (value !== undefined && (question !== 'patient' || agreesWithPeople(value, entities))) return { value, by: 'number' };
  }

  const whole = wordsText;
  const content = uncovered(words, said.courtesy).join(' ') || whole;
  // ("Para mi mija": the daughter, though "para mi" is the label of "Para mí" once "mija" is set aside.)
  const someoneElse = question === 'patient' && (entities.patients?.length ?? 0) > 0 && !entities.patients?.some((mention) => mention.kind === 'self');
  const exact = options.filter(
    (option) =>
      !(someoneElse && option.value === 'self') &&
      [option.value, option.label, ...option.aliases].some((candidate) => {
        const normalized = labelWords(candidate);
        return normalized === whole || normalized === content;
      }),
  );
  if (exact.length === 1 && exact[0]) return { value: exact[0].value, by: 'words' };

  // One option only ("¿cuál cita?" with one appointment): "sí", "esa", or what to do with it picks it.
  if (options.length === 1 && options[0] && question !== 'patient' && !YES_NO_QUESTIONS.has(question)) {
    const [only] = options;
    const agrees =
      !entities.earlier &&
      // ("Este bot no sirve" points at no option: the word after "este" is what it points at.)
      (entities.yesNo === 'yes' ||
        /\b(esa|ese|esta|este|la unica|el unico|la misma|esa misma)\b(?! (?!(mism[oa]|por|porfa|pls|gracias|si|senorita|mija|cita|consulta|opcion)\b)[a-z])/.test(whole) ||
        // ("La mía, no la del niño" at the member's own list of one: that one.)
        (question === 'appointment' && entities.patients?.length === 1 && entities.patients[0]?.kind === 'self' && /\b(?:la|el) mi[ao]\b/.test(whole)));
    const saysWhen =
      question === 'appointment' &&
      (entities.band !== undefined || entities.day !== undefined || entities.time !== undefined || intent === 'other_day' || intent === 'reschedule' || intent === 'cancel');
    // "La del viernes" when the only appointment is on Thursday names another one: no pick.
    const ownDay = only.start ? bogotaParts(only.start)?.day : undefined;
    const otherDay = entities.day !== undefined && ownDay !== undefined && entities.day !== ownDay && intent !== 'reschedule' && intent !== 'other_day';
    // ("La de las 3" when the only appointment is at 10: another one, likewise.)
    const ownTime = only.start ? bogotaParts(only.start)?.time : undefined;
    const otherTime = entities.time !== undefined && ownTime !== undefined && entities.time !== ownTime && intent !== 'reschedule';
    if (agrees || (saysWhen && !otherDay && !otherTime)) return { value: only.value, by: 'words' };
  }

  const byMeaning = optionByMeaning(question, options, intent, entities, words, said.referredDay);
  if (byMeaning !== undefined) return byMeaning === null ? undefined : { value: byMeaning, by: 'words' };
  if (question === 'patient' || YES_NO_QUESTIONS.has(question) || question === 'slot' || question === 'appointment' || question === 'day') return undefined;
  // A misspelt label is a short answer with nothing else in it: a sentence is not searched fuzzily.
  const fuzzy = intent === 'none' && words.length <= 4 ? optionByFuzzyLabel(reading, options, content) : undefined;
  const loose = optionByWords(reading, options, words, said.normalized) ?? fuzzy;
  return loose === undefined ? undefined : { value: loose, by: 'words' };
}

/** A clause that is only an option's number: "la 3", "el número 2", "entonces la 1". */
const NUMBER_CLAUSE =
  /^(?:(?:y|entonces|pues|bueno|mejor|o sea|osea|ya|ok|listo) )*(?:(?:la|el) )?(?:opcion |numero |#\s*)?(?:[1-9]|uno|dos|tres|cuatro|cinco|primera|segunda|tercera|cuarta|quinta|primero|segundo|tercero|cuarto|quinto)$/;
/** An option said first, then another if it is gone: "la 4 pero si ya no está, la 1". */
const FALLBACK = /^(.*?)\s*,?\s*\bpero si (?:no hay|ya no (?:esta|hay)|no (?:esta|se puede|alcanza)|ya (?:la|lo) (?:dieron|tomaron|cogieron|ocuparon))\b/;

/** At the patient question, whether the option picked by its number fits the people the message names. */
function agreesWithPeople(value: string, entities: Entities): boolean {
  return (entities.patients ?? []).every((mention) => {
    if (mention.kind === 'self') return value === 'self';
    if (mention.kind === 'name') return sameName(mention.name, value);
    if (mention.relation === 'other') return false;
    if (value === 'self') return false;
    return mention.relation === 'child' || readsAs(value) === (mention.relation === 'son' ? 'son' : 'daughter');
  });
}

/** Questions about the slots or days shown: how they differ, what else there is, which one has something. */
const ASKING_ABOUT_SHOWN =
  /\b(diferencia|aparte de|ademas de|fuera de|solo hay|no tiene|no tienen|no hay|hay otra|hay otro|hay otras|hay otros|cual tiene|cual de|cuales tienen)\b/;

/** "Primera vez" said: the visit type, not a position. */
function firstTimeSaid(entities: Entities, words: readonly string[]): boolean {
  return entities.visitType === 'primera_vez' && /\bprimer/.test(words.join(' '));
}

/** `undefined`: this question is not read by meaning; `null`: read, and nothing fits. */
function optionByMeaning(question: Question, options: ShownOption[], intent: Intent, entities: Entities, words: readonly string[], referred?: string): string | null | undefined {
  const has = (value: string | undefined) => (value !== undefined ? (optionValue(options, value) ?? null) : null);
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
    case 'band': {
      if (entities.band) return has(entities.band);
      // ("Pasado mañana": the day after tomorrow, its "mañana" no morning band.)
      if (/\bpasado manana\b/.test(words.join(' '))) return null;
      // "A las 3 no puedo": an hour refused picks no band.
      if (REFUSED_TIME.test(words.join(' '))) return null;
      // "A las 4 pm", "7 am", "antes de las 11", "después de las 2": the band the hour falls in (a bound that
      // spans both, "antes de las 3", "después de las 10", picks none).
      const hour = entities.time ? Number(entities.time.slice(0, 2)) : undefined;
      if (hour === undefined) return undefined;
      if (entities.beforeTime) return hour <= 12 ? has('manana') : undefined;
      if (entities.afterTime) return hour >= 12 ? has('tarde') : undefined;
      return has(hour < 12 ? 'manana' : 'tarde');
    }
    case 'documentType':
      return entities.documentType ? has(entities.documentType) : undefined;
    case 'day': {
      // "El martes" where the days shown are next week's: the one Tuesday shown, said by its weekday alone.
      if (entities.day && !has(entities.day) && entities.weekday !== undefined && !/\b(\d{1,2}|este|esta|proximo|otro|siguiente)\b/.test(words.join(' '))) {
        // (Only a later one: "el lunes" said on a Monday is next Monday, as anywhere, not today shown.)
        const said = entities.day;
        const onWeekday = options.filter(
          (option) => /^\d{4}-\d{2}-\d{2}$/.test(option.value) && option.value > said && new Date(`${option.value}T12:00:00Z`).getUTCDay() === entities.weekday,
        );
        if (onWeekday.length === 1 && onWeekday[0]) {
          entities.day = onWeekday[0].value;
          return onWeekday[0].value;
        }
      }
      if (entities.day) return has(entities.day);
      // "El día más cercano que tenga": the first day shown.
      if (EARLIEST.test(words.join(' ')) && !entities.timeOf) return options[0]?.value ?? null;
      // "27" with the days shown: the one on the 27th.
      const rest = words.filter((word) => !isPickingWord(word) && !COURTESY_FILLERS.has(word));
      // ("Veintisiete", dictated or spelt out, too.)
      const spelt = rest.length === 1 ? numberFromWords(rest[0] ?? '') : undefined;
      const dayOfMonth = rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? '') ? Number(rest[0]) : spelt !== undefined && spelt >= 1 && spelt <= 31 ? spelt : undefined;
      const onThatDay = dayOfMonth === undefined ? [] : options.filter((option) => Number(option.value.slice(8, 10)) === dayOfMonth);
      return onThatDay.length === 1 ? (onThatDay[0]?.value ?? null) : null;
    }
    case 'patient': {
      const [only, ...others] = entities.patients ?? [];
      if (!only || others.length > 0) return null;
      if (only.kind === 'self') return has('self');
      if (only.kind !== 'name') return null;
      const matching = options.filter((option) => namesInOptions([option]).some((name) => sameName(only.name, name)));
      return matching.length === 1 ? (matching[0]?.value ?? null) : null;
    }
    case 'slot':
      // "El jueves" where the slots shown are of a later week ("la otra semana" was asked): that week's Thursday.
      laterWeekday(options, entities, words);
      // "La que sea más pronto": the earliest, the first shown.
      // ("La más cerquita a la de Mateo" is near Mateo's appointment, not the earliest.)
      if (EARLIEST.test(words.join(' ')) && !entities.day && !entities.time && !entities.timeOf) return options[0]?.value ?? null;
      // "¿No habría algo más temprano el martes?", "¿hay algo más tarde el miércoles?": other times asked for, none picked.
      if ((EARLIER.test(words.join(' ')) || LATER.test(words.join(' '))) && /\b(hay|habria|tiene|tendria|tienen|algo|otra|otro)\b/.test(words.join(' '))) return null;
      // ("¿Hay algo más el miércoles?", "¿no tiene nada más para el jueves?": other times that day asked for, none picked.)
      // ("Si no hay nada más, entonces la del martes a las 3": a condition, then the slot picked.)
      if (ANYTHING_ELSE.test(words.join(' '))) return null;
      // "La que esté más cerca de las 11", "la más cercana a las 3": the slot nearest that hour (of the day named, if one is).
      if (entities.time && NEAREST_TIME.test(words.join(' '))) return optionNearestTime(options, entities.time, entities.day);
      // "¿Tiene después de las 3?" asks for later slots; it picks none.
      return optionByTime(options, TIME_BOUND.test(words.join(' ')) ? { ...entities, time: undefined } : entities, question, words);
    case 'appointment':
      // "La de medicina general, moverla para el jueves": the day is the new one, not the appointment's.
      return optionByTime(options, intent === 'reschedule' ? { ...entities, day: referred, weekday: undefined, time: undefined } : entities, question, words);
    default:
      return undefined;
  }
}

/**
 * A weekday said alone at the slots, when the slots shown are of a later week than its next
 * occurrence ("la otra semana" was asked, and Monday 30's slots are shown): the same weekday in the
 * week of the slots shown ("el jueves" is Thursday 3, not Thursday 26). "Este jueves" keeps this
 * week's.
 */
function laterWeekday(options: readonly ShownOption[], entities: Entities, words: readonly string[]): void {
  const said = entities.day;
  if (said === undefined || entities.weekday === undefined || /\b(\d{1,2}|este|esta|hoy|manana|pasado)\b/.test(words.join(' '))) return;
  const shown = options.map((option) => (option.start ? bogotaParts(option.start)?.day : undefined)).filter((day): day is string => day !== undefined);
  const first = shown.sort()[0];
  if (first === undefined) return;
  // Only when the slots shown are of a later week: "ay mejor el jueves" at Friday's slots is this Thursday.
  const firstDate = new Date(`${first}T12:00:00Z`);
  const mondayOfFirst = new Date(firstDate.getTime() - ((firstDate.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  if (said >= mondayOfFirst) return;
  const [year, month, day] = said.split('-').map(Number) as [number, number, number];
  let moved = Date.UTC(year, month - 1, day);
  while (new Date(moved).toISOString().slice(0, 10) < first) moved += 7 * 86_400_000;
  entities.day = new Date(moved).toISOString().slice(0, 10);
}

/** "La de las 4 no puedo", "a las 4 no me sirve", "a la 1 no puedo": a time refused. */
export const REFUSED_TIME =
  /(?:\b(?:la|las|a las|a la) (?:\d{1,2}(?::\d{2})?|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?: y \S+)?|\b\d{1,2}:\d{2})(?: (?:yo|ya|pues|igual))? (?:(?:no|tampoco) (?:(?:la|lo|los|las|me|le) )?(?:puedo|me sirve|me queda|alcanzo|me da|podemos|alcanzamos)|(?:tengo|tenemos|me toca) (?:una |un )?(?:vuelta|compromiso|diligencia|reunion|clase|turno|otra cita|trabajo))\b/;
/** "La siguiente", "la que sigue", "la de después": the next slot shown (the speller may write "siguientes"). */
const NEXT_ONE = /\b(la|el) (siguientes?|que sigue|de despues|otra de despues|proxima)\b/;

/**
 * "La de las 4 no puedo porque salgo a las 4, la siguiente": the slot shown after the last one at
 * the time refused (`null` when those are the last shown); `undefined` when no time shown is
 * refused with "la siguiente".
 */
export function optionAfterRefusedTime(options: ShownOption[], time: string | undefined, words: readonly string[]): string | null | undefined {
  const text = words.join(' ');
  if (!time || !REFUSED_TIME.test(text) || !NEXT_ONE.test(text)) return undefined;
  const times = options.map((option) => (option.start ? bogotaParts(option.start)?.time : undefined));
  const lastAt = times.lastIndexOf(time);
  return lastAt >= 0 ? (options[lastAt + 1]?.value ?? null) : undefined;
}

/** The one slot or appointment on the day, at the time, of the service or with the doctor named. */
/** "Más cerca de las 11", "la más cercana a las 3", "la más próxima a las 10": near an hour, not at it. */
const NEAREST_TIME =
  /\b(?:cerca|cercana|cercano|cerquita|cerquitica|proxima|proximo|pegadita|pegada) (?:de|a) (?:las? )?(?:\d|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)/;

/** The one slot shown nearest `time` (on `day`, when named); none when two are as near. */
function optionNearestTime(options: readonly ShownOption[], time: string, day: string | undefined): string | null {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const wanted = minutes(time);
  let best: { value: string; distance: number; tied: boolean } | undefined;
  for (const option of options) {
    const parts = option.start ? bogotaParts(option.start) : undefined;
    if (!parts || (day && parts.day !== day)) continue;
    const distance = Math.abs(minutes(parts.time) - wanted);
    if (!best || distance < best.distance) best = { value: option.value, distance, tied: false };
    else if (distance === best.distance) best.tied = true;
  }
  return best && !best.tied ? best.value : null;
}

function optionByTime(options: ShownOption[], entities: Entities, question: Question, words: readonly string[]): string | null {
  const service = question === 'appointment' ? entities.specialty : undefined;
  const visitType = question === 'appointment' ? entities.visitType : undefined;
  const doctorWords = new Set(options.flatMap((option) => doctorWordsOf(option)));
  const doctorSaid = words.filter((word) => word.length >= 4 && doctorWords.has(word));
  const female = question === 'slot' && saysFemaleDoctor(words);
  // ("La de Kennedy" at the list of appointments: the one at that site.)
  const site = question === 'appointment' ? (entities.citaSite ?? entities.site) : undefined;
  if (!entities.day && !entities.time && !service && !visitType && doctorSaid.length === 0 && !female && !site) return null;
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
    if (female && !isFemaleDoctor(option)) return false;
    if (site && option.site !== site) return false;
    return true;
  });
  // Two slots of the doctor named ("la del doctor Camilo"): no guess; the dialog asks which, naming them.
  return matching.length === 1 ? (matching[0]?.value ?? null) : null;
}

/** "La doctora", "con la médica": a woman doctor is asked for (a title alone; "el doctor" is said of anyone). */
function saysFemaleDoctor(words: readonly string[]): boolean {
  return words.some((word) => word === 'doctora' || word === 'dra' || word === 'medica');
}

function isFemaleDoctor(option: ShownOption): boolean {
  return /^dra\b/i.test(option.doctor ?? '');
}

/**
 * The one doctor of the slots shown that the message names ("la de la doctora Paola", "con la
 * doctora" when she is the only woman listed), to settle a choice among slots at one time.
 */
export function doctorNamedIn(options: readonly ShownOption[], words: readonly string[]): string | undefined {
  const doctorWords = new Set(options.flatMap((option) => doctorWordsOf(option)));
  const said = words.filter((word) => word.length >= 4 && doctorWords.has(word));
  const female = saysFemaleDoctor(words);
  if (said.length === 0 && !female) return undefined;
  const doctors = new Set(
    options.filter((option) => option.doctor && said.every((word) => doctorWordsOf(option).includes(word)) && (!female || isFemaleDoctor(option))).map((option) => option.doctor),
  );
  return doctors.size === 1 ? [...doctors][0] : undefined;
}

/** The option whose label's words the member wrote (or who wrote part of exactly one label). */
function optionByWords(reading: Reading, options: ShownOption[], words: readonly string[], normalized: string): string | undefined {
  const { labelWords } = reading;
  const said = ` ${words.join(' ')} `;
  // ("Control no es, es por la tos", "control no": an option named, then denied, is not said; "entonces control, ¿no?" asks
  // to be told it is.)
  const tagQuestion = /\bno\s*\?+\W*$/.test(normalized);
  const saidAndKept = (text: string): boolean => {
    const at = said.indexOf(text);
    return at >= 0 && (tagQuestion || !DENIED_AFTER.test(said.slice(at + text.length))) && !DENIED_BEFORE.test(said.slice(0, at));
  };
  const matching = options.filter((option) => {
    const labelText = ` ${labelWords(option.label)} `;
    if (labelText.trim().length >= 3 && saidAndKept(labelText)) return true;
    if (said.trim().length >= 3 && labelText.includes(said)) return true;
    return option.aliases.some((alias) => {
      const aliasText = ` ${labelWords(alias)} `;
      return aliasText.trim().length >= 3 && saidAndKept(aliasText);
    });
  });
  return matching.length === 1 ? matching[0]?.value : undefined;
}

/** After an option's words, what denies it: "(control) no es", "(control) no", "(control) tampoco". */
const DENIED_AFTER = /^(?:no es|no era|no sera|tampoco|no(?: (?:porque|xq|pq|que|q|mejor|sino|gracias))?\s*$|no (?:porque|xq|pq|que|q|mejor|sino)\b)/;

/** A label written with typos across several words ("primero de mallo"): Fuse.js, strictly. */
function optionByFuzzyLabel(reading: Reading, options: ShownOption[], content: string): string | undefined {
  const { fuzzyLabels } = reading;
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

/** What the picking words of five letters or more share with their other forms ("sirve" with "sirven", "quedo" with "quede"). */
const PICKING_STEMS: ReadonlySet<string> = new Set([...PICKING_WORDS].filter((word) => word.length >= 5).flatMap((word) => inflectionStems(word)));

/**
 * A word around an option's number that picks nothing by itself ("me quedo con la 2", "me sirve la
 * primera"), in any of its forms: the speller leaves "sirven" or "quede" as written.
 */
function isPickingWord(word: string): boolean {
  return PICKING_WORDS.has(word) || (word.length >= 5 && inflectionStems(word).some((stem) => PICKING_STEMS.has(stem)));
}

/** The one option shown, said to be the only one: "la única que tengo", "esa, la única", "pero si solo tengo una". */
const ONLY_ONE =
  /^(?:(?:pero|pues|bueno|ay|ah|y|si|esa|ese) )*(?:la |el )?unic[ao](?: (?:cita )?(?:q|que) (?:tengo|tiene|hay|aparece|sale|me aparece|me sale))?(?: (?:pues|ps|mija|senorita|porfa|por favor|gracias))*$|^(?:(?:pero|pues|bueno|ay|ah) )*(?:si )?(?:solo|solamente|nada mas) (?:tengo|tiene|hay) (?:una|uno)(?: sola| cita)?$/;

/** A day picked by its position among the days shown, with the word "día" ("el último día que haya", "el primer día disponible"). */
const DAY_POSITION =
  /^(?:(?:bueno|listo|entonces|pues|ok|ah|ay|y) )*(?:el |la )?(primer|primero|segundo|tercer|tercero|cuarto|quinto|ultimo|penultimo) dia(?: (?:q|que) (?:haya|hay|tengan?|tiene|salga|aparezca)| disponible| de la lista)?$/;

/** "2", "#2", "la 2", "la dos", "la segunda", "opción 3 por favor", "la última": its position. */
function optionNumber(reading: Reading, words: readonly string[], count: number, names: readonly string[]): number | undefined {
  const { lexicon } = reading;
  // "La 4 para mi abuelita": who it is for is said beside the number.
  // ("La tercera de la lista mija", "mejor sigamos aquí, la segunda": courtesy is no second token.)
  const courteous = new Set(lexicon.courtesy.find(words).flatMap((found) => Array.from({ length: found.end - found.start }, (_, offset) => found.start + offset)));
  // ("Bueno ni modo, la 1", "la de arriba, la primera", "primero la 1 entonces": resignation, where it is on the list, and
  // "first" beside the number said are no second token.)
  const spoken = words.some((word) => DIGITS.test(word));
  // Only whether one word is left, and which, matters: the search stops at a second one.
  const rest: string[] = [];
  for (let index = 0; index < words.length && rest.length < 2; index++) {
    const word = words[index] as string;
    if (
      !isPickingWord(word) &&
      !COURTESY_FILLERS.has(word) &&
      !lexicon.relationWords.has(word) &&
      !names.some((name) => sameName(word, name)) &&
      !courteous.has(index) &&
      !(word === 'ni' && words[index + 1] === 'modo') &&
      !(word === 'modo' && words[index - 1] === 'ni') &&
      !((word === 'arriba' || word === 'abajo') && words[index - 1] === 'de') &&
      !(word === 'primero' && spoken)
    )
      rest.push(word);
  }
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

export function optionValue(options: readonly ShownOption[], value: string): string | undefined {
  return options.some((option) => option.value === value) ? value : undefined;
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
export function doctorWordsOf(option: ShownOption): string[] {
  return option.doctor ? wordsOf(normalizeMessage(option.doctor)).filter((word) => !DOCTOR_TITLES.has(word) && word.length >= 3) : [];
}

/** Words after a doctor's title that are no part of a name: "la doctora que me atiende", "el médico general". */
const NOT_A_DOCTORS_NAME: ReadonlySet<string> = new Set([
  // ("Con otro médico pero el mismo día", "el doctor xfa": words that go on the sentence.)
  'pero',
  'porque',
  'xfa',
  'xf',
  'tambien',
  'igual',
  'mejor',
  'entonces',
  'ya',
  'aca',
  'aqui',
  'bueno',
  'gracias',
  'nuevo',
  'nueva',
  'diferente',
  'cualquiera',
  'que',
  'de',
  'del',
  'la',
  'el',
  'los',
  'las',
  'con',
  'para',
  'pa',
  'por',
  'porfa',
  'en',
  'es',
  'ella',
  'el',
  'mi',
  'su',
  'tu',
  'me',
  'nos',
  'le',
  'tratante',
  'general',
  'familiar',
  'siempre',
  'pediatra',
  'cabecera',
  'ese',
  'esa',
  'este',
  'esta',
  'otro',
  'otra',
  'mismo',
  'misma',
  'hay',
  'no',
  'si',
  'atiende',
  'atendio',
  've',
  'vio',
  'manana',
  'tarde',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
]);
/** "Mi médica", "su doctor", "el médico que siempre me atiende", "mi tratante": the patient's own doctor. */
const OWN_DOCTOR =
  /\b(mi|su) (medic[oa]|doctor[a]?|dra?|pediatra|tratante)\b|\b(el|la) (medic[oa]|doctor[a]?|dra?|pediatra) (tratante|de cabecera|de siempre|que (siempre )?(me|lo|la|le|nos) (atiende|ve|atendio))\b/;

/**
 * A doctor asked for at the slots who is not among those shown: the name written after a title
 * ("¿y no hay con la dra marta salazar?": `marta salazar`), or the patient's own doctor ("mi
 * médica"). Never a patient: the dialog looks the doctor up, or says it cannot.
 */
export function doctorAskedIn(reading: Reading, options: readonly ShownOption[], original: readonly string[], normalized: string): Pick<Entities, 'doctorName' | 'ownDoctor'> {
  const shownWords = new Set(options.flatMap((option) => doctorWordsOf(option)));
  const asked: Pick<Entities, 'doctorName' | 'ownDoctor'> = {};
  // ("Con otro médico", "con cualquier doctor": no name follows those, whatever word does.)
  const titled = original.findIndex(
    (word, index) => DOCTOR_TITLES.has(word) && !/^(?:otro|otra|cualquier|ningun|ninguna|diferente)$/.test(original[index - 1] ?? '') && isNameWord(reading, original[index + 1]),
  );
  if (titled >= 0) {
    const name: string[] = [];
    // ("El dr Cárdenas, puede ser con él": a word Lina knows after the first ends the name.)
    for (
      let index = titled + 1;
      index < original.length &&
      name.length < 3 &&
      isNameWord(reading, original[index]) &&
      (index === titled + 1 || !reading.speller.knows(original[index] ?? '') || shownWords.has(original[index] ?? ''));
      index++
    )
      name.push(original[index] ?? '');
    // A doctor shown, named ("la de la doctora Marta"), is read as shown (`doctorNamedIn`).
    if (!name.some((word) => !shownWords.has(word))) return asked;
    asked.doctorName = name.join(' ');
  }
  if (OWN_DOCTOR.test(normalized)) asked.ownDoctor = true;
  return asked;
}

function isNameWord(reading: Reading, word: string | undefined): boolean {
  return word !== undefined && /^[a-z]{3,}$/.test(word) && !NOT_A_DOCTORS_NAME.has(word) && !reading.lexicon.vocabulary.has(word) && !reading.lexicon.relationWords.has(word);
}

/** The first names the patient options carry: "Para Sofía" → `sofia`. */
export function namesInOptions(options: readonly ShownOption[]): string[] {
  return options
    .filter((option) => option.value !== 'self')
    .flatMap((option) =>
      wordsOf(normalizeMessage(option.label))
        .filter((word) => word !== 'para')
        .slice(0, 1),
    );
}

export function turnedDown(words: readonly string[]): boolean {
  return words.some((word, index) => word === 'no' && words[index + 1] === 'me' && TURNED_DOWN.has(words[index + 2] ?? ''));
}

/** "No me sirve", "no me queda", "no me gusta": an option turned down. */
const TURNED_DOWN: ReadonlySet<string> = new Set(['sirve', 'queda', 'gusta', 'conviene']);
