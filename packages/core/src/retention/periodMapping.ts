import type { Dialect } from "../Dialect.ts";
import type { PeriodTable } from "../periods/periodTable.ts";
import type { SqlQuery } from "../SqlQuery.ts";
import type { ResolvedRetentionOptions } from "./resolveRetentionOptions.ts";
import { SqlParams } from "./SqlParams.ts";

/** Temp table mapping each civil day of the data range to its period index: (day, idx). */
export const DAY_PERIOD_TABLE = "vafa_day_period";
/** Temp table listing every period index of the data range: (idx). */
export const PERIODS_TABLE = "vafa_periods";

/**
 * The data range: first and last civil day (epoch days, in the options' zone) of any transaction —
 * and of any activity event of the counted types, when the rule counts some — as one row
 * `(first_day, last_day)`, both null when there are none. Converting min/max rather than every
 * row is exact: an instant's civil day never decreases as the instant grows.
 *
 * @example
 * dataRangeQuery(duckdbDialect, resolveRetentionOptions({ period: { unit: "month" }, timeZone: "Asia/Tehran" })).params; // ["Asia/Tehran"]
 */
export function dataRangeQuery(dialect: Dialect, o: ResolvedRetentionOptions): SqlQuery {
  const p = new SqlParams(dialect);
  const zone = o.timeZone === null ? null : p.add(o.timeZone);
  let bounds = "SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM transactions";
  if (countsEvents(o)) {
    const types = o.activityTypes.map((type) => p.add(type)).join(", ");
    bounds += ` UNION ALL SELECT min(occurred_at) AS lo, max(occurred_at) AS hi FROM activity WHERE type IN (${types})`;
  }
  return {
    sql: `SELECT ${dialect.epochDay("min(lo)", zone)} AS first_day, ${dialect.epochDay("max(hi)", zone)} AS last_day FROM (${bounds}) AS bounds`,
    params: p.values,
  };
}

/** Whether activity-table events count toward activity (they cannot carry a transaction dimension). */
export function countsEvents(o: ResolvedRetentionOptions): boolean {
  return o.activityTypes.length > 0 && o.by?.source !== "transaction";
}

/**
 * Statements creating the two small temp tables facts are joined to: day → period index for every
 * day of `table`, and the list of period indexes. Facts then map to periods by an integer
 * equi-join, which works the same for every calendar. Values are generated integers, not user input.
 *
 * @example
 * for (const q of periodMappingStatements(duckdbDialect, periodTable("2011-01-01", "2011-03-31", { unit: "month" }))) await client.run(q);
 */
export function periodMappingStatements(dialect: Dialect, table: PeriodTable): SqlQuery[] {
  const dayRows: number[][] = [];
  for (let i = 0; i < table.day.length; i++) dayRows.push([table.day[i] ?? 0, table.index[i] ?? 0]);
  const periodRows = table.periods.map((p) => [p.index]);
  const create = (name: string, select: string): SqlQuery[] => {
    const drop = dialect.dropTempTable(name);
    return [
      ...(drop === null ? [] : [{ sql: drop, params: [] }]),
      { sql: dialect.createTempTable(name, select), params: [] },
    ];
  };
  return [
    ...create(
      DAY_PERIOD_TABLE,
      `SELECT CAST(day AS INTEGER) AS day, CAST(idx AS INTEGER) AS idx FROM ${dialect.integerRows(["day", "idx"], dayRows)}`,
    ),
    ...create(
      PERIODS_TABLE,
      `SELECT CAST(idx AS INTEGER) AS idx FROM ${dialect.integerRows(["idx"], periodRows)}`,
    ),
  ];
}
