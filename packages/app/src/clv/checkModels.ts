import {
  AppError,
  chiSquare,
  cumulativeTracking,
  customerSummaryQuery,
  type Engine,
  type HoldoutAccuracy,
  holdoutAccuracy,
  type SummaryOptions,
  toEpochDay,
  trackingDataQuery,
} from "@vafa/core";
import { bic, expectedFrequencyCounts, observedFrequencyCounts } from "@vafa/models";
import { type BestModel, bestModel } from "./bestModel.ts";
import type { ClvFit } from "./ClvFit.ts";
import { type PurchaseModelName, purchaseModels } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { lastDay } from "./scoreFrame.ts";

/** A column every query here returns. */
function floatColumn(columns: Record<string, Float64Array>, name: string): Float64Array {
  const c = columns[name];
  if (c === undefined) throw new AppError("internal", `missing column '${name}'`);
  return c;
}

/** Options of {@link checkModels}. */
export interface CheckOptions extends Pick<SummaryOptions, "unit" | "exactTime"> {
  /** Last day of the calibration period, `YYYY-MM-DD`. */
  readonly calibrationEnd: string;
  /** Last day of the holdout period; default the last day with data. */
  readonly holdoutEnd?: string;
  /** Models to fit and compare; default all three purchase models. */
  readonly models?: readonly PurchaseModelName[];
  /** Highest frequency class of the goodness-of-fit table (the last is "maxClass or more"); default 7. */
  readonly maxClass?: number;
}

/** One row of the model comparison table. */
export interface ModelComparison {
  readonly model: PurchaseModelName;
  readonly log_likelihood: number;
  /** Number of parameters. */
  readonly k: number;
  readonly bic: number;
  readonly holdout_mae: number;
  readonly holdout_rmse: number;
  readonly holdout_correlation: number;
  readonly holdout_predicted: number;
  readonly holdout_actual: number;
  /** Pearson chi-square of the calibration frequency histogram. */
  readonly chi_square: number;
}

/** Everything `vafa clv check` reports. */
export interface ModelCheck {
  readonly calibration_end: string;
  readonly holdout_end: string;
  /** Holdout length in model units. */
  readonly holdout_length: number;
  readonly unit: "day" | "week";
  readonly fits: ClvFit[];
  /** Sorted by BIC, best first. */
  readonly comparison: ModelComparison[];
  /** The model that predicted the holdout best, and why (see {@link bestModel}). */
  readonly best: BestModel;
  readonly holdout: Record<string, HoldoutAccuracy>;
  /** Customers per calibration repeat-purchase class: actual and each model's expectation. */
  readonly frequency: Record<string, number | string>[];
  /** Weekly cumulative repeat purchases: actual and each model's expectation. */
  readonly tracking: Record<string, number | boolean>[];
}

/**
 * The compressed inputs of a model check, read from the engine: typed arrays and plain numbers only,
 * so the check itself ({@link computeCheck}) can run in a worker thread with no database connection.
 */
export interface CheckInputs {
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  readonly unit: "day" | "week";
  readonly exactTime: boolean;
  readonly maxClass: number;
  readonly models: readonly PurchaseModelName[];
  /** One row per distinct (x, t_x, T, holdout purchases) with its customer count. */
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly actual: Float64Array;
  readonly count: Float64Array;
  /** The daily tracking data: day, first purchases and repeat purchases. */
  readonly days: Float64Array;
  readonly births: Float64Array;
  readonly repeats: Float64Array;
}

/**
 * Reads what a model check needs from the engine (see {@link CheckInputs}); the fits and comparisons
 * are {@link computeCheck}'s.
 *
 * @throws AppError `bad_input` when the holdout does not follow the calibration or nobody bought in it.
 * @example
 * const inputs = await readCheckInputs(engine, { calibrationEnd: "1997-09-30" });
 * inputs.x.length; // distinct patterns, not customers
 */
export async function readCheckInputs(engine: Engine, options: CheckOptions): Promise<CheckInputs> {
  const unit = options.unit ?? "week";
  const holdoutEnd = options.holdoutEnd ?? (await lastDay(engine));
  if (!(toEpochDay(holdoutEnd) > toEpochDay(options.calibrationEnd)))
    throw new AppError("bad_input", "the holdout end must be after the calibration end");
  const summaryOptions: SummaryOptions = {
    calibrationEnd: options.calibrationEnd,
    holdoutEnd,
    unit,
    ...(options.exactTime === undefined ? {} : { exactTime: options.exactTime }),
  };
  const inner = customerSummaryQuery(engine.dialect, summaryOptions);
  const cols = await engine.floatColumns({
    sql: `SELECT x, t_x, "T", holdout_x, count(*) AS n FROM (${inner.sql}) s
       GROUP BY x, t_x, "T", holdout_x ORDER BY x, t_x, "T", holdout_x`,
    params: inner.params,
  });
  const x = floatColumn(cols, "x");
  if (x.length === 0) throw new AppError("bad_input", "no customer purchased in the calibration period");
  const tracking = await engine.floatColumns(trackingDataQuery(engine.dialect, summaryOptions));
  return {
    calibrationEnd: options.calibrationEnd,
    holdoutEnd,
    unit,
    exactTime: options.exactTime === true,
    maxClass: options.maxClass ?? 7,
    models: options.models ?? purchaseModels,
    x,
    tx: floatColumn(cols, "t_x"),
    T: floatColumn(cols, "T"),
    actual: floatColumn(cols, "holdout_x"),
    count: floatColumn(cols, "n"),
    days: floatColumn(tracking, "day"),
    births: floatColumn(tracking, "births"),
    repeats: floatColumn(tracking, "repeats"),
  };
}

