import { type ModelTask, type ModelTaskResult, ModelWorkStopped, runModelWorker } from "@vafa/app";
import type { AppContext } from "../AppContext.ts";
import { HttpError } from "../http/HttpError.ts";

/**
 * Runs a model fit or check for the server: in a worker thread (the request thread keeps
 * answering), within the configured time budget, one of at most `maxConcurrentFits`, stored under
 * `key` (which carries the data version and the settings) and answered from there next time. The
 * inputs are read first — on the main thread, in one engine session — and only they cross to the
 * worker. When `signal` aborts (the client went away) and no other caller waits for the same work,
 * the worker is terminated. A stopped run answers 503 with the reason.
 *
 * @throws HttpError 503 when the budget is spent or the caller went away; AppError as the task threw it.
 * @example
 * const check = await runModelJob(app, key, (e) => readCheckInputs(e, options).then((inputs) => ({ kind: "check", inputs })), c.req.raw.signal);
 */
export async function runModelJob<T extends ModelTask>(
  app: AppContext,
  key: string,
  read: (engine: AppContext["engine"]) => Promise<T>,
  signal?: AbortSignal,
): Promise<ModelTaskResult<T>> {
  try {
    return await app.models.run(
      key,
      async (cancel) => {
        const task = await app.engine.session(read);
        return runModelWorker(task, { signal: cancel, budgetMs: app.config.fitBudgetMs });
      },
      signal,
    );
  } catch (error) {
    if (error instanceof ModelWorkStopped)
      throw new HttpError(503, error.message, { reason: error.reason, budgetMs: app.config.fitBudgetMs });
    throw error;
  }
}
