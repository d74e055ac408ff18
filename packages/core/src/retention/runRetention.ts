import type { Dialect } from "../Dialect.ts";
import type { SqlClient } from "../SqlClient.ts";
import type { CohortOptions, CohortTable } from "./CohortOptions.ts";
import { cohortQuery } from "./cohortQuery.ts";
import { cohortTable } from "./cohortTable.ts";
import type { LifecycleRow } from "./LifecycleRow.ts";
import { periodFrame } from "./periodFrame.ts";
import { dataRangeQuery, periodMappingStatements } from "./periodMapping.ts";
import type { RetentionOptions } from "./RetentionOptions.ts";
import type { RetentionRow } from "./RetentionRow.ts";
import { type ResolvedRetentionOptions, resolveRetentionOptions } from "./resolveRetentionOptions.ts";
import { retentionQuery } from "./retentionQuery.ts";
import { type PeriodFrame, retentionRows } from "./retentionRows.ts";

/**
 * Finds the data range in the options' zone and (re)creates the day → period and period temp
 * tables for it, on any engine. Returns the frame of periods, or null when there are no transactions.
 *
 * @example
 * const frame = await runPreparePeriods(client, dialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export async function runPreparePeriods(
  client: SqlClient,
  dialect: Dialect,
  o: ResolvedRetentionOptions,
): Promise<PeriodFrame | null> {
  const [range] = await client.all(dataRangeQuery(dialect, o));
  if (range === undefined || range.first_day === null || range.last_day === null) return null;
  const { table, frame } = periodFrame(
    Number(range.first_day),
    Number(range.last_day),
    o.period,
    o.fromDay,
    o.toDay,
  );
  for (const statement of periodMappingStatements(dialect, table)) await client.run(statement);
  return frame;
}

/**
 * The retention report (DESIGN.md §3) on any engine: the SQL of the core run through `client`,
 * rates formed by `retentionRows`. Engine packages call this with their client and dialect.
 *
 * @example
 * const rows = await runRetention(store.client, duckdbDialect, { period: { unit: "month" } });
 */
export async function runRetention(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<RetentionRow[]> {
  const o = resolveRetentionOptions(options);
  const frame = await runPreparePeriods(client, dialect, o);
  if (frame === null) return [];
  return retentionRows(await client.all(retentionQuery(dialect, o)), frame);
}

/**
 * Acquisition cohorts on any engine (defaults: metric "count", mode "on", relative to "first").
 *
 * @example
 * const { cohorts } = await runCohorts(client, dialect, { period: { unit: "month" } });
 */
export async function runCohorts(
  client: SqlClient,
  dialect: Dialect,
  options: CohortOptions,
): Promise<CohortTable> {
  const { metric = "count", mode = "on", relativeTo = "first", ...rest } = options;
  const o = resolveRetentionOptions(rest);
  const frame = await runPreparePeriods(client, dialect, o);
  if (frame === null) return { cohorts: [], mean: [] };
  return cohortTable(await client.all(cohortQuery(dialect, o)), frame, metric, mode, relativeTo);
}

/**
 * New, retained, resurrected and dormant customers per period, from the retention report's counts.
 *
 * @example
 * const rows = await runLifecycle(client, dialect, { period: { unit: "quarter" } });
 */
export async function runLifecycle(
  client: SqlClient,
  dialect: Dialect,
  options: RetentionOptions,
): Promise<LifecycleRow[]> {
  return (await runRetention(client, dialect, options)).map((r) => ({
    period: r.period,
    group: r.group,
    new: r.new,
    retained: r.retained,
    resurrected: r.resurrected,
    dormant: r.lost,
    complete: r.complete,
  }));
}
