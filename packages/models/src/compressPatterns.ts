import type { NumericArray } from "./types.ts";

/** Distinct rows of the input columns and how many times each occurs. */
export interface CompressedPatterns {
  /** One Float64Array per input column, holding the distinct rows in first-seen order. */
  columns: Float64Array[];
  /** Number of input rows (customers) with each distinct row. */
  count: Float64Array;
}

/**
 * Collapses per-customer columns (e.g. x, tx, T) into distinct patterns plus counts, the sufficient
 * statistics every fit accepts. Use it when the data were not already aggregated in the database.
 * Rows are equal when all values are bit-identical numbers.
 *
 * @example
 * compressPatterns([[0, 1, 0], [0, 5, 0], [9, 9, 9]]);
 * // { columns: [[0, 1], [0, 5], [9, 9]], count: [2, 1] }
 */
export function compressPatterns(columns: readonly NumericArray[]): CompressedPatterns {
  const rows = columns[0]?.length ?? 0;
  const index = new Map<string, number>();
  const firstRow: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < rows; i++) {
    let key = "";
    for (const c of columns) key += `${c[i] as number},`;
    const found = index.get(key);
    if (found === undefined) {
      index.set(key, counts.length);
      firstRow.push(i);
      counts.push(1);
    } else {
      counts[found] = (counts[found] as number) + 1;
    }
  }
  return {
    columns: columns.map((c) => Float64Array.from(firstRow, (i) => c[i] as number)),
    count: Float64Array.from(counts),
  };
}
