import type { Dialect } from "../Dialect.ts";

/** One named subquery of a query; `sql` may refer to earlier ones through `ref`. */
export interface Cte {
  readonly name: string;
  readonly sql: (ref: (name: string) => string) => string;
  /**
   * true: ask the engine to compute it once (DuckDB `AS MATERIALIZED`); false: to inline it where it
   * is used (`AS NOT MATERIALIZED`, for a cheap scan that would cost more to store than to repeat);
   * default: the engine decides.
   */
  readonly materialized?: boolean;
}

/** The materialization hint of a subquery, where the engine takes one. */
export function materialization(dialect: Dialect, cte: Cte): string {
  if (cte.materialized === undefined || dialect.name === "clickhouse") return "";
  return cte.materialized ? "MATERIALIZED " : "NOT MATERIALIZED ";
}

/**
 * Writes a query with named subqueries: as `WITH name AS (…) body` where the engine has common table
 * expressions, else with each reference replaced by the parenthesised subquery (ClickHouse 18.16).
 * `ref(name)` gives what to write where the subquery is used: the name, or `(subquery)`; always follow
 * it with `AS alias`.
 *
 * @example
 * withCtes(dialect, [{ name: "a", sql: () => "SELECT 1 AS x" }], (ref) => `SELECT x FROM ${ref("a")} AS a`);
 * // DuckDB: "WITH a AS (SELECT 1 AS x) SELECT x FROM a AS a"; ClickHouse 18.16: "SELECT x FROM (SELECT 1 AS x) AS a"
 */
export function withCtes(
  dialect: Dialect,
  ctes: readonly Cte[],
  body: (ref: (name: string) => string) => string,
): string {
  const known = new Set(ctes.map((c) => c.name));
  if (dialect.capabilities.commonTableExpressions) {
    const ref = (name: string) => {
      if (!known.has(name)) throw new Error(`withCtes: unknown subquery ${name}`);
      return name;
    };
    const parts = ctes.map((c) => `${c.name} AS ${materialization(dialect, c)}(${c.sql(ref)})`);
    return `WITH ${parts.join(",\n  ")}\n${body(ref)}`;
  }
  const inlined = new Map<string, string>();
  const ref = (name: string) => {
    const text = inlined.get(name);
    if (text === undefined) throw new Error(`withCtes: unknown or later subquery ${name}`);
    return `(${text})`;
  };
  for (const c of ctes) inlined.set(c.name, c.sql(ref));
  return body(ref);
}
