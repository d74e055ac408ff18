import {
  type Engine,
  parseProfitabilityDimension,
  type RetentionOptions,
  runCohorts,
  runLifecycle,
  runProfitability,
  runRepurchaseCycle,
  runRetention,
} from "@vafa/core";
import type { ContractCase, ContractCases } from "./ContractCase.ts";

const month = { unit: "month" } as const;

const retention = (options: RetentionOptions): ContractCase => ({
  feature: "retention",
  run: (e: Engine) => runRetention(e.facts, e.dialect, options),
});

/** The retention family: retention, cohorts, lifecycle, repurchase cycle and profitability. */
export const measuresCases: ContractCases = {
  "retention, monthly": retention({ period: month }),
  "retention, weekly": retention({ period: { unit: "week" } }),
  "retention, quarterly with a margin (profit rates)": retention({
    period: { unit: "quarter" },
    margin: 0.3,
  }),
  "retention by segment": retention({ period: month, by: "segment" }),
  "retention by customer country": retention({ period: month, by: "customer.country" }),
  "retention by transaction category": retention({ period: month, by: "category" }),
  "retention by transaction country": retention({ period: month, by: "transaction.country" }),
  "retention, Persian months": retention({ period: { unit: "month", calendar: "persian" } }),
  "retention, Asia/Tehran time zone": retention({ period: month, timeZone: "Asia/Tehran" }),
  "retention, America/Los_Angeles days, from/to": retention({
    period: { unit: "day" },
    timeZone: "America/Los_Angeles",
    from: "2011-03-01",
    to: "2011-04-15",
  }),
  "retention, two orders and 100 spend to count": retention({
    period: month,
    activity: { minCount: 2, minSpend: 100 },
  }),
  "cohorts, count": { feature: "cohorts", run: (e) => runCohorts(e.facts, e.dialect, { period: month }) },
  "cohorts, sales on or after, relative to previous": {
    feature: "cohorts",
    run: (e) =>
      runCohorts(e.facts, e.dialect, {
        period: month,
        metric: "sales",
        mode: "on-or-after",
        relativeTo: "previous",
      }),
  },
  "cohorts, profit with a margin, Persian quarters": {
    feature: "cohorts",
    run: (e) =>
      runCohorts(e.facts, e.dialect, {
        period: { unit: "quarter", calendar: "persian" },
        metric: "profit",
        margin: 0.25,
      }),
  },
  "lifecycle, quarterly": {
    feature: "lifecycle",
    run: (e) => runLifecycle(e.facts, e.dialect, { period: { unit: "quarter" } }),
  },
  "lifecycle by customer country, Asia/Tehran": {
    feature: "lifecycle",
    run: (e) => runLifecycle(e.facts, e.dialect, { period: month, by: "country", timeZone: "Asia/Tehran" }),
  },
  "repurchase cycle": { feature: "repurchase-cycle", run: (e) => runRepurchaseCycle(e.facts, e.dialect) },
  "repurchase cycle, Asia/Tokyo days": {
    feature: "repurchase-cycle",
    run: (e) => runRepurchaseCycle(e.facts, e.dialect, { timeZone: "Asia/Tokyo" }),
  },
  "profitability, whole base": { feature: "profitability", run: (e) => runProfitability(e.facts, e.dialect) },
  "profitability by customer country, 30% margin": {
    feature: "profitability",
    run: (e) =>
      runProfitability(e.facts, e.dialect, { by: parseProfitabilityDimension("country"), margin: 0.3 }),
  },
  "profitability by transaction country": {
    feature: "profitability",
    run: (e) =>
      runProfitability(e.facts, e.dialect, {
        by: parseProfitabilityDimension("transaction.country"),
        margin: 0.3,
      }),
  },
};
