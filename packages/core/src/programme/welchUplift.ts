import { studentTCdf, studentTQuantile } from "./studentT.ts";
import type { UpliftEstimate } from "./UpliftEstimate.ts";

function meanVar(xs: readonly number[]): { n: number; mean: number; variance: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, variance };
}

/**
 * The difference in means treated − control with Welch's 95% interval (unequal variances,
 * Welch–Satterthwaite degrees of freedom) and the two-sided Welch t-test p-value. Per-member values
 * include the zeros of members who did nothing, so the mean is "per member", not "per buyer".
 *
 * @example
 * welchUplift([3, 4, 5], [1, 2, 3]); // { uplift: 2, low: ≈-0.27, high: ≈4.27, pValue: ≈0.0705, … }
 */
export function welchUplift(
  treated: readonly number[],
  control: readonly number[],
  level = 0.95,
): UpliftEstimate {
  if (treated.length === 0 || control.length === 0) {
    return {
      treated: null,
      control: null,
      uplift: null,
      low: null,
      high: null,
      pValue: null,
      method: "welch",
    };
  }
  const t = meanVar(treated);
  const c = meanVar(control);
  const uplift = t.mean - c.mean;
  if (t.n < 2 || c.n < 2) {
    return { treated: t.mean, control: c.mean, uplift, low: null, high: null, pValue: null, method: "welch" };
  }
  const vt = t.variance / t.n;
  const vc = c.variance / c.n;
  const se = Math.sqrt(vt + vc);
  if (se === 0) {
    return {
      treated: t.mean,
      control: c.mean,
      uplift,
      low: uplift,
      high: uplift,
      pValue: uplift === 0 ? 1 : 0,
      method: "welch",
    };
  }
  const df = (vt + vc) ** 2 / (vt ** 2 / (t.n - 1) + vc ** 2 / (c.n - 1));
  const q = studentTQuantile(1 - (1 - level) / 2, df);
  const stat = uplift / se;
  const pValue = Math.min(1, 2 * (1 - studentTCdf(Math.abs(stat), df)));
  return {
    treated: t.mean,
    control: c.mean,
    uplift,
    low: uplift - q * se,
    high: uplift + q * se,
    pValue,
    method: "welch",
  };
}
