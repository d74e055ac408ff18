import {
  duckdbDialect,
  type Profitability,
  type ProfitabilityOptions,
  runProfitability,
  type SqlClient,
} from "@vafa/core";

/**
 * Profitability of the whole base or by one customer or transaction dimension: customers, net
 * sales, cost, profit, profit per customer, share of profit, returns share and acquisition cost.
 *
 * @example
 * const result = await profitability(store.client, { by: parseProfitabilityDimension("segment"), margin: 0.3 });
 * for (const row of result.rows) console.log(row.group, row.profit);
 */
export function profitability(client: SqlClient, options: ProfitabilityOptions = {}): Promise<Profitability> {
  return runProfitability(client, duckdbDialect, options);
}
