import { bfgs } from "./bfgs.ts";
import { FitError } from "./FitError.ts";
import { nelderMead } from "./nelderMead.ts";
import { invertMatrix, numericGradient, numericHessian } from "./numericDerivatives.ts";
import type { FitOptions, FitResult } from "./types.ts";

/** Model description for {@link fitMaximumLikelihood}. */
export interface MaximumLikelihoodProblem<M extends string, P extends string> {
  model: M;
  /** Parameter names in the order used by `logLikelihood`; all parameters must be positive. */
  names: readonly P[];
  /** Total log-likelihood at natural-scale parameters (may return −Infinity or NaN where invalid). */
  logLikelihood: (params: Float64Array) => number;
  /** Number of customers (sum of counts); the objective is scaled by it. */
  n: number;
  /** Default natural-scale starting points; the best Nelder–Mead result over all of them wins. */
  starts: readonly (readonly number[])[];
}

/**
 * Generic maximum-likelihood driver for positive parameters. Optimises on log-parameters (so positivity
 * holds and scales are comparable) with Nelder–Mead from several starts, polishes the best with BFGS and
 * restarts Nelder–Mead from there until it stops improving, then derives standard errors from the numeric
 * Hessian of −LL in log space via the delta method (se(p) = p × se(ln p)).
 *
 * The objective is −LL/n + penalizer × Σ p², exactly as lifetimes, so the penalty means the same here.
 * Throws {@link FitError} when no start gives a finite likelihood or the gradient does not vanish
 * (unless `allowNonConvergence`).
 *
 * @example
 * const fit = fitMaximumLikelihood({ model: "demo", names: ["a"], n: 1, starts: [[1]],
 *   logLikelihood: (p) => -((p[0]! - 2) ** 2) }); // fit.params.a ≈ 2
 */
export function fitMaximumLikelihood<M extends string, P extends string>(
  problem: MaximumLikelihoodProblem<M, P>,
  options: FitOptions = {},
): FitResult<M, P> {
  const { names, n, model } = problem;
  const penalizer = options.penalizer ?? 0;
  const dim = names.length;
  const toRecord = (v: ArrayLike<number>): Record<P, number> => {
    const out = {} as Record<P, number>;
    names.forEach((name, i) => {
      out[name] = v[i] as number;
    });
    return out;
  };
  const natural = (theta: Float64Array): Float64Array => theta.map(Math.exp);
  const objective = (theta: Float64Array): number => {
    const p = natural(theta);
    const ll = problem.logLikelihood(p);
    if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
    let pen = 0;
    if (penalizer > 0) for (let i = 0; i < dim; i++) pen += (p[i] as number) ** 2;
    return -ll / n + penalizer * pen;
  };

  const starts = [...problem.starts, ...(options.starts ?? [])];
  let best: { x: Float64Array; value: number } | undefined;
  let iterations = 0;
  for (const start of starts) {
    const theta = Float64Array.from(start, Math.log);
    if (!Number.isFinite(objective(theta))) continue;
    // A loose tolerance is enough to rank the starts; the winner is refined below.
    const r = nelderMead(objective, theta, { step: 0.5, tolerance: 1e-6 });
    iterations += r.iterations;
    if (best === undefined || r.value < best.value) best = r;
  }
  if (best === undefined) {
    throw new FitError(model, "the log-likelihood is not finite at any starting point; check the input data");
  }
  // Polish with BFGS, then restart Nelder–Mead from the result: a restart escapes a collapsed simplex or a
  // stalled line search on long curved valleys. Repeat while the restart still finds a lower value.
  for (let k = 0; k < 3; k++) {
    const polished = bfgs(objective, best.x, { gradientTolerance: 1e-9 });
    iterations += polished.iterations;
    if (polished.value <= best.value) best = polished;
    const restart = nelderMead(objective, best.x, { step: 0.05, tolerance: 1e-13, maxIterations: 200 });
    iterations += restart.iterations;
    const improvement = best.value - restart.value;
    if (restart.value < best.value) best = restart;
    if (!(improvement > 1e-10)) break;
  }

  const gradient = numericGradient(objective, best.x, 1e-6);
  const maxGradient = gradient.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
  const params = natural(best.x);
  const logLikelihood = problem.logLikelihood(params);
  const converged = Number.isFinite(logLikelihood) && maxGradient < 1e-5;
  if (!converged && options.allowNonConvergence !== true) {
    throw new FitError(
      model,
      `did not converge (max |gradient| of −LL/n in log-parameters = ${maxGradient.toExponential(2)}, ` +
        `log-likelihood ${logLikelihood}); the data may not identify all parameters`,
      toRecord(params),
    );
  }

  const total = (theta: Float64Array): number => objective(theta) * n;
  const hessian = numericHessian(total, best.x, 1e-4);
  const covariance = invertMatrix(hessian);
  const stdErrors = new Float64Array(dim).fill(Number.NaN);
  if (covariance !== undefined) {
    for (let i = 0; i < dim; i++) {
      const v = (covariance[i] as Float64Array)[i] as number;
      if (v > 0) stdErrors[i] = (params[i] as number) * Math.sqrt(v);
    }
  }
  return {
    model,
    params: toRecord(params),
    logLikelihood,
    n,
    converged,
    iterations,
    stdErrors: toRecord(stdErrors),
  };
}
