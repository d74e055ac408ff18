import {
  type BranchScope,
  branchCustomerFilter,
  type ClassificationRules,
  type CustomerClassification,
  type CustomerProfile,
  classifyCustomers,
  defaultClassificationRules,
  duckdbDialect,
  fromEpochDay,
  RETENTION_CLASSES,
  type ResolvedThresholds,
  type RetentionClass,
  type SqlClient,
} from "@vafa/core";
import { segmentMembers } from "./segmentMembers.ts";
import { dayOption, hasRows, lastTransactionDay, numOrNull } from "./storeFacts.ts";

/** Options of `classifyStore`. */
export interface ClassifyOptions {
  /** Default the built-in rules. */
  readonly rules?: ClassificationRules;
  /** Use data up to this day (YYYY-MM-DD); default the last transaction day. */
  readonly asOf?: string;
  /**
   * Only this branch's customers (an agent's; see `BranchScope`): they alone are classified, so the
   * cut-offs, counts and flags are the branch's. Default every customer.
   */
  readonly branch?: BranchScope;
}

/** Every customer's class, the cut-offs used, counts per class and notes on missing data. */
export interface ClassificationReport {
  readonly asOf: string | null;
  readonly thresholds: ResolvedThresholds;
  readonly counts: Record<RetentionClass, number>;
  readonly flagCounts: Record<string, number>;
  readonly customers: CustomerClassification[];
  readonly notes: string[];
}

/**
 * Classifies every customer of the store (whom to retain): reads value (CLV from customer_scores,
 * else sales to date — profit when all costs are known), purchases, P(alive) or defection status,
 * tags, complaints, returns, discounts and payment status, then applies `classifyCustomers`.
 *
 * @example
 * const r = await classifyStore(store.client, { asOf: "2011-12-09" });
 * r.customers[0]?.explanation; // "retain_and_grow: historical value 279,489 (top 1%), …"
 */
