import type { Dialect } from "../Dialect.ts";
import { countsEvents, DAY_PERIOD_TABLE } from "./periodMapping.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import type { SqlParams } from "./SqlParams.ts";

/**
 * A SELECT with one row per (customer, [group,] period) that has any fact:
 * `c` customer id, `g` group value (only when grouping; missing values read as "(none)" so groups
 * join on plain equality), `p` period index, `s` net sales (returns included), `m` profit (null if
 * any of its transactions has no cost and no margin is set), `active` per the activity rule.
 * Anonymous transactions (customer_id NULL) are left out. One GROUP BY over the facts: this is the
 * only pass over the transactions table.
 *
 * @example
 * const p = new SqlParams(duckdbDialect);
 * `WITH cp AS (${customerPeriodsSql(duckdbDialect, p, resolveRetentionOptions({ period: { unit: "month" } }))}) SELECT …`;
 */
export function customerPeriodsSql(dialect: Dialect, params: SqlParams, o: ResolvedRetentionOptions): string {
  const q = (name: string) => dialect.quoteIdent(name);
  const zone = o.timeZone === null ? null : params.add(o.timeZone);
  const day = dialect.epochDay("t.occurred_at", zone);
  const grouped = o.by !== null;
  const byCustomer = o.by?.source === "customer";
  const groupExpr = o.by === null ? "" : `coalesce(${byCustomer ? "cu" : "t"}.${q(o.by.column)}, '(none)')`;
  const customerJoin = byCustomer ? "LEFT JOIN customers AS cu ON cu.id = t.customer_id" : "";
  const margin = o.margin === null ? "NULL" : `t.amount * CAST(${params.add(o.margin)} AS DOUBLE)`;
  const profit = `CASE WHEN t.cost IS NOT NULL THEN t.amount - t.cost ELSE ${margin} END`;
  // The default rule needs no count: "some purchase" is max(amount) > 0, cheap on 10M rows.
  const countOrders = o.minCount > 1;
  const useEvents = countsEvents(o);

  const factColumns = [
    "t.customer_id AS c",
    ...(grouped ? [`${groupExpr} AS g`] : []),
    "dp.idx AS p",
    "t.amount AS amount",
    `${profit} AS profit`,
    ...(countOrders ? ["CASE WHEN t.amount > 0 THEN coalesce(t.order_id, t.id) END AS purchase"] : []),
    ...(useEvents ? ["0 AS events"] : []),
  ];
  let facts = `SELECT ${factColumns.join(", ")}
    FROM transactions AS t
    JOIN ${q(DAY_PERIOD_TABLE)} AS dp ON dp.day = ${day}
    ${customerJoin}
    WHERE t.customer_id IS NOT NULL`;
  if (useEvents) {
    const eventDay = dialect.epochDay("e.occurred_at", zone);
    const types = o.activityTypes.map((type) => params.add(type)).join(", ");
    const eventGroup = byCustomer ? `coalesce(cu.${q(o.by?.column ?? "")}, '(none)')` : "";
    const eventColumns = [
      "e.customer_id AS c",
      ...(grouped ? [`${eventGroup} AS g`] : []),
      "dp.idx AS p",
      "CAST(0 AS DOUBLE) AS amount",
      "CAST(0 AS DOUBLE) AS profit",
      ...(countOrders ? ["CAST(NULL AS VARCHAR) AS purchase"] : []),
      "1 AS events",
    ];
    facts += `
    UNION ALL
    SELECT ${eventColumns.join(", ")}
    FROM activity AS e
    JOIN ${q(DAY_PERIOD_TABLE)} AS dp ON dp.day = ${eventDay}
    ${byCustomer ? "LEFT JOIN customers AS cu ON cu.id = e.customer_id" : ""}
    WHERE e.type IN (${types})`;
  }
  const count = [
    countOrders ? "count(DISTINCT purchase)" : "max(CASE WHEN amount > 0 THEN 1 ELSE 0 END)",
    ...(useEvents ? ["sum(events)"] : []),
  ].join(" + ");
  const conditions = [`${count} >= ${countOrders ? params.add(o.minCount) : "1"}`];
  if (o.minSpend !== null) conditions.push(`sum(amount) >= CAST(${params.add(o.minSpend)} AS DOUBLE)`);
  const keys = grouped ? "c, g, p" : "c, p";
  return `SELECT ${keys}, sum(amount) AS s,
      CASE WHEN count(profit) = count(*) THEN sum(profit) END AS m,
      ${conditions.join(" AND ")} AS active
    FROM (${facts}) AS facts
    GROUP BY ${keys}`;
}
