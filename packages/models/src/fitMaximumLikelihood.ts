import { assessIdentification, BOUNDARY_THRESHOLD, type BoundaryTest } from "./assessIdentification.ts";
import { bfgs } from "./bfgs.ts";
import { FitError } from "./FitError.ts";
import { nelderMead } from "./nelderMead.ts";
import { invertMatrix, numericGradient, numericHessian } from "./numericDerivatives.ts";
import type { FitOptions, FitResult, FitStop, ParameterInterval } from "./types.ts";

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
  /**
   * Optional analytic gradient: returns the total log-likelihood at natural-scale parameters and
   * writes ∂LL/∂p into `gradient`. With it the fit runs BFGS on exact gradients from the best start
   * (other starts and Nelder–Mead only when that does not converge), and the Hessian for the
   * standard errors is the central difference of the gradient (2k passes instead of ~2k²).
   */
  logLikelihoodGradient?: (params: Float64Array, gradient: Float64Array) => number;
  /**
   * Optional cheaper stand-in for the same model, e.g. the likelihood on a subsample of the patterns.
   * Its optimum (and, with `logLikelihoodGradient`, its curvature) warm-starts the full fit, so the
   * full data are passed over only for the last quasi-Newton steps and the standard errors; the full
   * multi-start search runs only when that does not converge.
   */
  coarse?: MaximumLikelihoodProblem<M, P>;
  /**
   * Optional no-dropout limit of the model (the NBD for BG/NBD, MBG/NBD and Pareto/NBD): the dropout
   * parameters and the log-likelihood of the limit model fitted to the same data. The fit's
   * identification then tests the fit against it (see assessIdentification). Called once, after the fit.
   */
  boundary?: { parameters: readonly P[]; logLikelihood: () => number };
}

/** Where a gradient-based fit ended, and the inverse Hessian of −LL/n in log space (row-major). */
interface GradientFit {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  maxGradient: number;
  inverseHessian: Float64Array | undefined;
  /** Whether some BFGS run ended at its iteration limit. */
  hitLimit: boolean;
}

/** Largest absolute component. */
function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

/** A gradient below this (of −LL/n in log-parameters) certifies convergence, as in the numeric path. */
const GRADIENT_TOLERANCE = 1e-5;

/** The standard normal's 97.5% quantile: 95% intervals are ln p ± Z95 se(ln p). */
const Z95 = 1.959963984540054;

/** bfgs's default iteration limit: a run that used them all stopped there, not at its tolerance. */
const BFGS_ITERATIONS = 200;

/**
 * The objective −LL/n + penalizer Σ p² on log-parameters θ and its gradient (chain rule ∂/∂θ = p ∂/∂p).
 * Returns +Infinity (gradient untouched) where the likelihood is not finite, which the line search
 * treats as "step too long".
 */
function logSpaceObjective(
  logLikelihoodGradient: (params: Float64Array, gradient: Float64Array) => number,
  n: number,
  penalizer: number,
  dim: number,
): (theta: Float64Array, gradient: Float64Array) => number {
  const p = new Float64Array(dim);
  const gp = new Float64Array(dim);
  return (theta, gradient) => {
    for (let i = 0; i < dim; i++) p[i] = Math.exp(theta[i] as number);
    const ll = logLikelihoodGradient(p, gp);
    if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
    let pen = 0;
    for (let i = 0; i < dim; i++) {
      const pi = p[i] as number;
      pen += pi * pi;
      gradient[i] = pi * (-(gp[i] as number) / n + 2 * penalizer * pi);
    }
    return -ll / n + penalizer * pen;
  };
}

/**
 * Hessian of an objective by forward differences of its analytic gradient (step h in log space) from
 * the gradient `g0` already known at `theta`, symmetrised: k extra gradient passes. At h = 1e-6 the
 * O(h) truncation is far below what standard errors need, and differencing gradients avoids the
 * cancellation of second differences of values.
 */
