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
  capabilities: { commonTableExpressions: true, windowFunctions: true, queryParameters: true },
  nullOf: (type) => `CAST(NULL AS ${type})`,
  smallTableJoin: (kind) => `${kind} JOIN`,
  quoteIdent,
  param: (index) => `$${index}`,
  epochDay: (timestamp, timeZone) =>
    timeZone === null
      ? `CAST(date_diff('day', DATE '1970-01-01', CAST(${timestamp} AS DATE)) AS INTEGER)`
      : `CAST(date_diff('day', DATE '1970-01-01', CAST(timezone(${timeZone}, CAST(${timestamp} AS TIMESTAMPTZ)) AS DATE)) AS INTEGER)`,
  argMin: (arg, value) => `arg_min(${arg}, ${value})`,
  argMax: (arg, value) => `arg_max(${arg}, ${value})`,
  customerDays: "customer_days",
  median: (expr) => `median(${expr})`,
  consecutiveGaps: (source, key, value) =>
    `SELECT ${key}, gap FROM (SELECT ${key}, ${value} - lag(${value}) OVER (PARTITION BY ${key} ORDER BY ${value}) AS gap FROM (${source}) AS gap_source) AS gap_lagged WHERE gap IS NOT NULL`,
  createTempTable: (name, select) => `CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS ${select}`,
  dropTempTable: () => null,
  like: (text, pattern) => `${text} LIKE ${pattern} ESCAPE '\\'`,
  integerRows: (columns, rows) =>
    `(VALUES ${rows.map((r) => `(${r.map((v) => String(Math.trunc(v))).join(", ")})`).join(", ")}) AS v(${columns.map(quoteIdent).join(", ")})`,
  replaceOnKey: (key, columns) =>
    `ON CONFLICT (${quoteIdent(key)}) DO UPDATE SET ${columns
      .filter((c) => c !== key)
      .map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`)
      .join(", ")}`,
};
