import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { Row, SqlClient, SqlQuery, SqlValue } from "@vafa/core";

/** Converts a driver value to a JSON-safe one: BIGINT to number when exact, timestamps to ISO text. */
function toPlain(value: unknown): unknown {
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}

function toDuckDB(value: SqlValue): DuckDBValue {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * The `SqlClient` over one DuckDB connection: binds `$n` parameters, returns plain rows.
 *
 * @example
 * const client = new DuckDBClient(connection);
 * const rows = await client.all(sql("SELECT count(*) AS n FROM transactions"));
 */
export class DuckDBClient implements SqlClient {
  constructor(readonly connection: DuckDBConnection) {}

  async all(query: SqlQuery): Promise<Row[]> {
    const reader = await this.connection.runAndReadAll(query.sql, query.params.map(toDuckDB));
    return reader.getRowObjectsJS().map((row) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
      return out;
    });
  }

  async run(query: SqlQuery): Promise<void> {
    await this.connection.run(query.sql, query.params.map(toDuckDB));
  }
}
