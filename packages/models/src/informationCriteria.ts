/**
 * Bayesian information criterion k ln n − 2 LL (lower is better), for choosing between purchase models
 * fitted to the same customers; `n` is the number of customers, not patterns.
 *
 * @example
 * bic(-9582.43, 4, 2357); // ≈ 19195.9
 */
export function bic(logLikelihood: number, parameters: number, n: number): number {
  return parameters * Math.log(n) - 2 * logLikelihood;
}

/**
 * Akaike information criterion 2k − 2 LL (lower is better).
 *
 * @example
 * aic(-9582.43, 4); // 19172.86
 */
export function aic(logLikelihood: number, parameters: number): number {
  return 2 * parameters - 2 * logLikelihood;
}
