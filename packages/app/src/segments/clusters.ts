import {
  type ClusterOptions,
  type CustomerClusters,
  clusterCustomers,
  clusterFeaturesQuery,
  type Engine,
} from "@vafa/core";
import { resolveAsOfDay } from "./rfmFrame.ts";

/**
 * k-means clusters of customers on standardised behaviour (recency, frequency, log spend, tenure,
 * returns share) as of the last transaction day, each described in plain words.
 *
 * @example
 * const result = await clusters(engine, { k: 4, seed: 1 });
 * for (const c of result.clusters) console.log(c.customers, c.description);
 */
export async function clusters(engine: Engine, options: ClusterOptions = {}): Promise<CustomerClusters> {
  const rows = await engine.facts.all(clusterFeaturesQuery(engine.dialect, await resolveAsOfDay(engine)));
  return clusterCustomers(rows, options);
}
