import type { Dialect } from "../Dialect.ts";
import { SqlParams } from "../retention/SqlParams.ts";
import type { Row } from "../SqlClient.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import { rfmSegmentSql } from "./rfmGrid.ts";
import { checkBins, scoreCuts } from "./scoreCuts.ts";

/** Score thresholds of the three measures, each oriented so larger is better (recency is negated). */
export interface RfmCuts {
  readonly bins: number;
  /** Thresholds on −recency_days. */
  readonly recency: readonly (number | null)[];
  readonly frequency: readonly (number | null)[];
  readonly monetary: readonly (number | null)[];
}

/** Where RFM is measured: the as-of day and its thresholds. */
export interface RfmFrame {
  /** Epoch day of the as-of date; purchases after it are ignored. */
  readonly asOfDay: number;
  readonly cuts: RfmCuts;
}

/**
 * The latest transaction day as an epoch day (`day`), the default as-of date of RFM.
 *
 * @example
 * lastTransactionDayQuery(duckdbDialect); // rows [{ day: 15317 }]
 */
export function lastTransactionDayQuery(dialect: Dialect): SqlQuery {
  return { sql: `SELECT max(${dialect.epochDay("occurred_at", null)}) AS day FROM transactions`, params: [] };
}

/**
 * Per customer as of a day: `recency_days` (as-of day − last purchase day), `frequency` (distinct
 * orders with a purchase line, or distinct purchase days for a customer without order ids),
 * `monetary` (net sales: purchases minus returns, rounded to 6 decimals (and −0 made 0) so that the order in which an
 * engine adds lines cannot split equal values or move one across a score threshold), `gross_sales`, `returns`, `first_day` and `last_day`. Only customers with a
 * purchase (amount > 0) on or before the as-of day appear. `asOf` is a placeholder already bound.
 */
export function rfmBaseSql(dialect: Dialect, asOf: string): string {
  const day = dialect.epochDay("occurred_at", null);
  return `SELECT customer_id,
      ${asOf} - max(CASE WHEN amount > 0 THEN d END) AS recency_days,
      CASE WHEN count(CASE WHEN amount > 0 THEN order_id END) > 0
        THEN count(DISTINCT CASE WHEN amount > 0 THEN order_id END)
        ELSE count(DISTINCT CASE WHEN amount > 0 THEN d END) END AS frequency,
      round(sum(amount), 6) + 0 AS monetary,
      sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS gross_sales,
      sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS returns,
      min(CASE WHEN amount > 0 THEN d END) AS first_day,
      max(CASE WHEN amount > 0 THEN d END) AS last_day
    FROM (SELECT customer_id, order_id, amount, ${day} AS d FROM transactions WHERE customer_id IS NOT NULL) AS rfm_lines
    WHERE d <= ${asOf}
    GROUP BY customer_id
    HAVING max(CASE WHEN amount > 0 THEN d END) IS NOT NULL`;
}

/**
 * How many customers have each value of each measure as of a day: rows `{ measure, value, n }` with
 * measure `recency` (value = −recency_days, so larger is better), `frequency` or `monetary`. The
 * input of `rfmCutsFromCounts`; values travel, customers do not.
 *
 * @example
 * rfmValueCountsQuery(duckdbDialect, toEpochDay("2011-12-09"));
 */
export function rfmValueCountsQuery(dialect: Dialect, asOfDay: number): SqlQuery {
  const p = new SqlParams(dialect);
  const base = rfmBaseSql(dialect, p.add(asOfDay));
  return {
    sql: `SELECT 'recency' AS measure, CAST(-recency_days AS DOUBLE) AS value, count(*) AS n FROM (${base}) AS b GROUP BY recency_days
      UNION ALL SELECT 'frequency', CAST(frequency AS DOUBLE), count(*) FROM (${base}) AS b GROUP BY frequency
      UNION ALL SELECT 'monetary', CAST(monetary AS DOUBLE), count(*) FROM (${base}) AS b GROUP BY monetary`,
    params: p.values,
  };
}

/**
 * Thresholds of the three measures from `rfmValueCountsQuery` rows (see `scoreCuts` for the tie rule).
 *
 * @example
 * const cuts = rfmCutsFromCounts(await client.all(rfmValueCountsQuery(duckdbDialect, day)), 5);
 */
export function rfmCutsFromCounts(rows: readonly Row[], bins = 5): RfmCuts {
  checkBins(bins);
  const of = (measure: string) =>
    scoreCuts(
      rows.filter((r) => r.measure === measure).map((r) => ({ value: Number(r.value), count: Number(r.n) })),
      bins,
    );
  return { bins, recency: of("recency"), frequency: of("frequency"), monetary: of("monetary") };
}

