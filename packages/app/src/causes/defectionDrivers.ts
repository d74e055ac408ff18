import {
  analyseDrivers,
  type CauseDriverOptions,
  causeDriverDataset,
  type DriverAnalysisOptions,
  type DriverReport,
  type Engine,
  requireFeature,
} from "@vafa/core";
import { attributeColumns } from "./attributeColumns.ts";
import { type CauseSource, causeSource } from "./causeSource.ts";
import { type CauseWindowOptions, loadCauseCustomers } from "./loadCauseCustomers.ts";
import { type SnapshotOptions, snapshotDataset } from "./snapshotDataset.ts";

/** Options of `defectionDrivers`. */
export interface DefectionDriversOptions
  extends Omit<CauseWindowOptions, "outcome">,
    CauseDriverOptions,
    DriverAnalysisOptions,
    SnapshotOptions {
  /** "window", "status" or "snapshot"; default the window when there are transactions, else the snapshot. */
  readonly outcome?: CauseSource;
}

/** The driver report with where its outcome came from and the window it was computed on. */
export interface DefectionDriversReport extends DriverReport {
  readonly source: CauseSource;
  /** The as-of day, window and its end; null for a snapshot (it has no dates). */
  readonly asOf: string | null;
  readonly windowDays: number | null;
  readonly windowEnd: string | null;
}

/**
 * Which service issues really drive defection in the store, and what fixing each would keep. With
 * transactions: one row per customer as of a day (complaint categories, unresolved complaints, slow
 * resolution, CSAT, NPS group, discount buying — the service issues — adjusted for channel, tenure
 * and segment, and the customers' attributes, each a service issue or a descriptor; outcome: no
 * purchase in the following window, or the defection status). With a
 * snapshot (a customers file with a status, e.g. the IBM telco file): one row per customer with a
 * status, its typed attributes as candidates (`snapshotDataset`). Analysed by `analyseDrivers`
 * (rates with and against the reference, relative risk, adjusted odds ratio, what a fix pays, a
 * plain sentence), ranked by value at stake.
 *
 * @example
 * const r = await defectionDrivers(engine, { references: { Contract: "Two year" }, value: "MonthlyCharges", valueMultiplier: 12 });
 * console.log(r.drivers[0]?.sentence);
 */
export async function defectionDrivers(
  engine: Engine,
  options: DefectionDriversOptions = {},
): Promise<DefectionDriversReport> {
  requireFeature(engine, "causes-drivers");
  const client = engine.facts;
  const source = await causeSource(client, options.outcome);
  if (source === "snapshot") {
    const report = analyseDrivers(await snapshotDataset(client, options), options);
    return { ...report, source, asOf: null, windowDays: null, windowEnd: null };
  }
  const loaded = await loadCauseCustomers(engine, { ...options, outcome: source });
  const dataset = causeDriverDataset(loaded.customers, options);
  const extra = await attributeColumns(client, dataset.ids, dataset.outcome, options);
  const report = analyseDrivers(
    {
      ...dataset,
      columns: [...dataset.columns, ...extra.columns],
      leftOut: [...(dataset.leftOut ?? []), ...extra.leftOut],
    },
    options,
  );
  return {
    ...report,
    source,
    asOf: loaded.asOf,
    windowDays: loaded.windowDays,
    windowEnd: loaded.windowEnd,
    notes: [...loaded.notes, ...report.notes],
  };
}
