import type { Dialect } from "../Dialect.ts";
import type { SqlQuery, SqlValue } from "../SqlQuery.ts";

/** Options of the repurchase-cycle analysis. */
export interface RepurchaseCycleOptions {
  /** IANA time zone whose civil days count as purchase days; default null (UTC days). */
  readonly timeZone?: string | null;
}

/**
 * The SQL of the repurchase cycle. It returns a compact histogram rather than one row per customer:
 * rows `(kind = 'median', median_gap, customers)` counting customers per distinct median gap (gaps
 * are whole days, so medians are multiples of ½ and the rows are few), and one row
 * `(kind = 'purchasers', NULL, customers)` with the number of identified customers with any purchase.
 * Purchase days are distinct civil days with a line of amount > 0, so returns are not purchases and
 * several purchases on one day count once. Buckets and quantiles are then computed by
 * `toRepurchaseCycle` from the histogram, exactly and the same way on every engine.
 *
 * @example
 * const q = repurchaseCycleQuery(duckdbDialect);
 * const cycle = toRepurchaseCycle(await client.all(q));
 */
export function repurchaseCycleQuery(dialect: Dialect, options: RepurchaseCycleOptions = {}): SqlQuery {
  const params: SqlValue[] = [];
  const timeZone = options.timeZone ?? null;
  if (timeZone !== null) params.push(timeZone);
  const day = dialect.epochDay("occurred_at", timeZone === null ? null : dialect.param(1));
  const days = `SELECT DISTINCT customer_id, ${day} AS day FROM transactions WHERE amount > 0 AND customer_id IS NOT NULL`;
  const gaps = dialect.consecutiveGaps(days, "customer_id", "day");
  const text = `SELECT 'median' AS kind, median_gap, count(*) AS customers
FROM (SELECT customer_id, ${dialect.median("CAST(gap AS DOUBLE)")} AS median_gap FROM (${gaps}) AS gaps GROUP BY customer_id) AS medians
GROUP BY median_gap
UNION ALL
SELECT 'purchasers' AS kind, ${dialect.nullOf("DOUBLE")} AS median_gap, count(DISTINCT customer_id) AS customers
FROM (${days}) AS purchase_days`;
  return { sql: text, params };
}
