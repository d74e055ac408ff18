import {
  duckdbDialect,
  type MarketEstimate,
  missingWalletSources,
  type ShareOfWallet,
  type SqlClient,
  shareOfWalletQuery,
  shareOfWalletSourcesQuery,
  toShareOfWallet,
  twelveMonthsBefore,
} from "@vafa/core";

/** Options of `shareOfWallet`. */
export interface ShareOfWalletOptions {
  /** Annual category spend per customer by segment, for customers without a budget or survey answer. */
  readonly estimates?: readonly MarketEstimate[];
}

/**
 * Share of wallet per customer and per segment: spend over the last 12 months of data ÷ annual
 * total category spend. Answers `{ available: false, reason }` when there is no declared budget, no
 * wallet survey answer and no market estimate.
 *
 * @example
 * const result = await shareOfWallet(store.client, { estimates: [{ segment: "retail", amount: 12000 }] });
 * if (result.available) console.log(result.overall.aggregate_share);
 */
export async function shareOfWallet(
  client: SqlClient,
  options: ShareOfWalletOptions = {},
): Promise<ShareOfWallet> {
  const estimates = options.estimates ?? [];
  const [sources] = await client.all(shareOfWalletSourcesQuery(duckdbDialect));
  const missing = missingWalletSources(sources, estimates);
  if (missing !== null) return missing;
  const last = sources?.last_at;
  const to = last === null || last === undefined ? null : new Date(String(last));
  const from = to === null ? null : twelveMonthsBefore(to);
  const rows = await client.all(shareOfWalletQuery(duckdbDialect, { from, to, estimates }));
  return toShareOfWallet(rows, { from, to, estimates });
}