function gradientHessian(
  valueAndGradient: (theta: Float64Array, gradient: Float64Array) => number,
  theta: Float64Array,
  g0: Float64Array,
  h: number,
): Float64Array[] {
  const dim = theta.length;
  const H: Float64Array[] = Array.from({ length: dim }, () => new Float64Array(dim));
  const at = Float64Array.from(theta);
  const up = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    const tj = theta[j] as number;
    at[j] = tj + h;
    valueAndGradient(at, up);
    at[j] = tj;
    for (let i = 0; i < dim; i++) (H[i] as Float64Array)[j] = ((up[i] as number) - (g0[i] as number)) / h;
  }
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (((H[i] as Float64Array)[j] as number) + ((H[j] as Float64Array)[i] as number));
      (H[i] as Float64Array)[j] = v;
      (H[j] as Float64Array)[i] = v;
    }
  }
  return H;
}

/** Row-major copy of the inverse of a small matrix, or undefined when singular or not positive. */
function flatInverse(m: Float64Array[]): Float64Array | undefined {
  const inv = invertMatrix(m);
  if (inv === undefined) return undefined;
  const dim = m.length;
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    const row = inv[i] as Float64Array;
    if (!((row[i] as number) > 0)) return undefined;
    out.set(row, i * dim);
  }
  return out;
}

/**
 * BFGS on analytic gradients from the given log-space starts, best first, stopping at the first that
 * converges; returns the best point reached and, when it converged, the inverse Hessian there.
 */
function gradientFit(
  valueAndGradient: (theta: Float64Array, gradient: Float64Array) => number,
  starts: readonly Float64Array[],
  inverseHessian: Float64Array | undefined,
  hessianStep: number,
): GradientFit | undefined {
  const dim = starts[0]?.length ?? 0;
  const g = new Float64Array(dim);
  const ranked = starts
    .map((x) => ({ x, value: valueAndGradient(x, g) }))
    .filter((s) => Number.isFinite(s.value))
    .sort((p, q) => p.value - q.value);
  let best: GradientFit | undefined;
  let iterations = 0;
  let hitLimit = false;
  for (const start of ranked) {
    const r = bfgs((theta) => valueAndGradient(theta, g), start.x, {
      valueAndGradient,
      gradientTolerance: 1e-9,
      maxIterations: 500,
      ...(inverseHessian === undefined ? {} : { inverseHessian }),
    });
    iterations += r.iterations;
    if (r.iterations >= 500) hitLimit = true;
    const gradient = r.gradient ?? new Float64Array(dim);
    if (r.gradient === undefined) valueAndGradient(r.x, gradient);
    const maxGradient = maxAbs(gradient);
    if (best === undefined || r.value < best.value) {
      best = {
        x: r.x,
        value: r.value,
        gradient,
        iterations,
        maxGradient,
        inverseHessian: undefined,
        hitLimit,
      };
    }
    if (maxGradient < GRADIENT_TOLERANCE) break;
  }
  if (best === undefined) return undefined;
  best.iterations = iterations;
  best.hitLimit = hitLimit;
  if (best.maxGradient < GRADIENT_TOLERANCE) {
    best.inverseHessian = flatInverse(gradientHessian(valueAndGradient, best.x, best.gradient, hessianStep));
  }
  return best;
}

