import {
  type Dialect,
  type RetentionOptions,
  type RetentionRow,
  runRetention,
  type SqlClient,
} from "@vafa/core";

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
export function retention(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<RetentionRow[]> {
  return runRetention(client, dialect, options);
}
