import {
  compressedSpendQuery,
  compressedSummaryQuery,
  customerSummaryQuery,
  type Engine,
  type SummaryOptions,
} from "@vafa/core";
import { checkModels, fitPurchaseModel, type PurchaseModelName, scoreStore } from "../../src/index.ts";
import type { ContractCases } from "./ContractCase.ts";
import { sorted } from "./sorted.ts";

/** The CLV summary with a holdout: its (x, t_x, T) patterns, and per customer the holdout counts and sales. */
async function holdoutSummary(e: Engine) {
  const o: SummaryOptions = { calibrationEnd: "2011-09-01", holdoutEnd: "2011-12-09", unit: "day" };
  const customers = [...(await e.facts.all(customerSummaryQuery(e.dialect, o)))].sort((a, b) =>
    String(a.customer_id).localeCompare(String(b.customer_id)),
  );
  const total = (k: string) => customers.reduce((s, r) => s + Number(r[k]), 0);
  if (total("holdout_x") === 0) throw new Error("no holdout purchase: the case would prove nothing");
  return {
    patterns: sorted(await e.facts.all(compressedSummaryQuery(e.dialect, o))),
    customers,
    holdoutX: total("holdout_x"),
    holdoutSales: total("holdout_sales"),
  };
}

const calibrationEnd = "2011-09-01";

/** A purchase or spend model fitted on the engine's facts: parameters, log-likelihood, errors, intervals, stop. */
const fitCase = (model: PurchaseModelName | "gamma-gamma") => ({
  feature: "clv-fit" as const,
  // As `vafa clv fit --json` prints it: a standard error the curvature cannot give is null.
  run: async (e: Engine) =>
    JSON.parse(JSON.stringify(await fitPurchaseModel(e, { model, calibrationEnd, unit: "week" }))) as unknown,
});

/**
 * `vafa clv score`'s flow: fits made and recorded, every customer scored and stored, read back per
 * customer from the engine's `customer_scores`; then the same again, which reuses both fits.
 */
async function scoreCase(e: Engine) {
  const options = { model: "bgnbd", calibrationEnd, unit: "week", margin: 0.3 } as const;
  const first = await scoreStore(e, options);
  const stored = await e.facts.all({
    sql: `SELECT customer_id, model, horizon_days, p_alive, expected_purchases, expected_spend, clv,
        historical_value FROM customer_scores ORDER BY customer_id`,
    params: [],
  });
  const again = await scoreStore(e, options);
  if (stored.length !== first.customers) throw new Error("customer_scores does not hold every customer once");
  return { first, stored, againRefitted: again.refitted, againTotal: again.total_clv };
}

/** The model summaries the CLV fits and scores read, the fits, the scores and the model check. */
export const clvCases: ContractCases = {
  "CLV summary patterns (x, t_x, T, n), weeks, calibration to 2011-09-01": {
    feature: "clv-fit",
    run: async (e) =>
      sorted(
        await e.facts.all(compressedSummaryQuery(e.dialect, { calibrationEnd: "2011-09-01", unit: "week" })),
      ),
  },
  "CLV summary, days, holdout to 2011-12-09: patterns and per-customer holdout_x / holdout_sales": {
    feature: "clv-check",
    run: (e) => holdoutSummary(e),
  },
  "CLV compressed spend (x, monetary, n), calibration to 2011-09-01": {
    feature: "clv-fit",
    run: async (e) =>
      sorted(
        await e.facts.all(compressedSpendQuery(e.dialect, { calibrationEnd: "2011-09-01", unit: "week" })),
      ),
  },
  "CLV summary patterns, exact time in days, calibration to 2011-09-01": {
    feature: "clv-fit",
    run: async (e) =>
      sorted(
        await e.facts.all(
          compressedSummaryQuery(e.dialect, { calibrationEnd: "2011-09-01", unit: "day", exactTime: true }),
        ),
      ),
  },
  "CLV fit BG/NBD, weeks, calibration to 2011-09-01": fitCase("bgnbd"),
  "CLV fit MBG/NBD, weeks, calibration to 2011-09-01": fitCase("mbgnbd"),
  "CLV fit Pareto/NBD, weeks, calibration to 2011-09-01": fitCase("pareto-nbd"),
  "CLV fit Gamma-Gamma, calibration to 2011-09-01": fitCase("gamma-gamma"),
  "CLV score: every customer's stored scores, and a second score reusing the fits": {
    feature: "clv-score",
    run: scoreCase,
  },
  "CLV check: BG/NBD on the calibration period against the holdout to the last day": {
    feature: "clv-check",
    run: async (e) =>
      JSON.parse(
        JSON.stringify(await checkModels(e, { calibrationEnd, unit: "week", models: ["bgnbd"] })),
      ) as unknown,
  },
};
