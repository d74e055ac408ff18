import { calendarSystem } from "./calendarSystem.ts";
import { fromEpochDay, toEpochDay } from "./epochDay.ts";
import { floorDiv, floorMod } from "./floorDiv.ts";
import { gregorianToEpochDay, toGregorian } from "./gregorian.ts";
import type { Period } from "./Period.ts";
import type { PeriodSpec, ResolvedPeriodSpec } from "./PeriodSpec.ts";
import { padNumber } from "./padNumber.ts";
import { parsePeriodSpec } from "./parsePeriodSpec.ts";

/**
 * A spec compiled to three integer functions. Every unit maps to a global consecutive index, so
 * `startOf(i + 1)` is the exclusive end of period `i`.
 */
export interface PeriodScheme {
  readonly spec: ResolvedPeriodSpec;
  /** Index of the period containing an epoch day. */
  indexOf(epochDay: number): number;
  /** First epoch day of period `index`. */
  startOf(index: number): number;
  /** Display label of period `index`. */
  labelOf(index: number): string;
}

const compiled = new WeakMap<object, PeriodScheme>();

/**
 * Validates a spec and compiles it into index/start/label functions, memoised per spec object so
 * per-day callers do not re-validate.
 *
 * @example
 * periodScheme({ unit: "month" }).indexOf(15034); // 24134 = 2011 * 12 + 2 (2011-03)
 */
export function periodScheme(spec: PeriodSpec): PeriodScheme {
  const cached = compiled.get(spec);
  if (cached !== undefined) return cached;
  const scheme = compile(parsePeriodSpec(spec));
  compiled.set(spec, scheme);
  return scheme;
}

/**
 * Builds the `Period` with the given index.
 *
 * @example
 * periodAtIndex(periodScheme({ unit: "year" }), 2011).end; // "2012-01-01"
 */
export function periodAtIndex(scheme: PeriodScheme, index: number): Period {
  const startDay = scheme.startOf(index);
  const endDay = scheme.startOf(index + 1);
  return {
    index,
    label: scheme.labelOf(index),
    start: fromEpochDay(startDay),
    end: fromEpochDay(endDay),
    startDay,
    endDay,
  };
}

/** "2011-W09": ISO week-numbering year and week of the Monday-started week beginning `monday`. */
function isoWeekLabel(monday: number): string {
  // The ISO year is the one holding the week's Thursday; week 1 holds that year's first Thursday.
  const thursday = monday + 3;
  const { year } = toGregorian(thursday);
  const jan1 = gregorianToEpochDay(year, 1, 1);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${padNumber(year, 4)}-W${padNumber(week, 2)}`;
}

function compile(spec: ResolvedPeriodSpec): PeriodScheme {
  switch (spec.unit) {
    case "day":
      return { spec, indexOf: (d) => d, startOf: (i) => i, labelOf: (i) => fromEpochDay(i) };
    case "week": {
      // Epoch day 0 is a Thursday (ISO 4), so weeks starting on weekday w begin at days ≡ w − 4 (mod 7).
      const offset = spec.weekStart - 4;
      const startOf = (i: number): number => i * 7 + offset;
      return {
        spec,
        indexOf: (d) => floorDiv(d - offset, 7),
        startOf,
        labelOf: spec.weekStart === 1 ? (i) => isoWeekLabel(startOf(i)) : (i) => fromEpochDay(startOf(i)),
      };
    }
    case "days": {
      const anchor = toEpochDay(spec.anchor);
      const n = spec.days;
      const startOf = (i: number): number => anchor + i * n;
      return {
        spec,
        indexOf: (d) => floorDiv(d - anchor, n),
        startOf,
        labelOf: (i) => fromEpochDay(startOf(i)),
      };
    }
    case "month": {
      const cal = calendarSystem(spec.calendar);
      return {
        spec,
        indexOf: (d) => {
          const { year, month } = cal.toDate(d);
          return year * 12 + month - 1;
        },
        startOf: (i) => cal.monthStart(floorDiv(i, 12), floorMod(i, 12) + 1),
        labelOf: (i) => `${padNumber(floorDiv(i, 12), 4)}-${padNumber(floorMod(i, 12) + 1, 2)}`,
      };
    }
    case "quarter": {
      const cal = calendarSystem(spec.calendar);
      return {
        spec,
        indexOf: (d) => {
          const { year, month } = cal.toDate(d);
          return year * 4 + Math.floor((month - 1) / 3);
        },
        startOf: (i) => cal.monthStart(floorDiv(i, 4), floorMod(i, 4) * 3 + 1),
        labelOf: (i) => `${padNumber(floorDiv(i, 4), 4)}-Q${floorMod(i, 4) + 1}`,
      };
    }
    case "year": {
      const cal = calendarSystem(spec.calendar);
      return {
        spec,
        indexOf: (d) => cal.toDate(d).year,
        startOf: (i) => cal.monthStart(i, 1),
        labelOf: (i) => padNumber(i, 4),
      };
    }
    case "fiscal-year": {
      const cal = calendarSystem(spec.calendar);
      const { month: fm, day: fd } = spec.fiscalStart;
      // A fiscal year starting on the calendar's new year is just that year; otherwise it spans two
      // calendar years and is named by both, "2011/12", indexed by the year it starts in.
      const calendarAligned = fm === 1 && fd === 1;
      return {
        spec,
        indexOf: (d) => {
          const { year, month, day } = cal.toDate(d);
          return month > fm || (month === fm && day >= fd) ? year : year - 1;
        },
        startOf: (i) => cal.fromDate(i, fm, fd),
        labelOf: (i) =>
          calendarAligned ? padNumber(i, 4) : `${padNumber(i, 4)}/${padNumber(floorMod(i + 1, 100), 2)}`,
      };
    }
  }
}
