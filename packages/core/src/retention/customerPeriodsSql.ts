import { AppError } from "../AppError.ts";
import type { Dialect } from "../Dialect.ts";
import { branchCustomerFilter } from "../scope/branchCustomerFilter.ts";
import { countsEvents, DAY_PERIOD_TABLE } from "./periodMapping.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import type { SqlParams } from "./SqlParams.ts";

/**
 * A SELECT with one row per (customer, [group,] period) that has any fact:
 * `c` customer id, `g` group value (only when grouping; missing values read as "(none)" so groups
 * join on plain equality), `p` period index, `s` net sales (returns included), `m` profit (null if
 * any of its transactions has no cost and no margin is set), `active` per the activity rule.
 * Anonymous transactions (customer_id NULL) are left out.
 *
 * Facts are aggregated in the same SELECT that reads them, joined only to the small day → period
 * table (with `dialect.smallTableJoin`), so a sharded engine aggregates on each shard. A customer
 * attribute is fixed per customer, so it is attached after aggregating, by one join to `customers`.
 * Every SELECT has at most one join (ClickHouse 18.16 allows no more), and the join condition names
 * the fact's timestamp unqualified (18.16 loses the table alias in ON over a Distributed table).
 *
 * @example
 * const p = new SqlParams(duckdbDialect);
 * `WITH cp AS (${customerPeriodsSql(duckdbDialect, p, resolveRetentionOptions({ period: { unit: "month" } }))}) SELECT …`;
 */
export function customerPeriodsSql(dialect: Dialect, params: SqlParams, o: ResolvedRetentionOptions): string {
  const q = (name: string) => dialect.quoteIdent(name);
  const zone = o.timeZone === null ? null : params.add(o.timeZone);
  const byCustomer = o.by?.source === "customer";
  const byTransaction = o.by?.source === "transaction";
  const margin = o.margin === null ? "NULL" : `t.amount * CAST(${params.add(o.margin)} AS DOUBLE)`;
  const profit = `CASE WHEN t.cost IS NOT NULL THEN t.amount - t.cost ELSE ${margin} END`;
  // The default rule needs no count: "some purchase" is max(amount) > 0, cheap on 10M rows.
  const countOrders = o.minCount > 1;
  const useEvents = countsEvents(o);
  // Bound in the order zone, margin, event types, minCount, minSpend.
  const types = useEvents ? o.activityTypes.map((type) => params.add(type)).join(", ") : "";
  const minCount = countOrders ? params.add(o.minCount) : "1";
  const minSpend = o.minSpend === null ? null : params.add(o.minSpend);
  // A branch scope keeps that branch's customers' facts only (the branch bound once, used twice).
  // The periods stay the store's (runPreparePeriods), so "complete" means the same for every branch.
  const branch = o.branch === undefined || o.branch === null ? null : params.add(o.branch);
  const inScope = (column: string) =>
    o.branch === undefined ? "" : ` AND ${branchCustomerFilter(dialect, column, branch)}`;

  const purchases = countOrders
    ? "count(DISTINCT CASE WHEN t.amount > 0 THEN coalesce(t.order_id, t.id) END)"
    : "max(CASE WHEN t.amount > 0 THEN 1 ELSE 0 END)";
  const txKeys = byTransaction ? "c, g, p" : "c, p";
  const txGroup = byTransaction ? `coalesce(t.${q(o.by?.column ?? "")}, '(none)') AS g, ` : "";
  // Output names never equal a column an aggregate reads (ClickHouse would resolve the alias inside it).
  const tx = (s: string, m: string, tail: string) => `SELECT t.customer_id AS c, ${txGroup}dp.idx AS p,
      sum(t.amount) AS ${s}, CASE WHEN count(${profit}) = count(*) THEN sum(${profit}) END AS ${m}, ${tail}
    FROM transactions AS t
    ${dialect.smallTableJoin("INNER")} ${q(DAY_PERIOD_TABLE)} AS dp ON dp.day = ${dialect.epochDay("occurred_at", zone)}
    WHERE t.customer_id IS NOT NULL${inScope("t.customer_id")}
    GROUP BY ${txKeys}`;
  const activeIf = (count: string, spend: string) =>
    `${count} >= ${minCount}${minSpend === null ? "" : ` AND ${spend} >= CAST(${minSpend} AS DOUBLE)`}`;

  let perCustomer: string;
  if (!useEvents) {
    perCustomer = tx("s", "m", `${activeIf(purchases, "sum(t.amount)")} AS active`);
  } else {
    const events = `SELECT e.customer_id AS c, dp.idx AS p, CAST(0 AS DOUBLE) AS ps, CAST(0 AS DOUBLE) AS pm, count(*) AS pn
    FROM activity AS e
    ${dialect.smallTableJoin("INNER")} ${q(DAY_PERIOD_TABLE)} AS dp ON dp.day = ${dialect.epochDay("occurred_at", zone)}
    WHERE e.type IN (${types})${inScope("e.customer_id")}
    GROUP BY c, p`;
    // Counts add across the two parts: purchases come only from transactions, events only from activity.
    perCustomer = `SELECT c, p, sum(ps) AS s, CASE WHEN count(pm) = count(*) THEN sum(pm) END AS m,
      ${activeIf("sum(pn)", "sum(ps)")} AS active
    FROM (${tx("ps", "pm", `${purchases} AS pn`)}
    UNION ALL
    ${events}) AS parts
    GROUP BY c, p`;
  }
  if (!byCustomer) return perCustomer;
  // A customer attribute is read by its name (a bound parameter) from the long attribute table.
  const attribute = o.by?.attribute;
  if (attribute !== undefined && dialect.name === "clickhouse")
    throw new AppError(
      "not_supported",
      "customer attributes are not stored on ClickHouse yet: group by them on DuckDB",
    );
  const customers =
    attribute === undefined
      ? "customers"
      : `(SELECT customer_id AS id, value FROM customer_attributes WHERE lower(replace(name, ' ', '_')) = ${params.add(attribute)})`;
  return `SELECT pc.c AS c, coalesce(cu.${q(o.by?.column ?? "")}, '(none)') AS g, pc.p AS p, pc.s AS s, pc.m AS m, pc.active AS active
    FROM (${perCustomer}) AS pc
    LEFT JOIN ${customers} AS cu ON cu.id = pc.c`;
}
