import { logGamma } from "./logGamma.ts";

/**
 * Natural log of the Beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b), for a, b > 0. Used by the
 * beta-geometric models, whose likelihoods are ratios of Beta functions that overflow in linear space.
 *
 * @example
 * logBeta(2, 3); // ln(1/12) ≈ −2.4849
 */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
