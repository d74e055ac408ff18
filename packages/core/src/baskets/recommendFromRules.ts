import type { BasketItem, BasketRule } from "./mineBaskets.ts";

/** A product (or category) to offer a customer, with the rule that justifies it. */
export interface Recommendation extends BasketItem {
  /** confidence × lift of the justifying rule: how likely, and how much likelier than by chance. */
  readonly score: number;
  readonly confidence: number;
  readonly lift: number;
  /** The best-scoring rule whose antecedent the customer bought and whose consequent holds this item. */
  readonly rule: BasketRule;
}

/**
 * Next best items for a customer: from rules whose whole antecedent the customer has bought and
 * whose consequent holds an item they have not, each item scored by its best rule's confidence ×
 * lift (ties: higher support, then item code). Items the customer already bought are never offered.
 *
 * @example
 * recommendFromRules(result.rules, new Set(["22386", "85099B"]), 5);
 * // [{ item: "85099C", score: 9.1, confidence: 0.52, lift: 17.5, rule: { antecedent: [...], ... } }, …]
 */
export function recommendFromRules(
  rules: readonly BasketRule[],
  bought: ReadonlySet<string>,
  limit = 10,
): Recommendation[] {
  const best = new Map<string, Recommendation>();
  for (const rule of rules) {
    if (!rule.antecedent.every((a) => bought.has(a.item))) continue;
    const score = rule.confidence * rule.lift;
    for (const c of rule.consequent) {
      if (bought.has(c.item)) continue;
      const seen = best.get(c.item);
      if (
        seen === undefined ||
        score > seen.score ||
        (score === seen.score && rule.support > seen.rule.support)
      ) {
        best.set(c.item, {
          item: c.item,
          label: c.label,
          score,
          confidence: rule.confidence,
          lift: rule.lift,
          rule,
        });
      }
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || b.rule.support - a.rule.support || (a.item < b.item ? -1 : 1))
    .slice(0, Math.max(0, limit));
}
