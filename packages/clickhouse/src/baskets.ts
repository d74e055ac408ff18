import { type BasketOptions, type BasketRules, runBasketRules } from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";

/**
 * Market-basket rules over ClickHouse (see `runBasketRules`): item counts and frequent pairs in the
 * engine, FP-growth in TypeScript.
 *
 * @example
 * const result = await basketRules(engine, { minSupport: 0.01, minConfidence: 0.5 });
 */
export function basketRules(engine: ClickHouseEngine, options: BasketOptions = {}): Promise<BasketRules> {
  return runBasketRules(engine.client, engine.dialect, options);
}
