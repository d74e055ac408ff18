import type { Row } from "../SqlClient.ts";
import { associationRules } from "./associationRules.ts";
import { BasketError } from "./BasketError.ts";
import type { BasketLevel } from "./BasketLevel.ts";
import { fpGrowth } from "./fpGrowth.ts";

/** Options of market-basket mining. */
export interface BasketOptions {
  /** Items are products (default) or categories. */
  readonly level?: BasketLevel;
  /** Minimum support, a fraction of baskets; default 0.01 (1%). */
  readonly minSupport?: number;
  /** Minimum confidence; default 0.3. */
  readonly minConfidence?: number;
  /** Longest itemset (antecedent + consequent); default 3. */
  readonly maxLength?: number;
}

/** One item of a rule: its code (product or category) and a label when known. */
export interface BasketItem {
  readonly item: string;
  readonly label: string | null;
}

/** An association rule with item names. */
export interface BasketRule {
  readonly antecedent: readonly BasketItem[];
  readonly consequent: readonly BasketItem[];
  /** Baskets containing all items of the rule. */
  readonly count: number;
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
}

/** What `mineBaskets` found. */
export interface BasketRules {
  readonly level: BasketLevel;
  /** N: baskets (orders with at least one purchase line). */
  readonly baskets: number;
  readonly minSupport: number;
  readonly minConfidence: number;
  readonly maxLength: number;
  /** Items held by at least minSupport of baskets. */
  readonly frequentItems: number;
  /** Frequent itemsets of any length up to maxLength. */
  readonly itemsets: number;
  /** Rules by descending lift, then confidence, then support. */
  readonly rules: readonly BasketRule[];
}

function fraction(name: string, value: number, allowZero: boolean): number {
  if (!Number.isFinite(value) || value > 1 || value < 0 || (!allowZero && value === 0)) {
    throw new BasketError(
      `${name} must be a fraction ${allowZero ? "from 0" : "above 0"} to 1 (0.01 for 1%), got ${value}`,
    );
  }
  return value;
}

/**
 * Resolves and checks the options: fractions in range, maxLength a whole number ≥ 2.
 *
 * @throws BasketError naming the bad option.
 */
export function resolveBasketOptions(options: BasketOptions = {}): Required<BasketOptions> {
  const maxLength = options.maxLength ?? 3;
  if (!Number.isInteger(maxLength) || maxLength < 2) {
    throw new BasketError(`max length must be a whole number of at least 2, got ${maxLength}`);
  }
  return {
    level: options.level ?? "product",
    minSupport: fraction("min support", options.minSupport ?? 0.01, false),
    minConfidence: fraction("min confidence", options.minConfidence ?? 0.3, true),
    maxLength,
  };
}

/** The smallest basket count meeting a support fraction (a tiny tolerance absorbs 0.01 × 100 = 1.0000000000000002). */
export function minBasketCount(minSupport: number, baskets: number): number {
  return Math.max(1, Math.ceil(minSupport * baskets - 1e-9));
}

/**
 * Mines association rules from the rows of `basketItemCountsQuery` and `basketPairsQuery`: items get
 * integer ids by descending frequency, baskets become id arrays, FP-growth finds the itemsets and
 * rules are split from them.
 *
 * @example
 * const counts = await client.all(basketItemCountsQuery(duckdbDialect, "product"));
 * const n = Number(counts.find((r) => r.item === null)?.baskets);
 * const pairs = await client.all(basketPairsQuery(duckdbDialect, "product", minBasketCount(0.01, n)));
 * const result = mineBaskets(counts, pairs, { minSupport: 0.01 });
 */
export function mineBaskets(
  counts: readonly Row[],
  pairs: readonly Row[],
  options: BasketOptions = {},
): BasketRules {
  const o = resolveBasketOptions(options);
  const total = counts.find((r) => r.item === null || r.item === undefined);
  const n = Number(total?.baskets ?? 0);
  const minCount = minBasketCount(o.minSupport, n);
  const frequent = counts
    .filter((r) => r.item !== null && r.item !== undefined && Number(r.baskets) >= minCount)
    .map((r) => ({
      item: String(r.item),
      label: r.label === null || r.label === undefined ? null : String(r.label),
      n: Number(r.baskets),
    }))
    .sort((a, b) => b.n - a.n || (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  const idOf = new Map(frequent.map((f, i) => [f.item, i]));
  const baskets: number[][] = [];
  let current: unknown;
  for (const r of pairs) {
    const id = idOf.get(String(r.item));
    if (id === undefined) continue;
    if (baskets.length === 0 || r.basket !== current) {
      baskets.push([]);
      current = r.basket;
    }
    baskets[baskets.length - 1]?.push(id);
  }
  const itemsets = n === 0 ? [] : fpGrowth(baskets, { minCount, maxLength: o.maxLength });
  const named = (ids: readonly number[]): BasketItem[] =>
    ids.map((i) => ({ item: frequent[i]?.item ?? "", label: frequent[i]?.label ?? null }));
  const rules = associationRules(itemsets, { baskets: n, minConfidence: o.minConfidence }).map((r) => ({
    antecedent: named(r.antecedent),
    consequent: named(r.consequent),
    count: r.count,
    support: r.support,
    confidence: r.confidence,
    lift: r.lift,
  }));
  return {
    level: o.level,
    baskets: n,
    minSupport: o.minSupport,
    minConfidence: o.minConfidence,
    maxLength: o.maxLength,
    frequentItems: frequent.length,
    itemsets: itemsets.length,
    rules,
  };
}
