/**
 * Days, times and time bands in a member's message, relative to `now` in Bogotá (UTC-5 all
 * year): "mañana en la tarde", "el martes a las 3", "pasado mañana temprano", "viernes 27",
 * "la otra semana", "a eso de las 2", "me da igual la hora".
 *
 * chrono-node (its Spanish configuration, `chrono.es`) runs the parsing: its own parsers for
 * ISO dates, "25/11" and "en 2 días", its refiners for overlaps, a weekday merged with its date
 * and impossible dates. The parsers and refiners below, plugged into it, add what Lina's members
 * say and chrono misses or reads differently: clinic hours ("a las 3" is 15:00, chrono says
 * 03:00), time bands, "pasado mañana", "en la mañana" (a band, chrono says tomorrow), a weekday
 * strictly after today (chrono takes the closest, even a past one), "el 25", "la otra semana",
 * "25 de noviembre 3 pm" (chrono reads the 3 as the year 2003), a day without year in the
 * coming twelve months (chrono takes the closest year, even a past day).
 */
// Only chrono's Spanish build: the package's main entry loads every language (3× the time and memory).
import * as chronoEs from 'chrono-node/es';
import type { Chrono, Parser, ParsingComponents, ParsingContext, ParsingOption, ParsingResult, Refiner } from 'chrono-node';
import { normalizeText } from '../../dialogs/text.js';
import { digitsFromWords } from './numbers.js';

export type Band = 'manana' | 'tarde' | 'cualquiera';

export interface When {
  /** The Bogotá day named, YYYY-MM-DD. */
  day?: string;
  /** 0 (Sunday) … 6 when the day was named by its weekday ("el miércoles"): lets a caller match "la cita del miércoles" against appointments. */
  weekday?: number;
  /** HH:MM, 24-hour. Clinic hours are 07:00-17:00: "a las 3" is 15:00, "a las 9" 09:00, "a las 12" 12:00, "3 de la tarde" 15:00, "10 am" 10:00, "2 y media" 14:30, "a eso de las 2" 14:00, "2:40 pm" 14:40. */
  time?: string;
  band?: Band;
}

/** Longer texts are not members' answers: nothing is read from them. */
const MAX_TEXT_LENGTH = 4000;
/** Bogotá is UTC-5 all year (no daylight saving time). */
const BOGOTA_OFFSET_MINUTES = -300;
const DAY_MS = 86_400_000;
/** Days ahead a named day may be: about a year. */
const MAX_DAYS_AHEAD = 366;

const BAND_TAG = { manana: 'lina/band/manana', tarde: 'lina/band/tarde', cualquiera: 'lina/band/cualquiera' } as const satisfies Record<Band, string>;
/** A band the member rules out: "en la mañana no puedo" asks for the afternoon. */
const NOT_BAND_TAG = { manana: 'lina/notband/manana', tarde: 'lina/notband/tarde' } as const;
/** A result that must not count as a day ("en 2 horas"): chrono's relative times. */
const RELATIVE_TIME_TAG = 'result/relativeDateAndTime';

const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['domingo', 0],
  ['lunes', 1],
  ['martes', 2],
  ['miercoles', 3],
  ['miercole', 3],
  ['mircoles', 3],
  ['jueves', 4],
  ['juebes', 4],
  ['juevez', 4],
  ['viernes', 5],
  ['vierne', 5],
  ['sabado', 6],
  ['savado', 6],
]);
const WEEKDAY = `(${[...WEEKDAYS.keys()].join('|')})`;
const FULL_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS: ReadonlyMap<string, number> = new Map([
  ...FULL_MONTHS.map((name, index) => [name, index + 1] as const),
  ['setiembre', 9],
  ['ene', 1],
  ['feb', 2],
  ['mar', 3],
  ['abr', 4],
  ['jun', 6],
  ['jul', 7],
  ['ago', 8],
  ['sept', 9],
  ['sep', 9],
  ['oct', 10],
  ['nov', 11],
  ['dic', 12],
]);
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const FULL_MONTH = `(${[...FULL_MONTHS, 'setiembre'].join('|')})`;
/** The first of the month, as members write it. */
const DAY_OF_MONTH = `(\\d{1,2}|1ro|1ero|1er|1o|primero)`;
/** Any trace of a day, a time or a band: without one, chrono is not even asked. */
const TRIGGER = /\d|hoy|manan|tard|lunes|martes|mi[e]?rcole|jue[vb]e|vierne|sabado|savado|domingo|semana|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre|tempran|\b[ap]\.? ?m\b|cualquier|igual|mismo|importa|almuerz|medio ?dia|la que|primer|preferencia|indiferente|hora|matutin|vespertin|jornada|todo el dia|una\b/;

