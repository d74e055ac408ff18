/** Calendars a period can follow. "islamic" is the Umm al-Qura calendar. */
export type Calendar = "gregorian" | "persian" | "islamic";

/** Period units; "days" is a fixed length of N days counted from an anchor date. */
export type PeriodUnit = "day" | "week" | "month" | "quarter" | "year" | "fiscal-year" | "days";

/** Every period unit, in order of length (for help text and validation). */
export const PERIOD_UNITS: readonly PeriodUnit[] = [
  "day",
  "week",
  "month",
  "quarter",
  "year",
  "fiscal-year",
  "days",
];

/** Every calendar name. */
export const CALENDARS: readonly Calendar[] = ["gregorian", "persian", "islamic"];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A month and day in the period's calendar, e.g. the first day of a fiscal year. */
export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/**
 * How to bucket civil days into periods (see DESIGN.md §3). Validate and fill defaults with
 * `parsePeriodSpec`; every period function accepts an unvalidated spec and validates it itself.
 *
 * @example
 * const spec: PeriodSpec = { unit: "fiscal-year", calendar: "persian" }; // years from 1 Farvardin
 */
export interface PeriodSpec {
  readonly unit: PeriodUnit;
  /** Calendar for month, quarter, year and fiscal-year; default "gregorian". Ignored by other units. */
  readonly calendar?: Calendar;
  /** Weekday a week starts on (unit "week"); default 1, Monday, with ISO week labels. */
  readonly weekStart?: IsoWeekday;
  /** First day of the fiscal year in the chosen calendar (unit "fiscal-year"); default 1/1. */
  readonly fiscalStart?: MonthDay;
  /** Bucket length in days (unit "days"); required for it. */
  readonly days?: number;
  /** "YYYY-MM-DD", first day of bucket 0 (unit "days"); default "1970-01-01". */
  readonly anchor?: string;
}

/**
 * A validated spec with its defaults filled in and only the fields its unit uses, as returned by
 * `parsePeriodSpec`. Assignable to `PeriodSpec`.
 */
export type ResolvedPeriodSpec =
  | { readonly unit: "day" }
  | { readonly unit: "week"; readonly weekStart: IsoWeekday }
  | { readonly unit: "month" | "quarter" | "year"; readonly calendar: Calendar }
  | { readonly unit: "fiscal-year"; readonly calendar: Calendar; readonly fiscalStart: MonthDay }
  | { readonly unit: "days"; readonly days: number; readonly anchor: string };
