import type { DefectionRules } from "./DefectionRule.ts";

/**
 * The business default, tuned on Online Retail (backtest as of 2011-09-01, 90-day window: F1 0.64
 * against 0.59 for a naive "silent for 90 days" rule): silence against the customer's own typical
 * gap — at risk past 1.5 gaps, defected past 3, never before 45 days, and the segment's (else the
 * base's) gap for customers with fewer than four purchase days — plus a frequency drop to a quarter
 * of the customer's usual rate over the last 90 days against the 270 before. Businesses tune these
 * on their own history with `vafa defection backtest`.
 *
 * @example
 * evaluateDefection(features, defaultDefectionRules, asOfDay);
 */
export const defaultDefectionRules: DefectionRules = {
  combine: "any",
  rules: [
    { kind: "silence", atRisk: 1.5, defected: 3, floorDays: 45, minPurchases: 4, fallback: "segment" },
    {
      kind: "frequency_drop",
      recentDays: 90,
      baselineDays: 270,
      atRisk: 0.25,
      defected: 0,
      minBaselinePurchases: 3,
    },
  ],
};
