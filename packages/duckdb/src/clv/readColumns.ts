import type { DuckDBValue } from "@duckdb/node-api";
import type { SqlQuery } from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";

/** Query result as columns of plain JS values, keyed by column name. */
export type Columns = Record<string, unknown[]>;

/**
 * Runs a query and returns its columns rather than row objects: model inputs are columns, and one
 * array per column avoids building an object per row for hundreds of thousands of rows.
 *
 * @example
 * const cols = await readColumns(client, compressedSummaryQuery(duckdbDialect));
 * const x = floatColumn(cols, "x");
 */
export async function readColumns(client: DuckDBClient, query: SqlQuery): Promise<Columns> {
  const params: DuckDBValue[] = query.params.map((v) => (v instanceof Date ? v.toISOString() : v));
  const reader = await client.connection.runAndReadAll(query.sql, params);
  return reader.getColumnsObjectJS() as Columns;
}

/**
 * A numeric column as a Float64Array (null becomes NaN, BIGINT a number).
 *
 * @example
 * floatColumn({ x: [0, 1n, null] }, "x"); // Float64Array [0, 1, NaN]
 */
export function floatColumn(columns: Columns, name: string): Float64Array {
  const values = columns[name];
  if (values === undefined) throw new Error(`missing column '${name}'`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? Number.NaN : Number(v);
  }
  return out;
}
