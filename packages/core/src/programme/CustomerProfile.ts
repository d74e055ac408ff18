/**
 * What the classification reads about one customer; null means "no data", never "zero".
 *
 * @example
 * const p: CustomerProfile = { customerId: "17850", clv: 2340, historicalValue: 5391, purchases: 34, pAlive: 0.62, … };
 */
export interface CustomerProfile {
  readonly customerId: string;
  /** CLV from customer_scores; null when not scored. */
  readonly clv: number | null;
  /** Sales to date (profit when every cost is known), net of returns. */
  readonly historicalValue: number;
  /** Distinct purchases (orders). */
  readonly purchases: number;
  readonly pAlive: number | null;
  /** Defection status from customer_status. */
  readonly status: string | null;
  /** Days from the last purchase to the as-of day. */
  readonly daysSinceLast: number | null;
  /** customers.tags (comma-separated). */
  readonly tags: string | null;
  /** Member of the configured strategic segment rule. */
  readonly strategicByRule: boolean;
  readonly complaints: number;
  /** Returned (negative) sales ÷ gross (positive) sales; null without sales. */
  readonly returnsShare: number | null;
  /** Cost to serve ÷ sales; null when there is no cost-to-serve data. */
  readonly costToServeShare: number | null;
  /** Share of purchases with a discount; null when no purchase records a discount. */
  readonly discountedShare: number | null;
  /** Payments with a known payment_status. */
  readonly payments: number;
  /** Of those, the share paid badly (late, failed, …). */
  readonly badPaymentShare: number | null;
}
