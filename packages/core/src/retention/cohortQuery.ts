import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { customerPeriodsSql } from "./customerPeriodsSql.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import { SqlParams } from "./SqlParams.ts";
import { withCtes } from "./withCtes.ts";

/**
 * Cohort cells: one row per (cohort, period p ≥ cohort) with `active` (members active in p),
 * `s` / `m` (members' net sales / profit in p, null profit if unknown) and `last_active` (members
 * whose last active period is p, for "on or after"). The cohort is the first active period.
 * One join per SELECT and no alias equal to a column it reads, so ClickHouse 18.16 runs it too.
 *
 * @example
 * const q = cohortQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export function cohortQuery(dialect: Dialect, o: ResolvedRetentionOptions): SqlQuery {
  const params = new SqlParams(dialect);
  const cp = customerPeriodsSql(dialect, params, { ...o, by: null });
  const text = withCtes(
    dialect,
    [
      { name: "cp", sql: () => cp },
      {
        name: "span",
        sql: (ref) =>
          `SELECT c AS sc, min(p) AS p0, max(p) AS p1 FROM ${ref("cp")} AS cp WHERE active GROUP BY c`,
      },
      {
        name: "cells",
        sql: (ref) => `SELECT span.p0 AS cohort, cp.p AS cell_p,
      count(CASE WHEN cp.active THEN 1 END) AS cell_active,
      sum(cp.s) AS cell_s,
      CASE WHEN count(cp.m) = count(*) THEN sum(cp.m) END AS cell_m
    FROM ${ref("cp")} AS cp JOIN ${ref("span")} AS span ON span.sc = cp.c
    WHERE cp.p >= span.p0
    GROUP BY span.p0, cp.p`,
      },
      {
        name: "lasts",
        sql: (ref) =>
          `SELECT p0 AS last_cohort, p1 AS last_p, count(*) AS last_n FROM ${ref("span")} AS span GROUP BY p0, p1`,
      },
    ],
    (
      ref,
    ) => `SELECT cells.cohort AS cohort, cells.cell_p AS p, cells.cell_active AS active, cells.cell_s AS s,
    cells.cell_m AS m, coalesce(lasts.last_n, 0) AS last_active
  FROM ${ref("cells")} AS cells
  LEFT JOIN ${ref("lasts")} AS lasts ON lasts.last_cohort = cells.cohort AND lasts.last_p = cells.cell_p
  ORDER BY cohort, p`,
  );
  return { sql: text, params: params.values };
}
