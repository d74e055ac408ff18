import { AnalysisError } from "./AnalysisError.ts";
import {
  customerDimensions,
  type ProfitabilityDimension,
  transactionDimensions,
} from "./ProfitabilityDimension.ts";

function isIn<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * Parses a `--by` argument into a whitelisted dimension. A bare name is a customer attribute when
 * `customers` has it (segment, region, country, branch, owner, channel) and otherwise a transaction
 * attribute (category, product, employee); `transaction.` or `customer.` picks the table explicitly,
 * as in `transaction.branch`. Case and surrounding spaces are ignored.
 *
 * @throws AnalysisError listing the accepted names.
 * @example
 * parseProfitabilityDimension("branch"); // { scope: "customer", column: "branch", name: "branch" }
 * parseProfitabilityDimension("transaction.branch"); // { scope: "transaction", column: "branch", name: "transaction.branch" }
 * parseProfitabilityDimension("category"); // { scope: "transaction", column: "category", name: "transaction.category" }
 */
export function parseProfitabilityDimension(text: string): ProfitabilityDimension {
  const name = text.trim().toLowerCase();
  const [prefix, rest] = name.includes(".")
    ? [name.slice(0, name.indexOf(".")), name.slice(name.indexOf(".") + 1)]
    : [null, name];
  if ((prefix === null || prefix === "customer") && isIn(customerDimensions, rest)) {
    return { scope: "customer", column: rest, name: rest };
  }
  if ((prefix === null || prefix === "transaction") && isIn(transactionDimensions, rest)) {
    return { scope: "transaction", column: rest, name: `transaction.${rest}` };
  }
  throw new AnalysisError(
    `cannot group by "${text}": use a customer attribute (${customerDimensions.join(", ")}) or a transaction attribute (${transactionDimensions.map((d) => `transaction.${d}`).join(", ")})`,
  );
}
