/**
 * Days, times and time bands in a member's message, relative to `now` in Bogotá (UTC-5 all
 * year): "mañana en la tarde", "el martes a las 3", "pasado mañana temprano", "viernes 27",
 * "la otra semana", "a eso de las 2", "me da igual la hora".
 *
 * chrono-node (its Spanish configuration, `chrono.es`) runs the parsing: its own parsers for
 * ISO dates, "25/11" and "en 2 días", its refiners for overlaps, a weekday merged with its date
 * and impossible dates. The parsers and refiners of `when-days.ts`, `when-times.ts` and
 * `when-chrono.ts`, plugged into it, add what Lina's members say and chrono misses or reads
 * differently: clinic hours ("a las 3" is 15:00, chrono says 03:00), time bands, "pasado
 * mañana", "en la mañana" (a band, chrono says tomorrow), a weekday strictly after today (chrono
 * takes the closest, even a past one), "el 25", "la otra semana", "25 de noviembre 3 pm" (chrono
 * reads the 3 as the year 2003), a day without year in the coming twelve months (chrono takes
 * the closest year, even a past day).
 *
 * This module reads chrono's results into a `When`: the first day to come, the first time, and
 * the band the bands named settle on.
 */
import { normalizeText } from '../../dialogs/text.js';
import { digitsFromWords } from './numbers.js';
import {
  BAND_TAG,
  BOGOTA_OFFSET_MINUTES,
  NOT_BAND_TAG,
  WEEKDAYS,
  addDays,
  bogotaDay,
  daysBetween,
  isRealDay,
  pad,
  type Band,
  type CivilDay,
  type LinaParsingOption,
} from './when-context.js';
import { buildChrono } from './when-chrono.js';
import { DOTTED_TIME } from './words.js';

export type { Band } from './when-context.js';

export interface When {
  /** The Bogotá day named, YYYY-MM-DD. */
  day?: string;
  /** 0 (Sunday) … 6 when the day was named by its weekday ("el miércoles"): lets a caller match "la cita del miércoles" against appointments. */
  weekday?: number;
  /** HH:MM, 24-hour. Clinic hours are 07:00-17:00: "a las 3" is 15:00, "a las 9" 09:00, "a las 12" 12:00, "3 de la tarde" 15:00, "10 am" 10:00, "2 y media" 14:30, "a eso de las 2" 14:00, "2:40 pm" 14:40. */
  time?: string;
  band?: Band;
  /** The time is the end of a task the member does first ("después de recoger a la niña a las 12"): a bound, not a slot's time. */
  bound?: 'after' | 'before';
  /** The one band the member rules out ("en la mañana no puedo"), unless it is also the one asked for. */
  ruledOutBand?: 'manana' | 'tarde';
  /**
   * The days the member rules out, YYYY-MM-DD ("cualquier día menos el lunes", "no hoy ni mañana", "el 25 no", "q no sea el
   * viernes"): never the day asked for.
   */
  ruledOutDays?: string[];
  /**
   * The days of weekdays ruled out every week ("menos los lunes", "los martes y jueves no puedo"), YYYY-MM-DD, today and the
   * next three weeks: never a day asked for, kept apart so that they never take a day named away.
   */
  ruledOutWeekdays?: string[];
}

/**
 * After an hour, what refuses it: "a las 2 no alcanzo", "a las 3 no puede", "a las 3 tiene natación". When
 * another hour follows, that one is the time asked for.
 */
const REFUSED_TIME_AFTER =
  /^\W*(?:(?:yo|ya|pues|igual|ella|el|ellos|mateo|sofia|la nina|el nino) )?(?:(?:no|tampoco) (?:(?:la|lo|los|las|me|le|nos) )?(?:puedo|puede|pueden|podemos|sirve|me sirve|le sirve|nos sirve|queda|me queda|le queda|alcanzo|alcanza|alcanzamos|me da|le da|llego|llega|llegamos)|(?:tiene|tengo|tenemos|hay) (?:natacion|clase|clases|colegio|trabajo|turno|reunion|futbol|terapia|jardin|ingles|danza|musica|entrenamiento|examen))\b/;

/** Before a number, what counts slots: "solo hay 2 en la mañana", "¿quedan 3 en la tarde?". */
const COUNTED_BEFORE = /\b(?:hay|habia|habra|quedan|queda|quedaron|solo|solamente|nomas|no mas|nada mas|son)\s+$/;
/** Between two days, what makes them alternatives: "el jueves o el viernes", "el 25 o el 26". */
const EITHER_DAY = /^\s*,?\s*(?:o|u|o si no|o bien)\s+(?:el\s+|la\s+)?$/;

