import type { ClvFit } from "../clv/ClvFit.ts";
import type { PurchaseModelName } from "../clv/ClvModel.ts";
import { type CheckInputs, computeCheck, type ModelCheck } from "../clv/checkModels.ts";
import { type FitInputs, fitInputs } from "../clv/fitPurchaseModel.ts";

/** Work for a model worker: typed arrays and plain values only (no connection crosses threads). */
export type ModelTask =
  | { readonly kind: "fit"; readonly inputs: FitInputs }
  | { readonly kind: "check"; readonly inputs: CheckInputs };

/** What a {@link ModelTask} gives back. */
export type ModelTaskResult<T extends ModelTask> = T extends { kind: "fit" } ? ClvFit : ModelCheck;

/** A step of a running task, for a progress line: e.g. "fitting pareto-nbd", 1 of 3 done. */
export interface ModelProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/**
 * Runs a model task on the calling thread: the pure models code on compressed inputs. The model
 * worker calls it; so can anything that may block its own thread.
 *
 * @example
 * runModelTask({ kind: "fit", inputs }, (p) => console.log(p.stage)); // "fitting bgnbd"
 */
export function runModelTask(
  task: ModelTask,
  onProgress: (progress: ModelProgress) => void = () => {},
): ClvFit | ModelCheck {
  if (task.kind === "fit") {
    onProgress({ stage: `fitting ${task.inputs.model}`, done: 0, total: 1 });
    return fitInputs(task.inputs);
  }
  return computeCheck(task.inputs, (model: PurchaseModelName, index, total) =>
    onProgress({ stage: `fitting ${model}`, done: index, total }),
  );
}
