import { AppError } from "@vafa/core";
import { type PurchaseModelName, purchaseModels } from "./ClvModel.ts";

/** The figures of one model that the ranking reads (a row of the model check's comparison). */
export interface RankedFigures {
  readonly model: PurchaseModelName;
  readonly bic: number;
  readonly holdout_mae: number;
}

/** One model's place on the holdout and by BIC (1 = best). */
export interface ModelRank {
  readonly model: PurchaseModelName;
  readonly holdout_mae: number;
  readonly bic: number;
  readonly holdout_rank: number;
  readonly bic_rank: number;
}

/** The model a check found best, every model's rank, and the reason in plain words. */
export interface BestModel {
  readonly model: PurchaseModelName;
  /** e.g. "lowest holdout error per customer (MAE 0.812; mbgnbd 0.815, pareto-nbd 0.830); 1st by BIC". */
  readonly reason: string;
  /** Best first: by holdout MAE, BIC breaking ties. */
  readonly ranking: ModelRank[];
}

/** Holdout errors closer than this (relative) count as a tie, decided by BIC. */
export const HOLDOUT_TIE = 1e-3;

/** BICs closer than this count as equal (a log-likelihood difference of 0.05). */
export const BIC_TIE = 0.1;

const ordinal = (n: number) => `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;

/**
 * Ranks purchase models by how well they predicted the holdout — the mean absolute error of each
 * customer's holdout purchases — with BIC (fit to the calibration data, penalised for parameters)
 * breaking ties within 0.1%, and the standard order (BG/NBD, Pareto/NBD, MBG/NBD) breaking ties of
 * both; names the best with the reason. The holdout comes first because
 * it is what the scores are used for: predicting what customers do next.
 *
 * @throws AppError `internal` when there is no model to rank.
 * @example
 * bestModel([{ model: "bgnbd", bic: 100, holdout_mae: 0.9 }, { model: "pareto-nbd", bic: 101, holdout_mae: 0.8 }]);
 * // { model: "pareto-nbd", reason: "lowest holdout error per customer (MAE 0.800; bgnbd 0.900); 2nd by BIC", … }
 */
export function bestModel(rows: readonly RankedFigures[]): BestModel {
  const byBic = [...rows].sort((a, b) => a.bic - b.bic);
  const sameError = (a: number, b: number) =>
    Math.abs(a - b) <= HOLDOUT_TIE * Math.max(Math.abs(a), Math.abs(b));
  // Equal on the holdout and in BIC (all models at their common no-dropout limit): the standard
  // order of purchaseModels decides, so the choice is stable — BG/NBD first.
  const standard = (m: PurchaseModelName) => purchaseModels.indexOf(m);
  const byHoldout = [...rows].sort((a, b) =>
    !sameError(a.holdout_mae, b.holdout_mae)
      ? a.holdout_mae - b.holdout_mae
      : Math.abs(a.bic - b.bic) > BIC_TIE
        ? a.bic - b.bic
        : standard(a.model) - standard(b.model),
  );
  const ranking = byHoldout.map((r, i) => ({
    model: r.model,
    holdout_mae: r.holdout_mae,
    bic: r.bic,
    holdout_rank: i + 1,
    bic_rank: byBic.indexOf(r) + 1,
  }));
  const [best, ...rest] = ranking;
  if (best === undefined) throw new AppError("internal", "no model to rank");
  const others = rest.map((r) => `${r.model} ${r.holdout_mae.toFixed(3)}`).join(", ");
  const next = rest[0];
  const tied = next !== undefined && sameError(best.holdout_mae, next.holdout_mae);
  const bicTied = tied && Math.abs(best.bic - next.bic) <= BIC_TIE;
  const figures = `(MAE ${best.holdout_mae.toFixed(3)}${others === "" ? "" : `; ${others}`})`;
  const reason = bicTied
    ? `the models predict the holdout equally well ${figures} and fit alike (BIC ${best.bic.toFixed(1)}): ${best.model}, the standard, is used`
    : tied
      ? `holdout error per customer tied ${figures}, lower BIC (${ordinal(best.bic_rank)})`
      : `lowest holdout error per customer ${figures}; ${ordinal(best.bic_rank)} by BIC`;
  return { model: best.model, reason, ranking };
}
