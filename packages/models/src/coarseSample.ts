import { sampleRows } from "./distinctValues.ts";
import type { RfmData } from "./rfmData.ts";
import type { NumericArray } from "./types.ts";

/** Above this many patterns a purchase-model fit is warm-started from a fit on half as many sampled ones. */
export const COARSE_PATTERNS = 40_000;

/**
 * A deterministic sample of half of {@link COARSE_PATTERNS} patterns with their weights, for the
 * cheaper stand-in problem of a fit on many patterns (see `MaximumLikelihoodProblem.coarse`); undefined
 * when there are few enough patterns to fit directly.
 *
 * @example
 * const sample = coarseSample(data, weights); // { data: { x, tx, T, count }, n } or undefined
 */
export function coarseSample(
  data: RfmData,
  weights: Float64Array,
): { data: RfmData & { count: Float64Array }; n: number } | undefined {
  const len = data.x.length;
  if (len <= COARSE_PATTERNS) return undefined;
  const rows = sampleRows(len, COARSE_PATTERNS / 2);
  const pick = (column: NumericArray): Float64Array => Float64Array.from(rows, (i) => column[i] as number);
  const count = pick(weights);
  let n = 0;
  for (let i = 0; i < count.length; i++) n += count[i] as number;
  if (!(n > 0)) return undefined;
  return { data: { x: pick(data.x), tx: pick(data.tx), T: pick(data.T), count }, n };
}
