import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { DefectionRules } from "./DefectionRule.ts";
import { defectionWindows } from "./defectionWindows.ts";

/** Options of `customerFeaturesQuery`. */
export interface CustomerFeaturesOptions {
  /** The as-of epoch day: only transactions on or before it are read. */
  readonly asOfDay: number;
  /** Join `customer_scores` (p_alive, clv); only when the table exists. Default false. */
  readonly scores?: boolean;
  /** Restrict to customers with a purchase in the `lookbackDays` up to the as-of day; default all. */
  readonly lookbackDays?: number | null;
}

/**
 * One SQL pass giving each purchasing customer's aggregates as of a day (see `CustomerFeatures`):
 * purchase days, first and last, own median gap, its segment's and the base's typical gap (over
 * customers with at least the silence rule's `minPurchases`), counts and spend per drop-rule window
 * pair (`w0_recent_n`, `w0_base_n`, `w0_recent_s`, `w0_base_s`, …), 12-month sales and profit,
 * scores when asked, and the contract end / renewal facts when a contract rule is present. A purchase
 * day is a civil (UTC) day with a line of positive amount; its spend is the day's net amount.
 *
 * @example
 * const q = customerFeaturesQuery(duckdbDialect, defaultDefectionRules, { asOfDay: toEpochDay("2011-09-01") });
 * const features = (await client.all(q)).map((r) => toCustomerFeatures(r, 1));
 */
export function customerFeaturesQuery(
  dialect: Dialect,
  rules: DefectionRules,
  options: CustomerFeaturesOptions,
): SqlQuery {
  const p = new SqlParams(dialect);
  const asOf = p.add(Math.trunc(options.asOfDay));
  const silence = rules.rules.find((r) => r.kind === "silence");
  const minPurchases = p.add(silence?.kind === "silence" ? silence.minPurchases : 3);
  const day = dialect.epochDay("occurred_at", null);
  const windowCols = defectionWindows(rules)
    .map((w, i) => {
      const recent = p.add(w.recentDays);
      const baseline = p.add(w.baselineDays);
      const inRecent = `d > ${asOf} - ${recent}`;
      const inBase = `d > ${asOf} - ${recent} - ${baseline} AND d <= ${asOf} - ${recent}`;
      return `,
        sum(CASE WHEN ${inRecent} THEN 1 ELSE 0 END) AS w${i}_recent_n,
        sum(CASE WHEN ${inBase} THEN 1 ELSE 0 END) AS w${i}_base_n,
        sum(CASE WHEN ${inRecent} THEN spend ELSE 0 END) AS w${i}_recent_s,
        sum(CASE WHEN ${inBase} THEN spend ELSE 0 END) AS w${i}_base_s`;
    })
    .join("");
  const lookback =
    options.lookbackDays === undefined || options.lookbackDays === null
      ? ""
      : `HAVING max(d) > ${asOf} - ${p.add(options.lookbackDays)}`;
  const contract = rules.rules.find((r) => r.kind === "contract");
  const contractCte =
    contract?.kind === "contract"
      ? `, ends AS (
          SELECT customer_id, max(${day}) AS contract_end FROM activity WHERE type = 'contract_end' GROUP BY customer_id
        ), contracts AS (
          SELECT ends.customer_id, ends.contract_end,
            max(CASE WHEN r.id IS NOT NULL THEN 1 ELSE 0 END) AS renewed
          FROM ends LEFT JOIN activity r ON r.customer_id = ends.customer_id AND r.type = 'renewal'
            AND ${dialect.epochDay("r.occurred_at", null)} >= ends.contract_end - ${p.add(contract.renewalWindowDays)}
            AND ${dialect.epochDay("r.occurred_at", null)} <= ${asOf}
          GROUP BY ends.customer_id, ends.contract_end
        )`
      : "";
  const text = `WITH tx AS (
      SELECT customer_id, ${day} AS d, amount, cost, branch FROM transactions
      WHERE customer_id IS NOT NULL AND ${day} <= ${asOf}
    ), days AS (
      SELECT customer_id, d, sum(amount) AS spend FROM tx GROUP BY customer_id, d HAVING max(amount) > 0
    ), gaps AS (
      SELECT customer_id, ${dialect.median("CAST(gap AS DOUBLE)")} AS own_gap
      FROM (${dialect.consecutiveGaps("SELECT customer_id, d FROM days", "customer_id", "d")}) AS g GROUP BY customer_id
    ), agg AS (
      SELECT customer_id, count(*) AS purchases, min(d) AS first_day, max(d) AS last_day${windowCols}
      FROM days GROUP BY customer_id ${lookback}
    ), money AS (
      SELECT customer_id, sum(amount) AS sales_12m, sum(amount - cost) AS profit_12m,
        count(cost) AS cost_lines, count(*) AS lines, max(branch) AS tx_branch
      FROM tx WHERE d > ${asOf} - 365 GROUP BY customer_id
    ), base AS (
      SELECT agg.*, gaps.own_gap, c.segment, coalesce(c.branch, money.tx_branch) AS branch, c.owner,
        coalesce(money.sales_12m, 0) AS sales_12m,
        CASE WHEN money.lines > 0 AND money.cost_lines = money.lines THEN money.profit_12m END AS profit_12m
      FROM agg LEFT JOIN gaps ON gaps.customer_id = agg.customer_id
        LEFT JOIN customers c ON c.id = agg.customer_id
        LEFT JOIN money ON money.customer_id = agg.customer_id
    ), seg AS (
      SELECT segment, ${dialect.median("own_gap")} AS segment_gap FROM base
      WHERE purchases >= ${minPurchases} AND own_gap IS NOT NULL AND segment IS NOT NULL GROUP BY segment
    ), whole AS (
      SELECT ${dialect.median("own_gap")} AS base_gap FROM base WHERE purchases >= ${minPurchases} AND own_gap IS NOT NULL
    )${contractCte}
    SELECT base.*, seg.segment_gap, whole.base_gap,
      ${options.scores === true ? "s.p_alive, s.clv" : "CAST(NULL AS DOUBLE) AS p_alive, CAST(NULL AS DOUBLE) AS clv"},
      ${contractCte === "" ? "CAST(NULL AS INTEGER) AS contract_end, 0 AS renewed" : "contracts.contract_end, coalesce(contracts.renewed, 0) AS renewed"}
    FROM base LEFT JOIN seg ON seg.segment = base.segment CROSS JOIN whole
      ${options.scores === true ? "LEFT JOIN customer_scores s ON s.customer_id = base.customer_id" : ""}
      ${contractCte === "" ? "" : "LEFT JOIN contracts ON contracts.customer_id = base.customer_id"}`;
  return { sql: text, params: p.values };
}
