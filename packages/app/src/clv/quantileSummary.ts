/** Where a distribution lies: its extremes, quartiles, 10th and 90th percentiles, and its mean. */
export interface QuantileSummary {
  readonly min: number;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The quantiles of `values` (linear interpolation between order statistics, as numpy's default),
 * so a summary shows how scores spread rather than a bare mean: "P(alive) 1.00 on average" and
 * "P(alive) between 0.99 and 1.00 for 80% of customers" read very differently from a spread of
 * 0.2–0.9. NaN everywhere for no values.
 *
 * @example
 * quantileSummary(Float64Array.of(1, 2, 3, 4, 5)); // { min: 1, p10: 1.4, p25: 2, median: 3, p75: 4, p90: 4.6, max: 5, mean: 3 }
 */
export function quantileSummary(values: Float64Array): QuantileSummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const at = (q: number) => {
    if (n === 0) return Number.NaN;
    const pos = q * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(n - 1, lo + 1);
    return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
  };
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    min: at(0),
    p10: at(0.1),
    p25: at(0.25),
    median: at(0.5),
    p75: at(0.75),
    p90: at(0.9),
    max: at(1),
    mean: n === 0 ? Number.NaN : sum / n,
  };
}
