import { fitMaximumLikelihood } from "./fitMaximumLikelihood.ts";
import { logHyp2f1 } from "./hyp2f1.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/** shifted-beta-geometric parameters (Fader & Hardie 2007): churn probability θ ~ beta(alpha, beta). */
export interface SbgParams {
  alpha: number;
  beta: number;
}

/** Result of {@link fitSbg}. */
export type SbgFit = FitResult<"sbg", keyof SbgParams>;

/**
 * Total sBG log-likelihood of a cohort's survivor counts [n0, n1, …, nK] (n0 = cohort size):
 * Σ_t (n_{t−1} − n_t) ln P(T = t) + n_K ln S(K), with P(T=t) and S(t) built by the recursions
 * P(1) = α/(α+β), P(t) = P(t−1)(β+t−2)/(α+β+t−1), S(t) = S(t−1)(β+t−1)/(α+β+t−1).
 *
 * @example
 * sbgLogLikelihood({ alpha: 0.668, beta: 3.806 }, [1000, 869, 743, 653, 593, 551, 517, 491]); // ≈ −1611.2
 */
export function sbgLogLikelihood(params: SbgParams, survivors: NumericArray): number {
  const { alpha, beta } = params;
  let logP = Math.log(alpha / (alpha + beta));
  let logS = 0;
  let total = 0;
  for (let t = 1; t < survivors.length; t++) {
    if (t > 1) logP += Math.log((beta + t - 2) / (alpha + beta + t - 1));
    logS += Math.log((beta + t - 1) / (alpha + beta + t - 1));
    const lost = (survivors[t - 1] as number) - (survivors[t] as number);
    if (lost !== 0) total += lost * logP;
  }
  const last = survivors[survivors.length - 1] as number;
  return survivors.length > 1 ? total + last * logS : 0;
}

/**
 * Maximum-likelihood sBG fit on a cohort's survivors per period, starting with the cohort size at
 * period 0 (e.g. [1000, 869, 743, …]). `n` in the result is the cohort size.
 *
 * @example
 * fitSbg([1000, 869, 743, 653, 593, 551, 517, 491]).params; // { alpha: ≈0.668, beta: ≈3.806 }
 */
export function fitSbg(survivors: NumericArray, options: FitOptions = {}): SbgFit {
  if (survivors.length < 2) throw new RangeError("sBG needs the cohort size and at least one later period");
  return fitMaximumLikelihood(
    {
      model: "sbg",
      names: ["alpha", "beta"] as const,
      n: survivors[0] as number,
      starts: [
        [1, 1],
        [0.5, 3],
        [3, 0.5],
      ],
      logLikelihood: (p) => sbgLogLikelihood({ alpha: p[0] as number, beta: p[1] as number }, survivors),
    },
    options,
  );
}

/**
 * Survival S(t) = B(α, β+t)/B(α, β): the share of a cohort still a customer after t periods.
 *
 * @example
 * sbgSurvival({ alpha: 0.668, beta: 3.806 }, 8); // ≈ 0.460
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  let s = 1;
  for (let i = 1; i <= t; i++) s *= (params.beta + i - 1) / (params.alpha + params.beta + i - 1);
  return s;
}

/**
 * Retention rate r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1): rises with t because the churn-prone leave first.
 *
 * @example
 * sbgRetentionRate({ alpha: 0.668, beta: 3.806 }, 1); // ≈ 0.85
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * Projected survivors of a cohort of `cohortSize` for periods 0..periods (length periods + 1).
 *
 * @example
 * sbgProjectSurvivors(highEndFit.params, 1000, 12); // [1000, 850.7, …, ≈378] (actual year 12: 394)
 */
export function sbgProjectSurvivors(params: SbgParams, cohortSize: number, periods: number): Float64Array {
  const out = new Float64Array(periods + 1);
  let s = 1;
  out[0] = cohortSize;
  for (let t = 1; t <= periods; t++) {
    s *= sbgRetentionRate(params, t);
    out[t] = cohortSize * s;
  }
  return out;
}

/**
 * Discounted expected residual lifetime, DERL (Fader & Hardie 2010, "Customer-Base Valuation in a
 * Contractual Setting"), for a customer who has made `renewals` renewals (is in period renewals + 1),
 * counting this period's payment: Σ_{t≥n} S(t)/S(n−1) / (1+d)^(t−n) with n = renewals + 1, i.e.
 * (β+n−1)/(α+β+n−1) 2F1(1, β+n; α+β+n; 1/(1+d)). Multiply by the margin per period to get value.
 * The discount rate d per period must be positive (the sum diverges for α ≤ 1 otherwise).
 *
 * @example
 * sbgDiscountedExpectedResidualLifetime({ alpha: 0.668, beta: 3.806 }, 0, 0.1); // ≈ 5.41 payments
 */
export function sbgDiscountedExpectedResidualLifetime(
  params: SbgParams,
  renewals: number,
  d: number,
): number {
  if (!(d > 0)) return Number.NaN;
  const n = renewals + 1;
  const { alpha, beta } = params;
  const lead = (beta + n - 1) / (alpha + beta + n - 1);
  return lead * Math.exp(logHyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d)));
}

/**
 * Discounted expected lifetime of a newly acquired customer, in periods, with the first payment at t = 0
 * undiscounted: Σ_{t≥0} S(t)/(1+d)^t = 2F1(1, β; α+β; 1/(1+d)). Times margin = expected lifetime value.
 *
 * @example
 * sbgDiscountedExpectedLifetime({ alpha: 1, beta: 1 }, 0.1); // 1.1 ln 11 ≈ 2.638
 */
export function sbgDiscountedExpectedLifetime(params: SbgParams, d: number): number {
  if (!(d > 0)) return Number.NaN;
  return Math.exp(logHyp2f1(1, params.beta, params.alpha + params.beta, 1 / (1 + d)));
}
