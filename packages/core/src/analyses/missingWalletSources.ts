import type { Row } from "../SqlClient.ts";
import { numberOrZero } from "./rowValues.ts";
import type { MarketEstimate, ShareOfWalletUnavailable } from "./ShareOfWallet.ts";

/** Why share of wallet cannot be computed when no source of total spend exists. */
export const NO_WALLET_SOURCE =
  "no category budget, wallet survey or market estimate: load customers with a category_budget column, wallet survey answers, or pass --estimate segment=amount";

/**
 * Reads the row of `shareOfWalletSourcesQuery`: the "not available" answer when there is no declared
 * budget, no wallet survey answer and no market estimate; null when share of wallet can be computed.
 *
 * @example
 * missingWalletSources({ budgets: 0, surveys: 0, last_at: null }, []); // { available: false, reason: NO_WALLET_SOURCE }
 */
export function missingWalletSources(
  row: Row | undefined,
  estimates: readonly MarketEstimate[],
): ShareOfWalletUnavailable | null {
  const budgets = row === undefined ? 0 : numberOrZero(row, "budgets");
  const surveys = row === undefined ? 0 : numberOrZero(row, "surveys");
  return budgets === 0 && surveys === 0 && estimates.length === 0
    ? { available: false, reason: NO_WALLET_SOURCE }
    : null;
}
