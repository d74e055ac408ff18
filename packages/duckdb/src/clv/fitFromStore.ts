import { compressedSpendQuery, compressedSummaryQuery, duckdbDialect, type SummaryOptions } from "@vafa/core";
import { fitGammaGamma } from "@vafa/models";
import type { DuckDBClient } from "../DuckDBClient.ts";
import { type ClvFit, toClvFit } from "./ClvFit.ts";
import type { ClvModel } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { floatColumn, readColumns } from "./readColumns.ts";

/** Options of {@link fitFromStore}: which model, and how the transactions are summarised. */
export interface FitFromStoreOptions extends SummaryOptions {
  readonly model: ClvModel;
  /** L2 penalty as in lifetimes (default 0: plain maximum likelihood). */
  readonly penalizer?: number;
}

/**
 * Fits a model on the store's transactions. The summary is read COMPRESSED — one row per distinct
 * (x, t_x, T) with its count, or for Gamma-Gamma per distinct (x, monetary) of customers with x > 0
 * and positive spend — so the fit's cost follows the number of patterns, not of customers.
 * BG/BB and sBG need discrete-period data and are fitted from a summary file instead.
 *
 * @example
 * const fit = await fitFromStore(store.client, { model: "bgnbd", calibrationEnd: "1997-09-30", unit: "week" });
 * fit.params; // { r: 0.243, alpha: 4.41, a: 0.79, b: 2.43 }
 */
export async function fitFromStore(client: DuckDBClient, options: FitFromStoreOptions): Promise<ClvFit> {
  const { model, penalizer, ...summary } = options;
  const fitOptions = penalizer === undefined ? {} : { penalizer };
  if (model === "gamma-gamma") {
    const cols = await readColumns(client, compressedSpendQuery(duckdbDialect, summary));
    const x = floatColumn(cols, "x");
    if (x.length === 0)
      throw new Error("no customer has a repeat purchase with positive spend: nothing to fit");
    return toClvFit(
      "gamma-gamma",
      fitGammaGamma({ x, m: floatColumn(cols, "monetary"), count: floatColumn(cols, "n") }, fitOptions),
    );
  }
  if (model === "bgbb" || model === "sbg") {
    throw new Error(`${model} is fitted from discrete-period data: give a summary file with --summary`);
  }
  const cols = await readColumns(client, compressedSummaryQuery(duckdbDialect, summary));
  const x = floatColumn(cols, "x");
  if (x.length === 0) throw new Error("no customer purchased in the calibration period: nothing to fit");
  return purchaseModel(model).fit(
    { x, tx: floatColumn(cols, "t_x"), T: floatColumn(cols, "T"), count: floatColumn(cols, "n") },
    fitOptions,
  );
}
