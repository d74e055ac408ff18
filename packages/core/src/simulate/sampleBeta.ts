import type { Random } from "./Random.ts";
import { sampleGamma } from "./sampleGamma.ts";

/**
 * Draws from the beta distribution Beta(a, b) (mean a / (a + b)) as X / (X + Y) with
 * X ~ Gamma(a, 1), Y ~ Gamma(b, 1). When both gammas underflow to 0 (tiny shapes), falls back to a
 * coin with the right mean rather than returning NaN.
 *
 * @example
 * const dropout = sampleBeta(rng, 0.8, 2.5); // mean ≈ 0.24
 */
export function sampleBeta(rng: Random, a: number, b: number): number {
  const x = sampleGamma(rng, a, 1);
  const y = sampleGamma(rng, b, 1);
  const sum = x + y;
  if (sum > 0) return x / sum;
  return rng.next() < a / (a + b) ? 1 : 0;
}
