import type { Row } from "../SqlClient.ts";
import { cyclePeriods } from "./cyclePeriods.ts";
import type { CycleCoverage, RepurchaseCycle } from "./RepurchaseCycle.ts";
import { repurchaseBuckets } from "./repurchaseBuckets.ts";
import { numberOrNull, numberOrZero, ratio, textOrNull } from "./rowValues.ts";
import { type WeightedValue, weightedQuantile } from "./weightedQuantile.ts";

/** The share of cycles a period must cover to be suggested: most customers, i.e. at least half. */
const COVERS_MOST = 0.5;

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Turns the rows of `repurchaseCycleQuery` into the distribution, quantiles and suggested period.
 * The suggestion is the shortest of day, week, month, quarter and year whose longest length is at
 * least the median gap of ≥ 50% of the customers that have a cycle.
 *
 * @example
 * toRepurchaseCycle([
 *   { kind: "median", median_gap: 10, customers: 3 },
 *   { kind: "purchasers", median_gap: null, customers: 4 },
 * ]).summary; // "month covers 100% of customers' cycles (median of each customer's gaps between purchase days; 3 of 4 customers have 2 or more purchase days)"
 */
export function toRepurchaseCycle(rows: readonly Row[]): RepurchaseCycle {
  const medians: WeightedValue[] = [];
  let purchasers = 0;
  for (const row of rows) {
    if (textOrNull(row, "kind") === "purchasers") purchasers = numberOrZero(row, "customers");
    else {
      const value = numberOrNull(row, "median_gap");
      if (value !== null) medians.push({ value, count: numberOrZero(row, "customers") });
    }
  }
  const customers = medians.reduce((s, m) => s + m.count, 0);
  const countWhere = (test: (value: number) => boolean) =>
    medians.reduce((s, m) => s + (test(m.value) ? m.count : 0), 0);
  const buckets = repurchaseBuckets.map((b) => {
    const n = countWhere((v) => v > b.above && (b.upTo === null || v <= b.upTo));
    return {
      label: b.label,
      above: Number.isFinite(b.above) ? b.above : null,
      up_to: b.upTo,
      customers: n,
      share: ratio(n, customers),
    };
  });
  const coverage: CycleCoverage[] = cyclePeriods.map((p) => {
    const n = countWhere((v) => v <= p.days);
    return { period: p.period, days: p.days, customers: n, share: ratio(n, customers) };
  });
  const suggested = coverage.find((c) => c.share !== null && c.share >= COVERS_MOST) ?? null;
  const base = `median of each customer's gaps between purchase days; ${customers.toLocaleString("en-US")} of ${purchasers.toLocaleString("en-US")} customers have 2 or more purchase days`;
  const summary =
    customers === 0
      ? "no customer has two or more purchase days, so there is no repurchase cycle to measure"
      : suggested === null
        ? `no period up to a year covers most customers' cycles (a year covers ${percent(coverage.at(-1)?.share ?? 0)}; ${base})`
        : `${suggested.period} covers ${percent(suggested.share ?? 0)} of customers' cycles (${base})`;
  return {
    purchasers,
    customers,
    single_purchase: purchasers - customers,
    buckets,
    quantiles: {
      p25: weightedQuantile(medians, 0.25),
      p50: weightedQuantile(medians, 0.5),
      p75: weightedQuantile(medians, 0.75),
      p90: weightedQuantile(medians, 0.9),
    },
    coverage,
    suggested,
    summary,
  };
}
