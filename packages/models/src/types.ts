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
}
