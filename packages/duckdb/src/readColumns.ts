import { type DuckDBDataChunk, DuckDBDoubleVector, type DuckDBValue } from "@duckdb/node-api";
import type { SqlQuery } from "@vafa/core";
import type { DuckDBClient } from "./DuckDBClient.ts";

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

/**
 * Runs a query whose columns are all numeric and returns them as Float64Arrays (null → NaN), read
 * chunk by chunk from the vectors. Model inputs of a million rows would otherwise go through one JS
 * value per cell (and a BigInt per BIGINT), which costs seconds; cast to DOUBLE in SQL for speed.
 *
 * @example
 * const { x, n } = await readFloatColumns(client, sql("SELECT CAST(x AS DOUBLE) AS x, CAST(n AS DOUBLE) AS n FROM t"));
 */
export async function readFloatColumns(
  client: DuckDBClient,
  query: SqlQuery,
): Promise<Record<string, Float64Array>> {
  const params: DuckDBValue[] = query.params.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await client.connection.run(query.sql, params);
  const names = result.columnNames();
  const chunks: DuckDBDataChunk[] = [];
  let rows = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    chunks.push(chunk);
    rows += chunk.rowCount;
  }
  const out: Record<string, Float64Array> = {};
  names.forEach((name, j) => {
    const column = new Float64Array(rows);
    let offset = 0;
    for (const chunk of chunks) {
      const vector = chunk.getColumnVector(j);
      const count = chunk.rowCount;
      // A DOUBLE vector without nulls is copied from its own buffer in one step; others item by item.
      const raw = vector as unknown as { items?: unknown; validity?: { data?: unknown } };
      if (
        vector instanceof DuckDBDoubleVector &&
        raw.items instanceof Float64Array &&
        raw.items.length === count &&
        raw.validity?.data === null
      )
        column.set(raw.items, offset);
      else
        for (let i = 0; i < count; i++) {
          const v = vector.getItem(i);
          column[offset + i] = typeof v === "number" ? v : v === null ? Number.NaN : Number(v);
        }
      offset += count;
    }
    out[name] = column;
  });
  return out;
}
