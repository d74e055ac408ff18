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
}
