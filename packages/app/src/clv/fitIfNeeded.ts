import type { Engine } from "@vafa/core";
import type { ClvFit } from "./ClvFit.ts";
import { dataVersion } from "./dataVersion.ts";
import { type FitPurchaseModelOptions, fitPurchaseModel } from "./fitPurchaseModel.ts";
import { matchingFit, recordFit } from "./recordFit.ts";

/** A fit to use, and whether it was read from the store rather than made now. */
export interface CurrentFit {
  readonly fit: ClvFit;
  readonly id: string;
  readonly reused: boolean;
}

/**
 * The settings that decide a fit, with every default spelled out, as a canonical key: two requests
 * that would give the same fit give the same key.
 *
 * @example
 * fitSettings({ model: "bgnbd" }); // '{"model":"bgnbd","calibrationEnd":null,"unit":"week",…}'
 */
export function fitSettings(options: FitPurchaseModelOptions): string {
  return JSON.stringify({
    model: options.model,
    calibrationEnd: options.calibrationEnd ?? null,
    unit: options.unit ?? "week",
    exactTime: options.exactTime ?? false,
    timeZone: options.timeZone ?? "UTC",
    penalizer: options.penalizer ?? 0,
  });
}

/**
 * The one fit-reuse policy of every surface (CLI, server, demo, scheduled runs): a fit is stored
 * with the data version it saw (newest load, row counts) and its settings, and reused until either
 * changes; otherwise the model is fitted now (with `fit`, when the caller has the compressed inputs
 * at hand; default `fitPurchaseModel`) and recorded.
 *
 * @example
 * const { fit, reused } = await fitIfNeeded(engine, { model: "bgnbd", unit: "week" });
 */
export async function fitIfNeeded(
  engine: Engine,
  options: FitPurchaseModelOptions,
  fit: () => Promise<ClvFit> | ClvFit = () => fitPurchaseModel(engine, options),
): Promise<CurrentFit> {
  const settings = fitSettings(options);
  const version = await dataVersion(engine);
  const stored = await matchingFit(engine, options.model, settings, version);
  if (stored !== null) return { fit: stored, id: stored.id, reused: true };
  const fresh = await fit();
  const id = await recordFit(engine, fresh, {
    calibrationEnd: options.calibrationEnd ?? null,
    unit: options.unit ?? "week",
    dataVersion: version,
    settings,
  });
  return { fit: fresh, id, reused: false };
}

/**
 * Fits a model now, whatever is stored, and records it with the data version and settings it saw,
 * so a later `fitIfNeeded` (a score) reuses it: what `vafa clv fit` does. `fitNow` makes the fit
 * (default `fitPurchaseModel` on this thread; the CLI runs it in a worker).
 *
 * @example
 * const { fit, id } = await fitAndRecord(engine, { model: "pareto-nbd", calibrationEnd: "2011-09-01" });
 */
export async function fitAndRecord(
  engine: Engine,
  options: FitPurchaseModelOptions,
  fitNow: () => Promise<ClvFit> | ClvFit = () => fitPurchaseModel(engine, options),
): Promise<CurrentFit> {
  const version = await dataVersion(engine);
  const fit = await fitNow();
  const id = await recordFit(engine, fit, {
    calibrationEnd: options.calibrationEnd ?? null,
    unit: options.unit ?? "week",
    dataVersion: version,
    settings: fitSettings(options),
  });
  return { fit, id, reused: false };
}
