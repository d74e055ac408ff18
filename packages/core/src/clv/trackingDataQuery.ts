import type { Dialect } from "../Dialect.ts";
import { type Cte, withCtes } from "../retention/withCtes.ts";
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
  const summary = summaryCtes(dialect, options);
  const dayOf = (expr: string) => (summary.exact ? `floor(${expr})` : expr);
  const ctes: Cte[] = [
    ...summary.ctes,
    {
      name: "b",
      sql: (ref) => `SELECT ${dayOf("first_day")} AS day, count(*) AS nb FROM ${ref("c")} AS c
        GROUP BY ${dayOf("first_day")}`,
    },
    {
      name: "r",
      sql: (ref) => {
        const e = summary.boundary(ref);
        const inCalibration = summary.exact ? `d < ${e}` : `d <= ${e}`;
        const inWindow =
          summary.inHoldoutAt === null ? inCalibration : `(${inCalibration} OR ${summary.inHoldoutAt(e)})`;
        // An equi-join and the repeat condition as a filter, so engines without inequality joins read it.
        return `SELECT ${dayOf("d")} AS day, count(*) AS nr
          FROM ${ref("days")} AS days ${dialect.smallTableJoin("INNER")} ${ref("c")} AS c USING (customer_id)
          WHERE d > first_day AND ${inWindow} GROUP BY ${dayOf("d")}`;
      },
    },
  ];
  // Unqualified columns, USING and no alias equal to a column read, so ClickHouse 18.16 reads it too.
  return {
    sql: withCtes(
      dialect,
      ctes,
      (ref) => `SELECT day, coalesce(nb, 0) AS births, coalesce(nr, 0) AS repeats
        FROM ${ref("b")} AS b FULL OUTER JOIN ${ref("r")} AS r USING (day) ORDER BY day`,
    ),
    params: summary.params,
  };
}
