import { sampleRows } from "./distinctValues.ts";
import type { MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
import type { RfmData } from "./rfmData.ts";
import type { NumericArray } from "./types.ts";

/**
 * Pattern counts of the successively smaller samples a fit on many patterns is warm-started from:
 * the search runs on the smallest, each larger level polishes the one below.
 */
const COARSE_LEVELS = [20_000, 5_000] as const;

type Sample = { data: RfmData & { count: Float64Array }; n: number };

/**
 * A deterministic sample of `target` patterns with their weights, or undefined when there are no
 * more than twice as many: few enough to fit directly.
 *
 * @example
 * const sample = coarseSample(data, weights, 20_000); // { data: { x, tx, T, count }, n } or undefined
 */
export function coarseSample(data: RfmData, weights: Float64Array, target: number): Sample | undefined {
  const len = data.x.length;
  if (len <= 2 * target) return undefined;
  const rows = sampleRows(len, target);
  const pick = (column: NumericArray): Float64Array => Float64Array.from(rows, (i) => column[i] as number);
  const count = pick(weights);
  let n = 0;
  for (let i = 0; i < count.length; i++) n += count[i] as number;
  if (!(n > 0)) return undefined;
  return { data: { x: pick(data.x), tx: pick(data.tx), T: pick(data.T), count }, n };
}

/**
 * Gives a purchase-model fit on many patterns its chain of cheaper stand-ins (see
 * `MaximumLikelihoodProblem.coarse`): the same problem on samples of 20,000 and then 5,000 patterns,
 * as far as the data are larger, so the costly search never runs on the full data.
 *
 * @example
 * const full = problem(data, n);
 * attachCoarse(full, problem, data, weights);
 * fitMaximumLikelihood(full, options);
 */
export function attachCoarse<M extends string, P extends string>(
  full: MaximumLikelihoodProblem<M, P>,
  problem: (data: RfmData, customers: number) => MaximumLikelihoodProblem<M, P>,
  data: RfmData,
  weights: Float64Array,
): void {
  let level = full;
  let source: Sample = { data: { ...data, count: weights }, n: full.n };
  for (const target of COARSE_LEVELS) {
    const sample = coarseSample(source.data, source.data.count, target);
    if (sample === undefined) return;
    level.coarse = problem(sample.data, sample.n);
    level = level.coarse;
    source = sample;
  }
}
