import type { CalendarDate } from "./CalendarDate.ts";
import { PeriodError } from "./PeriodError.ts";

const MS_PER_DAY = 86_400_000;

/** How to reach a calendar through ICU, plus a rough anchor so the first guess lands near. */
export interface IntlCalendarOptions {
  /** BCP 47 calendar id understood by `Intl.DateTimeFormat`, e.g. "persian", "islamic-umalqura". */
  readonly id: string;
  /** Name used in error messages, e.g. "persian". */
  readonly name: string;
  /** Mean year length in days, for estimates only. */
  readonly meanYear: number;
  /** A year and the (approximate) epoch day it starts on, for estimates only. */
  readonly refYear: number;
  readonly refYearStart: number;
}

/** A non-Gregorian calendar with cached month starts; see `createIntlCalendar`. */
export interface IntlCalendar {
  /** The calendar date of an epoch day. */
  toDate(epochDay: number): CalendarDate;
  /** Epoch day of a calendar date; throws PeriodError if the date does not exist. */
  fromDate(year: number, month: number, day: number): number;
  /** Epoch day on which `month` (1–12) of `year` starts. */
  monthStart(year: number, month: number): number;
  /** Days in `month` (1–12) of `year`. */
  monthLength(year: number, month: number): number;
}

/**
 * Builds a calendar backed by the platform's ICU (`Intl.DateTimeFormat` with `-u-ca-<id>`). ICU is
 * the reference, but asking it per day is slow (a few µs per call, ~14 calls cover a year), so each
 * year's 12 month starts are found once and cached; conversions are then a table lookup. Month
 * starts are located by probing ICU: an arithmetic guess lands inside the right month, and the
 * day-of-month ICU reports there tells exactly where the month began.
 *
 * @example
 * const persian = createIntlCalendar({ id: "persian", name: "persian", meanYear: 365.2422, refYear: 1348, refYearStart: -286 });
 * persian.monthStart(1402, 1); // 19437 (2023-03-21)
 */
export function createIntlCalendar(options: IntlCalendarOptions): IntlCalendar {
  const meanMonth = options.meanYear / 12;
  // Year → 13 epoch days: the starts of months 1–12 and of the next year's month 1.
  const years = new Map<number, Int32Array>();
  let formatter: Intl.DateTimeFormat | undefined;

  function getFormatter(): Intl.DateTimeFormat {
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat(`en-u-ca-${options.id}-nu-latn`, {
        timeZone: "UTC",
        year: "numeric",
        month: "numeric",
        day: "numeric",
      });
      // A Node built without full ICU silently falls back to Gregorian; refuse rather than mislabel.
      if (formatter.resolvedOptions().calendar !== options.id) {
        throw new PeriodError(`this runtime's ICU does not support the ${options.id} calendar`);
      }
    }
    return formatter;
  }

  /** Asks ICU directly; the uncached path, used only to build the tables. */
  function icuDate(epochDay: number): CalendarDate {
    let year = Number.NaN;
    let month = Number.NaN;
    let day = Number.NaN;
    for (const part of getFormatter().formatToParts(epochDay * MS_PER_DAY)) {
      if (part.type === "year") year = Number(part.value);
      else if (part.type === "month") month = Number(part.value);
      else if (part.type === "day") day = Number(part.value);
    }
    if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
      throw new PeriodError(`ICU gave no ${options.name} date for epoch day ${epochDay}`);
    }
    return { year, month, day };
  }

  function findYearStart(year: number): number {
    const previous = years.get(year - 1);
    if (previous !== undefined) return previous[12] as number;
    // Aim mid-month so rounding in the estimate cannot drop us into the neighbouring month.
    let guess = options.refYearStart + Math.round((year - options.refYear) * options.meanYear) + 15;
    for (let attempt = 0; attempt < 10; attempt++) {
      const found = icuDate(guess);
      const monthsOff = (year - found.year) * 12 + (1 - found.month);
      if (monthsOff === 0) return guess - (found.day - 1);
      guess += Math.round(monthsOff * meanMonth) - (found.day - 1) + 15;
    }
    throw new PeriodError(`could not locate the start of ${options.name} year ${year}`);
  }

  function yearTable(year: number): Int32Array {
    const cached = years.get(year);
    if (cached !== undefined) return cached;
    const starts = new Int32Array(13);
    starts[0] = findYearStart(year);
    for (let m = 1; m <= 12; m++) {
      // Months are 29–31 days, so 40 days after a month starts is day 10–12 of the next month.
      const probe = (starts[m - 1] as number) + 40;
      const found = icuDate(probe);
      const expectedYear = m === 12 ? year + 1 : year;
      const expectedMonth = m === 12 ? 1 : m + 1;
      if (found.year !== expectedYear || found.month !== expectedMonth) {
        throw new PeriodError(`unexpected ${options.name} month layout around year ${year} month ${m}`);
      }
      starts[m] = probe - (found.day - 1);
    }
    years.set(year, starts);
    return starts;
  }

  function checkMonth(year: number, month: number): void {
    if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
      throw new PeriodError(`${options.name} month ${year}-${month} is not a valid year and month 1–12`);
    }
  }

  return {
    toDate(epochDay: number): CalendarDate {
      if (!Number.isInteger(epochDay)) throw new PeriodError(`epoch day ${epochDay} is not an integer`);
      let year = options.refYear + Math.floor((epochDay - options.refYearStart) / options.meanYear);
      // The estimate is off by at most one year; step until the day falls inside the year.
      for (let step = 0; step < 4; step++) {
        const starts = yearTable(year);
        if (epochDay < (starts[0] as number)) year--;
        else if (epochDay >= (starts[12] as number)) year++;
        else {
          let month = 1;
          while (epochDay >= (starts[month] as number)) month++;
          return { year, month, day: epochDay - (starts[month - 1] as number) + 1 };
        }
      }
      throw new PeriodError(`could not convert epoch day ${epochDay} to the ${options.name} calendar`);
    },
    fromDate(year: number, month: number, day: number): number {
      checkMonth(year, month);
      const starts = yearTable(year);
      const start = starts[month - 1] as number;
      const length = (starts[month] as number) - start;
      if (!Number.isInteger(day) || day < 1 || day > length) {
        throw new PeriodError(
          `${options.name} date ${year}-${month}-${day} does not exist (month ${month} of ${year} has ${length} days)`,
        );
      }
      return start + day - 1;
    },
    monthStart(year: number, month: number): number {
      checkMonth(year, month);
      return yearTable(year)[month - 1] as number;
    },
    monthLength(year: number, month: number): number {
      checkMonth(year, month);
      const starts = yearTable(year);
      return (starts[month] as number) - (starts[month - 1] as number);
    },
  };
}
