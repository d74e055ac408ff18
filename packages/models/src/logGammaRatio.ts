import { logGamma } from "./logGamma.ts";

/** Stirling's series of ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π]: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷). */
function stirlingTail(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)));
}

/**
 * ln Γ(x + h) − ln Γ(x) for x > 0 and x + h > 0, accurate to rounding in the difference itself.
 *
 * Why: the difference of two log-gammas of large arguments loses their size in absolute accuracy
 * (ln Γ(5000) ≈ 3.8·10⁴, so 10⁻¹⁶ relative is 4·10⁻¹² absolute), and Pareto/NBD's connection formula
 * needs Γ(s + r + x + 1)/Γ(s + 1) with s in the thousands when the fit drifts towards a homogeneous
 * dropout rate. For x, x + h ≥ 50 it is taken from Stirling's series written as a difference,
 * (x − ½) ln(1 + h/x) + h ln(x + h) − h + [tail(x + h) − tail(x)], whose tail error is below 10⁻¹⁸;
 * below that from ln Γ directly (whose values are then small).
 *
 * @example
 * logGammaRatio(5000, 1.55); // ln Γ(5001.55) − ln Γ(5000) ≈ 1.55 ln 5000 ≈ 13.20
 */
export function logGammaRatio(x: number, h: number): number {
  if (!(x >= 50 && x + h >= 50)) return logGamma(x + h) - logGamma(x);
  return (x - 0.5) * Math.log1p(h / x) + h * Math.log(x + h) - h + (stirlingTail(x + h) - stirlingTail(x));
}
