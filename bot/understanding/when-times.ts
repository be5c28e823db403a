/**
 * chrono-node parsers for times and time bands (see `when.ts`): "a las 3" in clinic hours, "3 de
 * la tarde", "2 y media", "al mediodía", "entre las 2 y las 4", "en la mañana", "temprano",
 * "me da igual la hora"; and a band ruled out ("en la mañana no puedo").
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import {
  BAND_TAG,
  MORNING_ARTICLE,
  NOT_BAND_TAG,
  WEEKDAY,
  WEEKDAYS,
  WholeWordParser,
  addDays,
  after,
  bareMananaIsBand,
  before,
  nextWeekday,
  today,
  weekdayDisagrees,
  type Band,
  type LinaParsingOption,
} from './when-context.js';

const MERIDIEM = String.raw`(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?|m\.?)(?![a-z])|\s+(?:de|en|por)\s+la\s+(manana|tarde|noche|madrugada)|\s+del\s+(medio\s?dia))`;
const TIME_PREFIX = String.raw`(de\s+la|a\s+eso\s+de(?:\s+las?)?|eso\s+de\s+las?|(?:como|tipo|sobre|hacia|desde|hasta|antes\s+de|despues\s+de|a\s+partir\s+de|pasadas|por\s+ahi|mas\s+o\s+menos)\s+(?:a\s+)?las?|a\s+las?|las|tipo|como\s+a)`;
/** Nouns after which "las 2" counts things, not hours: "las 2 opciones". */
const COUNTED_AFTER = /^\s+(?:opcion|opciones|citas?|cosas|primeras?|ultimas?|anteriores|veces|personas|hijos|ninos|fechas|dias)(?![a-z])/;
/** "cualquiera de las 2", "entre las 2": counting, not an hour ("la de las 2" is the one at two). */
const COUNTING_BEFORE = /(?:^|[^a-z])(?:(?:cualquiera|ninguna|ninguno|alguna|alguno|cual|cuales|una|otra|ambas|todas|varias)\s+de|entre|ambas|todas)\s+$/;
/** "Cancelar las dos", "las tengo las dos", "las dos el mismo día", "¿ya quedaron (canceladas) las dos?": both of them, not two o'clock. */
const BOTH_BEFORE =
  /(?:^|[^a-z])(?:cancelar|cancele|cancelen|cancelarlas|mover|muevan?|moverlas|pasar|pasarlas|agendar|agende|agenden|pedir|sacar|tengo|tiene|tenemos|son|que|ver|quiero|necesito|serian|seria|quedaron|quedaran|estan|canceladas|cancelados|movidas|movidos|agendadas|agendados|listas|listos|siguen|quedan|muestra|muestras|muestre|ensena|ensene)\s+$|^\s*$/;
const BOTH_AFTER = /^\s*(?:$|[,.;!?]|porque|pues|por\s+favor|porfa|que\s+(?!sea|es\b))/;
/** "Las dos el mismo día", "las dos juntas", "las dos me quedan cerca": both, whatever comes before. */
const BOTH_SURELY_AFTER =
  /^\s*(?:el\s+mismo|la\s+misma|en\s+el\s+mismo|juntas|juntos|al\s+tiempo|a\s+la\s+vez|seguidas|estamos|somos|son|quedan|(?:me|nos|le)\s+(?:quedan|sirven|gustan|parecen|convienen)|fueron|tenemos|necesitamos|vamos|queremos|estan|tienen|necesitan|con\s+(?:medicina|pediatria|gripa|fiebre|tos|el\s+mismo|la\s+misma)|como\s+(?:quedaron|quedan|estan|van)|de\s+(?:los|las|mis|sus)\s+(?:ninos|ninas|hijos|hijas|nietos|pelaos|chinos)|(?:pa|para|pal)\s+el\s+(?:mismo|lunes|martes|miercoles|jueves|viernes|sabado))(?![a-z])/;
/** "Las dos de control", "las dos por primera vez": both, of that kind ("la de las 3 de pediatría" is the one at three). */
const BOTH_OF_A_KIND_AFTER = /^\s*(?:de|por|para|pa)\s+(?:control|primera\s+vez|pediatria|medicina|no\s+programada)(?![a-z])/;

