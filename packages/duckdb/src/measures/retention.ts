import {
  type Dialect,
  type RetentionOptions,
  type RetentionRow,
  resolveRetentionOptions,
  retentionQuery,
  retentionRows,
  type SqlClient,
} from "@vafa/core";
import { preparePeriods } from "./preparePeriods.ts";

/**
 * The retention report of DESIGN.md §3: per period (and group) the active base, retained, new,
 * resurrected and lost customers and the raw, sales- and profit-adjusted rates. The SQL comes from
 * the core; this runs it.
 *
 * @throws RetentionError / PeriodError for invalid options.
 * @example
 * const rows = await retention(store.client, duckdbDialect, { period: { unit: "month" } });
 * rows[1]?.raw; // share of January's active customers active again in February
 */
export async function retention(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<RetentionRow[]> {
  const o = resolveRetentionOptions(options);
  const frame = await preparePeriods(client, dialect, o);
  if (frame === null) return [];
  return retentionRows(await client.all(retentionQuery(dialect, o)), frame);
}
