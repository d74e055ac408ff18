import {
  classifyStore,
  createComplaint,
  defectionReasons,
  listComplaints,
  programmeEconomics,
  recommend,
  recordSurveyResponse,
  shareOfWallet,
} from "@vafa/duckdb";
import type { ContractCases } from "./ContractCase.ts";

/**
 * Use cases written for the embedded engine only so far: DuckDB answers them and every other
 * engine must refuse them (the suite checks the refusal before running a case).
 */
export const embeddedCases: ContractCases = {
  "share of wallet with a market estimate": {
    feature: "share-of-wallet",
    run: (e) => shareOfWallet(e.facts),
  },
  "defection reasons": { feature: "causes-reasons", run: (e) => defectionReasons(e.facts) },
  "a complaint recorded and listed": {
    feature: "complaints",
    async run(e) {
      await createComplaint(e.state, {
        customerId: "12347",
        category: "late_delivery",
        occurredAt: "2011-10-01",
        id: "k1",
      });
      return (await listComplaints(e.state)).map((c) => [c.customerId, c.category, c.status]);
    },
  },
  "an exit survey answer recorded": {
    feature: "surveys",
    run: async (e) =>
      (
        await recordSurveyResponse(e.state, {
          customerId: "12347",
          survey: "exit",
          answers: [{ question: "exit_reason", value: "price" }],
        })
      ).answers,
  },
  "whom to retain": { feature: "programme", run: (e) => classifyStore(e.facts) },
  "retention economics": { feature: "programme", run: (e) => programmeEconomics(e.facts) },
  "next best products for a customer": {
    feature: "recommend",
    run: (e) => recommend(e.facts, "12347", { minSupport: 0.01, minConfidence: 0.3 }),
  },
};
