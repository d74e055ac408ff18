// Retention measurement analyses: repurchase cycle, profitability, share of wallet (DESIGN.md §2–§3).
export { AnalysisError } from "./AnalysisError.ts";
export { type CyclePeriod, cyclePeriods } from "./cyclePeriods.ts";
export { missingWalletSources, NO_WALLET_SOURCE } from "./missingWalletSources.ts";
export type { Profitability, ProfitabilityRow } from "./Profitability.ts";
export {
  customerDimensions,
  type ProfitabilityDimension,
  transactionDimensions,
} from "./ProfitabilityDimension.ts";
export { parseMarketEstimate } from "./parseMarketEstimate.ts";
export { parseProfitabilityDimension } from "./parseProfitabilityDimension.ts";
export { checkMargin, type ProfitabilityOptions, profitabilityQuery } from "./profitabilityQuery.ts";
export type { CycleCoverage, RepurchaseBucket, RepurchaseCycle } from "./RepurchaseCycle.ts";
export { type RepurchaseBucketBounds, repurchaseBuckets } from "./repurchaseBuckets.ts";
export { type RepurchaseCycleOptions, repurchaseCycleQuery } from "./repurchaseCycleQuery.ts";
export { runProfitability } from "./runProfitability.ts";
export { runRepurchaseCycle } from "./runRepurchaseCycle.ts";
export type {
  MarketEstimate,
  ShareOfWallet,
  ShareOfWalletResult,
  ShareOfWalletUnavailable,
  WalletShareCustomer,
  WalletShareSegment,
  WalletSource,
} from "./ShareOfWallet.ts";
export {
  type ShareOfWalletQueryOptions,
  shareOfWalletQuery,
  shareOfWalletSourcesQuery,
  WALLET_SURVEY,
} from "./shareOfWalletQuery.ts";
export { type ProfitabilityContext, toProfitability } from "./toProfitability.ts";
export { toRepurchaseCycle } from "./toRepurchaseCycle.ts";
export { type ShareOfWalletContext, toShareOfWallet } from "./toShareOfWallet.ts";
export { twelveMonthsBefore } from "./twelveMonthsBefore.ts";
export { type WeightedValue, weightedQuantile } from "./weightedQuantile.ts";
