import { randomUUID } from "node:crypto";
import type { Engine, Row } from "@vafa/core";
import type { ClvFit } from "./ClvFit.ts";
import { parseClvModel } from "./ClvModel.ts";

/** Where a stored fit came from. */
export interface FitContext {
  /** Calibration end the summary used (`YYYY-MM-DD`); null for the last day with data. */
  readonly calibrationEnd: string | null;
  /** Time unit of the parameters (rates are per unit). */
  readonly unit: "day" | "week";
  /** The data the fit saw (see `dataVersion`); default none, so the fit is never reused. */
  readonly dataVersion?: string;
  /** The settings the fit was made with, as a canonical key (see `fitIfNeeded`); default none. */
  readonly settings?: string;
}

/** A fit read back from `model_fits`. */
export interface StoredFit extends ClvFit {
  readonly id: string;
  readonly fitted_at: string;
  readonly calibrationEnd: string | null;
  readonly unit: "day" | "week";
}

/**
 * Records a fit in the analytic store's `model_fits` (facts and what is derived from them live
 * there, on every engine) and returns its id, so later steps (scoring, alerts, reports) can read the
 * parameters without refitting.
 *
 * @example
 * await recordFit(engine, fit, { calibrationEnd: "1997-09-30", unit: "week" }); // "5b0c…"
 */
export async function recordFit(engine: Engine, fit: ClvFit, context: FitContext): Promise<string> {
  const id = randomUUID();
  const values = [
    id,
    fit.model,
    new Date(),
    JSON.stringify(fit.params),
    JSON.stringify(fit.std_errors),
    fit.log_likelihood,
    fit.n,
    context.calibrationEnd,
    context.unit,
    context.dataVersion ?? "",
    context.settings ?? "",
  ];
  await engine.facts.run({
    sql: `INSERT INTO model_fits (id, model, fitted_at, params, std_errors, log_likelihood, n, calibration_end,
        unit, data_version, settings)
      VALUES (${values.map((_, i) => engine.dialect.param(i + 1)).join(", ")})`,
    params: values,
  });
  return id;
}

const COLUMNS = "id, model, fitted_at, params, std_errors, log_likelihood, n, calibration_end, unit";

/** A `model_fits` row as a StoredFit (DuckDB gives the date as a timestamp's text, ClickHouse as the day). */
function toStoredFit(row: Row): StoredFit {
  const calibrationEnd = row.calibration_end;
  return {
    id: String(row.id),
    model: parseClvModel(String(row.model)),
    fitted_at: String(row.fitted_at),
    params: JSON.parse(String(row.params)) as Record<string, number>,
    std_errors: JSON.parse(String(row.std_errors ?? "{}")) as Record<string, number>,
    log_likelihood: Number(row.log_likelihood),
    n: Number(row.n),
    converged: true,
    calibrationEnd:
      calibrationEnd === null || calibrationEnd === undefined ? null : String(calibrationEnd).slice(0, 10),
    unit: row.unit === "day" ? "day" : "week",
  };
}

/**
 * The most recent fit of `model` in the store, or null when there is none.
 *
 * @example
 * const fit = await latestFit(engine, "bgnbd"); // fit?.params.r
 */
export async function latestFit(engine: Engine, model: string): Promise<StoredFit | null> {
  const [row] = await engine.facts.all({
    sql: `SELECT ${COLUMNS} FROM model_fits WHERE model = ${engine.dialect.param(1)}
      ORDER BY fitted_at DESC LIMIT 1`,
    params: [model],
  });
  return row === undefined ? null : toStoredFit(row);
}

/**
 * The most recent fit of `model` made on `dataVersion` with `settings`, or null: the fit to reuse.
 *
 * @example
 * const fit = await matchingFit(engine, "bgnbd", '{"unit":"week"}', "3:541909:4372");
 */
export async function matchingFit(
  engine: Engine,
  model: string,
  settings: string,
  dataVersion: string,
): Promise<StoredFit | null> {
  const p = (i: number) => engine.dialect.param(i);
  const [row] = await engine.facts.all({
    sql: `SELECT ${COLUMNS} FROM model_fits
      WHERE model = ${p(1)} AND settings = ${p(2)} AND data_version = ${p(3)}
      ORDER BY fitted_at DESC LIMIT 1`,
    params: [model, settings, dataVersion],
  });
  return row === undefined ? null : toStoredFit(row);
}
