import { AppError, type Engine, type Row, type SqlValue } from "@vafa/core";

/** The columns a score listing may be ordered by, highest first. */
export const scoreOrders = [
  "clv",
  "p_alive",
  "expected_purchases",
  "expected_spend",
  "historical_value",
] as const;

/** Options of {@link listScores}. */
export interface ListScoresOptions {
  /** Rows to return; default 50. */
  readonly limit?: number;
  /** Rows to skip; default 0. */
  readonly offset?: number;
  /** Column to order by, highest first (ties by customer id); default `"clv"`. */
  readonly order?: (typeof scoreOrders)[number];
  /** Only customers of this branch (an agent's scope; null: an agent without a branch sees none); default every customer. */
  readonly branch?: string | null;
}

/** A page of stored scores and how many there are in all. */
export interface ScoreList {
  readonly rows: Row[];
  readonly total: number;
}

/**
 * The stored customer scores (the latest `scoreStore`), highest first, a page at a time, on any
 * engine. Dates come back as `YYYY-MM-DD` and the scoring time as ISO text on every engine.
 *
 * @example
 * await listScores(engine, { order: "p_alive", limit: 20, branch: "Leeds" }); // { rows: [...], total: 812 }
 */
export async function listScores(engine: Engine, options: ListScoresOptions = {}): Promise<ScoreList> {
  const order = options.order ?? "clv";
  if (!scoreOrders.includes(order)) throw new AppError("bad_input", `cannot order scores by ${order}`);
  const params: SqlValue[] = [];
  const bind = (v: SqlValue) => {
    params.push(v);
    return engine.dialect.param(params.length);
  };
  const filter =
    options.branch === undefined
      ? ""
      : options.branch === null
        ? "WHERE 1 = 0"
        : `WHERE customer_id IN (SELECT id FROM customers WHERE branch = ${bind(options.branch)})`;
  const [count] = await engine.facts.all({
    sql: `SELECT count(*) AS n FROM customer_scores ${filter}`,
    params: [...params],
  });
  const rows = await engine.facts.all({
    sql: `SELECT customer_id, model, scored_at, calibration_end, horizon_days, p_alive, expected_purchases,
        expected_spend, clv, historical_value
      FROM customer_scores ${filter}
      ORDER BY ${order} DESC, customer_id LIMIT ${bind(options.limit ?? 50)} OFFSET ${bind(options.offset ?? 0)}`,
    params,
  });
  return {
    rows: rows.map((r) => ({
      ...r,
      scored_at: r.scored_at === null ? null : new Date(String(r.scored_at)).toISOString(),
      calibration_end: r.calibration_end === null ? null : String(r.calibration_end).slice(0, 10),
    })),
    total: Number(count?.n ?? 0),
  };
}