const TIME_LEAD_IN = new RegExp(`(?<![a-z0-9])${TIME_PREFIX}\\s+$`);
/** Before a number, words that make it a day of the month: "el 4", "el lunes 7", "para el 1". */
const DAY_OF_MONTH_BEFORE = new RegExp(`(?<![a-z0-9])(?:el|${WEEKDAY})\\s+$`);
/** After an hour, the weekday or day whose slot it is: "(9) del martes", "(3) de este jueves", "(10) de mañana". */
const DAY_AFTER_HOUR = new RegExp(`^\\s+(?:(?:del?|de este)\\s+${WEEKDAY}|de\\s+(hoy|manana))(?![a-z0-9])`);
/** Before an hour, today or tomorrow said alone: "mañana (9)", "hoy (2)". */
const TODAY_OR_TOMORROW_BEFORE = /(?:^|[^a-z0-9])(hoy|manana|pasado manana)\s+$/;
/** A weekday right before a number: "martes 9". */
const WEEKDAY_BEFORE = new RegExp(`(?<![a-z0-9])${WEEKDAY}\\s+$`);

/**
 * "a las 3", "las 9", "a la una", "3 de la tarde", "10 am", "2 y media", "a eso de las 2",
 * "2:40 pm", "tipo 10", "a las 3 menos cuarto". A bare number is no time: it needs a lead-in,
 * minutes after a colon, "y media"…, or am/pm/"de la tarde". Clinic hours decide am or pm.
 */
