import { symmetricEigen } from "./symmetricEigen.ts";
import type { Identification } from "./types.ts";

/** χ²₁ at 0.95. */
const CHI2_1_95 = 3.841458820694124;
/**
 * χ²₂ at 0.95, the critical value of the likelihood-ratio test against the no-dropout limit: the
 * boundary removes two parameters' worth of freedom (e.g. BG/NBD's a and b).
 */
export const BOUNDARY_THRESHOLD = 5.991464547107979;

/**
 * Curvature below which a direction of the log-parameters counts as weakly identified: then moving
 * the parameters by a factor of 10 along it (δ = ln 10) costs less log-likelihood than χ²₁(0.95)/2, so
 * the 95% interval along that direction spans more than a factor of 10 each way.
 */
export const CURVATURE_THRESHOLD = CHI2_1_95 / Math.LN10 ** 2;

/** A loading at least this large in the flattest direction names a parameter in the notice. */
const LOADING = 0.3;

/** The likelihood-ratio test of a fit against its no-dropout limit (see {@link assessIdentification}). */
export interface BoundaryTest<P extends string> {
  /** The dropout parameters the boundary removes (BG/NBD: a, b; Pareto/NBD: s, β). */
  parameters: readonly P[];
  /** 2 (LL of the fit − LL of the no-dropout model). */
  statistic: number;
}

/** The message of `dropout-not-identified`. */
export const DROPOUT_NOT_IDENTIFIED_MESSAGE =
  "The data cannot separate customers who stopped from customers who buy slowly: a model without " +
  "dropout fits them as well. P(alive) is close to 1 for everyone and says little here; judge " +
  "defection by recency and the retention rates instead.";

/**
 * Decides whether a fit's parameters are identified, from the likelihood itself rather than a fixed
 * threshold on one parameter:
 * - the profile towards the no-dropout boundary (models with dropout): when the likelihood-ratio
 *   statistic against the NBD limit is below χ²₂(0.95) = 5.99, the data do not reject "nobody drops
 *   out", and the dropout parameters (hence P(alive)) are not identified — `dropout-not-identified`;
 * - the curvature: the observed information of the log-parameters (the inverse of `covariance`) is
 *   eigen-decomposed; when its smallest eigenvalue is below {@link CURVATURE_THRESHOLD}, or it is
 *   singular or not positive definite, some combination of parameters is free to move by a factor of
 *   10 — `weakly-identified`, naming the parameters that load on that direction.
 *
 * `covariance` is row-major, of ln p, for the total −LL (undefined when the information is singular).
 *
 * @example
 * assessIdentification(["r", "alpha", "a", "b"], cov, { parameters: ["a", "b"], statistic: 0.2 });
 * // { code: "dropout-not-identified", notice: true, parameters: ["a", "b"], message: "The data cannot separate …" }
 */
export function assessIdentification<P extends string>(
  names: readonly P[],
  covariance: Float64Array | undefined,
  boundary?: BoundaryTest<P>,
): Identification<P> {
  const dim = names.length;
  let smallestCurvature = 0;
  let flat: P[] = [...names];
  if (covariance?.every(Number.isFinite)) {
    const eigen = symmetricEigen(covariance, dim);
    const largest = eigen.values[dim - 1] as number;
    const smallest = eigen.values[0] as number;
    if (smallest > 0 && largest > 0) {
      smallestCurvature = 1 / largest;
      const direction = eigen.vectors[dim - 1] as Float64Array;
      flat = names.filter((_, i) => Math.abs(direction[i] as number) >= LOADING);
    }
  }
  const evidence = {
    smallestCurvature,
    curvatureThreshold: CURVATURE_THRESHOLD,
    ...(boundary === undefined
      ? {}
      : { boundaryStatistic: boundary.statistic, boundaryThreshold: BOUNDARY_THRESHOLD }),
  };
  if (boundary !== undefined && !(boundary.statistic >= BOUNDARY_THRESHOLD)) {
    return {
      code: "dropout-not-identified",
      notice: true,
      message: DROPOUT_NOT_IDENTIFIED_MESSAGE,
      parameters: [...boundary.parameters],
      evidence,
    };
  }
  if (!(smallestCurvature >= CURVATURE_THRESHOLD)) {
    return {
      code: "weakly-identified",
      notice: true,
      message:
        `The data pin down ${flat.join(", ")} only loosely: ` +
        (flat.length === 1 ? "it" : "together they") +
        " could change by a factor of 10 and fit almost as well, so predictions that depend on " +
        (flat.length === 1 ? "it" : "them") +
        " are uncertain.",
      parameters: flat,
      evidence,
    };
  }
  return { code: "identified", notice: false, message: "", parameters: [], evidence };
}
