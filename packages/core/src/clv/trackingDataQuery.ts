import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { SummaryOptions } from "./SummaryOptions.ts";
import { summaryCtes } from "./summaryCtes.ts";

/**
 * Per calendar day (epoch day), the customers whose first purchase fell on it (`births`) and the
 * repeat purchases made on it (`repeats`) by customers born in the calibration period, up to the
 * holdout end (or the calibration end without one). The data of the cumulative tracking plot of the
 * BG/NBD paper (Figure 1): the model's expectation is the births of each day times E[X(t − day)].
 * Purchases are counted exactly as in {@link customerSummaryQuery}.
 *
 * @example
 * trackingDataQuery(duckdbDialect, { calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
 * // rows: { day: 9862, births: 17, repeats: 0 }, …
 */
export function trackingDataQuery(dialect: Dialect, options: SummaryOptions = {}): SqlQuery {
  const ctes = summaryCtes(dialect, options);
  const window =
    ctes.inHoldout === null ? ctes.inCalibration : `(${ctes.inCalibration} OR ${ctes.inHoldout})`;
  const dayOf = (expr: string) => (ctes.exact ? `CAST(floor(${expr}) AS INTEGER)` : expr);
  return {
    sql: `${ctes.sql},
      b AS (SELECT ${dayOf("first_day")} AS day, count(*) AS births FROM c GROUP BY 1),
      r AS (
        SELECT ${dayOf("days.d")} AS day, count(*) AS repeats FROM days
        JOIN c ON c.customer_id = days.customer_id AND days.d > c.first_day
        WHERE ${window} GROUP BY 1
      )
      SELECT coalesce(b.day, r.day) AS day, coalesce(b.births, 0) AS births, coalesce(r.repeats, 0) AS repeats
      FROM b FULL OUTER JOIN r ON r.day = b.day ORDER BY 1`,
    params: ctes.params,
  };
}
