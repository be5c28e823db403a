/**
 * chrono-node parsers for days (see `when.ts`): "hoy", "mañana", "pasado mañana", a weekday
 * strictly after today, "la otra semana", "el 25", "25 de noviembre".
 */
import type { ParsingContext, ParsingResult } from 'chrono-node';
import {
  BAND_TAG,
  DAY_OF_MONTH,
  FULL_MONTH,
  MONTH,
  MONTHS,
  MORNING_ARTICLE,
  WEEKDAY,
  WEEKDAYS,
  addDays,
  after,
  bareMananaIsBand,
  before,
  dayComponents,
  upcomingDayOfMonth,
  weekdayDisagrees,
  nextWeekMonday,
  nextWeekday,
  WholeWordParser,
  today,
  upcomingYear,
} from './when-context.js';

// ————— parsers —————

/** "hoy", "hoy lunes", "mañana", "pasado mañana", "esta tarde", "esta mañana". */
export class RelativeDayParser extends WholeWordParser {
  protected readonly regex = new RegExp(`(pasad?o\\s+manana)|(hoy)(?:\\s+mismo)?(?:\\s+${WEEKDAY})?|(esta)\\s+(manana|tarde)|(manana)(?:\\s+mismo)?`);

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
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
/** Before a weekday, "los" (or "los martes y" before the next): every week's. */
const HABIT_LEAD_IN = /(?<![a-z0-9])(?:los|todos\s+los)\s+(?:(?:lunes|martes|miercoles|jueves|viernes|sabados|domingos)\s*(?:,|y|e|o|ni)\s*)*$/;

/** "el miércoles", "el próximo lunes", "el lunes que viene", "el otro martes", "el martes de la otra semana". */
export class WeekdayParser extends WholeWordParser {
  protected readonly regex = new RegExp(
    `${WEEKDAY}(?:\\s+(que\\s+viene|proximo|entrante|de\\s+la\\s+(?:otra|proxima|siguiente)\\s+semana|de\\s+la\\s+semana\\s+(?:que\\s+viene|entrante|proxima|siguiente)))?`,
  );

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
    const weekday = WEEKDAYS.get(match[1] ?? '');
    if (weekday === undefined) return null;
    // ("Los martes y jueves no puedo", "los viernes tiene natación": a habit of every week, no day; "¿atienden los sábados?"
    // still asks about the weekend, which is closed.)
    if (weekday >= 1 && weekday <= 5 && HABIT_LEAD_IN.test(before(context, index))) return null;
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

/**
 * "Dentro de ocho días", "de hoy en ocho", "en quince días": a week (or two) from today, as Colombians count them, today
 * included; chrono would read eight days.
 */
export class EightDaysParser extends WholeWordParser {
  protected readonly regex = /(?:(?:dentro\s+de|en)\s+(ocho|8|quince|15)\s+dias|de\s+hoy\s+en\s+(ocho|8|quince|15))/;

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
    const said = match[1] ?? match[2];
    return context.createParsingResult(index, match[0], dayComponents(context, addDays(today(context), said === 'ocho' || said === '8' ? 7 : 14)));
  }
}

/** "la otra semana", "la próxima semana", "la semana que viene": the Monday of next week. */
export class NextWeekParser extends WholeWordParser {
  protected readonly regex = /(?:(?:otra|proxima|siguiente)\s+semana|semana\s+(?:que\s+viene|entrante|proxima|siguiente))/;

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
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
export class DayOfMonthParser extends WholeWordParser {
  protected readonly regex = /\d{1,2}(?!\d)/;

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number, end: number): ParsingResult | null {
    const textBefore = before(context, index);
    const leadIn = DAY_OF_MONTH_LEAD_IN.exec(textBefore);
    if (!leadIn || NOT_A_DAY_AFTER.test(after(context, end))) return null;
    const dayOfMonth = Number(match[0]);
    if (dayOfMonth < 1 || dayOfMonth > 31) return null;
    // After a weekday, the result starts after it ("viernes 27"), so that chrono's refiner
    // merges the two; otherwise with its lead-in ("el 25"), as chrono drops bare numbers.
    const start = leadIn[1] ? index - (/el\s+$/.exec(leadIn[0])?.[0].length ?? 0) : index - leadIn[0].length;
    const now = today(context);
    // "Martes 9" where no 9th near is a Tuesday: the 9 is no day of the month (at the slots, nine o'clock).
    const weekdaySaid = leadIn[1] ? WEEKDAYS.get(leadIn[1]) : undefined;
    if (weekdaySaid !== undefined && weekdayDisagrees(now, weekdaySaid, dayOfMonth)) return null;
    const found = upcomingDayOfMonth(now, dayOfMonth);
    return found ? context.createParsingResult(start, end, found) : null;
  }
}

/** "25 de noviembre", "1ro de diciembre", "25 nov", "noviembre 25", "25 de noviembre de 2026". No year: this year, or the next when past. */
export class MonthDayParser extends WholeWordParser {
  protected readonly regex = new RegExp(
    `${DAY_OF_MONTH}(?:\\s+de|\\s*-|\\s*/)?\\s*${MONTH}(?:(?:\\s+del?|\\s*,|\\s*-|\\s*/)\\s*(\\d{4})|\\s+del?\\s+(\\d{2})(?!\\d))?` +
      `|${FULL_MONTH}\\s+(\\d{1,2})(?!\\d)(?:\\s*,?\\s*(?:del?\\s+)?(\\d{4}))?`,
  );

  protected read(context: ParsingContext, match: RegExpMatchArray, index: number): ParsingResult | null {
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
