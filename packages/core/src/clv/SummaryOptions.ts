/** How transactions become the per-customer summary the purchase models fit on. */
export interface SummaryOptions {
  /** Last day (inclusive, `YYYY-MM-DD`) of the calibration period; default: the last day with data. */
  readonly calibrationEnd?: string;
  /** Last day (inclusive) of the holdout period after `calibrationEnd`; default: no holdout. */
  readonly holdoutEnd?: string;
  /** Time unit of recency and age: days, or weeks of 7 days; default `"week"`. */
  readonly unit?: "day" | "week";
  /** IANA zone whose civil days bucket the timestamps; default UTC. */
  readonly timeZone?: string;
  /**
   * Count purchases as distinct timestamps (orders) instead of distinct days, and measure recency and
   * age in fractional units from the exact first purchase to the last one and to the end (midnight
   * UTC) of the calibration end day. Continuous-time models can then be checked on simulated data
   * without same-day purchases merging. Default false: the day-based summary of the papers (CDNOW).
   * Only UTC day boundaries are supported with it.
   */
  readonly exactTime?: boolean;
}
