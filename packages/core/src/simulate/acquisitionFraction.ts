/**
 * Where in the acquisition window (as a fraction 0…1 of it) a customer at quantile `u` is acquired
 * when the acquisition rate grows continuously by `growthPerYear` per year over a window of
 * `windowDays`: the inverse of the cumulative distribution of an exponential rate
 * (`F(x) = (e^{gx} − 1) / (e^g − 1)` with g the growth over the whole window). Growth 0 is uniform.
 *
 * @example
 * acquisitionFraction(0.5, 0, 365); // 0.5
 * acquisitionFraction(0.5, 1, 365); // ≈ 0.62: later customers are more common when acquisition grows
 */
export function acquisitionFraction(u: number, growthPerYear: number, windowDays: number): number {
  const g = (growthPerYear * windowDays) / 365;
  if (Math.abs(g) < 1e-9) return u;
  return Math.log1p(u * Math.expm1(g)) / g;
}
