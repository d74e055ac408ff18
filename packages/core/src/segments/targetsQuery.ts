import type { ProfitabilityDimension } from "../analyses/ProfitabilityDimension.ts";
import { numberOrNull, numberOrZero, ratio, textOrNull } from "../analyses/rowValues.ts";
import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { Row } from "../SqlClient.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { BranchScope } from "../scope/BranchScope.ts";
import { type RfmFrame, rfmScoredSql } from "./rfmQuery.ts";
import { SegmentError } from "./SegmentError.ts";
import type { SegmentRule } from "./SegmentRule.ts";
import { type SegmentContext, segmentMembersSql } from "./segmentMembersQuery.ts";

/** How customers are grouped for target-customer analysis. */
export type TargetGroups =
  | { readonly kind: "dimension"; readonly dimension: ProfitabilityDimension }
  | { readonly kind: "rfm"; readonly frame: RfmFrame }
  | {
      readonly kind: "segments";
      readonly segments: readonly { readonly name: string; readonly rule: SegmentRule }[];
      readonly context: SegmentContext;
    };

/** Options of `targetsQuery`. */
export interface TargetOptions {
  /** Whether `customer_scores` exists (for CLV); default false. */
  readonly hasScores?: boolean;
  /** Epoch day ending the growth periods (the last transaction day, normally). */
  readonly asOfDay: number;
  /** Length of the growth period in days; default 90. */
  readonly periodDays?: number;
  /** Only this branch's customers (see `BranchScope`); default every customer. */
  readonly branch?: BranchScope;
}

/** One group's profile. */
export interface TargetRow {
  readonly group: string | null;
  readonly customers: number;
  /** customers / all customers (saved segments may overlap, so shares need not sum to 1). */
  readonly share: number | null;
  readonly sales: number;
  readonly sales_share: number | null;
  /** Net sales − cost, or null when some line of the group has no cost. */
  readonly profit: number | null;
  readonly sales_per_customer: number | null;
  /** Sum of predicted lifetime value over scored members (null without customer_scores). */
  readonly clv: number | null;
  readonly clv_per_customer: number | null;
  /** Customers whose first purchase fell in the last period, and in the one before. */
  readonly new_last_period: number;
  readonly new_previous_period: number;
  /** new_last_period / new_previous_period − 1, null when the previous period had none. */
  readonly growth: number | null;
}

/** Target-customer analysis: groups by descending profit (or sales when profit is unknown). */
export interface Targets {
  readonly by: string;
  readonly periodDays: number;
  readonly total: TargetRow;
  readonly rows: readonly TargetRow[];
}

function groupsSql(dialect: Dialect, p: SqlParams, groups: TargetGroups, ids: string): string {
  switch (groups.kind) {
    case "dimension": {
      if (groups.dimension.scope !== "customer") {
        throw new SegmentError(
          `targets group customers by a customer attribute, not ${groups.dimension.name}`,
        );
      }
      return `SELECT c.${dialect.quoteIdent(groups.dimension.column)} AS grp, ids.customer_id
        FROM (${ids}) AS ids LEFT JOIN customers AS c ON c.id = ids.customer_id`;
    }
    case "rfm":
      return `SELECT rfm_segment AS grp, customer_id FROM (${rfmScoredSql(dialect, p, groups.frame)}) AS rfm`;
    case "segments": {
      if (groups.segments.length === 0)
        throw new SegmentError("no saved segments: define one with `vafa segments define`");
      return groups.segments
        .map(
          (s) =>
            `SELECT ${p.add(s.name)} AS grp, customer_id FROM (${segmentMembersSql(dialect, p, s.rule, groups.context)}) AS m`,
        )
        .join("\nUNION ALL ");
    }
  }
}

/**
 * Target-customer analysis in SQL: per group its customers, net sales, profit (when cost is known),
 * CLV (from `customer_scores`) and new customers in the last period and the one before; plus a
 * `total` row over all customers. Rows: `{ kind: "group" | "total", grp, customers, sales, profit,
 * unknown_cost_lines, clv, scored, new_last, new_previous }`.
 *
 * @example
 * const q = targetsQuery(duckdbDialect, { kind: "dimension", dimension: parseProfitabilityDimension("country") }, { asOfDay });
 * const targets = toTargets(await client.all(q), "country", 90);
 */
