import type { Dialect } from "../Dialect.ts";
import { toEpochDay } from "../periods/index.ts";
import type { SqlQuery, SqlValue } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";

/**
 * The per-customer summary of the "buy 'til you die" models, from transactions, in SQL: `x` repeat
 * purchase days (distinct days with at least one non-negative line, so zero-priced purchases count
 * and days of returns only do not; after the first), recency `t_x` and age `T`
 * (from the first purchase day to the last one and to the calibration end, in `unit`s), `monetary`
 * the mean net spend of the repeat days, and with a holdout, `holdout_x` and `holdout_sales` after
 * the calibration end. Customers whose first purchase is after the calibration end are left out.
 *
 * @example
 * customerSummaryQuery(duckdbDialect, { calibrationEnd: "1997-09-30", unit: "week" });
 * // rows: { customer_id: "00004", x: 2, t_x: 30.43, T: 38.86, monetary: 22.35, first_day: 9862 }
 */
export function customerSummaryQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return dialect.param(params.length);
  };
  const zone = options.timeZone && options.timeZone !== "UTC" ? bind(options.timeZone) : null;
  const unit = options.unit === "day" ? 1 : 7;
  const day = dialect.epochDay("occurred_at", zone);
  const calEnd =
    options.calibrationEnd === undefined
      ? "(SELECT max(d) FROM days)"
      : bind(toEpochDay(options.calibrationEnd));
  const holdoutEnd = options.holdoutEnd === undefined ? null : bind(toEpochDay(options.holdoutEnd));
  const holdout =
    holdoutEnd === null
      ? ""
      : `, h AS (SELECT customer_id, count(*) AS holdout_x, sum(amount) AS holdout_sales FROM days
          WHERE d > (SELECT e FROM cal) AND d <= ${holdoutEnd} GROUP BY customer_id)`;
  return {
    sql: `WITH days AS (
        SELECT customer_id, ${day} AS d, sum(amount) AS amount FROM transactions
        WHERE customer_id IS NOT NULL GROUP BY customer_id, ${day} HAVING max(amount) >= 0
      ), cal AS (SELECT ${calEnd} AS e),
      c0 AS (
        SELECT customer_id, min(d) AS first_day, max(d) AS last_day, count(*) AS n, sum(amount) AS total
        FROM days WHERE d <= (SELECT e FROM cal) GROUP BY customer_id
      ), c AS (
        SELECT c0.customer_id, c0.first_day, c0.last_day, c0.n, c0.total, days.amount AS first_amount
        FROM c0 JOIN days ON days.customer_id = c0.customer_id AND days.d = c0.first_day
      )${holdout}
      SELECT c.customer_id, c.n - 1 AS x, (c.last_day - c.first_day) / ${unit}.0 AS t_x,
        ((SELECT e FROM cal) - c.first_day) / ${unit}.0 AS "T",
        CASE WHEN c.n > 1 THEN (c.total - c.first_amount) / (c.n - 1) END AS monetary, c.first_day
        ${holdoutEnd === null ? "" : ", coalesce(h.holdout_x, 0) AS holdout_x, coalesce(h.holdout_sales, 0) AS holdout_sales"}
      FROM c ${holdoutEnd === null ? "" : "LEFT JOIN h ON h.customer_id = c.customer_id"}`,
    params,
  };
}

/**
 * The summary compressed to one row per distinct (x, t_x, T) with its customer count `n`, so model
 * fitting costs depend on distinct purchase patterns, not on the number of customers.
 *
 * @example
 * compressedSummaryQuery(duckdbDialect, { unit: "day" }); // rows: { x: 0, t_x: 0, T: 273, n: 57 }, …
 */
export function compressedSummaryQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const inner = customerSummaryQuery(dialect, options);
  return {
    sql: `SELECT x, t_x, "T", count(*) AS n FROM (${inner.sql}) s GROUP BY x, t_x, "T" ORDER BY x, t_x, "T"`,
    params: inner.params,
  };
}
