import { parentPort } from "node:worker_threads";
import { isAppError } from "@vafa/core";
import { type ModelTask, runModelTask } from "./ModelTask.ts";

/** Messages a model worker sends its parent. */
export type WorkerMessage =
  | { readonly type: "progress"; readonly stage: string; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly value: unknown }
  | { readonly type: "error"; readonly name: string; readonly kind: string | null; readonly message: string };

// The worker thread's body: one task in, progress and one result (or error) out.
parentPort?.once("message", (task: ModelTask) => {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  try {
    const value = runModelTask(task, (p) => post({ type: "progress", ...p }));
    post({ type: "result", value });
  } catch (error) {
    post({
      type: "error",
      name: error instanceof Error ? error.name : "Error",
      kind: isAppError(error) ? error.kind : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
