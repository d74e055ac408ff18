import { logGamma } from "./logGamma.ts";

/**
 * ln P(N(t) = x) for the negative binomial count of a Poisson process with gamma(r, α) rate:
 * Γ(r+x)/(Γ(r) x!) (α/(α+t))^r (t/(α+t))^x. The building block of the BG/NBD-family count
 * distributions.
 *
 * @example
 * Math.exp(nbdLogPmf(0, 1, 1, 1)); // 0.5
 */
export function nbdLogPmf(x: number, r: number, alpha: number, t: number): number {
  if (t === 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  const logP = Math.log(alpha / (alpha + t));
  const logQ = Math.log(t / (alpha + t));
  return logGamma(r + x) - logGamma(r) - logGamma(x + 1) + r * logP + x * logQ;
}

/**
 * P(N(t) ≥ x) for the same negative binomial, summed from whichever side avoids cancellation
 * (the lower sum when the tail is large, the upper tail itself when it is small).
 *
 * @example
 * nbdTail(1, 1, 1, 1); // 0.5
 */
export function nbdTail(x: number, r: number, alpha: number, t: number): number {
  if (x <= 0) return 1;
  if (t === 0) return 0;
  const q = t / (alpha + t);
  let p = Math.exp(nbdLogPmf(0, r, alpha, t));
  let cdf = 0;
  for (let j = 0; j < x; j++) {
    cdf += p;
    p *= ((r + j) / (j + 1)) * q;
  }
  if (cdf < 0.5) return 1 - cdf;
  let tail = 0;
  p = Math.exp(nbdLogPmf(x, r, alpha, t));
  for (let j = x; j < x + 10_000_000; j++) {
    tail += p;
    const ratio = ((r + j) / (j + 1)) * q;
    p *= ratio;
    if (ratio < 1 && (p * ratio) / (1 - ratio) <= 1e-17 * tail) break;
  }
  return tail;
}
