import { newcombeUplift } from "./newcombeUplift.ts";
import type { Arm } from "./stableArm.ts";
import type { UpliftEstimate } from "./UpliftEstimate.ts";
import { welchUplift } from "./welchUplift.ts";

/** What one campaign member did in the measurement window. */
export interface MemberOutcome {
  readonly arm: Arm;
  /** Made at least one purchase in the window (retained). */
  readonly active: boolean;
  readonly purchases: number;
  readonly sales: number;
  /** Null when some of its cost is unknown and no margin was given. */
  readonly profit: number | null;
  readonly redeemed: boolean;
}

/** Fewest control members before a result can be called (see `evaluateArms`). */
export const MIN_CONTROL_MEMBERS = 100;

/** Treated vs control for one campaign, and what it earned. */
export interface ArmsEvaluation {
  readonly treatedMembers: number;
  readonly controlMembers: number;
  readonly redemptions: number;
  /** Share with a purchase in the window (Newcombe interval). */
  readonly retention: UpliftEstimate;
  /** Purchases, sales and profit per member (Welch intervals); profit null when unknown. */
  readonly purchases: UpliftEstimate;
  readonly sales: UpliftEstimate;
  readonly profit: UpliftEstimate | null;
  /** Profit uplift per member × treated members (sales × margin when given); null when profit is unknown. */
  readonly incrementalProfit: number | null;
  readonly incrementalProfitLow: number | null;
  readonly incrementalProfitHigh: number | null;
  /** Contacts (treated members) × cost per contact + redemptions × cost per redemption. */
  readonly cost: number;
  /** Incremental profit − cost. */
  readonly net: number | null;
  /** Net ÷ cost; null when cost is 0 or profit unknown. */
  readonly roi: number | null;
  /** Control too small to tell (see the rule in `evaluateArms`). */
  readonly tooSmallToTell: boolean;
  readonly warnings: readonly string[];
}

/**
 * Compares treated with control members: retention share (Newcombe interval, two-proportion z-test),
 * purchases, sales and profit per member (Welch interval and t-test), incremental profit = profit
 * uplift × treated members, cost = contacts × cost per contact + redemptions × cost per redemption,
 * ROI = (incremental profit − cost) ÷ cost.
 *
 * Too small to tell — the rule: the control arm has fewer than 100 members, or the 95% interval's
 * half-width of the per-member profit uplift (sales when profit is unknown) is at least the observed
 * uplift's size (the interval reaches 0 or beyond).
 *
 * @example
 * evaluateArms(outcomes, { costPerContact: 0.5, costPerRedemption: 5 }).roi; // e.g. 1.8 = each 1 spent returned 2.8
 */
export function evaluateArms(
  outcomes: readonly MemberOutcome[],
  costs: { readonly costPerContact: number; readonly costPerRedemption: number },
): ArmsEvaluation {
  const t = outcomes.filter((o) => o.arm === "treatment");
  const c = outcomes.filter((o) => o.arm === "control");
  const redemptions = t.filter((o) => o.redeemed).length;
  const retention = newcombeUplift(
    t.filter((o) => o.active).length,
    t.length,
    c.filter((o) => o.active).length,
    c.length,
  );
  const purchases = welchUplift(
    t.map((o) => o.purchases),
    c.map((o) => o.purchases),
  );
  const sales = welchUplift(
    t.map((o) => o.sales),
    c.map((o) => o.sales),
  );
  const profitKnown = outcomes.length > 0 && outcomes.every((o) => o.profit !== null);
  const profit = profitKnown
    ? welchUplift(
        t.map((o) => o.profit as number),
        c.map((o) => o.profit as number),
      )
    : null;
  const cost = t.length * costs.costPerContact + redemptions * costs.costPerRedemption;
  const scale = (v: number | null) => (v === null ? null : v * t.length);
  const incrementalProfit = profit === null ? null : scale(profit.uplift);
  const net = incrementalProfit === null ? null : incrementalProfit - cost;
  const roi = net === null || cost === 0 ? null : net / cost;
  const warnings: string[] = [];
  const judged = profit ?? sales;
  const half = judged.low === null || judged.high === null ? null : (judged.high - judged.low) / 2;
  let tooSmall = false;
  if (c.length < MIN_CONTROL_MEMBERS) {
    tooSmall = true;
    warnings.push(`control group too small to tell: ${c.length} members (fewer than ${MIN_CONTROL_MEMBERS})`);
  }
  if (half === null || judged.uplift === null || half >= Math.abs(judged.uplift)) {
    tooSmall = true;
    warnings.push(
      `too small to tell: the 95% interval of the ${profit === null ? "sales" : "profit"} uplift per member reaches 0 (half-width ${half === null ? "unknown" : half.toFixed(2)} ≥ uplift ${judged.uplift === null ? "unknown" : Math.abs(judged.uplift).toFixed(2)})`,
    );
  }
  if (profit === null)
    warnings.push(
      "profit unknown (no cost data and no margin): incremental profit and ROI not computed; give a margin",
    );
  return {
    treatedMembers: t.length,
    controlMembers: c.length,
    redemptions,
    retention,
    purchases,
    sales,
    profit,
    incrementalProfit,
    incrementalProfitLow: profit === null ? null : scale(profit.low),
    incrementalProfitHigh: profit === null ? null : scale(profit.high),
    cost,
    net,
    roi,
    tooSmallToTell: tooSmall,
    warnings,
  };
}
