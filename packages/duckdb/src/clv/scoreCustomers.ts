import { customerSummaryQuery, duckdbDialect, type SummaryOptions, sql } from "@vafa/core";
import {
  customerLifetimeValue,
  type GammaGammaParams,
  gammaGammaConditionalExpectedSpend,
} from "@vafa/models";
import type { DuckDBClient } from "../DuckDBClient.ts";
import type { PurchaseModelName } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { readFloatColumns } from "./readColumns.ts";

/** Options of {@link scoreCustomers}. */
export interface ScoreOptions extends Pick<SummaryOptions, "calibrationEnd" | "unit" | "exactTime"> {
  /** Purchase model whose parameters are given; default `"bgnbd"`. */
  readonly model?: PurchaseModelName;
  /** Fitted purchase-model parameters, in the same `unit` as the summary. */
  readonly params: Record<string, number>;
  /** Fitted Gamma-Gamma parameters (spend per purchase). */
  readonly spendParams: GammaGammaParams;
  /** Horizon of the expected purchases and the CLV, in days; default 365. */
  readonly horizonDays?: number;
  /** Annual discount rate of future cash flows; default 0.1. */
  readonly discountRate?: number;
  /** Profit margin on spend; default 1, i.e. CLV in sales, not profit. */
  readonly margin?: number;
  /**
   * A table holding the customer summary for these options already (see createSummaryTable), so the
   * summary the models were fitted on is not computed again; default: compute it here.
   */
  readonly summaryTable?: string;
}

/** One scored customer. */
export interface CustomerScore {
  readonly customer_id: string;
  readonly p_alive: number;
  readonly expected_purchases: number;
  readonly expected_spend: number;
  readonly clv: number;
  readonly historical_value: number;
}

/** What a scoring run stored. */
export interface ScoreSummary {
  readonly customers: number;
  readonly total_clv: number;
  readonly mean_p_alive: number;
  /** The ten customers of highest CLV. */
  readonly top: CustomerScore[];
}

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * Scores every customer and stores the scores in `customer_scores`, replacing all rows in one
 * transaction: P(alive), purchases expected over the horizon, expected spend per purchase
 * (Gamma-Gamma; customers without repeat purchases get the population mean p·v/(q−1)), and the CLV
 * — the horizon's purchases × spend × margin, discounted monthly at the annual rate — plus the net
 * sales to date. Predictions run vectorised over typed arrays; rows go to DuckDB through the
 * Appender into a temporary table, and the stored scores are updated in place (new customers
 * inserted, vanished ones deleted), so a million customers store in a few seconds.
 *
 * @example
 * await scoreCustomers(store.client, { params: bgnbd.params, spendParams: gg.params, unit: "week" });
 * // { customers: 2357, total_clv: …, mean_p_alive: …, top: [ … ] }
 */
