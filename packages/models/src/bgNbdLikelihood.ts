import { digamma } from "./digamma.ts";
import { distinctValues } from "./distinctValues.ts";
import { logGamma } from "./logGamma.ts";
import { patternWeights, type RfmData, sameLength } from "./rfmData.ts";

/**
 * BG/NBD log-likelihood and gradient over fixed data, prepared once per fit: returns the total
 * Σ count × ln L(r, α, a, b | x, tx, T) at `params` = [r, α, a, b] and, when `gradient` is given,
 * writes ∂/∂(r, α, a, b) into it.
 */
export type BgNbdEvaluator = (params: ArrayLike<number>, gradient?: Float64Array) => number;

/**
 * Prepares the BG/NBD likelihood (Fader, Hardie & Lee 2005, eq. 6) for repeated evaluation with its
 * analytic gradient. Per pattern,
 *   ln L = [ln Γ(r+x) − ln Γ(r) + r ln α + δ(x>0) ln B(a, b+x)/B(a, b)] + ln(e^A3 + e^A4),
 *   A3 = −(r+x) ln(α+T),   A4 = ln a − ln(b+x−1) − (r+x) ln(α+tx)  (x > 0 only).
 * The bracket depends on x alone, so it and its derivatives are computed per distinct x and weighted
 * by the customers with that x; ln(α+T) and ln(α+tx) per distinct T and tx. The per-pattern loop is
 * then one exp and one log1p over typed arrays, with no allocation, which is what lets a fit on half a
 * million patterns take about a second.
 *
 * With w4 = e^A4 / (e^A3 + e^A4) the share of the "dropped out after the last purchase" branch:
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−w4) ln(α+T) − w4 ln(α+tx)
 *   ∂/∂α = r/α − (r+x) [(1−w4)/(α+T) + w4/(α+tx)]
 *   ∂/∂a = δ(x>0) [ψ(a+b) − ψ(a+b+x)] + w4/a
 *   ∂/∂b = δ(x>0) [ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x)] − w4/(b+x−1)
 *
 * @example
 * const ll = bgNbdEvaluator(cdnow);
 * ll([0.243, 4.414, 0.793, 2.426]); // ≈ −9582.43
 */
export function bgNbdEvaluator(data: RfmData): BgNbdEvaluator {
  const len = sameLength({ x: data.x, tx: data.tx, T: data.T });
  const { weights } = patternWeights(data.count, len);
  const xs = distinctValues(data.x);
  const txs = distinctValues(data.tx);
  const Ts = distinctValues(data.T);
  const nx = xs.values.length;
  const ntx = txs.values.length;
  const nT = Ts.values.length;
  const xi = xs.index;
  const txi = txs.index;
  const Ti = Ts.index;
  // Customers per distinct x: the x-only terms are summed as (term × this).
  const weightOfX = new Float64Array(nx);
  for (let i = 0; i < len; i++) {
    const k = xi[i] as number;
    weightOfX[k] = (weightOfX[k] as number) + (weights[i] as number);
  }
  // Scratch tables, refilled on every evaluation.
  const headOfX = new Float64Array(nx);
  const oddsOfX = new Float64Array(nx);
  const invBOfX = new Float64Array(nx);
  const logT = new Float64Array(nT);
  const invT = new Float64Array(nT);
  const logTx = new Float64Array(ntx);
  const invTx = new Float64Array(ntx);
  const xv = xs.values;

  return (params, gradient) => {
    const r = params[0] as number;
    const alpha = params[1] as number;
    const a = params[2] as number;
    const b = params[3] as number;
    const lgR = logGamma(r);
    const lgAB = logGamma(a + b);
    const lgB = logGamma(b);
    const logAlpha = Math.log(alpha);
    const logA = Math.log(a);
    const wantGradient = gradient !== undefined;
    let total = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    const psiR = wantGradient ? digamma(r) : 0;
    const psiAB = wantGradient ? digamma(a + b) : 0;
    const psiB = wantGradient ? digamma(b) : 0;
    for (let k = 0; k < nx; k++) {
      const x = xv[k] as number;
      const w = weightOfX[k] as number;
      const repeat = x > 0;
      headOfX[k] =
        logGamma(r + x) -
        lgR +
        r * logAlpha +
        (repeat ? lgAB + logGamma(b + x) - lgB - logGamma(a + b + x) : 0);
      oddsOfX[k] = repeat ? logA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
      invBOfX[k] = repeat ? 1 / (b + x - 1) : 0;
      total += w * (headOfX[k] as number);
      if (wantGradient && w !== 0) {
        gr += w * (digamma(r + x) - psiR + logAlpha);
        gAlpha += (w * r) / alpha;
        if (repeat) {
          const psiABx = digamma(a + b + x);
          ga += w * (psiAB - psiABx);
          gb += w * (psiAB + digamma(b + x) - psiB - psiABx);
        }
      }
    }
    for (let j = 0; j < nT; j++) {
      const v = alpha + (Ts.values[j] as number);
      logT[j] = Math.log(v);
      invT[j] = 1 / v;
    }
    for (let j = 0; j < ntx; j++) {
      const v = alpha + (txs.values[j] as number);
      logTx[j] = Math.log(v);
      invTx[j] = 1 / v;
    }
    // Per pattern: the mixture term ln(e^A3 + e^A4) and, for the gradient, the sums it feeds.
    let mix = 0;
    let sumLog = 0; // Σ w [(1−w4) ln(α+T) + w4 ln(α+tx)]
    let sumInv = 0; // Σ w (r+x) [(1−w4)/(α+T) + w4/(α+tx)]
    let sumW4 = 0; // Σ w w4
    let sumW4InvB = 0; // Σ w w4/(b+x−1)
    for (let i = 0; i < len; i++) {
      const w = weights[i] as number;
      const k = xi[i] as number;
      const t = Ti[i] as number;
      const rx = r + (xv[k] as number);
      const a3 = -rx * (logT[t] as number);
      const odds = oddsOfX[k] as number;
      if (odds === Number.NEGATIVE_INFINITY) {
        mix += w * a3;
        if (wantGradient) {
          sumLog += w * (logT[t] as number);
          sumInv += w * rx * (invT[t] as number);
        }
        continue;
      }
      const s = txi[i] as number;
      const a4 = odds - rx * (logTx[s] as number);
      // ln(e^A3 + e^A4) from the larger term; e = e^−|A3−A4| ≤ 1 never overflows.
      const hi = Math.max(a3, a4);
      const e = Math.exp(-Math.abs(a3 - a4));
      mix += w * (hi + Math.log1p(e));
      if (wantGradient) {
        const w4 = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
        const w3 = 1 - w4;
        sumLog += w * (w3 * (logT[t] as number) + w4 * (logTx[s] as number));
        sumInv += w * rx * (w3 * (invT[t] as number) + w4 * (invTx[s] as number));
        sumW4 += w * w4;
        sumW4InvB += w * w4 * (invBOfX[k] as number);
      }
    }
    if (gradient !== undefined) {
      gradient[0] = gr - sumLog;
      gradient[1] = gAlpha - sumInv;
      gradient[2] = ga + sumW4 / a;
      gradient[3] = gb - sumW4InvB;
    }
    return total + mix;
  };
}
