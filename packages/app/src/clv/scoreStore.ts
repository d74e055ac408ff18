import { AppError, type Engine, requireFeature } from "@vafa/core";
import type { Identification } from "@vafa/models";
import type { ClvFit } from "./ClvFit.ts";
import type { PurchaseModelName } from "./ClvModel.ts";
import { fitIfNeeded } from "./fitIfNeeded.ts";
import { type FitInputs, fitInputs } from "./fitPurchaseModel.ts";
import { type ScoreSummary, scoreCustomers } from "./scoreCustomers.ts";
import { openScoreFrame } from "./scoreFrame.ts";

/** Options of {@link scoreStore}; every field has the default `vafa clv score` documents. */
export interface ScoreStoreOptions {
  /** Purchase model; default `"bgnbd"`. */
  readonly model?: PurchaseModelName;
  /** Horizon in days; default 365. */
  readonly horizonDays?: number;
  /** Annual discount rate; default 0.1. */
  readonly discountRate?: number;
  /** Profit margin on spend; default 1 (CLV in sales). */
  readonly margin?: number;
  /** Score as of this day (`YYYY-MM-DD`); default the last day with data. */
  readonly calibrationEnd?: string;
  /** Model time unit; default `"week"`. */
  readonly unit?: "day" | "week";
  /**
   * How a fit that is needed runs on its compressed inputs; default on this thread (`fitInputs`).
   * The CLI and the server pass `runModelWorker`, so the fit runs in a worker thread.
   */
  readonly runFit?: (inputs: FitInputs) => Promise<ClvFit>;
}

/** What a scoring run did: its settings, the parameters it used, whether it fitted, and the scores' summary. */
export interface ScoreReport extends ScoreSummary {
  readonly model: PurchaseModelName;
  readonly unit: "day" | "week";
  readonly horizon_days: number;
  readonly discount_rate: number;
  readonly margin: number;
  readonly purchase_params: Record<string, number>;
  readonly spend_params: Record<string, number>;
  /** Whether either model was fitted now rather than reused from the store. */
  readonly refitted: boolean;
  /**
   * Whether the data identify the purchase model (a fresh fit; null for a fit read back from the
   * store, which does not keep it): with `notice`, surfaces show `message`.
   */
  readonly identification: Identification | null;
}

/**
 * The scoring flow every surface runs (`vafa clv score`, `POST /api/models/score`, the demo): the
 * per-customer summary is built once; the purchase model and Gamma-Gamma are reused from the store
 * when fitted on the same data with the same settings, else fitted on that summary's compressed
 * inputs and recorded (see fitIfNeeded); then every customer is scored and stored.
 *
 * @throws AppError `not_supported` where the engine cannot score, `bad_input` for settings that cannot score.
 * @example
 * const report = await scoreStore(engine, { model: "bgnbd", margin: 0.3 });
 * report.total_clv;
 */
export async function scoreStore(engine: Engine, options: ScoreStoreOptions = {}): Promise<ScoreReport> {
  requireFeature(engine, "clv-score");
  const model = options.model ?? "bgnbd";
  const unit = options.unit ?? "week";
  const horizonDays = options.horizonDays ?? 365;
  const discountRate = options.discountRate ?? 0.1;
  const margin = options.margin ?? 1;
  const calibration = options.calibrationEnd === undefined ? {} : { calibrationEnd: options.calibrationEnd };
  const frame = await openScoreFrame(engine, { unit, ...calibration });
  try {
    const runFit = options.runFit ?? (async (inputs: FitInputs) => fitInputs(inputs));
    const { x, tx, T, count } = frame.patterns;
    const purchase = await fitIfNeeded(engine, { model, unit, ...calibration }, () =>
      runFit({ model, fitOptions: {}, x, tx, T, count }),
    );
    const spend = await fitIfNeeded(engine, { model: "gamma-gamma", unit, ...calibration }, () => {
      if (frame.spend.x.length === 0)
        throw new AppError(
          "bad_input",
          "no customer has a repeat purchase with positive spend: nothing to fit",
        );
      return runFit({ model: "gamma-gamma", fitOptions: {}, ...frame.spend });
    });
    const { p, q, v } = spend.fit.params;
    if (p === undefined || q === undefined || v === undefined)
      throw new AppError("internal", "the Gamma-Gamma fit lacks p, q, v");
    const summary = await scoreCustomers(engine, {
      model,
      params: purchase.fit.params,
      spendParams: { p, q, v },
      horizonDays,
      discountRate,
      margin,
      unit,
      ...calibration,
      frame,
    });
    return {
      model,
      unit,
      horizon_days: horizonDays,
      discount_rate: discountRate,
      margin,
      purchase_params: purchase.fit.params,
      spend_params: spend.fit.params,
      refitted: !(purchase.reused && spend.reused),
      identification: purchase.fit.identification ?? null,
      ...summary,
    };
  } finally {
    await frame.release();
  }
}
