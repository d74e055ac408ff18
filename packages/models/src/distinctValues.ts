import type { NumericArray } from "./types.ts";

/** A column split into its distinct values and, per row, the index of the row's value among them. */
export interface DistinctValues {
  /** The distinct values, in first-seen order. */
  values: Float64Array;
  /** For each row, the index of its value in `values`. */
  index: Int32Array;
}

/**
 * Splits a column into distinct values and row indices. Likelihood terms that depend on one column
 * only (ln(α + T), ln Γ(r + x), …) are then computed once per distinct value per evaluation, not once
 * per row: a million customers have only a few hundred distinct x and about a thousand distinct T.
 * Values are equal when they are the same number (so −0 and 0 are one value; NaN is one value).
 *
 * @example
 * distinctValues([3, 1, 3]); // { values: [3, 1], index: [0, 1, 0] }
 */
export function distinctValues(column: NumericArray): DistinctValues {
  const len = column.length;
  const index = new Int32Array(len);
  const seen = new Map<number, number>();
  const values: number[] = [];
  for (let i = 0; i < len; i++) {
    const v = column[i] as number;
    let k = seen.get(v);
    if (k === undefined) {
      k = values.length;
      seen.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(values), index };
}

/**
 * Deterministic pseudo-random subset of about `target` of `length` rows (all rows when length ≤
 * target), as row indices. Used to fit a cheap stand-in likelihood whose optimum warm-starts the fit on
 * all patterns; a multiplicative hash rather than a stride so sorted inputs are not sampled
 * periodically.
 *
 * @example
 * sampleRows(100_000, 20_000).length; // ≈ 20,000
 */
export function sampleRows(length: number, target: number): Int32Array {
  if (length <= target) return Int32Array.from({ length }, (_, i) => i);
  const threshold = Math.floor((target / length) * 4294967296);
  const out: number[] = [];
  for (let i = 0; i < length; i++) {
    if (Math.imul(i + 1, 2654435761) >>> 0 < threshold) out.push(i);
  }
  return Int32Array.from(out);
}
