import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { SqlQuery } from "../SqlQuery.ts";

/** Options of `driverQueries`. */
export interface DriverQueryOptions {
  /** The as-of epoch day: drivers are read up to it. */
  readonly asOfDay: number;
  /** The outcome window: a customer "defected" with no purchase in (as-of, as-of + window]. */
  readonly windowDays: number;
  /** Customers judged: those with a purchase in the `lookbackDays` up to as-of; sales, profit, complaints and surveys are read over it too. */
  readonly lookbackDays: number;
}

/**
 * The three queries behind the driver analysis and the defector profiles, as of a day:
 *
 * - `customers`: one row per customer with a purchase in the lookback — first purchase day, sales,
 *   profit (with cost coverage), purchase lines and those on discount, whether it bought in the
 *   outcome window, segment, channel (the customer's, else its transactions'), country, branch,
 *   created day, CLV (`customer_scores`) and defection status (`customer_status`).
 * - `complaints`: complaints in the lookback with category, status and times (as text; resolution
 *   hours are computed in TypeScript so no engine's interval arithmetic is needed).
 * - `surveys`: the mean CSAT and NPS score per customer in the lookback.
 *
 * @example
 * const q = driverQueries(duckdbDialect, { asOfDay: 19800, windowDays: 90, lookbackDays: 365 });
 * const customers = await client.all(q.customers);
 */
export function driverQueries(
  dialect: Dialect,
  options: DriverQueryOptions,
): { customers: SqlQuery; complaints: SqlQuery; surveys: SqlQuery } {
  const day = (column: string) => dialect.epochDay(column, null);
  const p = new SqlParams(dialect);
  const asOf = p.add(Math.trunc(options.asOfDay));
  const end = p.add(Math.trunc(options.asOfDay + options.windowDays));
  const start = p.add(Math.trunc(options.asOfDay - options.lookbackDays));
  const inLookback = `d > ${start} AND d <= ${asOf}`;
  const customers = `WITH tx AS (
      SELECT customer_id, ${day("occurred_at")} AS d, amount, cost, discount, channel FROM transactions
      WHERE customer_id IS NOT NULL AND ${day("occurred_at")} <= ${end}
    ), agg AS (
      SELECT customer_id, min(d) AS first_day,
        sum(CASE WHEN ${inLookback} THEN amount ELSE 0 END) AS sales_12m,
        sum(CASE WHEN ${inLookback} THEN amount - cost END) AS profit_12m,
        sum(CASE WHEN ${inLookback} AND cost IS NOT NULL THEN 1 ELSE 0 END) AS cost_lines,
        sum(CASE WHEN ${inLookback} THEN 1 ELSE 0 END) AS lines,
        sum(CASE WHEN ${inLookback} AND amount > 0 THEN 1 ELSE 0 END) AS purchase_lines,
        sum(CASE WHEN ${inLookback} AND amount > 0 AND discount > 0 THEN 1 ELSE 0 END) AS discount_lines,
        max(CASE WHEN ${inLookback} THEN channel END) AS tx_channel,
        max(CASE WHEN d > ${asOf} AND amount > 0 THEN 1 ELSE 0 END) AS bought_after
      FROM tx GROUP BY customer_id
      HAVING max(CASE WHEN ${inLookback} AND amount > 0 THEN 1 ELSE 0 END) = 1
    )
    SELECT agg.*, c.segment, coalesce(c.channel, agg.tx_channel) AS channel, c.country, c.branch,
      ${day("c.created_at")} AS created_day, s.clv, st.status
    FROM agg LEFT JOIN customers c ON c.id = agg.customer_id
      LEFT JOIN customer_scores s ON s.customer_id = agg.customer_id
      LEFT JOIN customer_status st ON st.customer_id = agg.customer_id`;
  const q = new SqlParams(dialect);
  const qAsOf = q.add(Math.trunc(options.asOfDay));
  const qStart = q.add(Math.trunc(options.asOfDay - options.lookbackDays));
  const complaints = `SELECT customer_id, category, status,
      CAST(occurred_at AS VARCHAR) AS occurred_at, CAST(resolved_at AS VARCHAR) AS resolved_at
    FROM complaints WHERE ${day("occurred_at")} <= ${qAsOf} AND ${day("occurred_at")} > ${qStart}`;
  const s = new SqlParams(dialect);
  const sAsOf = s.add(Math.trunc(options.asOfDay));
  const sStart = s.add(Math.trunc(options.asOfDay - options.lookbackDays));
  const surveys = `SELECT customer_id, lower(survey) AS survey, avg(score) AS score
    FROM survey_responses
    WHERE lower(survey) IN ('csat', 'nps') AND score IS NOT NULL
      AND ${day("occurred_at")} <= ${sAsOf} AND ${day("occurred_at")} > ${sStart}
    GROUP BY customer_id, lower(survey)`;
  return {
    customers: { sql: customers, params: p.values },
    complaints: { sql: complaints, params: q.values },
    surveys: { sql: surveys, params: s.values },
  };
}