interface LinaParsingOption extends ParsingOption {
  mananaIsBand?: boolean;
}

// ————— calendar in Bogotá —————

interface CivilDay {
  year: number;
  month: number;
  day: number;
  /** 0 (Sunday) … 6. */
  weekday: number;
}

/** The Bogotá calendar day of an instant. */
function bogotaDay(instant: Date): CivilDay {
  return civilDay(new Date(instant.getTime() + BOGOTA_OFFSET_MINUTES * 60_000));
}

function civilDay(utc: Date): CivilDay {
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate(), weekday: utc.getUTCDay() };
}

function addDays(day: CivilDay, days: number): CivilDay {
  return civilDay(new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS));
}

function daysBetween(from: CivilDay, to: CivilDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The weekday's next occurrence strictly after `today`. */
function nextWeekday(today: CivilDay, weekday: number): CivilDay {
  return addDays(today, ((weekday - today.weekday + 6) % 7) + 1);
}

/** The Monday of next week (weeks run Monday to Sunday). */
function nextWeekMonday(today: CivilDay): CivilDay {
  return addDays(today, 7 - ((today.weekday + 6) % 7));
}

function today(context: ParsingContext): CivilDay {
  return bogotaDay(context.reference.instant);
}

function dayComponents(context: ParsingContext, day: CivilDay): ParsingComponents {
  return context.createParsingComponents({ year: day.year, month: day.month, day: day.day });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

// ————— word boundaries (chrono searches again from inside a text it cut) —————

const LETTER_OR_DIGIT = /[a-z0-9]/;

function startsWord(text: string, index: number): boolean {
  return index === 0 || !LETTER_OR_DIGIT.test(text.charAt(index - 1));
}

function endsWord(text: string, end: number): boolean {
  return end >= text.length || !LETTER_OR_DIGIT.test(text.charAt(end));
}

function before(context: ParsingContext, index: number): string {
  return context.text.slice(Math.max(0, index - 40), index);
}

function after(context: ParsingContext, index: number): string {
  return context.text.slice(index, index + 40);
}

// ————— "mañana": tomorrow or the morning band —————

/** "la mañana", "en la mañana", "esta mañana", "pasado mañana": never tomorrow by itself. */
const MORNING_ARTICLE = /(?:^|[^a-z])(?:la|las|esta|pasado)\s+$/;
/** What makes "mañana" tomorrow even when the question was the band: "mañana en la tarde", "mañana a las 3". */
const TOMORROW_CONTINUES = /^\s+(?:mismo|temprano|tempranito|en\s+la|por\s+la|a\s+las?|a\s+eso|tipo|como\s+a|despues|antes|tarde|al\s+medio|\d)/;

/** Whether the bare word "mañana" at `index` is the morning band rather than tomorrow. */
function bareMananaIsBand(context: ParsingContext, index: number, length: number): boolean {
  if (!(context.option as LinaParsingOption).mananaIsBand) return false;
  return !TOMORROW_CONTINUES.test(after(context, index + length));
}

// ————— parsers —————

/** "hoy", "hoy lunes", "mañana", "pasado mañana", "esta tarde", "esta mañana". */
class RelativeDayParser implements Parser {
  private readonly regex = new RegExp(`(pasado\\s+manana)|(hoy)(?:\\s+mismo)?(?:\\s+${WEEKDAY})?|(esta)\\s+(manana|tarde)|(manana)(?:\\s+mismo)?`);

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!startsWord(context.text, index) || !endsWord(context.text, index + match[0].length)) return null;
    const now = today(context);
    if (match[1]) return context.createParsingResult(index, match[0], dayComponents(context, addDays(now, 2)));
    if (match[2]) {
      const components = dayComponents(context, now);
      const said = match[3] ? WEEKDAYS.get(match[3]) : undefined;
      if (said === now.weekday) components.assign('weekday', said);
      return context.createParsingResult(index, match[0], components);
    }
    if (match[4]) {
      const components = dayComponents(context, now).addTag(match[5] === 'tarde' ? BAND_TAG.tarde : BAND_TAG.manana);
      return context.createParsingResult(index, match[0], components);
    }
    if (MORNING_ARTICLE.test(before(context, index))) return null;
    if (bareMananaIsBand(context, index, match[0].length)) return null;
    return context.createParsingResult(index, match[0], dayComponents(context, addDays(now, 1)));
  }
}

