/** A candidate retention period for the repurchase cycle, with the gap it can span. */
export interface CyclePeriod {
  readonly period: "day" | "week" | "month" | "quarter" | "year";
  /** The longest this period gets in days: a gap up to this keeps a customer in consecutive periods. */
  readonly days: number;
}

/**
 * Candidate periods, shortest first, with their longest calendar length in days (31 for a month, 92
 * for a quarter, 366 for a year). The longest length is used because a customer who buys on the 15th
 * of every month has gaps of 28 to 31 days, and that customer's cycle is plainly monthly.
 *
 * @example
 * cyclePeriods.find((p) => p.period === "month")?.days; // 31
 */
export const cyclePeriods: readonly CyclePeriod[] = [
  { period: "day", days: 1 },
  { period: "week", days: 7 },
  { period: "month", days: 31 },
  { period: "quarter", days: 92 },
  { period: "year", days: 366 },
];
