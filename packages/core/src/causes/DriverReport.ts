import type { DriverRole, LeftOutColumn, ValueKind } from "./DriverDataset.ts";

/** One driver's figures in the driver report. */
export interface DriverResult {
  readonly id: string;
  readonly column: string;
  readonly level: string | null;
  /** The category level it is compared with (never the driver's own level); null for a flag. */
  readonly reference: string | null;
  /** Always "service" in `drivers`: descriptors are adjusted for, not ranked (see `adjustedFor`). */
  readonly role: DriverRole;
  readonly label: string;
  /** Other drivers with exactly the same customers (merged). */
  readonly aliases: readonly string[];
  /** Customers with the driver (the level, or the flag). */
  readonly customersWith: number;
  readonly defectedWith: number;
  readonly rateWith: number;
  /** The comparison group: customers at the reference level (category) or without the flag. */
  readonly customersWithout: number;
  readonly defectedWithout: number;
  readonly rateWithout: number;
  /** rateWith ÷ rateWithout with its 95% Katz log interval. */
  readonly relativeRisk: number;
  readonly relativeRiskLow: number;
  readonly relativeRiskHigh: number;
  /** True when the relative risk's interval excludes 1 (the crude difference is not noise). */
  readonly relativeRiskSignificant: boolean;
  /**
   * exp(β) of the ridge logistic regression over all drivers (adjusted for the others) against the
   * column's reference level, with its 95% interval; null for the reference level itself.
   */
  readonly oddsRatio: number | null;
  readonly oddsRatioLow: number | null;
  readonly oddsRatioHigh: number | null;
  /** True when the odds ratio's interval excludes 1; null for the reference level. */
  readonly oddsRatioSignificant: boolean | null;
  /**
   * True when the adjusted odds ratio points the other way from the crude relative risk and at least
   * one of the two is significant (the sentence then says so).
   */
  readonly adjustmentReverses: boolean;
  /** Total value of the customers with the driver. */
  readonly valueWith: number;
  /** rateWith − rateWithout: the defection probability the driver adds. */
  readonly excessRate: number;
  /** excessRate × valueWith: the value expected to be kept if the driver were removed. */
  readonly valueAtStake: number;
  /** excessRate × customersWith: the customers expected to be kept if the driver were removed. */
  readonly customersRetained: number;
  /**
   * 95% interval of `customersRetained` and `valueAtStake`: customersWith (or valueWith) × (excess ±
   * z·se), se = √(p₁(1−p₁)/n₁ + p₀(1−p₀)/n₀) of the difference of the two rates.
   */
  readonly customersRetainedLow: number;
  readonly customersRetainedHigh: number;
  readonly valueAtStakeLow: number;
  readonly valueAtStakeHigh: number;
  /** The cost of the fix the user gave (`--fix-cost`), or null. */
  readonly fixCost: number | null;
  /** (value at stake − fix cost) ÷ fix cost, with its interval from the value's; null without a cost. */
  readonly returnOnFix: number | null;
  readonly returnOnFixLow: number | null;
  readonly returnOnFixHigh: number | null;
  /**
   * True when the relative risk is significant and the adjusted odds ratio (where there is one) is
   * significant in the same direction: the driver's effect survives holding the others fixed.
   */
  readonly significant: boolean;
  /** The answer to "does fixing this pay?" in one sentence. */
  readonly sentence: string;
}

/**
 * What `analyseDrivers` reports: the base, the regression's fit, and the drivers ranked by value at
 * stake (largest first).
 */
export interface DriverReport {
  readonly customers: number;
  readonly defected: number;
  readonly baseRate: number;
  readonly totalValue: number;
  readonly valueBasis: string;
  /** What the value is: profit, revenue or a count of customers. */
  readonly valueKind: ValueKind;
  /** Who was counted (the denominator), when the dataset says; e.g. "Customerstatus = Churned against Stayed (Joined left out: 20 rows)". */
  readonly population: string | null;
  readonly lambda: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Service issues only, ranked by value at stake; no driver is its own column's reference level. */
  readonly drivers: readonly DriverResult[];
  /** Descriptor columns the regression held fixed (tenure, region, …): see the profiles for them. */
  readonly adjustedFor: readonly string[];
  /** Drivers left out (too few customers, too many levels). */
  readonly skipped: readonly string[];
  /** Columns left out of the model: leaks of the outcome (warned), identifiers and coordinates. */
  readonly leftOut: readonly LeftOutColumn[];
  readonly notes: readonly string[];
}
