import type { Row } from "../SqlClient.ts";
import { numberOrZero, ratio, textOrNull } from "./rowValues.ts";
import type {
  MarketEstimate,
  ShareOfWalletResult,
  WalletShareCustomer,
  WalletShareSegment,
  WalletSource,
} from "./ShareOfWallet.ts";

/** The window and estimates the rows were computed with, echoed in the result. */
export interface ShareOfWalletContext {
  readonly from: Date | null;
  readonly to: Date | null;
  readonly estimates?: readonly MarketEstimate[];
}

const SOURCES: readonly WalletSource[] = ["category_budget", "wallet_survey", "market_estimate"];

function isSource(value: string | null): value is WalletSource {
  return value !== null && (SOURCES as readonly string[]).includes(value);
}

function summarise(segment: string | null, customers: readonly WalletShareCustomer[]): WalletShareSegment {
  const valid = customers.filter((c) => c.share !== null);
  const spend = valid.reduce((s, c) => s + c.spend, 0);
  const total = valid.reduce((s, c) => s + c.total, 0);
  const weighted = valid.reduce((s, c) => s + c.spend * (c.share ?? 0), 0);
  return {
    segment,
    customers: valid.length,
    spend,
    total,
    mean_share: ratio(
      valid.reduce((s, c) => s + (c.share ?? 0), 0),
      valid.length,
    ),
    spend_weighted_share: ratio(weighted, spend),
    aggregate_share: ratio(spend, total),
    budget_understated: valid.filter((c) => c.budget_understated).length,
  };
}

/**
 * Turns the rows of `shareOfWalletQuery` into per-customer shares, per-segment summaries and an
 * overall one. Nothing is capped: a share above 1 is reported as it is and counted as "budget
 * understated". A customer whose total is zero or negative has no share and is left out of summaries.
 *
 * @example
 * toShareOfWallet(
 *   [{ customer_id: "a", segment: "retail", spend: 300, total: 1200, source: "category_budget" }],
 *   { from: null, to: null },
 * ).overall.aggregate_share; // 0.25
 */
export function toShareOfWallet(rows: readonly Row[], context: ShareOfWalletContext): ShareOfWalletResult {
  const customers: WalletShareCustomer[] = [];
  for (const row of rows) {
    const source = textOrNull(row, "source");
    if (!isSource(source)) continue;
    const spend = numberOrZero(row, "spend");
    const total = numberOrZero(row, "total");
    const share = total > 0 ? spend / total : null;
    customers.push({
      customer_id: String(row.customer_id),
      segment: textOrNull(row, "segment"),
      spend,
      total,
      source,
      share,
      budget_understated: share !== null && share > 1,
    });
  }
  const bySegment = new Map<string | null, WalletShareCustomer[]>();
  for (const c of customers) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  const segments = [...bySegment.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([segment, members]) => summarise(segment, members));
  const overall = summarise("(all)", customers);
  const sources = {
    category_budget: customers.filter((c) => c.source === "category_budget").length,
    wallet_survey: customers.filter((c) => c.source === "wallet_survey").length,
    market_estimate: customers.filter((c) => c.source === "market_estimate").length,
  };
  const notes: string[] = [
    "spend is net sales over the last 12 months of data; totals are annual (declared budget, else latest wallet-survey answer, else the segment's market estimate)",
  ];
  if (overall.budget_understated > 0) {
    notes.push(
      `${overall.budget_understated} customer(s) spent more with us than their stated total (share > 1, budget understated); shares are not capped`,
    );
  }
  const invalid = customers.length - overall.customers;
  if (invalid > 0) notes.push(`${invalid} customer(s) have a total of zero or less and no share`);
  const unused = (context.estimates ?? []).filter((e) => !customers.some((c) => c.segment === e.segment));
  if (unused.length > 0) {
    notes.push(
      `no customer without a budget or survey answer is in segment(s) ${unused.map((e) => `"${e.segment}"`).join(", ")}, so those estimates were not used`,
    );
  }
  return {
    available: true,
    from: context.from?.toISOString() ?? null,
    to: context.to?.toISOString() ?? null,
    customers,
    segments,
    overall,
    sources,
    notes,
  };
}
