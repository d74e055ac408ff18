/** A value and how many times it occurs. */
export interface WeightedValue {
  readonly value: number;
  readonly count: number;
}

/**
 * The `p` quantile of a multiset given as (value, count) pairs, by linear interpolation between
 * order statistics (type 7, as `quantile_cont` in DuckDB and `numpy.quantile`): position
 * h = (n − 1)·p in the sorted values. Null for an empty multiset.
 *
 * @example
 * weightedQuantile([{ value: 1, count: 1 }, { value: 3, count: 1 }], 0.5); // 2
 */
export function weightedQuantile(values: readonly WeightedValue[], p: number): number | null {
  const sorted = [...values].filter((v) => v.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, v) => s + v.count, 0);
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const at = (index: number): number => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.count;
      if (index < seen) return v.value;
    }
    return sorted[sorted.length - 1]?.value ?? Number.NaN;
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}