/** Before a weekday: "el próximo", "el otro" (the weekday of next week). */
const WEEKDAY_LEAD_IN = /(?<![a-z0-9])(?:el\s+)?(proximo|otro)\s+$/;

/** "el miércoles", "el próximo lunes", "el lunes que viene", "el otro martes", "el martes de la otra semana". */
class WeekdayParser implements Parser {
  private readonly regex = new RegExp(
    `${WEEKDAY}(?:\\s+(que\\s+viene|proximo|entrante|de\\s+la\\s+(?:otra|proxima|siguiente)\\s+semana|de\\s+la\\s+semana\\s+(?:que\\s+viene|entrante|proxima|siguiente)))?`,
  );

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!startsWord(context.text, index) || !endsWord(context.text, index + match[0].length)) return null;
    const weekday = WEEKDAYS.get(match[1] ?? '');
    if (weekday === undefined) return null;
    const leadIn = WEEKDAY_LEAD_IN.exec(before(context, index));
    const now = today(context);
    const nextWeek = leadIn?.[1] === 'otro' || (match[2] !== undefined && match[2].includes('semana'));
    const day = nextWeek ? addDays(nextWeekMonday(now), (weekday + 6) % 7) : nextWeekday(now, weekday);
    // The weekday is certain and the date implied, as chrono's own weekday parser does, so that
    // its refiner merges "viernes 27" into one date.
    const components = context.createParsingComponents().assign('weekday', weekday).imply('year', day.year).imply('month', day.month).imply('day', day.day);
    return context.createParsingResult(index, match[0], components);
  }
}

/** "la otra semana", "la próxima semana", "la semana que viene": the Monday of next week. */
class NextWeekParser implements Parser {
  private readonly regex = /(?:(?:otra|proxima|siguiente)\s+semana|semana\s+(?:que\s+viene|entrante|proxima|siguiente))/;

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!startsWord(context.text, index) || !endsWord(context.text, index + match[0].length)) return null;
    return context.createParsingResult(index, match[0], dayComponents(context, nextWeekMonday(today(context))));
  }
}

/** What may not follow "el 25" for it to be a day: a time, a month (another parser's), a count. */
const NOT_A_DAY_AFTER = new RegExp(
  `^(?:\\s*[:./-]\\s*\\d|\\s*(?:a\\.?\\s?m|p\\.?\\s?m)(?![a-z])|\\s+(?:de\\s+la|del\\s+medio|y\\s+media|y\\s+cuarto|menos|hrs?|horas?|minutos?|anos?|meses|dias|semanas|personas|hijos|citas|opcion|de\\s+${MONTH}|${MONTH})(?![a-z]))`,
);

/** Before a day of the month: "el", "el día", "para el", "del", a weekday. */
const DAY_OF_MONTH_LEAD_IN = new RegExp(`(?<![a-z0-9])(?:(?:el|del|para\\s+el|al)\\s+(?:dia\\s+)?|dia\\s+|${WEEKDAY}\\s+(?:el\\s+)?)$`);

/** "el 25", "el día 3", "viernes 27": a day of this month, or of the next when past ("el primero" alone is an option, not a day). */
class DayOfMonthParser implements Parser {
  private readonly regex = /\d{1,2}(?!\d)/;

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (!startsWord(context.text, index) || !endsWord(context.text, end)) return null;
    const textBefore = before(context, index);
    const leadIn = DAY_OF_MONTH_LEAD_IN.exec(textBefore);
    if (!leadIn || NOT_A_DAY_AFTER.test(after(context, end))) return null;
    const dayOfMonth = Number(match[0]);
    if (dayOfMonth < 1 || dayOfMonth > 31) return null;
    // After a weekday, the result starts after it ("viernes 27"), so that chrono's refiner
    // merges the two; otherwise with its lead-in ("el 25"), as chrono drops bare numbers.
    const start = leadIn[1] ? index - (/el\s+$/.exec(leadIn[0])?.[0].length ?? 0) : index - leadIn[0].length;
    const now = today(context);
    for (let ahead = 0; ahead < 3; ahead++) {
      const month = ((now.month - 1 + ahead) % 12) + 1;
      const year = now.year + Math.floor((now.month - 1 + ahead) / 12);
      if (!isRealDay(year, month, dayOfMonth)) continue;
      if (ahead === 0 && dayOfMonth < now.day) continue;
      return context.createParsingResult(start, end, { year, month, day: dayOfMonth });
    }
    return null;
  }
}