/** After "cualquiera", what makes it any site: "que esté cerca", "del norte", "de esas sedes". */
const ANY_SITE_AFTER =
  /^\s*(?:(?:que|q) (?:este|quede|queden|esten|sea|sean) (?:mas )?(?:cerca|cerquita|cercana|por|en|al|del)|(?:del|de la|en el|en la|por el|por la|al) (?:norte|sur|centro|occidente|oriente)|(?:de )?(?:esas |las |estas )?(?:sedes?|uss|clinicas?|lados?|partes?|sitios?|lugares?)\b)/;

/** An hour read, in minutes from midnight. */
const minutesOf = (components: { get(component: 'hour' | 'minute'): number | null }): number => (components.get('hour') ?? 0) * 60 + (components.get('minute') ?? 0);

/** After a day, the end of a span: "(de lunes) a miércoles", "(del 23) al 27", "(desde el martes) hasta el viernes". */
const SPAN_END_AFTER = /^\s+(?:a|al|hasta(?:\s+el)?)\s+(?:el\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d{1,2})\b/;

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;
/** Days ahead a named day may be: about a year. */
const MAX_DAYS_AHEAD = 366;
/** Any trace of a day, a time or a band: without one, chrono is not even asked. */
const TRIGGER =
  /\d|hoy|manan|tard|lunes|martes|mi[e]?rc|mier?\b|jue[vb]|vier|bier|sabado|savado|\bsab\b|\blun\b|domingo|semana|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|tempran|\b[ap]\.? ?m\b|cualquier|igual|mismo|importa|almuerz|medio ?dia|la que|lo que (?:sea|haya|haiga|aiga|halla)|primer|preferencia|indiferente|hora|matutin|vespertin|jornada|todo el dia|muestre|una\b/;

const linaChrono = buildChrono();

/**
 * A band given as a reason ("porque en la mañana trabajo", in chat shorthand "q en la tarde
 * trabajo", "xq en la mañana no puedo"), not as a wish.
 */
const REASON_BEFORE = /(?:^|[^a-z])(?:porque|por\s+que|que|q|k|xq|pq|porq|pues|ya\s+(?:que|q)|como)\s+(?:(?:en|por|x)\s+)?(?:la|las)?\s*$/;
/** A reason opened earlier in the same clause: "en la tarde porque trabajo en la mañana" ("xq", "pq" in chat shorthand). */
const IN_REASON_CLAUSE = /\b(porque|por que|xq|pq|porq|ya que|ya q|pues|es que|es q|como)\b/;

/** A time in someone's day, told as a reason: "salgo del trabajo a la 1", "Mateo está en el colegio hasta las 12". */
const SCHEDULE_TOLD =
  /\b(salgo|sale|salimos|salen|entro|entra|entramos|entran|termino|termina|trabajo|estudia|estudio|colegio|jardin|escuela|clase|clases|almuerzo|almuerza|reunion|junta|(?:los|las|la|lo) (?:recojo|recoge|recogemos))\b(?!.*\bcita\b)/;

/** The same, told after the hour: "a las 2 tengo reunión", "a las 12 entro a trabajar", "a las 12:30 sale", "a las 3 es que la recojo". */
const SCHEDULE_AFTER =
  /^\s*(?:(?:es\s+que|porque|pues)\s+)?(?:(?:yo|el|ella|mateo|sofi|sofia|(?:el|la|mi)\s+(?:nino|nina|nene|nena|hijo|hija|chiquito|chiquita|bebe|peque|grande))\s+)?(?:(?:la|lo)\s+(?:recojo|recoge|recogemos|llevo|lleva)\b|(?:todavia|aun)\s+(?:estoy|esta|sigo|sigue)\b|(?:estoy|esta|sigo|sigue)\s+en\s+(?:la\s+oficina|el\s+trabajo|clase|el\s+colegio)\b|(?:tengo|tiene|tenemos|tienen)\s+(?:una\s+|un\s+)?(?:reunion|junta|cita|clase|clases|trabajo|turno|colegio|examen|que)|entro|entra|entramos|entran|salgo|sale|salimos|salen|termino|termina|me\s+toca|le\s+toca|nos\s+toca|recojo|recoge|estoy\s+trabajando)\b/;

/** Someone's cita told with its hour, not asked for: "la de Sofi es a las 3", "la cita de la niña quedó para las 10". */
const SOMEONES_CITA_BEFORE =
  /\b(?:la|el)\s+(?:cita\s+|consulta\s+|control\s+)?(?:de|d|del)\s+(?:la\s+|el\s+|mi\s+)?[a-z]+\s+(?:es|era|queda|quedo|esta|sigue)\s+(?:(?:a|para|pa)\s+)?(?:las?\s+)?$/;