export class TimeParser extends WholeWordParser {
  protected readonly regex = new RegExp(
    String.raw`(\d{1,2}|una)(?!\d)` +
      // "a las 2:20", "2.20", "2h20", and after a lead-in "las 2 20" (dictated or typed in a hurry).
      String.raw`(?:\s*([:.h]|\s)\s*(\d{2})(?!\d)|\s+y\s+(media|cuarto|\d{1,2})(?!\d)(?:\s+minutos)?|\s+menos\s+(cuarto|\d{1,2})(?!\d))?` +
      `${MERIDIEM}?` +
      // "15h", "10 hrs", "a las 3 en punto"; "2 horas" alone is a length of time ("en 2 horas").
      String.raw`(?:\s*(en\s+punto|hrs?|h|horas)(?![a-z]))?`,
  );

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number, end: number): ParsingResult | null {
    if (/^[:/.-]\d/.test(after(context, end))) return null;
    // ("Pa el 26/11 en la mañana": the month of a date, never an hour.)
    if (/\d[/.-]$/.test(before(context, index))) return null;
    const [, hourText, separator, minutesText, plus, minus, shortMeridiem, bandWord, noon, hourWord] = match;
    const leadIn = TIME_LEAD_IN.exec(before(context, index));
    const prefix = leadIn?.[1];
    const start = leadIn ? index - leadIn[0].length : index;
    const hour = hourText === 'una' ? 1 : Number(hourText);
    // "a la 1", "a la una": the singular only goes with one o'clock.
    if (prefix && /(?:^|\s)la$/.test(prefix) && hour !== 1) return null;
    if (prefix === 'las' && (COUNTING_BEFORE.test(before(context, start)) || COUNTED_AFTER.test(after(context, end)))) return null;
    // (Where times are shown to pick from, "las 2" alone is the one at two.)
    const timesShown = (context.option as LinaParsingOption).timesShown === true;
    if (
      prefix === 'las' &&
      (hour === 2 || hour === 3) &&
      minutesText === undefined &&
      plus === undefined &&
      minus === undefined &&
      !shortMeridiem &&
      !bandWord &&
      // ("¿Quedaron las 3?": all three; "las 3 porfa" alone stays three o'clock.)
      ((!timesShown && BOTH_BEFORE.test(before(context, start)) && (hour === 2 || /[a-z]\s+$/.test(before(context, start))) && BOTH_AFTER.test(after(context, end))) ||
        // ("La de las 3 con el mismo doctor", "la de las 3 de pediatría": the one at three.)
        ((BOTH_SURELY_AFTER.test(after(context, end)) || BOTH_OF_A_KIND_AFTER.test(after(context, end))) && !/(?:^|\s)de\s+$/.test(before(context, start))))
    )
      return null;
    const meridiem = readMeridiem(shortMeridiem, bandWord, noon);
    if (meridiem === 'm' && hour !== 12) return null;
    // "El 4 en la mañana", "el lunes 7 en la mañana": a day of the month and its band, never four or seven o'clock.
    // ("El martes 9 en la mañana" when the 9th is no Tuesday: nine o'clock on Tuesday.)
    const weekdaySaid = WEEKDAY_BEFORE.exec(before(context, index))?.[1];
    if (
      !prefix &&
      bandWord !== undefined &&
      /\ben\s+la\s/.test(match[0]) &&
      DAY_OF_MONTH_BEFORE.test(before(context, index)) &&
      !(weekdaySaid !== undefined && weekdayDisagrees(today(context), WEEKDAYS.get(weekdaySaid) ?? -1, hour))
    )
      return null;
    let minutes = 0;
    let borrow = 0;
    if (minutesText !== undefined) {
      // ("El miércoles 10 40" where times are shown: the weekday leads in the hour.)
      const weekdayLeads = timesShown && separator === ' ' && Number(minutesText) % 5 === 0 && WEEKDAY_BEFORE.test(before(context, index));
      if (separator !== ':' && separator !== 'h' && !prefix && !weekdayLeads) return null;
      minutes = Number(minutesText);
    } else if (plus !== undefined) {
      minutes = plus === 'media' ? 30 : plus === 'cuarto' ? 15 : Number(plus);
      // "2 y 4" is two numbers; "2 y 40" is twenty to three.
      if (!prefix && /^\d/.test(plus) && (minutes < 10 || minutes % 5 !== 0)) return null;
    } else if (minus !== undefined) {
      borrow = minus === 'cuarto' ? 15 : Number(minus);
    }
    // "Martes 9" where times are shown and the 9th is no Tuesday: nine o'clock on Tuesday.
    const weekdayBefore = timesShown ? WEEKDAY_BEFORE.exec(before(context, index))?.[1] : undefined;
    const afterWeekday = weekdayBefore !== undefined && weekdayDisagrees(today(context), WEEKDAYS.get(weekdayBefore) ?? -1, hour);
    // "9 del martes", "la de 3 del martes", "mañana 9" where times are shown: the hour of that day's slot, one result with the day.
    const bare = timesShown && !prefix && minutesText === undefined && plus === undefined && minus === undefined && !meridiem && hour >= 1 && hour <= 12;
    const dayAfter = bare ? DAY_AFTER_HOUR.exec(after(context, end)) : null;
    const dayBefore = bare && !dayAfter && /^\s*(?:$|[,.!?]|y\b|porfa|por favor|pls)/.test(after(context, end)) ? TODAY_OR_TOMORROW_BEFORE.exec(before(context, index)) : null;
    const besideDay = dayAfter !== null || dayBefore !== null;
    const introduced =
      prefix !== undefined ||
      separator === ':' ||
      separator === 'h' ||
      plus !== undefined ||
      minus !== undefined ||
      meridiem !== undefined ||
      (hourWord !== undefined && hourWord !== 'horas') ||
      afterWeekday ||
      besideDay;
    if (!introduced) return null;
    const clockHour = toClockHour(hour, meridiem);
    if (clockHour === undefined || minutes > 59 || borrow > 59) return null;
    let total = clockHour * 60 + minutes - borrow;
    if (total < 0) total += 24 * 60;
    const components = context.createParsingComponents({ hour: Math.floor(total / 60), minute: total % 60 });
    const band = meridiem === 'am' ? 'manana' : meridiem === 'pm' ? 'tarde' : undefined;
    if (band) components.addTag(BAND_TAG[band]);
    // "Martes 9": one result with the weekday (chrono drops a result that is a bare number).
    if (dayAfter || dayBefore) {
      const said = dayAfter?.[1] ?? dayAfter?.[2] ?? dayBefore?.[1] ?? '';
      const weekday = WEEKDAYS.get(said);
      const day = weekday !== undefined ? nextWeekday(today(context), weekday) : addDays(today(context), said === 'hoy' ? 0 : said === 'manana' ? 1 : 2);
      if (weekday !== undefined) components.assign('weekday', weekday);
      components.assign('year', day.year).assign('month', day.month).assign('day', day.day);
      return dayAfter
        ? context.createParsingResult(start, end + dayAfter[0].length, components)
        : context.createParsingResult(index - (dayBefore?.[0].length ?? 0) + (dayBefore?.[0].search(/[a-z]/) ?? 0), end, components);
    }
    if (afterWeekday && weekdayBefore !== undefined) {
      const weekday = WEEKDAYS.get(weekdayBefore) ?? 0;
      const day = nextWeekday(today(context), weekday);
      components.assign('weekday', weekday).imply('year', day.year).imply('month', day.month).imply('day', day.day);
      return context.createParsingResult(index - (WEEKDAY_BEFORE.exec(before(context, index))?.[0].length ?? 0), end, components);
    }
    return context.createParsingResult(start, end, components);
  }
}

