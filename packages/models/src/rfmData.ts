import type { NumericArray } from "./types.ts";

/**
 * Compressed recency–frequency data for the continuous-time purchase models: one entry per distinct
 * pattern. `x` repeat purchases, `tx` time of the last repeat purchase (0 when x = 0), `T` time since
 * the first purchase, `count` customers sharing the pattern (default 1 each). Time in any unit
 * (days, weeks), used consistently.
 */
export interface RfmData {
  x: NumericArray;
  tx: NumericArray;
  T: NumericArray;
  count?: NumericArray;
}

/**
 * Per-pattern weights and their total, validating lengths. Compressed input is what keeps fitting
 * cost proportional to distinct patterns rather than customers.
 *
 * @example
 * patternWeights(undefined, 3); // { weights: [1, 1, 1], n: 3 }
 */
export function patternWeights(
  count: NumericArray | undefined,
  length: number,
): { weights: Float64Array; n: number } {
  const weights = new Float64Array(length);
  let n = 0;
  if (count !== undefined && count.length !== length) {
    throw new RangeError(`count has ${count.length} entries but the data have ${length}`);
  }
  for (let i = 0; i < length; i++) {
    const w = count === undefined ? 1 : (count[i] as number);
    weights[i] = w;
    n += w;
  }
  return { weights, n };
}

/**
 * Throws a RangeError unless all columns have the same length; returns that length. Mismatched columns
 * would otherwise silently read `undefined` as NaN deep inside a likelihood.
 *
 * @example
 * sameLength({ x: [1, 2], T: [3, 4] }); // 2
 */
export function sameLength(columns: Record<string, NumericArray>): number {
  let length = -1;
  for (const [name, column] of Object.entries(columns)) {
    if (length === -1) length = column.length;
    else if (column.length !== length)
      throw new RangeError(`${name} has ${column.length} entries, expected ${length}`);
  }
  return Math.max(length, 0);
}

/**
 * Weighted mean of a column (weights from {@link patternWeights}); used to scale starting points.
 *
 * @example
 * weightedMean([1, 3], Float64Array.of(1, 3), 4); // 2.5
 */
export function weightedMean(values: NumericArray, weights: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i] as number) * (weights[i] as number);
  return s / n;
}
