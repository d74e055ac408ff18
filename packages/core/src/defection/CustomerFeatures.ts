/** Counts and spend of one (recent, baseline) window pair, as the drop rules read them. */
export interface WindowFigures {
  readonly recentPurchases: number;
  readonly baselinePurchases: number;
  readonly recentSpend: number;
  readonly baselineSpend: number;
}

/**
 * One customer's purchase aggregates as of a day, everything the defection rules, the reason sentence
 * and the value at stake need. Days are epoch days (days since 1970-01-01).
 *
 * @example
 * const f: CustomerFeatures = { customerId: "17850", purchases: 34, firstDay: 14944, lastDay: 15000, ownGap: 1, … };
 */
export interface CustomerFeatures {
  readonly customerId: string;
  readonly segment: string | null;
  readonly branch: string | null;
  readonly owner: string | null;
  /** Purchase days (distinct days with a line of positive amount) up to the as-of day. */
  readonly purchases: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Median days between consecutive purchase days; null with a single purchase day. */
  readonly ownGap: number | null;
  /** Median of the own gaps of the customer's segment (customers with enough purchases); null if none. */
  readonly segmentGap: number | null;
  /** Median of the own gaps of the whole base (customers with enough purchases). */
  readonly baseGap: number | null;
  /** One entry per window pair of `defectionWindows(rules)`, in that order. */
  readonly windows: readonly WindowFigures[];
  /** Net sales and profit over the 365 days up to the as-of day; profit null when a cost is missing. */
  readonly sales12m: number;
  readonly profit12m: number | null;
  /**
   * From `customer_scores` when the table is there and the customer scored; in a backtest, from the
   * purchase model fitted on the history up to the as-of day.
   */
  readonly pAlive: number | null;
  /**
   * The purchase model's probability of at least one purchase in the `purchaseHorizon(rules)` days
   * after the as-of day, from a fit on the history up to that day; null when no rule reads it or the
   * model could not be fitted.
   */
  readonly pPurchase: number | null;
  readonly clv: number | null;
  /** Latest `contract_end` activity day, and whether a `renewal` covers it. */
  readonly contractEnd: number | null;
  readonly renewed: boolean;
}
