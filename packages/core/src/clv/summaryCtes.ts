import type { Dialect } from "../Dialect.ts";
import { toEpochDay } from "../periods/index.ts";
import type { SqlValue } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";

/** The shared front of every model-summary query: CTEs `days` (purchases), `cal` (boundary `e`) and `c`. */
export interface SummaryCtes {
  /** `WITH days AS (…), cal AS (…), c0 AS (…), c AS (…)` without a trailing comma. */
  readonly sql: string;
  readonly params: SqlValue[];
  /** Binds one more value and returns its placeholder. */
  readonly bind: (value: SqlValue) => string;
  /** Condition on `d` (a purchase's time) that puts it in the calibration period. */
  readonly inCalibration: string;
  /** Condition on `d` for the holdout period, or null without a holdout end. */
  readonly inHoldout: string | null;
  /** Divisor turning `d` differences into the summary's unit (1 or 7). */
  readonly unit: number;
  /** Whether `d` is fractional (exact instants) rather than whole days. */
  readonly exact: boolean;
}

/** Fractional days since 1970-01-01 of a UTC timestamp; the few engines spell epoch seconds differently. */
function epochDays(dialect: Dialect, timestamp: string): string {
  return dialect.name === "clickhouse"
    ? `(toUnixTimestamp64Milli(toDateTime64(${timestamp}, 3)) / 86400000.0)`
    : `(EXTRACT(EPOCH FROM ${timestamp}) / 86400.0)`;
}

/**
 * Builds the CTEs the summary queries share, so the fitted summary, the spend summary and the
 * tracking data all count purchases the same way. `d` is the purchase's epoch day (or fractional
 * epoch day with `exactTime`); with exact time the calibration boundary `e` is the instant the
 * calibration end day ends, so a purchase at 23:59 of that day is still in calibration.
 *
 * @example
 * const ctes = summaryCtes(duckdbDialect, { unit: "day", exactTime: true });
 * `${ctes.sql} SELECT count(*) FROM c`;
 */
export function summaryCtes(dialect: Dialect, options: SummaryOptions = {}): SummaryCtes {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return dialect.param(params.length);
  };
  const exact = options.exactTime === true;
  const zoned = options.timeZone !== undefined && options.timeZone !== "UTC";
  if (exact && zoned) throw new Error("exactTime measures UTC instants; it cannot be combined with timeZone");
  const zone = zoned ? bind(options.timeZone ?? "UTC") : null;
  const unit = options.unit === "day" ? 1 : 7;
  const d = exact ? epochDays(dialect, "occurred_at") : dialect.epochDay("occurred_at", zone);
  // Whole days: the boundary is the end day itself (d <= e). Exact: the next midnight (d < e).
  const shift = exact ? 1 : 0;
  const calEnd =
    options.calibrationEnd === undefined
      ? exact
        ? "(SELECT floor(max(d)) + 1 FROM days)"
        : "(SELECT max(d) FROM days)"
      : bind(toEpochDay(options.calibrationEnd) + shift);
  const holdoutEnd = options.holdoutEnd === undefined ? null : bind(toEpochDay(options.holdoutEnd) + shift);
  const inCalibration = exact ? "d < (SELECT e FROM cal)" : "d <= (SELECT e FROM cal)";
  const inHoldout =
    holdoutEnd === null
      ? null
      : exact
        ? `d >= (SELECT e FROM cal) AND d < ${holdoutEnd}`
        : `d > (SELECT e FROM cal) AND d <= ${holdoutEnd}`;
  // A purchase is a day (or instant) with at least one non-negative line: zero-priced purchases
  // count, days of returns only do not.
  const sql = `WITH days AS (
        SELECT customer_id, ${d} AS d, sum(amount) AS amount FROM transactions
        WHERE customer_id IS NOT NULL GROUP BY customer_id, ${d} HAVING max(amount) >= 0
      ), cal AS (SELECT ${calEnd} AS e),
      c0 AS (
        SELECT customer_id, min(d) AS first_day, max(d) AS last_day, count(*) AS n, sum(amount) AS total
        FROM days WHERE ${inCalibration} GROUP BY customer_id
      ), c AS (
        SELECT c0.customer_id, c0.first_day, c0.last_day, c0.n, c0.total, days.amount AS first_amount
        FROM c0 JOIN days ON days.customer_id = c0.customer_id AND days.d = c0.first_day
      )`;
  return { sql, params, bind, inCalibration, inHoldout, unit, exact };
}
