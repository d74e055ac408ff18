/** Eigen-decomposition of a small symmetric matrix: values ascending, vectors[k] the unit vector of values[k]. */
export interface SymmetricEigen {
  values: Float64Array;
  vectors: Float64Array[];
}

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix (row-major, dim × dim) by cyclic Jacobi
 * rotations, to full double precision for the 2–4 parameters of the models.
 *
 * Why: whether the data identify a model's parameters is a question about the curvature of the
 * log-likelihood in every direction, not only along each axis: the weakest direction is the
 * eigenvector of the covariance with the largest eigenvalue, and it names the parameters that the data
 * cannot tell apart.
 *
 * @example
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2); // values [1, 3], vectors [[0.707, −0.707], [0.707, 0.707]] (up to sign)
 */
export function symmetricEigen(matrix: ArrayLike<number>, dim: number): SymmetricEigen {
  const a = Float64Array.from({ length: dim * dim }, (_, k) => matrix[k] as number);
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
  const at = (i: number, j: number): number => a[i * dim + j] as number;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < dim; i++) for (let j = i + 1; j < dim; j++) off += at(i, j) ** 2;
    if (!(off > 1e-30 * (1 + frobenius(a)))) break;
    for (let p = 0; p < dim; p++) {
      for (let q = p + 1; q < dim; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, Algorithm 8.4.1).
        const tau = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < dim; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          a[k * dim + p] = c * akp - s * akq;
          a[k * dim + q] = s * akp + c * akq;
        }
        for (let k = 0; k < dim; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          a[p * dim + k] = c * apk - s * aqk;
          a[q * dim + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < dim; k++) {
          const vkp = v[k * dim + p] as number;
          const vkq = v[k * dim + q] as number;
          v[k * dim + p] = c * vkp - s * vkq;
          v[k * dim + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: dim }, (_, i) => i).sort((i, j) => at(i, i) - at(j, j));
  return {
    values: Float64Array.from(order, (i) => at(i, i)),
    vectors: order.map((i) => Float64Array.from({ length: dim }, (_, k) => v[k * dim + i] as number)),
  };
}

/** Frobenius norm squared of a flat matrix. */
function frobenius(a: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += (a[k] as number) ** 2;
  return s;
}
