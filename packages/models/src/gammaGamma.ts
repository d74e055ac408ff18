import { sampleRows } from "./distinctValues.ts";
import { fitMaximumLikelihood, type MaximumLikelihoodProblem } from "./fitMaximumLikelihood.ts";
import { gammaGammaEvaluator } from "./gammaGammaLikelihood.ts";
import { patternWeights, sameLength } from "./rfmData.ts";
import type { FitOptions, FitResult, NumericArray } from "./types.ts";

/**
 * Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, "RFM and CLV"): each transaction's value is
 * gamma(p, ν), with the customer's ν ~ gamma(q, v); E[spend] for a new customer is p v/(q−1).
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** Compressed spend data: x repeat transactions (> 0), m their mean value, `count` customers. */
export interface GammaGammaData {
  x: NumericArray;
  m: NumericArray;
  count?: NumericArray;
}

/** Result of {@link fitGammaGamma}. */
export type GammaGammaFit = FitResult<"gammagamma", keyof GammaGammaParams>;

/**
 * Total Gamma-Gamma log-likelihood of the observed mean spends:
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m).
 * This is the density of the mean (as in lifetimes and the paper), so values are comparable to both.
 * Rows with x ≤ 0 are skipped: they carry no spend information. See gammaGammaEvaluator.
 *
 * @example
 * gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, cdnowSpend); // ≈ −4055.9
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: GammaGammaData): number {
  return gammaGammaEvaluator(data)([params.p, params.q, params.v]);
}

/**
 * Maximum-likelihood Gamma-Gamma fit on compressed (x, m, count) data; customers with x = 0 are ignored
 * (n counts only x > 0). The model assumes spend is independent of frequency: check that first.
 *
 * @example
 * const fit = fitGammaGamma({ x, m }); // fit.params → { p, q, v }
 */
export function fitGammaGamma(data: GammaGammaData, options: FitOptions = {}): GammaGammaFit {
  const len = sameLength({ x: data.x, m: data.m });
  const { weights } = patternWeights(data.count, len);
  let n = 0;
  let spend = 0;
  for (let i = 0; i < len; i++) {
    if ((data.x[i] as number) > 0) {
      n += weights[i] as number;
      spend += (weights[i] as number) * (data.m[i] as number);
    }
  }
  const meanSpend = n > 0 ? spend / n : 1;
  const problem = (
    spendData: GammaGammaData,
    customers: number,
  ): MaximumLikelihoodProblem<"gammagamma", keyof GammaGammaParams> => {
    const evaluate = gammaGammaEvaluator(spendData);
    return {
      model: "gammagamma",
      names: ["p", "q", "v"] as const,
      n: customers,
      starts: [
        [1, 2, meanSpend],
        [5, 3, 2 * meanSpend],
        [0.5, 5, 4 * meanSpend],
      ],
      logLikelihood: (p) => evaluate(p),
      logLikelihoodGradient: (p, gradient) => evaluate(p, gradient),
    };
  };
  const full = problem(data, n);
  // Many patterns: converge on a sample of them first, then polish on all (see fitMaximumLikelihood).
  if (len > COARSE_PATTERNS) {
    const rows = sampleRows(len, COARSE_PATTERNS / 2);
    const pick = (column: NumericArray): Float64Array => Float64Array.from(rows, (i) => column[i] as number);
    const sub = { x: pick(data.x), m: pick(data.m), count: pick(weights) };
    let customers = 0;
    for (let i = 0; i < rows.length; i++) if ((sub.x[i] as number) > 0) customers += sub.count[i] as number;
    if (customers > 0) full.coarse = problem(sub, customers);
  }
  return fitMaximumLikelihood(full, options);
}

/** Above this many patterns the fit is warm-started from a fit on half as many sampled ones. */
const COARSE_PATTERNS = 40_000;

/**
 * E[mean transaction value | x, m] for each customer: p(v + x m)/(px + q − 1), a credibility-weighted
 * blend of the population mean p v/(q−1) and the customer's own mean m. For x = 0 it is the population
 * mean. Requires q > 1.
 *
 * @example
 * gammaGammaConditionalExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, [2], [22.35]); // [≈ 24.66]
 */
export function gammaGammaConditionalExpectedSpend(
  params: GammaGammaParams,
  x: NumericArray,
  m: NumericArray,
): Float64Array {
  const { p, q, v } = params;
  const len = sameLength({ x, m });
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    const xi = Math.max(0, x[i] as number);
    const mi = xi > 0 ? (m[i] as number) : 0;
    out[i] = (p * (v + xi * mi)) / (p * xi + q - 1);
  }
  return out;
}
