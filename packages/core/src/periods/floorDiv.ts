/**
 * Integer division rounding toward −∞, so bucket arithmetic stays consecutive across zero
 * (`Math.trunc` would put −1 and 1 in the same bucket).
 *
 * @example
 * floorDiv(-1, 7); // -1
 */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/**
 * Remainder with the sign of the divisor, the companion of `floorDiv`: `a = floorDiv(a, b) * b + floorMod(a, b)`.
 *
 * @example
 * floorMod(-1, 12); // 11
 */
export function floorMod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}
