import { digamma } from "./digamma.ts";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.ts";
import { logGamma } from "./logGamma.ts";
import { patternWeights, type RfmData, sameLength, weightedMean } from "./rfmData.ts";
import type { FitOptions, FitResult } from "./types.ts";

/** NBD parameters: purchase rate ~ gamma(r, alpha), and nobody drops out. */
export interface NbdParams {
  r: number;
  alpha: number;
}

/** Result of {@link fitNbd}. */
export type NbdFit = FitResult<"nbd", keyof NbdParams>;

/**
 * Maximum-likelihood NBD fit on the same (x, tx, T, count) patterns as the purchase models: every
 * customer buys as a Poisson process with a gamma(r, α) rate for all of T, so per pattern
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T) (tx plays no part).
 *
 * Why: it is the common no-dropout limit of BG/NBD (a → 0), MBG/NBD (a → 0) and Pareto/NBD (s → 0),
 * with the same likelihood there, so 2 (LL_model − LL_NBD) tests whether the data show any dropout at
 * all — the profile of the likelihood towards that boundary (see assessIdentification).
 *
 * @example
 * fitNbd(cdnowRfm).logLikelihood; // ≈ −9763.7 on CDNOW (BG/NBD: −9582.4)
 */
export function fitNbd(data: RfmData, options: FitOptions = {}): NbdFit {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights, n } = patternWeights(data.count, len);
  const scale = weightedMean(data.T, weights, n) / (weightedMean(data.x, weights, n) + 0.5);
  const evaluate = (p: Float64Array, gradient?: Float64Array): number => {
    const r = p[0] as number;
    const alpha = p[1] as number;
    const lgR = logGamma(r);
    const psiR = gradient === undefined ? 0 : digamma(r);
    const logAlpha = Math.log(alpha);
    let total = 0;
    let gr = 0;
    let ga = 0;
    for (let i = 0; i < len; i++) {
      const w = weights[i] as number;
      if (w === 0) continue;
      const x = data.x[i] as number;
      const aT = alpha + (data.T[i] as number);
      const logAT = Math.log(aT);
      total += w * (logGamma(r + x) - lgR + r * logAlpha - (r + x) * logAT);
      if (gradient !== undefined) {
        gr += w * (digamma(r + x) - psiR + logAlpha - logAT);
        ga += w * (r / alpha - (r + x) / aT);
      }
    }
    if (gradient !== undefined) {
      gradient[0] = gr;
      gradient[1] = ga;
    }
    return total;
  };
  return fitMaximumLikelihood(
    {
      model: "nbd",
      names: ["r", "alpha"] as const,
      n,
      starts: [
        [1, scale],
        [0.3, 0.3 * scale],
        [3, 3 * scale],
      ],
      logLikelihood: (p) => evaluate(p),
      logLikelihoodGradient: (p, gradient) => evaluate(p, gradient),
    },
    options,
  );
}