/** "25 de noviembre", "1ro de diciembre", "25 nov", "noviembre 25", "25 de noviembre de 2026". No year: this year, or the next when past. */
class MonthDayParser implements Parser {
  private readonly regex = new RegExp(
    `${DAY_OF_MONTH}(?:\\s+de|\\s*-|\\s*/)?\\s*${MONTH}(?:(?:\\s+del?|\\s*,|\\s*-|\\s*/)\\s*(\\d{4})|\\s+del?\\s+(\\d{2})(?!\\d))?` +
      `|${FULL_MONTH}\\s+(\\d{1,2})(?!\\d)(?:\\s*,?\\s*(?:del?\\s+)?(\\d{4}))?`,
  );

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!startsWord(context.text, index) || !endsWord(context.text, index + match[0].length)) return null;
    const dayText = match[1] ?? match[6] ?? '';
    const day = /^\d+/.test(dayText) ? Number(/^\d+/.exec(dayText)?.[0]) : 1;
    const month = MONTHS.get(match[2] ?? match[5] ?? '');
    if (month === undefined || day < 1 || day > 31) return null;
    // "Primero de Mayo" is a site (USS Primero de Mayo); 1 May is a public holiday anyway.
    if (month === 5 && !/^\d+$/.test(dayText)) return null;
    const components = context.createParsingComponents({ month, day });
    const year = match[3] ?? match[7] ?? (match[4] ? `20${match[4]}` : undefined);
    if (year) components.assign('year', Number(year));
    else components.imply('year', upcomingYear(today(context), month, day));
    return context.createParsingResult(index, match[0], components);
  }
}

/** The year in which a day and month without year come next (today included). */
function upcomingYear(now: CivilDay, month: number, day: number): number {
  return month > now.month || (month === now.month && day >= now.day) ? now.year : now.year + 1;
}

const MERIDIEM = String.raw`(?:\s*(a\.?\s?m\.?|p\.?\s?m\.?|m\.?)(?![a-z])|\s+(?:de|en|por)\s+la\s+(manana|tarde|noche|madrugada)|\s+del\s+(medio\s?dia))`;
const TIME_PREFIX = String.raw`(a\s+eso\s+de(?:\s+las?)?|eso\s+de\s+las?|(?:como|tipo|sobre|hacia|desde|hasta|antes\s+de|despues\s+de|a\s+partir\s+de|pasadas|por\s+ahi|mas\s+o\s+menos)\s+(?:a\s+)?las?|a\s+las?|las|tipo|como\s+a)`;
/** Nouns after which "las 2" counts things, not hours: "las 2 opciones". */
const COUNTED_AFTER = /^\s+(?:opcion|opciones|citas?|cosas|primeras?|ultimas?|anteriores|veces|personas|hijos|ninos|fechas|dias)(?![a-z])/;
/** "cualquiera de las 2", "entre las 2": counting, not an hour ("la de las 2" is the one at two). */
const COUNTING_BEFORE = /(?:^|[^a-z])(?:(?:cualquiera|ninguna|ninguno|alguna|alguno|cual|cuales|una|otra|ambas|todas|varias)\s+de|entre|ambas|todas)\s+$/;
/** "Cancelar las dos", "las tengo las dos", "las dos el mismo día": both of them, not two o'clock. */
const BOTH_BEFORE = /(?:^|[^a-z])(?:cancelar|cancele|cancelen|cancelarlas|mover|muevan?|moverlas|pasar|pasarlas|agendar|agende|agenden|pedir|sacar|tengo|tiene|tenemos|son|que|ver|quiero|necesito|serian|seria)\s+$|^\s*$/;
const BOTH_AFTER = /^\s*(?:$|[,.;!?]|porque|pues|por\s+favor|porfa|que\s+(?!sea|es\b))/;
/** "Las dos el mismo día", "las dos juntas": both, whatever comes before. */
const BOTH_SURELY_AFTER = /^\s*(?:el\s+mismo|la\s+misma|en\s+el\s+mismo|juntas|juntos|al\s+tiempo|a\s+la\s+vez|seguidas|estamos|somos|tenemos|necesitamos|vamos|queremos|estan|tienen|necesitan|con\s+(?:medicina|pediatria|gripa|fiebre|tos|el\s+mismo|la\s+misma))(?![a-z])/;

