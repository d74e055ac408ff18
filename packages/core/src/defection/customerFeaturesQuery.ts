import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import { withCtes } from "../retention/withCtes.ts";
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
 * Written for every dialect: named subqueries through `withCtes` (inlined where the engine has no
 * CTEs), one join per SELECT, equi-joins `USING` a key named alike on both sides (renewals are
 * matched to a contract end by a conditional aggregate, not a range join), and no output alias equal
 * to a column its expression reads (ClickHouse resolves aliases inside expressions).
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
  const left = dialect.smallTableJoin("LEFT");
  const windows = defectionWindows(rules);
  const windowNames = windows.flatMap((_, i) => [
    `w${i}_recent_n`,
    `w${i}_base_n`,
    `w${i}_recent_s`,
    `w${i}_base_s`,
  ]);
  const windowCols = windows
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
  const renewalWindow = contract?.kind === "contract" ? p.add(contract.renewalWindowDays) : null;
  const baseCols = [
    "customer_id",
    "purchases",
    "first_day",
    "last_day",
    ...windowNames,
    "own_gap",
    "segment",
    "branch",
    "owner",
    "sales_12m",
    "profit_12m",
  ];
  const aggCols = ["customer_id", "purchases", "first_day", "last_day", ...windowNames];
  const text = withCtes(
    dialect,
    [
      {
        name: "tx",
        sql: () => `SELECT customer_id, ${day} AS d, amount, cost, branch FROM transactions
      WHERE customer_id IS NOT NULL AND ${day} <= ${asOf}`,
      },
      {
        name: "days",
        sql: (ref) =>
          `SELECT customer_id, d, sum(amount) AS spend FROM ${ref("tx")} AS tx GROUP BY customer_id, d HAVING max(amount) > 0`,
      },
      {
        name: "gaps",
        sql: (ref) => `SELECT customer_id, ${dialect.median("CAST(gap AS DOUBLE)")} AS own_gap
      FROM (${dialect.consecutiveGaps(`SELECT customer_id, d FROM ${ref("days")} AS days`, "customer_id", "d")}) AS g GROUP BY customer_id`,
      },
      {
        name: "agg",
        sql: (
          ref,
        ) => `SELECT customer_id, count(*) AS purchases, min(d) AS first_day, max(d) AS last_day${windowCols}
      FROM ${ref("days")} AS days GROUP BY customer_id ${lookback}`,
      },
      {
        name: "money",
        sql: (ref) => `SELECT customer_id, sum(amount) AS m_sales, sum(amount - cost) AS m_profit,
        count(cost) AS cost_lines, count(*) AS lines, max(branch) AS tx_branch
      FROM ${ref("tx")} AS tx WHERE d > ${asOf} - 365 GROUP BY customer_id`,
      },
      {
        name: "base",
        // One join per SELECT: agg + gaps, then + customers, then + money.
        sql: (
          ref,
        ) => `SELECT ${aggCols.join(", ")}, own_gap, segment, coalesce(c_branch, tx_branch) AS branch, owner,
        coalesce(m_sales, 0) AS sales_12m,
        CASE WHEN lines > 0 AND cost_lines = lines THEN m_profit END AS profit_12m
      FROM (
        SELECT ${aggCols.join(", ")}, own_gap, segment, c_branch, owner FROM (
          SELECT ${aggCols.join(", ")}, own_gap FROM ${ref("agg")} AS agg ${left} ${ref("gaps")} AS gaps USING (customer_id)
        ) AS with_gaps ${left} (SELECT id AS customer_id, segment, branch AS c_branch, owner FROM customers) AS c USING (customer_id)
      ) AS with_customer ${left} ${ref("money")} AS money USING (customer_id)`,
      },
      {
        name: "seg",
        sql: (ref) => `SELECT segment, ${dialect.median("own_gap")} AS segment_gap FROM ${ref("base")} AS base
      WHERE purchases >= ${minPurchases} AND own_gap IS NOT NULL AND segment IS NOT NULL GROUP BY segment`,
      },
      {
        name: "whole",
        sql: (ref) => `SELECT ${dialect.median("own_gap")} AS base_gap FROM ${ref("base")} AS base
      WHERE purchases >= ${minPurchases} AND own_gap IS NOT NULL`,
      },
      ...(renewalWindow === null
        ? []
        : [
            {
              name: "contracts",
              // A renewal counts when it falls from `renewalWindowDays` before the contract end up to the as-of day.
              sql: () => `SELECT customer_id, contract_end,
          max(CASE WHEN renewal_day >= contract_end - ${renewalWindow} AND renewal_day <= ${asOf} THEN 1 ELSE 0 END) AS renewed_any
        FROM (SELECT customer_id, max(${day}) AS contract_end FROM activity WHERE type = 'contract_end' GROUP BY customer_id) AS ends
          ${left} (SELECT customer_id, ${day} AS renewal_day FROM activity WHERE type = 'renewal') AS r USING (customer_id)
        GROUP BY customer_id, contract_end`,
            },
          ]),
    ],
    (ref) => {
      // Each further join wraps the previous relation, so every SELECT has one join.
      let from = `(SELECT ${baseCols.join(", ")}, segment_gap FROM ${ref("base")} AS base ${left} ${ref("seg")} AS seg USING (segment)) AS b0`;
      let cols = [...baseCols, "segment_gap"];
      const join = (clause: string, added: readonly string[]) => {
        from = `(SELECT ${cols.join(", ")}, ${added.join(", ")} FROM ${from} ${clause}) AS b${cols.length}`;
        cols = [...cols, ...added];
      };
      join(`CROSS JOIN ${ref("whole")} AS whole`, ["base_gap"]);
      const tail: string[] = [];
      if (options.scores === true) {
        join(`${left} (SELECT customer_id, p_alive, clv FROM customer_scores) AS s USING (customer_id)`, [
          "p_alive",
          "clv",
        ]);
      } else tail.push(`${dialect.nullOf("DOUBLE")} AS p_alive`, `${dialect.nullOf("DOUBLE")} AS clv`);
      if (renewalWindow === null) {
        tail.push(`${dialect.nullOf("INTEGER")} AS contract_end`, "0 AS renewed");
      } else {
        join(`${left} ${ref("contracts")} AS contracts USING (customer_id)`, ["contract_end", "renewed_any"]);
        cols = cols.filter((c) => c !== "renewed_any");
        tail.push("coalesce(renewed_any, 0) AS renewed");
      }
      return `SELECT ${[...cols, ...tail].join(", ")} FROM ${from}`;
    },
  );
  return { sql: text, params: p.values };
}
