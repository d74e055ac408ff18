import {
  duckdbDialect,
  getSegmentQuery,
  lastTransactionDayQuery,
  parseRule,
  ruleNeeds,
  runRfmFrame,
  SegmentError,
  type SqlClient,
  segmentMembersQuery,
  toEpochDay,
} from "@vafa/core";

/**
 * The customer ids of a saved segment (by name) or a rule, in the embedded store, for the retention
 * programme's audiences and scopes while the programme runs on DuckDB only; the engine-neutral
 * `segmentMembers` of `@vafa/app` answers the same on every engine.
 *
 * @throws SegmentError when it is neither a saved name nor a rule, or the rule needs a date and there are no transactions.
 * @example
 * await segmentMembers(store.client, "vip-uk", "2011-09-01"); // ["12347", …]
 */
export async function segmentMembers(
  client: SqlClient,
  nameOrRule: string,
  asOf?: string | null,
): Promise<string[]> {
  const [saved] = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(nameOrRule)
    ? await client.all(getSegmentQuery(nameOrRule))
    : [];
  const rule = parseRule(saved === undefined ? nameOrRule : String(saved.rule));
  const needs = ruleNeeds(rule);
  let asOfDay: number | null = null;
  if (needs.rfm || needs.spendDays.length > 0) {
    if (asOf !== undefined && asOf !== null) asOfDay = toEpochDay(asOf);
    else {
      const [row] = await client.all(lastTransactionDayQuery(duckdbDialect));
      if (row?.day === null || row?.day === undefined)
        throw new SegmentError("there are no transactions yet: load some with `vafa ingest`");
      asOfDay = Number(row.day);
    }
  }
  const frame = needs.rfm && asOfDay !== null ? await runRfmFrame(client, duckdbDialect, asOfDay) : null;
  const rows = await client.all(
    segmentMembersQuery(duckdbDialect, rule, { rfm: frame, hasScores: needs.scores, asOfDay }),
  );
  return rows.map((r) => String(r.customer_id));
}
