import {
  AppError,
  compressedSpendQuery,
  compressedSummaryQuery,
  type Engine,
  type SummaryOptions,
} from "@vafa/core";
import { type FitOptions, fitGammaGamma } from "@vafa/models";
import { type ClvFit, toClvFit } from "./ClvFit.ts";
import type { ClvModel, PurchaseModelName } from "./ClvModel.ts";
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
 * A fit's compressed inputs, read from the engine: the model, its options and typed arrays only, so
 * the fit itself ({@link fitInputs}) can run in a worker thread with no database connection.
 */
export type FitInputs =
  | {
      readonly model: "gamma-gamma";
      readonly fitOptions: FitOptions;
      readonly x: Float64Array;
      readonly m: Float64Array;
      readonly count: Float64Array;
    }
  | {
      readonly model: PurchaseModelName;
      readonly fitOptions: FitOptions;
      readonly x: Float64Array;
      readonly tx: Float64Array;
      readonly T: Float64Array;
      readonly count: Float64Array;
    };

/**
 * Reads a fit's inputs COMPRESSED — one row per distinct (x, t_x, T) with its count, or for
 * Gamma-Gamma per distinct (x, monetary) of customers with x > 0 and positive spend — so the fit's
 * cost follows the number of patterns, not of customers, and the engine sends the same rows in the
 * same order whichever it is (so fits agree to the last digit).
 *
 * @throws AppError `bad_input` for BG/BB or sBG, or when no customer qualifies.
 * @example
 * const inputs = await readFitInputs(engine, { model: "bgnbd", calibrationEnd: "1997-09-30" });
 * fitInputs(inputs).params; // { r: 0.243, alpha: 4.41, a: 0.79, b: 2.43 }
 */
export async function readFitInputs(engine: Engine, options: FitPurchaseModelOptions): Promise<FitInputs> {
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
    return { model, fitOptions, x, m: column(cols, "monetary"), count: column(cols, "n") };
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
  return { model, fitOptions, x, tx: column(cols, "t_x"), T: column(cols, "T"), count: column(cols, "n") };
}

/**
 * Fits a model on inputs already read (pure: no engine, so it runs in a worker thread).
 *
 * @example
 * fitInputs(await readFitInputs(engine, { model: "pareto-nbd" })).identification.notice;
 */
export function fitInputs(inputs: FitInputs): ClvFit {
  if (inputs.model === "gamma-gamma")
    return toClvFit(
      "gamma-gamma",
      fitGammaGamma({ x: inputs.x, m: inputs.m, count: inputs.count }, inputs.fitOptions),
    );
  return purchaseModel(inputs.model).fit(
    { x: inputs.x, tx: inputs.tx, T: inputs.T, count: inputs.count },
    inputs.fitOptions,
  );
}

/**
 * Fits a model on the engine's transactions: {@link readFitInputs} then {@link fitInputs}.
 * BG/BB and sBG need discrete-period data and are fitted from a summary file instead.
 *
 * @throws AppError `bad_input` for BG/BB or sBG, or when no customer qualifies.
 * @example
 * const fit = await fitPurchaseModel(engine, { model: "bgnbd", calibrationEnd: "1997-09-30", unit: "week" });
 * fit.params; // { r: 0.243, alpha: 4.41, a: 0.79, b: 2.43 }
 */
export async function fitPurchaseModel(engine: Engine, options: FitPurchaseModelOptions): Promise<ClvFit> {
  return fitInputs(await readFitInputs(engine, options));
}