type Meridiem = 'am' | 'pm' | 'night' | 'noon' | 'm';

function readMeridiem(short: string | undefined, word: string | undefined, noon: string | undefined): Meridiem | undefined {
  if (short) return short.startsWith('a') ? 'am' : short.startsWith('p') ? 'pm' : 'm';
  if (word === 'manana' || word === 'madrugada') return 'am';
  if (word === 'tarde') return 'pm';
  if (word === 'noche') return 'night';
  if (noon) return 'noon';
  return undefined;
}

/** 24-hour hour of what a member said, clinic hours (07:00-17:00) deciding when nothing else does. */
function toClockHour(hour: number, meridiem: Meridiem | undefined): number | undefined {
  if (hour < 0 || hour > 23) return undefined;
  switch (meridiem) {
    case 'am':
      return hour <= 12 ? hour : undefined;
    case 'pm':
    case 'night':
      return hour < 12 ? hour + 12 : hour;
    case 'noon':
    case 'm':
      return hour === 12 ? 12 : hour < 7 ? hour + 12 : undefined;
    default:
      if (hour === 0) return undefined;
      return hour <= 6 ? hour + 12 : hour;
  }
}

/** "al mediodía": 12:00. */
export class NoonParser extends WholeWordParser {
  protected readonly regex = /(?:a|al)\s+medio\s?dia/;

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
    return context.createParsingResult(index, match[0], { hour: 12, minute: 0 });
  }
}

/** "entre las 2 y las 4", "de 8 a 10", "desde las 2 hasta las 5 pm": a band, and the slots from its first hour. */
export class TimeRangeParser extends WholeWordParser {
  protected readonly regex = new RegExp(
    String.raw`(?:entre\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?\s+y\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?|(?:de|desde)\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?\s+(?:a|hasta)\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?)(?!\d)` +
      `${MERIDIEM}?`,
  );

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number, end: number): ParsingResult | null {
    if (/^\s+(?:dias?|semanas?|meses|anos|horas|minutos|anos|personas|citas)(?![a-z])/.test(after(context, end))) return null;
    const meridiem = readMeridiem(match[5], match[6], match[7]);
    const from = toClockHour(Number(match[1] ?? match[3]), meridiem);
    const to = toClockHour(Number(match[2] ?? match[4]), meridiem);
    if (from === undefined || to === undefined) return null;
    // ("Entre 2 y 4 de la tarde": the band, and the slots from its first hour; see `TIME_BOUND`.)
    const components = context.createParsingComponents({ hour: from, minute: 0 });
    if (to <= 12 && from < 12) components.addTag(BAND_TAG.manana);
    else if (from >= 12) components.addTag(BAND_TAG.tarde);
    return context.createParsingResult(index, match[0], components);
  }
}

