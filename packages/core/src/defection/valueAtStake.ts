import type { CustomerFeatures } from "./CustomerFeatures.ts";
import type { RuleLevel } from "./DefectionStatus.ts";

/** What a customer is worth to the business, and what its loss would cost, weighted by how likely. */
export interface ValueAtStake {
  /** Predicted CLV when scored, else last-12-months profit, else last-12-months sales; never negative. */
  readonly value: number;
  readonly basis: "clv" | "profit_12m" | "sales_12m";
  /** Value at risk: value × (1 − P(alive)) when scored, else value × severity (at risk ½, defected 1). */
  readonly priority: number;
}

const SEVERITY: Record<RuleLevel, number> = { active: 0, at_risk: 0.5, defected: 1 };

/**
 * The value at stake and the worklist priority of a customer at a given level.
 *
 * @example
 * valueAtStake({ ...features, clv: 1200, pAlive: 0.25 }, "at_risk"); // { value: 1200, basis: "clv", priority: 900 }
 */
export function valueAtStake(f: CustomerFeatures, level: RuleLevel): ValueAtStake {
  const [raw, basis]: [number, ValueAtStake["basis"]] =
    f.clv !== null
      ? [f.clv, "clv"]
      : f.profit12m !== null
        ? [f.profit12m, "profit_12m"]
        : [f.sales12m, "sales_12m"];
  const value = Math.max(0, raw);
  const priority = f.pAlive !== null ? value * (1 - f.pAlive) : value * SEVERITY[level];
  return { value, basis, priority };
}
