import {
  AppError,
  type CustomerFrame,
  customerSummaryQuery,
  type Dialect,
  type Engine,
  type SqlQuery,
  type SummaryOptions,
  toEpochDay,
} from "@vafa/core";
import type { GammaGammaData, RfmData } from "@vafa/models";
import { groupPatterns } from "./groupPatterns.ts";

/** How the scores' summary is built: as of a day, in a unit, by days or exact instants. */
export type ScoreFrameOptions = Pick<SummaryOptions, "calibrationEnd" | "unit" | "exactTime">;

/** The per-customer summary of a scoring run, held by the engine, with both fits' compressed inputs. */
export interface ScoreFrame {
  /** One row per customer: x, t_x, T, m (the mean repeat spend, 0 when none), historical_value. */
  readonly frame: CustomerFrame;
  /** Distinct (x, t_x, T) patterns with their customer counts, sorted by (x, T, t_x), for the purchase models. */
  readonly patterns: RfmData & { x: Float64Array; tx: Float64Array; T: Float64Array; count: Float64Array };
  /** Each customer's index in `patterns`. */
  readonly patternOf: Int32Array;
  /** Distinct (x, monetary rounded to 6 decimals) of customers with x > 0 and positive spend, for Gamma-Gamma. */
  readonly spend: GammaGammaData & { x: Float64Array; m: Float64Array; count: Float64Array };
  /** The day the summary is as of: the calibration end, or the last day with data. */
  readonly asOf: string;
  /** Frees the frame. */
  release(): Promise<void>;
}

/**
 * The per-customer rows of a scoring run in one query on any engine: the model summary (x, t_x, T,
 * and the mean repeat spend as `m`, 0 when none) and the net sales to date (`historical_value`: every line up to the end of the
 * calibration end day, returns included). In
 * whole days the sales to date are the summary's sales of the purchase days plus the days of
 * returns only; with exact times every day is summed. Unsorted: the patterns are grouped from the
 * columns (see groupPatterns), cheaper than sorting a million rows with their ids.
 *
 * @example
 * scoreFrameQuery(duckdbDialect, { unit: "week" }).sql; // "SELECT customer_id, x, t_x, \"T\", … FROM (…) AS s LEFT JOIN (…) AS h …"
 */
export function scoreFrameQuery(dialect: Dialect, options: ScoreFrameOptions): SqlQuery {
  const summary = customerSummaryQuery(dialect, options);
  const params = [...summary.params];
  const wholeDays = options.exactTime !== true;
  const day = dialect.epochDay("occurred_at", null);
  // The store's purchase-day table where it keeps one; else the days grouped from the transactions.
  const days =
    dialect.customerDays ??
    `(SELECT customer_id, ${day} AS day, sum(amount) AS spend, max(amount) AS top FROM transactions
      WHERE customer_id IS NOT NULL GROUP BY customer_id, ${day})`;
  const conditions = [wholeDays ? "top < 0" : "1 = 1"];
  if (options.calibrationEnd !== undefined) {
    params.push(toEpochDay(options.calibrationEnd));
    conditions.push(`day <= ${dialect.param(params.length)}`);
  }
  const sales = wholeDays ? "calibration_sales + coalesce(h_sales, 0)" : "coalesce(h_sales, 0)";
  // One join per SELECT and no alias equal to a column read inside it, so ClickHouse 18.16 reads it.
  return {
    sql: `SELECT customer_id, x, t_x, "T", coalesce(monetary, 0) AS m, ${sales} AS historical_value
      FROM (${summary.sql}) AS s ${dialect.smallTableJoin("LEFT")} (
        SELECT customer_id, sum(spend) AS h_sales FROM ${days} AS d WHERE ${conditions.join(" AND ")}
        GROUP BY customer_id) AS h USING (customer_id)`,
    params,
  };
}

function column(frame: CustomerFrame, name: string): Float64Array {
  const c = frame.columns[name];
  if (c === undefined) throw new AppError("internal", `the score frame lacks column '${name}'`);
  return c;
}

/**
 * An amount of money to 6 decimals, as the compressed spend query rounds it (DuckDB's round(m, 6):
 * half away from zero). Engines add a customer's lines up in different orders, so their sums differ
 * in the last bits; rounded, they are the same digits everywhere.
 *
 * @example
 * round6(22.349999999999998); // 22.35
 */
export const round6 = (m: number): number => Math.sign(m) * (Math.round(Math.abs(m) * 1e6) / 1e6);

