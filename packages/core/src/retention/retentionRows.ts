import { isComplete } from "../periods/isComplete.ts";
import type { Period } from "../periods/Period.ts";
import type { Row } from "../SqlClient.ts";
import type { RetentionRow } from "./RetentionRow.ts";

/** The data range and period list a report was computed over. */
export interface PeriodFrame {
  /** First and last civil day with data (epoch days, inclusive). */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Every period of the range, in index order. */
  readonly periods: readonly Period[];
  /** Periods reported: indexes in [fromIndex, toIndex]. */
  readonly fromIndex: number;
  readonly toIndex: number;
}

function num(row: Row, key: string): number {
  const v = row[key];
  return typeof v === "number" ? v : Number(v ?? 0);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * Turns the sums of `retentionQuery` into report rows: labels, completeness, and the rates of
 * DESIGN.md §3 (raw = retained / active_start, churn = 1 − raw, sales-adjusted = Σ_R s_P / Σ_A s_{P−1}, …).
 *
 * @example
 * retentionRows(await client.all(retentionQuery(d, o)), frame)[0]?.raw; // null: the first period has no base
 */
export function retentionRows(rows: readonly Row[], frame: PeriodFrame): RetentionRow[] {
  const first = frame.periods[0]?.index ?? 0;
  const out: RetentionRow[] = [];
  for (const row of rows) {
    const index = num(row, "p");
    if (index < frame.fromIndex || index > frame.toIndex) continue;
    const period = frame.periods[index - first];
    if (period === undefined) continue;
    const activeStart = num(row, "active_start");
    const retained = num(row, "retained");
    const isNew = num(row, "new");
    const baseS = num(row, "base_s");
    const baseM = num(row, "base_m");
    const profitKnown = num(row, "unknown_m") === 0;
    const raw = ratio(retained, activeStart);
    const profit = (n: number) => (profitKnown ? ratio(n, baseM) : null);
    out.push({
      period: period.label,
      group: typeof row.g === "string" ? row.g : null,
      active_start: activeStart,
      retained,
      new: isNew,
      resurrected: num(row, "active") - retained - isNew,
      lost: activeStart - retained,
      raw,
      churn: raw === null ? null : 1 - raw,
      sales_adjusted: ratio(num(row, "ret_s"), baseS),
      sales_base_weighted: ratio(num(row, "ret_s_prev"), baseS),
      gross_revenue_retention: ratio(num(row, "grr_s"), baseS),
      profit_adjusted: profit(num(row, "ret_m")),
      profit_base_weighted: profit(num(row, "ret_m_prev")),
      gross_profit_retention: profit(num(row, "grr_m")),
      complete: isComplete(period, frame.firstDay, frame.lastDay),
    });
  }
  return out;
}
