import {
  duckdbDialect,
  type Profitability,
  type ProfitabilityOptions,
  profitabilityQuery,
  type SqlClient,
  toProfitability,
} from "@vafa/core";

/**
 * Profitability of the whole base or by one customer or transaction dimension: customers, net
 * sales, cost, profit, profit per customer, share of profit, returns share and acquisition cost.
 *
 * @example
 * const result = await profitability(store.client, { by: parseProfitabilityDimension("segment"), margin: 0.3 });
 * for (const row of result.rows) console.log(row.group, row.profit);
 */
export async function profitability(
  client: SqlClient,
  options: ProfitabilityOptions = {},
): Promise<Profitability> {
  const rows = await client.all(profitabilityQuery(duckdbDialect, options));
  return toProfitability(rows, { by: options.by?.name ?? null, margin: options.margin ?? null });
}
