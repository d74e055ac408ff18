/** Outcome of a local minimisation. */
export interface MinimizeResult {
  /** Argument of the smallest value found. */
  x: Float64Array;
  /** Objective at `x`. */
  value: number;
  /** Iterations used. */
  iterations: number;
  /** True when the stopping tolerance was met before the iteration limit. */
  converged: boolean;
  /** Gradient at `x`, when the optimiser computed it there (BFGS). */
  gradient?: Float64Array;
}

/** Options for {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Initial simplex edge length per coordinate (default 0.5: in log-parameter space, a factor of 1.65). */
  step?: number;
  /** Iteration limit (default 400 × dimension). */
  maxIterations?: number;
  /** Stop when the spread of simplex values is below this (default 1e-12, absolute). */
  tolerance?: number;
}

/**
 * Derivative-free Nelder–Mead simplex minimisation (adaptive coefficients of Gao & Han 2012). Robust
 * to the flat, curved valleys of BTYD likelihoods and to +Infinity where parameters are invalid, so it
 * is the first stage of every fit; a gradient polish follows.
 *
 * @example
 * nelderMead((p) => (p[0]! - 1) ** 2 + (p[1]! + 2) ** 2, [0, 0]).x; // ≈ [1, −2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 400 * n;
  const tolerance = options.tolerance ?? 1e-12;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;

  const points: Float64Array[] = [];
  const values: number[] = [];
  const evaluate = (x: Float64Array): number => {
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(x0);
    if (i > 0) p[i - 1] = (p[i - 1] as number) + step;
    points.push(p);
    values.push(evaluate(p));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = (from: Float64Array, coef: number): Float64Array => {
    const p = new Float64Array(n);
    for (let j = 0; j < n; j++)
      p[j] = (centroid[j] as number) + coef * ((from[j] as number) - (centroid[j] as number));
    return p;
  };

  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    const fBest = values[best] as number;
    const fWorst = values[worst] as number;
    if (Number.isFinite(fWorst) && fWorst - fBest <= tolerance * (1 + Math.abs(fBest))) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k] as number] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (p[j] as number) / n;
    }
    const worstPoint = points[worst] as Float64Array;
    const reflected = trial(worstPoint, -alpha);
    const fr = evaluate(reflected);
    if (fr < fBest) {
      const expanded = trial(worstPoint, -alpha * beta);
      const fe = evaluate(expanded);
      if (fe < fr) {
        points[worst] = expanded;
        values[worst] = fe;
      } else {
        points[worst] = reflected;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < (values[secondWorst] as number)) {
      points[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < fWorst;
    const contracted = outside ? trial(worstPoint, -alpha * gamma) : trial(worstPoint, gamma);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : fWorst)) {
      points[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    const bestPoint = points[best] as Float64Array;
    for (let k = 1; k <= n; k++) {
      const idx = order[k] as number;
      const p = points[idx] as Float64Array;
      for (let j = 0; j < n; j++)
        p[j] = (bestPoint[j] as number) + delta * ((p[j] as number) - (bestPoint[j] as number));
      values[idx] = evaluate(p);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return {
    x: points[bestIndex] as Float64Array,
    value: values[bestIndex] as number,
    iterations,
    converged,
  };
}
