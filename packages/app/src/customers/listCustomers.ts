import { AppError, type Engine, type SqlValue, sql } from "@vafa/core";

/** Which customers, and which page of them. */
export interface ListCustomersOptions {
  /** Text found in the id, segment, branch or country, ignoring case; `%`, `_` and `\` are literal. Default none. */
  readonly search?: string;
  /** Only this branch's customers (an agent's); null: none at all (an agent without a branch). Default all. */
  readonly branch?: string | null;
  /** Page size, 1–1000; default 50. */
  readonly limit?: number;
  /** Customers skipped before the page (in id order); default 0. */
  readonly offset?: number;
}

/** One customer of the list with their purchase figures. */
export interface CustomerListRow {
  readonly id: string;
  readonly segment: string | null;
  readonly branch: string | null;
  readonly country: string | null;
  /** The day (`YYYY-MM-DD`, UTC) of the first purchase; null without any. */
  readonly first_purchase: string | null;
  readonly last_purchase: string | null;
  /** Distinct orders (lines without an order id count one each). */
  readonly orders: number;
  /** Sales net of returns, rounded to cents. */
  readonly net_sales: number;
}

/** A page of customers and how many match in all. */
export interface CustomerList {
  readonly rows: readonly CustomerListRow[];
  readonly total: number;
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const cents = (v: number): number => Math.round(v * 100) / 100;

function pageSize(value: number, name: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new AppError("bad_input", `${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * The customer list on any engine: customers in id order with their first and last purchase, orders
 * and net sales, optionally searched and confined to a branch. The page of customers is chosen
 * first, then only its customers' transactions are aggregated.
 *
 * @throws AppError `bad_input` for a limit outside 1–1000 or a negative offset.
 * @example
 * const { rows, total } = await listCustomers(engine, { search: "france", limit: 20 });
 */
export async function listCustomers(
  engine: Engine,
  options: ListCustomersOptions = {},
): Promise<CustomerList> {
  const limit = pageSize(options.limit ?? 50, "limit", 1, 1000);
  const offset = pageSize(options.offset ?? 0, "offset", 0, Number.MAX_SAFE_INTEGER);
  const d = engine.dialect;
  const where: string[] = [];
  const params: SqlValue[] = [];
  const search = options.search?.trim() ?? "";
  if (search !== "") {
    params.push(`%${search.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`);
    const p = d.param(params.length);
    where.push(
      `(${["id", "segment", "branch", "country"].map((c) => d.like(`lower(c.${c})`, p)).join(" OR ")})`,
    );
  }
  if (options.branch === null) where.push("1 = 0");
  else if (options.branch !== undefined) {
    params.push(options.branch);
    where.push(`c.branch = ${d.param(params.length)}`);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
  const [count] = await engine.facts.all(sql(`SELECT count(*) AS n FROM customers c ${filter}`, params));
  // limit and offset are validated integers above.
  const page = await engine.facts.all(
    sql(
      `SELECT c.id AS id, c.segment AS segment, c.branch AS branch, c.country AS country
       FROM customers c ${filter} ORDER BY c.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    ),
  );
  const ids = page.map((r) => String(r.id));
  const figures = new Map<string, Record<string, unknown>>();
  if (ids.length > 0) {
    const rows = await engine.facts.all(
      sql(
        `SELECT customer_id, min(occurred_at) AS first_at, max(occurred_at) AS last_at,
           count(DISTINCT coalesce(order_id, id)) AS orders, sum(amount) AS sales
         FROM transactions WHERE customer_id IN (${ids.map((_, i) => d.param(i + 1)).join(", ")})
         GROUP BY customer_id`,
        ids,
      ),
    );
    for (const r of rows) figures.set(String(r.customer_id), r);
  }
  return {
    rows: page.map((c) => {
      const f = figures.get(String(c.id));
      return {
        id: String(c.id),
        segment: text(c.segment),
        branch: text(c.branch),
        country: text(c.country),
        first_purchase: f === undefined ? null : String(f.first_at).slice(0, 10),
        last_purchase: f === undefined ? null : String(f.last_at).slice(0, 10),
        orders: f === undefined ? 0 : Number(f.orders),
        net_sales: f === undefined ? 0 : cents(Number(f.sales)),
      };
    }),
    total: Number(count?.n ?? 0),
  };
}
