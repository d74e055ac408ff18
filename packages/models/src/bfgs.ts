import type { MinimizeResult } from "./nelderMead.ts";
import { numericGradient } from "./numericDerivatives.ts";

/** Options for {@link bfgs}. */
export interface BfgsOptions {
  /** Iteration limit (default 200). */
  maxIterations?: number;
  /** Stop when the largest absolute gradient component is below this (default 1e-8). */
  gradientTolerance?: number;
  /** Finite-difference step for the gradient (default 1e-6); unused with `valueAndGradient`. */
  h?: number;
  /**
   * Objective and its analytic gradient in one pass (writes ∇f into `gradient`, returns f). With it,
   * every iteration costs one pass over the data instead of 1 + 2n, which is what makes fits on
   * hundreds of thousands of patterns affordable.
   */
  valueAndGradient?: (x: Float64Array, gradient: Float64Array) => number;
  /**
   * Initial inverse-Hessian approximation (row-major n × n), e.g. from a fit on a subsample; default
   * the identity, rescaled after the first step. A good one makes a warm-started polish take a few
   * near-Newton steps.
   */
  inverseHessian?: Float64Array;
}

/**
 * Quasi-Newton BFGS with a backtracking (Armijo) line search, on analytic gradients when
 * `valueAndGradient` is given and numeric central differences otherwise. Used as the main optimiser
 * where the model has an analytic gradient, and elsewhere to polish a Nelder–Mead optimum to full
 * precision and to certify convergence by the gradient.
 *
 * @example
 * bfgs((p) => (p[0]! - 1) ** 2 + 10 * (p[1]! - p[0]! ** 2) ** 2, [0, 0]).x; // ≈ [1, 1]
 */
export function bfgs(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: BfgsOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 200;
  const tol = options.gradientTolerance ?? 1e-8;
  const h = options.h ?? 1e-6;
  const analytic = options.valueAndGradient;
  // Value and gradient at a point: one pass with the analytic gradient, 1 + 2n passes without.
  const evaluate = (at: Float64Array, gradient: Float64Array): number => {
    if (analytic !== undefined) return analytic(at, gradient);
    const v = f(at);
    if (Number.isFinite(v)) gradient.set(numericGradient(f, at, h));
    return v;
  };
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = evaluate(x, g);
  // Inverse-Hessian approximation: the given one, or the identity rescaled after the first step.
  const given = options.inverseHessian !== undefined && options.inverseHessian.length === n * n;
  const H = given ? Float64Array.from(options.inverseHessian as Float64Array) : new Float64Array(n * n);
  if (!given) for (let i = 0; i < n; i++) H[i * n + i] = 1;
  // The numeric-gradient polish keeps its unscaled identity start, whose behaviour the fits were
  // validated with; the analytic path is the one that starts far from the optimum.
  let scaled = given || analytic === undefined;
  const maxAbs = (v: Float64Array): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  let iterations = 0;
  let converged = maxAbs(g) < tol;
  while (!converged && iterations < maxIterations) {
    iterations++;
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = s;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (d[i] as number) * (g[i] as number);
    if (!(slope < 0)) {
      // Not a descent direction: reset to steepest descent.
      H.fill(0);
      scaled = analytic === undefined;
      for (let i = 0; i < n; i++) {
        H[i * n + i] = 1;
        d[i] = -(g[i] as number);
      }
      slope = -g.reduce((s, e) => s + e * e, 0);
    }
    let step = 1;
    let xNew = x;
    let fNew = fx;
    let accepted = false;
    const gNew = new Float64Array(n);
    for (let k = 0; k < 60; k++) {
      // With exact gradients, a step whose predicted decrease is below the rounding of f cannot be
      // told from noise: stop instead of halving on (each trial is a pass over all the data).
      if (analytic !== undefined && -step * slope < 1e-15 * (1 + Math.abs(fx))) break;
      xNew = x.map((xi, i) => xi + step * (d[i] as number));
      fNew = analytic === undefined ? f(xNew) : analytic(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    if (analytic === undefined) gNew.set(numericGradient(f, xNew, h));
    const s = xNew.map((v, i) => v - (x[i] as number));
    const y = gNew.map((v, i) => v - (g[i] as number));
    let sy = 0;
    for (let i = 0; i < n; i++) sy += (s[i] as number) * (y[i] as number);
    if (sy > 1e-18 && !scaled) {
      // Shanno–Phua scaling of the identity before the first update: the identity's unit scale can
      // be far from the curvature of −LL/n, which would cost many short line-search steps.
      let yy = 0;
      for (let i = 0; i < n; i++) yy += (y[i] as number) ** 2;
      for (let i = 0; i < n; i++) H[i * n + i] = sy / yy;
      scaled = true;
    }
    if (sy > 1e-18) {
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0; j < n; j++) acc += (H[i * n + j] as number) * (y[j] as number);
        Hy[i] = acc;
      }
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += (y[i] as number) * (Hy[i] as number);
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const si = s[i] as number;
          const sj = s[j] as number;
          H[i * n + j] =
            (H[i * n + j] as number) -
            rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * si * sj;
        }
      }
    }
    const improvement = fx - fNew;
    x = xNew;
    fx = fNew;
    g = gNew;
    converged = maxAbs(g) < tol || improvement <= 1e-15 * (1 + Math.abs(fx));
  }
  return { x, value: fx, iterations, converged: converged && maxAbs(g) < Math.max(tol, 1e-5), gradient: g };
}
