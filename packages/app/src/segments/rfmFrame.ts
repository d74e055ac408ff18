import {
  type Engine,
  lastTransactionDayQuery,
  type RfmFrame,
  runRfmFrame,
  SegmentError,
  toEpochDay,
} from "@vafa/core";

/**
 * The as-of epoch day: `asOf` ("YYYY-MM-DD") when given, else the last transaction day of the
 * engine's facts.
 *
 * @throws SegmentError when there are no transactions and no date was given.
 */
export async function resolveAsOfDay(engine: Engine, asOf?: string | null): Promise<number> {
  if (asOf !== undefined && asOf !== null) return toEpochDay(asOf);
  const [row] = await engine.facts.all(lastTransactionDayQuery(engine.dialect));
  if (row?.day === null || row?.day === undefined)
    throw new SegmentError("there are no transactions yet: load some with `vafa ingest`");
  return Number(row.day);
}

/**
 * The RFM frame as of a day: the value counts of the three measures are read from the engine's
 * facts, and their score thresholds computed in the core (the tie rule of `scoreCuts`).
 *
 * @example
 * const frame = await rfmFrame(engine, await resolveAsOfDay(engine), 5);
 */
export function rfmFrame(engine: Engine, asOfDay: number, bins = 5): Promise<RfmFrame> {
  return runRfmFrame(engine.facts, engine.dialect, asOfDay, bins);
}
