import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { customerPeriodsSql } from "./customerPeriodsSql.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import { SqlParams } from "./SqlParams.ts";

/**
 * Cohort cells: one row per (cohort, period p ≥ cohort) with `active` (members active in p),
 * `s` / `m` (members' net sales / profit in p, null profit if unknown) and `last_active` (members
 * whose last active period is p, for "on or after"). The cohort is the first active period.
 *
 * @example
 * const q = cohortQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export function cohortQuery(dialect: Dialect, o: ResolvedRetentionOptions): SqlQuery {
  const params = new SqlParams(dialect);
  const cp = customerPeriodsSql(dialect, params, { ...o, by: null });
  const text = `WITH cp AS (${cp}),
  span AS (SELECT c, min(p) AS p0, max(p) AS p1 FROM cp WHERE active GROUP BY c),
  cells AS (
    SELECT span.p0 AS cohort, cp.p AS p,
      count(CASE WHEN cp.active THEN 1 END) AS active,
      sum(cp.s) AS s,
      CASE WHEN count(cp.m) = count(*) THEN sum(cp.m) END AS m
    FROM cp JOIN span ON span.c = cp.c
    WHERE cp.p >= span.p0
    GROUP BY span.p0, cp.p
  ),
  lasts AS (SELECT p0 AS cohort, p1 AS p, count(*) AS last_active FROM span GROUP BY p0, p1)
  SELECT cells.cohort, cells.p, cells.active, cells.s, cells.m, coalesce(lasts.last_active, 0) AS last_active
  FROM cells LEFT JOIN lasts ON lasts.cohort = cells.cohort AND lasts.p = cells.p
  ORDER BY cells.cohort, cells.p`;
  return { sql: text, params: params.values };
}