/** A slot told to be someone's already: "la de las 3 ya es de Sofi", "la de las 9 ya la tiene Mateo". */
const HELD_AFTER = /^\s*ya\s+(?:es|era|quedo|esta)\s+(?:de|d|del|para|pa)\b|^\s*ya\s+(?:la|lo)\s+(?:tiene|tengo|cogio|tomo|saque|sacamos)\b/;

/** Words that open what the member asks after a reason: "trabajo hasta las 2, entonces tipo 3", "salgo a las 4 así que a las 5". */
const WISH_OPENER = /\b(?:entonces|asi que|por eso|pero|mejor)\b/g;
/** A loose band with a meal in it ("despuesito del almuerzo"), which tells no schedule. */
const MEAL_BAND = /\b(?:despues|despuesito|luego|antes)\s+(?:del?\s+almuerzo|de\s+almorzar)\b/g;
/**
 * A task the member must do first (or before which they must be free), with its time: "después de recoger a la niña del
 * jardín a las 12" (the slots after 12), "antes de entrar a trabajar a las 9" (the slots before 9).
 */
const BOUNDING_TASK = /(?:^|[^a-z])(despues|antes)\s+de\s+(?!las?\b|la\s+una\b)[a-z]+(?:ar|er|ir)(?:l[oa]s?|le|les|me|nos)?\b/;

/**
 * How the clause before a time tells it: `schedule` when it is a time in someone's day told as a reason ("salgo del trabajo a
 * la 1"), `after` or `before` when it ends a task before which, or after which, the member is free; `undefined` when the
 * time is the one asked for. A reason closed by "entonces", "así que"… ("trabajo hasta las 2 entonces tipo 3") is over.
 */
function toldBefore(text: string, at: number): 'schedule' | 'after' | 'before' | undefined {
  const clause = clauseBefore(text, at, []);
  const wish = clause.slice(Math.max(0, ...[...clause.matchAll(WISH_OPENER)].map((opener) => (opener.index ?? 0) + opener[0].length)));
  const task = BOUNDING_TASK.exec(wish);
  if (task) return task[1] === 'despues' ? 'after' : 'before';
  return SCHEDULE_TOLD.test(wish.replace(MEAL_BAND, ' ')) ? 'schedule' : undefined;
}

/**
 * What follows a day ruled out: "no", "tampoco", "no puedo", or the next days joined to it ("el
 * martes y el miércoles no puedo"), or a day the child or the member is busy ("y mañana Mateo
 * tiene colegio todo el día").
 */
const REFUSED_DAY_AFTER = new RegExp(
  String.raw`^\s*(?:(?:y|ni|o|e)\s+(?:el\s+|la\s+del?\s+)?(?:lunes|martes|miercoles|jueves|viernes|sabado|hoy|manana|\d{1,2})\s+)*` +
    String.raw`(?:no\b(?!\s+(?:hay|tiene|habra|tendra|tienen|tengo\s+problema|hay\s+problema|programad[ao]s?|agendad[ao]s?)\b)|tampoco\b|ni\b|(?:(?:yo|el|ella|mateo|sofi|sofia|la\s+nina|el\s+nino)\s+)?(?:tengo|tiene|tenemos|tienen)\s+(?:colegio|jardin|clase|clases|trabajo|turno|(?:el|un|una|la)\s+(?:cumpleanos|matrimonio|grado|reunion|viaje|examen|entrevista|turno|compromiso))\b|estoy\s+(?:de\s+viaje|trabajando|ocupad[ao]))`,
);

/** After a day, the member or the child busy then: "tengo turno", "Mateo tiene colegio", "estoy de viaje". */
const BUSY_DAY_AFTER =
  /^\s*(?:(?:yo|el|ella|mateo|sofi|sofia|la\s+nina|el\s+nino)\s+)?(?:(?:tengo|tiene|tenemos|tienen)\s+(?:colegio|jardin|clase|clases|trabajo|turno|reunion|junta|examen)\b|(?:estoy|esta|estamos)\s+(?:de\s+viaje|trabajando|ocupad[ao]s?)\b|trabajo\b)/;

/** Before a day ruled out: "no me sirve el lunes", "no puedo hoy", "el lunes no me queda", "ni jueves ni viernes". */
const REFUSED_DAY_BEFORE = /\bno\s+(?:me\s+|nos\s+)?(?:sirve|queda|puedo|podemos|alcanzo|funciona)\s+(?:(?:el|para\s+el|pa(?:l)?|para)\s+)?$|(?:^|[\s,])ni\s+(?:el\s+)?$/;

