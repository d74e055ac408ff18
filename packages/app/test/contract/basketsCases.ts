import { type BasketOptions, type Engine, runBasketRules } from "@vafa/core";
import type { ContractCase, ContractCases } from "./ContractCase.ts";

/** The mined rules with their numbers; a case that finds no rule proves nothing. */
const rules = (options: BasketOptions): ContractCase => ({
  feature: "baskets",
  async run(e: Engine) {
    const r = await runBasketRules(e.facts, e.dialect, options);
    if (r.rules.length === 0) throw new Error("no basket rule found: the case would prove nothing");
    return r;
  },
});

/** Market-basket rules. */
export const basketsCases: ContractCases = {
  "basket rules, products, 1% support": rules({ minSupport: 0.01, minConfidence: 0.5 }),
  "basket rules, products, 2% support, pairs only": rules({
    minSupport: 0.02,
    minConfidence: 0.3,
    maxLength: 2,
  }),
};
