import { AppError, type Engine, type SummaryOptions } from "@vafa/core";
import type { GammaGammaParams } from "@vafa/models";
import type { PurchaseModelName } from "./ClvModel.ts";
import { predictPatterns } from "./predictPatterns.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { type QuantileSummary, quantileSummary } from "./quantileSummary.ts";
import { openScoreFrame, round6, type ScoreFrame } from "./scoreFrame.ts";

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
   * The per-customer summary for these options built already (see openScoreFrame), so the summary
   * the models were fitted on is not computed again; the caller releases it. Default: built here.
   */
  readonly frame?: ScoreFrame;
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
  /** How P(alive) and the expected purchases over the horizon spread over the customers. */
  readonly distribution: {
    readonly p_alive: QuantileSummary;
    readonly expected_purchases: QuantileSummary;
  };
  /** The ten customers of highest CLV. */
  readonly top: CustomerScore[];
}

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/**
 * Scores every customer and stores the scores in the analytic store's `customer_scores`, replacing
 * every row: P(alive), purchases expected over the horizon, expected spend per purchase (Gamma-Gamma;
 * customers without repeat purchases get the population mean p·v/(q−1)), and the CLV — the horizon's
 * purchases × spend × margin, discounted monthly at the annual rate — plus the net sales to date
 * (mean spend and sales taken to 6 decimals, so every engine stores the same digits).
 * The purchase model runs per distinct (x, t_x, T) pattern rather than per customer, its costly part
 * per distinct (x, T) (see predictPatterns); each customer's spend and CLV follow from the pattern's
 * predictions here, written once for every engine, and the engine stores them (DuckDB by position
 * in one transaction, ClickHouse in one streamed insert on the customers' shards).
 *
 * @throws AppError `bad_input` for a horizon, rate or spend model that cannot score.
 * @example
 * await scoreCustomers(engine, { params: bgnbd.params, spendParams: gg.params, unit: "week" });
 * // { customers: 2357, total_clv: …, mean_p_alive: …, top: [ … ] }
 */
export async function scoreCustomers(engine: Engine, options: ScoreOptions): Promise<ScoreSummary> {
  const model = purchaseModel(options.model ?? "bgnbd");
  const horizonDays = options.horizonDays ?? 365;
  const annualRate = options.discountRate ?? 0.1;
  const margin = options.margin ?? 1;
  const unitDays = options.unit === "day" ? 1 : 7;
  if (!(horizonDays > 0) || !Number.isInteger(horizonDays))
    throw new AppError("bad_input", "horizon must be a whole number of days > 0");
  if (!(annualRate > -1)) throw new AppError("bad_input", "discount rate must be > −1");
  const { p, q, v } = options.spendParams;
  if (!(q > 1))
    throw new AppError("bad_input", `Gamma-Gamma q = ${q} ≤ 1: the mean spend is infinite, cannot score`);

  const scoreFrame = options.frame ?? (await openScoreFrame(engine, options));
  try {
    const { frame, patterns, patternOf } = scoreFrame;
    const steps = Math.max(1, Math.round(horizonDays / DAYS_PER_MONTH));
    const stepDays = horizonDays / steps;
    const predicted = predictPatterns(model, options.params, patterns, {
      steps,
      stepLength: stepDays / unitDays,
      discountRate: (1 + annualRate) ** (stepDays / DAYS_PER_YEAR) - 1,
    });
    const x = frame.columns.x as Float64Array;
    // Money to 6 decimals, as the spend model was fitted on it: every engine then scores the same
    // digits, whatever order it added a customer's lines up in.
    const m = (frame.columns.m as Float64Array).map(round6);
    const historical = (frame.columns.historical_value as Float64Array).map(round6);
    const n = frame.size;
    const pAlive = new Float64Array(n);
    const expectedPurchases = new Float64Array(n);
    const expectedSpend = new Float64Array(n);
    const clv = new Float64Array(n);
    let totalClv = 0;
    let totalAlive = 0;
    for (let i = 0; i < n; i++) {
      const k = patternOf[i] as number;
      const xi = x[i] as number;
      // Gamma-Gamma's conditional mean spend p(v + x·m̄)/(px + q − 1), as
      // gammaGammaConditionalExpectedSpend computes it (a test holds the two together); a
      // non-positive mean spend (refunds exceeding purchases) counts as zero, so CLV stays ≥ 0.
      const spend = (p * (v + xi * Math.max(m[i] as number, 0))) / (p * xi + q - 1);
      pAlive[i] = predicted.pAlive[k] as number;
      expectedPurchases[i] = predicted.expectedPurchases[k] as number;
      expectedSpend[i] = spend;
      clv[i] = Math.max(0, (predicted.discountedPurchases[k] as number) * spend * margin);
      totalClv += clv[i] as number;
      totalAlive += pAlive[i] as number;
    }
    await frame.replaceScores({
      model: model.name,
      scoredAt: new Date(),
      calibrationEnd: scoreFrame.asOf,
      horizonDays,
      p_alive: pAlive,
      expected_purchases: expectedPurchases,
      expected_spend: expectedSpend,
      clv,
      historical_value: historical,
    });
    const top = await engine.facts.all({
      sql: `SELECT customer_id, p_alive, expected_purchases, expected_spend, clv, historical_value
        FROM customer_scores ORDER BY clv DESC, customer_id LIMIT 10`,
      params: [],
    });
    return {
      customers: n,
      total_clv: totalClv,
      mean_p_alive: totalAlive / n,
      distribution: {
        p_alive: quantileSummary(pAlive),
        expected_purchases: quantileSummary(expectedPurchases),
      },
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
    if (options.frame === undefined) await scoreFrame.release();
  }
}
