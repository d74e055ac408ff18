import { CausesError, type SqlClient } from "@vafa/core";
import { snapshotCounts } from "./snapshotTable.ts";

/** Where the outcome of a cause analysis comes from. */
export type CauseSource = "window" | "status" | "snapshot";

/**
 * Which outcome a cause analysis of the store reads: the one asked for, else the purchase window
 * when there are transactions, else the snapshot statuses of a customers file (`vafa ingest
 * customers churn.csv --map status=Churn`) when any customer carries one.
 *
 * @throws CausesError when there is neither (nothing to analyse), or a snapshot is asked for and no customer has a status.
 * @example
 * await causeSource(client, undefined); // "snapshot" on a store holding only the telco file
 */
export async function causeSource(client: SqlClient, asked: CauseSource | undefined): Promise<CauseSource> {
  const counts = await snapshotCounts(client);
  if (asked === "snapshot" || (asked === undefined && counts.transactions === 0)) {
    if (counts.statuses === 0)
      throw new CausesError(
        counts.transactions === 0
          ? "no transactions and no customer with a status: ingest transactions, or a customers file with a status column (--map status=COLUMN)"
          : "no customer carries a status: load a customers file with a status column (--map status=COLUMN)",
      );
    return "snapshot";
  }
  return asked ?? "window";
}
