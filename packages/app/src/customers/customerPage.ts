import { AppError, dayText, type Engine, type Feature, type Row, type SqlQuery, sql } from "@vafa/core";
import { requireCustomerInBranch } from "./requireCustomerInBranch.ts";

/** Everything the customer page shows about one customer. */
export interface CustomerPage {
  readonly customer: Row;
  /** The latest transactions, newest first: 200, or the page asked for. */
  readonly transactions: readonly Row[];
  /** How many transactions the customer has. */
  readonly transactions_total: number;
  /** Net sales per calendar month (UTC), oldest first. */
  readonly monthly: readonly { readonly period: string; readonly sales: number }[];
  readonly scores: Row | null;
  readonly status: Row | null;
  readonly alerts: readonly Row[];
  readonly contacts: readonly Row[];
  readonly complaints: readonly Row[];
  readonly surveys: readonly Row[];
  readonly campaigns: readonly Row[];
}

/** Whom the page is for: agents see only their branch's customers. */
export interface CustomerPageOptions {
  /** The caller's branch when confined to one (null: no branch, so no customer); default all. */
  readonly branch?: string | null;
  /** A page of the transactions, newest first: how many (default 200) after how many. */
  readonly transactionsLimit?: number;
  readonly transactionsOffset?: number;
}

const CUSTOMER_COLUMNS =
  "id, created_at, segment, region, country, branch, owner, channel, acquisition_cost, category_budget, tags";
const TRANSACTION_COLUMNS = `id, customer_id, occurred_at, amount, cost, quantity, unit_price, product, description,
  category, channel, branch, employee, country, discount, payment_status, order_id`;

const SCORE_COLUMNS = `customer_id, model, scored_at, calibration_end, horizon_days, p_alive, expected_purchases,
  expected_spend, clv, historical_value`;
const STATUS_COLUMNS = "customer_id, status, since, rule, reason, as_of, updated_at";

const cents = (v: number): number => Math.round(v * 100) / 100;

/** The row with its DATE columns as `YYYY-MM-DD`, as every engine's driver gives them differently. */
function withDays(row: Row | undefined, columns: readonly string[]): Row | null {
  if (row === undefined) return null;
  const out: Row = { ...row };
  for (const c of columns) if (out[c] !== null && out[c] !== undefined) out[c] = dayText(out[c]);
  return out;
}

/** `YYYY-MM` of an epoch day. */
function monthOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 7);
}

/**
 * One customer's page on any engine: profile, latest transactions, monthly sales from the facts;
 * scores, status, alerts, contacts, complaints, surveys and campaigns from the store that holds
 * each, read only where the engine runs the feature that writes them (elsewhere there are none),
 * so nothing is ever read from a store other than the engine's.
 *
 * @throws AppError `not_found` for an unknown id, `forbidden` for a customer outside the caller's branch.
 * @example
 * const page = await customerPage(engine, "17850");
 * page.monthly; // [{ period: "2010-12", sales: 5391.21 }, …]
 */
export async function customerPage(
  engine: Engine,
  id: string,
  options: CustomerPageOptions = {},
): Promise<CustomerPage> {
  const d = engine.dialect;
  const p1 = d.param(1);
  const [customer] = await engine.facts.all(
    sql(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = ${p1}`, [id]),
  );
  if (customer === undefined) throw new AppError("not_found", `no customer ${id}`);
  await requireCustomerInBranch(engine, id, options.branch);
  const when = (feature: Feature, read: () => Promise<Row[]>): Promise<Row[]> =>
    engine.features.has(feature) ? read() : Promise.resolve([]);
  const facts = (text: string) => () => engine.facts.all(sql(text, [id]));
  // The operational store speaks DuckDB's SQL (`$n` parameters) on every engine.
  const state = (text: string) => () => engine.state.all(sql(text, [id]));
  const q = (text: string): SqlQuery => sql(text, [id]);
  const limit = Math.max(0, Math.trunc(options.transactionsLimit ?? 200));
  const offset = Math.max(0, Math.trunc(options.transactionsOffset ?? 0));
  const [transactions, days, scores, status, alerts, contacts, complaints, surveys, campaigns, counted] =
    await Promise.all([
      engine.facts.all(
        q(
          `SELECT ${TRANSACTION_COLUMNS} FROM transactions WHERE customer_id = ${p1}
           ORDER BY occurred_at DESC, id LIMIT ${limit} OFFSET ${offset}`,
        ),
      ),
      engine.facts.all(
        q(
          `SELECT ${d.epochDay("occurred_at", null)} AS day, sum(amount) AS sales
           FROM transactions WHERE customer_id = ${p1} GROUP BY day`,
        ),
      ),
      when("clv-score", facts(`SELECT ${SCORE_COLUMNS} FROM customer_scores WHERE customer_id = ${p1}`)),
      // A store that appends a newer status instead of updating (ClickHouse) may hold several: the latest wins.
      when(
        "defection-run",
        facts(
          `SELECT ${STATUS_COLUMNS} FROM customer_status WHERE customer_id = ${p1} ORDER BY version DESC LIMIT 1`,
        ),
      ),
      when("worklist", state("SELECT * FROM alerts WHERE customer_id = $1 ORDER BY created_at DESC")),
      when("worklist", state("SELECT * FROM contacts WHERE customer_id = $1 ORDER BY occurred_at DESC")),
      when(
        "complaints",
        facts(`SELECT * FROM complaints WHERE customer_id = ${p1} ORDER BY occurred_at DESC`),
      ),
      when(
        "surveys",
        facts(`SELECT * FROM survey_responses WHERE customer_id = ${p1} ORDER BY occurred_at DESC`),
      ),
      when(
        "programme",
        state(
          `SELECT m.*, c.name, c.strategy FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
           WHERE m.customer_id = $1 ORDER BY m.assigned_at DESC`,
        ),
      ),
      engine.facts.all(q(`SELECT count(*) AS n FROM transactions WHERE customer_id = ${p1}`)),
    ]);
  // Days summed in the engine, months here: the same on every engine, whatever its date functions.
  const months = new Map<string, number>();
  for (const r of days) {
    const month = monthOf(Number(r.day));
    months.set(month, (months.get(month) ?? 0) + Number(r.sales));
  }
  return {
    customer,
    transactions,
    transactions_total: Number(counted[0]?.n ?? 0),
    monthly: [...months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, sales]) => ({ period, sales: cents(sales) })),
    scores: withDays(scores[0], ["calibration_end"]),
    status: withDays(status[0], ["since", "as_of"]),
    alerts,
    contacts,
    complaints,
    surveys,
    campaigns,
  };
}
