/**
 * One period: a half-open span of civil days [start, end). `index` is global and consecutive for
 * its spec — the previous period is always `index − 1` — so "P − 1" in retention formulas is an
 * integer subtraction whatever the calendar.
 *
 * @example
 * const march: Period = { index: 24134, label: "2011-03", start: "2011-03-01", end: "2011-04-01", startDay: 15034, endDay: 15065 };
 */
export interface Period {
  readonly index: number;
  readonly label: string;
  /** First day, "YYYY-MM-DD". */
  readonly start: string;
  /** Day after the last day (exclusive), "YYYY-MM-DD". */
  readonly end: string;
  /** `start` as an epoch day. */
  readonly startDay: number;
  /** `end` as an epoch day (exclusive). */
  readonly endDay: number;
}
