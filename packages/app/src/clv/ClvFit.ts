import type { FitResult, FitStop, Identification, ParameterInterval } from "@vafa/models";
import type { ClvModel } from "./ClvModel.ts";

/**
 * A fitted model as `vafa clv fit --json` prints it: the papers' parameter names, the maximised total
 * log-likelihood, the number of customers, asymptotic standard errors, and for a fresh fit its 95%
 * intervals, how the optimiser stopped and whether the data identify the parameters (a fit read back
 * from the store has only what the store keeps).
 */
export interface ClvFit {
  readonly model: ClvModel;
  readonly params: Record<string, number>;
  readonly log_likelihood: number;
  readonly n: number;
  readonly converged: boolean;
  readonly std_errors: Record<string, number>;
  readonly intervals?: Record<string, ParameterInterval>;
  readonly stop?: FitStop;
  readonly identification?: Identification;
}

/**
 * Renames a models-package fit result to the command-line shape.
 *
 * @example
 * toClvFit("pareto-nbd", fitParetoNbd(data)); // { model: "pareto-nbd", params: { r, alpha, s, beta }, … }
 */
export function toClvFit<M extends string, P extends string>(model: ClvModel, fit: FitResult<M, P>): ClvFit {
  return {
    model,
    params: { ...fit.params },
    log_likelihood: fit.logLikelihood,
    n: fit.n,
    converged: fit.converged,
    std_errors: { ...fit.stdErrors },
    intervals: { ...fit.intervals },
    stop: fit.stop,
    identification: fit.identification,
  };
}
