import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { customerPeriodsSql } from "./customerPeriodsSql.ts";
import { PERIODS_TABLE } from "./periodMapping.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import { SqlParams } from "./SqlParams.ts";

/**
 * The sums behind every retention metric, one row per period index `p` of the data range (and
 * group `g` when grouping): `active`, `active_start` = |A(P−1)|, `retained` = |R(P)|, `new`,
 * `base_s` = Σ_{A(P−1)} s_{P−1}, `ret_s` = Σ_R s_P, `ret_s_prev` = Σ_R s_{P−1},
 * `grr_s` = Σ_R min(s_P, s_{P−1}), the same four for profit (`*_m`) and `unknown_m` (> 0 when some
 * profit is unknown). Rates are formed from them by `retentionRows`.
 *
 * Plain GROUP BYs and one equi-join of the active set with itself shifted by one period — no window
 * functions, so engines without them run the same shape.
 *
 * @example
 * const q = retentionQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export function retentionQuery(dialect: Dialect, o: ResolvedRetentionOptions): SqlQuery {
  const params = new SqlParams(dialect);
  const cp = customerPeriodsSql(dialect, params, o);
  const grouped = o.by !== null;
  const g = (alias: string) => (grouped ? `${alias}.g, ` : "");
  const gJoin = (a: string, b: string) => (grouped ? ` AND ${a}.g = ${b}.g` : "");
  const text = `WITH cp AS (${cp}),
  a AS MATERIALIZED (SELECT ${grouped ? "c, g, p" : "c, p"}, s, m FROM cp WHERE active),
  base AS (
    SELECT ${g("prev")}prev.p + 1 AS p,
      count(*) AS active_start,
      count(cur.c) AS retained,
      sum(prev.s) AS base_s,
      sum(cur.s) AS ret_s,
      sum(CASE WHEN cur.c IS NOT NULL THEN prev.s END) AS ret_s_prev,
      sum(CASE WHEN cur.c IS NOT NULL THEN least(cur.s, prev.s) END) AS grr_s,
      sum(prev.m) AS base_m,
      sum(cur.m) AS ret_m,
      sum(CASE WHEN cur.c IS NOT NULL THEN prev.m END) AS ret_m_prev,
      sum(CASE WHEN cur.c IS NOT NULL THEN least(cur.m, prev.m) END) AS grr_m,
      count(CASE WHEN prev.m IS NULL OR (cur.c IS NOT NULL AND cur.m IS NULL) THEN 1 END) AS unknown_m
    FROM a AS prev
    LEFT JOIN a AS cur ON cur.c = prev.c AND cur.p = prev.p + 1${gJoin("cur", "prev")}
    GROUP BY ${g("prev")}prev.p
  ),
  act AS (SELECT ${g("a")}a.p, count(*) AS active FROM a GROUP BY ${g("a")}a.p),
  firsts AS (SELECT ${g("a")}min(a.p) AS p FROM a GROUP BY ${g("a")}a.c),
  news AS (SELECT ${g("f")}f.p, count(*) AS new FROM firsts AS f GROUP BY ${g("f")}f.p),
  grid AS (
    SELECT ${grouped ? "gs.g, " : ""}pr.idx AS p FROM ${dialect.quoteIdent(PERIODS_TABLE)} AS pr
    ${grouped ? "CROSS JOIN (SELECT DISTINCT g FROM a) AS gs" : ""}
  )
  SELECT ${grouped ? "grid.g AS g" : "CAST(NULL AS VARCHAR) AS g"}, grid.p AS p,
    coalesce(act.active, 0) AS active,
    coalesce(base.active_start, 0) AS active_start,
    coalesce(base.retained, 0) AS retained,
    coalesce(news.new, 0) AS new,
    coalesce(base.base_s, 0) AS base_s, coalesce(base.ret_s, 0) AS ret_s,
    coalesce(base.ret_s_prev, 0) AS ret_s_prev, coalesce(base.grr_s, 0) AS grr_s,
    coalesce(base.base_m, 0) AS base_m, coalesce(base.ret_m, 0) AS ret_m,
    coalesce(base.ret_m_prev, 0) AS ret_m_prev, coalesce(base.grr_m, 0) AS grr_m,
    coalesce(base.unknown_m, 0) AS unknown_m
  FROM grid
  LEFT JOIN base ON base.p = grid.p${gJoin("base", "grid")}
  LEFT JOIN act ON act.p = grid.p${gJoin("act", "grid")}
  LEFT JOIN news ON news.p = grid.p${gJoin("news", "grid")}
  ORDER BY ${grouped ? "grid.g, " : ""}grid.p`;
  return { sql: text, params: params.values };
}
