import { patternWeights } from "./rfmData.ts";
import type { NumericArray } from "./types.ts";

/**
 * Expected number of customers with 0, 1, …, maxClass−1 and ≥ maxClass repeat purchases (length
 * maxClass + 1), given each pattern's observation length and a fitted model's P(X(t) = x), e.g.
 * `(x, t) => bgNbdProbabilityOfPurchases(params, t, x)`. Compare with {@link observedFrequencyCounts}:
 * the classic calibration-period fit check. Probabilities are memoised per distinct length.
 *
 * @example
 * expectedFrequencyCounts((x, t) => bgNbdProbabilityOfPurchases(p, t, x), T, count, 7); // 8 classes
 */
export function expectedFrequencyCounts(
  probability: (x: number, t: number) => number,
  T: NumericArray,
  count: NumericArray | undefined,
  maxClass: number,
): Float64Array {
  const { weights } = patternWeights(count, T.length);
  const byLength = new Map<number, Float64Array>();
  const out = new Float64Array(maxClass + 1);
  for (let i = 0; i < T.length; i++) {
    const t = T[i] as number;
    let probs = byLength.get(t);
    if (probs === undefined) {
      probs = new Float64Array(maxClass + 1);
      let below = 0;
      for (let x = 0; x < maxClass; x++) {
        const p = probability(x, t);
        probs[x] = p;
        below += p;
      }
      probs[maxClass] = Math.max(0, 1 - below);
      byLength.set(t, probs);
    }
    const w = weights[i] as number;
    for (let x = 0; x <= maxClass; x++) out[x] = (out[x] as number) + w * (probs[x] as number);
  }
  return out;
}

/**
 * Observed number of customers with 0, 1, …, maxClass−1 and ≥ maxClass repeat purchases.
 *
 * @example
 * observedFrequencyCounts([0, 1, 9], undefined, 2); // [1, 1, 1]
 */
export function observedFrequencyCounts(
  x: NumericArray,
  count: NumericArray | undefined,
  maxClass: number,
): Float64Array {
  const { weights } = patternWeights(count, x.length);
  const out = new Float64Array(maxClass + 1);
  for (let i = 0; i < x.length; i++) {
    const k = Math.min(maxClass, Math.max(0, Math.floor(x[i] as number)));
    out[k] = (out[k] as number) + (weights[i] as number);
  }
  return out;
}
