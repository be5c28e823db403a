/**
 * Lina's chrono-node (see `when.ts`): chrono's Spanish parsers and refiners that are kept, Lina's
 * own parsers (`when-days.ts`, `when-times.ts`) and the refiners below, in the order they run.
 */
// Only chrono's Spanish build: the package's main entry loads every language (3× the time and memory).
import * as chronoEs from 'chrono-node/es';
import type { Chrono, Parser, ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { RELATIVE_TIME_TAG, today, upcomingYear } from './when-context.js';
import { DayOfMonthParser, EightDaysParser, MonthDayParser, NextWeekParser, RelativeDayParser, WeekdayParser } from './when-days.js';
import { BandParser, NoonParser, TimeParser, TimeRangeParser } from './when-times.js';

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
  if (!parser) throw new Error(`chrono-node has no ${name} any more: check bot/understanding/when-chrono.ts against its version`);
  return parser;
}

function keepRefiner(refiners: readonly Refiner[], name: string): Refiner {
  const refiner = refiners.find((candidate) => candidate.constructor.name === name);
  if (!refiner) throw new Error(`chrono-node has no ${name} any more: check bot/understanding/when-chrono.ts against its version`);
  return refiner;
}

export function buildChrono(): Chrono {
  const base = chronoEs.createConfiguration(false, true);
  const keep = (name: string): Parser => keepParser(base.parsers, name);
  const parsers: Parser[] = [
    keep('ISOFormatParser'),
    keep('SlashDateFormatParser'),
    new EightDaysParser(),
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
