/** Where a customer's total category spend came from, in order of precedence. */
export type WalletSource = "category_budget" | "wallet_survey" | "market_estimate";

/** A market estimate of a segment's annual category spend per customer (`--estimate segment=amount`). */
export interface MarketEstimate {
  readonly segment: string;
  readonly amount: number;
}

/** One customer's share of wallet. */
export interface WalletShareCustomer {
  readonly customer_id: string;
  readonly segment: string | null;
  /** Net spend with us over the window (the last 12 months of data). */
  readonly spend: number;
  /** Total annual category spend from `source`. */
  readonly total: number;
  readonly source: WalletSource;
  /** spend ÷ total, never capped; null when the total is not positive. */
  readonly share: number | null;
  /** share > 1: the customer spent more with us than the stated total, so the total is too low. */
  readonly budget_understated: boolean;
}

/** Share of wallet over a group of customers (a segment, or everyone). */
export interface WalletShareSegment {
  /** The segment; "(all)" for everyone; null for customers without a segment. */
  readonly segment: string | null;
  /** Customers with a known, positive total. */
  readonly customers: number;
  readonly spend: number;
  readonly total: number;
  /** Plain mean of the customers' shares. */
  readonly mean_share: number | null;
  /** Mean of the shares weighted by spend: Σ spend·share ÷ Σ spend. */
  readonly spend_weighted_share: number | null;
  /** Our part of the group's whole wallet: Σ spend ÷ Σ total. */
  readonly aggregate_share: number | null;
  /** Customers whose share exceeds 1. */
  readonly budget_understated: number;
}

/** The answer when no source of total category spend exists. */
export interface ShareOfWalletUnavailable {
  readonly available: false;
  readonly reason: string;
}

/**
 * Share of wallet (DESIGN.md §3): a customer's spend with us ÷ their total spend in the category,
 * where the total is known: a declared budget, a wallet survey answer or a market estimate per segment.
 */
export interface ShareOfWalletResult {
  readonly available: true;
  /** The spend window: after `from`, up to and including `to` (the last transaction); null without transactions. */
  readonly from: string | null;
  readonly to: string | null;
  /** Customers with a known, positive total, by id. */
  readonly customers: readonly WalletShareCustomer[];
  /** Per segment, by segment name (missing segment last). */
  readonly segments: readonly WalletShareSegment[];
  /** Everyone with a known total. */
  readonly overall: WalletShareSegment;
  /** How many customers' totals came from each source. */
  readonly sources: Readonly<Record<WalletSource, number>>;
  readonly notes: readonly string[];
}

/** Either a share-of-wallet result or why there is none. */
export type ShareOfWallet = ShareOfWalletResult | ShareOfWalletUnavailable;
