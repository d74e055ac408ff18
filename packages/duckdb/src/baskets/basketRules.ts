import {
  type BasketOptions,
  type BasketRules,
  basketItemCountsQuery,
  basketPairsQuery,
  duckdbDialect,
  minBasketCount,
  mineBaskets,
  resolveBasketOptions,
  type SqlClient,
} from "@vafa/core";

/**
 * Market-basket analysis: baskets are orders (purchase lines), items products or categories. The
 * engine counts item frequencies and returns only (basket, item) pairs of frequent items; FP-growth
 * and rule generation run in TypeScript.
 *
 * @example
 * const result = await basketRules(store.client, { minSupport: 0.01, minConfidence: 0.5 });
 * for (const r of result.rules.slice(0, 5)) console.log(r.antecedent, r.consequent, r.lift);
 */
export async function basketRules(client: SqlClient, options: BasketOptions = {}): Promise<BasketRules> {
  const o = resolveBasketOptions(options);
  const counts = await client.all(basketItemCountsQuery(duckdbDialect, o.level));
  const n = Number(counts.find((r) => r.item === null)?.baskets ?? 0);
  const pairs =
    n === 0
      ? []
      : await client.all(basketPairsQuery(duckdbDialect, o.level, minBasketCount(o.minSupport, n)));
  return mineBaskets(counts, pairs, o);
}
