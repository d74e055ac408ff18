import type { Dialect } from "../Dialect.ts";
import type { SqlQuery, SqlValue } from "../SqlQuery.ts";
import { AnalysisError } from "./AnalysisError.ts";
import type { ProfitabilityDimension } from "./ProfitabilityDimension.ts";

/** Options of the profitability analysis. */
export interface ProfitabilityOptions {
  /** Group by this dimension (from `parseProfitabilityDimension`); default null: the whole base. */
  readonly by?: ProfitabilityDimension | null;
  /** Gross margin 0–1 for lines without a known cost (cost = amount × (1 − margin)); default null. */
  readonly margin?: number | null;
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
  const by = options.by ?? null;
  const group =
    by === null
      ? "CAST(NULL AS VARCHAR)"
      : `${by.scope === "customer" ? "c" : "t"}.${dialect.quoteIdent(by.column)}`;
  const lineSums = `count(*) AS lines,
    sum(t.amount) AS sales,
    sum(CASE WHEN t.amount > 0 THEN t.amount ELSE 0 END) AS gross_sales,
    sum(CASE WHEN t.amount < 0 THEN -t.amount ELSE 0 END) AS returns,
    sum(${lineCost}) AS cost,
    sum(CASE WHEN t.cost IS NOT NULL THEN 1 ELSE 0 END) AS known_cost_lines,
    sum(CASE WHEN ${lineCost} IS NULL THEN 1 ELSE 0 END) AS unknown_cost_lines`;
  const perCustomer = (groupExpr: string) => `SELECT ${groupExpr} AS grp, t.customer_id, ${lineSums},
    max(c.acquisition_cost) AS acquisition_cost
  FROM transactions AS t LEFT JOIN customers AS c ON c.id = t.customer_id
  WHERE t.customer_id IS NOT NULL
  GROUP BY ${groupExpr === "CAST(NULL AS VARCHAR)" ? "t.customer_id" : `${groupExpr}, t.customer_id`}`;
  const groupSums = `count(*) AS customers, sum(lines) AS lines, sum(sales) AS sales, sum(gross_sales) AS gross_sales,
  sum(returns) AS returns, sum(cost) AS cost, sum(known_cost_lines) AS known_cost_lines,
  sum(unknown_cost_lines) AS unknown_cost_lines, sum(acquisition_cost) AS acquisition_cost,
  count(acquisition_cost) AS acquisition_cost_customers`;
  const text = `SELECT 'group' AS kind, grp, ${groupSums}
FROM (${perCustomer(group)}) AS per_customer
GROUP BY grp
UNION ALL
SELECT 'all_customers' AS kind, CAST(NULL AS VARCHAR) AS grp, ${groupSums}
FROM (${perCustomer("CAST(NULL AS VARCHAR)")}) AS per_customer
UNION ALL
SELECT 'anonymous' AS kind, CAST(NULL AS VARCHAR) AS grp, 0 AS customers, ${lineSums},
  CAST(NULL AS DOUBLE) AS acquisition_cost, 0 AS acquisition_cost_customers
FROM transactions AS t WHERE t.customer_id IS NULL`;
  return { sql: text, params };
}
