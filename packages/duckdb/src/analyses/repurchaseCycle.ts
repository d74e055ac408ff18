import {
  duckdbDialect,
  type RepurchaseCycle,
  type RepurchaseCycleOptions,
  repurchaseCycleQuery,
  type SqlClient,
  toRepurchaseCycle,
} from "@vafa/core";

/**
 * The repurchase cycle of the store's customers: distribution of each customer's median gap between
 * purchase days, quantiles, and the shortest period covering most customers' cycles.
 *
 * @example
 * const store = await openStore("./vafa.duckdb");
 * const cycle = await repurchaseCycle(store.client);
 * console.log(cycle.summary); // "month covers 63% of customers' cycles (…)"
 */
export async function repurchaseCycle(
  client: SqlClient,
  options: RepurchaseCycleOptions = {},
): Promise<RepurchaseCycle> {
  return toRepurchaseCycle(await client.all(repurchaseCycleQuery(duckdbDialect, options)));
}
