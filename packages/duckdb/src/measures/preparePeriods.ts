import {
  type Dialect,
  dataRangeQuery,
  type PeriodFrame,
  periodFrame,
  periodMappingStatements,
  type ResolvedRetentionOptions,
  type SqlClient,
} from "@vafa/core";

/**
 * Finds the data range in the options' zone and (re)creates the day → period and period temp
 * tables for it. Returns the frame of periods, or null when there are no transactions.
 *
 * @example
 * const frame = await preparePeriods(store.client, duckdbDialect, resolveRetentionOptions({ period: { unit: "month" } }));
 */
export async function preparePeriods(
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
