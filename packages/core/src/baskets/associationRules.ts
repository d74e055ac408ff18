import type { FrequentItemset } from "./fpGrowth.ts";

/** An association rule X ⇒ Y over integer item ids, with its measures. */
export interface AssociationRule {
  /** X, ascending ids. */
  readonly antecedent: readonly number[];
  /** Y, ascending ids; disjoint from X. */
  readonly consequent: readonly number[];
  /** Baskets containing X ∪ Y. */
  readonly count: number;
  /** support(X ∪ Y) = count / N. */
  readonly support: number;
  /** support(X ∪ Y) / support(X). */
  readonly confidence: number;
  /** confidence / support(Y): how much more often Y comes with X than on its own. */
  readonly lift: number;
}

/** Options of `associationRules`. */
export interface AssociationRuleOptions {
  /** Number of baskets N. */
  readonly baskets: number;
  /** Keep rules with at least this confidence; default 0. */
  readonly minConfidence?: number;
  /** Order: by lift (default), confidence or support, each falling back to the others. */
  readonly sortBy?: "lift" | "confidence" | "support";
}

const key = (items: readonly number[]) => items.join(",");

/**
 * Association rules from frequent itemsets: for each itemset of two or more items, every split into
 * a non-empty antecedent X and consequent Y. Every subset of a frequent itemset is frequent, so
 * support(X) and support(Y) come from the same list. Lift is computed as count(XY)·N /
 * (count(X)·count(Y)), the same number as confidence / support(Y) without the extra rounding.
 *
 * @example
 * const sets = fpGrowth(baskets, { minCount: 2 });
 * associationRules(sets, { baskets: baskets.length, minConfidence: 0.5 });
 */
export function associationRules(
  itemsets: readonly FrequentItemset[],
  options: AssociationRuleOptions,
): AssociationRule[] {
  const n = options.baskets;
  const minConfidence = options.minConfidence ?? 0;
  const counts = new Map(itemsets.map((s) => [key(s.items), s.count]));
  const rules: AssociationRule[] = [];
  for (const set of itemsets) {
    const k = set.items.length;
    if (k < 2) continue;
    // Each non-empty proper subset as the antecedent, by bitmask (itemsets are short).
    for (let mask = 1; mask < (1 << k) - 1; mask++) {
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < k; i++) ((mask >> i) & 1 ? x : y).push(set.items[i] ?? 0);
      const countX = counts.get(key(x));
      const countY = counts.get(key(y));
      if (countX === undefined || countY === undefined) {
        throw new Error(`itemset ${key(set.items)} has a subset missing from the list: not from fpGrowth?`);
      }
      const confidence = set.count / countX;
      if (confidence < minConfidence) continue;
      rules.push({
        antecedent: x,
        consequent: y,
        count: set.count,
        support: set.count / n,
        confidence,
        lift: (set.count * n) / (countX * countY),
      });
    }
  }
  const by = options.sortBy ?? "lift";
  const order: readonly ("lift" | "confidence" | "support")[] =
    by === "lift"
      ? ["lift", "confidence", "support"]
      : by === "confidence"
        ? ["confidence", "lift", "support"]
        : ["support", "confidence", "lift"];
  return rules.sort((a, b) => {
    for (const m of order) if (a[m] !== b[m]) return b[m] - a[m];
    return (
      key(a.antecedent).localeCompare(key(b.antecedent)) || key(a.consequent).localeCompare(key(b.consequent))
    );
  });
}
