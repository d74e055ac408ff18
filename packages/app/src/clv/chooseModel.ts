import { AppError, type Engine, toEpochDay } from "@vafa/core";
import { factsSummary } from "../factsSummary.ts";
import type { ModelRank } from "./bestModel.ts";
import type { PurchaseModelName } from "./ClvModel.ts";
import { type CheckInputs, computeCheck, type ModelCheck, readCheckInputs } from "./checkModels.ts";

/** The purchase model `--model auto` chose, why, and the check it rests on. */
export interface ModelChoice {
  readonly model: PurchaseModelName;
  /** Plain words: "chosen by vafa clv check (calibration to …, holdout to …): lowest holdout error …". */
  readonly reason: string;
  readonly calibration_end: string;
  readonly holdout_end: string;
  readonly ranking: ModelRank[];
}

/** Options of {@link chooseModel}. */
export interface ChooseModelOptions {
  /** Model time unit; default `"week"`. */
  readonly unit?: "day" | "week";
  /** Choose on the data up to this day only (scoring as of it); default the last day with data. */
  readonly asOf?: string;
  /** How the check runs on its inputs; default on this thread. The CLI and the server use a worker. */
  readonly runCheck?: (inputs: CheckInputs) => Promise<ModelCheck>;
}

const day = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);

/**
 * Chooses the purchase model that predicts best, as `vafa clv score --model auto` (the default)
 * does: a model check with its calibration period the first two thirds of the data (up to `asOf`)
 * and its holdout the last third, ranked by holdout error per customer with BIC breaking ties (see
 * bestModel). The choice never sees data after `asOf`.
 *
 * @throws AppError `not_found` without data; `bad_input` when the data are too short to hold out a third.
 * @example
 * const choice = await chooseModel(engine); // { model: "bgnbd", reason: "chosen by the model check (…): lowest holdout error …" }
 */
export async function chooseModel(engine: Engine, options: ChooseModelOptions = {}): Promise<ModelChoice> {
  const facts = await factsSummary(engine);
  if (facts.first_day === null || facts.last_day === null)
    throw new AppError("not_found", "the store has no transactions");
  const first = toEpochDay(String(facts.first_day).slice(0, 10));
  const last = toEpochDay(options.asOf ?? String(facts.last_day).slice(0, 10));
  const calibration = first + Math.round(((last - first) * 2) / 3);
  if (!(calibration > first && last > calibration))
    throw new AppError(
      "bad_input",
      "too little history to hold a third out and choose a model: name one with --model",
    );
  const inputs = await readCheckInputs(engine, {
    calibrationEnd: day(calibration),
    holdoutEnd: day(last),
    unit: options.unit ?? "week",
  });
  const check = options.runCheck === undefined ? computeCheck(inputs) : await options.runCheck(inputs);
  return {
    model: check.best.model,
    reason: `chosen by the model check (calibration to ${check.calibration_end}, holdout to ${check.holdout_end}): ${check.best.reason}`,
    calibration_end: check.calibration_end,
    holdout_end: check.holdout_end,
    ranking: check.best.ranking,
  };
}
