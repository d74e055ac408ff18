import type { CyclePeriod } from "./cyclePeriods.ts";

/** How many customers' median gap fell in one bucket of `repurchaseBuckets`. */
export interface RepurchaseBucket {
  readonly label: string;
  /** Exclusive lower bound in days (-Infinity is reported as null). */
  readonly above: number | null;
  /** Inclusive upper bound in days; null for the open last bucket. */
  readonly up_to: number | null;
  readonly customers: number;
  /** customers ÷ customers with a cycle; null when there are none. */
  readonly share: number | null;
}

/** How much of the base one candidate period covers. */
export interface CycleCoverage {
  readonly period: CyclePeriod["period"];
  /** Longest length of the period in days. */
  readonly days: number;
  /** Customers whose median gap ≤ days. */
  readonly customers: number;
  /** customers ÷ customers with a cycle; null when there are none. */
  readonly share: number | null;
}

/**
 * The repurchase cycle (DESIGN.md §3): for each customer with at least two distinct purchase days
 * (amount > 0), the median of the gaps in days between consecutive purchase days; their
 * distribution; and the shortest period covering the cycle of at least half of those customers.
 */
export interface RepurchaseCycle {
  /** Identified customers with at least one purchase day. */
  readonly purchasers: number;
  /** Customers with at least two distinct purchase days: those that have a cycle. */
  readonly customers: number;
  /** Customers with a single purchase day, left out (they have no gap). */
  readonly single_purchase: number;
  readonly buckets: readonly RepurchaseBucket[];
  /** Linear-interpolation quantiles of the per-customer medians (null when no customer has a cycle). */
  readonly quantiles: {
    readonly p25: number | null;
    readonly p50: number | null;
    readonly p75: number | null;
    readonly p90: number | null;
  };
  /** Each candidate period with the share of cycles it covers, shortest first. */
  readonly coverage: readonly CycleCoverage[];
  /** The shortest period covering ≥ 50% of cycles; null when none does or no customer has a cycle. */
  readonly suggested: CycleCoverage | null;
  /** One sentence for people, e.g. "month covers 63% of customers' cycles". */
  readonly summary: string;
}
