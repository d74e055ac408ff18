import {
  chiSquare,
  cumulativeTracking,
  customerSummaryQuery,
  duckdbDialect,
  type HoldoutAccuracy,
  holdoutAccuracy,
  type SummaryOptions,
  sql,
  toEpochDay,
  trackingDataQuery,
} from "@vafa/core";
import { bic, expectedFrequencyCounts, observedFrequencyCounts } from "@vafa/models";
import type { DuckDBClient } from "../DuckDBClient.ts";
import type { ClvFit } from "./ClvFit.ts";
import { type PurchaseModelName, purchaseModels } from "./ClvModel.ts";
import { purchaseModel } from "./purchaseModel.ts";
import { floatColumn, readColumns } from "./readColumns.ts";

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
  readonly holdout: Record<string, HoldoutAccuracy>;
  /** Customers per calibration repeat-purchase class: actual and each model's expectation. */
  readonly frequency: Record<string, number | string>[];
  /** Weekly cumulative repeat purchases: actual and each model's expectation. */
  readonly tracking: Record<string, number | boolean>[];
}

/**
 * Fits each purchase model on the calibration period and checks it against the data: log-likelihood,
 * BIC, holdout accuracy per customer and in aggregate, goodness of fit of the calibration frequency
 * histogram (0..7+ repeat purchases, chi-square), and the weekly cumulative tracking curve of the
 * BG/NBD paper. Fitting uses compressed patterns; holdout accuracy groups customers by
 * (x, t_x, T, holdout purchases), which loses nothing since predictions depend on the pattern only.
 *
 * @example
 * const check = await checkModels(store.client, { calibrationEnd: "1997-09-30", holdoutEnd: "1998-06-30" });
 * check.comparison[0]?.model; // the model with the lowest BIC
 */
export async function checkModels(client: DuckDBClient, options: CheckOptions): Promise<ModelCheck> {
  const unit = options.unit ?? "week";
  const unitDays = unit === "day" ? 1 : 7;
  const maxClass = options.maxClass ?? 7;
  let holdoutEnd = options.holdoutEnd;
  if (holdoutEnd === undefined) {
    const [row] = await client.all(
      sql("SELECT CAST(CAST(max(occurred_at) AS DATE) AS VARCHAR) AS d FROM transactions"),
    );
    if (row?.d === null || row?.d === undefined) throw new Error("the store has no transactions");
    holdoutEnd = String(row.d);
  }
  const calDay = toEpochDay(options.calibrationEnd);
  const endDay = toEpochDay(holdoutEnd);
  if (!(endDay > calDay)) throw new Error("the holdout end must be after the calibration end");
  const horizon = (endDay - calDay) / unitDays;
  const summaryOptions: SummaryOptions = {
    calibrationEnd: options.calibrationEnd,
    holdoutEnd,
    unit,
    ...(options.exactTime === undefined ? {} : { exactTime: options.exactTime }),
  };

  const inner = customerSummaryQuery(duckdbDialect, summaryOptions);
  const cols = await readColumns(
    client,
    sql(
      `SELECT x, t_x, "T", holdout_x, count(*) AS n FROM (${inner.sql}) s
       GROUP BY x, t_x, "T", holdout_x ORDER BY x, t_x, "T", holdout_x`,
      inner.params,
    ),
  );
  const x = floatColumn(cols, "x");
  const tx = floatColumn(cols, "t_x");
  const T = floatColumn(cols, "T");
  const actual = floatColumn(cols, "holdout_x");
  const count = floatColumn(cols, "n");
  if (x.length === 0) throw new Error("no customer purchased in the calibration period");
  // Ages rounded to 0.01 unit for the histogram: the expectation is memoised per distinct age.
  const ageCounts = new Map<number, number>();
  for (let i = 0; i < T.length; i++) {
    const age = Math.round((T[i] as number) * 100) / 100;
    ageCounts.set(age, (ageCounts.get(age) ?? 0) + (count[i] as number));
  }
  const ages = Float64Array.from(ageCounts.keys());
  const ageWeights = Float64Array.from(ageCounts.values());
  const observed = observedFrequencyCounts(x, count, maxClass);

  const tracking = await readColumns(client, trackingDataQuery(duckdbDialect, summaryOptions));
  const days = floatColumn(tracking, "day");
  const births = floatColumn(tracking, "births");
  const repeats = floatColumn(tracking, "repeats");

  const fits: ClvFit[] = [];
  const comparison: ModelComparison[] = [];
  const holdout: Record<string, HoldoutAccuracy> = {};
  const frequency: Record<string, number | string>[] = Array.from(observed, (v, k) => ({
    frequency: k === maxClass ? `${k}+` : String(k),
    actual: v,
  }));
  const curve: Record<string, number | boolean>[] = [];
  for (const name of options.models ?? purchaseModels) {
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
      birthOffset: options.exactTime === true ? 0.5 : 1,
      expectedPurchases: (t) => model.expectedPurchases(fit.params, t),
    });
    weeks.forEach((w, i) => {
      const row = curve[i] ?? { week: w.week, actual: w.actual, holdout: w.holdout };
      row[name] = w.expected;
      curve[i] = row;
    });
  }
  comparison.sort((a, b) => a.bic - b.bic);
  return {
    calibration_end: options.calibrationEnd,
    holdout_end: holdoutEnd,
    holdout_length: horizon,
    unit,
    fits,
    comparison,
    holdout,
    frequency,
    tracking: curve,
  };
}
