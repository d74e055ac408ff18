/**
 * C/(a−1) × [1 − (1−z)^(r+x) 2F1(r+x, C−a+1; C; z)] for the BG/NBD (C = a+b+x−1) and MBG/NBD (C = a+b+x)
 * conditional expectations, with z = t/(α+T+t) and lnOneMinusZ = ln(1−z).
 *
 * Why not the textbook form: for x in the hundreds the 2F1 is astronomically large and the bracket is a
 * difference of nearly equal numbers, and at a = 1 it is 0/0. Euler's transformation turns the product
 * into (1−z)^(a−1) 2F1(C−r−x, a−1; C; z) = (1−z)^(a−1) (1 + (a−1) G), where G has small terms (C grows
 * with x), so the bracket over (a−1) is −expm1((a−1) ln(1−z))/(a−1) − (1−z)^(a−1) G with no cancellation.
 *
 * @example
 * // BG/NBD, x = 2, T = 38.86, t = 39 (before dividing by 1 + the dropout odds):
 * betaGeometricExpectation(0.243 + 2, 0.793, 0.793 + 2.426 + 1, 39 / 82.274, -Math.log1p(39 / 43.274));
 */
export function betaGeometricExpectation(
  rx: number,
  a: number,
  C: number,
  z: number,
  lnOneMinusZ: number,
): number {
  if (z <= 0) return 0;
  const am1 = a - 1;
  const first = Math.abs(am1) < 1e-12 ? -lnOneMinusZ : -Math.expm1(am1 * lnOneMinusZ) / am1;
  const A = C - rx;
  let term = (A / C) * z;
  let g = term;
  for (let k = 1; k < 1_000_000; k++) {
    const ratio = (((A + k) * (a + k - 1)) / ((C + k) * (k + 1))) * z;
    term *= ratio;
    g += term;
    const r = Math.abs(ratio);
    // Geometric tail bound |term| r/(1−r), multiplied out to keep divisions out of the hot loop.
    if (term === 0 || (r < 1 && Math.abs(term) * r <= 1e-16 * Math.abs(g) * (1 - r))) break;
  }
  return C * (first - Math.exp(am1 * lnOneMinusZ) * g);
}
