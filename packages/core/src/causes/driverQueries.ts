import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import { withCtes } from "../retention/withCtes.ts";
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
 * - `customers` (the analytic store, in `dialect`): one row per customer with a purchase in the lookback — first purchase day, sales,
 *   profit (with cost coverage), purchase lines and those on discount, whether it bought in the
 *   outcome window, segment, channel (the customer's, else its transactions'), country, branch,
 *   created day, CLV (`customer_scores`) and defection status (`customer_status`).
 * - `complaints` (the operational store): complaints in the lookback with category, status and times (as text; resolution
 *   hours are computed in TypeScript so no engine's interval arithmetic is needed).
 * - `surveys` (the operational store): the mean CSAT and NPS score per customer in the lookback.
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
  const left = dialect.smallTableJoin("LEFT");
  const aggColumns = [
    "customer_id",
    "first_day",
    "sales_12m",
    "profit_12m",
    "cost_lines",
    "lines",
    "purchase_lines",
    "discount_lines",
    "tx_channel",
    "bought_after",
  ];
  const customers = withCtes(
    dialect,
    [
      {
        name: "tx",
        sql: () => `SELECT customer_id, ${day("occurred_at")} AS d, amount, cost, discount, channel FROM transactions
          WHERE customer_id IS NOT NULL AND ${day("occurred_at")} <= ${end}`,
      },
      {
        name: "agg",
        sql: (ref) => `SELECT customer_id, min(d) AS first_day,
          sum(CASE WHEN ${inLookback} THEN amount ELSE 0 END) AS sales_12m,
          sum(CASE WHEN ${inLookback} THEN amount - cost END) AS profit_12m,
          sum(CASE WHEN ${inLookback} AND cost IS NOT NULL THEN 1 ELSE 0 END) AS cost_lines,
          sum(CASE WHEN ${inLookback} THEN 1 ELSE 0 END) AS lines,
          sum(CASE WHEN ${inLookback} AND amount > 0 THEN 1 ELSE 0 END) AS purchase_lines,
          sum(CASE WHEN ${inLookback} AND amount > 0 AND discount > 0 THEN 1 ELSE 0 END) AS discount_lines,
          max(CASE WHEN ${inLookback} THEN channel END) AS tx_channel,
          max(CASE WHEN d > ${asOf} AND amount > 0 THEN 1 ELSE 0 END) AS bought_after
        FROM ${ref("tx")} AS tx GROUP BY customer_id
        HAVING max(CASE WHEN ${inLookback} AND amount > 0 THEN 1 ELSE 0 END) = 1`,
      },
    ],
    (ref) => {
      // One join per SELECT, each wrapping the last (ClickHouse before 19 joins one table at a time).
      let cols = [...aggColumns, "segment", "c_channel", "country", "branch", "created_day"];
      let from = `(SELECT ${cols.join(", ")} FROM ${ref("agg")} AS agg ${left} (SELECT id AS customer_id, segment,
          channel AS c_channel, country, branch, ${day("created_at")} AS created_day FROM customers) AS c USING (customer_id)) AS j1`;
      from = `(SELECT ${cols.join(", ")}, clv FROM ${from}
        ${left} (SELECT customer_id, clv FROM customer_scores) AS s USING (customer_id)) AS j2`;
      cols = [...cols, "clv"];
      // A store that appends a newer status row (ClickHouse) may hold several per customer: the latest wins.
      from = `(SELECT ${cols.join(", ")}, status FROM ${from}
        ${left} (SELECT customer_id, ${dialect.argMax("status", "coalesce(version, 0)")} AS status
          FROM customer_status GROUP BY customer_id) AS st USING (customer_id)) AS j3`;
      const out = cols.map((c) => (c === "c_channel" ? "coalesce(c_channel, tx_channel) AS channel" : c));
      return `SELECT ${[...out, "status"].join(", ")} FROM ${from}`;
    },
  );
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
