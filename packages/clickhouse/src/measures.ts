import {
  type CohortOptions,
  type CohortTable,
  type LifecycleRow,
  type Profitability,
  type ProfitabilityOptions,
  profitabilityQuery,
  type RepurchaseCycle,
  type RepurchaseCycleOptions,
  type RetentionOptions,
  type RetentionRow,
  repurchaseCycleQuery,
  runCohorts,
  runLifecycle,
  runRetention,
  toProfitability,
  toRepurchaseCycle,
} from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";

/**
 * The retention report (DESIGN.md §3) over ClickHouse: the core's SQL in the server's dialect, the
 * core's post-processing — the same functions the DuckDB engine runs.
 *
 * @example
 * const rows = await retention(engine, { period: { unit: "month" }, by: "segment" });
 */
export function retention(engine: ClickHouseEngine, options: RetentionOptions): Promise<RetentionRow[]> {
  return runRetention(engine.client, engine.dialect, options);
}

/** Acquisition cohorts over ClickHouse (see `runCohorts`). */
export function cohorts(engine: ClickHouseEngine, options: CohortOptions): Promise<CohortTable> {
  return runCohorts(engine.client, engine.dialect, options);
}

/** New, retained, resurrected and dormant customers per period over ClickHouse. */
export function lifecycle(engine: ClickHouseEngine, options: RetentionOptions): Promise<LifecycleRow[]> {
  return runLifecycle(engine.client, engine.dialect, options);
}

/** The repurchase cycle over ClickHouse (array-based gaps and exact medians on 18.16). */
export async function repurchaseCycle(
  engine: ClickHouseEngine,
  options: RepurchaseCycleOptions = {},
): Promise<RepurchaseCycle> {
  return toRepurchaseCycle(await engine.client.all(repurchaseCycleQuery(engine.dialect, options)));
}

/** Profitability of the whole base or by a dimension over ClickHouse. */
export async function profitability(
  engine: ClickHouseEngine,
  options: ProfitabilityOptions = {},
): Promise<Profitability> {
  const rows = await engine.client.all(profitabilityQuery(engine.dialect, options));
  return toProfitability(rows, { by: options.by?.name ?? null, margin: options.margin ?? null });
}
