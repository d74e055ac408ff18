/**
 * One customer as the root-cause analyses see it as of a day: who it is, what it is worth, what it
 * complained about and answered, and whether it defected.
 */
export interface CauseCustomer {
  readonly customerId: string;
  readonly segment: string | null;
  readonly channel: string | null;
  readonly country: string | null;
  readonly branch: string | null;
  /** Days from its first purchase (or creation, if earlier) to the as-of day. */
  readonly tenureDays: number;
  readonly sales12m: number;
  /** Null when a line in the lookback had no cost. */
  readonly profit12m: number | null;
  readonly clv: number | null;
  /** Value at stake: CLV, else profit, else sales; never negative. */
  readonly value: number;
  readonly valueBasis: "clv" | "profit_12m" | "sales_12m";
  /** Share of purchase lines with a discount; null without lines. */
  readonly discountShare: number | null;
  /** Distinct complaint categories in the lookback ("(none)" for a complaint without one). */
  readonly complaintCategories: readonly string[];
  /** Complaints not resolved by the as-of day. */
  readonly unresolvedComplaints: number;
  /** Median hours from complaint to resolution over its resolved complaints; null if none. */
  readonly medianResolutionHours: number | null;
  readonly meanCsat: number | null;
  readonly meanNps: number | null;
  readonly defected: boolean;
}
