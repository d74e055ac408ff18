/**
 * Central-difference gradient of `f` at `x` with step `h` per coordinate (default 1e-5). The BTYD
 * likelihoods have no cheap analytic gradient through 2F1, and central differences are accurate to
 * about 1e-10 here, enough for a polish and for a convergence test.
 *
 * @example
 * numericGradient((p) => p[0]! ** 2, [3]); // ≈ [6]
 */
export function numericGradient(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h = 1e-5,
): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const p = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = p[i] as number;
    p[i] = xi + h;
    const up = f(p);
    p[i] = xi - h;
    const down = f(p);
    p[i] = xi;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * Central-difference Hessian of `f` at `x` (step `h`, default 1e-4), symmetrised. Used as the observed
 * information matrix (Hessian of the negative log-likelihood) for standard errors.
 *
 * @example
 * numericHessian((p) => p[0]! ** 2 * p[1]!, [1, 2]); // ≈ [[4, 2], [2, 0]]
 */
export function numericHessian(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h = 1e-4,
): Float64Array[] {
  const n = x.length;
  const p = Float64Array.from(x);
  const f0 = f(p);
  const H: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  const at = (i: number, di: number, j: number, dj: number): number => {
    const xi = p[i] as number;
    const xj = p[j] as number;
    p[i] = xi + di;
    p[j] = (p[j] as number) + dj;
    const v = f(p);
    p[i] = xi;
    p[j] = xj;
    return v;
  };
  for (let i = 0; i < n; i++) {
    const row = H[i] as Float64Array;
    row[i] = (at(i, h, i, 0) - 2 * f0 + at(i, -h, i, 0)) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h) + at(i, -h, j, -h)) / (4 * h * h);
      row[j] = v;
      (H[j] as Float64Array)[i] = v;
    }
  }
  return H;
}

/**
 * Inverse of a small symmetric matrix by Gauss–Jordan elimination with partial pivoting; returns
 * undefined when singular. Turns the observed information into a covariance matrix.
 *
 * @example
 * invertMatrix([Float64Array.of(2, 0), Float64Array.of(0, 4)]); // [[0.5, 0], [0, 0.25]]
 */
export function invertMatrix(m: readonly Float64Array[]): Float64Array[] | undefined {
  const n = m.length;
  const a: Float64Array[] = m.map((row) => Float64Array.from(row));
  const inv: Float64Array[] = Array.from({ length: n }, (_, i) => {
    const r = new Float64Array(n);
    r[i] = 1;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (
        Math.abs((a[r] as Float64Array)[col] as number) > Math.abs((a[pivot] as Float64Array)[col] as number)
      )
        pivot = r;
    }
    const pv = (a[pivot] as Float64Array)[col] as number;
    if (!Number.isFinite(pv) || Math.abs(pv) < 1e-300) return undefined;
    [a[col], a[pivot]] = [a[pivot] as Float64Array, a[col] as Float64Array];
    [inv[col], inv[pivot]] = [inv[pivot] as Float64Array, inv[col] as Float64Array];
    const ac = a[col] as Float64Array;
    const ic = inv[col] as Float64Array;
    for (let j = 0; j < n; j++) {
      ac[j] = (ac[j] as number) / pv;
      ic[j] = (ic[j] as number) / pv;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const ar = a[r] as Float64Array;
      const ir = inv[r] as Float64Array;
      const factor = ar[col] as number;
      if (factor === 0) continue;
      for (let j = 0; j < n; j++) {
        ar[j] = (ar[j] as number) - factor * (ac[j] as number);
        ir[j] = (ir[j] as number) - factor * (ic[j] as number);
      }
    }
  }
  return inv;
}
