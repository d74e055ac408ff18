import type { Dialect } from "../Dialect.ts";
import type { SqlQuery, SqlValue } from "../SqlQuery.ts";
import type { BranchScope } from "../scope/BranchScope.ts";
import { branchCustomerFilter } from "../scope/branchCustomerFilter.ts";
import { AnalysisError } from "./AnalysisError.ts";
import type { ProfitabilityDimension } from "./ProfitabilityDimension.ts";

/** Options of the profitability analysis. */
export interface ProfitabilityOptions {
  /** Group by this dimension (from `parseProfitabilityDimension`); default null: the whole base. */
  readonly by?: ProfitabilityDimension | null;
  /** Gross margin 0–1 for lines without a known cost (cost = amount × (1 − margin)); default null. */
  readonly margin?: number | null;
  /** Only this branch's customers; anonymous lines (no customer, so no branch) are then left out. Default every branch. */
  readonly branch?: BranchScope;
}

/**
 * Checks a margin: a fraction from 0 to 1 (0.3 is a 30% gross margin).
 *
 * @throws AnalysisError when it is not.
 */
export function checkMargin(margin: number): number {
  if (!Number.isFinite(margin) || margin < 0 || margin > 1) {
    throw new AnalysisError(`margin must be a fraction from 0 to 1 (0.3 for 30%), got ${margin}`);
  }
  return margin;
}

/**
 * The SQL of profitability. Lines are first summed per (group, customer), so each customer's
 * acquisition cost is counted once per group, then per group. Rows have a `kind`: `group` (one per
 * dimension value), `all_customers` (all identified customers, each once, for the total) and
 * `anonymous` (lines without a customer id, which belong to no customer group). The dimension is a
 * whitelisted column; the margin is a bound parameter.
 *
 * @example
 * const q = profitabilityQuery(duckdbDialect, { by: parseProfitabilityDimension("segment"), margin: 0.3 });
 * const result = toProfitability(await client.all(q), { by: "segment", margin: 0.3 });
 */
export function profitabilityQuery(dialect: Dialect, options: ProfitabilityOptions = {}): SqlQuery {
  const params: SqlValue[] = [];
  const margin = options.margin ?? null;
  let lineCost = "t.cost";
  if (margin !== null) {
    params.push(checkMargin(margin));
    lineCost = `coalesce(t.cost, t.amount * (1 - CAST(${dialect.param(1)} AS DOUBLE)))`;
  }
  const branch = options.branch;
  if (typeof branch === "string") params.push(branch);
  const inScope =
    branch === undefined
      ? ""
      : ` AND ${branchCustomerFilter(dialect, "t.customer_id", branch === null ? null : dialect.param(params.length))}`;
  const by = options.by ?? null;
  const none = dialect.nullOf("VARCHAR");
  const group =
    by === null ? none : by.scope === "customer" ? "c.c_group" : `t.${dialect.quoteIdent(by.column)}`;
  // The customer side is a subquery whose key is named like the fact's and joined USING it: the one
  // form ClickHouse 18.16 resolves when the fact table is Distributed and the join is GLOBAL.
  const customerSide = `(SELECT id AS customer_id, acquisition_cost AS c_acquisition_cost${
    by?.scope === "customer" ? `, ${dialect.quoteIdent(by.column)} AS c_group` : ""
  } FROM customers) AS c`;
  // Sums are named `<prefix>name` so no alias equals a column its aggregate reads (ClickHouse resolves
  // aliases inside expressions); the outer level renames them.
  const lineSums = (x: string) => `count(*) AS ${x}lines,
    sum(t.amount) AS ${x}sales,
    sum(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END) AS ${x}gross_sales,
    sum(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END) AS ${x}returns,
    sum(${lineCost}) AS ${x}cost,
    sum(CASE WHEN t.cost IS NOT NULL THEN 1 ELSE 0 END) AS ${x}known_cost_lines,
    sum(CASE WHEN ${lineCost} IS NULL THEN 1 ELSE 0 END) AS ${x}unknown_cost_lines`;
  const sumNames = [
    "lines",
    "sales",
    "gross_sales",
    "returns",
    "cost",
    "known_cost_lines",
    "unknown_cost_lines",
  ];
  const perCustomer = (
    groupExpr: string,
  ) => `SELECT ${groupExpr} AS grp, t.customer_id AS pc_customer, ${lineSums("pc_")},
    max(c.c_acquisition_cost) AS pc_acquisition_cost
  FROM transactions AS t ${dialect.smallTableJoin("LEFT")} ${customerSide} USING (customer_id)
  WHERE t.customer_id IS NOT NULL${inScope}
  GROUP BY ${groupExpr === none ? "t.customer_id" : `${groupExpr}, t.customer_id`}`;
  const groupSums = `count(*) AS customers, sum(pc_lines) AS lines, sum(pc_sales) AS sales, sum(pc_gross_sales) AS gross_sales,
  sum(pc_returns) AS returns, sum(pc_cost) AS cost, sum(pc_known_cost_lines) AS known_cost_lines,
  sum(pc_unknown_cost_lines) AS unknown_cost_lines, sum(pc_acquisition_cost) AS acquisition_cost,
  count(pc_acquisition_cost) AS acquisition_cost_customers`;
  const text = `SELECT 'group' AS kind, grp, ${groupSums}
FROM (${perCustomer(group)}) AS per_customer
GROUP BY grp
UNION ALL
SELECT 'all_customers' AS kind, ${none} AS grp, ${groupSums}
FROM (${perCustomer(none)}) AS per_customer
UNION ALL
SELECT 'anonymous' AS kind, ${none} AS grp, 0 AS customers, ${sumNames.map((c) => `an_${c} AS ${c}`).join(", ")},
  ${dialect.nullOf("DOUBLE")} AS acquisition_cost, 0 AS acquisition_cost_customers
FROM (SELECT ${lineSums("an_")} FROM transactions AS t WHERE t.customer_id IS NULL${branch === undefined ? "" : " AND 1 = 0"}) AS anonymous_lines`;
  return { sql: text, params };
}
