import type { DriverDataset, LeftOutColumn } from "./DriverDataset.ts";
import { defectorProfiles, type ProfileReport } from "./defectorProfiles.ts";
import { detectLeak } from "./detectLeak.ts";
import { leftOutNotes } from "./leftOutNotes.ts";

/** The profiles of a flat file, with who was counted and what was left out. */
export interface DatasetProfileReport extends ProfileReport {
  /** Who was counted (the denominator), e.g. "Customerstatus = Churned against Stayed (Joined left out: 20 rows)". */
  readonly population: string | null;
  readonly leftOut: readonly LeftOutColumn[];
  readonly notes: readonly string[];
}

/**
 * Defector profiles over a driver dataset (a flat file read by `tableDriverDataset`): one dimension
 * per category column — descriptors of the customer (tenure, demographics) first, then service
 * columns — value per customer as the dataset gives it and labelled by what it is —
 * "revenue (Monthlycharge × 12)" for a charge, profit only when costs were taken off — so "costly to
 * serve" is said only when costs are known. Columns that record the outcome (`detectLeak`) are left
 * out with a warning, as in the driver analysis: a churn category is 100% defection by definition.
 *
 * @example
 * const r = datasetProfiles(tableDriverDataset(parseCsv(text), { outcome: "Churn", positive: "Yes", value: "MonthlyCharges", valueMultiplier: 12 }));
 * r.valueLabel; // "revenue (MonthlyCharges × 12)"
 */
export function datasetProfiles(dataset: DriverDataset): DatasetProfileReport {
  const leftOut: LeftOutColumn[] = [...(dataset.leftOut ?? [])];
  const categories = dataset.columns.flatMap((c) => {
    if (c.kind !== "category") return [];
    const leak = detectLeak(c, dataset.outcome);
    if (leak === null) return [c];
    leftOut.push({ column: c.name, kind: "leak", detail: leak });
    return [];
  });
  // Who the customers are (tenure, region, demographics) first: the profiles to stop attracting.
  categories.sort((a, b) => Number(b.role === "descriptor") - Number(a.role === "descriptor"));
  const kind = dataset.valueKind ?? "profit";
  const report = defectorProfiles(
    dataset.ids.map((_, i) => ({
      groups: Object.fromEntries(categories.map((c) => [c.name, c.values[i] ?? null])),
      defected: dataset.outcome[i] === 1,
      profit: kind === "customers" ? null : (dataset.value[i] ?? null),
    })),
    categories.map((c) => c.name),
    {
      valueLabel: kind === "customers" ? "value (none given)" : `${kind} (${dataset.valueBasis})`,
      costKnown: kind === "profit",
    },
  );
  return {
    ...report,
    population: dataset.population ?? null,
    leftOut,
    notes: [...(dataset.notes ?? []), ...leftOutNotes(leftOut)],
  };
}
