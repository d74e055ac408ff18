/**
 * Raised when a maximum-likelihood fit cannot produce a trustworthy optimum: the likelihood is not
 * finite at any starting point, or the optimiser stopped before the gradient vanished.
 *
 * Callers catch this rather than silently scoring customers with a half-fitted model.
 *
 * @example
 * try { fitBgNbd(data); } catch (e) { if (e instanceof FitError) console.error(e.message, e.bestParams); }
 */
export class FitError extends Error {
  override readonly name = "FitError";
  /** The model being fitted, e.g. "bgnbd". */
  readonly model: string;
  /** Best natural-scale parameters found before giving up (empty when none was finite). */
  readonly bestParams: Readonly<Record<string, number>>;

  constructor(model: string, message: string, bestParams: Readonly<Record<string, number>> = {}) {
    super(`${model}: ${message}`);
    this.model = model;
    this.bestParams = bestParams;
  }
}
