import { type SqlValue, sql } from "@vafa/core";
import {
  type ClvFit,
  type ClvModel,
  checkModels,
  clvModels,
  type DuckDBClient,
  fitFromStore,
  latestFit,
  purchaseModels,
  recordFit,
  scoreCustomers,
} from "@vafa/duckdb";
import { z } from "zod";
import type { AppContext } from "../AppContext.ts";
import { audit } from "../audit.ts";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { embedded } from "../engine/embedded.ts";
import { requireWritable } from "../http/guards.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { readSettings } from "../settings.ts";
import { onOwnConnection } from "./defectionRoutes.ts";

/** Models fitted from the store's transactions (the discrete-period ones need a summary file). */
const storeModels = ["bgnbd", "mbgnbd", "pareto-nbd", "gamma-gamma"] as const;
const unit = z.enum(["day", "week"]).default("week");

/**
 * The latest stored fit of `model` for the same calibration end and unit when no load came after
 * it, else a fresh fit, recorded (as `vafa clv score` does).
 */
async function fitIfNeeded(
  client: DuckDBClient,
  model: ClvModel,
  calibrationEnd: string | null,
  fitUnit: "day" | "week",
): Promise<{ fit: ClvFit; reused: boolean }> {
  const stored = await latestFit(client, model);
  if (stored !== null && stored.calibrationEnd === calibrationEnd && stored.unit === fitUnit) {
    const [row] = await client.all(
      sql("SELECT count(*) AS newer FROM loads WHERE started_at >= CAST($1 AS TIMESTAMP)", [
        stored.fitted_at,
      ]),
    );
    if (Number(row?.newer ?? 0) === 0) return { fit: stored, reused: true };
  }
  const fit = await fitFromStore(client, {
    model,
    unit: fitUnit,
    ...(calibrationEnd === null ? {} : { calibrationEnd }),
  });
  await recordFit(client, fit, { calibrationEnd, unit: fitUnit });
  return { fit, reused: false };
}

/** Two thirds into the data: the default calibration end of a model check. */
async function defaultCalibrationEnd(app: AppContext): Promise<string> {
  const [row] = await app.engine.facts.all(
    sql(`SELECT CAST(CAST(min(occurred_at) AS DATE) + CAST(round((CAST(max(occurred_at) AS DATE)
           - CAST(min(occurred_at) AS DATE)) * 2 / 3) AS INTEGER) AS VARCHAR) AS d FROM transactions`),
  );
  if (row?.d === null || row?.d === undefined) throw new HttpError(400, "the store has no transactions");
  return String(row.d);
}

const scoreOrders = ["clv", "p_alive", "expected_purchases", "expected_spend", "historical_value"] as const;

