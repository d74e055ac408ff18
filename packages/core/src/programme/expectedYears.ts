/**
 * Expected years a customer stays buying within a horizon, counting this year: Σ_{t=0}^{H−1}
 * (r ÷ (1 + d))^t for annual retention r and discount rate d — a customer kept with probability r
 * each year. A fractional horizon counts its last part pro rata.
 *
 * @example
 * expectedYears(0.5, 3); // 1 + 0.5 + 0.25 = 1.75
 */
export function expectedYears(annualRetention: number, horizonYears: number, discountRate = 0): number {
  const q = Math.min(1, Math.max(0, annualRetention)) / (1 + discountRate);
  let total = 0;
  for (let t = 0; t < Math.ceil(horizonYears); t++) total += q ** t * Math.min(1, horizonYears - t);
  return total;
}