/**
 * Generic maximum-likelihood driver for positive parameters. Optimises on log-parameters (so positivity
 * holds and scales are comparable). With an analytic gradient, BFGS runs from the best start (warm-started
 * from the `coarse` problem's optimum and curvature when given) and other starts are tried only if it
 * does not converge. Otherwise, and as the fallback, Nelder–Mead runs from several starts, the best is
 * polished with BFGS and Nelder–Mead restarted from there until it stops improving. Standard errors come
 * from the Hessian of −LL in log space via the delta method (se(p) = p × se(ln p)).
 *
 * The objective is −LL/n + penalizer × Σ p², exactly as lifetimes, so the penalty means the same here.
 * Throws {@link FitError} when no start gives a finite likelihood or the gradient does not vanish
 * (unless `allowNonConvergence`, or the problem's `boundary` fits the data as well: then the result
 * says `converged: false`, `stop.reason: "bound"`). Every result carries 95% intervals, how the search
 * stopped, and the identification assessment.
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
  const toRecord = (v: ArrayLike<number>): Record<P, number> => {
    const out = {} as Record<P, number>;
    names.forEach((name, i) => {
      out[name] = v[i] as number;
    });
    return out;
  };
  const natural = (theta: Float64Array): Float64Array => theta.map(Math.exp);
  const objective = logSpaceValue(problem, penalizer);

  const starts = [...problem.starts, ...(options.starts ?? [])];
  if (problem.logLikelihoodGradient !== undefined) {
    const fast = fitWithGradient(problem, problem.logLikelihoodGradient, starts, options);
    if (fast !== undefined) return fast;
  }
  const assess = (found: Found) => {
    const gradient = found.best.gradient ?? numericGradient(objective, found.best.x, 1e-6);
    return { ...found, maxGradient: gradient.reduce((m, g) => Math.max(m, Math.abs(g)), 0) };
  };
  const warm =
    problem.coarse === undefined ? undefined : warmStart(problem.coarse, objective, penalizer, options);
  let found = warm === undefined ? undefined : assess(warm);
  if (found === undefined || !(found.maxGradient < 1e-5))
    found = assess(searchFromStarts(model, objective, starts));
  const { best, iterations, maxGradient } = found;
  const params = natural(best.x);
  const logLikelihood = problem.logLikelihood(params);
  const converged = Number.isFinite(logLikelihood) && maxGradient < 1e-5;
  const boundary = boundaryTest(problem, logLikelihood);
  // Not converged because the optimum lies at the no-dropout boundary (e.g. s, β → ∞ together for
  // Pareto/NBD, a homogeneous vanishing dropout rate, where the gradient fades too slowly to meet the
  // tolerance): the data cannot reject the limit, so the fit is returned with that said rather than thrown.
  const atDropoutBoundary =
    !converged &&
    boundary !== undefined &&
    Number.isFinite(logLikelihood) &&
    !(boundary.statistic >= BOUNDARY_THRESHOLD);
  if (!converged && !atDropoutBoundary && options.allowNonConvergence !== true) {
    throw new FitError(
      model,
      `did not converge (max |gradient| of −LL/n in log-parameters = ${maxGradient.toExponential(2)}, ` +
        `log-likelihood ${logLikelihood}); the data may not identify all parameters`,
      toRecord(params),
    );
  }

  const total = (theta: Float64Array): number => objective(theta) * n;
  const hessian = numericHessian(total, best.x, 1e-4);
  const inverse = invertMatrix(hessian);
  const covariance =
    inverse === undefined ? undefined : Float64Array.from(inverse.flatMap((row) => [...row]));
  // A parameter at the edge of the doubles (ln p beyond ±690, p beyond 1e±300) ran off to 0 or ∞.
  const edge = names.filter((_, i) => !(Math.abs(best.x[i] as number) < 690));
  const atBound = edge.length > 0 || !atDropoutBoundary ? edge : [...(boundary?.parameters ?? [])];
  const stop: FitStop = {
    reason: converged
      ? "tolerance"
      : atBound.length > 0
        ? "bound"
        : found.hitLimit
          ? "iteration-limit"
          : "stalled",
    maxGradient,
    tolerance: GRADIENT_TOLERANCE,
    parameters: converged ? [] : atBound,
  };
  return finish(problem, params, logLikelihood, converged, iterations, covariance, stop, boundary);
}

/** The likelihood-ratio test of a fit against the problem's no-dropout limit, when it has one. */
function boundaryTest<M extends string, P extends string>(
  problem: MaximumLikelihoodProblem<M, P>,
  logLikelihood: number,
): BoundaryTest<P> | undefined {
  return problem.boundary === undefined
    ? undefined
    : {
        parameters: problem.boundary.parameters,
        statistic: 2 * (logLikelihood - problem.boundary.logLikelihood()),
      };
}

/**
 * The result of a fit from its optimum: standard errors and 95% intervals from the covariance of the
 * log-parameters (row-major, total −LL; undefined when the information is singular), the stop
 * reason, and the identification assessment (with the boundary test when the problem has one).
 */