export function targetsQuery(dialect: Dialect, groups: TargetGroups, options: TargetOptions): SqlQuery {
  const p = new SqlParams(dialect);
  const periodDays = options.periodDays ?? 90;
  if (!Number.isInteger(periodDays) || periodDays < 1) {
    throw new SegmentError(`the growth period must be a whole number of days ≥ 1, got ${periodDays}`);
  }
  // A branch is a customer's: scoped, the customers are the branch's rows of `customers`.
  const branch = options.branch;
  const ids =
    branch === undefined
      ? `SELECT id AS customer_id FROM customers UNION SELECT customer_id FROM transactions WHERE customer_id IS NOT NULL`
      : `SELECT id AS customer_id FROM customers WHERE ${branch === null ? "1 = 0" : `branch = ${p.add(branch)}`}`;
  const grouped = groupsSql(dialect, p, groups, ids);
  const asOf = p.add(options.asOfDay);
  const period = p.add(periodDays);
  const day = dialect.epochDay("occurred_at", null);
  const metrics = `SELECT customer_id, sum(amount) AS sales, sum(amount - cost) AS profit,
      count(*) - count(cost) AS unknown_cost_lines, min(CASE WHEN amount > 0 THEN ${day} END) AS first_day
    FROM transactions WHERE customer_id IS NOT NULL GROUP BY customer_id`;
  const scores = options.hasScores
    ? "LEFT JOIN (SELECT customer_id, max(clv) AS clv FROM customer_scores GROUP BY customer_id) AS sc ON sc.customer_id = g.customer_id"
    : "";
  const clv = options.hasScores ? "sc.clv" : "CAST(NULL AS DOUBLE)";
  const sums = `count(*) AS customers, coalesce(sum(m.sales), 0) AS sales, sum(m.profit) AS profit,
    coalesce(sum(m.unknown_cost_lines), 0) AS unknown_cost_lines, sum(${clv}) AS clv, count(${clv}) AS scored,
    sum(CASE WHEN m.first_day > ${asOf} - ${period} AND m.first_day <= ${asOf} THEN 1 ELSE 0 END) AS new_last,
    sum(CASE WHEN m.first_day > ${asOf} - 2 * ${period} AND m.first_day <= ${asOf} - ${period} THEN 1 ELSE 0 END) AS new_previous`;
  const from = (rel: string) =>
    `FROM (${rel}) AS g LEFT JOIN (${metrics}) AS m ON m.customer_id = g.customer_id ${scores}`;
  return {
    sql: `SELECT 'group' AS kind, g.grp, ${sums} ${from(grouped)} GROUP BY g.grp
      UNION ALL
      SELECT 'total' AS kind, CAST(NULL AS VARCHAR) AS grp, ${sums} ${from(`SELECT CAST(NULL AS VARCHAR) AS grp, customer_id FROM (${ids}) AS i`)}`,
    params: p.values,
  };
}

/**
 * Shapes `targetsQuery` rows: shares of the total, profit only where every line has a cost, growth.
 *
 * @example
 * toTargets(rows, "rfm", 90).rows[0]; // { group: "champions", customers: 812, share: 0.19, … }
 */
export function toTargets(rows: readonly Row[], by: string, periodDays: number): Targets {
  const shape = (r: Row, total: Row | undefined): TargetRow => {
    const customers = numberOrZero(r, "customers");
    const sales = numberOrZero(r, "sales");
    const clv = numberOrNull(r, "clv");
    const newLast = numberOrZero(r, "new_last");
    const newPrevious = numberOrZero(r, "new_previous");
    const growth = ratio(newLast, newPrevious);
    return {
      group: textOrNull(r, "grp"),
      customers,
      share: total ? ratio(customers, numberOrZero(total, "customers")) : 1,
      sales,
      sales_share: total ? ratio(sales, numberOrZero(total, "sales")) : 1,
      profit: numberOrZero(r, "unknown_cost_lines") > 0 ? null : numberOrNull(r, "profit"),
      sales_per_customer: ratio(sales, customers),
      clv,
      clv_per_customer: ratio(clv, numberOrZero(r, "scored")),
      new_last_period: newLast,
      new_previous_period: newPrevious,
      growth: growth === null ? null : growth - 1,
    };
  };
  const totalRow = rows.find((r) => r.kind === "total");
  const total = totalRow ? shape(totalRow, undefined) : shape({}, undefined);
  const groups = rows
    .filter((r) => r.kind === "group")
    .map((r) => shape(r, totalRow))
    .sort(
      (a, b) =>
        (b.profit ?? b.sales) - (a.profit ?? a.sales) || String(a.group).localeCompare(String(b.group)),
    );
  return { by, periodDays, total, rows: groups };
}