const TIME_LEAD_IN = new RegExp(`(?<![a-z0-9])${TIME_PREFIX}\\s+$`);

/**
 * "a las 3", "las 9", "a la una", "3 de la tarde", "10 am", "2 y media", "a eso de las 2",
 * "2:40 pm", "tipo 10", "a las 3 menos cuarto". A bare number is no time: it needs a lead-in,
 * minutes after a colon, "y media"…, or am/pm/"de la tarde". Clinic hours decide am or pm.
 */
class TimeParser implements Parser {
  private readonly regex = new RegExp(
    String.raw`(\d{1,2}|una)(?!\d)` +
      // "a las 2:20", "2.20", "2h20", and after a lead-in "las 2 20" (dictated or typed in a hurry).
      String.raw`(?:\s*([:.h]|\s)\s*(\d{2})(?!\d)|\s+y\s+(media|cuarto|\d{1,2})(?!\d)(?:\s+minutos)?|\s+menos\s+(cuarto|\d{1,2})(?!\d))?` +
      `${MERIDIEM}?` +
      String.raw`(?:\s*(?:en\s+punto|hrs?|horas)(?![a-z]))?`,
  );

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (!startsWord(context.text, index) || !endsWord(context.text, end)) return null;
    if (/^[:/.-]\d/.test(after(context, end))) return null;
    const [, hourText, separator, minutesText, plus, minus, shortMeridiem, bandWord, noon] = match;
    const leadIn = TIME_LEAD_IN.exec(before(context, index));
    const prefix = leadIn?.[1];
    const start = leadIn ? index - leadIn[0].length : index;
    const hour = hourText === 'una' ? 1 : Number(hourText);
    // "a la 1", "a la una": the singular only goes with one o'clock.
    if (prefix && /(?:^|\s)la$/.test(prefix) && hour !== 1) return null;
    if (prefix === 'las' && (COUNTING_BEFORE.test(before(context, start)) || COUNTED_AFTER.test(after(context, end)))) return null;
    if (prefix === 'las' && hour === 2 && minutesText === undefined && plus === undefined && minus === undefined && !shortMeridiem && !bandWord && ((BOTH_BEFORE.test(before(context, start)) && BOTH_AFTER.test(after(context, end))) || BOTH_SURELY_AFTER.test(after(context, end)))) return null;
    const meridiem = readMeridiem(shortMeridiem, bandWord, noon);
    if (meridiem === 'm' && hour !== 12) return null;
    let minutes = 0;
    let borrow = 0;
    if (minutesText !== undefined) {
      if (separator !== ':' && !prefix) return null;
      minutes = Number(minutesText);
    } else if (plus !== undefined) {
      minutes = plus === 'media' ? 30 : plus === 'cuarto' ? 15 : Number(plus);
      // "2 y 4" is two numbers; "2 y 40" is twenty to three.
      if (!prefix && /^\d/.test(plus) && (minutes < 10 || minutes % 5 !== 0)) return null;
    } else if (minus !== undefined) {
      borrow = minus === 'cuarto' ? 15 : Number(minus);
    }
    const introduced = prefix !== undefined || separator === ':' || plus !== undefined || minus !== undefined || meridiem !== undefined;
    if (!introduced) return null;
    const clockHour = toClockHour(hour, meridiem);
    if (clockHour === undefined || minutes > 59 || borrow > 59) return null;
    let total = clockHour * 60 + minutes - borrow;
    if (total < 0) total += 24 * 60;
    const components = context.createParsingComponents({ hour: Math.floor(total / 60), minute: total % 60 });
    const band = meridiem === 'am' ? 'manana' : meridiem === 'pm' ? 'tarde' : undefined;
    if (band) components.addTag(BAND_TAG[band]);
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
class NoonParser implements Parser {
  private readonly regex = /(?:a|al)\s+medio\s?dia/;

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!startsWord(context.text, index) || !endsWord(context.text, index + match[0].length)) return null;
    return context.createParsingResult(index, match[0], { hour: 12, minute: 0 });
  }
}

