import type { Dialect } from "../Dialect.ts";
import { toEpochDay } from "../periods/index.ts";
import { type Cte, materialization } from "../retention/withCtes.ts";
import type { SqlValue } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";

/**
 * The shared front of every model-summary query: subqueries `days` (purchases: `customer_id`, `d`,
 * `spend`), `cal` (boundary `e`) and `c` (per customer: `customer_id`, `first_day`, `last_day`, `n`,
 * `total`, `first_amount`).
 */
export interface SummaryCtes {
  /** `WITH days AS (…), cal AS (…), c AS (…)` without a trailing comma (engines with CTEs). */
  readonly sql: string;
  /** The same subqueries for `withCtes`, so engines without CTEs get them inlined. */
  readonly ctes: readonly Cte[];
  readonly params: SqlValue[];
  /** Binds one more value and returns its placeholder. */
  readonly bind: (value: SqlValue) => string;
  /** The calibration boundary `e` as a scalar subquery, for `withCtes`' `ref`. */
  readonly boundary: (ref: (name: string) => string) => string;
  /** Condition on `d` (a purchase's time) that puts it in the calibration period. */
  readonly inCalibration: string;
  /** Condition on `d` for the holdout period given the boundary expression, or null without a holdout end. */
  readonly inHoldoutAt: ((e: string) => string) | null;
  /** Condition on `d` for the holdout period, or null without a holdout end. */
  readonly inHoldout: string | null;
  /** Divisor turning `d` differences into the summary's unit (1 or 7). */
  readonly unit: number;
  /** Whether `d` is fractional (exact instants) rather than whole days. */
  readonly exact: boolean;
}

/**
 * Fractional days since 1970-01-01 of a UTC timestamp; the few engines spell epoch seconds
 * differently. ClickHouse timestamps are `DateTime('UTC')` (whole seconds), so `toUnixTimestamp`
 * is exact there and exists on every version (18.16 has no `toDateTime64`).
 */
function epochDays(dialect: Dialect, timestamp: string): string {
  return dialect.name === "clickhouse"
    ? `(toUnixTimestamp(${timestamp}) / 86400.0)`
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
  const calibrationEnd =
    options.calibrationEnd === undefined ? "" : bind(toEpochDay(options.calibrationEnd) + shift);
  const calEnd = (ref: (name: string) => string) =>
    options.calibrationEnd === undefined
      ? `(SELECT ${exact ? "floor(max(d)) + 1" : "max(d)"} FROM ${ref("days")} AS days)`
      : calibrationEnd;
  const holdoutEnd = options.holdoutEnd === undefined ? null : bind(toEpochDay(options.holdoutEnd) + shift);
  const boundary = (ref: (name: string) => string) => `(SELECT e FROM ${ref("cal")} AS cal)`;
  const inCalibrationAt = (e: string) => (exact ? `d < ${e}` : `d <= ${e}`);
  const inHoldoutAt =
    holdoutEnd === null
      ? null
      : (e: string) => (exact ? `d >= ${e} AND d < ${holdoutEnd}` : `d > ${e} AND d <= ${holdoutEnd}`);
  const inCalibration = inCalibrationAt("(SELECT e FROM cal)");
  const inHoldout = inHoldoutAt === null ? null : inHoldoutAt("(SELECT e FROM cal)");
  // A purchase is a day (or instant) with at least one non-negative line: zero-priced purchases
  // count, days of returns only do not. Written for every engine (ClickHouse 18.16 too): no alias
  // equal to a column read inside an aggregate (the day's net amount is `spend`, not `amount`).
  // Whole days in stored time come from the store's purchase-day table where it keeps one: the same
  // rows, without grouping every transaction again.
  const rollup = exact || zone !== null ? null : dialect.customerDays;
  const ctes: Cte[] = [
    {
      name: "days",
      // The day table is a cheap scan, read again sooner than stored; grouping transactions is not.
      ...(rollup === null ? {} : { materialized: false }),
      sql: () =>
        rollup === null
          ? `SELECT customer_id, ${d} AS d, sum(amount) AS spend FROM transactions
        WHERE customer_id IS NOT NULL GROUP BY customer_id, ${d} HAVING max(amount) >= 0`
          : `SELECT customer_id, day AS d, spend FROM ${rollup} WHERE top >= 0`,
    },
    {
      name: "cal",
      sql: (ref) => `SELECT ${calEnd(ref)} AS e`,
    },
    {
      name: "c",
      sql: (ref) => `SELECT customer_id, min(d) AS first_day, max(d) AS last_day, count(*) AS n,
          sum(spend) AS total, ${dialect.argMin("spend", "d")} AS first_amount
        FROM ${ref("days")} AS days WHERE ${inCalibrationAt(boundary(ref))} GROUP BY customer_id`,
    },
  ];
  const sql = `WITH ${ctes.map((c) => `${c.name} AS ${materialization(dialect, c)}(${c.sql((name) => name)})`).join(",\n      ")}`;
  return { sql, ctes, params, bind, boundary, inCalibration, inHoldoutAt, inHoldout, unit, exact };
}
