import {
  lastTransactionDayQuery,
  type RfmFrame,
  ruleNeeds,
  runRfmFrame,
  SegmentError,
  type SegmentRule,
  segmentMembersQuery,
} from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";

/**
 * The RFM frame as of an epoch day over ClickHouse (see `runRfmFrame`): value counts in the engine,
 * score thresholds in the core. Pass it to `rfmCustomersQuery` or `rfmSegmentsQuery`.
 *
 * @example
 * const frame = await rfmFrame(engine, toEpochDay("2011-09-01"));
 * const sizes = await engine.client.all(rfmSegmentsQuery(engine.dialect, frame));
 */
export function rfmFrame(engine: ClickHouseEngine, asOfDay: number, bins = 5): Promise<RfmFrame> {
  return runRfmFrame(engine.client, engine.dialect, asOfDay, bins);
}

/**
 * The ids of the customers matching a segment rule over ClickHouse, ordered. RFM fields and
 * `spend_<N>d` windows are measured as of `asOfDay` (default the last transaction day); scores are
 * not stored with the facts, so clv and p_alive read as unknown.
 *
 * @throws SegmentError when the rule needs a date and there are no transactions.
 * @example
 * await segmentMembers(engine, parseRule('country in ("France", "Germany")')); // ["12413", "12426", …]
 */
export async function segmentMembers(
  engine: ClickHouseEngine,
  rule: SegmentRule,
  asOfDay: number | null = null,
): Promise<string[]> {
  const needs = ruleNeeds(rule);
  let day = asOfDay;
  if (day === null && (needs.rfm || needs.spendDays.length > 0)) {
    const [row] = await engine.client.all(lastTransactionDayQuery(engine.dialect));
    if (row?.day === null || row?.day === undefined) throw new SegmentError("there are no transactions yet");
    day = Number(row.day);
  }
  const frame = needs.rfm && day !== null ? await rfmFrame(engine, day) : null;
  const rows = await engine.client.all(
    segmentMembersQuery(engine.dialect, rule, { rfm: frame, hasScores: false, asOfDay: day }),
  );
  return rows.map((r) => String(r.customer_id));
}
