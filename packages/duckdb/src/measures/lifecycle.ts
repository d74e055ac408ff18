import {
  type Dialect,
  type LifecycleRow,
  type RetentionOptions,
  runLifecycle,
  type SqlClient,
} from "@vafa/core";

/**
 * New, retained, resurrected and dormant (lost) customers per period — the counts of the retention
 * report, so both always agree.
 *
 * @example
 * const rows = await lifecycle(store.client, duckdbDialect, { period: { unit: "quarter" } });
 */
export function lifecycle(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<LifecycleRow[]> {
  return runLifecycle(client, dialect, options);
}
