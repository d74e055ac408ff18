/** One week of the cumulative tracking curve. */
export interface TrackingWeek {
  /** Week number, 1 = the first week after the first customer's birth day. */
  readonly week: number;
  /** Cumulative repeat purchases actually made by the end of the week. */
  readonly actual: number;
  /** Cumulative repeat purchases the model expects by then, summed over the birth days. */
  readonly expected: number;
  /** Whether the week ends after the calibration end (a forecast rather than a fit). */
  readonly holdout: boolean;
}

/** Inputs of {@link cumulativeTracking}; days are epoch days. */
export interface CumulativeTrackingInput {
  /** Days with births or repeat purchases, ascending (from trackingDataQuery). */
  readonly days: ArrayLike<number>;
  readonly births: ArrayLike<number>;
  readonly repeats: ArrayLike<number>;
  /** Last day (inclusive) of the calibration period. */
  readonly calibrationEnd: number;
  /** Last day (inclusive) of the curve: the holdout end, or the calibration end. */
  readonly end: number;
  /** E[X(t)]: expected repeat purchases of a new customer in (0, t], t in model units. */
  readonly expectedPurchases: (t: number) => number;
  /** Days per model time unit (1 or 7). */
  readonly unitDays: number;
  /**
   * Where in its birth day a customer is born, as a fraction of the day: 1 for the day-based summary
   * (the model clock starts at the end of the birth day, as T = end day − first day there), 0.5 with
   * exact times (births spread over the day).
   */
  readonly birthOffset?: number;
}

/**
 * The weekly cumulative tracking curve of Fader, Hardie & Lee (2005, Figure 1): actual cumulative
 * repeat purchases against the model's expectation, Σ over birth days of births × E[X(t − birth)].
 * A model that fits tracks the actual curve through the calibration period and keeps tracking it in
 * the holdout.
 *
 * @example
 * cumulativeTracking({ days, births, repeats, calibrationEnd: 10134, end: 10407, unitDays: 7,
 *   expectedPurchases: (t) => bgNbdExpectedPurchases(params, t) }); // [{ week: 1, actual: 12, expected: 10.8, holdout: false }, …]
 */
export function cumulativeTracking(input: CumulativeTrackingInput): TrackingWeek[] {
  const { days, births, repeats, unitDays } = input;
  const offset = input.birthOffset ?? 1;
  if (days.length === 0) return [];
  const start = days[0] as number;
  const weeks = Math.ceil((input.end - start + 1) / 7);
  const out: TrackingWeek[] = [];
  let actual = 0;
  let k = 0;
  for (let w = 1; w <= weeks; w++) {
    // The week covers days [start + 7(w − 1), start + 7w), clipped to the end of the curve.
    const endExclusive = Math.min(start + 7 * w, input.end + 1);
    while (k < days.length && (days[k] as number) < endExclusive) {
      actual += repeats[k] as number;
      k++;
    }
    let expected = 0;
    for (let i = 0; i < days.length; i++) {
      const b = births[i] as number;
      if (b === 0) continue;
      const t = (endExclusive - (days[i] as number) - offset) / unitDays;
      if (t > 0) expected += b * input.expectedPurchases(t);
    }
    out.push({ week: w, actual, expected, holdout: endExclusive - 1 > input.calibrationEnd });
  }
  return out;
}
