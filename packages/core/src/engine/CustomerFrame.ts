/**
 * One row per customer of `customer_scores`, apart from the customer's id (which the frame holds):
 * the constants of the run and one value per customer in the frame's row order.
 */
export interface CustomerScores {
  /** The purchase model that scored, e.g. `"bgnbd"`. */
  readonly model: string;
  /** When the scores were computed. */
  readonly scoredAt: Date;
  /** The day the scores are as of (`YYYY-MM-DD`). */
  readonly calibrationEnd: string;
  /** Horizon of the expected purchases and the CLV, in days. */
  readonly horizonDays: number;
  readonly p_alive: Float64Array;
  readonly expected_purchases: Float64Array;
  readonly expected_spend: Float64Array;
  readonly clv: Float64Array;
  readonly historical_value: Float64Array;
}

/**
 * A per-customer query materialised by the engine for one use case: its numeric columns as typed
 * arrays in a fixed row order, and a way to store one result per row back under each row's
 * customer id. The ids stay inside the engine (DuckDB keeps them in a temporary table and joins the
 * results back by position), so a million customers cost no string round trip.
 *
 * @example
 * const frame = await engine.customerFrame(sql("SELECT customer_id, x, t_x FROM …"));
 * try {
 *   const x = frame.columns.x;
 *   await frame.replaceScores({ model: "bgnbd", scoredAt: new Date(), calibrationEnd: "2011-12-09", horizonDays: 365, … });
 * } finally {
 *   await frame.release();
 * }
 */
export interface CustomerFrame {
  /** Rows (customers). */
  readonly size: number;
  /** Every column of the query but `customer_id`, as numbers (null → NaN), in the frame's row order. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /**
   * Replaces every row of `customer_scores` with one row per customer of the frame, in one
   * transaction where the store has them (DuckDB); ClickHouse empties the table on every shard and
   * writes the new rows in one streamed insert.
   */
  replaceScores(scores: CustomerScores): Promise<void>;
  /** Frees what the frame holds (a temporary table, the ids). */
  release(): Promise<void>;
}
