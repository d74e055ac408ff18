import {
  causeProfileInputs,
  datasetProfiles,
  defectorProfiles,
  type Engine,
  PROFILE_DIMENSIONS,
  type ProfileReport,
  requireFeature,
} from "@vafa/core";
import { attributeColumns } from "./attributeColumns.ts";
import { type CauseSource, causeSource } from "./causeSource.ts";
import { type CauseWindowOptions, loadCauseCustomers } from "./loadCauseCustomers.ts";
import { type SnapshotOptions, snapshotDataset } from "./snapshotDataset.ts";

/** Options of `defectionProfiles`. */
export interface DefectionProfilesOptions extends Omit<CauseWindowOptions, "outcome">, SnapshotOptions {
  /** "window", "status" or "snapshot"; default the window when there are transactions, else the snapshot. */
  readonly outcome?: CauseSource;
}

/** The profile report with where its outcome came from and the window it was computed on. */
export interface DefectionProfilesReport extends ProfileReport {
  readonly source: CauseSource;
  /** Null for a snapshot (it has no dates). */
  readonly asOf: string | null;
  readonly windowDays: number | null;
  /** "profit_12m" when costs are known, "sales_12m" (mean sales shown in place of profit), or a snapshot's value. */
  readonly profitBasis: string;
  readonly notes: readonly string[];
}

/**
 * Which kinds of customer defect most and earn least — the profiles of who not to attract — each
 * against the rest of the customers (see `defectorProfiles`): with transactions, segments,
 * countries, channels, tenure bands and value bands, "costly to serve and likely to leave" only when
 * the transactions carry costs; with a snapshot, every canonical trait and attribute (tenure
 * included), valued by the `value` attribute.
 *
 * @example
 * const r = await defectionProfiles(engine, { asOf: "2024-06-30" });
 * r.rows.filter((x) => x.costlyAndLikelyToLeave);
 */
export async function defectionProfiles(
  engine: Engine,
  options: DefectionProfilesOptions = {},
): Promise<DefectionProfilesReport> {
  requireFeature(engine, "causes-profiles");
  const client = engine.facts;
  const source = await causeSource(client, options.outcome);
  if (source === "snapshot") {
    const dataset = await snapshotDataset(client, options);
    const report = datasetProfiles(dataset);
    return { ...report, source, asOf: null, windowDays: null, profitBasis: dataset.valueBasis };
  }
  const loaded = await loadCauseCustomers(engine, { ...options, outcome: source });
  const anyCost = loaded.customers.some((c) => c.profit12m !== null);
  const outcome = Uint8Array.from(loaded.customers.map((c) => (c.defected ? 1 : 0)));
  const extra = await attributeColumns(
    client,
    loaded.customers.map((c) => c.customerId),
    outcome,
    options,
  );
  const categories = extra.columns.flatMap((c) => (c.kind === "category" ? [c] : []));
  const inputs = causeProfileInputs(loaded.customers).map((x, i) => ({
    ...x,
    groups: { ...x.groups, ...Object.fromEntries(categories.map((c) => [c.name, c.values[i] ?? null])) },
  }));
  const report = defectorProfiles(inputs, [...PROFILE_DIMENSIONS, ...categories.map((c) => c.name)], {
    valueLabel: anyCost ? "profit (last 12 months)" : "sales (last 12 months)",
    costKnown: anyCost,
  });
  return {
    ...report,
    source,
    asOf: loaded.asOf,
    windowDays: loaded.windowDays,
    profitBasis: anyCost ? "profit_12m" : "sales_12m",
    notes: anyCost
      ? loaded.notes
      : [
          ...loaded.notes,
          "no costs in the data: mean sales are shown in place of profit, and no group is called costly to serve",
        ],
  };
}
