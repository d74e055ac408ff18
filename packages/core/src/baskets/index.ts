// Customer development: market baskets, association rules and cross-selling (DESIGN.md §2, seed 003).
export { type AssociationRule, type AssociationRuleOptions, associationRules } from "./associationRules.ts";
export { BasketError } from "./BasketError.ts";
export { type BasketLevel, basketLevels, parseBasketLevel } from "./BasketLevel.ts";
export { basketItemCountsQuery, basketPairsQuery, customerItemsQuery } from "./basketQueries.ts";
export { compareItemsets, type FpGrowthOptions, type FrequentItemset, fpGrowth } from "./fpGrowth.ts";
export {
  type BasketItem,
  type BasketOptions,
  type BasketRule,
  type BasketRules,
  minBasketCount,
  mineBaskets,
  resolveBasketOptions,
} from "./mineBaskets.ts";
export { type Recommendation, recommendFromRules } from "./recommendFromRules.ts";
export { runBasketRules } from "./runBasketRules.ts";
