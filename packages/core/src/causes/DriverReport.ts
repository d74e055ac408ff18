/** One driver's figures in the driver report. */
export interface DriverResult {
  readonly id: string;
  readonly column: string;
  readonly level: string | null;
  readonly reference: string | null;
  readonly label: string;
  /** Other drivers with exactly the same customers (merged). */
  readonly aliases: readonly string[];
  readonly customersWith: number;
  readonly defectedWith: number;
  readonly rateWith: number;
  readonly customersWithout: number;
  readonly defectedWithout: number;
  readonly rateWithout: number;
  /** rateWith ÷ rateWithout with its 95% Katz log interval. */
  readonly relativeRisk: number;
  readonly relativeRiskLow: number;
  readonly relativeRiskHigh: number;
  /** exp(β) of the ridge logistic regression over all drivers (adjusted for the others), 95% interval. */
  readonly oddsRatio: number;
  readonly oddsRatioLow: number;
  readonly oddsRatioHigh: number;
  /** Total value of the customers with the driver. */
  readonly valueWith: number;
  /** rateWith − rateWithout: the defection probability the driver adds. */
  readonly excessRate: number;
  /** excessRate × valueWith: the value expected to be kept if the driver were removed. */
  readonly valueAtStake: number;
  /** excessRate × customersWith: the customers expected to be kept if the driver were removed. */
  readonly customersRetained: number;
  /** True when the relative-risk interval excludes 1 (the difference is not noise). */
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
  readonly lambda: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly drivers: readonly DriverResult[];
  /** Drivers left out (too few customers, too many levels). */
  readonly skipped: readonly string[];
  readonly notes: readonly string[];
}
