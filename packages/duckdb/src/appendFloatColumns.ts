import { DOUBLE, DuckDBDataChunk, DuckDBDoubleVector } from "@duckdb/node-api";
import type { DuckDBClient } from "./DuckDBClient.ts";

/** Rows per appended chunk: DuckDB's standard vector size. */
const CHUNK_ROWS = 2048;

/**
 * Appends columns of doubles to an existing temporary table whose columns are all DOUBLE, in table
 * order, a vector at a time: values are written into the chunk's memory here and copied over in one
 * native call per vector, where the appender's value-by-value calls cost about a second for half a
 * million rows of six columns.
 *
 * @example
 * await client.run(sql("CREATE TEMP TABLE t (x DOUBLE, y DOUBLE)"));
 * await appendFloatColumns(client, "t", [Float64Array.of(1, 2), Float64Array.of(3, 4)]);
 */
export async function appendFloatColumns(
  client: DuckDBClient,
  table: string,
  columns: readonly Float64Array[],
): Promise<void> {
  const rows = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== rows))
    throw new RangeError("appendFloatColumns: columns differ in length");
  const appender = await client.connection.createAppender(table, "main", "temp");
  try {
    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const count = Math.min(CHUNK_ROWS, rows - start);
      const chunk = DuckDBDataChunk.create(
        columns.map(() => DOUBLE),
        count,
      );
      columns.forEach((column, j) => {
        const vector = chunk.getColumnVector(j);
        if (!(vector instanceof DuckDBDoubleVector))
          throw new TypeError("appendFloatColumns: not a DOUBLE vector");
        const values = column.subarray(start, start + count);
        // The vector's own buffer, filled in one copy where the driver exposes it (a fresh chunk is
        // all valid, and NaN stays a valid double as setItem would store it); else item by item.
        const items = (vector as unknown as { items?: unknown }).items;
        if (items instanceof Float64Array && items.length === count) items.set(values);
        else for (let i = 0; i < count; i++) vector.setItem(i, values[i] as number);
        vector.flush();
      });
      appender.appendDataChunk(chunk);
    }
  } finally {
    appender.closeSync();
  }
}
