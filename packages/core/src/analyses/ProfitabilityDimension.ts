/** Customer attributes profitability can be grouped by (columns of `customers`). */
export const customerDimensions = ["segment", "region", "country", "branch", "owner", "channel"] as const;

/** Transaction attributes profitability can be grouped by (columns of `transactions`). */
export const transactionDimensions = [
  "category",
  "product",
  "channel",
  "branch",
  "employee",
  "country",
] as const;

/**
 * A whitelisted grouping for profitability: which table and which column. Only values built by
 * `parseProfitabilityDimension` exist, so the column name is always one of the two lists above.
 */
export type ProfitabilityDimension =
  | {
      readonly scope: "customer";
      readonly column: (typeof customerDimensions)[number];
      readonly name: string;
    }
  | {
      readonly scope: "transaction";
      readonly column: (typeof transactionDimensions)[number];
      readonly name: string;
    };
