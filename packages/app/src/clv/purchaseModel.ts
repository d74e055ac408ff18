import { AppError } from "@vafa/core";
import {
  type BgNbdParams,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfPurchases,
  type FitOptions,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  type MbgNbdParams,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityOfPurchases,
  type NumericArray,
  type ParetoNbdParams,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
  type RfmData,
} from "@vafa/models";
import { type ClvFit, toClvFit } from "./ClvFit.ts";
import type { PurchaseModelName } from "./ClvModel.ts";

/** A purchase model's fit and predictions behind one interface, parameters as a plain record. */
export interface PurchaseModel {
  readonly name: PurchaseModelName;
  /** Number of parameters, for BIC. */
  readonly k: number;
  fit(data: RfmData, options?: FitOptions): ClvFit;
  probabilityAlive(
    params: Record<string, number>,
    x: NumericArray,
    tx: NumericArray,
    T: NumericArray,
  ): Float64Array;
  conditionalExpectedPurchases(
    params: Record<string, number>,
    t: number,
    x: NumericArray,
    tx: NumericArray,
    T: NumericArray,
  ): Float64Array;
  expectedPurchases(params: Record<string, number>, t: number): number;
  probabilityOfPurchases(params: Record<string, number>, t: number, x: number): number;
}

function pick<K extends string>(params: Record<string, number>, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const v = params[name];
    if (v === undefined || !Number.isFinite(v))
      throw new AppError("bad_input", `missing model parameter '${name}'`);
    out[name] = v;
  }
  return out;
}

const bg = (p: Record<string, number>): BgNbdParams => pick(p, ["r", "alpha", "a", "b"]);
const mbg = (p: Record<string, number>): MbgNbdParams => pick(p, ["r", "alpha", "a", "b"]);
const pareto = (p: Record<string, number>): ParetoNbdParams => pick(p, ["r", "alpha", "s", "beta"]);

const models: Record<PurchaseModelName, PurchaseModel> = {
  bgnbd: {
    name: "bgnbd",
    k: 4,
    fit: (data, options) => toClvFit("bgnbd", fitBgNbd(data, options)),
    probabilityAlive: (p, x, tx, T) => bgNbdProbabilityAlive(bg(p), x, tx, T),
    conditionalExpectedPurchases: (p, t, x, tx, T) => bgNbdConditionalExpectedPurchases(bg(p), t, x, tx, T),
    expectedPurchases: (p, t) => bgNbdExpectedPurchases(bg(p), t),
    probabilityOfPurchases: (p, t, x) => bgNbdProbabilityOfPurchases(bg(p), t, x),
  },
  mbgnbd: {
    name: "mbgnbd",
    k: 4,
    fit: (data, options) => toClvFit("mbgnbd", fitMbgNbd(data, options)),
    probabilityAlive: (p, x, tx, T) => mbgNbdProbabilityAlive(mbg(p), x, tx, T),
    conditionalExpectedPurchases: (p, t, x, tx, T) => mbgNbdConditionalExpectedPurchases(mbg(p), t, x, tx, T),
    expectedPurchases: (p, t) => mbgNbdExpectedPurchases(mbg(p), t),
    probabilityOfPurchases: (p, t, x) => mbgNbdProbabilityOfPurchases(mbg(p), t, x),
  },
  "pareto-nbd": {
    name: "pareto-nbd",
    k: 4,
    fit: (data, options) => toClvFit("pareto-nbd", fitParetoNbd(data, options)),
    probabilityAlive: (p, x, tx, T) => paretoNbdProbabilityAlive(pareto(p), x, tx, T),
    conditionalExpectedPurchases: (p, t, x, tx, T) =>
      paretoNbdConditionalExpectedPurchases(pareto(p), t, x, tx, T),
    expectedPurchases: (p, t) => paretoNbdExpectedPurchases(pareto(p), t),
    probabilityOfPurchases: (p, t, x) => paretoNbdProbabilityOfPurchases(pareto(p), t, x),
  },
};

/**
 * The purchase model called `name`, so fitting, scoring and checking code is written once for all three.
 *
 * @example
 * purchaseModel("pareto-nbd").probabilityAlive(params, x, tx, T);
 */
export function purchaseModel(name: PurchaseModelName): PurchaseModel {
  return models[name];
}