/** "entre las 2 y las 4", "de 8 a 10", "desde las 2 hasta las 5 pm": a band, not a time. */
class TimeRangeParser implements Parser {
  private readonly regex = new RegExp(
    String.raw`(?:entre\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?\s+y\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?|(?:de|desde)\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?\s+(?:a|hasta)\s+(?:las\s+)?(\d{1,2})(?:[:.]\d{2})?)(?!\d)` +
      `${MERIDIEM}?`,
  );

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (!startsWord(context.text, index) || !endsWord(context.text, end)) return null;
    if (/^\s+(?:dias?|semanas?|meses|anos|horas|minutos|anos|personas|citas)(?![a-z])/.test(after(context, end))) return null;
    const meridiem = readMeridiem(match[5], match[6], match[7]);
    const from = toClockHour(Number(match[1] ?? match[3]), meridiem);
    const to = toClockHour(Number(match[2] ?? match[4]), meridiem);
    if (from === undefined || to === undefined) return null;
    const components = context.createParsingComponents();
    if (to <= 12 && from < 12) components.addTag(BAND_TAG.manana);
    else if (from >= 12) components.addTag(BAND_TAG.tarde);
    return context.createParsingResult(index, match[0], components);
  }
}

const BAND_PATTERNS: ReadonlyArray<readonly [Band, string]> = [
  ['manana', String.raw`(?:en|por|de|a|para|durante)\s+(?:la|las)\s+(?:mananas?|mananitas?)`],
  ['manana', String.raw`(?:horas?|horario|jornada|franja|turno)\s+(?:de\s+)?(?:la\s+)?manana`],
  ['manana', String.raw`(?:la|las)\s+(?:mananas?|mananitas?)`],
  ['manana', String.raw`(?:bien\s+|muy\s+|lo\s+mas\s+|mas\s+)?(?:temprano|tempranito|temprana)|(?:a\s+)?primera\s+hora|matutin[oa]`],
  ['manana', String.raw`antes\s+del?\s+(?:almuerzo|almorzar|medio\s?dia)`],
  ['manana', String.raw`a\.?\s?m\.?(?![a-z])`],
  ['manana', 'manana'],
  ['tarde', String.raw`(?:en|por|de|a|para|durante)\s+(?:la|las)\s+(?:tardes?|tardecitas?)`],
  ['tarde', String.raw`(?:horas?|horario|jornada|franja|turno)\s+(?:de\s+)?(?:la\s+)?tarde`],
  ['tarde', String.raw`(?:la|las)\s+(?:tardes|tardecitas?)|la\s+tarde`],
  ['tarde', String.raw`(?:despues|luego)\s+(?:del?\s+(?:almuerzo|medio\s?dia)|de\s+almorzar)|tardecita|vespertin[oa]|(?:a\s+)?ultima\s+hora`],
  ['tarde', String.raw`p\.?\s?m\.?(?![a-z])`],
  ['tarde', 'tarde'],
  ['cualquiera', String.raw`(?:a\s+)?cualquier\s+(?:hora|horario|jornada|franja|turno|momento)|cualquiera`],
  ['cualquiera', String.raw`la\s+que\s+(?:sea|haya|este\s+disponible|tengan?)`],
  ['cualquiera', String.raw`(?:me\s+)?(?:da|es)\s+(?:igual|lo\s+mismo)|no\s+(?:me\s+)?importa|(?:sin|no\s+tengo)\s+preferencia|indiferente|(?:a\s+)?toda\s+hora|todo\s+el\s+dia`],
];
/** Negated bands: "en la mañana no puedo", "no puedo en la tarde". */
const NEGATION_BEFORE = /(?:^|[^a-z])(?:no|ni)\s+(?:(?:puedo|podria|quiero|me\s+(?:sirve|queda|funciona))\s+)?(?:(?:en|por|de|a|para)\s+)?(?:(?:la|las)\s+)?$/;
const NEGATION_AFTER = /^\s*(?:no\s+(?:puedo|podria|me\s+(?:sirve|queda|funciona))|no\s*(?:[,.;!]|$)|imposible)(?![a-z])/;
/** "buenas tardes", "más tarde", "llego tarde": no band. */
const NOT_BAND_TARDE_BEFORE = /(?:^|[^a-z])(?:buenas?|mas|muy|llego|llegue|llegar|llegaria|hizo|hace|es|ya|hasta|tan|demasiado|poco|esta|pasado)\s+$/;
/** "me da igual el día": indifference to something else than the hour. */
const NOT_ABOUT_TIME_AFTER = /^\s+(?:el|la|los|las|de|del|de\s+los|de\s+las)\s+(?:dias?|fechas?|medicos?|medicas?|doctor|doctores|doctoras?|sedes?|lugar|especialistas?|citas)(?![a-z])/;

