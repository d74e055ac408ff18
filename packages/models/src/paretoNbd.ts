import { attachCoarse } from "./coarseSample.ts";
import { fitMaximumLikelihood, type MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
import { fitNbd } from "./fitNbd.ts";
import { logHyp2f1 } from "./hyp2f1.ts";
import { log1mExp } from "./logSumExp.ts";
import { nbdLogPmf } from "./nbd.ts";
import { paretoNbdEvaluator } from "./paretoNbdLikelihood.ts";
import { patternWeights, type RfmData, sameLength, weightedMean } from "./rfmData.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/** Pareto/NBD parameters: purchase rate ~ gamma(r, alpha), dropout rate ~ gamma(s, beta). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Result of {@link fitParetoNbd}. */
export type ParetoNbdFit = FitResult<"paretonbd", keyof ParetoNbdParams>;

/**
 * ln A0 from Fader & Hardie, "A Note on Deriving the Pareto/NBD Model and Related Expressions" (2005),
 * eq. 21–22: the 2F1 is taken with the larger of α, β so its argument lies in [0, 1); the difference of
 * the tx and T terms is taken in log space (log1mExp) so it does not cancel when tx is close to T.
 */
function logA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return tx >= T ? Number.NEGATIVE_INFINITY : logA0FromTerms(logA0Term(p, x, tx), logA0Term(p, x, T));
}

/** One of A0's two terms, 2F1(…; z(t)) / (max(α, β) + t)^(r+s+x), in log space, at t = tx or t = T. */
function logA0Term(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  return alpha >= beta
    ? logHyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + t)) - rsx * Math.log(alpha + t)
    : logHyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + t)) - rsx * Math.log(beta + t);
}

/** ln A0 from its terms at tx (`hi`) and at T (`lo`), the difference taken without cancellation. */
function logA0FromTerms(hi: number, lo: number): number {
  const d = lo - hi;
  return d >= 0 ? Number.NEGATIVE_INFINITY : hi + log1mExp(d);
}

/** ln of the "still alive" term (α+T)^−(r+x) (β+T)^−s. */
function logAliveTerm(p: ParetoNbdParams, x: number, T: number): number {
  return -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
}

/** ln of s/(r+s+x) A0 relative to the alive term: P(alive) = 1/(1 + exp(this)). */
function logDeadOdds(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.s / (p.r + p.s + x)) + logA0(p, x, tx, T) - logAliveTerm(p, x, T);
}

/**
 * Total Pareto/NBD log-likelihood Σ count × ln L(r, α, s, β | x, tx, T), as in Fader & Hardie's note
 * (eq. 19–22), with both 2F1 cases (α ≥ β and α < β), fully in log space.
 *
 * @example
 * paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, cdnow); // ≈ −9594.98
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, data: RfmData): number {
  return paretoNbdEvaluator(data)([params.r, params.alpha, params.s, params.beta]);
}

/**
 * Maximum-likelihood Pareto/NBD fit on compressed (x, tx, T, count) patterns.
 *
 * @example
 * const fit = fitParetoNbd({ x, tx, T, count }); // fit.params → { r, alpha, s, beta }
 */
export function fitParetoNbd(data: RfmData, options: FitOptions = {}): ParetoNbdFit {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights, n } = patternWeights(data.count, len);
  const scale = weightedMean(data.T, weights, n) / (weightedMean(data.x, weights, n) + 0.5);
  const problem = (
    rfm: RfmData,
    customers: number,
  ): MaximumLikelihoodProblem<"paretonbd", keyof ParetoNbdParams> => {
    const evaluate = paretoNbdEvaluator(rfm);
    return {
      model: "paretonbd",
      names: ["r", "alpha", "s", "beta"] as const,
      n: customers,
      starts: [
        [1, scale, 1, scale],
        [0.5, 0.5 * scale, 0.5, 2 * scale],
        [2, 2 * scale, 2, 0.5 * scale],
      ],
      logLikelihood: (p) => evaluate(p),
    };
  };
  const full = problem(data, n);
  // The no-dropout limit, for the identification test: the NBD fitted to the same patterns.
  full.boundary = {
    parameters: ["s", "beta"],
    logLikelihood: () => fitNbd(data, { allowNonConvergence: true }).logLikelihood,
  };
  // Many patterns: the derivative-free search runs on a subsample, the full data see only the polish.
  attachCoarse(full, problem, data, weights);
  return fitMaximumLikelihood(full, options);
}

/**
 * P(alive at T | x, tx, T) for each customer: 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0).
 *
 * @example
 * paretoNbdProbabilityAlive(params, [2], [30.43], [38.86]);
 */