/** CLV models: fits, scores and the model check, over the library's `clv` module. */
export function modelRoutes(): Route[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/models/fit",
      summary: "Fit a purchase or spend model on the store's transactions and record it (a background job)",
      tag: "models",
      access: "analyse",
      feature: "clv-fit",
      body: z.object({
        model: z.enum(storeModels),
        calibration_end: z.iso.date().optional(),
        unit,
      }),
      returns:
        "{ jobId } — the job's result is the fit { id, model, params, std_errors, log_likelihood, n, converged }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        await audit(app, user, "model.fit", body.model, body);
        const jobId = await app.jobs.start("model-fit", user.id, (progress) =>
          onOwnConnection(app, async (client) => {
            progress(0.05);
            const fit = await fitFromStore(client, {
              model: body.model,
              unit: body.unit,
              ...(body.calibration_end !== undefined ? { calibrationEnd: body.calibration_end } : {}),
            });
            const id = await recordFit(client, fit, {
              calibrationEnd: body.calibration_end ?? null,
              unit: body.unit,
            });
            return { id, ...fit };
          }),
        );
        return { jobId };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/models/fits",
      summary: "The latest recorded fit of each model",
      tag: "models",
      access: "read",
      feature: "clv-fit",
      returns:
        "{ rows: [{id, model, fitted_at, params, std_errors, log_likelihood, n, calibrationEnd, unit}] }",
      handle: async ({ app }) => {
        const rows = await embedded(app, async (c) => {
          const fits = [];
          for (const model of clvModels) {
            const fit = await latestFit(c, model);
            if (fit !== null) fits.push(fit);
          }
          return fits;
        });
        return { rows };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/models/score",
      summary:
        "Score every customer (P(alive), expected purchases and spend, CLV) with a purchase model and Gamma-Gamma, fitted if needed, into customer_scores (a background job)",
      tag: "models",
      access: "analyse",
      feature: "clv-score",
      body: z.object({
        model: z.enum(purchaseModels).default("bgnbd"),
        horizon_days: z.number().int().min(1).max(36_500).default(365),
        discount_rate: z.number().min(0).max(10).default(0.1),
        margin: z.number().min(0).max(1).optional(),
        calibration_end: z.iso.date().optional(),
        unit,
      }),
      returns:
        "{ jobId } — the job's result is { model, customers, total_clv, mean_p_alive, top, refitted, … }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const margin = body.margin ?? (await readSettings(app.state)).margin ?? 1;
        const calibrationEnd = body.calibration_end ?? null;
        await audit(app, user, "model.score", body.model, body);
        const jobId = await app.jobs.start("model-score", user.id, (progress) =>
          onOwnConnection(app, async (client) => {
            const purchase = await fitIfNeeded(client, body.model, calibrationEnd, body.unit);
            progress(0.4);
            const spend = await fitIfNeeded(client, "gamma-gamma", calibrationEnd, body.unit);
            progress(0.6);
            const { p, q, v } = spend.fit.params;
            if (p === undefined || q === undefined || v === undefined)
              throw new Error("the Gamma-Gamma fit lacks p, q, v");
            const summary = await scoreCustomers(client, {
              model: body.model,
              params: purchase.fit.params,
              spendParams: { p, q, v },
              horizonDays: body.horizon_days,
              discountRate: body.discount_rate,
              margin,
              unit: body.unit,
              ...(calibrationEnd === null ? {} : { calibrationEnd }),
            });
            return {
              model: body.model,
              unit: body.unit,
              horizon_days: body.horizon_days,
              discount_rate: body.discount_rate,
              margin,
              purchase_params: purchase.fit.params,
              spend_params: spend.fit.params,
              refitted: !(purchase.reused && spend.reused),
              ...summary,
            };
          }),
        );
        return { jobId };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/models/check",
      summary:
        "Fit BG/NBD, Pareto/NBD and MBG/NBD on the calibration period and compare them on the holdout: BIC, accuracy, frequency fit, tracking",
      tag: "models",
      access: "read",
      feature: "clv-check",
      query: z.object({
        calibration_end: z.iso.date().optional(),
        holdout_end: z.iso.date().optional(),
        unit,
      }),
      returns:
        "{ calibration_end, holdout_end, holdout_length, unit, fits, comparison, holdout, frequency, tracking }",
      handle: async ({ app, query }) => {
        const calibrationEnd = query.calibration_end ?? (await defaultCalibrationEnd(app));
        const options = {
          calibrationEnd,
          unit: query.unit,
          ...(query.holdout_end !== undefined ? { holdoutEnd: query.holdout_end } : {}),
        };
        if (query.holdout_end !== undefined && query.holdout_end <= calibrationEnd)
          throw new HttpError(400, "holdout_end must be after calibration_end");
        return app.cache.get(["models-check", options], () => embedded(app, (c) => checkModels(c, options)));
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/scores",
      summary: "Customer scores (latest `POST /api/models/score`), highest first; agents see their branch's",
      tag: "models",
      access: "read",
      feature: "clv-score",
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
        order: z.enum(scoreOrders).default("clv"),
      }),
      returns:
        "{ rows: [{customer_id, model, scored_at, calibration_end, horizon_days, p_alive, expected_purchases, expected_spend, clv, historical_value}], total }",
      handle: async ({ app, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        const params: SqlValue[] = [];
        let filter = "";
        if (scope !== undefined) {
          params.push(scope);
          filter = "WHERE s.customer_id IN (SELECT id FROM customers WHERE branch = $1)";
        }
        const [count] = await app.engine.facts.all(
          sql(`SELECT count(*) AS n FROM customer_scores s ${filter}`, params),
        );
        const rows = await app.engine.facts.all(
          sql(
            `SELECT s.customer_id, s.model, CAST(s.scored_at AS VARCHAR) AS scored_at,
               CAST(s.calibration_end AS VARCHAR) AS calibration_end, s.horizon_days, s.p_alive,
               s.expected_purchases, s.expected_spend, s.clv, s.historical_value
             FROM customer_scores s ${filter}
             ORDER BY s.${query.order} DESC NULLS LAST, s.customer_id
             LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
            [...params, query.limit, query.offset],
          ),
        );
        return { rows, total: Number(count?.n ?? 0) };
      },
    }),
  ];
}
