import type { SqlClient, SqlValue } from "@vafa/core";

/**
 * Inserts rows with bound parameters, many rows per statement (a round trip per row is far too slow
 * for a million statuses). `table` and `columns` are code constants, never user input; `param` is the
 * store's placeholder (`dialect.param` for the facts, `$n` for the operational store); `suffix` is
 * appended to each statement (e.g. an `ON CONFLICT` clause).
 *
 * @example
 * await insertRows(engine.facts, engine.dialect.param, "status_history", ["customer_id", "status"], [["c1", "at_risk"]]);
 */
export async function insertRows(
  client: SqlClient,
  param: (index: number) => string,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  suffix = "",
): Promise<void> {
  const perStatement = Math.max(1, Math.floor(20_000 / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: SqlValue[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((v) => {
        params.push(v);
        return param(params.length);
      });
      return `(${marks.join(", ")})`;
    });
    await client.run({
      sql: `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")} ${suffix}`,
      params,
    });
  }
}
