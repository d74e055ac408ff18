import { digamma } from "./digamma.ts";
import { distinctValues } from "./distinctValues.ts";
import type { GammaGammaData } from "./gammaGamma.ts";
import { logGamma } from "./logGamma.ts";
import { patternWeights, sameLength } from "./rfmData.ts";

/**
 * Gamma-Gamma log-likelihood and gradient over fixed data, prepared once per fit: returns the total at
 * `params` = [p, q, v] and, when `gradient` is given, writes ∂/∂(p, q, v) into it.
 */
export type GammaGammaEvaluator = (params: ArrayLike<number>, gradient?: Float64Array) => number;

/**
 * Prepares the Gamma-Gamma likelihood of the mean spends for repeated evaluation with its analytic
 * gradient. Per customer with x > 0,
 *   ln L = −ln Γ(q) + q ln v + ln Γ(px+q) − ln Γ(px) + (px−1) ln m + px ln x − (px+q) ln(v + x m),
 * where the gamma functions depend on x only (computed per distinct x) and ln m, ln x are data, summed
 * once here; each evaluation then costs one log and one division per (x, m) pattern:
 *   ∂/∂p = Σ x [ψ(px+q) − ψ(px) + ln m + ln x − ln(v + x m)]
 *   ∂/∂q = Σ [−ψ(q) + ln v + ψ(px+q) − ln(v + x m)]
 *   ∂/∂v = Σ [q/v − (px+q)/(v + x m)]
 * Rows with x ≤ 0 carry no spend information and are skipped.
 *
 * @example
 * gammaGammaEvaluator(cdnowSpend)([6.25, 3.74, 15.44]); // ≈ −4055.9
 */
export function gammaGammaEvaluator(data: GammaGammaData): GammaGammaEvaluator {
  const len = sameLength({ x: data.x, m: data.m });
  const { weights } = patternWeights(data.count, len);
  // Keep the rows with x > 0 only, as compact typed arrays.
  let kept = 0;
  for (let i = 0; i < len; i++) if ((data.x[i] as number) > 0) kept++;
  const x = new Float64Array(kept);
  const m = new Float64Array(kept);
  const w = new Float64Array(kept);
  for (let i = 0, j = 0; i < len; i++) {
    if (!((data.x[i] as number) > 0)) continue;
    x[j] = data.x[i] as number;
    m[j] = data.m[i] as number;
    w[j] = weights[i] as number;
    j++;
  }
  const xs = distinctValues(x);
  const nx = xs.values.length;
  const weightOfX = new Float64Array(nx);
  for (let j = 0; j < kept; j++) {
    const k = xs.index[j] as number;
    weightOfX[k] = (weightOfX[k] as number) + (w[j] as number);
  }
  // Data-only sums: Σw, Σ w ln m, Σ w x ln m, Σ w x ln x.
  let sumW = 0;
  let sumLogM = 0;
  let sumXLogM = 0;
  let sumXLogX = 0;
  for (let j = 0; j < kept; j++) {
    const wj = w[j] as number;
    const xj = x[j] as number;
    const lm = Math.log(m[j] as number);
    sumW += wj;
    sumLogM += wj * lm;
    sumXLogM += wj * xj * lm;
    sumXLogX += wj * xj * Math.log(xj);
  }

  return (params, gradient) => {
    const p = params[0] as number;
    const q = params[1] as number;
    const v = params[2] as number;
    const logV = Math.log(v);
    let total = sumW * (-logGamma(q) + q * logV) + p * sumXLogM - sumLogM + p * sumXLogX;
    let gp = sumXLogM + sumXLogX;
    let gq = sumW * logV;
    for (let k = 0; k < nx; k++) {
      const xk = xs.values[k] as number;
      const wk = weightOfX[k] as number;
      if (wk === 0) continue;
      const px = p * xk;
      total += wk * (logGamma(px + q) - logGamma(px));
      if (gradient !== undefined) {
        const psiPxQ = digamma(px + q);
        gp += wk * xk * (psiPxQ - digamma(px));
        gq += wk * psiPxQ;
      }
    }
    // Per pattern: Σ w x L, Σ w L and Σ w (px+q)/(v + x m) with L = ln(v + x m).
    let sumXL = 0;
    let sumL = 0;
    let sumRatio = 0;
    for (let j = 0; j < kept; j++) {
      const wj = w[j] as number;
      const xj = x[j] as number;
      const denom = v + xj * (m[j] as number);
      const L = Math.log(denom);
      sumXL += wj * xj * L;
      sumL += wj * L;
      if (gradient !== undefined) sumRatio += (wj * (p * xj + q)) / denom;
    }
    total -= p * sumXL + q * sumL;
    if (gradient !== undefined) {
      gradient[0] = gp - sumXL;
      gradient[1] = gq - sumW * digamma(q) - sumL;
      gradient[2] = (sumW * q) / v - sumRatio;
    }
    return total;
  };
}