export function paretoNbdProbabilityAlive(
  params: ParetoNbdParams,
  x: NumericArray,
  tx: NumericArray,
  T: NumericArray,
): Float64Array {
  const len = sameLength({ x, tx, T });
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    out[i] = 1 / (1 + Math.exp(logDeadOdds(params, x[i] as number, tx[i] as number, T[i] as number)));
  }
  return out;
}

/** [1 − ((β+T)/(β+T+t))^(s−1)]/(s−1), continuous through s = 1 (limit ln((β+T+t)/(β+T))). */
function dropoutHorizon(s: number, betaT: number, t: number): number {
  const l = -Math.log1p(t / betaT);
  const sm1 = s - 1;
  return Math.abs(sm1) < 1e-12 ? -l : -Math.expm1(sm1 * l) / sm1;
}

/**
 * Expected purchases in the next t time units given (x, tx, T):
 * (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)] × P(alive).
 *
 * @example
 * paretoNbdConditionalExpectedPurchases(params, 39, [2], [30.43], [38.86]);
 */
export function paretoNbdConditionalExpectedPurchases(
  params: ParetoNbdParams,
  t: number,
  x: NumericArray,
  tx: NumericArray,
  T: NumericArray,
): Float64Array {
  const { r, alpha, s, beta } = params;
  const len = sameLength({ x, tx, T });
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    const pAlive = 1 / (1 + Math.exp(logDeadOdds(params, xi, tx[i] as number, Ti)));
    out[i] = (((r + xi) * (beta + Ti)) / (alpha + Ti)) * dropoutHorizon(s, beta + Ti, t) * pAlive;
  }
  return out;
}

/**
 * E[X(t)] for a newly acquired customer: rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)].
 *
 * @example
 * paretoNbdExpectedPurchases(params, 39);
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * dropoutHorizon(s, beta, t);
}

/** Adaptive Simpson on [lo, hi] for the smooth, bounded integrands of the count distributions. */
function integrate(f: (u: number) => number, lo: number, hi: number, tol: number): number {
  const simpson = (a: number, b: number, fa: number, fm: number, fb: number): number =>
    ((b - a) / 6) * (fa + 4 * fm + fb);
  const recurse = (
    a: number,
    b: number,
    fa: number,
    fm: number,
    fb: number,
    whole: number,
    eps: number,
    depth: number,
  ): number => {
    const m = (a + b) / 2;
    const lm = (a + m) / 2;
    const rm = (m + b) / 2;
    const flm = f(lm);
    const frm = f(rm);
    const left = simpson(a, m, fa, flm, fm);
    const right = simpson(m, b, fm, frm, fb);
    if (depth <= 0 || Math.abs(left + right - whole) <= 15 * eps)
      return left + right + (left + right - whole) / 15;
    return (
      recurse(a, m, fa, flm, fm, left, eps / 2, depth - 1) +
      recurse(m, b, fm, frm, fb, right, eps / 2, depth - 1)
    );
  };
  // Start from fixed panels so a narrow peak (large x) cannot hide between the first three samples.
  const panels = 32;
  const width = (hi - lo) / panels;
  let total = 0;
  for (let k = 0; k < panels; k++) {
    const a = lo + k * width;
    const b = a + width;
    const fa = f(a);
    const fb = f(b);
    const fm = f((a + b) / 2);
    total += recurse(a, b, fa, fm, fb, simpson(a, b, fa, fm, fb), tol / panels, 30);
  }
  return total;
}

/**
 * P(X(t) = x) for a newly acquired customer. Rather than the long closed form with a finite sum of
 * 2F1 terms (which cancels badly for large x), it integrates over the dropout time τ:
 * (β/(β+t))^s NBD(x; t) + ∫₀ᵗ sβ^s/(β+τ)^(s+1) NBD(x; τ) dτ, by adaptive Simpson to 1e-12.
 *
 * @example
 * paretoNbdProbabilityOfPurchases(cdnowParams, 39, 0); // ≈ 0.594
 */
export function paretoNbdProbabilityOfPurchases(params: ParetoNbdParams, t: number, x: number): number {
  const { r, alpha, s, beta } = params;
  const survived = Math.exp(s * Math.log(beta / (beta + t)) + nbdLogPmf(x, r, alpha, t));
  const logHead = Math.log(s) + s * Math.log(beta);
  const integrand = (tau: number): number =>
    Math.exp(logHead - (s + 1) * Math.log(beta + tau) + nbdLogPmf(x, r, alpha, tau));
  return survived + integrate(integrand, 0, t, 1e-12);
}