export async function classifyStore(
  client: SqlClient,
  options: ClassifyOptions = {},
): Promise<ClassificationReport> {
  const rules = options.rules ?? defaultClassificationRules;
  const notes: string[] = [];
  const asOfDay =
    options.asOf === undefined ? await lastTransactionDay(client) : dayOption(options.asOf, "--as-of");
  const counts = Object.fromEntries(RETENTION_CLASSES.map((c) => [c, 0])) as Record<RetentionClass, number>;
  if (asOfDay === null) {
    return {
      asOf: null,
      thresholds: { highValue: 0, highVolume: 0 },
      counts,
      flagCounts: {},
      customers: [],
      notes: ["no transactions"],
    };
  }
  const scores = await hasRows(client, "customer_scores");
  const status = await hasRows(client, "customer_status");
  const complaints = await hasRows(client, "complaints");
  if (!scores)
    notes.push("no customer scores: value is historical sales (run `vafa clv score` for CLV and P(alive))");
  if (!scores && !status)
    notes.push(`no P(alive) or defection status: at risk = silent more than ${rules.silentDays} days`);
  notes.push("no cost-to-serve data in the schema: costly to serve is judged on complaints and returns");
  const day = duckdbDialect.epochDay("occurred_at", null);
  const params: (string | number)[] = [asOfDay];
  const badList = rules.badPaymentStatuses.map((s) => {
    params.push(s);
    return `$${params.length}`;
  });
  const bad = badList.length === 0 ? "FALSE" : `lower(payment_status) IN (${badList.join(", ")})`;
  const branch = options.branch;
  if (typeof branch === "string") params.push(branch);
  const inScope = (column: string) =>
    branch === undefined
      ? ""
      : ` AND ${branchCustomerFilter(duckdbDialect, column, branch === null ? null : `$${params.length}`)}`;
  const rows = await client.all({
    sql: `WITH tx AS (
        SELECT customer_id,
          sum(amount) AS sales,
          CASE WHEN count(*) = count(cost) THEN sum(amount - cost) END AS profit,
          count(DISTINCT CASE WHEN amount > 0 THEN coalesce(order_id, id) END) AS purchases,
          count(DISTINCT CASE WHEN amount > 0 AND discount > 0 THEN coalesce(order_id, id) END) AS discounted,
          count(discount) AS with_discount,
          sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS returned,
          sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross,
          count(payment_status) AS payments,
          count(CASE WHEN ${bad} THEN 1 END) AS bad_payments,
          max(CASE WHEN amount > 0 THEN ${day} END) AS last_day
        FROM transactions WHERE customer_id IS NOT NULL AND ${day} <= $1${inScope("customer_id")} GROUP BY customer_id),
      ids AS (${
        branch === undefined
          ? "SELECT id AS customer_id FROM customers UNION SELECT customer_id FROM tx"
          : `SELECT customer_id FROM tx UNION SELECT id AS customer_id FROM customers WHERE TRUE${inScope("id")}`
      })
      SELECT ids.customer_id, c.tags, tx.sales, tx.profit, tx.purchases, tx.discounted, tx.with_discount,
        tx.returned, tx.gross, tx.payments, tx.bad_payments, $1 - tx.last_day AS days_since_last,
        ${scores ? "sc.clv, sc.p_alive" : "NULL AS clv, NULL AS p_alive"},
        ${status ? "st.status" : "NULL AS status"},
        ${complaints ? "coalesce(cp.n, 0)" : "0"} AS complaints
      FROM ids
      LEFT JOIN customers AS c ON c.id = ids.customer_id
      LEFT JOIN tx ON tx.customer_id = ids.customer_id
      ${scores ? "LEFT JOIN (SELECT customer_id, max(clv) AS clv, max(p_alive) AS p_alive FROM customer_scores GROUP BY customer_id) AS sc ON sc.customer_id = ids.customer_id" : ""}
      ${status ? "LEFT JOIN customer_status AS st ON st.customer_id = ids.customer_id" : ""}
      ${complaints ? `LEFT JOIN (SELECT customer_id, count(*) AS n FROM complaints WHERE ${day} <= $1 GROUP BY customer_id) AS cp ON cp.customer_id = ids.customer_id` : ""}
      ORDER BY ids.customer_id`,
    params,
  });
  const strategic = new Set<string>(
    rules.strategicRule === null
      ? []
      : await segmentMembers(client, rules.strategicRule, fromEpochDay(asOfDay)),
  );
  const profiles = rows.map((r): CustomerProfile => {
    const purchases = Number(r.purchases ?? 0);
    const gross = Number(r.gross ?? 0);
    const payments = Number(r.payments ?? 0);
    const profit = numOrNull(r.profit);
    return {
      customerId: String(r.customer_id),
      clv: numOrNull(r.clv),
      historicalValue: profit ?? Number(r.sales ?? 0),
      purchases,
      pAlive: numOrNull(r.p_alive),
      status: r.status === null || r.status === undefined ? null : String(r.status),
      daysSinceLast: numOrNull(r.days_since_last),
      tags: r.tags === null || r.tags === undefined ? null : String(r.tags),
      strategicByRule: strategic.has(String(r.customer_id)),
      complaints: Number(r.complaints ?? 0),
      returnsShare: gross > 0 ? Number(r.returned ?? 0) / gross : null,
      costToServeShare: null,
      discountedShare:
        Number(r.with_discount ?? 0) > 0 && purchases > 0 ? Number(r.discounted) / purchases : null,
      payments,
      badPaymentShare: payments > 0 ? Number(r.bad_payments ?? 0) / payments : null,
    };
  });
  const { classifications, thresholds } = classifyCustomers(profiles, rules);
  const flagCounts: Record<string, number> = {};
  for (const c of classifications) {
    counts[c.class] += 1;
    for (const f of c.flags) flagCounts[f.flag] = (flagCounts[f.flag] ?? 0) + 1;
  }
  return { asOf: fromEpochDay(asOfDay), thresholds, counts, flagCounts, customers: classifications, notes };
}
