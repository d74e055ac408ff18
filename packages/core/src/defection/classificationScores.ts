/** Precision, recall and F1 of a flagging rule against what really happened. */
export interface ClassificationScores {
  readonly flagged: number;
  readonly truePositives: number;
  /** Customers who really defected (the positives). */
  readonly actual: number;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

/**
 * Scores from counts; a ratio with a zero denominator is null, F1 is null unless both are known.
 *
 * @example
 * classificationScores(10, 8, 16); // { precision: 0.8, recall: 0.5, f1: 0.615… }
 */
export function classificationScores(
  flagged: number,
  truePositives: number,
  actual: number,
): ClassificationScores {
  const precision = flagged === 0 ? null : truePositives / flagged;
  const recall = actual === 0 ? null : truePositives / actual;
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return { flagged, truePositives, actual, precision, recall, f1 };
}