function finish<M extends string, P extends string>(
  problem: MaximumLikelihoodProblem<M, P>,
  params: Float64Array,
  logLikelihood: number,
  converged: boolean,
  iterations: number,
  covariance: Float64Array | undefined,
  stop: FitStop,
  boundary: BoundaryTest<P> | undefined = boundaryTest(problem, logLikelihood),
): FitResult<M, P> {
  const { names, n, model } = problem;
  const dim = names.length;
  const stdErrors = {} as Record<P, number>;
  const intervals = {} as Record<P, ParameterInterval>;
  names.forEach((name, i) => {
    const v = covariance === undefined ? Number.NaN : (covariance[i * dim + i] as number);
    const p = params[i] as number;
    const se = v > 0 ? Math.sqrt(v) : Number.NaN;
    stdErrors[name] = p * se;
    intervals[name] = {
      lower: p * Math.exp(-Z95 * se),
      upper: p * Math.exp(Z95 * se),
    };
  });
  return {
    model,
    params: Object.fromEntries(names.map((name, i) => [name, params[i] as number])) as Record<P, number>,
    logLikelihood,
    n,
    converged,
    iterations,
    stdErrors,
    intervals,
    stop,
    identification: assessIdentification(names, covariance, boundary),
  };
}

/**
 * The gradient path of {@link fitMaximumLikelihood}; undefined when it does not converge, so the caller
 * falls back to the derivative-free search.
 */
function fitWithGradient<M extends string, P extends string>(
  problem: MaximumLikelihoodProblem<M, P>,
  logLikelihoodGradient: (params: Float64Array, gradient: Float64Array) => number,
  starts: readonly (readonly number[])[],
  options: FitOptions,
): FitResult<M, P> | undefined {
  const { names, n } = problem;
  const dim = names.length;
  const penalizer = options.penalizer ?? 0;
  const logStarts = starts.map((s) => Float64Array.from(s, Math.log));
  let warm: GradientFit | undefined;
  let coarseIterations = 0;
  const coarse = problem.coarse;
  if (coarse?.logLikelihoodGradient !== undefined) {
    const objective = logSpaceObjective(coarse.logLikelihoodGradient, coarse.n, penalizer, dim);
    warm = gradientFit(objective, logStarts, undefined, 1e-6);
    coarseIterations = warm?.iterations ?? 0;
  }
  const objective = logSpaceObjective(logLikelihoodGradient, n, penalizer, dim);
  // From a converged coarse fit, one polish from its optimum with its curvature; the default starts
  // only if that fails.
  let fit =
    warm !== undefined && warm.maxGradient < GRADIENT_TOLERANCE
      ? gradientFit(objective, [warm.x], warm.inverseHessian, 1e-6)
      : undefined;
  if (fit === undefined || fit.maxGradient >= GRADIENT_TOLERANCE) {
    const again = gradientFit(objective, logStarts, undefined, 1e-6);
    if (again !== undefined && (fit === undefined || again.value < fit.value)) {
      again.iterations += fit?.iterations ?? 0;
      fit = again;
    }
  }
  if (fit === undefined || fit.maxGradient >= GRADIENT_TOLERANCE) return undefined;
  const params = fit.x.map(Math.exp);
  // The objective at the optimum is −LL/n + penalty, so LL follows without another pass.
  let pen = 0;
  for (let i = 0; i < dim; i++) pen += (params[i] as number) ** 2;
  const logLikelihood = -(fit.value - penalizer * pen) * n;
  if (!Number.isFinite(logLikelihood)) return undefined;
  // The inverse Hessian is of −LL/n; the covariance is that of −LL, i.e. divided by n.
  const covariance = fit.inverseHessian?.map((v) => v / n);
  const stop: FitStop = {
    reason: "tolerance",
    maxGradient: fit.maxGradient,
    tolerance: GRADIENT_TOLERANCE,
    parameters: [],
  };
  return finish(problem, params, logLikelihood, true, coarseIterations + fit.iterations, covariance, stop);
}

type Objective = (theta: Float64Array) => number;

