import {
  analyseDrivers,
  type CauseDriverOptions,
  causeDriverDataset,
  type DriverAnalysisOptions,
  type DriverReport,
  type SqlClient,
} from "@vafa/core";
import { type CauseWindowOptions, loadCauseCustomers } from "./loadCauseCustomers.ts";

/** Options of `defectionDrivers`. */
export interface DefectionDriversOptions
  extends CauseWindowOptions,
    CauseDriverOptions,
    DriverAnalysisOptions {}

/** The driver report with the window it was computed on. */
export interface DefectionDriversReport extends DriverReport {
  readonly asOf: string;
  readonly windowDays: number;
  readonly windowEnd: string;
}

/**
 * Which service issues really drive defection in the store, and what fixing each would keep: one row
 * per customer as of a day (complaint categories, unresolved complaints, slow resolution, CSAT, NPS
 * group, discount buying, channel, tenure, segment; outcome: no purchase in the following window),
 * analysed by `analyseDrivers` (rates with and without, relative risk, adjusted odds ratio, value at
 * stake, a plain sentence), ranked by value at stake.
 *
 * @example
 * const r = await defectionDrivers(store.client, { asOf: "2024-06-30", windowDays: 90 });
 * console.log(r.drivers[0]?.sentence);
 */
export async function defectionDrivers(
  client: SqlClient,
  options: DefectionDriversOptions = {},
): Promise<DefectionDriversReport> {
  const loaded = await loadCauseCustomers(client, options);
  const report = analyseDrivers(causeDriverDataset(loaded.customers, options), options);
  return {
    ...report,
    asOf: loaded.asOf,
    windowDays: loaded.windowDays,
    windowEnd: loaded.windowEnd,
    notes: [...loaded.notes, ...report.notes],
  };
}