/**
 * Before a day left out of a request, and the days joined to it: "cualquiera menos el lunes y el martes", "excepto el viernes",
 * "todos menos el jueves", "salvo hoy".
 */
const LEFT_OUT_BEFORE =
  /(?<!\b(?:al|lo)\s)\b(?:menos|excepto|salvo|exceptuando|fuera\s+de|sin\s+contar)\s+(?:(?:el|los|la\s+del?)\s+)?(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|hoy|manana|pasado\s+manana|\d{1,2})\s*(?:,|y|e|ni|o)\s*(?:(?:el|la\s+del?)\s+)?)*$/;

/** Before a day ruled out, a bare "no" or a wish it not be ("no hoy ni mañana", "q no sea el viernes", "que no sea para el lunes"). */
/** (A bare "no" opens its clause: in "para el martes no para el jueves" it takes back the day before it.) */
const NOT_THAT_DAY_BEFORE =
  /(?:(?:^|[,;.!]|\b(?:pero|y|porfa|(?<!\bpor\s)(?:que|q|k)))\s*no\s+(?:(?:el|para\s+el|pa(?:l)?|para)\s+)?|\bno\s+(?:sea|sean|fuera|puede\s+ser|me\s+(?:ponga|de|den|agende))\s+(?:(?:el|para\s+el|pa(?:l)?|para)\s+)?)$/;

/** After a day with "no", words that correct the day said rather than rule it out: "para el jueves no perdón, para el viernes". */
const CORRECTED_AFTER = /^\s*,?\s*no\s*,?\s*(?:perdon|mentiras?|digo|mejor|espere|espera|que\s+pena|me\s+equivoque|error)\b/;

/** After a day with "no", words that look for it rather than rule it out: "¿el 7 no aparece?", "el viernes no sale". */
/** ("¿Y el doce de diciembre no??" asks for it; "hoy no trabajo" is free that day; "no es el día que quería, pero sirve" takes it.) */
const NOT_RULING_AFTER =
  /^\s*no\s+(?:me\s+|le\s+)?(?:aparece|aparecen|sale|salen|esta|estan|figura|muestra)\b|^\s*no\s*\?|^\s*no\s+(?:trabajo|trabajamos|estudio|tengo\s+(?:turno|trabajo|clase|clases)|tiene\s+(?:colegio|clase|clases|jardin))\b|^\W*no\s+es\s+el\s+dia\s+que\s+(?:queria|pedi|esperaba|buscaba)\b/;

/** Weekdays in the plural, joined: "los lunes", "los martes y jueves", "los lunes, martes ni miercoles". */
const WEEKDAYS_LIST = String.raw`(?:lunes|martes|miercoles|jueves|viernes)(?:\s*(?:,|y|e|ni|o)\s*(?:los\s+)?(?:lunes|martes|miercoles|jueves|viernes))*`;
/** Weekdays ruled out every week: "menos los lunes", "excepto los martes y jueves", "los martes y jueves no puedo", "los lunes trabajo". */
const WEEKDAYS_RULED_OUT = new RegExp(
  String.raw`\b(?:(?:menos|excepto|salvo|exceptuando|fuera\s+de|sin\s+contar)\s+(?:todos\s+)?los\s+(${WEEKDAYS_LIST})|(?:los|todos\s+los)\s+(${WEEKDAYS_LIST})\s+(?:no\b(?!\s+(?:hay|tiene|habra|tienen|atienden|abren|trabajo|trabajamos|estudio|tengo\s+(?:turno|trabajo|clase|clases)|tengo\s+problema)\b)|tampoco\b|(?:yo\s+)?(?:trabajo|estudio|tengo\s+(?:turno|trabajo|clase|clases)|no\s+puedo)\b))`,
  'g',
);
/** Days ahead that weekdays ruled out every week cover: beyond the agenda's window. */
const WEEKS_RULED_OUT_DAYS = 21;

/** The days, today and the next three weeks, of the weekdays the member rules out every week. */
function weekdaysRuledOut(normalized: string, today: CivilDay): string[] {
  const weekdays = new Set<number>();
  for (const found of normalized.matchAll(WEEKDAYS_RULED_OUT))
    for (const name of (found[1] ?? found[2] ?? '').match(/lunes|martes|miercoles|jueves|viernes/g) ?? []) {
      const weekday = WEEKDAYS.get(name);
      if (weekday !== undefined) weekdays.add(weekday);
    }
  return daysOfWeekdays(weekdays, today);
}

