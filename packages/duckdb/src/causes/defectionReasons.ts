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
  /** A number attribute valuing each defector (a snapshot's `MonthlyCharges`); default none. */
  readonly value?: string;
  /** Multiplies the value attribute; default 1. */
  readonly valueMultiplier?: number;
}

/**
 * Defections by exit reason — from worklist contacts, exit surveys and a snapshot's customers (a
 * customers file with an exit reason and its category), one reason per customer — by count and by
 * value lost (value, last-12-months sales, predicted lifetime value), per reason and per category,
 * overall or per segment or branch, with each reason's trend per period. A snapshot without
 * transactions is valued by `value` (an attribute, × `valueMultiplier`).
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
      ...(options.value === undefined ? {} : { valueAttribute: options.value }),
      ...(options.valueMultiplier === undefined ? {} : { valueMultiplier: options.valueMultiplier }),
    }),
  );
  return summariseReasons(rows, { ...options, taxonomy: options.taxonomy ?? DEFAULT_EXIT_REASONS });
}
