import type { RetentionOptions } from "./RetentionOptions.ts";

/** What a cohort cell measures: customers active, or their net sales or profit. */
export type CohortMetric = "count" | "sales" | "profit";
/** "on": active in period k exactly; "on-or-after": active in period k or any later one. */
export type CohortMode = "on" | "on-or-after";
/** Share of period 0 ("first") or of the previous period's value ("previous"). */
export type CohortRelativeTo = "first" | "previous";

/**
 * Options of an acquisition-cohort table: the retention options (period, zone, activity rule,
 * margin; `by` is not used) plus the cell definition. Defaults: count, on, first.
 *
 * @example
 * const o: CohortOptions = { period: { unit: "month" }, metric: "sales", mode: "on-or-after" };
 */
export interface CohortOptions extends Omit<RetentionOptions, "by"> {
  readonly metric?: CohortMetric;
  readonly mode?: CohortMode;
  readonly relativeTo?: CohortRelativeTo;
}

/** One acquisition cohort: its first active period's label, its size, and values[k] for k = 0, 1, …. */
export interface Cohort {
  readonly cohort: string;
  readonly size: number;
  readonly values: (number | null)[];
}

/** The cohort table and, per k, the size-weighted mean over complete cells (null if none). */
export interface CohortTable {
  readonly cohorts: Cohort[];
  readonly mean: (number | null)[];
}
