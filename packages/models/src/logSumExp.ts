/**
 * ln(Σ exp(v_i)) without overflow or underflow: the largest term is factored out. Mixture
 * likelihoods (alive vs. dropped out) are sums of tiny terms, so they are added in log space.
 * Returns −Infinity for an empty input or when every term is −Infinity.
 *
 * @example
 * logSumExp([-1000, -1000]); // −1000 + ln 2
 */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > max) max = v;
  }
  if (max === Number.NEGATIVE_INFINITY || !Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
  return max + Math.log(sum);
}

/**
 * ln(e^a + e^b), the two-term log-sum-exp used in per-customer likelihood loops (no array allocation).
 *
 * @example
 * logAddExp(Math.log(2), Math.log(3)); // ln 5
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * ln(1 − e^x) for x ≤ 0, accurate near both ends (Mächler 2012): the difference of two likelihood
 * terms that nearly cancel is then computed in log space without losing digits.
 *
 * @example
 * log1mExp(Math.log(0.25)); // ln 0.75
 */
export function log1mExp(x: number): number {
  if (x > 0) return Number.NaN;
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}
