/** How well per-customer predictions match what happened in the holdout period. */
export interface HoldoutAccuracy {
  readonly customers: number;
  /** Mean absolute error per customer. */
  readonly mae: number;
  /** Root mean squared error per customer. */
  readonly rmse: number;
  /** Pearson correlation of predicted and actual (NaN when either is constant). */
  readonly correlation: number;
  /** Sum of the predictions: the aggregate forecast. */
  readonly predicted_total: number;
  /** Sum of the actual values. */
  readonly actual_total: number;
}

/**
 * Compares predicted with actual holdout repeat purchases, per customer (MAE, RMSE, correlation) and
 * in aggregate (totals). Models are usually judged on both: a model can get the total right while
 * ranking customers badly, and the ranking is what targeting uses. `weights` (default 1 each) lets
 * compressed rows stand for several identical customers.
 *
 * @example
 * holdoutAccuracy([1, 2], [0, 2]); // { customers: 2, mae: 0.5, rmse: 0.707…, correlation: 1, predicted_total: 3, actual_total: 2 }
 */
export function holdoutAccuracy(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  weights?: ArrayLike<number>,
): HoldoutAccuracy {
  const len = predicted.length;
  if (actual.length !== len || (weights !== undefined && weights.length !== len)) {
    throw new RangeError("predicted, actual and weights must have the same length");
  }
  const w = (i: number) => (weights === undefined ? 1 : (weights[i] as number));
  let n = 0;
  let abs = 0;
  let sq = 0;
  let sp = 0;
  let sa = 0;
  for (let i = 0; i < len; i++) {
    const p = predicted[i] as number;
    const a = actual[i] as number;
    const wi = w(i);
    n += wi;
    abs += wi * Math.abs(p - a);
    sq += wi * (p - a) ** 2;
    sp += wi * p;
    sa += wi * a;
  }
  const mp = sp / n;
  const ma = sa / n;
  let cov = 0;
  let vp = 0;
  let va = 0;
  for (let i = 0; i < len; i++) {
    const dp = (predicted[i] as number) - mp;
    const da = (actual[i] as number) - ma;
    const wi = w(i);
    cov += wi * dp * da;
    vp += wi * dp * dp;
    va += wi * da * da;
  }
  return {
    customers: n,
    mae: abs / n,
    rmse: Math.sqrt(sq / n),
    correlation: vp > 0 && va > 0 ? cov / Math.sqrt(vp * va) : Number.NaN,
    predicted_total: sp,
    actual_total: sa,
  };
}
