import type { TargetMetric } from "./TargetMetric.ts";

/** One customer's net sales (and profit, null when unknown) in one period. */
export interface CustomerPeriodValue {
  readonly customerId: string;
  readonly periodIndex: number;
  readonly sales: number;
  readonly profit: number | null;
  /** Whether the customer was active (made a purchase) in the period. */
  readonly active: boolean;
}

/**
 * A target metric for each period index in `periods`, from per-customer period values; `firstPeriod`
 * is each customer's first active period ever (so "new" is right even when the scope or window is
 * narrower). A value is null when its denominator is empty or profit is unknown.
 *
 * @example
 * targetMetricSeries(rows, first, "raw", [24134, 24135]); // [{ periodIndex: 24134, value: 0.41 }, …]
 */
export function targetMetricSeries(
  rows: readonly CustomerPeriodValue[],
  firstPeriod: ReadonlyMap<string, number>,
  metric: TargetMetric,
  periods: readonly number[],
): { periodIndex: number; value: number | null; base: number }[] {
  const byPeriod = new Map<number, Map<string, CustomerPeriodValue>>();
  for (const r of rows) {
    let m = byPeriod.get(r.periodIndex);
    if (m === undefined) {
      m = new Map();
      byPeriod.set(r.periodIndex, m);
    }
    m.set(r.customerId, r);
  }
  return periods.map((p) => {
    const prev = byPeriod.get(p - 1) ?? new Map<string, CustomerPeriodValue>();
    const cur = byPeriod.get(p) ?? new Map<string, CustomerPeriodValue>();
    const activePrev = [...prev.values()].filter((r) => r.active);
    const retained = activePrev.filter((r) => cur.get(r.customerId)?.active === true);
    if (metric === "new_to_retained") {
      const fresh = activePrev.filter((r) => firstPeriod.get(r.customerId) === p - 1);
      const kept = fresh.filter((r) => cur.get(r.customerId)?.active === true).length;
      return { periodIndex: p, value: fresh.length === 0 ? null : kept / fresh.length, base: fresh.length };
    }
    const base = activePrev.length;
    if (base === 0) return { periodIndex: p, value: null, base };
    const raw = retained.length / base;
    if (metric === "raw") return { periodIndex: p, value: raw, base };
    if (metric === "defection_rate") return { periodIndex: p, value: 1 - raw, base };
    const salesNow = retained.reduce((s, r) => s + (cur.get(r.customerId)?.sales ?? 0), 0);
    if (metric === "sales_from_retained") return { periodIndex: p, value: salesNow, base };
    if (metric === "sales_adjusted") {
      const before = activePrev.reduce((s, r) => s + r.sales, 0);
      return { periodIndex: p, value: before === 0 ? null : salesNow / before, base };
    }
    // profit_adjusted: unknown when any profit involved is unknown.
    let before = 0;
    let now = 0;
    for (const r of activePrev) {
      if (r.profit === null) return { periodIndex: p, value: null, base };
      before += r.profit;
    }
    for (const r of retained) {
      const c = cur.get(r.customerId)?.profit;
      if (c === null || c === undefined) return { periodIndex: p, value: null, base };
      now += c;
    }
    return { periodIndex: p, value: before === 0 ? null : now / before, base };
  });
}
