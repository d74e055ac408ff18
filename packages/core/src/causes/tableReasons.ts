import type { Row } from "../SqlClient.ts";
import { CausesError } from "./CausesError.ts";
import { matchColumn } from "./matchColumn.ts";
import { type ReasonLevel, type ReasonReport, summariseReasons } from "./summariseReasons.ts";
import { type TableDatasetOptions, tableDriverDataset } from "./tableDriverDataset.ts";

/** Options of `tableReasons`: the flat-file options plus the reason columns. */
export interface TableReasonsOptions extends TableDatasetOptions {
  /** The column with each defector's reason, e.g. "Churnreason". */
  readonly reason: string;
  /** The column with the reason's category, e.g. "Churncategory"; optional. */
  readonly category?: string;
  /** Count reasons or their categories; default "reason". */
  readonly level?: ReasonLevel;
  /** "category": reasons within each category. */
  readonly by?: "category" | null;
}

/** The reason report of a flat file, with who was counted and what the value is. */
export interface TableReasonReport extends ReasonReport {
  /** Who was counted, e.g. "Customerstatus = Churned against Stayed (Joined left out: 20 rows)". */
  readonly population: string | null;
  /** What value lost is: "revenue (Monthlycharge × 12)", or "customers" when no value was given. */
  readonly valueLabel: string;
}

/**
 * Defections by exit reason straight from a snapshot export (one row per customer with a status, a
 * reason and its category, as telecom churn exports have), without loading it: the defectors are the
 * rows whose outcome is `positive` (the `ignore` levels are left out, see `tableDriverDataset`), each
 * counted once under its reason — or its category with `level: "category"` — and valued by the value
 * column (`Monthlycharge × 12`: the revenue a year of each lost customer brought). A defector without
 * a reason counts as "(no reason given)". A snapshot has no dates, so there is no trend.
 *
 * @throws CausesError when a column is missing (listing the columns) or `by: "category"` lacks `category`.
 * @example
 * const r = tableReasons(parseCsv(text), { outcome: "Customerstatus", positive: "Churned",
 *   reason: "Churnreason", category: "Churncategory", level: "category", value: "Monthlycharge", valueMultiplier: 12 });
 * r.rows[0]; // { reason: "Competitor", group: "(all)", customers: 12, share: 0.21, value: 9180, valueShare: 0.22 }
 */
export function tableReasons(
  table: readonly (readonly string[])[],
  options: TableReasonsOptions,
): TableReasonReport {
  const level = options.level ?? "reason";
  if ((level === "category" || options.by === "category") && options.category === undefined)
    throw new CausesError("grouping by category needs --category COLUMN");
  const named = [options.reason, ...(options.category === undefined ? [] : [options.category])];
  const d = tableDriverDataset(table, { ...options, include: [...(options.include ?? []), ...named] });
  const names = d.columns.map((c) => c.name);
  const valuesOf = (name: string, flag: string) => {
    const c = d.columns[matchColumn(names, name, flag).index];
    return c?.kind === "category" ? c.values : [];
  };
  const reasons = valuesOf(options.reason, "--reason");
  const categories = options.category === undefined ? [] : valuesOf(options.category, "--category");
  const given = d.valueKind !== "customers";
  const rows: Row[] = [];
  d.ids.forEach((id, i) => {
    if (d.outcome[i] !== 1) return;
    rows.push({
      customer_id: id,
      reason: reasons[i] ?? "(no reason given)",
      reason_category: categories[i] ?? null,
      d: null,
      source: "exit_survey",
      value: given ? (d.value[i] ?? 0) : 1,
    });
  });
  const report = summariseReasons(rows, { level, by: options.by ?? null });
  return {
    ...report,
    population: d.population ?? null,
    valueLabel: given ? `${d.valueKind} (${d.valueBasis})` : "customers",
    notes: [...(d.notes ?? []), ...report.notes],
  };
}
