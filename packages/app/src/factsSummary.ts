import type { Engine } from "@vafa/core";

/** The headline facts of a store: who and how much, over which days. */
export interface FactsSummary {
  readonly customers: number;
  readonly orders: number;
  /** Net sales (returns subtracted), to the cent. */
  readonly net_sales: number;
  /** The returns' value as a positive amount, to the cent. */
  readonly returns: number;
  /** First and last day with a transaction (`YYYY-MM-DD`, UTC); null without transactions. */
  readonly first_day: string | null;
  readonly last_day: string | null;
}

const isoDay = (epochDay: unknown) =>
  epochDay === null || epochDay === undefined
    ? null
    : new Date(Number(epochDay) * 86_400_000).toISOString().slice(0, 10);

/**
 * Customers, orders, net sales, returns and the first and last day of the transactions, in one
 * pass on any engine: the head of the demo's report.
 *
 * @example
 * await factsSummary(engine); // { customers: 4372, orders: 25900, net_sales: 9747747.93, returns: 896812.49, first_day: "2010-12-01", last_day: "2011-12-09" }
 */
export async function factsSummary(engine: Engine): Promise<FactsSummary> {
  const day = engine.dialect.epochDay("occurred_at", null);
  const [row] = await engine.facts.all({
    sql: `SELECT count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders,
        round(sum(amount), 2) AS net_sales, round(-sum(CASE WHEN amount < 0 THEN amount ELSE 0 END), 2) AS returned,
        min(${day}) AS first_day, max(${day}) AS last_day, count(*) AS n
      FROM transactions`,
    params: [],
  });
  const empty = row === undefined || Number(row.n) === 0;
  return {
    customers: Number(row?.customers ?? 0),
    orders: Number(row?.orders ?? 0),
    net_sales: Number(row?.net_sales ?? 0),
    returns: Math.abs(Number(row?.returned ?? 0)),
    first_day: empty ? null : isoDay(row?.first_day),
    last_day: empty ? null : isoDay(row?.last_day),
  };
}
