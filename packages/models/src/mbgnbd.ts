import { betaGeometricExpectation } from "./betaGeometricExpectation.ts";
import { attachCoarse } from "./coarseSample.ts";
import { fitMaximumLikelihood, type MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
import { fitNbd } from "./fitNbd.ts";
import { logBeta } from "./logBeta.ts";
import { logGamma } from "./logGamma.ts";
import { logAddExp } from "./logSumExp.ts";
import { nbdLogPmf, nbdTail } from "./nbd.ts";
import { patternWeights, type RfmData, sameLength, weightedMean } from "./rfmData.ts";
import { shiftedLogGamma } from "./shiftedLogGamma.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/**
 * MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007): as BG/NBD, but a customer may also drop out
 * right after the first purchase, so zero-repeat customers are not assumed alive.
 */
export interface MbgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Result of {@link fitMbgNbd}. */
export type MbgNbdFit = FitResult<"mbgnbd", keyof MbgNbdParams>;

/** ln of a/(b+x) ((α+T)/(α+tx))^(r+x), the odds of "dropped after the last purchase" vs alive. */
function logDropOdds(p: MbgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.a / (p.b + x)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/**
 * Total MBG/NBD log-likelihood: ln[B(a, b+x+1)/B(a,b)] + ln Γ(r+x)/Γ(r) + r ln α
 * + ln[(α+T)^−(r+x) + a/(b+x) (α+tx)^−(r+x)], in log space.
 *
 * @example
 * mbgNbdLogLikelihood({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, cdnow); // ≈ −9582.13
 */
export function mbgNbdLogLikelihood(params: MbgNbdParams, data: RfmData): number {
  const { r, alpha, a, b } = params;
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights } = patternWeights(data.count, len);
  const lgR = logGamma(r);
  const lgAB = logGamma(a + b);
  const lgB = logGamma(b);
  const rLogAlpha = r * Math.log(alpha);
  let maxX = 0;
  for (let i = 0; i < len; i++) maxX = Math.max(maxX, data.x[i] as number);
  const lgRx = shiftedLogGamma(r, maxX);
  const lgBx = shiftedLogGamma(b + 1, maxX);
  const lgABx = shiftedLogGamma(a + b + 1, maxX);
  let total = 0;
  for (let i = 0; i < len; i++) {
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const T = data.T[i] as number;
    const a1 = lgRx(x) - lgR + rLogAlpha;
    const a2 = lgAB + lgBx(x) - lgB - lgABx(x);
    const a3 = -(r + x) * Math.log(alpha + T);
    const a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + tx);
    total += (weights[i] as number) * (a1 + a2 + logAddExp(a3, a4));
  }
  return total;
}

/**
 * Maximum-likelihood MBG/NBD fit on compressed (x, tx, T, count) patterns.
 *
 * @example
 * const fit = fitMbgNbd({ x, tx, T, count }); // fit.params → { r, alpha, a, b }
 */
export function fitMbgNbd(data: RfmData, options: FitOptions = {}): MbgNbdFit {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights, n } = patternWeights(data.count, len);
  const scale = weightedMean(data.T, weights, n) / (weightedMean(data.x, weights, n) + 0.5);
  const problem = (
    rfm: RfmData,
    customers: number,
  ): MaximumLikelihoodProblem<"mbgnbd", keyof MbgNbdParams> => ({
    model: "mbgnbd",
    names: ["r", "alpha", "a", "b"] as const,
    n: customers,
    starts: [
      [1, scale, 1, 1],
      [0.3, 0.3 * scale, 0.5, 2],
      [3, 3 * scale, 2, 5],
    ],
    logLikelihood: (p) =>
      mbgNbdLogLikelihood(
        { r: p[0] as number, alpha: p[1] as number, a: p[2] as number, b: p[3] as number },
        rfm,
      ),
  });
  const full = problem(data, n);
  // The no-dropout limit, for the identification test: the NBD fitted to the same patterns.
  full.boundary = {
    parameters: ["a", "b"],
    logLikelihood: () => fitNbd(data, { allowNonConvergence: true }).logLikelihood,
  };
  // Many patterns: the derivative-free search runs on a subsample, the full data see only the polish.
  attachCoarse(full, problem, data, weights);
  return fitMaximumLikelihood(full, options);
}

/**
 * P(alive at T | x, tx, T) = 1 / (1 + a/(b+x) ((α+T)/(α+tx))^(r+x)) for each customer (vectorised).
 *
 * @example
 * mbgNbdProbabilityAlive(params, [0], [0], [38.86]); // < 1: zero-repeat customers may be gone
 */
export function mbgNbdProbabilityAlive(
  params: MbgNbdParams,
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
 * Expected purchases in the next t time units given (x, tx, T) (Batislam et al. 2007):
 * (a+b+x)/(a−1) [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(α+T+t))] × P(alive).
 *
 * @example
 * mbgNbdConditionalExpectedPurchases(params, 39, [2], [30.43], [38.86]);
 */
export function mbgNbdConditionalExpectedPurchases(
  params: MbgNbdParams,
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
    const bracket = betaGeometricExpectation(r + xi, a, a + b + xi, t / (alpha + Ti + t), lnOneMinusZ);
    out[i] = bracket / (1 + Math.exp(logDropOdds(params, xi, tx[i] as number, Ti)));
  }
  return out;
}

/**
 * E[X(t)] for a newly acquired customer: b/(a−1) [1 − (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))].
 *
 * @example
 * mbgNbdExpectedPurchases(params, 39);
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  const bracket = betaGeometricExpectation(r, a, a + b, t / (alpha + t), -Math.log1p(t / alpha));
  return (bracket * b) / (a + b);
}

/**
 * P(X(t) = x) for a newly acquired customer: B(a, b+x+1)/B(a,b) NBD(x) + B(a+1, b+x)/B(a,b) P(NBD ≥ x).
 *
 * @example
 * mbgNbdProbabilityOfPurchases(params, 39, 0);
 */
export function mbgNbdProbabilityOfPurchases(params: MbgNbdParams, t: number, x: number): number {
  const { r, alpha, a, b } = params;
  const lb = logBeta(a, b);
  const alive = Math.exp(logBeta(a, b + x + 1) - lb + nbdLogPmf(x, r, alpha, t));
  return alive + Math.exp(logBeta(a + 1, b + x) - lb) * nbdTail(x, r, alpha, t);
}