/** The Gamma-Gamma input: distinct (x, rounded monetary) of customers with x > 0 and positive spend, with counts, sorted. */
function compressSpend(x: Float64Array, monetary: Float64Array): ScoreFrame["spend"] {
  // Each spend in millionths (what round6 keeps) beside its x in one exact number, where the ranges
  // allow: one native sort, then runs; otherwise grouped per x.
  const micros = new Float64Array(x.length);
  let kept = 0;
  let maxX = 0;
  let maxMicros = 0;
  for (let i = 0; i < x.length; i++) {
    const xv = x[i] as number;
    const m = monetary[i] as number;
    if (!(xv > 0 && m > 0)) continue;
    const q = Math.round(m * 1e6);
    micros[kept++] = q;
    if (xv > maxX) maxX = xv;
    if (q > maxMicros) maxMicros = q;
  }
  const radix = maxMicros + 1;
  const outX: number[] = [];
  const outM: number[] = [];
  const outN: number[] = [];
  if ((maxX + 1) * radix < 2 ** 53 && Number.isInteger(maxX)) {
    const keys = new Float64Array(kept);
    let j = 0;
    for (let i = 0; i < x.length; i++) {
      const xv = x[i] as number;
      const m = monetary[i] as number;
      if (xv > 0 && m > 0) keys[j++] = xv * radix + Math.round(m * 1e6);
    }
    keys.sort();
    for (let r = 0; r < kept; ) {
      let e = r;
      while (e < kept && keys[e] === keys[r]) e++;
      const q = (keys[r] as number) % radix;
      outX.push(((keys[r] as number) - q) / radix);
      outM.push(q / 1e6);
      outN.push(e - r);
      r = e;
    }
  } else {
    const byX = new Map<number, number[]>();
    for (let i = 0; i < x.length; i++) {
      const xv = x[i] as number;
      const m = monetary[i] as number;
      if (!(xv > 0 && m > 0)) continue;
      const bucket = byX.get(xv);
      if (bucket === undefined) byX.set(xv, [round6(m)]);
      else bucket.push(round6(m));
    }
    for (const xv of [...byX.keys()].sort((a, b) => a - b)) {
      const sorted = Float64Array.from(byX.get(xv) as number[]).sort();
      for (let i = 0; i < sorted.length; ) {
        let e = i;
        while (e < sorted.length && sorted[e] === sorted[i]) e++;
        outX.push(xv);
        outM.push(sorted[i] as number);
        outN.push(e - i);
        i = e;
      }
    }
  }
  return { x: Float64Array.from(outX), m: Float64Array.from(outM), count: Float64Array.from(outN) };
}

/**
 * Builds a scoring run's per-customer summary once, in the engine, with the compressed inputs of
 * both fits taken from it — the distinct (x, t_x, T) patterns and the distinct (x, monetary) — so
 * fitting and scoring share one pass over the facts. The patterns are exactly those of
 * `compressedSummaryQuery`, in its order; the spend input those of `compressedSpendQuery`.
 *
 * @throws AppError `not_found` when no customer purchased by the calibration end.
 * @example
 * const s = await openScoreFrame(engine, { unit: "week" });
 * try { fitBgNbd(s.patterns); } finally { await s.release(); }
 */
export async function openScoreFrame(engine: Engine, options: ScoreFrameOptions): Promise<ScoreFrame> {
  const frame = await engine.customerFrame(scoreFrameQuery(engine.dialect, options));
  try {
    if (frame.size === 0)
      throw new AppError("not_found", "no customer purchased in the calibration period: nothing to score");
    const x = column(frame, "x");
    const tx = column(frame, "t_x");
    const T = column(frame, "T");
    const { patterns, patternOf } = groupPatterns(x, tx, T, options.unit === "day" ? 1 : 7);
    const asOf = options.calibrationEnd ?? (await lastDay(engine));
    return {
      frame,
      patterns,
      patternOf,
      spend: compressSpend(x, column(frame, "m")),
      asOf,
      release: () => frame.release(),
    };
  } catch (error) {
    await frame.release();
    throw error;
  }
}

/**
 * The last day with a transaction (`YYYY-MM-DD`, UTC).
 *
 * @throws AppError `not_found` when there is none.
 */
export async function lastDay(engine: Engine): Promise<string> {
  // The latest instant as each engine gives a timestamp (ISO text in UTC), cut to its day: a plain
  // max over the column, not a day computed for every row.
  const [row] = await engine.facts.all({
    sql: "SELECT max(occurred_at) AS t, count(*) AS n FROM transactions",
    params: [],
  });
  if (row === undefined || Number(row.n) === 0 || row.t === null || row.t === undefined)
    throw new AppError("not_found", "the store has no transactions");
  return new Date(String(row.t)).toISOString().slice(0, 10);
}
