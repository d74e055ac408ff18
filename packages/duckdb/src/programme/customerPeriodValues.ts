import {
  type CustomerPeriodValue,
  duckdbDialect,
  type Period,
  type PeriodSpec,
  ProgrammeError,
  parseDimension,
  periodOf,
  type SqlClient,
  type SqlValue,
} from "@vafa/core";
import { segmentMembers } from "./segmentMembers.ts";

/** Per-customer period values of a scope, each customer's first active period, and the day → period map used. */
export interface ScopedPeriodValues {
  readonly rows: CustomerPeriodValue[];
  readonly firstPeriod: Map<string, number>;
  readonly periodOfDay: (day: number) => Period;
}

/**
 * Reads sales and profit per customer and period for a target's scope: "all", "<dimension>=<value>"
 * (a whitelisted customer or transaction dimension, e.g. "branch=Tehran", "transaction.category=Tea")
 * or "segment:<saved name or rule>". Profit is amount − cost, or amount × margin where cost is
 * missing and a margin is given, else unknown.
 *
 * @throws ProgrammeError for a malformed scope.
 */
export async function customerPeriodValues(
  client: SqlClient,
  scope: string,
  spec: PeriodSpec,
  margin: number | null,
): Promise<ScopedPeriodValues> {
  const day = duckdbDialect.epochDay("occurred_at", null);
  const params: SqlValue[] = [];
  let where = "customer_id IS NOT NULL";
  let members: Set<string> | null = null;
  const s = scope.trim();
  if (s.startsWith("segment:")) {
    members = new Set(await segmentMembers(client, s.slice("segment:".length).trim()));
  } else if (s !== "all" && s !== "") {
    const eq = s.indexOf("=");
    if (eq < 0)
      throw new ProgrammeError(`scope "${scope}" must be all, <dimension>=<value> or segment:<name or rule>`);
    const dim = parseDimension(s.slice(0, eq));
    params.push(s.slice(eq + 1).trim());
    // The column comes from parseDimension's whitelist; the value is bound.
    where +=
      dim.source === "customer"
        ? ` AND customer_id IN (SELECT id FROM customers WHERE ${duckdbDialect.quoteIdent(dim.column)} = $1)`
        : ` AND ${duckdbDialect.quoteIdent(dim.column)} = $1`;
  }
  const marginSql = margin === null ? "NULL" : String(Number(margin));
  const rows = await client.all({
    sql: `SELECT customer_id, ${day} AS d, sum(amount) AS sales,
        CASE WHEN count(*) = count(cost) THEN sum(amount - cost)
             WHEN ${marginSql} IS NOT NULL THEN sum(CASE WHEN cost IS NULL THEN amount * ${marginSql} ELSE amount - cost END) END AS profit,
        max(CASE WHEN amount > 0 THEN 1 ELSE 0 END) AS bought
      FROM transactions WHERE ${where} GROUP BY 1, 2`,
    params,
  });
  const cache = new Map<number, Period>();
  const periodOfDay = (d: number): Period => {
    let p = cache.get(d);
    if (p === undefined) {
      p = periodOf(d, spec);
      cache.set(d, p);
    }
    return p;
  };
  const acc = new Map<
    string,
    { customerId: string; periodIndex: number; sales: number; profit: number | null; active: boolean }
  >();
  const firstPeriod = new Map<string, number>();
  for (const r of rows) {
    const id = String(r.customer_id);
    if (members !== null && !members.has(id)) continue;
    const p = periodOfDay(Number(r.d)).index;
    const key = `${id}\u0000${p}`;
    const profit = r.profit === null || r.profit === undefined ? null : Number(r.profit);
    const bought = Number(r.bought) === 1;
    const a = acc.get(key);
    if (a === undefined)
      acc.set(key, { customerId: id, periodIndex: p, sales: Number(r.sales), profit, active: bought });
    else {
      a.sales += Number(r.sales);
      a.profit = a.profit === null || profit === null ? null : a.profit + profit;
      a.active ||= bought;
    }
    if (bought) firstPeriod.set(id, Math.min(firstPeriod.get(id) ?? p, p));
  }
  return { rows: [...acc.values()], firstPeriod, periodOfDay };
}
