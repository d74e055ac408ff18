import {
  type CohortOptions,
  type CohortTable,
  cohortQuery,
  cohortTable,
  type Dialect,
  resolveRetentionOptions,
  type SqlClient,
} from "@vafa/core";
import { preparePeriods } from "./preparePeriods.ts";

/**
 * Acquisition cohorts (by first active period) and the share of each still active — or of its
 * period-0 sales or profit — k periods later. Defaults: metric "count", mode "on", relative to "first".
 *
 * @example
 * const { cohorts, mean } = await cohorts(store.client, duckdbDialect, { period: { unit: "month" } });
 */
export async function cohorts(
  client: SqlClient,
  dialect: Dialect,
  options: CohortOptions,
): Promise<CohortTable> {
  const { metric = "count", mode = "on", relativeTo = "first", ...rest } = options;
  const o = resolveRetentionOptions(rest);
  const frame = await preparePeriods(client, dialect, o);
  if (frame === null) return { cohorts: [], mean: [] };
  return cohortTable(await client.all(cohortQuery(dialect, o)), frame, metric, mode, relativeTo);
}
