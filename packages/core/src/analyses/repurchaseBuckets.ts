/** One bucket of the repurchase-cycle distribution: median gaps in `(above, upTo]` days. */
export interface RepurchaseBucketBounds {
  /** Label as printed, e.g. "8–14". */
  readonly label: string;
  /** Exclusive lower bound in days (a median of 7.5 is above 7, so it falls in "8–14"). */
  readonly above: number;
  /** Inclusive upper bound in days; null for the open last bucket. */
  readonly upTo: number | null;
}

/**
 * The fixed buckets of per-customer median gaps. Medians of an even number of gaps can end in .5;
 * bounds are `(above, upTo]` so every value lands in exactly one bucket.
 *
 * @example
 * repurchaseBuckets.map((b) => b.label); // ["≤7", "8–14", "15–30", "31–60", "61–91", "92–182", "183–365", ">365"]
 */
export const repurchaseBuckets: readonly RepurchaseBucketBounds[] = [
  { label: "≤7", above: Number.NEGATIVE_INFINITY, upTo: 7 },
  { label: "8–14", above: 7, upTo: 14 },
  { label: "15–30", above: 14, upTo: 30 },
  { label: "31–60", above: 30, upTo: 60 },
  { label: "61–91", above: 60, upTo: 91 },
  { label: "92–182", above: 91, upTo: 182 },
  { label: "183–365", above: 182, upTo: 365 },
  { label: ">365", above: 365, upTo: null },
];
