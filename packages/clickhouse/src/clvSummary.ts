import {
  compressedSpendQuery,
  compressedSummaryQuery,
  customerSummaryQuery,
  type Row,
  type SummaryOptions,
} from "@vafa/core";
import type { ClickHouseEngine } from "./connectClickHouse.ts";

/**
 * The per-customer model summary (x, t_x, T, monetary, first_day, and with a holdout end
 * holdout_x and holdout_sales) over ClickHouse: the core's `customerSummaryQuery`, as DuckDB reads it.
 *
 * @example
 * const rows = await modelSummary(engine, { calibrationEnd: "2011-09-01", unit: "week" });
 */
export function modelSummary(engine: ClickHouseEngine, options: SummaryOptions = {}): Promise<Row[]> {
  return engine.client.all(customerSummaryQuery(engine.dialect, options));
}

/**
 * The summary compressed to one row per distinct (x, t_x, T) with its customer count `n`, ordered
 * — what the purchase models are fitted on (see `fitFromStore` in `@vafa/duckdb`).
 *
 * @example
 * const rows = await compressedSummary(engine, { calibrationEnd: "2011-09-01", unit: "week" });
 * // [{ x: 0, t_x: 0, T: 0.14, n: 12 }, …]
 */
export function compressedSummary(engine: ClickHouseEngine, options: SummaryOptions = {}): Promise<Row[]> {
  return engine.client.all(compressedSummaryQuery(engine.dialect, options));
}

/**
 * The Gamma-Gamma input compressed: one row per distinct (x, monetary) of customers with a repeat
 * purchase and positive mean repeat spend, with its count `n`, ordered.
 *
 * @example
 * const rows = await compressedSpend(engine, { calibrationEnd: "2011-09-01" }); // [{ x: 1, monetary: 3.75, n: 1 }, …]
 */
export function compressedSpend(engine: ClickHouseEngine, options: SummaryOptions = {}): Promise<Row[]> {
  return engine.client.all(compressedSpendQuery(engine.dialect, options));
}
