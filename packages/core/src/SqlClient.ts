import type { SqlQuery } from "./SqlQuery.ts";

/** One result row as plain JSON-safe values (BIGINT as number when it fits, else string). */
export type Row = Record<string, unknown>;

/**
 * The small surface every engine adapter gives the core: run a statement, read rows.
 * Adapters (DuckDB, ClickHouse, PostgreSQL) implement it; the core never imports a driver.
 */
export interface SqlClient {
  /** Runs a query and returns its rows. */
  all(query: SqlQuery): Promise<Row[]>;
  /** Runs a statement for its effect. */
  run(query: SqlQuery): Promise<void>;
}
