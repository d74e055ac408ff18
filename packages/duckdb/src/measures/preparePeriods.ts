import {
  type Dialect,
  type PeriodFrame,
  type ResolvedRetentionOptions,
  runPreparePeriods,
  type SqlClient,
} from "@vafa/core";

/**
 * Finds the data range in the options' zone and (re)creates the day → period and period temp
 * tables for it. Returns the frame of periods, or null when there are no transactions.
 *
 * @example
 * const frame = await preparePeriods(store.client, duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export function preparePeriods(
  client: SqlClient,
  dialect: Dialect,
  o: ResolvedRetentionOptions,
): Promise<PeriodFrame | null> {
  return runPreparePeriods(client, dialect, o);
}
