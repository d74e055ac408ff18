import type { Dialect, LifecycleRow, RetentionOptions, SqlClient } from "@vafa/core";
import { retention } from "./retention.ts";

/**
 * New, retained, resurrected and dormant (lost) customers per period — the counts of the retention
 * report, so both always agree.
 *
 * @example
 * const rows = await lifecycle(store.client, duckdbDialect, { period: { unit: "quarter" } });
 */
export async function lifecycle(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<LifecycleRow[]> {
  const rows = await retention(client, dialect, options);
  return rows.map((r) => ({
    period: r.period,
    group: r.group,
    new: r.new,
    retained: r.retained,
    resurrected: r.resurrected,
    dormant: r.lost,
    complete: r.complete,
  }));
}
