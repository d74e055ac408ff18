import type { NumericArray } from "./types.ts";

/** Inputs of {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueInput {
  /**
   * Cumulative conditional expected purchases per customer over the next `t` model time units, e.g.
   * `(t) => bgNbdConditionalExpectedPurchases(params, t, x, tx, T)`.
   */
  expectedPurchases: (t: number) => Float64Array;
  /** Expected spend per purchase per customer, e.g. from gammaGammaConditionalExpectedSpend. */
  spend: NumericArray;
  /** Profit margin applied to spend (default 1: revenue CLV). */
  margin?: number;
  /** Discount rate per step, e.g. 0.01 per month (default 0.01). */
  discountRate?: number;
  /** Number of steps in the horizon (default 12). */
  steps?: number;
  /** Length of one step in model time units, e.g. 4.345 weeks per month (default 1). */
  stepLength?: number;
}

/**
 * Discounted customer lifetime value per customer, as lifetimes' `customer_lifetime_value`: for each
 * step i = 1..steps, the purchases expected in ((i−1)·stepLength, i·stepLength] × spend × margin,
 * discounted by (1 + discountRate)^i. Discrete steps make the discounting match how money is booked.
 *
 * @example
 * customerLifetimeValue({ expectedPurchases: (t) => bgNbdConditionalExpectedPurchases(p, t, x, tx, T),
 *   spend, margin: 0.3, discountRate: 0.01, steps: 12, stepLength: 4.345 }); // 12 months, weekly model
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): Float64Array {
  const margin = input.margin ?? 1;
  const rate = input.discountRate ?? 0.01;
  const steps = input.steps ?? 12;
  const stepLength = input.stepLength ?? 1;
  const len = input.spend.length;
  const out = new Float64Array(len);
  let previous: Float64Array = new Float64Array(len);
  for (let i = 1; i <= steps; i++) {
    const cumulative = input.expectedPurchases(i * stepLength);
    if (cumulative.length !== len)
      throw new RangeError("expectedPurchases must return one value per customer");
    const discount = (1 + rate) ** -i;
    for (let j = 0; j < len; j++) {
      const inStep = (cumulative[j] as number) - (previous[j] as number);
      out[j] = (out[j] as number) + inStep * (input.spend[j] as number) * margin * discount;
    }
    previous = cumulative;
  }
  return out;
}
