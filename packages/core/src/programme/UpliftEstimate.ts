/**
 * Treated minus control for one measure, with its 95% interval and two-sided p-value. Null fields
 * mean the groups are too small to compute them (fewer than two members in an arm).
 */
export interface UpliftEstimate {
  /** Mean (or share) in the treated arm. */
  readonly treated: number | null;
  /** Mean (or share) in the control arm. */
  readonly control: number | null;
  /** treated − control. */
  readonly uplift: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly pValue: number | null;
  /** "welch" for means, "newcombe" for proportions. */
  readonly method: "welch" | "newcombe";
}
