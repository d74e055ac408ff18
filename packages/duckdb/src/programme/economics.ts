import {
  type BranchScope,
  branchCustomerFilter,
  duckdbDialect,
  type EconomicsInput,
  fromEpochDay,
  ProgrammeError,
  parseDimension,
  type RetentionEconomics,
  retentionEconomics,
  type SqlClient,
  sql,
} from "@vafa/core";
import { hasRows, lastTransactionDay, numOrNull } from "./storeFacts.ts";

/** Options of `programmeEconomics`. */
export interface EconomicsOptions {
  /** Years the lifetime value counts; default 10. */
  readonly horizonYears?: number;
  /** Yearly discount rate; default 0. */
  readonly discountRate?: number;
  /** Retention cost ÷ acquisition cost; default 0.1 (seed 002). */
  readonly retentionCostRatio?: number;
  /** Acquisition cost per customer; default the mean of customers.acquisition_cost. */
  readonly acquisitionCost?: number | null;
  /** Profit share of sales where cost is missing; default none (sales then stand for value, noted). */
  readonly margin?: number | null;
  /** A customer dimension to give lifetime value per value of (branch, segment, country, …). */
  readonly by?: string | null;
  /** Annual retention to use instead of the measured one. */
  readonly annualRetention?: number | null;
  /** Only this branch's customers (an agent's; see `BranchScope`); the store's days stay the calendar. Default every customer. */
  readonly branch?: BranchScope;
}

/** The economics and how its inputs were measured. */
export interface EconomicsReport extends RetentionEconomics {
  readonly asOf: string;
  readonly input: EconomicsInput;
  readonly notes: string[];
}

/**
 * Measures the inputs of `retentionEconomics` in the store as of the last transaction day: active
 * base (customers buying in the last 365 days), mean yearly value per active customer (profit;
 * sales × margin where cost is missing; sales when neither), annual retention (share of customers of
 * the year before still buying in the last year; with less than two years of data, the last 90 days
 * against the 90 before, raised to the power 365/90, noted), mean CLV when scored, mean acquisition
 * cost when present, and per group of `by`.
 *
 * @throws ProgrammeError for an empty store or a non-customer dimension.
 * @example
 * (await programmeEconomics(store.client, { by: "country", margin: 0.3 })).sentences;
 */
