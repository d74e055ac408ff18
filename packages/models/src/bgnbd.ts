import { betaGeometricExpectation } from "./betaGeometricExpectation.ts";
import { bgNbdEvaluator } from "./bgNbdLikelihood.ts";
import { attachCoarse } from "./coarseSample.ts";
import { fitMaximumLikelihood, type MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
import { fitNbd } from "./fitNbd.ts";
import { logBeta } from "./logBeta.ts";
import { nbdLogPmf, nbdTail } from "./nbd.ts";
import { patternWeights, type RfmData, sameLength, weightedMean } from "./rfmData.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/** BG/NBD parameters: purchase rate ~ gamma(r, alpha), dropout probability ~ beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Result of {@link fitBgNbd}. */
export type BgNbdFit = FitResult<"bgnbd", keyof BgNbdParams>;

/** ln of the dropout-branch odds a/(b+x−1) ((α+T)/(α+tx))^(r+x); −Infinity when x = 0. */
function logDropOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/**
 * Total BG/NBD log-likelihood Σ count × ln L(r, α, a, b | x, tx, T) (Fader, Hardie & Lee 2005, eq. 6),
 * computed in log space so x in the hundreds and T in thousands stay finite (see bgNbdEvaluator).
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnow); // ≈ −9582.43
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: RfmData): number {
  return bgNbdEvaluator(data)([params.r, params.alpha, params.a, params.b]);
}

/**
 * Maximum-likelihood BG/NBD fit on compressed (x, tx, T, count) patterns. Starting points are scaled
 * to the data's time unit, so days and weeks both work.
 *
 * @example
 * const fit = fitBgNbd({ x, tx, T, count }); // fit.params → { r, alpha, a, b }
 */
export function fitBgNbd(data: RfmData, options: FitOptions = {}): BgNbdFit {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights, n } = patternWeights(data.count, len);
  const scale = weightedMean(data.T, weights, n) / (weightedMean(data.x, weights, n) + 0.5);
  const starts = [
    [1, scale, 1, 1],
    [0.3, 0.3 * scale, 0.5, 2],
    [3, 3 * scale, 2, 5],
  ];
  const problem = (rfm: RfmData, customers: number): MaximumLikelihoodProblem<"bgnbd", keyof BgNbdParams> => {
    const evaluate = bgNbdEvaluator(rfm);
    return {
      model: "bgnbd",
      names: ["r", "alpha", "a", "b"] as const,
      n: customers,
      starts,
      logLikelihood: (p) => evaluate(p),
      logLikelihoodGradient: (p, gradient) => evaluate(p, gradient),
    };
  };
  const full = problem(data, n);
  // The no-dropout limit, for the identification test: the NBD fitted to the same patterns.
  full.boundary = {
    parameters: ["a", "b"],
    logLikelihood: () => fitNbd(data, { allowNonConvergence: true }).logLikelihood,
  };
  // Many patterns: find the optimum's neighbourhood on a subsample first, so the full data are
  // passed over only for the final few quasi-Newton steps and the Hessian.
  attachCoarse(full, problem, data, weights);
  return fitMaximumLikelihood(full, options);
}

/**
 * P(alive at T | x, tx, T) for each customer: 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+tx))^(r+x)).
 * Vectorised over typed arrays; customers with no repeat purchase are alive by the model's assumption.
 *
 * @example
 * bgNbdProbabilityAlive(cdnowParams, [2], [30.43], [38.86]); // Float64Array [≈0.727]
 */
export function bgNbdProbabilityAlive(
  params: BgNbdParams,
  x: NumericArray,
  tx: NumericArray,
  T: NumericArray,
): Float64Array {
  const len = sameLength({ x, tx, T });
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    out[i] = 1 / (1 + Math.exp(logDropOdds(params, x[i] as number, tx[i] as number, T[i] as number)));
  }
  return out;
}

/**
 * Expected purchases in the next t time units for each customer given (x, tx, T): Fader, Hardie & Lee
 * (2005) eq. 10, evaluated without cancellation for large x (see betaGeometricExpectation).
 *
 * @example
 * bgNbdConditionalExpectedPurchases(cdnowParams, 39, [2], [30.43], [38.86]); // [≈1.226]
 */
export function bgNbdConditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: NumericArray,
  tx: NumericArray,
  T: NumericArray,
): Float64Array {
  const { r, alpha, a, b } = params;
  const len = sameLength({ x, tx, T });
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const lnOneMinusZ = -Math.log1p(t / (alpha + Ti));
    const z = t / (alpha + Ti + t);
    const bracket = betaGeometricExpectation(r + xi, a, a + b + xi - 1, z, lnOneMinusZ);
    out[i] = bracket / (1 + Math.exp(logDropOdds(params, xi, tx[i] as number, Ti)));
  }
  return out;
}

/**
 * Expected purchases E[X(t)] in (0, t] for a newly acquired customer (FHL 2005 eq. 9).
 *
 * @example
 * bgNbdExpectedPurchases(cdnowParams, 39); // ≈ 1.20 repeat purchases in 39 weeks
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  return betaGeometricExpectation(r, a, a + b - 1, t / (alpha + t), -Math.log1p(t / alpha));
}

/**
 * P(X(t) = x) for a newly acquired customer (FHL 2005 eq. 8): the probability of exactly x repeat
 * purchases in (0, t]. Used for model checks against the observed frequency histogram.
 *
 * @example
 * bgNbdProbabilityOfPurchases(cdnowParams, 39, 0); // ≈ 0.574
 */
export function bgNbdProbabilityOfPurchases(params: BgNbdParams, t: number, x: number): number {
  const { r, alpha, a, b } = params;
  const lb = logBeta(a, b);
  const alive = Math.exp(logBeta(a, b + x) - lb + nbdLogPmf(x, r, alpha, t));
  if (x === 0) return alive;
  return alive + Math.exp(logBeta(a + 1, b + x - 1) - lb) * nbdTail(x, r, alpha, t);
}
