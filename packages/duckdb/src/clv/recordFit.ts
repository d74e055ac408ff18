import { randomUUID } from "node:crypto";
import { sql } from "@vafa/core";
import type { DuckDBClient } from "../DuckDBClient.ts";
import type { ClvFit } from "./ClvFit.ts";
import { parseClvModel } from "./ClvModel.ts";

/** Where a stored fit came from. */
export interface FitContext {
  /** Calibration end the summary used (`YYYY-MM-DD`); null for the last day with data. */
  readonly calibrationEnd: string | null;
  /** Time unit of the parameters (rates are per unit). */
  readonly unit: "day" | "week";
}

/**
 * Records a fit in `model_fits` and returns its id, so later steps (scoring, alerts, reports) can
 * read the parameters without refitting.
 *
 * @example
 * await recordFit(store.client, fit, { calibrationEnd: "1997-09-30", unit: "week" }); // "5b0c…"
 */
export async function recordFit(client: DuckDBClient, fit: ClvFit, context: FitContext): Promise<string> {
  const id = randomUUID();
  await client.run(
    sql(
      `INSERT INTO model_fits (id, model, fitted_at, params, std_errors, log_likelihood, n, calibration_end, unit)
       VALUES ($1, $2, current_timestamp, $3, $4, $5, $6, CAST($7 AS DATE), $8)`,
      [
        id,
        fit.model,
        JSON.stringify(fit.params),
        JSON.stringify(fit.std_errors),
        fit.log_likelihood,
        fit.n,
        context.calibrationEnd,
        context.unit,
      ],
    ),
  );
  return id;
}

/** A fit read back from `model_fits`. */
export interface StoredFit extends ClvFit, FitContext {
  readonly id: string;
  readonly fitted_at: string;
}

/**
 * The most recent fit of `model` in the store, or null when there is none.
 *
 * @example
 * const fit = await latestFit(store.client, "bgnbd"); // fit?.params.r
 */
export async function latestFit(client: DuckDBClient, model: string): Promise<StoredFit | null> {
  const [row] = await client.all(
    sql(
      `SELECT id, model, fitted_at, params, std_errors, log_likelihood, n,
         CAST(calibration_end AS VARCHAR) AS calibration_end, unit
       FROM model_fits WHERE model = $1 ORDER BY fitted_at DESC LIMIT 1`,
      [model],
    ),
  );
  if (row === undefined) return null;
  return {
    id: String(row.id),
    model: parseClvModel(String(row.model)),
    fitted_at: String(row.fitted_at),
    params: JSON.parse(String(row.params)) as Record<string, number>,
    std_errors: JSON.parse(String(row.std_errors ?? "{}")) as Record<string, number>,
    log_likelihood: Number(row.log_likelihood),
    n: Number(row.n),
    converged: true,
    calibrationEnd: row.calibration_end === null ? null : String(row.calibration_end),
    unit: row.unit === "day" ? "day" : "week",
  };
}
