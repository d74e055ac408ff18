import type { Dialect } from "../Dialect.ts";
import type { SqlClient } from "../SqlClient.ts";
import type { Profitability } from "./Profitability.ts";
import { type ProfitabilityOptions, profitabilityQuery } from "./profitabilityQuery.ts";
import { toProfitability } from "./toProfitability.ts";

/**
 * Profitability of the whole base or by a dimension on any engine: the aggregation in the engine's
 * SQL, the shares and rates here.
 *
 * @example
 * const result = await runProfitability(engine.facts, engine.dialect, { margin: 0.3 });
 */
export async function runProfitability(
  client: SqlClient,
  dialect: Dialect,
  options: ProfitabilityOptions = {},
): Promise<Profitability> {
  const rows = await client.all(profitabilityQuery(dialect, options));
  return toProfitability(rows, { by: options.by?.name ?? null, margin: options.margin ?? null });
}
