import {
  duckdbDialect,
  lastTransactionDayQuery,
  type RfmFrame,
  rfmCutsFromCounts,
  rfmValueCountsQuery,
  SegmentError,
  type SqlClient,
  toEpochDay,
} from "@vafa/core";

/**
 * The as-of epoch day: `asOf` ("YYYY-MM-DD") when given, else the last transaction day.
 *
 * @throws SegmentError when there are no transactions and no date was given.
 */
export async function resolveAsOfDay(client: SqlClient, asOf?: string | null): Promise<number> {
  if (asOf !== undefined && asOf !== null) return toEpochDay(asOf);
  const [row] = await client.all(lastTransactionDayQuery(duckdbDialect));
  if (row?.day === null || row?.day === undefined)
    throw new SegmentError("there are no transactions yet: load some with `vafa ingest`");
  return Number(row.day);
}

/**
 * The RFM frame as of a day: the value counts of the three measures are read, and their score
 * thresholds computed (the tie rule of `scoreCuts`).
 *
 * @example
 * const frame = await rfmFrame(store.client, await resolveAsOfDay(store.client), 5);
 */
export async function rfmFrame(client: SqlClient, asOfDay: number, bins = 5): Promise<RfmFrame> {
  const counts = await client.all(rfmValueCountsQuery(duckdbDialect, asOfDay));
  return { asOfDay, cuts: rfmCutsFromCounts(counts, bins) };
}
