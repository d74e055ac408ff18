const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural log of |Γ(x)| (Lanczos, g = 7, n = 9; reflection for x < 0.5). Accurate to about 1e-15
 * relative, and never overflows, which is why all likelihoods are written with it instead of Γ.
 * Returns +Infinity at the poles (0, −1, −2, …).
 *
 * @example
 * logGamma(5); // ln 24 ≈ 3.1780538
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    const s = Math.sin(Math.PI * x);
    if (s === 0) return Number.POSITIVE_INFINITY;
    return Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}
