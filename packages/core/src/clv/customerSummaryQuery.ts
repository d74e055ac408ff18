import type { Dialect } from "../Dialect.ts";
import type { Cte } from "../retention/withCtes.ts";
import { withCtes } from "../retention/withCtes.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";
import { summaryCtes } from "./summaryCtes.ts";

/**
 * The per-customer summary of the "buy 'til you die" models, from transactions, in SQL: `x` repeat
 * purchase days (distinct days with at least one non-negative line, so zero-priced purchases count
 * and days of returns only do not; after the first), recency `t_x` and age `T`
 * (from the first purchase day to the last one and to the calibration end, in `unit`s), `monetary`
 * the mean net spend of the repeat days, `calibration_sales` the net spend of all its purchase days
 * in calibration, and with a holdout, `holdout_x` and `holdout_sales` after the calibration end. Customers whose first purchase is after the calibration end are left out.
 * With `exactTime`, purchases are distinct timestamps and times are exact (see {@link SummaryOptions}).
 *
 * @example
 * customerSummaryQuery(duckdbDialect, { calibrationEnd: "1997-09-30", unit: "week" });
 * // rows: { customer_id: "00004", x: 2, t_x: 30.43, T: 38.86, monetary: 22.35, first_day: 9862, calibration_sales: 74.02 }
 */
export function customerSummaryQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const summary = summaryCtes(dialect, options);
  const { unit, inHoldoutAt, boundary } = summary;
  const ctes: Cte[] = [...summary.ctes];
  if (inHoldoutAt !== null) {
    ctes.push({
      name: "h",
      sql: (ref) => `SELECT customer_id, count(*) AS holdout_x, sum(spend) AS holdout_sales
        FROM ${ref("days")} AS days WHERE ${inHoldoutAt(boundary(ref))} GROUP BY customer_id`,
    });
  }
  // Unqualified columns and one join per SELECT, so ClickHouse 18.16 reads it too (see summaryCtes).
  // The holdout counts are renamed outside: ClickHouse resolves an alias equal to a column it reads.
  const sql = withCtes(dialect, ctes, (ref) => {
    const main = `SELECT customer_id, n - 1 AS x, (last_day - first_day) / ${unit}.0 AS t_x,
        (${boundary(ref)} - first_day) / ${unit}.0 AS "T",
        CASE WHEN n > 1 THEN (total - first_amount) / (n - 1) END AS monetary, first_day,
        total AS calibration_sales`;
    if (inHoldoutAt === null) return `${main} FROM ${ref("c")} AS c`;
    return `SELECT customer_id, x, t_x, "T", monetary, first_day, calibration_sales, hx AS holdout_x,
        hs AS holdout_sales
      FROM (${main}, coalesce(holdout_x, 0) AS hx, coalesce(holdout_sales, 0) AS hs
        FROM ${ref("c")} AS c ${dialect.smallTableJoin("LEFT")} ${ref("h")} AS h USING (customer_id)) AS s`;
  });
  return { sql, params: summary.params };
}

/**
 * The summary compressed to one row per distinct (x, t_x, T) with its customer count `n`, so model
 * fitting costs depend on distinct purchase patterns, not on the number of customers. Sorted by
 * (x, T, t_x): the models share the work of equal (x, T) (see predictPatterns, the Pareto/NBD
 * likelihood).
 *
 * @example
 * compressedSummaryQuery(duckdbDialect, { unit: "day" }); // rows: { x: 0, t_x: 0, T: 273, n: 57 }, …
 */
export function compressedSummaryQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const inner = customerSummaryQuery(dialect, options);
  return {
    sql: `SELECT x, t_x, "T", count(*) AS n FROM (${inner.sql}) s GROUP BY x, t_x, "T" ORDER BY x, "T", t_x`,
    params: inner.params,
  };
}

/**
 * The Gamma-Gamma input compressed: one row per distinct (x, monetary) of customers with at least one
 * repeat purchase and a positive mean repeat spend (the model is defined for positive spend only;
 * `monetary` rounded to 6 decimals, so every engine groups alike whatever order it sums in),
 * with its customer count `n`.
 *
 * @example
 * compressedSpendQuery(duckdbDialect, { calibrationEnd: "1997-09-30" }); // rows: { x: 1, monetary: 11.77, n: 3 }, …
 */
export function compressedSpendQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const inner = customerSummaryQuery(dialect, options);
  // Rounded to 6 decimals so engines summing a customer's lines in another order group alike.
  return {
    sql: `SELECT x, m6 AS monetary, count(*) AS n FROM (
        SELECT x, round(monetary, 6) AS m6 FROM (${inner.sql}) s WHERE x > 0 AND monetary > 0
      ) r GROUP BY x, m6 ORDER BY x, m6`,
    params: inner.params,
  };
}
