import {
  chooseModel,
  clvModels,
  dataVersion,
  defaultCalibrationEnd,
  type FitPurchaseModelOptions,
  fitIfNeeded,
  fitSettings,
  latestFit,
  listScores,
  type ModelCheck,
  purchaseModels,
  readCheckInputs,
  readFitInputs,
  runModelWorker,
  scoreOrders,
  scoreStore,
} from "@vafa/app";
import { z } from "zod";
import { audit } from "../audit.ts";
import { branchScope } from "../auth/branchScope.ts";
import { signedIn } from "../auth/Principal.ts";
import { allows } from "../auth/permissions.ts";
import { requireWritable } from "../http/guards.ts";
import { HttpError } from "../http/HttpError.ts";
import { defineRoute, type Route } from "../http/Route.ts";
import { runModelJob } from "../jobs/runModelJob.ts";
import { readSettings } from "../settings.ts";

/** Models fitted from the store's transactions (the discrete-period ones need a summary file). */
const storeModels = ["bgnbd", "mbgnbd", "pareto-nbd", "gamma-gamma"] as const;
const unit = z.enum(["day", "week"]).default("week");

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
        "{ jobId } — the job's result is the fit { id, reused, model, params, std_errors, intervals, stop, identification: { code, notice, message }, log_likelihood, n, converged }",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        await audit(app, user, "model.fit", body.model, body);
        const options: FitPurchaseModelOptions = {
          model: body.model,
          unit: body.unit,
          ...(body.calibration_end !== undefined ? { calibrationEnd: body.calibration_end } : {}),
        };
        // The fit runs in a worker thread (see runModelJob), and a fit of the same data with the
        // same settings is the stored one.
        const jobId = await app.jobs.start("model-fit", user.id, async (progress) => {
          progress(0.05);
          const key = JSON.stringify(["model-fit", await dataVersion(app.engine), fitSettings(options)]);
          const { fit, id, reused } = await fitIfNeeded(app.engine, options, () =>
            runModelJob(app, key, async (engine) => ({
              kind: "fit" as const,
              inputs: await readFitInputs(engine, options),
            })),
          );
          return { id, reused, ...fit };
        });
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
        const rows = await app.engine.session(async (engine) => {
          const fits = [];
          for (const model of clvModels) {
            const fit = await latestFit(engine, model);
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
        model: z.enum(["auto", ...purchaseModels]).default("auto"),
        horizon_days: z.number().int().min(1).max(36_500).default(365),
        discount_rate: z.number().min(0).max(10).default(0.1),
        margin: z.number().min(0).max(1).optional(),
        calibration_end: z.iso.date().optional(),
        unit,
      }),
      returns:
        "{ jobId } — the job's result is { model, choice: { model, reason, ranking } | null, customers, total_clv, mean_p_alive, distribution: { p_alive, expected_purchases } (quantiles), identification: { code, notice, message } | null, top, refitted, … }; model auto (the default) scores with the model that predicts a held-out last third best",
      handle: async ({ app, body, principal }) => {
        const { user } = signedIn(principal);
        requireWritable(app);
        const margin = body.margin ?? (await readSettings(app.state)).margin ?? 1;
        await audit(app, user, "model.score", body.model, body);
        const calibration =
          body.calibration_end !== undefined ? { calibrationEnd: body.calibration_end } : {};
        const jobId = await app.jobs.start("model-score", user.id, async (progress) => {
          progress(0.05);
          const version = await dataVersion(app.engine);
          // Fits and the model check run in worker threads, stored per data version and settings.
          const choice =
            body.model === "auto"
              ? await chooseModel(app.engine, {
                  unit: body.unit,
                  ...(body.calibration_end !== undefined ? { asOf: body.calibration_end } : {}),
                  runCheck: (inputs) =>
                    app.models.run(
                      JSON.stringify([
                        "models-choice",
                        version,
                        inputs.calibrationEnd,
                        inputs.holdoutEnd,
                        body.unit,
                      ]),
                      (signal) =>
                        runModelWorker(
                          { kind: "check", inputs },
                          { signal, budgetMs: app.config.fitBudgetMs },
                        ),
                    ),
                })
              : null;
          progress(0.5);
          const model = choice?.model ?? (body.model === "auto" ? "bgnbd" : body.model);
          const scored = await app.engine.session(async (engine) =>
            scoreStore(engine, {
              model,
              runFit: (inputs) =>
                app.models.run(
                  JSON.stringify([
                    "model-fit",
                    version,
                    fitSettings({ model: inputs.model, unit: body.unit, ...calibration }),
                  ]),
                  (signal) =>
                    runModelWorker({ kind: "fit", inputs }, { signal, budgetMs: app.config.fitBudgetMs }),
                ),
              horizonDays: body.horizon_days,
              discountRate: body.discount_rate,
              margin,
              unit: body.unit,
              ...calibration,
            }),
          );
          return { ...scored, choice };
        });
        return { jobId };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/models/check",
      summary:
        "Fit BG/NBD, Pareto/NBD and MBG/NBD on the calibration period and compare them on the holdout: BIC, accuracy, frequency fit, tracking, the best model and why. Runs in a worker thread within the server's fit budget and stops when the client disconnects; the result is kept per data version and settings (header x-vafa-result: stored) and readable by every role, while only analysts and admins start a check",
      tag: "models",
      access: "read",
      feature: "clv-check",
      query: z.object({
        calibration_end: z.iso.date().optional(),
        holdout_end: z.iso.date().optional(),
        unit,
      }),
      returns:
        "{ calibration_end, holdout_end, holdout_length, unit, fits (each with identification { code, notice, message }), comparison, best: { model, reason, ranking }, holdout, frequency, tracking }",
      handle: async ({ app, query, principal, c }) => {
        const { user } = signedIn(principal);
        const calibrationEnd = query.calibration_end ?? (await defaultCalibrationEnd(app.engine));
        const options = {
          calibrationEnd,
          unit: query.unit,
          ...(query.holdout_end !== undefined ? { holdoutEnd: query.holdout_end } : {}),
        };
        if (query.holdout_end !== undefined && query.holdout_end <= calibrationEnd)
          throw new HttpError(400, "holdout_end must be after calibration_end");
        // Kept per data version and settings: a check of unchanged data is the stored one.
        const key = JSON.stringify(["models-check", await dataVersion(app.engine), options]);
        const stored = app.models.stored<ModelCheck>(key);
        c.header("x-vafa-result", stored === undefined ? "fresh" : "stored");
        if (stored !== undefined) return stored;
        if (!allows(user.role, "analyse"))
          throw new HttpError(
            403,
            `the ${user.role} role may not start a model check; once an analyst or an admin has run it on this data, its result is here for every role`,
          );
        // In a worker thread, within the budget; stopped when the client goes away.
        return runModelJob(
          app,
          key,
          async (engine) => ({ kind: "check" as const, inputs: await readCheckInputs(engine, options) }),
          c.req.raw.signal,
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/scores",
      summary: "Customer scores (latest `POST /api/models/score`), highest first; agents see their branch's",
      tag: "models",
      access: "read",
      feature: "clv-score",
      scope: "branch",
      query: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(50),
        offset: z.coerce.number().int().min(0).default(0),
        order: z.enum(scoreOrders).default("clv"),
      }),
      returns:
        "{ rows: [{customer_id, model, scored_at, calibration_end, horizon_days, p_alive, expected_purchases, expected_spend, clv, historical_value}], total }",
      handle: async ({ app, query, principal }) => {
        const scope = branchScope(signedIn(principal).user);
        return listScores(app.engine, {
          limit: query.limit,
          offset: query.offset,
          order: query.order,
          ...(scope === undefined ? {} : { branch: scope }),
        });
      },
    }),
  ];
}