/** The days, today and the next three weeks, of the weekdays given. */
function daysOfWeekdays(weekdays: ReadonlySet<number>, today: CivilDay): string[] {
  if (weekdays.size === 0) return [];
  return Array.from({ length: WEEKS_RULED_OUT_DAYS }, (_, ahead) => addDays(today, ahead))
    .filter((day) => weekdays.has(day.weekday))
    .map((day) => `${day.year}-${pad(day.month)}-${pad(day.day)}`);
}

/** Nothing but an article or a filler before the first band: the message opens with it. */
const OPENS_WITH_BAND = /^[^a-z0-9]*(?:(?:pues|bueno|ok|listo|mejor|ps|eh|ay)[\s,]+)*(?:(?:en|por|x|de|a)\s+)?(?:la\s+)?$/;
/** Words that take back the band said before: "en la mañana, mejor en la tarde", "en la tarde… digo, en la mañana". */
const CORRECTING = /\b(mejor|digo|perdon|mentiras|mas bien|o sea|espere|aunque|pensandolo|cambio|o)\b/;

/** A day that opens the reason itself ("porque el lunes en la mañana trabajo") opens no new clause. */
const REASON_OPENS_BEFORE = /\b(?:porque|por que|xq|pq|porq|ya que|ya q|pues|es que|es q|como)\s+(?:el\s+|los\s+)?$/;

/**
 * The text of the clause a position is in, up to that position. A day named opens a new one:
 * in "porque el médico le dijo en Suba el jueves por la tarde" (a comma lost with the site's
 * words) the reason ends before "el jueves".
 */
function clauseBefore(text: string, at: number, days: readonly number[]): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf(';'), ...days.filter((day) => day < at).map((day) => day - 1));
  return before.slice(start + 1);
}

/** Indifference that is no band of its own: "no importa", "me da igual". */
const INDIFFERENCE = /^(?:no\s+(?:me\s+)?importa|(?:me\s+)?(?:da|es)\s+(?:igual|lo\s+mismo))\b/;

/** A band the member settles on after another: "en la mañana… ay, mejor en la tarde", "…bueno sí, busque en la tarde". */
const PREFERRED_BEFORE =
  /(?:^|[^a-z])(?:mejor|mas\s+bien|prefiero|preferiblemente|mentiras|perdon|mejor dicho|digo|busque|busqueme|buscame|busquela|busquemela|pongala|pongamela|demela)[\s,.]+(?:(?:en|por|a|para)\s+)?(?:la|las)?\s*$/;

/**
 * The band of the bands a message names: "cualquiera" for indifference or both; a band given as
 * a reason gives way to the other ("en la tarde, porque en la mañana trabajo"), and a band
 * preferred after another wins ("en la mañana… mejor en la tarde").
 */
function bandOf(bands: ReadonlyArray<{ band: Band; at: number }>, text: string, days: readonly number[]): Band | undefined {
  if (bands.length === 0) return undefined;
  // ("Sí, busque en la tarde, no importa, pido permiso": indifference said after one band is to the trouble it costs, not to the
  // band.)
  const specific = bands.filter((hit) => hit.band !== 'cualquiera');
  const [firstSpecific] = specific;
  if (
    firstSpecific &&
    specific.every((hit) => hit.band === firstSpecific.band) &&
    bands.every((hit) => hit.band !== 'cualquiera' || (hit.at > firstSpecific.at && INDIFFERENCE.test(text.slice(hit.at))))
  )
    return firstSpecific.band;
  if (bands.some((hit) => hit.band === 'cualquiera')) return 'cualquiera';
  const kinds = new Set(bands.map((hit) => hit.band));
  if (kinds.size === 1) return bands[0]?.band;
  const preferred = bands.filter((hit) => PREFERRED_BEFORE.test(text.slice(Math.max(0, hit.at - 30), hit.at)));
  if (preferred.length > 0) return preferred.at(-1)?.band;
  // "En la tarde; Sofía estudia en la mañana", "en la mañana, en la tarde no tengo quien me cuide a los niños": the band
  // the message opens with is the answer, and a later clause that names the other one tells why (unless it corrects it).
  const [first] = bands;
  if (first && OPENS_WITH_BAND.test(text.slice(0, first.at))) {
    const toldWhy = bands.every((hit) => hit.band === first.band || (/[,;:.]/.test(text.slice(first.at, hit.at)) && !CORRECTING.test(text.slice(first.at, hit.at))));
    if (toldWhy) return first.band;
  }
  const wished = new Set(
    bands
      // ("Es que necesito… en la tarde": "es que" opening the message is how it starts, no reason.)
      .filter(
        (hit) => !REASON_BEFORE.test(text.slice(Math.max(0, hit.at - 30), hit.at)) && !IN_REASON_CLAUSE.test(clauseBefore(text, hit.at, days).replace(/^\W*es (?:que|q)\b/, '')),
      )
      .map((hit) => hit.band),
  );
  if (wished.size === 1) return [...wished][0];
  return 'cualquiera';
}

