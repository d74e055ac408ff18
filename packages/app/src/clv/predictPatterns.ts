import { customerLifetimeValue } from "@vafa/models";
import type { PurchaseModel } from "./purchaseModel.ts";

/** Distinct (x, t_x, T) patterns, best sorted by (x, T) (see {@link predictPatterns}). */
export interface Patterns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
}

/** How far ahead and how to discount, in the model's time unit. */
export interface PredictionHorizon {
  /** Number of steps (e.g. 12 months). */
  readonly steps: number;
  /** Length of one step in model time units. */
  readonly stepLength: number;
  /** Discount rate per step. */
  readonly discountRate: number;
}

/** Per pattern: P(alive), purchases expected over the horizon, and those purchases discounted per step. */
export interface PatternPredictions {
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  /** Σ over steps of the step's expected purchases / (1 + rate)^step: CLV per unit of spend × margin. */
  readonly discountedPurchases: Float64Array;
}

/**
 * Predicts every pattern over the horizon. In the BG/NBD, MBG/NBD and Pareto/NBD the conditional
 * expected purchases are P(alive | x, t_x, T) × E[X(t) | alive, x, T]: t_x enters through P(alive)
 * only. So the costly part, a hypergeometric function per step, runs once per distinct (x, T) —
 * a run of equal (x, T) in the input — and is scaled by each pattern's P(alive): on a million
 * simulated customers 26 thousand (x, T) pairs instead of half a million patterns.
 *
 * @example
 * predictPatterns(purchaseModel("bgnbd"), params, { x, tx, T }, { steps: 12, stepLength: 4.35, discountRate: 0.008 });
 */
export function predictPatterns(
  model: PurchaseModel,
  params: Record<string, number>,
  patterns: Patterns,
  horizon: PredictionHorizon,
): PatternPredictions {
  const { x, tx, T } = patterns;
  const n = x.length;
  const pAlive = model.probabilityAlive(params, x, tx, T);
  // One representative per run of equal (x, T), with t_x = T (any t_x valid for x does: the ratio
  // below does not depend on it) and t_x = 0 for x = 0.
  const run = new Int32Array(n);
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || x[i] !== x[i - 1] || T[i] !== T[i - 1]) firsts.push(i);
    run[i] = firsts.length - 1;
  }
  const ux = Float64Array.from(firsts, (i) => x[i] as number);
  const uT = Float64Array.from(firsts, (i) => T[i] as number);
  const utx = Float64Array.from(firsts, (i) => ((x[i] as number) > 0 ? (T[i] as number) : 0));
  const uAlive = model.probabilityAlive(params, ux, utx, uT);
  let ifAlive: Float64Array = new Float64Array(firsts.length);
  const discountedIfAlive = customerLifetimeValue({
    expectedPurchases: (t) => {
      const e = model.conditionalExpectedPurchases(params, t, ux, utx, uT);
      for (let k = 0; k < e.length; k++) e[k] = (e[k] as number) / (uAlive[k] as number);
      ifAlive = e; // the last step ends at the horizon
      return e;
    },
    spend: new Float64Array(firsts.length).fill(1),
    discountRate: horizon.discountRate,
    steps: horizon.steps,
    stepLength: horizon.stepLength,
  });
  const expectedPurchases = new Float64Array(n);
  const discountedPurchases = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = run[i] as number;
    expectedPurchases[i] = (ifAlive[k] as number) * (pAlive[i] as number);
    discountedPurchases[i] = (discountedIfAlive[k] as number) * (pAlive[i] as number);
  }
  return { pAlive, expectedPurchases, discountedPurchases };
}
