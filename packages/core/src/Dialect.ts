/**
 * What differs between SQL engines, kept small: the core writes one query and asks the dialect
 * for the few pieces each engine spells differently. Add a member only when a query needs it.
 *
 * @example
 * const d: Dialect = duckdbDialect;
 * `SELECT ${d.epochDay("occurred_at")} AS day FROM transactions`;
 */
/**
 * What an engine (or a version of it) can do, for queries that need a different shape without it.
 * A dialect built for a live connection (ClickHouse: from `SELECT version()`) sets these.
 */
export interface DialectCapabilities {
  /** `WITH name AS (SELECT …)`; without it, shared subqueries are written inline (see `withCtes`). */
  readonly commonTableExpressions: boolean;
  /** Window functions (`lag(…) OVER (…)`). */
  readonly windowFunctions: boolean;
  /** Server-side bound parameters; without them values are rendered as validated typed literals. */
  readonly queryParameters: boolean;
}

/** The SQL types core queries cast to or spell typed NULLs of. */
export type SqlType = "VARCHAR" | "DOUBLE" | "INTEGER";

export interface Dialect {
  readonly name: "duckdb" | "clickhouse" | "postgres";
  readonly capabilities: DialectCapabilities;
  /** A NULL of the given type (ClickHouse needs `Nullable(…)`, a plain CAST to a type is not nullable there). */
  nullOf(type: SqlType): string;
  /**
   * The JOIN keywords for joining a small table (the session-local day → period map, `customers`)
   * to a fact table read in the same SELECT. ClickHouse says GLOBAL, so over a Distributed table the
   * small side is computed once where the query starts and shipped to every shard; elsewhere plain.
   */
  smallTableJoin(kind: "INNER" | "LEFT"): string;
  /** Quotes an identifier. */
  quoteIdent(name: string): string;
  /** The placeholder for positional parameter `index` (1-based). */
  param(index: number): string;
  /** Integer days since 1970-01-01 of a UTC timestamp expression, as a civil day in `timeZone` (a bound parameter placeholder or null for UTC). */
  epochDay(timestamp: string, timeZone: string | null): string;
  /** The aggregate giving `arg` from the row of smallest `value` (DuckDB `arg_min`, ClickHouse `argMin`). */
  argMin(arg: string, value: string): string;
  /** The aggregate giving `arg` from the row of largest `value` (DuckDB `arg_max`, ClickHouse `argMax`). */
  argMax(arg: string, value: string): string;
  /**
   * The per-customer purchase-day table the engine's store keeps current on every load, or null where
   * it keeps none: `customer_id`, `day` (epoch day of the stored timestamp), `spend` (the day's net
   * amount) and `top` (its largest line). Whole-day summaries in stored time read it instead of
   * grouping every transaction again, the most expensive step of a model summary.
   */
  readonly customerDays: string | null;
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
  /** A statement dropping that temporary table if it exists, run before `createTempTable` where it cannot replace; null where it can. */
  dropTempTable(name: string): string | null;
  /**
   * `text LIKE pattern` where a backslash in the pattern makes the next character literal (DuckDB
   * needs `ESCAPE '\\'`; ClickHouse escapes with a backslash and has no ESCAPE clause).
   */
  like(text: string, pattern: string): string;
  /** A FROM-clause item listing literal integer rows with the given column names. */
  integerRows(columns: readonly string[], rows: readonly (readonly number[])[]): string;
  /**
   * What follows `INSERT INTO table (…) VALUES …` so that a row replaces the stored row of the same
   * `key` (a derived table such as `customer_status`, one row per customer): DuckDB updates it in
   * place (`ON CONFLICT (key) DO UPDATE SET …`); ClickHouse appends, since its keyed tables are
   * ReplacingMergeTrees over a `version` column, read as the latest version per key.
   */
  replaceOnKey(key: string, columns: readonly string[]): string;
}