const BAND_PATTERNS: ReadonlyArray<readonly [Band, string]> = [
  ['manana', String.raw`(?:en|por|de|a|para|durante)\s+(?:la|las)\s+(?:mananas?|mananitas?)`],
  ['manana', String.raw`(?:horas?|horario|jornada|franja|turno)\s+(?:de\s+)?(?:la\s+)?manana`],
  ['manana', String.raw`(?:la|las)\s+(?:mananas?|mananitas?)`],
  // "Pasarla para una mañana": some morning, not tomorrow.
  ['manana', String.raw`(?:(?:en|por|para|pa)\s+)?una\s+(?:manana|mananita)`],
  ['manana', String.raw`(?:bien\s+|muy\s+|lo\s+mas\s+|mas\s+)?(?:temprano|tempranito|temprana)|(?:a\s+)?primera\s+hor(?:a|ita)|matutin[oa]`],
  ['manana', String.raw`antes\s+del?\s+(?:almuerzo|almorzar|medio\s?dia)`],
  ['manana', String.raw`a\.?\s?m\.?(?![a-z])`],
  ['manana', 'manana'],
  ['tarde', String.raw`(?:en|por|de|a|para|durante)\s+(?:la|las)\s+(?:tardes?|tarde[cs]itas?)`],
  ['tarde', String.raw`(?:horas?|horario|jornada|franja|turno)\s+(?:de\s+)?(?:la\s+)?tarde`],
  ['tarde', String.raw`(?:la|las)\s+(?:tardes|tardecitas?)|la\s+tarde`],
  ['tarde', String.raw`(?:(?:en|por|para|pa)\s+)?una\s+(?:tarde|tardecita)`],
  ['tarde', String.raw`(?:despues|despuesito|luego)\s+(?:del?\s+(?:almuerzo|medio\s?dia)|de\s+almorzar)|tarde[cs]it[ao]s?|vespertin[oa]|(?:a\s+)?ultima\s+hora`],
  ['tarde', String.raw`p\.?\s?m\.?(?![a-z])`],
  ['tarde', 'tarde'],
  // ("Tard": the last letter lost.)
  ['tarde', 'tard'],
  ['cualquiera', String.raw`(?:a\s+)?cualquier\s+(?:horarios?|horas?|jornada|franja|turno|momento)|cualquiera`],
  ['cualquiera', String.raw`(?:la|lo)\s+que\s+(?:sea|haya|haiga|aiga|halla|este\s+disponible|tengan?)|(?:a\s+)?la\s+hora\s+que\s+(?:sea|haya|tengan?)`],
  [
    'cualquiera',
    String.raw`(?:me\s+)?(?:da|es)\s+(?:igual|lo\s+mismo)|no\s+(?:me\s+)?importa|(?:sin|no\s+tengo)\s+preferencia|indiferente|(?:a\s+)?toda\s+hora|todo\s+el\s+dia|muestre(?:me)?\s+(?:todo|todas|todos)`,
  ],
];
/** Negated bands: "en la mañana no puedo", "no puedo en la tarde", "en la tarde tampoco". */
const NEGATION_BEFORE = /(?:^|[^a-z])(?:no|ni)\s+(?:(?:puedo|podria|quiero|me\s+(?:sirve|queda|funciona))\s+)?(?:(?:en|por|de|a|para)\s+)?(?:(?:la|las)\s+)?$/;
/** ("La niña entra al jardín en la tarde", "trabajo por la mañana", "tengo los niños en la mañana": that band is busy; see `busyRulesOut`.) */
const BUSY_BEFORE =
  /(?:^|[^a-z])(?:entra|entran|esta|estan|trabajo|trabaja|estudio|estudia|estudian|tiene\s+clase|tengo\s+clase|sale|salgo|salimos|tengo\s+(?:a\s+)?(?:los|las|mis)\s+(?:ninos|ninas|hijos|hijas|nietos|pelados))\s+(?:(?:al|en\s+el|en\s+la)\s+(?:jardin|colegio|escuela|clase|clases|trabajo)\s+)?(?:(?:en|por)\s+(?:la\s+)?)?$/;
