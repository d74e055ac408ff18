import type { Dialect } from "../Dialect.ts";
import type { SqlClient } from "../SqlClient.ts";
import type { RepurchaseCycle } from "./RepurchaseCycle.ts";
import { type RepurchaseCycleOptions, repurchaseCycleQuery } from "./repurchaseCycleQuery.ts";
import { toRepurchaseCycle } from "./toRepurchaseCycle.ts";

/**
 * Each customer's median gap between purchase days and the period it suggests, on any engine.
 *
 * @example
 * const cycle = await runRepurchaseCycle(engine.facts, engine.dialect, { timeZone: null });
 */
export async function runRepurchaseCycle(
  client: SqlClient,
  dialect: Dialect,
  options: RepurchaseCycleOptions = {},
): Promise<RepurchaseCycle> {
  return toRepurchaseCycle(await client.all(repurchaseCycleQuery(dialect, options)));
}
