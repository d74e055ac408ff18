/** Numeric input column: a Float64Array (fastest) or any array-like of numbers. */
export type NumericArray = ArrayLike<number>;

/** Options shared by every maximum-likelihood fit. */
export interface FitOptions {
  /**
   * L2 penalty coefficient as in lifetimes: the optimiser minimises −LL/n + penalizer × Σ params²
   * (default 0, i.e. plain maximum likelihood).
   */
  penalizer?: number;
  /** Extra natural-scale starting points tried in addition to the model's defaults. */
  starts?: readonly (readonly number[])[];
  /** Return `converged: false` instead of throwing {@link FitError} (default false). */
  allowNonConvergence?: boolean;
}

/** What every fit returns: parameters, fit quality and standard errors under the same names. */
export interface FitResult<M extends string, P extends string> {
  model: M;
  params: Record<P, number>;
  /** Maximised total log-likelihood Σ count_i × ln L_i (not the mean, not negated). */
  logLikelihood: number;
  /** Customers: the sum of the counts. */
  n: number;
  converged: boolean;
  /** Optimiser iterations over all stages (Nelder–Mead restarts and BFGS polish). */
  iterations: number;
  /** Asymptotic standard errors from the observed information (delta method from the log scale). */
  stdErrors: Record<P, number>;
  /**
   * 95% intervals p × exp(±1.96 se(ln p)), from the observed information on the log scale (where the
   * fit is done, and where they stay positive); NaN bounds where the curvature gives no standard error.
   */
  intervals: Record<P, ParameterInterval>;
  /** Why the optimiser stopped: the gradient tolerance met, or an iteration limit or a stall reached. */
  stop: FitStop;
  /** Whether the data pin the parameters down, decided from the likelihood's curvature and profile. */
  identification: Identification<P>;
}

/** A 95% interval for one parameter. */
export interface ParameterInterval {
  lower: number;
  upper: number;
}

/**
 * How a fit ended. `tolerance`: max |∂(−LL/n)/∂ ln p| ≤ `tolerance` at the result, the stated
 * convergence criterion. Otherwise, before that was met: `bound`, some parameters ran off to 0 or ∞
 * (beyond 1e±300), or the optimum of a model with dropout lies at its no-dropout limit (the data
 * cannot reject it) where the gradient fades too slowly to meet the tolerance — the parameters
 * concerned are listed in `parameters`; `iteration-limit`, an optimiser stage ran out of iterations;
 * `stalled`, the optimisers stopped improving. Only `tolerance` comes with `converged: true`. The
 * dropout-boundary case is always returned; the others only with `allowNonConvergence` (FitError
 * without it). A converged fit whose dropout parameters head for the no-dropout limit says so in its
 * `identification`.
 */
export interface FitStop {
  reason: "tolerance" | "bound" | "iteration-limit" | "stalled";
  /** Max |gradient| of −LL/n in log-parameters at the returned parameters (NaN where it is not finite). */
  maxGradient: number;
  /** The gradient tolerance that certifies convergence (1e-5). */
  tolerance: number;
  /** With `bound`: the parameters that ran off; otherwise empty. */
  parameters: string[];
}

/**
 * Machine-readable identification codes, for surfaces to translate:
 * - `identified`: every direction of the likelihood is curved enough;
 * - `dropout-not-identified`: a model without dropout (the NBD, the models' common limit) fits as
 *   well: the profile likelihood is flat towards the no-dropout boundary;
 * - `weakly-identified`: some combination of parameters is barely curved (its 95% interval spans more
 *   than a factor of 10), or the curvature is not positive there.
 */
export type IdentificationCode = "identified" | "dropout-not-identified" | "weakly-identified";

/** Whether a fit's parameters are identified by the data, with the evidence and a plain-words message. */
export interface Identification<P extends string = string> {
  code: IdentificationCode;
  /** True for any code but `identified`: surfaces then show `message` beside the fit. */
  notice: boolean;
  /** Plain English for users ("" when identified); surfaces may translate by `code`. */
  message: string;
  /** The parameters the notice is about (the dropout parameters, or those loading on the flat direction). */
  parameters: P[];
  /** The numbers the decision rests on. */
  evidence: IdentificationEvidence;
}

/** The figures an {@link Identification} was decided from. */
export interface IdentificationEvidence {
  /**
   * Smallest eigenvalue of the observed information of the log-parameters (total −LL): a step of δ in
   * ln p along its direction lowers the log-likelihood by about ½ λ δ². 0 when it is singular or not
   * positive definite.
   */
  smallestCurvature: number;
  /** The curvature below which that direction counts as weak: χ²₁(0.95)/(ln 10)² ≈ 0.72. */
  curvatureThreshold: number;
  /**
   * For models with dropout: 2 (LL − LL of the no-dropout NBD fit), the likelihood-ratio statistic
   * against the boundary, compared with χ²₂(0.95) = 5.99; undefined for other models.
   */
  boundaryStatistic?: number;
  /** The critical value it is compared with, when there is one. */
  boundaryThreshold?: number;
}
