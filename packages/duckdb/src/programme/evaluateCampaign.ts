import {
  type Arm,
  type ArmsEvaluation,
  duckdbDialect,
  evaluateArms,
  type MemberOutcome,
  type ProgrammeTotals,
  programmeTotals,
  type SqlClient,
  sql,
} from "@vafa/core";
import { type Campaign, getCampaign, listCampaigns } from "./campaigns.ts";
import { dayOption } from "./storeFacts.ts";

/** Options of `evaluateCampaign`. */
export interface EvaluateOptions {
  /** Measurement window start, YYYY-MM-DD; default the campaign's start. */
  readonly from?: string;
  /** Measurement window end (inclusive), YYYY-MM-DD; default the campaign's end. */
  readonly to?: string;
  /** Profit share of sales where cost is missing; without it and without costs, profit is unknown. */
  readonly margin?: number | null;
}

/** A campaign's evaluation. */
export interface CampaignEvaluation extends ArmsEvaluation {
  readonly campaign: Campaign;
  readonly from: string;
  readonly to: string;
}

/**
 * Evaluates a campaign over its measurement window: each recorded member's purchases (distinct
 * orders with amount > 0), net sales and profit in [from, to], then treated vs control with
 * `evaluateArms` (uplift, 95% intervals, p-values, incremental profit, cost, ROI, warnings).
 *
 * @throws ProgrammeError when the campaign does not exist.
 * @example
 * const e = await evaluateCampaign(store.client, "club-q4", { margin: 0.3 });
 * e.sales.uplift; e.sales.low; e.sales.high; e.roi;
 */
export async function evaluateCampaign(
  client: SqlClient,
  campaignId: string,
  options: EvaluateOptions = {},
): Promise<CampaignEvaluation> {
  const campaign = await getCampaign(client, campaignId);
  const from = options.from ?? campaign.startsAt;
  const to = options.to ?? campaign.endsAt;
  const fromDay = dayOption(from, "--from");
  const toDay = dayOption(to, "--to");
  const day = duckdbDialect.epochDay("occurred_at", null);
  const margin = options.margin ?? null;
  const rows = await client.all(
    sql(
      `SELECT m.customer_id, m.arm, m.redeemed_at IS NOT NULL AS redeemed,
         coalesce(t.purchases, 0) AS purchases, coalesce(t.sales, 0) AS sales,
         CASE WHEN t.customer_id IS NULL THEN 0
              WHEN t.n = t.n_cost THEN t.cost_profit
              WHEN CAST($4 AS DOUBLE) IS NOT NULL THEN t.margin_profit END AS profit
       FROM campaign_members AS m
       LEFT JOIN (
         SELECT customer_id,
           count(DISTINCT CASE WHEN amount > 0 THEN coalesce(order_id, id) END) AS purchases,
           sum(amount) AS sales, count(*) AS n, count(cost) AS n_cost,
           sum(amount - cost) AS cost_profit,
           sum(CASE WHEN cost IS NULL THEN amount * CAST($4 AS DOUBLE) ELSE amount - cost END) AS margin_profit
         FROM transactions
         WHERE customer_id IS NOT NULL AND ${day} >= $2 AND ${day} <= $3
         GROUP BY customer_id) AS t ON t.customer_id = m.customer_id
       WHERE m.campaign_id = $1`,
      [campaignId, fromDay, toDay, margin],
    ),
  );
  const outcomes = rows.map(
    (r): MemberOutcome => ({
      arm: String(r.arm) as Arm,
      active: Number(r.purchases) > 0,
      purchases: Number(r.purchases),
      sales: Number(r.sales),
      profit: r.profit === null || r.profit === undefined ? null : Number(r.profit),
      redeemed: r.redeemed === true,
    }),
  );
  const evaluation = evaluateArms(outcomes, {
    costPerContact: campaign.costPerContact,
    costPerRedemption: campaign.costPerRedemption,
  });
  return { ...evaluation, campaign, from, to };
}

/** Every campaign with members, evaluated, and the programme's totals. */
export interface ProgrammeView {
  readonly campaigns: CampaignEvaluation[];
  readonly totals: ProgrammeTotals;
}

/**
 * The programme across campaigns: each one evaluated over its own window, then total cost,
 * incremental profit and ROI (`programmeTotals`).
 *
 * @example
 * (await programmeView(store.client, { margin: 0.3 })).totals.roi;
 */
export async function programmeView(
  client: SqlClient,
  options: { readonly margin?: number | null } = {},
): Promise<ProgrammeView> {
  const campaigns: CampaignEvaluation[] = [];
  for (const c of await listCampaigns(client)) {
    if (c.members === 0) continue;
    campaigns.push(await evaluateCampaign(client, c.id, { margin: options.margin ?? null }));
  }
  return {
    campaigns,
    totals: programmeTotals(
      campaigns.map((e) => ({
        campaignId: e.campaign.id,
        cost: e.cost,
        incrementalProfit: e.incrementalProfit,
        tooSmallToTell: e.tooSmallToTell,
      })),
    ),
  };
}
