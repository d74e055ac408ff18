// Periods and calendars: the buckets P, P − 1 of DESIGN.md §3.
export type { CalendarDate } from "./CalendarDate.ts";
export { fromEpochDay, isoWeekday, MAX_EPOCH_DAY, MIN_EPOCH_DAY, toEpochDay } from "./epochDay.ts";
export { fromGregorian, gregorianMonthLength, isGregorianLeapYear, toGregorian } from "./gregorian.ts";
export { isComplete } from "./isComplete.ts";
export { fromIslamic, toIslamic } from "./islamic.ts";
export type { Period } from "./Period.ts";
export { PeriodError } from "./PeriodError.ts";
export type {
  Calendar,
  IsoWeekday,
  MonthDay,
  PeriodSpec,
  PeriodUnit,
  ResolvedPeriodSpec,
} from "./PeriodSpec.ts";
export { CALENDARS, PERIOD_UNITS } from "./PeriodSpec.ts";
export { type PeriodArgOptions, parsePeriodArg } from "./parsePeriodArg.ts";
export { parsePeriodSpec } from "./parsePeriodSpec.ts";
export { periodAt, periodOf } from "./periodOf.ts";
export { periodRange } from "./periodRange.ts";
export { type PeriodTable, periodTable } from "./periodTable.ts";
export { fromPersian, toPersian } from "./persian.ts";
