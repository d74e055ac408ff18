import {
  type BasketOptions,
  type BasketRules,
  customerItemsQuery,
  duckdbDialect,
  type Recommendation,
  recommendFromRules,
  resolveBasketOptions,
  type SqlClient,
} from "@vafa/core";
import { basketRules } from "./basketRules.ts";

/** Options of `recommend`: the mining options, or rules already mined, and how many to return. */
export interface RecommendOptions extends BasketOptions {
  /** Rules mined before (reuse them across customers); default: mined now. */
  readonly rules?: BasketRules;
  /** How many items; default 10. */
  readonly limit?: number;
}

/** Recommendations for one customer. */
export interface CustomerRecommendations {
  readonly customer: string;
  /** Distinct items the customer has bought. */
  readonly bought: number;
  readonly recommendations: readonly Recommendation[];
}

/**
 * Cross-sell / up-sell: the next best products for a customer, from association rules whose
 * antecedent they bought and whose consequent they have not, ranked by confidence × lift.
 *
 * @example
 * const r = await recommend(store.client, "17850", { limit: 5, minSupport: 0.01 });
 * r.recommendations[0]; // { item: "22698", score: 8.4, rule: { antecedent: [...], ... }, ... }
 */
export async function recommend(
  client: SqlClient,
  customerId: string,
  options: RecommendOptions = {},
): Promise<CustomerRecommendations> {
  const o = resolveBasketOptions(options);
  const rules = options.rules ?? (await basketRules(client, o));
  const rows = await client.all(customerItemsQuery(duckdbDialect, rules.level, customerId));
  const bought = new Set(rows.map((r) => String(r.item)));
  return {
    customer: customerId,
    bought: bought.size,
    recommendations: recommendFromRules(rules.rules, bought, options.limit ?? 10),
  };
}
