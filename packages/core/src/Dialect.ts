/**
 * What differs between SQL engines, kept small: the core writes one query and asks the dialect
 * for the few pieces each engine spells differently. Add a member only when a query needs it.
 *
 * @example
 * const d: Dialect = duckdbDialect;
 * `SELECT ${d.epochDay("occurred_at")} AS day FROM transactions`;
 */
export interface Dialect {
  readonly name: "duckdb" | "clickhouse" | "postgres";
  /** Quotes an identifier. */
  quoteIdent(name: string): string;
  /** The placeholder for positional parameter `index` (1-based). */
  param(index: number): string;
  /** Integer days since 1970-01-01 of a UTC timestamp expression, as a civil day in `timeZone` (a bound parameter placeholder or null for UTC). */
  epochDay(timestamp: string, timeZone: string | null): string;
  /** The median of a numeric expression (an aggregate). */
  median(expr: string): string;
  /**
   * A query over `source` (a subquery of distinct `(key, value)` rows) giving one row `(key, gap)`
   * per value after the first of its key: the value minus the previous value of the same key. Engines
   * spell "previous row" differently (a window `lag` in DuckDB, sorted arrays where there are no
   * window functions), so the whole relation is the dialect's.
   */
  consecutiveGaps(source: string, key: string, value: string): string;
  /** A statement creating (or replacing) a session-local temporary table from a SELECT. */
  createTempTable(name: string, select: string): string;
  /** A FROM-clause item listing literal integer rows with the given column names. */
  integerRows(columns: readonly string[], rows: readonly (readonly number[])[]): string;
}