/** Where a search ended, and how many iterations it took. */
interface Found {
  /** The optimum, with the gradient there when the optimiser computed it (BFGS). */
  best: { x: Float64Array; value: number; gradient?: Float64Array };
  iterations: number;
  /** Whether a Nelder–Mead search from a start or a BFGS polish ended at its iteration limit. */
  hitLimit: boolean;
}

/** −LL/n + penalizer × Σ p² at log-parameters θ (p = e^θ); +∞ where the likelihood is not finite. */
function logSpaceValue<M extends string, P extends string>(
  problem: MaximumLikelihoodProblem<M, P>,
  penalizer: number,
): Objective {
  return (theta) => {
    const p = theta.map(Math.exp);
    const ll = problem.logLikelihood(p);
    if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
    let pen = 0;
    if (penalizer > 0) for (let i = 0; i < p.length; i++) pen += (p[i] as number) ** 2;
    return -ll / problem.n + penalizer * pen;
  };
}

/**
 * The derivative-free search on the cheaper stand-in, then BFGS on the full data from its optimum,
 * started with the stand-in's inverse Hessian (the objective is per customer, so the curvatures
 * agree): a few near-Newton steps, a few dozen passes over the data where Nelder–Mead makes
 * thousands. Undefined when the full likelihood is not finite there.
 */
function warmStart<M extends string, P extends string>(
  coarse: MaximumLikelihoodProblem<M, P>,
  objective: Objective,
  penalizer: number,
  options: FitOptions,
): Found | undefined {
  // The stand-in is fitted the same way, so it is warm-started from its own stand-in if it has one.
  const near = fitMaximumLikelihood(coarse, { ...options, allowNonConvergence: true });
  const theta = Float64Array.from(coarse.names, (name) => Math.log(near.params[name]));
  if (!Number.isFinite(objective(theta))) return undefined;
  const inverseHessian = flatInverse(numericHessian(logSpaceValue(coarse, penalizer), theta, 1e-4));
  const polished = bfgs(objective, theta, {
    // Below the 1e-5 that certifies convergence, and far below the parameters' standard errors.
    gradientTolerance: 1e-6,
    ...(inverseHessian === undefined ? {} : { inverseHessian }),
  });
  return {
    best: polished,
    iterations: near.iterations + polished.iterations,
    hitLimit: near.stop.reason === "iteration-limit" || polished.iterations >= BFGS_ITERATIONS,
  };
}

/**
 * Nelder–Mead from every start; the best is polished with BFGS and Nelder–Mead restarted from there
 * (a restart escapes a collapsed simplex or a stalled line search on long curved valleys) while the
 * restart still finds a lower value.
 */
function searchFromStarts(
  model: string,
  objective: Objective,
  starts: readonly (readonly number[])[],
): Found {
  let best: { x: Float64Array; value: number } | undefined;
  let iterations = 0;
  let hitLimit = false;
  for (const start of starts) {
    const theta = Float64Array.from(start, Math.log);
    if (!Number.isFinite(objective(theta))) continue;
    // A loose tolerance is enough to rank the starts; the winner is refined below.
    const r = nelderMead(objective, theta, { step: 0.5, tolerance: 1e-6 });
    iterations += r.iterations;
    if (!r.converged) hitLimit = true;
    if (best === undefined || r.value < best.value) best = r;
  }
  if (best === undefined) {
    throw new FitError(model, "the log-likelihood is not finite at any starting point; check the input data");
  }
  for (let k = 0; k < 3; k++) {
    const polished = bfgs(objective, best.x, { gradientTolerance: 1e-9 });
    iterations += polished.iterations;
    if (polished.iterations >= BFGS_ITERATIONS) hitLimit = true;
    if (polished.value <= best.value) best = polished;
    const restart = nelderMead(objective, best.x, { step: 0.05, tolerance: 1e-13, maxIterations: 200 });
    iterations += restart.iterations;
    const improvement = best.value - restart.value;
    if (restart.value < best.value) best = restart;
    if (!(improvement > 1e-10)) break;
  }
  return { best, iterations, hitLimit };
}
