/**
 * Cholesky factor `L` (lower, row-major, k × k) of a symmetric positive-definite matrix, or null
 * when it is not positive definite. Small dense matrices only (the Hessian of a regression).
 *
 * @example
 * choleskyFactor(new Float64Array([4, 2, 2, 3]), 2); // [2, 0, 1, 1.414…]
 */
export function choleskyFactor(a: Float64Array, k: number): Float64Array | null {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j] ?? 0;
      for (let m = 0; m < j; m++) s -= (l[i * k + m] ?? 0) * (l[j * k + m] ?? 0);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * k + i] = Math.sqrt(s);
      } else l[i * k + j] = s / (l[j * k + j] ?? 1);
    }
  }
  return l;
}

/**
 * Solves `L Lᵀ x = b` given the Cholesky factor from `choleskyFactor`.
 *
 * @example
 * choleskySolve(choleskyFactor(a, 2)!, 2, new Float64Array([1, 2]));
 */
export function choleskySolve(l: Float64Array, k: number, b: Float64Array): Float64Array {
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i] ?? 0;
    for (let m = 0; m < i; m++) s -= (l[i * k + m] ?? 0) * (y[m] ?? 0);
    y[i] = s / (l[i * k + i] ?? 1);
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let m = i + 1; m < k; m++) s -= (l[m * k + i] ?? 0) * (x[m] ?? 0);
    x[i] = s / (l[i * k + i] ?? 1);
  }
  return x;
}
