import { ProgrammeError } from "./ProgrammeError.ts";

/**
 * What a target measures per period (DESIGN.md §3 definitions): raw, sales- or profit-adjusted
 * retention; the defection rate (1 − raw); sales from retained customers (money); and the share of
 * last period's new customers who bought again this period (new → retained conversion).
 */
export const TARGET_METRICS = [
  "raw",
  "sales_adjusted",
  "profit_adjusted",
  "defection_rate",
  "sales_from_retained",
  "new_to_retained",
] as const;

/** One of `TARGET_METRICS`. */
export type TargetMetric = (typeof TARGET_METRICS)[number];

/**
 * Checks a metric name.
 *
 * @throws ProgrammeError listing the metrics.
 * @example
 * parseTargetMetric("defection_rate"); // "defection_rate"
 */
export function parseTargetMetric(text: string): TargetMetric {
  const found = TARGET_METRICS.find((m) => m === text.trim().toLowerCase());
  if (found === undefined)
    throw new ProgrammeError(`unknown metric "${text}": use one of ${TARGET_METRICS.join(", ")}`);
  return found;
}
