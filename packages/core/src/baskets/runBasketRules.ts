import type { Dialect } from "../Dialect.ts";
import type { SqlClient } from "../SqlClient.ts";
import { basketItemCountsQuery, basketPairsQuery } from "./basketQueries.ts";
import {
  type BasketOptions,
  type BasketRules,
  minBasketCount,
  mineBaskets,
  resolveBasketOptions,
} from "./mineBaskets.ts";

/**
 * Market-basket rules on any engine: the engine counts baskets per item and returns only the
 * (basket, item) pairs of frequent items; FP-growth and the rules run in TypeScript (`mineBaskets`).
 *
 * @example
 * const result = await runBasketRules(client, dialect, { minSupport: 0.01, minConfidence: 0.5 });
 */
export async function runBasketRules(
  client: SqlClient,
  dialect: Dialect,
  options: BasketOptions = {},
): Promise<BasketRules> {
  const o = resolveBasketOptions(options);
  const counts = await client.all(basketItemCountsQuery(dialect, o.level));
  const n = Number(counts.find((r) => r.item === null)?.baskets ?? 0);
  const pairs =
    n === 0 ? [] : await client.all(basketPairsQuery(dialect, o.level, minBasketCount(o.minSupport, n)));
  return mineBaskets(counts, pairs, o);
}
