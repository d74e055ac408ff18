import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { SqlQuery } from "../SqlQuery.ts";

/**
 * Every recorded exit reason in [fromDay, toDay] (epoch days), one row per answer: from worklist
 * contacts (`contacts.exit_reason`, except contacts whose outcome was `saved` — those customers
 * stayed) and from exit surveys (`survey_responses` with survey `exit` and a reason, on the
 * `exit_reason` question or with no question, as ingested files have; with the reason's category
 * when the file gave one, `reason_category`), and from a snapshot's customers (`customers.exit_reason`
 * and `reason_category` of those not known to have stayed; dated by `defected_at`, and kept whatever
 * the range when undated). Each row carries the customer's segment and branch, its CLV when scored, and its sales and profit over the 365 days up
 * to the answer (profit only when every line had a cost), and `value`: the `valueAttribute` × its
 * multiplier when one is named (matched exactly, bound as a parameter).
 *
 * @example
 * const rows = await client.all(reasonsQuery(duckdbDialect, { fromDay: 19000, toDay: 19400 }));
 */
export function reasonsQuery(
  dialect: Dialect,
  options: {
    fromDay: number;
    toDay: number;
    /** A number attribute valuing each customer (a snapshot's `MonthlyCharges`); default none. */
    valueAttribute?: string;
    /** Multiplies the value attribute; default 1. */
    valueMultiplier?: number;
  },
): SqlQuery {
  const p = new SqlParams(dialect);
  const from = p.add(Math.trunc(options.fromDay));
  const to = p.add(Math.trunc(options.toDay));
  const attribute = options.valueAttribute === undefined ? null : p.add(options.valueAttribute);
  const multiplier = attribute === null ? null : p.add(options.valueMultiplier ?? 1);
  const day = (column: string) => dialect.epochDay(column, null);
  const text = `WITH answers AS (
      SELECT customer_id, lower(trim(exit_reason)) AS reason, CAST(NULL AS VARCHAR) AS reason_category,
        ${day("occurred_at")} AS d, 'contact' AS source
      FROM contacts WHERE exit_reason IS NOT NULL AND (outcome IS NULL OR outcome <> 'saved')
      UNION ALL
      SELECT customer_id, lower(trim(reason)) AS reason, nullif(lower(trim(reason_category)), '') AS reason_category,
        ${day("occurred_at")} AS d, 'exit_survey' AS source
      FROM survey_responses
      WHERE lower(survey) = 'exit' AND reason IS NOT NULL AND (question IS NULL OR question = 'exit_reason')
      UNION ALL
      SELECT id AS customer_id, lower(trim(exit_reason)) AS reason, nullif(lower(trim(reason_category)), '') AS reason_category,
        ${day("defected_at")} AS d, 'snapshot' AS source
      FROM customers
      WHERE (exit_reason IS NOT NULL OR reason_category IS NOT NULL) AND (status IS NULL OR status = 'defected')
    ), picked AS (
      SELECT * FROM answers WHERE (d IS NULL AND source = 'snapshot') OR (d >= ${from} AND d <= ${to})
    ), tx AS (
      SELECT customer_id, ${day("occurred_at")} AS d, amount, cost FROM transactions
      WHERE customer_id IN (SELECT customer_id FROM picked)
    )
    SELECT a.customer_id, a.reason, a.reason_category, a.d, a.source, c.segment, c.branch, s.clv,
      ${attribute === null ? "CAST(NULL AS DOUBLE)" : `max(v.number) * CAST(${multiplier} AS DOUBLE)`} AS value,
      sum(t.amount) AS sales_12m, sum(t.amount - t.cost) AS profit_12m,
      count(t.cost) AS cost_lines, count(t.amount) AS lines
    FROM picked a
      LEFT JOIN customers c ON c.id = a.customer_id
      LEFT JOIN customer_scores s ON s.customer_id = a.customer_id
      LEFT JOIN tx t ON t.customer_id = a.customer_id AND t.d <= a.d AND t.d > a.d - 365
      ${attribute === null ? "" : `LEFT JOIN customer_attributes v ON v.customer_id = a.customer_id AND v.name = ${attribute}`}
    GROUP BY a.customer_id, a.reason, a.reason_category, a.d, a.source, c.segment, c.branch, s.clv`;
  return { sql: text, params: p.values };
}