function scoreSql(p: SqlParams, value: string, cuts: readonly (number | null)[]): string {
  return `(1${cuts.map((c) => ` + CASE WHEN ${value} >= ${p.add(c)} THEN 1 ELSE 0 END`).join("")})`;
}

function fivePointSql(score: string, bins: number): string {
  return bins === 5 ? score : `(1 + CAST(floor((${score} - 1) * 5.0 / ${bins}) AS INTEGER))`;
}

/**
 * The scored relation, written with `p` so it can sit inside a bigger query: per customer the base
 * measures, `r_score`, `f_score`, `m_score` (1…bins), and `rfm_segment` from the R × FM grid (scores
 * brought to five points when bins ≠ 5). Thresholds and the as-of day are bound parameters.
 */
export function rfmScoredSql(dialect: Dialect, p: SqlParams, frame: RfmFrame): string {
  const { cuts } = frame;
  const bins = checkBins(cuts.bins);
  const base = rfmBaseSql(dialect, p.add(frame.asOfDay));
  const r = scoreSql(p, "-recency_days", cuts.recency);
  const f = scoreSql(p, "frequency", cuts.frequency);
  const m = scoreSql(p, "monetary", cuts.monetary);
  const r5 = fivePointSql("r_score", bins);
  const fm5 = `CAST(ceil((${fivePointSql("f_score", bins)} + ${fivePointSql("m_score", bins)}) / 2.0) AS INTEGER)`;
  return `SELECT s.*, ${rfmSegmentSql(r5, fm5)} AS rfm_segment FROM (
      SELECT b.*, ${r} AS r_score, ${f} AS f_score, ${m} AS m_score FROM (${base}) AS b
    ) AS s`;
}

/**
 * Per customer RFM as of a day: `customer_id, recency_days, frequency, monetary, first_day, last_day,
 * r_score, f_score, m_score, rfm_segment`, ordered by customer id.
 *
 * @example
 * rfmCustomersQuery(duckdbDialect, { asOfDay, cuts });
 */
export function rfmCustomersQuery(dialect: Dialect, frame: RfmFrame): SqlQuery {
  const p = new SqlParams(dialect);
  const scored = rfmScoredSql(dialect, p, frame);
  return { sql: `SELECT * FROM (${scored}) AS rfm ORDER BY customer_id`, params: p.values };
}

/**
 * Per named segment: `rfm_segment, customers, sales` (net), and mean `recency_days`, `frequency`,
 * `monetary`.
 *
 * @example
 * rfmSegmentsQuery(duckdbDialect, { asOfDay, cuts });
 */
export function rfmSegmentsQuery(dialect: Dialect, frame: RfmFrame): SqlQuery {
  const p = new SqlParams(dialect);
  const scored = rfmScoredSql(dialect, p, frame);
  // Inner names differ from the columns their aggregates read (ClickHouse resolves aliases inside aggregates).
  return {
    sql: `SELECT rfm_segment, seg_customers AS customers, seg_sales AS sales, seg_recency AS recency_days,
        seg_frequency AS frequency, seg_monetary AS monetary
      FROM (SELECT rfm_segment, count(*) AS seg_customers, sum(monetary) AS seg_sales, avg(recency_days) AS seg_recency,
        avg(frequency) AS seg_frequency, avg(monetary) AS seg_monetary
      FROM (${scored}) AS rfm GROUP BY rfm_segment) AS per_segment`,
    params: p.values,
  };
}

/**
 * Movement between two as-of dates: rows `{ from_segment, to_segment, customers }`, a segment being
 * NULL where the customer had not yet bought (or no longer appears) at that date.
 *
 * @example
 * rfmTransitionsQuery(duckdbDialect, { asOfDay: a, cuts: cutsA }, { asOfDay: b, cuts: cutsB });
 */
export function rfmTransitionsQuery(dialect: Dialect, from: RfmFrame, to: RfmFrame): SqlQuery {
  const p = new SqlParams(dialect);
  const a = rfmScoredSql(dialect, p, from);
  const b = rfmScoredSql(dialect, p, to);
  return {
    sql: `SELECT a.rfm_segment AS from_segment, b.rfm_segment AS to_segment, count(*) AS customers
      FROM (${a}) AS a FULL OUTER JOIN (${b}) AS b ON a.customer_id = b.customer_id
      GROUP BY a.rfm_segment, b.rfm_segment`,
    params: p.values,
  };
}