/** A day and a month (and a year) joined by dashes, not inside a longer run of digits and dashes (a document, a phone). */
/** (Not hours: "a las 10-12", "entre 2-4", "de 2-4".) */
const DASHED_DATE = /(?<![\d-]|\b(?:las?|entre|de|tipo) )([0-3]?\d)-([01]?\d)(?:-(\d{4}|\d{2}))?(?![\d-])/g;

/** "Feliz lunes", "feliz fin de semana": a wish, no day to book. */
const HAPPY_DAY = /\bfeliz (lunes|martes|miercoles|jueves|viernes|sabado|domingo|dia|tarde|noche|fin de semana|semana)\b|\bhoy (en|por) (dia|hoy)\b/g;

/** Another week said: "la otra semana", "la próxima semana", "la semana que viene". */
const ANOTHER_WEEK_SAID = /\b(otra|proxima|siguiente) semana\b|\bsemana (que viene|entrante|proxima|siguiente)\b/;

/** Words that put the day after them in the past: "desde el sábado", "hace un lunes". */
const SINCE_BEFORE = /\b(desde|hace)(\s+(el|la|los|las|este|esta|un|una))?\s*$/;

/** A result's day as YYYY-MM-DD, when it is a real one. */
function dayOf(start: { get(component: 'year' | 'month' | 'day'): number | null }): string | undefined {
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  return year !== null && month !== null && day !== null && isRealDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** The parts of a YYYY-MM-DD day, as `daysBetween` takes them. */
function dayParts(day: string): { year: number; month: number; day: number; weekday: number } {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  return { year, month, day: date, weekday: 0 };
}

/** `mananaIsBand`: the question just asked was the time band, so a bare "mañana" is the morning band, not tomorrow. */
/**
 * `daysShown`: the question lists days to pick from, where two days said as alternatives ("¿el 25 o el 26, cuál tiene en la
 * tarde?") pick neither.
 */
export function readWhen(text: string, now: Date, options?: { mananaIsBand?: boolean; timesShown?: boolean; busyRulesOut?: boolean; daysShown?: boolean }): When {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH || !(now instanceof Date) || Number.isNaN(now.getTime())) return {};
  // "El 2-12", "03-12-2026": a day and month with dashes, as with slashes (chrono reads only "2/12").
  // "Feliz lunes", "feliz día": a wish, no day. ("Con tanto robo que hay hoy en día": these days, no day either.)
  const normalized = digitsFromWords(normalizeText(text).replace(HAPPY_DAY, ' '))
    .replace(DASHED_DATE, (_, day: string, month: string, year?: string) => `${day}/${month}${year ? `/${year}` : ''}`)
    .replace(DOTTED_TIME, '$1:$2')
    // ("Una cita pal 27": "para el", run together.)
    .replace(/\bpal (?=\d)/g, 'para el ');
  if (normalized.length === 0 || !TRIGGER.test(normalized)) return {};
  const option: LinaParsingOption = { mananaIsBand: options?.mananaIsBand === true, timesShown: options?.timesShown === true, busyRulesOut: options?.busyRulesOut === true };
  const results = linaChrono.parse(normalized, { instant: now, timezone: BOGOTA_OFFSET_MINUTES }, option);

  const todayInBogota = bogotaDay(now);
  const when: When = {};
  const bands: Array<{ band: Band; at: number }> = [];
  const ruledOut = new Set<'manana' | 'tarde'>();
  const days: number[] = [];
  const ruledOutDays: string[] = [];
  // ("Son de lunes a miércoles y necesito el jueves": the days of a span said of what is shown give way to a day asked after them.)
  const inSpan = (result: (typeof results)[number]): boolean => {
    const before = normalized.slice(Math.max(0, result.index - 40), result.index);
    return (
      (/\b(?:de|desde)\s+$/.test(before) && SPAN_END_AFTER.test(normalized.slice(result.index + result.text.length))) ||
      /\b(?:de|desde)\s+(?:el\s+)?[a-z0-9]+\s+(?:a|al|hasta(?:\s+el)?)\s+$/.test(before)
    );
  };
  for (const result of results) {
    const start = result.start;
    // "Tiene tos desde el sábado": a day in the past the member tells of, not one to book.
    const since = SINCE_BEFORE.test(normalized.slice(0, result.index)) || /^(desde|hace)\b/.test(result.text);
    if (!since && (start.isCertain('day') || start.isCertain('weekday')) && !REASON_OPENS_BEFORE.test(normalized.slice(Math.max(0, result.index - 20), result.index)))
      days.push(result.index);
    // "El martes no, que trabajo doble; el miércoles", "hoy y mañana tiene colegio todo el día, la del miércoles": a day
    // ruled out gives way to one named after it.
    // ("Cualquiera menos el lunes", "excepto el martes": a day left out is no day asked for.)
    const isDay = !since && (start.isCertain('day') || start.isCertain('weekday'));
    const leftOut = LEFT_OUT_BEFORE.test(normalized.slice(Math.max(0, result.index - 60), result.index));
    const textAfter = normalized.slice(result.index + result.text.length);
    // ("Para el jueves no perdón, para el viernes": a day corrected, not ruled out; the one after it is asked for.)
    const corrected = CORRECTED_AFTER.test(textAfter);
    const notThatDay = NOT_THAT_DAY_BEFORE.test(normalized.slice(Math.max(0, result.index - 30), result.index));
    const refused = REFUSED_DAY_AFTER.test(textAfter) || REFUSED_DAY_BEFORE.test(normalized.slice(Math.max(0, result.index - 30), result.index)) || notThatDay;
    // "Ese viernes tengo turno", "el martes estoy de viaje": a day the member is busy, with no other day named, is no day asked for.
    const busyDay = BUSY_DAY_AFTER.test(textAfter);
    // A day left out, refused or busy is ruled out of the search, and never the day asked for.
    // ("El 7 no aparece": a day looked for, not refused.)
    const ruling = !corrected && !NOT_RULING_AFTER.test(textAfter);
    const dayRuledOut = isDay && ruling && (leftOut || refused || busyDay) ? dayOf(start) : undefined;
    if (dayRuledOut !== undefined && daysBetween(todayInBogota, dayParts(dayRuledOut)) >= 0 && daysBetween(todayInBogota, dayParts(dayRuledOut)) <= MAX_DAYS_AHEAD) {
      if (!ruledOutDays.includes(dayRuledOut)) ruledOutDays.push(dayRuledOut);
      // ("Cualquier día menos el lunes porque trabajo", said on a Monday: the member means Mondays, today's and every one
      // after it, as "menos los lunes".)
      const weekdayNamed = /\b(?:lunes|martes|miercoles|jueves|viernes|sabado)\b/.test(result.text) && !/\d/.test(result.text);
      if (weekdayNamed && start.get('weekday') === todayInBogota.weekday)
        for (const day of daysOfWeekdays(new Set([todayInBogota.weekday]), todayInBogota)) if (!ruledOutDays.includes(day)) ruledOutDays.push(day);
      if (leftOut) continue;
    } else if (leftOut) continue;
    const laterDay =
      (refused || busyDay || inSpan(result)) &&
      results.some((other) => other.index > result.index && (other.start.isCertain('day') || other.start.isCertain('weekday')) && !other.start.isCertain('hour') && !inSpan(other));
    if (
      when.day === undefined &&
      !since &&
      !laterDay &&
      !busyDay &&
      !(dayRuledOut !== undefined && (leftOut || notThatDay)) &&
      (start.isCertain('day') || start.isCertain('weekday'))
    ) {
      const year = start.get('year');
      const month = start.get('month');
      const day = start.get('day');
      if (year !== null && month !== null && day !== null && isRealDay(year, month, day)) {
        const ahead = daysBetween(todayInBogota, { year, month, day, weekday: 0 });
        if (ahead >= 0 && ahead <= MAX_DAYS_AHEAD) {
          when.day = `${year}-${pad(month)}-${pad(day)}`;
          // Named by its weekday, not computed ("en 2 días" knows its weekday too).
          const weekday = start.isCertain('weekday') && !result.tags().has('result/relativeDate') ? start.get('weekday') : null;
          if (weekday !== null) when.weekday = weekday;
        }
      }
    }
    const toldAfter = SCHEDULE_AFTER.test(normalized.slice(result.index + result.text.length)) || HELD_AFTER.test(normalized.slice(result.index + result.text.length));
    const told = SOMEONES_CITA_BEFORE.test(normalized.slice(Math.max(0, result.index - 60), result.index)) ? 'schedule' : toldBefore(normalized, result.index);
    // ("¿Solo hay 2 en la mañana?": how many slots, not two o'clock.)
    const counted = /^\d{1,2}\s+(?:en|por)\s+la\b/.test(result.text) && COUNTED_BEFORE.test(normalized.slice(0, result.index));
    const notTheTime =
      counted ||
      (start.isCertain('hour') &&
        REFUSED_TIME_AFTER.test(textAfter) &&
        // (Another hour: "la de las 3 no puedo porque salgo a las 3, la siguiente" refuses the one at 3.)
        results.some((other) => other.index > result.index && other.start.isCertain('hour') && minutesOf(other.start) !== minutesOf(start)));
    if (when.time === undefined && start.isCertain('hour') && !toldAfter && told !== 'schedule' && !notTheTime) {
      const hour = start.get('hour');
      const minute = start.get('minute') ?? 0;
      if (hour !== null && hour >= 0 && hour <= 23) {
        when.time = `${pad(hour)}:${pad(minute)}`;
        if (told !== undefined) when.bound = told;
      }
    }
    const tags = result.tags();
    // ("Sí, cualquiera que esté cerca", "cualquiera del norte": any site, not any band.)
    const anySite = ANY_SITE_AFTER.test(textAfter);
    // ("Tiene vómito desde la tarde": when it began, told; no band asked.)
    const sinceThen = since && (tags.has(BAND_TAG.manana) || tags.has(BAND_TAG.tarde)) && !start.isCertain('hour');
    for (const band of ['manana', 'tarde', 'cualquiera'] as const)
      if (tags.has(BAND_TAG[band]) && !(band === 'cualquiera' && anySite) && !sinceThen) bands.push({ band, at: result.index });
    for (const band of ['manana', 'tarde'] as const) if (tags.has(NOT_BAND_TAG[band])) ruledOut.add(band);
  }
  // "¿El jueves o el viernes, cuál tiene en la tarde?" where days are shown: either of them, neither picked.
  const dayResults = results.filter((result) => result.start.isCertain('day') || result.start.isCertain('weekday'));
  if (
    options?.daysShown === true &&
    when.day !== undefined &&
    dayResults.some((result, at) => {
      const next = dayResults[at + 1];
      return next !== undefined && EITHER_DAY.test(normalized.slice(result.index + result.text.length, next.index));
    })
  ) {
    delete when.day;
    delete when.weekday;
  }
  // "La otra semana, el miércoles", "la próxima semana el viernes": the weekday of next week (the week's Monday is no day asked).
  const weekAsked = results.some((result) => ANOTHER_WEEK_SAID.test(result.text) && !result.start.isCertain('weekday'));
  // ("…para la otra semana, porque ese viernes tiene izada de bandera", "mover la del miércoles para la otra semana": the day
  // spoken of, or the cita's, not one of next week.)
  const weekdayAsked = results
    .find((result) => result.start.isCertain('weekday') && !ANOTHER_WEEK_SAID.test(result.text) && !/\b(?:ese|este|esa|esta|del)\s+$/.test(normalized.slice(0, result.index)))
    ?.start.get('weekday');
  if (weekAsked && weekdayAsked !== null && weekdayAsked !== undefined) {
    const monday = addDays(todayInBogota, 7 - ((todayInBogota.weekday + 6) % 7));
    const day = addDays(monday, (weekdayAsked + 6) % 7);
    when.day = `${day.year}-${pad(day.month)}-${pad(day.day)}`;
    when.weekday = weekdayAsked;
  }
  // "En la mañana no puedo": the other band, when no band is asked for.
  // (At an offer, "no, en la tarde no puedo" turns the offer down: the band ruled out is said, no other is asked for.)
  if (bands.length === 0 && ruledOut.size === 1 && option.busyRulesOut !== true) bands.push({ band: ruledOut.has('manana') ? 'tarde' : 'manana', at: 0 });
  const band = bandOf(bands, normalized, days);
  if (band) when.band = band;
  const [ruled] = ruledOut;
  if (ruledOut.size === 1 && ruled !== undefined && band !== ruled) when.ruledOutBand = ruled;
  // (A refused day read as the day, "el viernes no puedo", is kept in both: the caller knows whether a cita's day is named.)
  if (ruledOutDays.length > 0) when.ruledOutDays = ruledOutDays;
  const everyWeek = weekdaysRuledOut(normalized, todayInBogota);
  if (everyWeek.length > 0) when.ruledOutWeekdays = everyWeek;
  return when;
}