const NEGATION_AFTER =
  /^\s*(?:(?:(?:el|la)\s+(?:nino|nina)|el|ella|mateo|sofia)\s+(?=no\s))?(?:(?:ya\s+)?no\s+(?:(?:lo|la|los|las|me|le)\s+(?:puedo|puede|podemos)|manejo|puedo|puede|pueden|podemos|podria|se\s+puede|soy\s+capaz|es\s+capaz|somos\s+capaces|me\s+(?:sirve|queda|funciona)|me\s+dan\s+(?:permiso|chance)|le\s+(?:sirve|queda)|salgo|sale|salimos|alcanzo|alcanza|tengo\s+(?:quien|quien\s+me)\s+(?:me\s+)?(?:lleve|acompane|cuide|traiga))|no\s*(?:[,.;!]|$)|tampoco|imposible|se\s+me\s+(?:complica|dificulta|hace\s+(?:dificil|imposible|complicado))|me\s+queda\s+(?:dificil|imposible|complicado))(?![a-z])/;
/** ("En la tarde trabajo", "en la mañana tengo colegio", "por la tarde recojo a los niños", "en la tarde la niña duerme": that band is busy; see `busyRulesOut`.) */
const BUSY_AFTER =
  /^\s*(?:(?:(?:el|la)\s+(?:nino|nina)|el|ella|mateo|sofia)\s+(?:estudia|trabaja|esta\s+estudiando|esta\s+trabajando)|trabajo|trabaja|trabajan|estoy\s+trabajando|del\s+(?:trabajo|colegio|jardin|turno)|estudio|estudia|estudian|tengo\s+(?:clase|clases|colegio|trabajo|turno|reunion|junta)|(?:(?:el|la)\s+(?:nino|nina)|el|ella)\s+(?:esta|tiene)\s+(?:en\s+el\s+)?(?:colegio|jardin|clase|clases|natacion)|recojo|estoy\s+en\s+(?:la\s+|el\s+)?(?:oficina|trabajo|universidad|clase|clases|turno)|me\s+toca\s+(?:trabajar|recoger|ir\s+por)|(?:esta|estan)\s+en\s+(?:el\s+|la\s+)?(?:colegio|jardin|escuela|clase|clases)|(?:tiene|tienen)\s+(?:colegio|jardin|clase|clases|natacion)|entra\s+al\s+(?:colegio|jardin)|(?:(?:(?:el|la)\s+(?:nino|nina|bebe)|el|ella|mateo|sofia)\s+)?(?:duerme|duermen|se\s+duerme|hace\s+(?:la\s+)?siesta|toma\s+(?:la\s+)?siesta|esta\s+dormid[oa]))(?![a-z])/;
/** "buenas tardes", "más tarde", "llego tarde": no band. */
const NOT_BAND_TARDE_BEFORE = /(?:^|[^a-z])(?:buenas?|mas|muy|llego|llegue|llegar|llegaria|hizo|hace|es|ya|hasta|tan|demasiado|poco|esta|pasado)\s+$/;
/** Before "(más) temprano", leaving or rising early: "salir más temprano", "me levanto temprano". */
const LEAVING_EARLY_BEFORE =
  /(?:^|[^a-z])(?:salir|sale|salgo|salimos|salen|salia|madrugar|madrugo|levanto|levantarme|levanta)\s+(?:del\s+(?:trabajo|turno|colegio)\s+)?(?:(?:mas|bien|muy|un\s+poco\s+mas)\s+)?$/;
/** "En la tarde pero temprano", "por la tarde tempranito": early in the afternoon, no morning asked for. */
const AFTERNOON_BEFORE = /(?:^|[^a-z])(?:tardes?|tarde[cs]itas?)[\s,]+(?:(?:pero|y|aunque|eso\s+si|ojala|si\s+se\s+puede)[\s,]+)?(?:(?:bien|muy|mas|lo\s+mas)\s+)?$/;
/** "Temprano en la tarde", "tempranito por la tarde": the same, said first. */
const AFTERNOON_AFTER = /^[\s,]+(?:(?:en|por|de)\s+)?la\s+(?:tarde|tarde[cs]ita)(?![a-z])/;
/** "me da igual el día": indifference to something else than the hour. */
/** After "lo que sea", a day it must be: "lo que sea pero hoy" (beside a band named, any day but not any band). */
const BUT_ON_A_DAY_AFTER =
  /^\s*,?\s*(?:pero|con\s+tal\s+(?:de\s+)?que\s+sea|mientras\s+sea)\s+(?:hoy|manana|pasado|esta\s+semana|este|esta|el\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|\d))(?![a-z])/;
