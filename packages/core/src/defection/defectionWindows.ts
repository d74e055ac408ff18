import type { DefectionRules } from "./DefectionRule.ts";

/** A (recent, baseline) window pair, in days. */
export interface WindowPair {
  readonly recentDays: number;
  readonly baselineDays: number;
}

/**
 * The distinct window pairs the drop rules of a rule set need, in first-use order; the features query
 * computes one set of counts per pair and `evaluateDefection` finds a rule's pair by the same order.
 *
 * @example
 * defectionWindows(defaultDefectionRules); // [{ recentDays: 90, baselineDays: 270 }]
 */
export function defectionWindows(rules: DefectionRules): WindowPair[] {
  const pairs: WindowPair[] = [];
  for (const r of rules.rules) {
    if (r.kind !== "frequency_drop" && r.kind !== "spend_drop") continue;
    if (!pairs.some((p) => p.recentDays === r.recentDays && p.baselineDays === r.baselineDays)) {
      pairs.push({ recentDays: r.recentDays, baselineDays: r.baselineDays });
    }
  }
  return pairs;
}
