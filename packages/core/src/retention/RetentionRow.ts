/**
 * One period (and group) of the retention report, exactly as DESIGN.md §3 defines the numbers.
 * Rates are fractions, null when their denominator is 0; profit rates are also null when some
 * profit is unknown (no cost and no margin).
 */
export interface RetentionRow {
  /** Period label, e.g. "2011-03", "2011-W09", "1390-01". */
  readonly period: string;
  /** Group value when grouping (missing values as "(none)"), else null. */
  readonly group: string | null;
  /** |A(P−1)|. */
  readonly active_start: number;
  /** |R(P)| = |A(P−1) ∩ A(P)|. */
  readonly retained: number;
  /** Active in P, and P is their first active period. */
  readonly new: number;
  /** Active in P, not in P−1, and not new. */
  readonly resurrected: number;
  /** |A(P−1)| − |R(P)|. */
  readonly lost: number;
  readonly raw: number | null;
  readonly churn: number | null;
  readonly sales_adjusted: number | null;
  readonly sales_base_weighted: number | null;
  readonly gross_revenue_retention: number | null;
  readonly profit_adjusted: number | null;
  readonly profit_base_weighted: number | null;
  readonly gross_profit_retention: number | null;
  /** Whether the data covers the whole period (first and last periods usually do not). */
  readonly complete: boolean;
}