const NOT_ABOUT_TIME_AFTER =
  /^\s+(?:el|la|los|las|de|del|de\s+los|de\s+las)\s+(?:dias?|fechas?|medicos?|medicas?|doctor|doctores|doctoras?|sedes?|lugar|especialistas?|citas)(?![a-z])|^\s*,?\s*(?:me\s+da\s+igual|no\s+importa)\s+(?:la|el)\s+(?:sede|lugar|sitio|medico|doctor|doctora)(?![a-z])/;

/** "Con cualquier médico, eso me da igual": indifference to the doctor or the site just named. */
const ABOUT_OTHER_BEFORE = /(?:^|[^a-z])(?:medic[oa]s?|doctor(?:a|es|as)?|sedes?|lugar)[\s,]*(?:(?:eso|ese|esa|la verdad|pues)[\s,]+)?(?:me\s+)?$/;

/** Time bands: "en la mañana", "temprano", "en la tarde", "pm", "después del almuerzo", "a cualquier hora", "la que sea". */
export class BandParser extends WholeWordParser {
  protected readonly regex = new RegExp(BAND_PATTERNS.map(([, pattern]) => `(${pattern})`).join('|'));

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number, end: number): ParsingResult | null {
    const which = match.findIndex((group, position) => position > 0 && group !== undefined) - 1;
    const band = BAND_PATTERNS[which]?.[0];
    if (!band) return null;
    const textBefore = before(context, index);
    const textAfter = after(context, end);
    // A band said busy is ruled out in answer to its offer; elsewhere it is only the reason for the band asked for.
    const saidBusy = band !== 'cualquiera' && (BUSY_BEFORE.test(textBefore) || BUSY_AFTER.test(textAfter));
    const busy = saidBusy && (context.option as LinaParsingOption).busyRulesOut === true;
    if (saidBusy && !busy) return null;
    if (NEGATION_BEFORE.test(textBefore) || NEGATION_AFTER.test(textAfter) || busy) {
      return band === 'cualquiera' ? null : context.createParsingResult(index, match[0], context.createParsingComponents().addTag(NOT_BAND_TAG[band]));
    }
    if (match[0] === 'manana' && (MORNING_ARTICLE.test(textBefore) || !bareMananaIsBand(context, index, match[0].length))) return null;
    if (match[0] === 'tarde' && (NOT_BAND_TARDE_BEFORE.test(textBefore) || /^\s+noche/.test(textAfter))) return null;
    // ("Dijo que la dejaban salir más temprano", "tengo que madrugar temprano": the member's day, no band asked.)
    if (band === 'manana' && /temprano|tempranito/.test(match[0]) && LEAVING_EARLY_BEFORE.test(textBefore)) return null;
    // ("En la tarde pero temprano": the early afternoon, the band said.)
    if (band === 'manana' && /^(?:bien\s+|muy\s+|mas\s+)?(?:temprano|tempranito)$/.test(match[0]) && (AFTERNOON_BEFORE.test(textBefore) || AFTERNOON_AFTER.test(textAfter)))
      return null;
    if (band === 'cualquiera' && (NOT_ABOUT_TIME_AFTER.test(textAfter) || ABOUT_OTHER_BEFORE.test(textBefore))) return null;
    // ("Sí, busque en la tarde, lo que sea pero hoy": the band named stands; "la que sea pero mañana" alone is any band.)
    if (band === 'cualquiera' && BUT_ON_A_DAY_AFTER.test(textAfter) && /(?:^|[^a-z])(?:en|por)\s+la\s+(?:manana|tarde)(?![a-z])/.test(context.text)) return null;
    return context.createParsingResult(index, match[0], context.createParsingComponents().addTag(BAND_TAG[band]));
  }
}
