import { fitMaximumLikelihood } from "./fitMaximumLikelihood.ts";
import { logBeta } from "./logBeta.ts";
import { logGamma } from "./logGamma.ts";
import { logAddExp } from "./logSumExp.ts";
import { patternWeights, sameLength } from "./rfmData.ts";
import { shiftedLogGamma } from "./shiftedLogGamma.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/**
 * BG/BB parameters (Fader, Hardie & Shang 2010): transaction probability p ~ beta(alpha, beta) per
 * opportunity, dropout probability θ ~ beta(gamma, delta) per opportunity.
 */
export interface BgBbParams {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
}

/** Discrete-opportunity data, compressed: x transactions, last at opportunity tx, out of n; `count` customers. */
export interface BgBbData {
  x: NumericArray;
  tx: NumericArray;
  n: NumericArray;
  count?: NumericArray;
}

/** Result of {@link fitBgBb}. */
export type BgBbFit = FitResult<"bgbb", keyof BgBbParams>;

/** ln L(α, β, γ, δ | x, tx, n), FHS 2010 eq. 5, as a log-sum-exp over the possible dropout opportunities. */
function logLikelihoodOne(
  p: BgBbParams,
  x: number,
  tx: number,
  n: number,
  lbAB: number,
  lbGD: number,
): number {
  const { alpha, beta, gamma, delta } = p;
  let ll = logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  for (let i = 0; i <= n - tx - 1; i++) {
    ll = logAddExp(
      ll,
      logBeta(alpha + x, beta + tx - x + i) - lbAB + logBeta(gamma + 1, delta + tx + i) - lbGD,
    );
  }
  return ll;
}

/**
 * Total BG/BB log-likelihood Σ count × ln L (Fader, Hardie & Shang 2010, eq. 5).
 *
 * @example
 * bgBbLogLikelihood({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, donations); // ≈ −33225.6
 */
export function bgBbLogLikelihood(params: BgBbParams, data: BgBbData): number {
  const { alpha, beta, gamma, delta } = params;
  const len = sameLength({ x: data.x, tx: data.tx, n: data.n });
  const { weights } = patternWeights(data.count, len);
  let maxN = 0;
  for (let i = 0; i < len; i++) maxN = Math.max(maxN, data.n[i] as number);
  // Opportunity counts are small integers shared by many customers: memoise every ln Γ(c + k) needed.
  const lgA = shiftedLogGamma(alpha, maxN + 1);
  const lgB = shiftedLogGamma(beta, maxN + 1);
  const lgAB = shiftedLogGamma(alpha + beta, maxN + 1);
  const lgG = shiftedLogGamma(gamma, maxN + 1);
  const lgD = shiftedLogGamma(delta, maxN + 1);
  const lgGD = shiftedLogGamma(gamma + delta, maxN + 2);
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const lbP = (x: number, y: number): number => lgA(x) + lgB(y) - lgAB(x + y) - lbAB;
  // B(γ + g, δ + k) for g ∈ {0, 1}.
  const lbTheta = (g: number, k: number): number => lgG(g) + lgD(k) - lgGD(g + k) - lbGD;
  let total = 0;
  for (let i = 0; i < len; i++) {
    const x = data.x[i] as number;
    const tx = data.tx[i] as number;
    const n = data.n[i] as number;
    let ll = lbP(x, n - x) + lbTheta(0, n);
    for (let k = 0; k <= n - tx - 1; k++) ll = logAddExp(ll, lbP(x, tx - x + k) + lbTheta(1, tx + k));
    total += (weights[i] as number) * ll;
  }
  return total;
}

/**
 * Maximum-likelihood BG/BB fit on compressed (x, tx, n, count) patterns.
 *
 * @example
 * const fit = fitBgBb({ x, tx, n, count }); // fit.params → { alpha, beta, gamma, delta }
 */
export function fitBgBb(data: BgBbData, options: FitOptions = {}): BgBbFit {
  const len = sameLength({ x: data.x, tx: data.tx, n: data.n });
  const { n } = patternWeights(data.count, len);
  return fitMaximumLikelihood(
    {
      model: "bgbb",
      names: ["alpha", "beta", "gamma", "delta"] as const,
      n,
      starts: [
        [1, 1, 1, 1],
        [0.5, 2, 0.5, 2],
        [2, 0.5, 2, 5],
      ],
      logLikelihood: (p) =>
        bgBbLogLikelihood(
          { alpha: p[0] as number, beta: p[1] as number, gamma: p[2] as number, delta: p[3] as number },
          data,
        ),
    },
    options,
  );
}

