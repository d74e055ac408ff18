import type { DefectionRules } from "./DefectionRule.ts";

/** Days ahead of a `"p_purchase"` model rule when the rule gives none. */
export const DEFAULT_PURCHASE_HORIZON_DAYS = 90;

/**
 * The horizon in days of the rule set's `"p_purchase"` model rules — the window the model's
 * P(purchase) must be computed for — or null when no rule reads it. `parseDefectionRules` rejects
 * rule sets whose `"p_purchase"` rules disagree, so the first one speaks for all.
 *
 * @example
 * purchaseHorizon(defaultDefectionRules); // 90
 * purchaseHorizon({ combine: "any", rules: [{ kind: "model", atRisk: 0.5, defected: 0.2 }] }); // null
 */
export function purchaseHorizon(rules: DefectionRules): number | null {
  for (const r of rules.rules) {
    if (r.kind === "model" && r.measure === "p_purchase")
      return r.horizonDays ?? DEFAULT_PURCHASE_HORIZON_DAYS;
  }
  return null;
}
