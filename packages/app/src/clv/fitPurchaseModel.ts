import {
  AppError,
  compressedSpendQuery,
  compressedSummaryQuery,
  type Engine,
  type SummaryOptions,
} from "@vafa/core";
import { type FitOptions, fitGammaGamma } from "@vafa/models";
import { type ClvFit, toClvFit } from "./ClvFit.ts";
import type { ClvModel } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";

/** Options of {@link fitPurchaseModel}: which model, and how the transactions are summarised. */
export interface FitPurchaseModelOptions extends SummaryOptions {
  readonly model: ClvModel;
  /** L2 penalty as in lifetimes (default 0: plain maximum likelihood). */
  readonly penalizer?: number;
}

/** A column the compressed queries always return. */
function column(columns: Record<string, Float64Array>, name: string): Float64Array {
  const c = columns[name];
  if (c === undefined) throw new AppError("internal", `the model summary lacks column '${name}'`);
  return c;
}

/**
 * Fits a model on the engine's transactions. The summary is read COMPRESSED — one row per distinct
 * (x, t_x, T) with its count, or for Gamma-Gamma per distinct (x, monetary) of customers with x > 0
 * and positive spend — so the fit's cost follows the number of patterns, not of customers, and the
 * engine sends the same rows in the same order whichever it is (so fits agree to the last digit).
 * BG/BB and sBG need discrete-period data and are fitted from a summary file instead.
 *
 * @throws AppError `bad_input` for BG/BB or sBG, or when no customer qualifies.
 * @example
 * const fit = await fitPurchaseModel(engine, { model: "bgnbd", calibrationEnd: "1997-09-30", unit: "week" });
 * fit.params; // { r: 0.243, alpha: 4.41, a: 0.79, b: 2.43 }
 */
export async function fitPurchaseModel(engine: Engine, options: FitPurchaseModelOptions): Promise<ClvFit> {
  const { model, penalizer, ...summary } = options;
  const fitOptions: FitOptions = penalizer === undefined ? {} : { penalizer };
  if (model === "gamma-gamma") {
    const cols = await engine.floatColumns(compressedSpendQuery(engine.dialect, summary));
    const x = column(cols, "x");
    if (x.length === 0)
      throw new AppError(
        "bad_input",
        "no customer has a repeat purchase with positive spend: nothing to fit",
      );
    return toClvFit(
      "gamma-gamma",
      fitGammaGamma({ x, m: column(cols, "monetary"), count: column(cols, "n") }, fitOptions),
    );
  }
  if (model === "bgbb" || model === "sbg")
    throw new AppError(
      "bad_input",
      `${model} is fitted from discrete-period data: give a summary file with --summary`,
    );
  const cols = await engine.floatColumns(compressedSummaryQuery(engine.dialect, summary));
  const x = column(cols, "x");
  if (x.length === 0)
    throw new AppError("bad_input", "no customer purchased in the calibration period: nothing to fit");
  return purchaseModel(model).fit(
    { x, tx: column(cols, "t_x"), T: column(cols, "T"), count: column(cols, "n") },
    fitOptions,
  );
}
