import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorKind } from "@vafa/core";
import type { ModelProgress, ModelTask, ModelTaskResult } from "./ModelTask.ts";
import { ModelWorkStopped } from "./ModelWorkStopped.ts";
import type { WorkerMessage } from "./modelWorkerMain.ts";

/** Options of {@link runModelWorker}. */
export interface ModelWorkerOptions {
  /** Aborting it terminates the worker (the caller went away); the promise rejects with `cancelled`. */
  readonly signal?: AbortSignal;
  /** Wall-clock budget in ms; past it the worker is terminated and the promise rejects with `budget`. Default none. */
  readonly budgetMs?: number;
  /** Called with each step the worker reports (which model it is fitting). */
  readonly onProgress?: (progress: ModelProgress) => void;
}

const kinds: readonly AppErrorKind[] = [
  "bad_input",
  "not_found",
  "conflict",
  "forbidden",
  "not_supported",
  "internal",
];

/** The worker's entry file: beside this module in the sources, found through the package when bundled. */
function workerFile(): string {
  const here = new URL("./modelWorker.mjs", import.meta.url);
  if (here.protocol === "file:" && existsSync(fileURLToPath(here))) return fileURLToPath(here);
  const index = createRequire(import.meta.url).resolve("@vafa/app");
  return join(dirname(index), "workers", "modelWorker.mjs");
}

/** The worker's error as the caller's: an `AppError` keeps its kind, a failed fit is bad input. */
function errorOf(message: Extract<WorkerMessage, { type: "error" }>): Error {
  const kind = kinds.find((k) => k === message.kind);
  if (kind !== undefined) return new AppError(kind, message.message);
  if (message.name === "FitError") return new AppError("bad_input", message.message);
  return new Error(message.message);
}

/**
 * Runs a model fit or check in a worker thread, so the calling thread (a server answering other
 * requests, a CLI drawing progress and listening for Ctrl-C) never blocks on it. The worker gets the
 * compressed inputs — typed arrays — and runs the pure models code; no database connection crosses
 * threads. The worker is terminated when `signal` aborts or `budgetMs` passes, which stops even a
 * fit in the middle of an optimiser step (within milliseconds).
 *
 * @throws ModelWorkStopped when cancelled or over budget; AppError as the task threw it (a failed fit: `bad_input`).
 * @example
 * const fit = await runModelWorker({ kind: "fit", inputs: await readFitInputs(engine, { model: "bgnbd" }) }, { budgetMs: 60_000 });
 */
export function runModelWorker<T extends ModelTask>(
  task: T,
  options: ModelWorkerOptions = {},
): Promise<ModelTaskResult<T>> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted === true) {
      reject(new ModelWorkStopped("cancelled", "the model work was cancelled"));
      return;
    }
    const worker = new Worker(workerFile());
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () =>
      finish(() => reject(new ModelWorkStopped("cancelled", "the model work was cancelled")));
    const timer =
      options.budgetMs === undefined
        ? undefined
        : setTimeout(
            () =>
              finish(() =>
                reject(
                  new ModelWorkStopped(
                    "budget",
                    `the model work took longer than its budget of ${Math.round((options.budgetMs ?? 0) / 1000)} s and was stopped`,
                  ),
                ),
              ),
            options.budgetMs,
          );
    options.signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") options.onProgress?.(message);
      else if (message.type === "result") finish(() => resolve(message.value as ModelTaskResult<T>));
      else finish(() => reject(errorOf(message)));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) =>
      finish(() => reject(new Error(`the model worker stopped (exit code ${code}) before it answered`))),
    );
    worker.postMessage(task);
  });
}