/** Time bands: "en la mañana", "temprano", "en la tarde", "pm", "después del almuerzo", "a cualquier hora", "la que sea". */
class BandParser implements Parser {
  private readonly regex = new RegExp(BAND_PATTERNS.map(([, pattern]) => `(${pattern})`).join('|'));

  pattern(): RegExp {
    return this.regex;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    const end = index + match[0].length;
    if (!startsWord(context.text, index) || !endsWord(context.text, end)) return null;
    const which = match.findIndex((group, position) => position > 0 && group !== undefined) - 1;
    const band = BAND_PATTERNS[which]?.[0];
    if (!band) return null;
    const textBefore = before(context, index);
    const textAfter = after(context, end);
    if (NEGATION_BEFORE.test(textBefore) || NEGATION_AFTER.test(textAfter)) {
      return band === 'cualquiera' ? null : context.createParsingResult(index, match[0], context.createParsingComponents().addTag(NOT_BAND_TAG[band]));
    }
    if (match[0] === 'manana' && (MORNING_ARTICLE.test(textBefore) || !bareMananaIsBand(context, index, match[0].length))) return null;
    if (match[0] === 'tarde' && (NOT_BAND_TARDE_BEFORE.test(textBefore) || /^\s+noche/.test(textAfter))) return null;
    if (band === 'cualquiera' && NOT_ABOUT_TIME_AFTER.test(textAfter)) return null;
    return context.createParsingResult(index, match[0], context.createParsingComponents().addTag(BAND_TAG[band]));
  }
}

// ————— refiners —————

/** chrono reads "25/11" in the closest year; Lina means the next 25 November (today included). */
class UpcomingYearRefiner implements Refiner {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const now = today(context);
    for (const result of results) {
      const start = result.start;
      if (!start.isCertain('month') || start.isCertain('year')) continue;
      start.imply('year', upcomingYear(now, start.get('month') ?? 1, start.get('day') ?? 1));
    }
    return results;
  }
}

/** chrono's "en 2 días" parser also reads "por 2 días", "de 15 minutos" and "en 2 horas": only "en/dentro de" some days count. */
class RelativeDayFilter implements Refiner {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((result) => {
      const tags = result.tags();
      if (!tags.has('result/relativeDate')) return true;
      return !tags.has(RELATIVE_TIME_TAG) && /^(?:en|dentro\s+de)\s/.test(result.text);
    });
  }
}

/** chrono-node exports its Spanish configuration, not its parser and refiner classes: they are picked from it by name. */
function keepParser(parsers: readonly Parser[], name: string): Parser {
  const parser = parsers.find((candidate) => candidate.constructor.name === name);
  if (!parser) throw new Error(`chrono-node has no ${name} any more: check bot/understanding/when.ts against its version`);
  return parser;
}

function keepRefiner(refiners: readonly Refiner[], name: string): Refiner {
  const refiner = refiners.find((candidate) => candidate.constructor.name === name);
  if (!refiner) throw new Error(`chrono-node has no ${name} any more: check bot/understanding/when.ts against its version`);
  return refiner;
}

function buildChrono(): Chrono {
  const base = chronoEs.createConfiguration(false, true);
  const keep = (name: string): Parser => keepParser(base.parsers, name);
  const parsers: Parser[] = [
    keep('ISOFormatParser'),
    keep('SlashDateFormatParser'),
    keep('ESTimeUnitWithinFormatParser'),
    new RelativeDayParser(),
    new WeekdayParser(),
    new NextWeekParser(),
    new DayOfMonthParser(),
    new MonthDayParser(),
    new TimeParser(),
    new NoonParser(),
    new TimeRangeParser(),
    new BandParser(),
  ];
  // Lina reads the day, the time and the band from separate results: merging a date with its
  // time (and date ranges, time zones) would only cost time. Kept: overlaps, a weekday merged
  // with its date ("viernes 27"), and the last filter, which drops impossible dates.
  const refiners: Refiner[] = [
    keepRefiner(base.refiners, 'OverlapRemovalRefiner'),
    keepRefiner(base.refiners, 'MergeWeekdayComponentRefiner'),
    new RelativeDayFilter(),
    new UpcomingYearRefiner(),
    keepRefiner(base.refiners, 'UnlikelyFormatFilter'),
  ];
  return new chronoEs.Chrono({ parsers, refiners });
}

const linaChrono = buildChrono();

