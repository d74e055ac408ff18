import {
  duckdbDialect,
  type RepurchaseCycle,
  type RepurchaseCycleOptions,
  runRepurchaseCycle,
  type SqlClient,
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
export function repurchaseCycle(
  client: SqlClient,
  options: RepurchaseCycleOptions = {},
): Promise<RepurchaseCycle> {
  return runRepurchaseCycle(client, duckdbDialect, options);
}
