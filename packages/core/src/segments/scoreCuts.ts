import { SegmentError } from "./SegmentError.ts";

/** How many customers have one value of a measure (oriented so larger is better). */
export interface ValueCount {
  readonly value: number;
  readonly count: number;
}

/**
 * Score thresholds for `bins` levels from a measure's value counts. The tie rule: a value's score is
 * `1 + floor(bins × below / n)`, where `below` counts customers with a strictly worse value and `n`
 * all customers — a percentile rank, so equal values always share a score, whatever their number,
 * and the result never depends on row order (no NTILE). A big tie may skip scores. The returned
 * array holds, for scores 2…bins, the smallest value reaching that score (null when none does), so
 * `score(v) = 1 + #{ thresholds ≤ v }`; SQL applies the same thresholds as bound parameters.
 *
 * @example
 * scoreCuts([{ value: 1, count: 4 }, { value: 2, count: 1 }], 5); // [2, 2, 2, 2]: 1 → score 1, 2 → score 5
 * scoreCuts([{ value: 1, count: 1 }, { value: 2, count: 1 }, { value: 3, count: 1 }, { value: 4, count: 1 }, { value: 5, count: 1 }], 5); // [2, 3, 4, 5]
 */
export function scoreCuts(counts: readonly ValueCount[], bins: number): (number | null)[] {
  checkBins(bins);
  const sorted = counts.filter((c) => c.count > 0).toSorted((a, b) => a.value - b.value);
  const n = sorted.reduce((s, c) => s + c.count, 0);
  const cuts: (number | null)[] = new Array(bins - 1).fill(null);
  let below = 0;
  for (const { value, count } of sorted) {
    const score = 1 + Math.floor((bins * below) / n);
    for (let s = 2; s <= score; s++) if (cuts[s - 2] === null) cuts[s - 2] = value;
    below += count;
  }
  return cuts;
}

/**
 * The score of `value` under thresholds from `scoreCuts`.
 *
 * @example
 * scoreOf(2, [2, 2, 2, 2]); // 5
 */
export function scoreOf(value: number, cuts: readonly (number | null)[]): number {
  let score = 1;
  for (const c of cuts) if (c !== null && value >= c) score++;
  return score;
}

/** Checks a bin count: a whole number from 2 to 10. */
export function checkBins(bins: number): number {
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) {
    throw new SegmentError(`bins must be a whole number from 2 to 10, got ${bins}`);
  }
  return bins;
}
