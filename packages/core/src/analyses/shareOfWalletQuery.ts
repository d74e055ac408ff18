import type { Dialect } from "../Dialect.ts";
import type { SqlQuery, SqlValue } from "../SqlQuery.ts";
import { AnalysisError } from "./AnalysisError.ts";
import type { MarketEstimate } from "./ShareOfWallet.ts";

/** The survey name whose `score` is a customer's total category spend. */
export const WALLET_SURVEY = "wallet";

/**
 * What sources of total category spend exist, and where the data ends: one row
 * `(budgets, surveys, last_at)`. Run first: with no source at all there is nothing to compute.
 *
 * @example
 * const [row] = await client.all(shareOfWalletSourcesQuery(duckdbDialect));
 */
export function shareOfWalletSourcesQuery(dialect: Dialect): SqlQuery {
  return {
    sql: `SELECT
  (SELECT count(*) FROM customers WHERE category_budget IS NOT NULL) AS budgets,
  (SELECT count(*) FROM survey_responses WHERE survey = ${dialect.param(1)} AND score IS NOT NULL) AS surveys,
  (SELECT max(occurred_at) FROM transactions) AS last_at`,
    params: [WALLET_SURVEY],
  };
}

/** The window and estimates of one share-of-wallet computation. */
export interface ShareOfWalletQueryOptions {
  /** Spend counts after this instant… */
  readonly from: Date | null;
  /** …up to and including this one. */
  readonly to: Date | null;
  /** Market estimates per segment; default none. */
  readonly estimates?: readonly MarketEstimate[];
}

/**
 * One row per customer with a known total: `(customer_id, segment, spend, total, source)`. The total
 * is the customer's declared `category_budget`, else its latest wallet-survey score (answers at the
 * same latest instant are averaged), else its segment's market estimate — the most specific figure
 * wins. Customers are those in `customers` plus wallet-survey respondents; spend is net of returns.
 *
 * @throws AnalysisError when a segment has two estimates.
 * @example
 * const q = shareOfWalletQuery(duckdbDialect, { from, to, estimates: [{ segment: "retail", amount: 12000 }] });
 */
export function shareOfWalletQuery(dialect: Dialect, options: ShareOfWalletQueryOptions): SqlQuery {
  const params: SqlValue[] = [options.from, options.to, WALLET_SURVEY];
  const p = (value: SqlValue) => {
    params.push(value);
    return dialect.param(params.length);
  };
  const estimates = options.estimates ?? [];
  const seen = new Set<string>();
  for (const e of estimates) {
    if (seen.has(e.segment)) throw new AnalysisError(`segment "${e.segment}" has two estimates`);
    seen.add(e.segment);
  }
  const estimate =
    estimates.length === 0
      ? "CAST(NULL AS DOUBLE)"
      : `CASE c.segment ${estimates.map((e) => `WHEN ${p(e.segment)} THEN CAST(${p(e.amount)} AS DOUBLE)`).join(" ")} END`;
  const survey = dialect.param(3);
  const text = `SELECT customer_id, segment, spend, total, source FROM (
  SELECT ids.id AS customer_id, c.segment AS segment, coalesce(s.spend, 0) AS spend,
    CASE WHEN c.category_budget IS NOT NULL THEN c.category_budget
         WHEN w.total IS NOT NULL THEN w.total
         ELSE ${estimate} END AS total,
    CASE WHEN c.category_budget IS NOT NULL THEN 'category_budget'
         WHEN w.total IS NOT NULL THEN 'wallet_survey'
         WHEN ${estimate} IS NOT NULL THEN 'market_estimate' END AS source
  FROM (SELECT id FROM customers UNION SELECT customer_id AS id FROM survey_responses WHERE survey = ${survey}) AS ids
  LEFT JOIN customers AS c ON c.id = ids.id
  LEFT JOIN (
    SELECT customer_id, sum(amount) AS spend FROM transactions
    WHERE customer_id IS NOT NULL
      AND occurred_at > CAST(${dialect.param(1)} AS TIMESTAMP) AND occurred_at <= CAST(${dialect.param(2)} AS TIMESTAMP)
    GROUP BY customer_id
  ) AS s ON s.customer_id = ids.id
  LEFT JOIN (
    SELECT r.customer_id, avg(r.score) AS total
    FROM survey_responses AS r
    JOIN (SELECT customer_id, max(occurred_at) AS last_at FROM survey_responses
          WHERE survey = ${survey} AND score IS NOT NULL GROUP BY customer_id) AS latest
      ON latest.customer_id = r.customer_id AND latest.last_at = r.occurred_at
    WHERE r.survey = ${survey} AND r.score IS NOT NULL
    GROUP BY r.customer_id
  ) AS w ON w.customer_id = ids.id
) AS wallet
WHERE source IS NOT NULL
ORDER BY customer_id`;
  return { sql: text, params };
}