/** A band given as a reason ("porque en la mañana trabajo"), not as a wish. */
const REASON_BEFORE = /(?:^|[^a-z])(?:porque|por\s+que|que|pues|ya\s+que|como)\s+(?:(?:en|por)\s+)?(?:la|las)?\s*$/;
/** A reason opened earlier in the same clause: "en la tarde porque trabajo en la mañana". */
const IN_REASON_CLAUSE = /\b(porque|por que|ya que|pues|es que|como)\b/;

/** The text of the clause a position is in, up to that position. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf('.'), before.lastIndexOf(';'));
  return before.slice(start + 1);
}

/** A band the member settles on after another: "en la mañana… ay, mejor en la tarde". */
const PREFERRED_BEFORE = /(?:^|[^a-z])(?:mejor|mas\s+bien|prefiero|preferiblemente|mentiras|perdon|mejor dicho)[\s,.]+(?:(?:en|por|a|para)\s+)?(?:la|las)?\s*$/;

/**
 * The band of the bands a message names: "cualquiera" for indifference or both; a band given as
 * a reason gives way to the other ("en la tarde, porque en la mañana trabajo"), and a band
 * preferred after another wins ("en la mañana… mejor en la tarde").
 */
function bandOf(bands: ReadonlyArray<{ band: Band; at: number }>, text: string): Band | undefined {
  if (bands.length === 0) return undefined;
  if (bands.some((hit) => hit.band === 'cualquiera')) return 'cualquiera';
  const kinds = new Set(bands.map((hit) => hit.band));
  if (kinds.size === 1) return bands[0]?.band;
  const preferred = bands.filter((hit) => PREFERRED_BEFORE.test(text.slice(Math.max(0, hit.at - 30), hit.at)));
  if (preferred.length > 0) return preferred.at(-1)?.band;
  const wished = new Set(bands.filter((hit) => !REASON_BEFORE.test(text.slice(Math.max(0, hit.at - 30), hit.at)) && !IN_REASON_CLAUSE.test(clauseBefore(text, hit.at))).map((hit) => hit.band));
  if (wished.size === 1) return [...wished][0];
  return 'cualquiera';
}

/** `mananaIsBand`: the question just asked was the time band, so a bare "mañana" is the morning band, not tomorrow. */
/** Words that put the day after them in the past: "desde el sábado", "hace un lunes". */
const SINCE_BEFORE = /\b(desde|hace)(\s+(el|la|los|las|este|esta|un|una))?\s*$/;

export function readWhen(text: string, now: Date, options?: { mananaIsBand?: boolean }): When {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH || !(now instanceof Date) || Number.isNaN(now.getTime())) return {};
  const normalized = digitsFromWords(normalizeText(text));
  if (normalized.length === 0 || !TRIGGER.test(normalized)) return {};
  const option: LinaParsingOption = { mananaIsBand: options?.mananaIsBand === true };
  const results = linaChrono.parse(normalized, { instant: now, timezone: BOGOTA_OFFSET_MINUTES }, option);

  const todayInBogota = bogotaDay(now);
  const when: When = {};
  const bands: Array<{ band: Band; at: number }> = [];
  const ruledOut = new Set<'manana' | 'tarde'>();
  for (const result of results) {
    const start = result.start;
    // "Tiene tos desde el sábado": a day in the past the member tells of, not one to book.
    const since = SINCE_BEFORE.test(normalized.slice(0, result.index)) || /^(desde|hace)\b/.test(result.text);
    if (when.day === undefined && !since && (start.isCertain('day') || start.isCertain('weekday'))) {
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
    if (when.time === undefined && start.isCertain('hour')) {
      const hour = start.get('hour');
      const minute = start.get('minute') ?? 0;
      if (hour !== null && hour >= 0 && hour <= 23) when.time = `${pad(hour)}:${pad(minute)}`;
    }
    const tags = result.tags();
    for (const band of ['manana', 'tarde', 'cualquiera'] as const) if (tags.has(BAND_TAG[band])) bands.push({ band, at: result.index });
    for (const band of ['manana', 'tarde'] as const) if (tags.has(NOT_BAND_TAG[band])) ruledOut.add(band);
  }
  // "En la mañana no puedo": the other band, when no band is asked for.
  if (bands.length === 0 && ruledOut.size === 1) bands.push({ band: ruledOut.has('manana') ? 'tarde' : 'manana', at: 0 });
  const band = bandOf(bands, normalized);
  if (band) when.band = band;
  return when;
}
