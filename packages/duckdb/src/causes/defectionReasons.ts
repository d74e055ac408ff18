import {
  DEFAULT_EXIT_REASONS,
  duckdbDialect,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  type ReasonReport,
  reasonsQuery,
  type SqlClient,
  type SummariseReasonsOptions,
  summariseReasons,
  toEpochDay,
} from "@vafa/core";

/** Options of `defectionReasons`. */
export interface DefectionReasonsOptions extends SummariseReasonsOptions {
  /** "YYYY-MM-DD", inclusive; default all. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * Defections by exit reason — from worklist contacts and exit surveys, one reason per customer — by
 * count and by lost value, overall or per segment or branch, with each reason's trend per period.
 *
 * @example
 * const r = await defectionReasons(store.client, { by: "branch", period: "quarter" });
 */
export async function defectionReasons(
  client: SqlClient,
  options: DefectionReasonsOptions = {},
): Promise<ReasonReport> {
  const rows = await client.all(
    reasonsQuery(duckdbDialect, {
      fromDay: options.from === undefined ? MIN_EPOCH_DAY : toEpochDay(options.from),
      toDay: options.to === undefined ? MAX_EPOCH_DAY : toEpochDay(options.to),
    }),
  );
  return summariseReasons(rows, { ...options, taxonomy: options.taxonomy ?? DEFAULT_EXIT_REASONS });
}
