import {
  type ClusterOptions,
  type CustomerClusters,
  clusterCustomers,
  clusterFeaturesQuery,
  duckdbDialect,
  type SqlClient,
} from "@vafa/core";
import { resolveAsOfDay } from "./rfmFrame.ts";

/**
 * k-means clusters of customers on standardised behaviour (recency, frequency, log spend, tenure,
 * returns share) as of the last transaction day, each described in plain words.
 *
 * @example
 * const result = await clusters(store.client, { k: 4, seed: 1 });
 * for (const c of result.clusters) console.log(c.customers, c.description);
 */
export async function clusters(client: SqlClient, options: ClusterOptions = {}): Promise<CustomerClusters> {
  const rows = await client.all(clusterFeaturesQuery(duckdbDialect, await resolveAsOfDay(client)));
  return clusterCustomers(rows, options);
}
