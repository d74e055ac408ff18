/** One campaign's money, as the programme view adds it up. */
export interface CampaignMoney {
  readonly campaignId: string;
  readonly cost: number;
  readonly incrementalProfit: number | null;
  readonly tooSmallToTell: boolean;
}

/** The programme across campaigns. */
export interface ProgrammeTotals {
  readonly campaigns: number;
  readonly cost: number;
  /** Sum over campaigns whose profit is known. */
  readonly incrementalProfit: number;
  readonly net: number;
  /** Net ÷ cost; null when nothing was spent. */
  readonly roi: number | null;
  /** Campaigns left out of the profit sum because their profit is unknown. */
  readonly profitUnknown: readonly string[];
  /** Campaigns whose result is too small to tell (still counted). */
  readonly inconclusive: readonly string[];
}

/**
 * Adds up cost and incremental profit across campaigns: ROI = (Σ incremental profit − Σ cost) ÷ Σ cost.
 * Costs always count; a campaign with unknown profit adds its cost but no profit (so ROI is not
 * flattered), and is listed.
 *
 * @example
 * programmeTotals([{ campaignId: "a", cost: 100, incrementalProfit: 250, tooSmallToTell: false }]).roi; // 1.5
 */
export function programmeTotals(campaigns: readonly CampaignMoney[]): ProgrammeTotals {
  const cost = campaigns.reduce((s, c) => s + c.cost, 0);
  const incrementalProfit = campaigns.reduce((s, c) => s + (c.incrementalProfit ?? 0), 0);
  const net = incrementalProfit - cost;
  return {
    campaigns: campaigns.length,
    cost,
    incrementalProfit,
    net,
    roi: cost === 0 ? null : net / cost,
    profitUnknown: campaigns.filter((c) => c.incrementalProfit === null).map((c) => c.campaignId),
    inconclusive: campaigns.filter((c) => c.tooSmallToTell).map((c) => c.campaignId),
  };
}
