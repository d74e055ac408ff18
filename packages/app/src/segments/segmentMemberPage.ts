import type { Engine, SqlValue } from "@vafa/core";
import { segmentMembersQueryFor } from "./savedSegments.ts";

/** One page of a segment's members and how many there are in all. */
export interface SegmentMemberPage {
  readonly customers: number;
  /** The first `limit` customer ids, in order. */
  readonly ids: readonly string[];
}

/**
 * A page of the customers of a saved segment (or a rule), counted in full, for a screen that lists
 * them: with `branch`, only that branch's customers (an agent's view). Runs on the engine's facts in
 * its dialect; every value is a bound parameter.
 *
 * @example
 * const page = await segmentMemberPage(engine, "vip-uk", { limit: 100, branch: "London" });
 * page.customers; // 412
 */
export async function segmentMemberPage(
  engine: Engine,
  nameOrRule: string,
  options: { readonly limit: number; readonly asOf?: string | null; readonly branch?: string },
): Promise<SegmentMemberPage> {
  const { dialect, facts } = engine;
  const q = await segmentMembersQueryFor(engine, nameOrRule, options.asOf ?? null);
  const params: SqlValue[] = [...q.params];
  let members = `SELECT m.customer_id AS customer_id FROM (${q.sql}) AS m`;
  if (options.branch !== undefined) {
    params.push(options.branch);
    members += ` WHERE m.customer_id IN (SELECT id FROM customers WHERE branch = ${dialect.param(params.length)})`;
  }
  const [count] = await facts.all({ sql: `SELECT count(*) AS n FROM (${members}) AS p`, params });
  const rows = await facts.all({
    sql: `SELECT customer_id FROM (${members}) AS p ORDER BY customer_id LIMIT ${dialect.param(params.length + 1)}`,
    params: [...params, Math.max(0, Math.trunc(options.limit))],
  });
  return { customers: Number(count?.n ?? 0), ids: rows.map((r) => String(r.customer_id)) };
}
