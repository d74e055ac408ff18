import { type CohortOptions, type CohortTable, type Dialect, runCohorts, type SqlClient } from "@vafa/core";

/**
 * Acquisition cohorts (by first active period) and the share of each still active — or of its
 * period-0 sales or profit — k periods later. Defaults: metric "count", mode "on", relative to "first".
 *
 * @example
 * const { cohorts, mean } = await cohorts(store.client, duckdbDialect, { period: { unit: "month" } });
 */
export function cohorts(client: SqlClient, dialect: Dialect, options: CohortOptions): Promise<CohortTable> {
  return runCohorts(client, dialect, options);
}
