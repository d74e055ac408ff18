import { duckdbDialect, ProgrammeError, type SqlClient, sql, toEpochDay } from "@vafa/core";

/** Whether a table exists and holds any row (customer_scores, customer_status, complaints). */
export async function hasRows(
  client: SqlClient,
  table: "customer_scores" | "customer_status" | "complaints",
): Promise<boolean> {
  const [t] = await client.all(
    sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $1", [table]),
  );
  if (Number(t?.n ?? 0) === 0) return false;
  // The name comes from the literal union above, never from a user.
  const [r] = await client.all(sql(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1) AS x`));
  return Number(r?.n ?? 0) > 0;
}

/** The last transaction day (epoch day), or null for an empty store. */
export async function lastTransactionDay(client: SqlClient): Promise<number | null> {
  const [r] = await client.all(
    sql(`SELECT max(${duckdbDialect.epochDay("occurred_at", null)}) AS d FROM transactions`),
  );
  return r?.d === null || r?.d === undefined ? null : Number(r.d);
}

/**
 * Parses a "YYYY-MM-DD" option to an epoch day.
 *
 * @throws ProgrammeError naming the option.
 */
export function dayOption(text: string, name: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim()))
    throw new ProgrammeError(`${name} must be YYYY-MM-DD, got "${text}"`);
  return toEpochDay(text.trim());
}

/** A nullable number column as a number or null. */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