export async function scoreCustomers(client: DuckDBClient, options: ScoreOptions): Promise<ScoreSummary> {
  const model = purchaseModel(options.model ?? "bgnbd");
  const horizonDays = options.horizonDays ?? 365;
  const annualRate = options.discountRate ?? 0.1;
  const margin = options.margin ?? 1;
  const unitDays = options.unit === "day" ? 1 : 7;
  if (!(horizonDays > 0) || !Number.isInteger(horizonDays))
    throw new Error("horizon must be a whole number of days > 0");
  if (!(annualRate > -1)) throw new Error("discount rate must be > −1");
  const { p, q, v } = options.spendParams;
  if (!(q > 1)) throw new Error(`Gamma-Gamma q = ${q} ≤ 1: the mean spend is infinite, cannot score`);

  const computed = customerSummaryQuery(duckdbDialect, options);
  const summary =
    options.summaryTable === undefined
      ? computed
      : { sql: `SELECT * FROM ${options.summaryTable}`, params: [] as typeof computed.params };
  const calEnd = options.calibrationEnd ?? null;
  const boundary = summary.params.length + 1;
  // Net sales to date: every line up to the end of the calibration end day, returns included.
  const salesFilter = calEnd === null ? "" : `AND occurred_at < CAST($${boundary} AS DATE) + INTERVAL 1 DAY`;
  await client.run(
    sql(
      `CREATE OR REPLACE TEMP TABLE clv_score_input AS
       SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS idx, s.customer_id, s.x, s.t_x, s."T", s.monetary,
         coalesce(hv.sales, 0) AS historical_value
       FROM (${summary.sql}) s LEFT JOIN (
         SELECT customer_id, sum(amount) AS sales FROM transactions WHERE customer_id IS NOT NULL ${salesFilter}
         GROUP BY customer_id) hv ON hv.customer_id = s.customer_id`,
      calEnd === null ? summary.params : [...summary.params, calEnd],
    ),
  );
  try {
    // Read straight from the vectors into typed arrays: a million rows as JS values cost seconds.
    const cols = await readFloatColumns(
      client,
      sql(`SELECT CAST(x AS DOUBLE) AS x, CAST(t_x AS DOUBLE) AS t_x, CAST("T" AS DOUBLE) AS "T",
             CAST(monetary AS DOUBLE) AS monetary FROM clv_score_input ORDER BY idx`),
    );
    const column = (name: string): Float64Array => {
      const c = cols[name];
      if (c === undefined) throw new Error(`missing column '${name}'`);
      return c;
    };
    const x = column("x");
    const tx = column("t_x");
    const T = column("T");
    const monetary = column("monetary");
    const n = x.length;
    // Non-positive mean spend (refunds exceeding purchases) counts as zero, so CLV stays ≥ 0.
    for (let i = 0; i < n; i++) monetary[i] = Math.max(0, monetary[i] as number);

    const pAlive = model.probabilityAlive(options.params, x, tx, T);
    const spend = gammaGammaConditionalExpectedSpend({ p, q, v }, x, monetary);
    const steps = Math.max(1, Math.round(horizonDays / DAYS_PER_MONTH));
    const stepDays = horizonDays / steps;
    let expectedPurchases: Float64Array = new Float64Array(n);
    const clv = customerLifetimeValue({
      expectedPurchases: (t) => {
        const e = model.conditionalExpectedPurchases(options.params, t, x, tx, T);
        expectedPurchases = e; // the last step ends at the horizon
        return e;
      },
      spend,
      margin,
      discountRate: (1 + annualRate) ** (stepDays / DAYS_PER_YEAR) - 1,
      steps,
      stepLength: stepDays / unitDays,
    });

    await client.run(
      sql(`CREATE OR REPLACE TEMP TABLE clv_score_values (
        idx INTEGER, p_alive DOUBLE, expected_purchases DOUBLE, expected_spend DOUBLE, clv DOUBLE)`),
    );
    const appender = await client.connection.createAppender("clv_score_values", "main", "temp");
    for (let i = 0; i < n; i++) {
      appender.appendInteger(i);
      appender.appendDouble(pAlive[i] as number);
      appender.appendDouble(expectedPurchases[i] as number);
      appender.appendDouble(spend[i] as number);
      appender.appendDouble(Math.max(0, clv[i] as number));
      appender.endRow();
    }
    appender.closeSync();

    const modelName = model.name;
    // Replace the scores in one transaction, as delete-stale + update-in-place + insert-new rather
    // than delete-all + insert-all: customer_id is the primary key, and DuckDB deletes and
    // re-inserts a million indexed rows in about a minute and a half. The update goes by rowid in
    // rowid order, because an UPDATE joined in random key order takes minutes where the same update
    // in storage order takes half a second. The rowids are read inside the transaction, after the
    // delete, so no checkpoint can move rows in between.
    await client.run(sql("BEGIN TRANSACTION"));
    try {
      await client.run(
        sql(`DELETE FROM customer_scores
             WHERE NOT EXISTS (SELECT 1 FROM clv_score_input i WHERE i.customer_id = customer_scores.customer_id)`),
      );
      await client.run(
        sql(
          `CREATE OR REPLACE TEMP TABLE clv_score_rows AS
           SELECT c.rowid AS rid, i.customer_id, CAST($1 AS VARCHAR) AS model, current_timestamp AS scored_at,
             ${calEnd === null ? "(SELECT CAST(max(occurred_at) AS DATE) FROM transactions)" : "CAST($3 AS DATE)"} AS calibration_end,
             CAST($2 AS INTEGER) AS horizon_days, s.p_alive, s.expected_purchases, s.expected_spend, s.clv,
             i.historical_value
           FROM clv_score_input i JOIN clv_score_values s ON s.idx = i.idx
             LEFT JOIN customer_scores c ON c.customer_id = i.customer_id
           ORDER BY c.rowid`,
          calEnd === null ? [modelName, horizonDays] : [modelName, horizonDays, calEnd],
        ),
      );
      await client.run(
        sql(`UPDATE customer_scores SET model = r.model, scored_at = r.scored_at,
               calibration_end = r.calibration_end, horizon_days = r.horizon_days, p_alive = r.p_alive,
               expected_purchases = r.expected_purchases, expected_spend = r.expected_spend, clv = r.clv,
               historical_value = r.historical_value
             FROM clv_score_rows r WHERE r.rid IS NOT NULL AND customer_scores.rowid = r.rid`),
      );
      await client.run(
        sql(`INSERT INTO customer_scores
             SELECT customer_id, model, scored_at, calibration_end, horizon_days, p_alive, expected_purchases,
               expected_spend, clv, historical_value
             FROM clv_score_rows WHERE rid IS NULL`),
      );
      await client.run(sql("COMMIT"));
    } catch (error) {
      await client.run(sql("ROLLBACK"));
      throw error;
    }

    let totalClv = 0;
    let sumAlive = 0;
    for (let i = 0; i < n; i++) {
      totalClv += Math.max(0, clv[i] as number);
      sumAlive += pAlive[i] as number;
    }
    const top = await client.all(
      sql(`SELECT customer_id, p_alive, expected_purchases, expected_spend, clv, historical_value
           FROM customer_scores ORDER BY clv DESC, customer_id LIMIT 10`),
    );
    return {
      customers: n,
      total_clv: totalClv,
      mean_p_alive: n > 0 ? sumAlive / n : Number.NaN,
      top: top.map((r) => ({
        customer_id: String(r.customer_id),
        p_alive: Number(r.p_alive),
        expected_purchases: Number(r.expected_purchases),
        expected_spend: Number(r.expected_spend),
        clv: Number(r.clv),
        historical_value: Number(r.historical_value),
      })),
    };
  } finally {
    await client.run(sql("DROP TABLE IF EXISTS clv_score_input"));
    await client.run(sql("DROP TABLE IF EXISTS clv_score_values"));
    await client.run(sql("DROP TABLE IF EXISTS clv_score_rows"));
  }
}
