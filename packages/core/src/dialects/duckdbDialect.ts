import type { Dialect } from "../Dialect.ts";
import { quoteIdent } from "../quoteIdent.ts";

/**
 * DuckDB's spelling of the dialect-specific pieces.
 *
 * @example
 * duckdbDialect.epochDay("occurred_at", null); // "CAST(date_diff('day', DATE '1970-01-01', occurred_at) AS INTEGER)"
 */
export const duckdbDialect: Dialect = {
  name: "duckdb",
  quoteIdent,
  param: (index) => `$${index}`,
  epochDay: (timestamp, timeZone) =>
    timeZone === null
      ? `CAST(date_diff('day', DATE '1970-01-01', CAST(${timestamp} AS DATE)) AS INTEGER)`
      : `CAST(date_diff('day', DATE '1970-01-01', CAST(timezone(${timeZone}, CAST(${timestamp} AS TIMESTAMPTZ)) AS DATE)) AS INTEGER)`,
  median: (expr) => `median(${expr})`,
};
