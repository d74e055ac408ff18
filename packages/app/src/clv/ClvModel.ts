import { AppError } from "@vafa/core";

/** The models `vafa clv` fits, by their command-line names. */
export const clvModels = ["bgnbd", "mbgnbd", "pareto-nbd", "bgbb", "gamma-gamma", "sbg"] as const;

/** One of {@link clvModels}. */
export type ClvModel = (typeof clvModels)[number];

/** The continuous-time purchase models that score customers from (x, t_x, T). */
export const purchaseModels = ["bgnbd", "pareto-nbd", "mbgnbd"] as const;

/** One of {@link purchaseModels}. */
export type PurchaseModelName = (typeof purchaseModels)[number];

/**
 * Checks a model name from the command line.
 *
 * @example
 * parseClvModel("pareto-nbd"); // "pareto-nbd"
 */
export function parseClvModel(name: string): ClvModel {
  const found = clvModels.find((m) => m === name);
  if (found === undefined)
    throw new AppError("bad_input", `unknown model '${name}': use one of ${clvModels.join(", ")}`);
  return found;
}