export async function programmeEconomics(
  client: SqlClient,
  options: EconomicsOptions = {},
): Promise<EconomicsReport> {
  const last = await lastTransactionDay(client);
  if (last === null) throw new ProgrammeError("no transactions: load some first");
  const notes: string[] = [];
  const dim = options.by ? parseDimension(options.by) : null;
  if (dim !== null && dim.source !== "customer")
    throw new ProgrammeError(`--by must be a customer dimension, got "${options.by}"`);
  const group =
    dim === null
      ? "'(all)'"
      : `coalesce(CAST(c.${duckdbDialect.quoteIdent(dim.column)} AS VARCHAR), '(none)')`;
  const [span] = await client.all(
    sql(`SELECT min(${duckdbDialect.epochDay("occurred_at", null)}) AS d FROM transactions`),
  );
  const firstDay = Number(span?.d ?? last);
  const twoYears = last - firstDay >= 729;
  const w = twoYears ? 365 : 90;
  if (!twoYears)
    notes.push(
      "less than two years of data: annual retention is the 90-day retention raised to the power 365/90",
    );
  const margin = options.margin ?? null;
  const marginSql = margin === null ? "NULL" : "CAST($3 AS DOUBLE)";
  const day = duckdbDialect.epochDay("occurred_at", null);
  // A branch scope: only its customers' transactions, scores and acquisition costs (bound last).
  const branch = options.branch;
  const mainParams: (string | number)[] = margin === null ? [last, w] : [last, w, margin];
  if (typeof branch === "string") mainParams.push(branch);
  const inScope = (column: string, at: number) =>
    branch === undefined
      ? ""
      : ` AND ${branchCustomerFilter(duckdbDialect, column, branch === null ? null : `$${at}`)}`;
  const rows = await client.all(
    sql(
      `WITH cu AS (
         SELECT customer_id,
           max(CASE WHEN d > $1 - 365 AND amount > 0 THEN 1 ELSE 0 END) AS active_year,
           sum(CASE WHEN d > $1 - 365 THEN amount ELSE 0 END) AS sales_year,
           sum(CASE WHEN d > $1 - 365 THEN CASE WHEN cost IS NOT NULL THEN amount - cost ELSE amount * ${marginSql} END ELSE 0 END) AS profit_year,
           count(CASE WHEN d > $1 - 365 AND cost IS NULL THEN 1 END) AS no_cost,
           max(CASE WHEN d > $1 - $2 AND amount > 0 THEN 1 ELSE 0 END) AS active_now,
           max(CASE WHEN d > $1 - 2 * $2 AND d <= $1 - $2 AND amount > 0 THEN 1 ELSE 0 END) AS active_before
         FROM (SELECT customer_id, amount, cost, ${day} AS d FROM transactions WHERE customer_id IS NOT NULL${inScope("customer_id", mainParams.length)}) AS t
         GROUP BY customer_id)
       SELECT ${group} AS grp,
         sum(active_year) AS active_base,
         sum(CASE WHEN active_year = 1 THEN sales_year ELSE 0 END) AS sales,
         sum(CASE WHEN active_year = 1 THEN profit_year ELSE 0 END) AS profit,
         sum(CASE WHEN active_year = 1 THEN no_cost ELSE 0 END) AS no_cost,
         sum(active_before) AS before, sum(active_before * active_now) AS kept
       FROM cu LEFT JOIN customers AS c ON c.id = cu.customer_id
       GROUP BY 1 ORDER BY 1`,
      mainParams,
    ),
  );
  const sum = (k: string) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const noCost = sum("no_cost") > 0;
  const basis = !noCost
    ? "profit"
    : margin !== null
      ? "profit (sales × margin where cost is missing)"
      : "sales";
  if (basis === "sales") notes.push("no cost data and no margin: value is sales, not profit (give --margin)");
  const groupValue = (r: Record<string, unknown>) =>
    basis === "sales" ? Number(r.sales ?? 0) : Number(r.profit ?? 0);
  const annualise = (kept: number, before: number) => (before === 0 ? null : (kept / before) ** (365 / w));
  const activeBase = sum("active_base");
  if (activeBase === 0) throw new ProgrammeError("no customer bought in the last year");
  const measured = annualise(sum("kept"), sum("before"));
  const annualRetention = options.annualRetention ?? measured ?? 0;
  let meanClv: number | null = null;
  if (await hasRows(client, "customer_scores")) {
    const [r] = await client.all(
      sql(
        `SELECT avg(clv) AS m FROM customer_scores WHERE customer_id IN (SELECT customer_id FROM transactions WHERE amount > 0 AND ${day} > $1 - 365)${inScope("customer_id", 2)}`,
        typeof branch === "string" ? [last, branch] : [last],
      ),
    );
    meanClv = numOrNull(r?.m);
  }
  const [acq] = await client.all(
    sql(
      `SELECT avg(acquisition_cost) AS a FROM customers WHERE acquisition_cost IS NOT NULL${inScope("id", 1)}`,
      typeof branch === "string" ? [branch] : [],
    ),
  );
  const acquisitionCost = options.acquisitionCost ?? numOrNull(acq?.a);
  const input: EconomicsInput = {
    activeBase,
    meanClv,
    meanAnnualValue: rows.reduce((s, r) => s + groupValue(r), 0) / activeBase,
    annualValueBasis: basis === "sales" ? "sales" : "profit",
    annualRetention,
    horizonYears: options.horizonYears ?? 10,
    discountRate: options.discountRate ?? 0,
    acquisitionCost,
    retentionCostRatio: options.retentionCostRatio ?? 0.1,
    groupBy: dim === null ? null : dim.column,
    groups:
      dim === null
        ? []
        : rows
            .filter((r) => Number(r.active_base) > 0)
            .map((r) => ({
              name: String(r.grp),
              customers: Number(r.active_base),
              meanAnnualValue: groupValue(r) / Number(r.active_base),
              // A group needs 30 customers of the earlier window before its own retention is used.
              annualRetention: Number(r.before) >= 30 ? annualise(Number(r.kept), Number(r.before)) : null,
            })),
  };
  return { ...retentionEconomics(input), asOf: fromEpochDay(last), input, notes };
}
