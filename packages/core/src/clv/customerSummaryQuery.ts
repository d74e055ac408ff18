import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";
import { summaryCtes } from "./summaryCtes.ts";

/**
 * The per-customer summary of the "buy 'til you die" models, from transactions, in SQL: `x` repeat
 * purchase days (distinct days with at least one non-negative line, so zero-priced purchases count
 * and days of returns only do not; after the first), recency `t_x` and age `T`
 * (from the first purchase day to the last one and to the calibration end, in `unit`s), `monetary`
 * the mean net spend of the repeat days, and with a holdout, `holdout_x` and `holdout_sales` after
 * the calibration end. Customers whose first purchase is after the calibration end are left out.
 * With `exactTime`, purchases are distinct timestamps and times are exact (see {@link SummaryOptions}).
 *
 * @example
 * customerSummaryQuery(duckdbDialect, { calibrationEnd: "1997-09-30", unit: "week" });
 * // rows: { customer_id: "00004", x: 2, t_x: 30.43, T: 38.86, monetary: 22.35, first_day: 9862 }
 */
export function customerSummaryQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const ctes = summaryCtes(dialect, options);
  const { unit, inHoldout } = ctes;
  const holdout =
    inHoldout === null
      ? ""
      : `, h AS (SELECT customer_id, count(*) AS holdout_x, sum(amount) AS holdout_sales FROM days
          WHERE ${inHoldout} GROUP BY customer_id)`;
  return {
    sql: `${ctes.sql}${holdout}
      SELECT c.customer_id, c.n - 1 AS x, (c.last_day - c.first_day) / ${unit}.0 AS t_x,
        ((SELECT e FROM cal) - c.first_day) / ${unit}.0 AS "T",
        CASE WHEN c.n > 1 THEN (c.total - c.first_amount) / (c.n - 1) END AS monetary, c.first_day
        ${inHoldout === null ? "" : ", coalesce(h.holdout_x, 0) AS holdout_x, coalesce(h.holdout_sales, 0) AS holdout_sales"}
      FROM c ${inHoldout === null ? "" : "LEFT JOIN h ON h.customer_id = c.customer_id"}`,
    params: ctes.params,
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

/**
 * The Gamma-Gamma input compressed: one row per distinct (x, monetary) of customers with at least one
 * repeat purchase and a positive mean repeat spend (the model is defined for positive spend only),
 * with its customer count `n`.
 *
 * @example
 * compressedSpendQuery(duckdbDialect, { calibrationEnd: "1997-09-30" }); // rows: { x: 1, monetary: 11.77, n: 3 }, …
 */
export function compressedSpendQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const inner = customerSummaryQuery(dialect, options);
  return {
    sql: `SELECT x, monetary, count(*) AS n FROM (${inner.sql}) s WHERE x > 0 AND monetary > 0
      GROUP BY x, monetary ORDER BY x, monetary`,
    params: inner.params,
  };
}
