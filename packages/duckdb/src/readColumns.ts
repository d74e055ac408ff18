import type { DuckDBDataChunk, DuckDBValue } from "@duckdb/node-api";
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

/** What a fixed-width vector of the driver holds: its values and its validity mask (null: all valid). */
interface RawVector {
  readonly items?: unknown;
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

const ALL_VALID = 0xffffffffffffffffn;

/**
 * Copies a numeric vector into `column` at `offset` from the vector's own buffer — one copy for
 * DOUBLE, one conversion per value for integers — then marks its nulls NaN a 64-row word of the
 * validity mask at a time. Returns false where the driver does not expose those buffers (the caller
 * then reads item by item). Item-by-item reads check validity with BigInt arithmetic per value,
 * which costs more than the read itself on a million rows.
 */
function copyVector(vector: unknown, count: number, column: Float64Array, offset: number): boolean {
  const raw = vector as RawVector;
  const items = raw.items;
  const mask = raw.validity?.data;
  if (raw.validity?.offset !== undefined && raw.validity.offset !== 0) return false;
  if (!(mask === null || mask instanceof BigUint64Array)) return false;
  if (items instanceof Float64Array && items.length === count) column.set(items, offset);
  else if (
    (items instanceof BigInt64Array ||
      items instanceof Int32Array ||
      items instanceof Int16Array ||
      items instanceof Int8Array ||
      items instanceof Uint32Array ||
      items instanceof Float32Array) &&
    items.length === count
  )
    for (let i = 0; i < count; i++) column[offset + i] = Number(items[i]);
  else return false;
  if (mask !== null)
    for (let w = 0; w * 64 < count; w++) {
      const word = mask[w] as bigint;
      if (word === ALL_VALID) continue;
      for (let b = 0; b < 64 && w * 64 + b < count; b++)
        if ((word & (1n << BigInt(b))) === 0n) column[offset + w * 64 + b] = Number.NaN;
    }
  return true;
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
      if (!copyVector(vector, count, column, offset))
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
