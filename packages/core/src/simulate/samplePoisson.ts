import type { Random } from "./Random.ts";

/** Below this mean, multiplying uniforms (Knuth) is the fastest exact method. */
const KNUTH_LIMIT = 30;

/** log(k!) by Stirling's series; exact (summed) below 10 where the series is weakest. */
const LOG_FACTORIAL_SMALL: readonly number[] = (() => {
  const out = [0];
  for (let k = 1; k < 10; k++) out.push((out[k - 1] ?? 0) + Math.log(k));
  return out;
})();
function logFactorial(k: number): number {
  const small = LOG_FACTORIAL_SMALL[k];
  if (small !== undefined) return small;
  const k1 = k + 1;
  return (k1 - 0.5) * Math.log(k1) - k1 + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k1) - 1 / (360 * k1 ** 3);
}

/**
 * Draws from the Poisson distribution with the given mean. Knuth's product-of-uniforms method for
 * small means; Hörmann's PTRS transformed rejection (1993) above 30, so the cost stays constant
 * however large the mean.
 *
 * @example
 * const extraItems = samplePoisson(rng, 0.7);
 */
export function samplePoisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < KNUTH_LIMIT) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k++;
      product *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logLam - logFactorial(k)
    ) {
      return k;
    }
  }
}