/**
 * Fits each purchase model on the calibration period and checks it against the data: log-likelihood,
 * BIC, holdout accuracy per customer and in aggregate, goodness of fit of the calibration frequency
 * histogram (0..7+ repeat purchases, chi-square), and the weekly cumulative tracking curve of the
 * BG/NBD paper. Fitting uses compressed patterns; holdout accuracy groups customers by
 * (x, t_x, T, holdout purchases), which loses nothing since predictions depend on the pattern only.
 *
 * @example
 * const check = await checkModels(engine, { calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
 * check.comparison[0]?.model; // the model with the lowest BIC
 * check.best.model; // the model that predicted the holdout best
 */
export async function checkModels(engine: Engine, options: CheckOptions): Promise<ModelCheck> {
  return computeCheck(await readCheckInputs(engine, options));
}

/**
 * The model check on inputs already read (pure: no engine, so it runs in a worker thread). Calls
 * `onModel` before fitting each model, for progress.
 *
 * @example
 * computeCheck(await readCheckInputs(engine, options), (model, i, n) => log(`${model} ${i + 1}/${n}`));
 */
export function computeCheck(
  inputs: CheckInputs,
  onModel: (model: PurchaseModelName, index: number, total: number) => void = () => {},
): ModelCheck {
  const { unit, maxClass, x, tx, T, actual, count, days, births, repeats } = inputs;
  const unitDays = unit === "day" ? 1 : 7;
  const calDay = toEpochDay(inputs.calibrationEnd);
  const endDay = toEpochDay(inputs.holdoutEnd);
  const horizon = (endDay - calDay) / unitDays;
  // Ages rounded to 0.01 unit for the histogram: the expectation is memoised per distinct age.
  const ageCounts = new Map<number, number>();
  for (let i = 0; i < T.length; i++) {
    const age = Math.round((T[i] as number) * 100) / 100;
    ageCounts.set(age, (ageCounts.get(age) ?? 0) + (count[i] as number));
  }
  const ages = Float64Array.from(ageCounts.keys());
  const ageWeights = Float64Array.from(ageCounts.values());
  const observed = observedFrequencyCounts(x, count, maxClass);

  const fits: ClvFit[] = [];
  const comparison: ModelComparison[] = [];
  const holdout: Record<string, HoldoutAccuracy> = {};
  const frequency: Record<string, number | string>[] = Array.from(observed, (v, k) => ({
    frequency: k === maxClass ? `${k}+` : String(k),
    actual: v,
  }));
  const curve: Record<string, number | boolean>[] = [];
  inputs.models.forEach((name, index) => {
    onModel(name, index, inputs.models.length);
    const model = purchaseModel(name);
    const fit = model.fit({ x, tx, T, count }, { allowNonConvergence: true });
    fits.push(fit);
    const predicted = model.conditionalExpectedPurchases(fit.params, horizon, x, tx, T);
    const accuracy = holdoutAccuracy(predicted, actual, count);
    holdout[name] = accuracy;
    const expected = expectedFrequencyCounts(
      (k, t) => model.probabilityOfPurchases(fit.params, t, k),
      ages,
      ageWeights,
      maxClass,
    );
    expected.forEach((e, k) => {
      const row = frequency[k];
      if (row !== undefined) row[name] = e;
    });
    comparison.push({
      model: name,
      log_likelihood: fit.log_likelihood,
      k: model.k,
      bic: bic(fit.log_likelihood, model.k, fit.n),
      holdout_mae: accuracy.mae,
      holdout_rmse: accuracy.rmse,
      holdout_correlation: accuracy.correlation,
      holdout_predicted: accuracy.predicted_total,
      holdout_actual: accuracy.actual_total,
      chi_square: chiSquare(expected, observed),
    });
    const weeks = cumulativeTracking({
      days,
      births,
      repeats,
      calibrationEnd: calDay,
      end: endDay,
      unitDays,
      birthOffset: inputs.exactTime ? 0.5 : 1,
      expectedPurchases: (t) => model.expectedPurchases(fit.params, t),
    });
    weeks.forEach((w, i) => {
      const row = curve[i] ?? { week: w.week, actual: w.actual, holdout: w.holdout };
      row[name] = w.expected;
      curve[i] = row;
    });
  });
  comparison.sort((a, b) => a.bic - b.bic);
  return {
    calibration_end: inputs.calibrationEnd,
    holdout_end: inputs.holdoutEnd,
    holdout_length: horizon,
    unit,
    fits,
    comparison,
    best: bestModel(comparison),
    holdout,
    frequency,
    tracking: curve,
  };
}

/**
 * Two thirds into the data: the default calibration end of a model check, so a third of the time
 * with data is left for the holdout.
 *
 * @throws AppError `not_found` when the store has no transactions.
 * @example
 * await defaultCalibrationEnd(engine); // "2011-08-31" on Online Retail
 */
export async function defaultCalibrationEnd(engine: Engine): Promise<string> {
  const day = engine.dialect.epochDay("occurred_at", null);
  const [row] = await engine.facts.all({
    sql: `SELECT min(${day}) AS first_day, max(${day}) AS last_day, count(*) AS n FROM transactions`,
    params: [],
  });
  if (row === undefined || Number(row.n) === 0)
    throw new AppError("not_found", "the store has no transactions");
  const first = Number(row.first_day);
  const last = Number(row.last_day);
  const d = first + Math.round(((last - first) * 2) / 3);
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}
