import {
  causeProfileInputs,
  defectorProfiles,
  PROFILE_DIMENSIONS,
  type ProfileReport,
  type SqlClient,
} from "@vafa/core";
import { type CauseWindowOptions, loadCauseCustomers } from "./loadCauseCustomers.ts";

/** The profile report with the window it was computed on. */
export interface DefectionProfilesReport extends ProfileReport {
  readonly asOf: string;
  readonly windowDays: number;
  /** "profit_12m" when costs are known, else "sales_12m" (mean sales shown in place of profit). */
  readonly profitBasis: "profit_12m" | "sales_12m";
  readonly notes: readonly string[];
}

/**
 * Which segments, countries, channels, tenure bands and value bands defect most and earn least, with
 * the groups that are both flagged "costly to serve and likely to leave" (see `defectorProfiles`) —
 * only when the transactions carry costs; otherwise the value is sales and the flag stays off.
 *
 * @example
 * const r = await defectionProfiles(store.client, { asOf: "2024-06-30" });
 * r.rows.filter((x) => x.costlyAndLikelyToLeave);
 */
export async function defectionProfiles(
  client: SqlClient,
  options: CauseWindowOptions = {},
): Promise<DefectionProfilesReport> {
  const loaded = await loadCauseCustomers(client, options);
  const anyCost = loaded.customers.some((c) => c.profit12m !== null);
  const report = defectorProfiles(causeProfileInputs(loaded.customers), PROFILE_DIMENSIONS, {
    valueLabel: anyCost ? "profit (last 12 months)" : "sales (last 12 months)",
    costKnown: anyCost,
  });
  return {
    ...report,
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
