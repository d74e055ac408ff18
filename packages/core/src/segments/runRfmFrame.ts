import type { Dialect } from "../Dialect.ts";
import type { SqlClient } from "../SqlClient.ts";
import { type RfmFrame, rfmCutsFromCounts, rfmValueCountsQuery } from "./rfmQuery.ts";

/**
 * The RFM frame as of an epoch day on any engine: the value counts of recency, frequency and
 * monetary are read (values travel, customers do not) and the score thresholds computed here.
 *
 * @example
 * const frame = await runRfmFrame(client, dialect, toEpochDay("2011-09-01"));
 */
export async function runRfmFrame(
  client: SqlClient,
  dialect: Dialect,
  asOfDay: number,
  bins = 5,
): Promise<RfmFrame> {
  const counts = await client.all(rfmValueCountsQuery(dialect, asOfDay));
  return { asOfDay, cuts: rfmCutsFromCounts(counts, bins) };
}
