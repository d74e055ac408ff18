import type { Dialect } from "../Dialect.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { customerPeriodsSql } from "./customerPeriodsSql.ts";
import { PERIODS_TABLE } from "./periodMapping.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import { SqlParams } from "./SqlParams.ts";
import { withCtes } from "./withCtes.ts";

/**
 * The sums behind every retention metric, one row per period index `p` of the data range (and
 * group `g` when grouping): `active`, `active_start` = |A(P−1)|, `retained` = |R(P)|, `new`,
 * `base_s` = Σ_{A(P−1)} s_{P−1}, `ret_s` = Σ_R s_P, `ret_s_prev` = Σ_R s_{P−1},
 * `grr_s` = Σ_R min(s_P, s_{P−1}), the same four for profit (`*_m`) and `unknown_m` (> 0 when some
 * profit is unknown). Rates are formed from them by `retentionRows`.
 *
 * Plain GROUP BYs and one equi-join of the active set with itself shifted by one period — no window
 * functions, at most one join per SELECT, and the two sides of a join with distinct column names, so
 * engines without them (ClickHouse 18.16) run the same shape.
 *
 * @example
 * const q = retentionQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export function retentionQuery(dialect: Dialect, o: ResolvedRetentionOptions): SqlQuery {
  const params = new SqlParams(dialect);
  const cp = customerPeriodsSql(dialect, params, o);
  const grouped = o.by !== null;
  const g = (alias: string) => (grouped ? `${alias}.g, ` : "");
  const nextG = grouped ? "g AS ng, " : "";
  const text = withCtes(
    dialect,
    [
      { name: "cp", sql: () => cp },
      {
        name: "a",
        materialized: true,
        sql: (ref) => `SELECT ${grouped ? "c, g, p" : "c, p"}, s, m FROM ${ref("cp")} AS cp WHERE active`,
      },
      {
        name: "base",
        sql: (ref) => `SELECT ${grouped ? "prev.g AS g, " : ""}CAST(prev.p + 1 AS INTEGER) AS bp,
      count(*) AS active_start,
      count(cur.nc) AS retained,
      sum(prev.s) AS base_s,
      sum(cur.ns) AS ret_s,
      sum(CASE WHEN cur.nc IS NOT NULL THEN prev.s END) AS ret_s_prev,
      sum(CASE WHEN cur.nc IS NOT NULL THEN least(cur.ns, prev.s) END) AS grr_s,
      sum(prev.m) AS base_m,
      sum(cur.nm) AS ret_m,
      sum(CASE WHEN cur.nc IS NOT NULL THEN prev.m END) AS ret_m_prev,
      sum(CASE WHEN cur.nc IS NOT NULL THEN least(cur.nm, prev.m) END) AS grr_m,
      count(CASE WHEN prev.m IS NULL OR (cur.nc IS NOT NULL AND cur.nm IS NULL) THEN 1 END) AS unknown_m
    FROM ${ref("a")} AS prev
    LEFT JOIN (SELECT c AS nc, ${nextG}CAST(p - 1 AS INTEGER) AS np, s AS ns, m AS nm FROM ${ref("a")} AS a) AS cur
      ON cur.nc = prev.c AND cur.np = prev.p${grouped ? " AND cur.ng = prev.g" : ""}
    GROUP BY ${g("prev")}prev.p`,
      },
      {
        name: "act",
        sql: (ref) =>
          `SELECT ${grouped ? "a.g AS g, " : ""}a.p AS ap, count(*) AS active FROM ${ref("a")} AS a GROUP BY ${g("a")}a.p`,
      },
      {
        name: "news",
        sql: (ref) =>
          `SELECT ${grouped ? "f.fg AS g, " : ""}f.fp AS np, count(*) AS new
    FROM (SELECT ${grouped ? "a.g AS fg, " : ""}min(a.p) AS fp FROM ${ref("a")} AS a GROUP BY ${g("a")}a.c) AS f
    GROUP BY ${grouped ? "f.fg, " : ""}f.fp`,
      },
      {
        name: "grid",
        sql: (ref) =>
          grouped
            ? `SELECT gs.gg AS g, pr.idx AS p FROM ${dialect.quoteIdent(PERIODS_TABLE)} AS pr CROSS JOIN (SELECT DISTINCT g AS gg FROM ${ref("a")} AS ag) AS gs`
            : `SELECT pr.idx AS p FROM ${dialect.quoteIdent(PERIODS_TABLE)} AS pr`,
      },
    ],
    (ref) => {
      // One LEFT JOIN per level — grid ⟕ base, then ⟕ act, then ⟕ news — with the right side's
      // columns renamed (`base_…`), so no alias shadows a column on any engine.
      const right = (name: string, period: string, columns: readonly string[]) =>
        `(SELECT ${grouped ? `g AS ${name}_g, ` : ""}${period} AS ${name}_p, ${columns.map((c) => `${c} AS ${name}_${c}`).join(", ")} FROM ${ref(name)} AS x) AS ${name}
      ON ${name}.${name}_p = l.p${grouped ? ` AND ${name}.${name}_g = l.g` : ""}`;
      const sums = [
        "active_start",
        "retained",
        "base_s",
        "ret_s",
        "ret_s_prev",
        "grr_s",
        "base_m",
        "ret_m",
        "ret_m_prev",
        "grr_m",
        "unknown_m",
      ];
      const keep = (columns: readonly string[]) => columns.map((c) => `l.${c} AS ${c}`).join(", ");
      const keys = grouped ? "l.g AS g, l.p AS p" : "l.p AS p";
      const withBase = `SELECT ${keys}, ${sums.map((c) => `coalesce(base.base_${c}, 0) AS ${c}`).join(", ")}
      FROM ${ref("grid")} AS l
      LEFT JOIN ${right("base", "bp", sums)}`;
      const withAct = `SELECT ${keys}, ${keep(sums)}, coalesce(act.act_active, 0) AS active
      FROM (${withBase}) AS l
      LEFT JOIN ${right("act", "ap", ["active"])}`;
      return `SELECT ${grouped ? "l.g AS g" : `${dialect.nullOf("VARCHAR")} AS g`}, l.p AS p, l.active AS active,
        l.active_start AS active_start, l.retained AS retained, coalesce(news.news_new, 0) AS new,
        ${keep(sums.slice(2))}
      FROM (${withAct}) AS l
      LEFT JOIN ${right("news", "np", ["new"])}
      ORDER BY ${grouped ? "g, " : ""}p`;
    },
  );
  return { sql: text, params: params.values };
}
