import { customerPage, listCustomers, overview } from "@vafa/app";
import { defaultDefectionRules } from "@vafa/core";
import type { ContractCases } from "./ContractCase.ts";

/** The executive overview, the customer list and a customer's page. */
export const overviewCases: ContractCases = {
  "overview, monthly": {
    feature: "overview",
    run: (e) =>
      overview(e, {
        retention: { period: { unit: "month" } },
        period: "month",
        rules: defaultDefectionRules,
      }),
  },
  "customer list: first page, a search, a branch, a later page": {
    feature: "customers",
    run: async (e) => [
      await listCustomers(e, { limit: 20 }),
      await listCustomers(e, { search: "1234", limit: 10 }),
      await listCustomers(e, { branch: "France", limit: 10 }),
      await listCustomers(e, { limit: 25, offset: 1000 }),
    ],
  },
  "customer page: 12347 and 17850": {
    feature: "customers",
    run: async (e) =>
      // When the scores were written is the clock's, not the data's.
      (await Promise.all(["12347", "17850"].map((id) => customerPage(e, id)))).map((page) => ({
        ...page,
        scores: page.scores === null ? null : { ...page.scores, scored_at: "(clock)" },
      })),
  },
};