/**
 * P(alive at opportunity n+1 | x, tx, n) for each customer (FHS 2010 eq. 11), vectorised.
 *
 * @example
 * bgBbProbabilityAlive(donationsParams, [6], [6], [6]); // ≈ 0.930 for a donor who gave every year
 */
export function bgBbProbabilityAlive(
  params: BgBbParams,
  x: NumericArray,
  tx: NumericArray,
  n: NumericArray,
): Float64Array {
  const { alpha, beta, gamma, delta } = params;
  const len = sameLength({ x, tx, n });
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const xi = x[i] as number;
    const ni = n[i] as number;
    const ll = logLikelihoodOne(params, xi, tx[i] as number, ni, lbAB, lbGD);
    const alive = logBeta(alpha + xi, beta + ni - xi) - lbAB + logBeta(gamma, delta + ni + 1) - lbGD;
    out[i] = Math.min(1, Math.exp(alive - ll));
  }
  return out;
}

/**
 * Σ_{i=m+1}^{m+k} B(γ, δ+i)/B(γ, δ): expected alive opportunities among the next k after m, for a fresh
 * customer. Closed form δ/(γ−1) Γ(γ+δ)/Γ(1+δ) [Γ(1+δ+m)/Γ(γ+δ+m) − Γ(1+δ+m+k)/Γ(γ+δ+m+k)]
 * (FHS 2010 eq. 9/13), summed term by term near γ = 1 where that form is 0/0.
 */
function aliveOpportunities(gamma: number, delta: number, m: number, k: number): number {
  if (k <= 0) return 0;
  if (Math.abs(gamma - 1) < 1e-6 || k <= 16) {
    const lb = logBeta(gamma, delta);
    let s = 0;
    for (let i = m + 1; i <= m + k; i++) s += Math.exp(logBeta(gamma, delta + i) - lb);
    return s;
  }
  const u = logGamma(1 + delta + m) - logGamma(gamma + delta + m);
  const v = logGamma(1 + delta + m + k) - logGamma(gamma + delta + m + k);
  const head = Math.log(delta) + logGamma(gamma + delta) - logGamma(1 + delta);
  return (Math.exp(head + u) * -Math.expm1(v - u)) / (gamma - 1);
}

/**
 * Expected transactions in the next nStar opportunities given (x, tx, n) (FHS 2010 eq. 13), vectorised.
 *
 * @example
 * bgBbConditionalExpectedTransactions(params, 10, [6], [6], [6]);
 */
export function bgBbConditionalExpectedTransactions(
  params: BgBbParams,
  nStar: number,
  x: NumericArray,
  tx: NumericArray,
  n: NumericArray,
): Float64Array {
  const { alpha, beta, gamma, delta } = params;
  const len = sameLength({ x, tx, n });
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const xi = x[i] as number;
    const ni = n[i] as number;
    const ll = logLikelihoodOne(params, xi, tx[i] as number, ni, lbAB, lbGD);
    const pTerm = logBeta(alpha + xi + 1, beta + ni - xi) - lbAB;
    out[i] = Math.exp(pTerm - ll) * aliveOpportunities(gamma, delta, ni, nStar);
  }
  return out;
}

/**
 * E[X(n)]: expected transactions in the first n opportunities for a new customer (FHS 2010 eq. 9).
 *
 * @example
 * bgBbExpectedTransactions(params, 6);
 */
export function bgBbExpectedTransactions(params: BgBbParams, n: number): number {
  return (params.alpha / (params.alpha + params.beta)) * aliveOpportunities(params.gamma, params.delta, 0, n);
}

/**
 * P(X(n) = x) for a new customer (FHS 2010 eq. 7): exactly x transactions in n opportunities.
 *
 * @example
 * bgBbProbabilityOfTransactions(donationsParams, 6, 0); // ≈ 0.311
 */
export function bgBbProbabilityOfTransactions(params: BgBbParams, n: number, x: number): number {
  const { alpha, beta, gamma, delta } = params;
  if (x < 0 || x > n) return 0;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const logChoose = (m: number, k: number): number => logGamma(m + 1) - logGamma(k + 1) - logGamma(m - k + 1);
  let lp = logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  for (let i = x; i <= n - 1; i++) {
    lp = logAddExp(
      lp,
      logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD,
    );
  }
  return Math.exp(lp);
}
